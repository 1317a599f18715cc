package canvas_test

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// problemsOf decodes doc and returns its problems as "field: message"
// strings, failing if the file is accepted.
func problemsOf(t *testing.T, doc string) []string {
	t.Helper()
	s, err := canvas.DecodeFile(strings.NewReader(doc), fileNow)
	if err == nil {
		t.Fatalf("DecodeFile accepted the file: %+v", s)
	}
	var inv *canvas.InvalidFileError
	if !errors.As(err, &inv) || !errors.Is(err, canvas.ErrInvalidFile) {
		t.Fatalf("error %T %v is not an *InvalidFileError", err, err)
	}
	var out []string
	for _, p := range inv.Problems {
		out = append(out, p.String())
	}
	return out
}

// wantProblems requires exactly the listed problems, in any order.
func wantProblems(t *testing.T, doc string, want ...string) {
	t.Helper()
	got := problemsOf(t, doc)
	slices.Sort(got)
	want = slices.Clone(want)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n got %q\nwant %q", got, want)
	}
}

const strictHead = `{"format": "fulcrum-session", "version": 1, `

// encoding/json lets the last of two equal keys win, even for "format".
func TestDecodeRefusesDuplicateKeys(t *testing.T) {
	for _, tt := range []struct{ name, doc, want string }{
		{"format", `{"format": "nonsense", "format": "fulcrum-session", "version": 1}`, `duplicate key "format"`},
		{"version", strictHead + `"version": 1}`, `duplicate key "version"`},
		{"participant name", strictHead + `"participants": [{"name": "a"}, {"name": "b", "name": "c"}]}`, `participants[1]: duplicate key "name"`},
		{"setting", strictHead + `"settings": {"threshold": 10, "threshold": 20}}`, `settings: duplicate key "threshold"`},
		{"round", strictHead + `"participants": [{"id": "a", "name": "A"}], "round": {"mode": "blind", "order": ["a"], "order": ["a"]}}`, `round: duplicate key "order"`},
		{"list", strictHead + `"actions": [{"text": "a"}], "actions": [{"text": "b"}]}`, `duplicate key "actions"`},
		{"escaped", strictHead + `"title": "a", "\u0074itle": "b"}`, `duplicate key "title"`},
	} {
		t.Run(tt.name, func(t *testing.T) { wantProblems(t, tt.doc, tt.want) })
	}
}

// encoding/json matches names case-insensitively, with Unicode folding:
// TITLE fills title, and "ſettings" (long s) fills settings.
func TestDecodeRefusesKeysInWrongCase(t *testing.T) {
	for _, tt := range []struct{ name, doc, want string }{
		{"top level", strictHead + `"TITLE": "t"}`, `TITLE: unknown field (did you mean "title"?)`},
		{"list", strictHead + `"Participants": [{"name": "a"}]}`, `Participants: unknown field (did you mean "participants"?)`},
		{"in an element", strictHead + `"participants": [{"Name": "a", "name": "b"}]}`, `participants[0].Name: unknown field (did you mean "name"?)`},
		{"long s", strictHead + `"ſettings": {"threshold": 1}}`, `ſettings: unknown field (did you mean "settings"?)`},
		{"in the round", strictHead + `"round": {"mode": "blind", "ORDER": []}}`, `round.ORDER: unknown field (did you mean "order"?)`},
	} {
		t.Run(tt.name, func(t *testing.T) { wantProblems(t, tt.doc, tt.want) })
	}
}

func TestDecodeRefusesUnknownFieldsAtEveryLevel(t *testing.T) {
	doc := strictHead + `"participants": [{"id": "a", "name": "A", "x": 1}],
		"placements": [{"dimension": "customer", "participant": "a", "value": 1, "y": 2}],
		"positions": [{"dimension": "customer", "current": 1, "z": 3}],
		"actions": [{"text": "t", "w": 4}], "settings": {"v": 5},
		"round": {"mode": "blind", "order": ["a"], "u": 6}, "t\nx": 7}`
	wantProblems(t, doc,
		"participants[0].x: unknown field", "placements[0].y: unknown field", "positions[0].z: unknown field",
		"actions[0].w: unknown field", "settings.v: unknown field", "round.u: unknown field", `"t\nx": unknown field`)
}

