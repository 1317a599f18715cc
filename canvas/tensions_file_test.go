package canvas_test

import (
	"bytes"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// TestAcceptedTensionsRoundTripThroughTheFile: the team's acceptances,
// one of a rule this build lacks among them, survive export and import
// unchanged, and the accepted tension shows as accepted after import.
func TestAcceptedTensionsRoundTripThroughTheFile(t *testing.T) {
	s := fullSession(t)
	mustSet(t, s, "decision-makers", 75)
	mustSet(t, s, "decision-cycle", 5)
	o := canvas.NewOwner(s, nil)
	reason := "vendemos a comités, pero entramos con una prueba gratuita a propósito\n· 先试用"
	if err := o.Apply(canvas.AcceptTension{Rule: "committee-impulse", Reason: reason}); err != nil {
		t.Fatal(err)
	}
	s = o.Snapshot()
	s.AcceptedTensions = append(s.AcceptedTensions, canvas.AcceptedTension{Rule: "retired-rule", Reason: "kept"})

	var out bytes.Buffer
	if err := canvas.EncodeFile(&out, s); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"accepted_tensions": [`) {
		t.Fatalf("the file has no accepted_tensions:\n%s", out.String())
	}
	again, err := canvas.DecodeFile(bytes.NewReader(out.Bytes()), fileNow)
	if err != nil {
		t.Fatalf("import of the export: %v", err)
	}
	if !reflect.DeepEqual(again.AcceptedTensions, s.AcceptedTensions) {
		t.Errorf("accepted tensions = %+v, want %+v", again.AcceptedTensions, s.AcceptedTensions)
	}
	ts := again.Tensions()
	if len(ts) != 1 || !ts[0].Accepted || ts[0].Reason != reason {
		t.Errorf("tensions after import = %+v", ts)
	}
}

// TestFileWithoutAcceptedTensionsExportsAsBefore: a session nobody
// accepted a tension in writes no accepted_tensions key, so files written
// before tensions existed export byte for byte as they did.
func TestFileWithoutAcceptedTensionsExportsAsBefore(t *testing.T) {
	s := decode(t, exampleFile)
	var out bytes.Buffer
	if err := canvas.EncodeFile(&out, s); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "accepted_tensions") {
		t.Errorf("an export without acceptances names them:\n%s", out.String())
	}
	// Reopening the last one leaves none, not an empty list.
	o := canvas.NewOwner(s, nil)
	_ = o.Apply(canvas.AcceptTension{Rule: "committee-impulse", Reason: "r"})
	_ = o.Apply(canvas.ReopenTension{Rule: "committee-impulse"})
	out.Reset()
	if err := canvas.EncodeFile(&out, o.Snapshot()); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "accepted_tensions") {
		t.Errorf("after reopening, the export names acceptances:\n%s", out.String())
	}
}

// TestAcceptedTensionProblems: each bad acceptance is a typed problem at
// its field; a rule key nobody knows is not one.
func TestAcceptedTensionProblems(t *testing.T) {
	cases := []struct {
		name, accepted string
		want           []canvas.Problem
	}{
		{"unknown rule is kept", `[{"rule": "retired-rule", "reason": "r"}]`, nil},
		{"twice", `[{"rule": "committee-impulse", "reason": "a"}, {"rule": "committee-impulse", "reason": "b"}]`,
			[]canvas.Problem{{Field: "accepted_tensions[1].rule", Kind: canvas.ProblemTensionTwice, Args: []any{"committee-impulse"}}}},
		{"no reason", `[{"rule": "committee-impulse", "reason": " "}]`,
			[]canvas.Problem{{Field: "accepted_tensions[0].reason", Kind: canvas.ProblemRequired}}},
		{"no rule", `[{"reason": "r"}]`,
			[]canvas.Problem{{Field: "accepted_tensions[0].rule", Kind: canvas.ProblemRequired}}},
		{"control character", `[{"rule": "committee-impulse", "reason": "a\u0007"}]`,
			[]canvas.Problem{{Field: "accepted_tensions[0].reason", Kind: canvas.ProblemControlCharacter, Args: []any{rune(7), 1}}}},
		{"not a string", `[{"rule": 5, "reason": "r"}]`,
			// The element is kept as far as it decoded, as in every list,
			// so its empty rule is told too.
			[]canvas.Problem{{Field: "accepted_tensions[0].rule", Kind: canvas.ProblemExpectedString, Args: []any{canvas.JSONValue("number")}},
				{Field: "accepted_tensions[0].rule", Kind: canvas.ProblemRequired}}},
		{"unknown field", `[{"rule": "committee-impulse", "reason": "r", "by": "Ana"}]`,
			[]canvas.Problem{{Field: "accepted_tensions[0].by", Kind: canvas.ProblemUnknownField}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := edit(t, exampleFile, `"actions": [`, `"accepted_tensions": `+tc.accepted+`, "actions": [`)
			s, err := canvas.DecodeFile(strings.NewReader(doc), fileNow)
			if tc.want == nil {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				if len(s.AcceptedTensions) != 1 || s.AcceptedTensions[0].Rule != "retired-rule" {
					t.Errorf("accepted tensions = %+v", s.AcceptedTensions)
				}
				return
			}
			var inv *canvas.InvalidFileError
			if !errors.As(err, &inv) {
				t.Fatalf("error %v is not an *InvalidFileError", err)
			}
			if !slices.EqualFunc(inv.Problems, tc.want, func(a, b canvas.Problem) bool { return reflect.DeepEqual(a, b) }) {
				t.Errorf("problems = %#v, want %#v", inv.Problems, tc.want)
			}
		})
	}
}
