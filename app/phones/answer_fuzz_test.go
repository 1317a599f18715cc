package phones

import (
	"encoding/json"
	"errors"
	"testing"
)

// FuzzDecodeAnswer: whatever a phone (or anyone on the Wi-Fi) sends, the
// decoder never panics, refuses with a FieldError, or accepts exactly what
// a lenient decoder reads from a document with no repeated, unknown or
// case-folded keys.
func FuzzDecodeAnswer(f *testing.F) {
	for _, s := range []string{
		`{"value": 50}`, `{"value": 0, "confidence": 5, "note": "合同续约率 ¿seguro?"}`,
		`{"value": 50, "value": 60}`, `{"VALUE": 5}`, `{"value": 1e2}`, `{"value": 50} x`,
		`{"note": "\ud800"}`, `[`, `{"value": -0}`, `{"value": 99999999999999999999999}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := decodeAnswer(data)
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Problem == "" {
				t.Fatalf("error %v is not a FieldError with a problem", err)
			}
			return
		}
		if !json.Valid(data) {
			t.Fatalf("accepted invalid JSON %q", data)
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("accepted %q, which is not an object: %v", data, err)
		}
		for k := range m {
			if k != "value" && k != "confidence" && k != "note" {
				t.Fatalf("accepted the unknown key %q", k)
			}
		}
		var lenient struct {
			Value      int    `json:"value"`
			Confidence int    `json:"confidence"`
			Note       string `json:"note"`
		}
		if err := json.Unmarshal(data, &lenient); err != nil {
			t.Fatalf("accepted %q, which encoding/json refuses: %v", data, err)
		}
		if lenient.Value != a.Value || lenient.Confidence != a.Confidence || lenient.Note != a.Note {
			t.Fatalf("decoded %+v, encoding/json reads %+v", a, lenient)
		}
	})
}