// Times outside the years 0000-9999 in UTC cannot be written as RFC 3339,
// so a session holding one could be neither stored nor exported.
func TestDecodeTimesAtTheEdges(t *testing.T) {
	file := func(field, value string) string {
		times := map[string]string{"created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z", "started": "2026-01-01T00:00:00Z"}
		times[field] = value
		return fmt.Sprintf(strictHead+`"created": %q, "updated": %q, "participants": [{"id": "a", "name": "A"}],
			"round": {"mode": "blind", "order": ["a"], "started": %q}}`, times["created"], times["updated"], times["started"])
	}
	for _, field := range []string{"created", "updated", "started"} {
		path := field
		if field == "started" {
			path = "round.started"
		}
		for _, v := range []string{"0000-01-01T00:00:00Z", "0000-01-01T00:00:00-01:00", "9999-12-31T23:59:59.999999999Z", "9999-12-31T22:59:59+01:00"} {
			t.Run(path+" "+v, func(t *testing.T) {
				s := decode(t, file(field, v))
				want, _ := time.Parse(time.RFC3339Nano, v)
				got := map[string]time.Time{"created": s.Created, "updated": s.Updated, "started": s.Round.Started}[field]
				if !got.Equal(want) || got.Location() != time.UTC {
					t.Errorf("%s = %v, want %v in UTC", path, got, want)
				}
			})
		}
		for _, v := range []string{"0000-01-01T00:00:00+01:00", "9999-12-31T23:00:00-01:00"} {
			t.Run(path+" "+v, func(t *testing.T) {
				year := "-1"
				if strings.HasPrefix(v, "9999") {
					year = "10000"
				}
				wantProblems(t, file(field, v), fmt.Sprintf("%s: %q is in the year %s in UTC; times must fall in the years 0000 to 9999", path, v, year))
			})
		}
	}
}

// A literal U+FFFD is text like any other; only bytes that are not UTF-8
// are refused.
func TestDecodeAcceptsReplacementCharacter(t *testing.T) {
	doc := strictHead + `"title": "a�b", "product": "\ufffd", "participants": [{"id": "�", "name": "�", "role": "x\ud800"}]}`
	s := decode(t, doc)
	if s.Title != "a\uFFFDb" || s.Product != "\uFFFD" || s.Participants[0].Name != "\uFFFD" || s.Participants[0].ID != "\uFFFD" {
		t.Errorf("title %q, product %q, participant %+v", s.Title, s.Product, s.Participants[0])
	}
	if s.Participants[0].Role != "x\uFFFD" {
		t.Errorf("a lone surrogate escape reads as %q, want U+FFFD", s.Participants[0].Role)
	}
	bad := strictHead + "\"title\": \"a\xffb\"}"
	wantProblems(t, bad, fmt.Sprintf("file is not valid UTF-8 at byte %d", strings.IndexByte(bad, 0xff)))
}

func TestDecodeSessionIDs(t *testing.T) {
	for _, id := range []string{"a", "abc123", "Q4.final_v2-b", "0" + strings.Repeat("x", 63)} {
		if s := decode(t, fmt.Sprintf(strictHead+`"id": %q}`, id)); s.ID != id {
			t.Errorf("id %q read as %q", id, s.ID)
		}
	}
	for id, want := range map[string]string{
		"a\nb":                     `character '\n' at byte 1`,
		"../../etc/passwd":         "it must start with a letter or a digit",
		"..":                       "it must start with a letter or a digit",
		".hidden":                  "it must start with a letter or a digit",
		"-rf":                      "it must start with a letter or a digit",
		"a/b":                      `character '/' at byte 1`,
		"a b":                      `character ' ' at byte 1`,
		"café":                     `character 'é' at byte 3`,
		strings.Repeat("x", 65):    "it has 65 characters; at most 64 are allowed",
		strings.Repeat("x", 40000): "it has 40000 characters; at most 64 are allowed",
	} {
		t.Run(fmt.Sprintf("%.20q", id), func(t *testing.T) {
			got := problemsOf(t, fmt.Sprintf(strictHead+`"id": %q}`, id))
			if len(got) != 1 || !strings.HasPrefix(got[0], "id: invalid id: ") || !strings.Contains(got[0], want) {
				t.Errorf("problems %q, want one on id saying %q", got, want)
			}
			if len(got[0]) > 200 {
				t.Errorf("the message repeats the id: %d bytes", len(got[0]))
			}
		})
	}
}

