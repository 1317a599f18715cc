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

// RuleDimensionPosition is the position Tensions works with for a
// dimension the rules use, so a test can hold it to the index's.
func (s *Session) RuleDimensionPosition(key string) (float64, bool) {
	j, ok := ruleDims[key]
	if !ok {
		return 0, false
	}
	p := s.ruleDimensionPositions()
	return p.value[j], p.ok[j]
}
