package canvas_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

const exampleFile = `{"format": "fulcrum-session","version": 1,"title": "Q4 positioning","product": "Nubia CRM","created": "2026-11-20T09:00:00Z","facilitator": "Ana","template": "quick","participants": [{"id": "ana", "name": "Ana García", "role": "Ventas"}],"dimensions": ["customer", "decision-makers"],"placements": [{"dimension": "customer", "participant": "ana", "value": 85, "confidence": 4, "note": "..."}],"positions": [{"dimension": "customer", "current": 80, "target": 90, "note": "..."}],"actions": [{"text": "Map the buying committee", "owner": "Ana", "due": "2026-12-15", "dimension": "decision-makers"}]}`

var fileNow = time.Date(2027, 1, 2, 3, 4, 5, 600000000, time.FixedZone("UTC-5", -5*60*60))

// fileNowUTC is fileNow in UTC, cut to the second: 2027-01-02 08:04:05.
var fileNowUTC = time.Date(2027, 1, 2, 8, 4, 5, 0, time.UTC)

// edit applies old→new replacements to the example file, failing if an old
// string is missing, so a typo cannot silently leave the file valid.
func edit(t *testing.T, doc string, pairs ...string) string {
	t.Helper()
	if len(pairs)%2 != 0 {
		t.Fatalf("edit: odd number of arguments")
	}
	for i := 0; i < len(pairs); i += 2 {
		if !strings.Contains(doc, pairs[i]) {
			t.Fatalf("edit: %q not found in document", pairs[i])
		}
		doc = strings.Replace(doc, pairs[i], pairs[i+1], 1)
	}
	return doc
}

func decode(t *testing.T, doc string) *canvas.Session {
	t.Helper()
	s, err := canvas.DecodeFile(strings.NewReader(doc), fileNow)
	if err != nil {
		t.Fatalf("DecodeFile: %v", err)
	}
	if s == nil {
		t.Fatal("DecodeFile returned a nil session and no error")
	}
	return s
}

func mustDimension(t *testing.T, key string) canvas.Dimension {
	t.Helper()
	d, ok := canvas.LookupDimension(key)
	if !ok {
		t.Fatalf("LookupDimension(%q) not found", key)
	}
	return d
}

func TestDecodeExampleFile(t *testing.T) {
	s := decode(t, exampleFile)

	if s.ID == "" {
		t.Error("ID was not generated")
	}
	if s.Title != "Q4 positioning" {
		t.Errorf("Title = %q", s.Title)
	}
	if s.Product != "Nubia CRM" {
		t.Errorf("Product = %q", s.Product)
	}
	if s.Facilitator != "Ana" {
		t.Errorf("Facilitator = %q", s.Facilitator)
	}
	if s.Template != "quick" {
		t.Errorf("Template = %q", s.Template)
	}
	created := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	if !s.Created.Equal(created) || s.Created.Location() != time.UTC {
		t.Errorf("Created = %v, want %v", s.Created, created)
	}
	if !s.Updated.Equal(created) {
		t.Errorf("Updated = %v, want %v (same as created when missing)", s.Updated, created)
	}

	wantDims := []canvas.Dimension{mustDimension(t, "customer"), mustDimension(t, "decision-makers")}
	if !reflect.DeepEqual(s.Dimensions, wantDims) {
		t.Errorf("Dimensions = %q, want customer, decision-makers", catalogueKeys(s.Dimensions))
	}
	// A file without colours and shapes gets them by position.
	wantParticipants := []canvas.Participant{{ID: "ana", Name: "Ana García", Role: "Ventas", Colour: 0, Shape: canvas.ShapeCircle}}
	if !reflect.DeepEqual(s.Participants, wantParticipants) {
		t.Errorf("Participants = %+v, want %+v", s.Participants, wantParticipants)
	}
	wantPlacements := []canvas.Placement{{Dimension: "customer", Participant: "ana", Value: 85, Confidence: 4, Note: "..."}}
	if !reflect.DeepEqual(s.Placements, wantPlacements) {
		t.Errorf("Placements = %+v, want %+v", s.Placements, wantPlacements)
	}
	wantPositions := []canvas.Position{{Dimension: "customer", Current: intPtr(80), Target: intPtr(90), Note: "..."}}
	if !reflect.DeepEqual(s.Positions, wantPositions) {
		t.Errorf("Positions = %+v, want %+v", s.Positions, wantPositions)
	}
	wantActions := []canvas.Action{{Text: "Map the buying committee", Owner: "Ana", Due: "2026-12-15", Dimension: "decision-makers"}}
	if !reflect.DeepEqual(s.Actions, wantActions) {
		t.Errorf("Actions = %+v, want %+v", s.Actions, wantActions)
	}

	// The index of the imported session: customer has current 80,
	// decision-makers has nothing, so the index is 80.
	if x := s.Index(); !x.Valid || x.Value != 80 || x.Band() != canvas.BandLeaningToB {
		t.Errorf("Index() = %+v (%q), want 80 leaning-tob", x, x.Band())
	}
}