// Participant ids only link placements and the round to a person: any
// script is fine, line breaks and endless ids are not.
func TestDecodeParticipantIDs(t *testing.T) {
	for _, id := range []string{"李伟", "ana garcía", "a.b/c", strings.Repeat("参", 64)} {
		s := decode(t, fmt.Sprintf(strictHead+`"participants": [{"id": %q, "name": "N"}]}`, id))
		if s.Participants[0].ID != id {
			t.Errorf("participant id %q read as %q", id, s.Participants[0].ID)
		}
	}
	for id, want := range map[string]string{
		"a\nb":                  "control character U+000A at byte 1",
		"a\tb":                  "control character U+0009 at byte 1",
		" ana":                  "it starts or ends with white space",
		strings.Repeat("参", 65): "it has 65 characters; at most 64 are allowed",
	} {
		got := problemsOf(t, fmt.Sprintf(strictHead+`"participants": [{"id": %q, "name": "N"}]}`, id))
		if len(got) != 1 || !strings.HasPrefix(got[0], "participants[0].id: invalid id: ") || !strings.Contains(got[0], want) {
			t.Errorf("participant id %q: problems %q, want one on participants[0].id saying %q", id, got, want)
		}
	}
}

func TestDecodeRefusesInconsistentRounds(t *testing.T) {
	file := func(round string) string {
		return strictHead + `"template": "quick", "participants": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}],
			"round": {"mode": "blind", ` + round + `}}`
	}
	for _, tt := range []struct{ round, want string }{
		{`"order": ["a", "b", "a"]`, `round.order[2]: participant "a" is listed twice`},
		{`"order": ["a", "b"], "done": ["b", "b"]`, `round.done[1]: participant "b" is listed twice`},
		{`"order": ["a", "b"], "done": ["c"]`, `round.done[0]: participant "c" is not in round.order`},
		{`"order": ["a", "b"], "current": "c"`, `round.current: participant "c" is not in round.order`},
		{`"order": ["a"], "dimensions": ["customer", "customer"]`, `round.dimensions[1]: dimension "customer" is listed twice`},
	} {
		t.Run(tt.round, func(t *testing.T) { wantProblems(t, file(tt.round), tt.want) })
	}
	// The states a round really passes through are all accepted.
	for _, round := range []string{`"order": ["a", "b", "c"]`, `"order": ["c", "a"], "done": ["a"], "current": "c"`,
		`"order": ["a", "b"], "done": ["b", "a"], "revealed": true`, `"order": ["a"], "done": ["a"], "current": "a"`} {
		decode(t, file(round))
	}
}

