package canvas

import "slices"

// FileKeyPaths lists every key path of the session file format, with "[]"
// for any element of a list: "participants[].id", "round.started".
func FileKeyPaths() []string {
	var out []string
	var walk func(k *keySchema, path string)
	walk = func(k *keySchema, path string) {
		if k.elem != nil {
			walk(k.elem, path+"[]")
		}
		for name, child := range k.fields {
			p := joinPath(path, name)
			out = append(out, p)
			walk(child, p)
		}
	}
	walk(fileKeys, "")
	slices.Sort(out)
	return out
}