func TestDecodeDimensionsFromTemplate(t *testing.T) {
	const noDims = `"dimensions": ["customer", "decision-makers"],`
	tests := []struct {
		name         string
		pairs        []string
		wantTemplate string
		wantKeys     []string
	}{
		{"quick template", []string{noDims, ""}, "quick", wantQuickKeys},
		{"empty dimensions list", []string{noDims, `"dimensions": [],`}, "quick", wantQuickKeys},
		{"full template", []string{noDims, "", `"template": "quick"`, `"template": "full"`}, "full", wantKeys},
		{"no template", []string{noDims, "", `"template": "quick",`, ""}, "", wantKeys},
		{"explicit dimensions win", []string{`"dimensions": ["customer", "decision-makers"]`, `"dimensions": ["decision-makers", "data", "customer"]`}, "quick", []string{"decision-makers", "data", "customer"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := decode(t, edit(t, exampleFile, tt.pairs...))
			if s.Template != tt.wantTemplate {
				t.Errorf("Template = %q, want %q", s.Template, tt.wantTemplate)
			}
			if got := catalogueKeys(s.Dimensions); !reflect.DeepEqual(got, tt.wantKeys) {
				t.Errorf("dimension keys = %q, want %q", got, tt.wantKeys)
			}
			for _, d := range s.Dimensions {
				if want := mustDimension(t, d.Key); !reflect.DeepEqual(d, want) {
					t.Errorf("dimension %q = %+v, want catalogue entry", d.Key, d)
				}
			}
		})
	}
}

func TestDecodeOptionalIDsAndDates(t *testing.T) {
	const minimal = `{"format": "fulcrum-session", "version": 1, "title": "T", "product": "P",
		"participants": [{"name": "Uno"}, {"name": "Dos"}]}`

	tests := []struct {
		name        string
		doc         string
		wantID      string
		wantCreated time.Time
		wantUpdated time.Time
	}{
		{
			name:        "all missing",
			doc:         minimal,
			wantCreated: fileNowUTC,
			wantUpdated: fileNowUTC,
		},
		{
			name:        "created only",
			doc:         edit(t, minimal, `"title"`, `"created": "2025-06-01T10:00:00+02:00", "title"`),
			wantCreated: time.Date(2025, 6, 1, 8, 0, 0, 0, time.UTC),
			wantUpdated: time.Date(2025, 6, 1, 8, 0, 0, 0, time.UTC),
		},
		{
			name:        "updated only",
			doc:         edit(t, minimal, `"title"`, `"updated": "2025-06-01T10:00:00.5Z", "title"`),
			wantCreated: fileNowUTC,
			wantUpdated: time.Date(2025, 6, 1, 10, 0, 0, 500000000, time.UTC),
		},
		{
			name:        "both and an id",
			doc:         edit(t, minimal, `"title"`, `"id": "abc123", "created": "2025-01-01T00:00:00Z", "updated": "2025-02-01T00:00:00Z", "title"`),
			wantID:      "abc123",
			wantCreated: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC),
			wantUpdated: time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := decode(t, tt.doc)
			if tt.wantID != "" && s.ID != tt.wantID {
				t.Errorf("ID = %q, want %q", s.ID, tt.wantID)
			}
			if s.ID == "" {
				t.Error("ID is empty")
			}
			if !s.Created.Equal(tt.wantCreated) || s.Created.Location() != time.UTC {
				t.Errorf("Created = %v, want %v (UTC)", s.Created, tt.wantCreated)
			}
			if !s.Updated.Equal(tt.wantUpdated) || s.Updated.Location() != time.UTC {
				t.Errorf("Updated = %v, want %v (UTC)", s.Updated, tt.wantUpdated)
			}
			if len(s.Participants) != 2 {
				t.Fatalf("Participants = %+v, want 2", s.Participants)
			}
			a, b := s.Participants[0], s.Participants[1]
			if a.ID == "" || b.ID == "" || a.ID == b.ID {
				t.Errorf("generated participant ids %q, %q; want two distinct non-empty ids", a.ID, b.ID)
			}
			if a.Name != "Uno" || b.Name != "Dos" {
				t.Errorf("participant names = %q, %q", a.Name, b.Name)
			}
			if want := len(canvas.Catalogue()); len(s.Dimensions) != want {
				t.Errorf("%d dimensions, want the full template's %d", len(s.Dimensions), want)
			}
		})
	}

	s1 := decode(t, minimal)
	s2 := decode(t, minimal)
	if s1.ID == s2.ID {
		t.Errorf("two imports of an id-less file share the generated id %q", s1.ID)
	}
}