// TestFileAtTheSizeCapRoundTrips: a file of exactly MaxFileSize bytes is
// accepted, and its own export is the same bytes, so it imports again.
func TestFileAtTheSizeCapRoundTrips(t *testing.T) {
	s, err := canvas.NewSession(canvas.TemplateQuick, "Cap", "P", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	// Characters the encoder writes as they are, and ones it escapes.
	s.Facilitator = "<&>\u2028\n"
	encode := func() []byte {
		var b bytes.Buffer
		if err := canvas.EncodeFile(&b, s); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	s.Title = strings.Repeat("x", canvas.MaxFileSize-len(encode())+len(s.Title))
	data := encode()
	if len(data) != canvas.MaxFileSize {
		t.Fatalf("the file has %d bytes, want %d", len(data), canvas.MaxFileSize)
	}
	got, err := canvas.DecodeFile(bytes.NewReader(data), fileNow)
	if err != nil {
		t.Fatalf("a file of exactly %d bytes is refused: %v", len(data), err)
	}
	var again bytes.Buffer
	if err := canvas.EncodeFile(&again, got); err != nil {
		t.Fatal(err)
	}
	// The same bytes, so it imports again.
	if !bytes.Equal(again.Bytes(), data) {
		t.Fatalf("the export of a file at the cap differs from it (%d bytes, was %d)", again.Len(), len(data))
	}
	wantProblems(t, string(data)+" ", fmt.Sprintf("file is larger than %d MB", canvas.MaxFileSize>>20))
}

// TestCompactFileUnderTheCapWhoseExportIsNot: a compact file just under the
// cap grows when exported (indentation, ids, colours and shapes filled in);
// it is refused on import, saying why, rather than accepted as a session
// whose export can never be imported again.
func TestCompactFileUnderTheCapWhoseExportIsNot(t *testing.T) {
	var people []string
	for range canvas.MaxParticipants {
		people = append(people, `{"name":"n"}`)
	}
	head := `{"format":"fulcrum-session","version":1,"participants":[` + strings.Join(people, ",") + `],"title":"`
	doc := head + strings.Repeat("x", canvas.MaxFileSize-len(head)-2) + `"}`
	if len(doc) != canvas.MaxFileSize {
		t.Fatalf("the file has %d bytes", len(doc))
	}
	s, err := canvas.DecodeFile(strings.NewReader(doc), fileNow)
	if err == nil {
		var out bytes.Buffer
		if err := canvas.EncodeFile(&out, s); err != nil {
			t.Fatal(err)
		}
		if _, err := canvas.DecodeFile(&out, fileNow); err != nil {
			t.Fatalf("accepted a file whose own export (%d bytes) is then refused: %v", out.Len(), err)
		}
		return
	}
	var inv *canvas.InvalidFileError
	if !errors.As(err, &inv) || len(inv.Problems) != 1 || inv.Problems[0].Field != "" ||
		!strings.Contains(err.Error(), "as Fulcrum writes it, this session takes") || !strings.Contains(err.Error(), "at most 10485760") {
		t.Errorf("error %v, want one problem saying the written session is too large", err)
	}
}

// TestDecodeListsAHundredProblemsAtMost: a file with a million problems
// gets a message a person can read, not a million lines.
func TestDecodeListsAHundredProblemsAtMost(t *testing.T) {
	doc := strictHead + strings.Repeat(`"title": "t", `, 5000) + `"product": "p"}`
	got := problemsOf(t, doc)
	if len(got) != canvas.MaxProblems+1 {
		t.Fatalf("%d problems, want %d and a count of the rest", len(got), canvas.MaxProblems+1)
	}
	if got[0] != `duplicate key "title"` || got[canvas.MaxProblems] != "and 4899 more problems" {
		t.Errorf("first %q, last %q", got[0], got[canvas.MaxProblems])
	}
}

// TestExportWritesLineSeparatorsAsThemselves: encoding/json writes U+2028
// and U+2029 as six-byte escapes, so a file of them doubled on export and
// no longer fitted the cap. A backslash followed by "u2028" is still text.
func TestExportWritesLineSeparatorsAsThemselves(t *testing.T) {
	s := decode(t, strictHead+`"title": "a\u2028b\u2029c \\u2028 \\\u2029", "product": "\u2028"}`)
	if want := "a\u2028b\u2029c \\u2028 \\\u2029"; s.Title != want {
		t.Fatalf("title %q, want %q", s.Title, want)
	}
	var out bytes.Buffer
	if err := canvas.EncodeFile(&out, s); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"title": "a` + "\u2028b\u2029c" + ` \\u2028 \\` + "\u2029" + `"`, `"product": "` + "\u2028" + `"`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("export lacks %s:\n%s", want, out.String())
		}
	}
	if again := decode(t, out.String()); again.Title != s.Title || again.Product != s.Product {
		t.Errorf("read back as %q, %q", again.Title, again.Product)
	}

	// Half the cap of line separators, as typed, exports within the cap.
	doc := strictHead + `"title": "` + strings.Repeat("\u2028", canvas.MaxFileSize/2/3) + `"}`
	if _, err := canvas.DecodeFile(strings.NewReader(doc), fileNow); err != nil {
		t.Errorf("%d bytes of U+2028: %v", len(doc), err)
	}
}
