package canvas

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// checkKeys walks the tokens of a valid JSON document and reports, at every
// level, a key given twice and a key the file format does not have. A key
// that differs from a field's name only in case is reported as unknown with
// the name meant: encoding/json (v1) would fill the field with it, and let
// the last of two equal keys win, so neither may reach the decoder
// unnoticed.
//
// The standard library's token stream does this in one short walk; the
// strict decoder of github.com/go-json-experiment/json would too, but as a
// new dependency, and with its own wording of every other error.
func checkKeys(data []byte, schema *keySchema) []Problem {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber() // a number is skipped, never parsed, so none can overflow
	k := keyChecker{dec: dec}
	if err := k.value(schema, ""); err != nil {
		// The document was checked to be valid JSON before.
		k.ps.add("", ProblemJSONOther, err.Error())
	}
	return k.ps
}

type keyChecker struct {
	dec *json.Decoder
	ps  problems
}

// value reads one value at path. s is what the format expects there, nil
// where it expects nothing in particular (a value of the wrong type, which
// the decoder reports). Nesting is bounded: json.Valid refuses documents
// nested deeper than 10,000 levels.
func (k *keyChecker) value(s *keySchema, path string) error {
	tok, err := k.dec.Token()
	if err != nil {
		return err
	}
	switch tok {
	case json.Delim('{'):
		seen := map[string]bool{}
		for k.dec.More() {
			tok, err := k.dec.Token()
			if err != nil {
				return err
			}
			key := tok.(string) // object keys are strings in valid JSON
			var child *keySchema
			if s != nil && s.fields != nil {
				child = k.key(s, path, key, seen)
			}
			seen[key] = true
			if err := k.value(child, joinPath(path, key)); err != nil {
				return err
			}
		}
		_, err = k.dec.Token()
	case json.Delim('['):
		var elem *keySchema
		if s != nil {
			elem = s.elem
		}
		for i := 0; k.dec.More(); i++ {
			if err := k.value(elem, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
		_, err = k.dec.Token()
	}
	return err
}

// key checks one key of an object the format describes and returns what
// its value should be.
func (k *keyChecker) key(s *keySchema, path, key string, seen map[string]bool) *keySchema {
	if seen[key] {
		k.ps.add(path, ProblemDuplicateKey, shortKey(key))
	}
	if child, ok := s.fields[key]; ok {
		return child
	}
	for name := range s.fields {
		// strings.EqualFold folds as encoding/json matches names,
		// including the Kelvin sign for k and the long s for s.
		if strings.EqualFold(name, key) {
			k.ps.add(joinPath(path, key), ProblemUnknownFieldMeant, name)
			return nil
		}
	}
	k.ps.add(joinPath(path, key), ProblemUnknownField)
	return nil
}

// joinPath names a key in a field path; a key that is not a plain name is
// quoted and cut short, so a path never carries a line break or a
// megabyte into a message.
func joinPath(path, key string) string {
	if !plainKey(key) {
		key = strconv.Quote(shortKey(key))
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

func plainKey(key string) bool {
	if key == "" || len(key) > 64 {
		return false
	}
	for _, r := range key {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '-' {
			return false
		}
	}
	return true
}

func shortKey(key string) string {
	const most = 64
	if utf8.RuneCountInString(key) <= most {
		return key
	}
	return string([]rune(key)[:most]) + "…"
}
