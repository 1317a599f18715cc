package phones

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// MaxBody caps every request body: an answer is a few hundred bytes, and
// a long rationale fits many times over.
const MaxBody = 64 << 10

// answer is one answer as a phone sends it: PUT api/placements/{key} with
// {"value": 0..100, "confidence": 1..5, "note": "..."}; confidence and
// note may be left out.
type answer struct {
	Value      int
	Confidence int
	Note       string
}

// FieldError says which field of a request body is wrong, and how.
type FieldError struct {
	Field   string `json:"field"`
	Problem string `json:"error"`
}

func (e *FieldError) Error() string {
	if e.Field == "" {
		return e.Problem
	}
	return e.Field + ": " + e.Problem
}

// decodeAnswer reads an answer strictly: one JSON object with only the
// three known keys, each at most once, with integer numbers, and nothing
// after it. encoding/json would let a repeated key win silently and fill
// "Value" from "VALUE"; a phone's page never sends either, so either is
// a bug or an attack and is refused.
func decodeAnswer(data []byte) (answer, error) {
	var a answer
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return a, &FieldError{Problem: "the body must be a JSON object"}
	}
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return a, &FieldError{Problem: "the body is not valid JSON"}
		}
		key, _ := tok.(string)
		if seen[key] {
			return a, &FieldError{Field: key, Problem: "given twice"}
		}
		seen[key] = true
		switch key {
		case "value":
			a.Value, err = intField(dec, key)
		case "confidence":
			a.Confidence, err = intField(dec, key)
		case "note":
			a.Note, err = stringField(dec, key)
		default:
			return a, &FieldError{Field: key, Problem: "unknown field (expected value, confidence, note)"}
		}
		if err != nil {
			return a, err
		}
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		return a, &FieldError{Problem: "the body is not valid JSON"}
	}
	if _, err := dec.Token(); err != io.EOF {
		return a, &FieldError{Problem: "nothing may follow the JSON object"}
	}
	if !seen["value"] {
		return a, &FieldError{Field: "value", Problem: "missing"}
	}
	return a, nil
}

func intField(dec *json.Decoder, field string) (int, error) {
	tok, err := dec.Token()
	if err != nil {
		return 0, &FieldError{Field: field, Problem: "not valid JSON"}
	}
	n, ok := tok.(json.Number)
	if !ok {
		return 0, &FieldError{Field: field, Problem: fmt.Sprintf("must be a whole number (got %s)", kind(tok))}
	}
	v, err := strconv.Atoi(n.String())
	if err != nil {
		var ne *strconv.NumError
		if errors.As(err, &ne) && errors.Is(ne.Err, strconv.ErrRange) {
			return 0, &FieldError{Field: field, Problem: "out of range"}
		}
		return 0, &FieldError{Field: field, Problem: fmt.Sprintf("must be a whole number (got %s)", n)}
	}
	return v, nil
}

func stringField(dec *json.Decoder, field string) (string, error) {
	tok, err := dec.Token()
	if err != nil {
		return "", &FieldError{Field: field, Problem: "not valid JSON"}
	}
	s, ok := tok.(string)
	if !ok {
		return "", &FieldError{Field: field, Problem: fmt.Sprintf("must be text (got %s)", kind(tok))}
	}
	return s, nil
}

// kind names a JSON token's type for an error message.
func kind(tok json.Token) string {
	switch tok.(type) {
	case json.Delim:
		return "an object or a list"
	case json.Number:
		return "a number"
	case string:
		return "text"
	case bool:
		return "true or false"
	case nil:
		return "null"
	}
	return "something else"
}

// decodeString reads {"<field>": "text"} strictly, as decodeAnswer does.
func decodeString(data []byte, field string) (string, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return "", &FieldError{Problem: "the body must be a JSON object"}
	}
	var v string
	seen := false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return "", &FieldError{Problem: "the body is not valid JSON"}
		}
		key, _ := tok.(string)
		if key != field {
			return "", &FieldError{Field: key, Problem: "unknown field (expected " + field + ")"}
		}
		if seen {
			return "", &FieldError{Field: key, Problem: "given twice"}
		}
		seen = true
		if v, err = stringField(dec, key); err != nil {
			return "", err
		}
	}
	if _, err := dec.Token(); err != nil {
		return "", &FieldError{Problem: "the body is not valid JSON"}
	}
	if _, err := dec.Token(); err != io.EOF {
		return "", &FieldError{Problem: "nothing may follow the JSON object"}
	}
	if !seen {
		return "", &FieldError{Field: field, Problem: "missing"}
	}
	return v, nil
}