func roundTripSessions(t *testing.T) map[string]*canvas.Session {
	now := time.Date(2026, 11, 20, 9, 15, 30, 999999999, time.FixedZone("CET", 60*60))

	rich, err := canvas.NewSession(canvas.TemplateQuick, "Posicionamiento Q4 — 定位 \"beta\" <draft> & más", "Nubia CRM 客户关系", now)
	if err != nil {
		t.Fatal(err)
	}
	rich.Touch(now.Add(90*time.Minute + 123456789))
	rich.Facilitator = "José Núñez"
	rich.Participants = []canvas.Participant{
		{ID: "ana", Name: "Ana García", Role: "Ventas", Colour: 3, Shape: canvas.ShapeDiamond},
		{ID: "li", Name: "李华", Role: "产品经理", Colour: 0, Shape: canvas.ShapeHexagon},
		{ID: "bo", Name: "Bo", Colour: 7, Shape: canvas.ShapeCircle},
	}
	rich.Settings = canvas.Settings{Threshold: 30, Anonymous: true, TimerSeconds: 90, TimerScope: canvas.TimerPerDimension}
	rich.Round = &canvas.Round{Mode: canvas.RoundBlind, Dimensions: []string{"customer", "value"},
		Order: []string{"ana", "li", "bo"}, Done: []string{"ana"}, Current: "li", Started: now.Add(time.Minute).UTC()}
	rich.Placements = []canvas.Placement{
		{Dimension: "customer", Participant: "ana", Value: 85, Confidence: 4, Note: "Clientes: empresas medianas.\nSegunda línea\tcon tabulador"},
		{Dimension: "customer", Participant: "li", Value: 0, Confidence: 1, Note: "主要是企业客户"},
		{Dimension: "customer", Participant: "bo", Value: 100},
		{Dimension: "value", Participant: "li", Value: 37, Confidence: 5},
		{Dimension: "release-cadence", Participant: "ana", Value: 50, Note: "¿Cada cuánto?"},
	}
	rich.Positions = []canvas.Position{
		{Dimension: "customer", Current: intPtr(80)},
		{Dimension: "value", Current: intPtr(0), Target: intPtr(100)},
		{Dimension: "acquisition", Note: "讨论 — revisar en enero"},
	}
	rich.Actions = []canvas.Action{
		{Text: "Map the buying committee", Owner: "Ana", Due: "2026-12-15", Dimension: "decision-makers"},
		{Text: "整理客户名单", Owner: "李华"},
		{Text: "Llamar al cliente piloto"},
	}

	empty, err := canvas.NewSession(canvas.TemplateFull, "", "", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}

	custom, err := canvas.NewSession(canvas.TemplateQuick, "Custom", "P", time.Date(2026, 5, 5, 5, 5, 5, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	custom.Template = ""
	custom.Dimensions, err = canvas.SnapshotDimensions([]string{"pm-expertise", "customer", "data"})
	if err != nil {
		t.Fatal(err)
	}
	custom.Positions = []canvas.Position{{Dimension: "data", Target: intPtr(65)}}

	return map[string]*canvas.Session{"rich": rich, "empty full": empty, "custom dimensions": custom}
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	for name, s := range roundTripSessions(t) {
		t.Run(name, func(t *testing.T) {
			before := s.Clone()
			var buf strings.Builder
			if err := canvas.EncodeFile(&buf, s); err != nil {
				t.Fatalf("EncodeFile: %v", err)
			}
			if !reflect.DeepEqual(s, before) {
				t.Errorf("EncodeFile changed the session")
			}
			encoded := buf.String()
			if !strings.Contains(encoded, `"format": "fulcrum-session"`) || !strings.Contains(encoded, `"version": 1`) {
				t.Errorf("encoded file lacks format or version:\n%s", encoded)
			}
			got, err := canvas.DecodeFile(strings.NewReader(encoded), time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
			if err != nil {
				t.Fatalf("DecodeFile of encoded session: %v\n%s", err, encoded)
			}
			if !reflect.DeepEqual(got, s) {
				t.Errorf("round trip differs:\n got %+v\nwant %+v\nfile:\n%s", got, s, encoded)
			}

			// A second encoding of the decoded session is byte-identical.
			var again strings.Builder
			if err := canvas.EncodeFile(&again, got); err != nil {
				t.Fatal(err)
			}
			if again.String() != encoded {
				t.Errorf("re-encoding differs:\n%s\nvs\n%s", again.String(), encoded)
			}
		})
	}
}

func TestEncodeKeepsTextReadable(t *testing.T) {
	s := roundTripSessions(t)["rich"]
	var buf strings.Builder
	if err := canvas.EncodeFile(&buf, s); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"李华", "José Núñez", "<draft> & más"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("encoded file does not contain %q literally", want)
		}
	}
}

func TestDecodeInvalid(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		// wantFields is the set of Problem.Field values expected; "" stands
		// for a problem that is not tied to a field.
		wantFields []string
		// wantMessage, if set, must appear in some problem's message.
		wantMessage string
	}{
		{"malformed JSON, truncated", strings.TrimSuffix(exampleFile, "}"), []string{""}, "malformed JSON"},
		{"malformed JSON, syntax", edit(t, exampleFile, `"version": 1,`, `"version": 1,,`), []string{""}, "malformed JSON"},
		{"malformed JSON, empty", "", []string{""}, "malformed JSON"},
		{"trailing data", exampleFile + ` {}`, []string{""}, ""},
		{"not an object", `[1, 2]`, []string{"(top level)"}, ""},
		{"wrong format", edit(t, exampleFile, `"format": "fulcrum-session"`, `"format": "fulcrum-sesion"`), []string{"format"}, "fulcrum-sesion"},
		{"missing format", edit(t, exampleFile, `"format": "fulcrum-session",`, ""), []string{"format"}, ""},
		{"unsupported version", edit(t, exampleFile, `"version": 1`, `"version": 3`), []string{"version"}, "3"},
		{"missing version", edit(t, exampleFile, `"version": 1,`, ""), []string{"version"}, ""},
		{"version as string", edit(t, exampleFile, `"version": 1`, `"version": "1"`), []string{"version"}, ""},
		{"unknown template", edit(t, exampleFile, `"template": "quick"`, `"template": "nope"`), []string{"template"}, "nope"},
		{"unknown key in dimensions", edit(t, exampleFile, `"decision-makers"]`, `"decision-makers", "nope"]`), []string{"dimensions[2]"}, "nope"},
		{"duplicate key in dimensions", edit(t, exampleFile, `"decision-makers"]`, `"decision-makers", "customer"]`), []string{"dimensions[2]"}, ""},
		{"unknown key in placement", edit(t, exampleFile, `{"dimension": "customer", "participant"`, `{"dimension": "nope", "participant"`), []string{"placements[0].dimension"}, "nope"},
		{"placement on dimension outside session", edit(t, exampleFile, `{"dimension": "customer", "participant"`, `{"dimension": "value", "participant"`), []string{"placements[0].dimension"}, ""},
		{"unknown key in position", edit(t, exampleFile, `{"dimension": "customer", "current"`, `{"dimension": "nope", "current"`), []string{"positions[0].dimension"}, ""},
		{"unknown key in action", edit(t, exampleFile, `"dimension": "decision-makers"}`, `"dimension": "nope"}`), []string{"actions[0].dimension"}, ""},
		{"value -1", edit(t, exampleFile, `"value": 85`, `"value": -1`), []string{"placements[0].value"}, "-1"},
		{"value 101", edit(t, exampleFile, `"value": 85`, `"value": 101`), []string{"placements[0].value"}, "101"},
		// Problem.Field is documented as a located path such as
		// "placements[2].value"; a non-integer must be located the same way.
		{"value 50.5", edit(t, exampleFile, `"value": 85`, `"value": 50.5`), []string{"placements[0].value"}, ""},
		{"missing value", edit(t, exampleFile, `"value": 85, `, ""), []string{"placements[0].value"}, ""},
		{"current 101", edit(t, exampleFile, `"current": 80`, `"current": 101`), []string{"positions[0].current"}, ""},
		{"target -1", edit(t, exampleFile, `"target": 90`, `"target": -1`), []string{"positions[0].target"}, ""},
		{"duplicate participant id", edit(t, exampleFile, `"role": "Ventas"}`, `"role": "Ventas"}, {"id": "ana", "name": "Otra Ana"}`), []string{"participants[1].id"}, "ana"},
		{"participant without name", edit(t, exampleFile, `"name": "Ana García", `, ""), []string{"participants[0].name"}, ""},
		{"placement for unknown participant", edit(t, exampleFile, `"participant": "ana"`, `"participant": "bob"`), []string{"placements[0].participant"}, "bob"},
		{"confidence 0", edit(t, exampleFile, `"confidence": 4`, `"confidence": 0`), []string{"placements[0].confidence"}, ""},
		{"confidence 6", edit(t, exampleFile, `"confidence": 4`, `"confidence": 6`), []string{"placements[0].confidence"}, ""},
		{"unknown top-level field", edit(t, exampleFile, `"facilitator": "Ana",`, `"facilitator": "Ana","colour": "red",`), []string{"colour"}, ""},
		{"control character in title", edit(t, exampleFile, `"title": "Q4 positioning"`, `"title": "Q4 \u0007positioning"`), []string{"title"}, "U+0007"},
		{"DEL in participant name", edit(t, exampleFile, `"name": "Ana García"`, `"name": "Ana\u007f"`), []string{"participants[0].name"}, ""},
		{"bad due date, no such day", edit(t, exampleFile, `"due": "2026-12-15"`, `"due": "2026-02-30"`), []string{"actions[0].due"}, "2026-02-30"},
		{"bad due date, wrong layout", edit(t, exampleFile, `"due": "2026-12-15"`, `"due": "15/12/2026"`), []string{"actions[0].due"}, ""},
		{"bad created date", edit(t, exampleFile, `"created": "2026-11-20T09:00:00Z"`, `"created": "2026-11-20"`), []string{"created"}, ""},
		{"action without text", edit(t, exampleFile, `"text": "Map the buying committee"`, `"text": "  "`), []string{"actions[0].text"}, ""},
		{
			name: "several problems",
			doc: edit(t, exampleFile,
				`"version": 1`, `"version": 3`,
				`"title": "Q4 positioning"`, `"title": "Q4\u0007"`,
				`"decision-makers"]`, `"decision-makers", "nope"]`,
				`"participant": "ana"`, `"participant": "bob"`,
				`"value": 85`, `"value": 101`,
				`"confidence": 4`, `"confidence": 6`,
				`"current": 80`, `"current": -1`,
				`"due": "2026-12-15"`, `"due": "someday"`,
			),
			wantFields: []string{
				"version", "title", "dimensions[2]", "placements[0].participant",
				"placements[0].value", "placements[0].confidence", "positions[0].current", "actions[0].due",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := canvas.DecodeFile(strings.NewReader(tt.doc), fileNow)
			if err == nil {
				t.Fatalf("DecodeFile succeeded, want an error; session %+v", s)
			}
			if s != nil {
				t.Errorf("DecodeFile returned a session with its error")
			}
			if !errors.Is(err, canvas.ErrInvalidFile) {
				t.Errorf("errors.Is(err, ErrInvalidFile) = false for %v", err)
			}
			var inv *canvas.InvalidFileError
			if !errors.As(err, &inv) {
				t.Fatalf("error %T %v is not an *InvalidFileError", err, err)
			}
			got := map[string]int{}
			for _, p := range inv.Problems {
				got[p.Field]++
				if p.Message() == "" {
					t.Errorf("problem %+v has no message", p)
				}
			}
			want := map[string]int{}
			for _, f := range tt.wantFields {
				want[f]++
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("problem fields = %v, want %v; problems: %+v", got, want, inv.Problems)
			}
			msg := err.Error()
			for _, f := range tt.wantFields {
				if f != "" && !strings.Contains(msg, f+": ") {
					t.Errorf("Error() = %q does not name %q", msg, f)
				}
			}
			if tt.wantMessage != "" && !strings.Contains(msg, tt.wantMessage) {
				t.Errorf("Error() = %q does not mention %q", msg, tt.wantMessage)
			}
		})
	}
}

func TestDecodeFileTooLarge(t *testing.T) {
	doc := edit(t, exampleFile, `"title": "Q4 positioning"`, `"title": "`+strings.Repeat("x", canvas.MaxFileSize)+`"`)
	_, err := canvas.DecodeFile(strings.NewReader(doc), fileNow)
	var inv *canvas.InvalidFileError
	if !errors.As(err, &inv) || !errors.Is(err, canvas.ErrInvalidFile) {
		t.Fatalf("DecodeFile of a %d-byte file: error %v, want *InvalidFileError", len(doc), err)
	}
}

func TestDecodeInvalidUTF8(t *testing.T) {
	doc := edit(t, exampleFile, "Nubia CRM", "Nubia \xff CRM")
	_, err := canvas.DecodeFile(strings.NewReader(doc), fileNow)
	var inv *canvas.InvalidFileError
	if !errors.As(err, &inv) || !errors.Is(err, canvas.ErrInvalidFile) {
		t.Fatalf("DecodeFile of invalid UTF-8: error %v, want *InvalidFileError", err)
	}
}
