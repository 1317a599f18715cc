package canvas_test

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// spanishLibrary is a catalogue with two custom dimensions written in
// Spanish and Chinese, and a six-dimension template using them.
func spanishLibrary() canvas.Library {
	return canvas.Library{
		Dimensions: []canvas.Dimension{
			{Key: "carga-regulatoria", Group: "value-money", Name: "Carga regulatoria", Question: "¿Cuánto pesa la regulación?",
				ToC: "Casi nada", ToB: "Auditorías constantes", Guidance: canvas.Guidance{ToC: "Lance rápido", ToB: "Presupueste cumplimiento"}},
			{Key: "供给侧", Group: "Mercado — oferta", Name: "供给侧:商家还是个人", Question: "谁在供给?",
				ToC: "个人", ToB: "商家", Guidance: canvas.Guidance{ToC: "", ToB: "签约商家"}},
		},
		Templates: []canvas.Template{{Key: "taller-45", Name: "Taller de 45 minutos",
			Dimensions: []string{"customer", "carga-regulatoria", "decision-makers", "供给侧", "value", "revenue-model"}}},
	}
}

func TestLibraryNewSessionSnapshotsCustomDimensions(t *testing.T) {
	lib := spanishLibrary()
	s, err := lib.NewSession("taller-45", "Taller", "Pagos", fileNow)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Dimensions) != 6 || s.Template != "taller-45" {
		t.Fatalf("session has %d dimensions, template %q", len(s.Dimensions), s.Template)
	}
	if d, _ := s.Dimension("carga-regulatoria"); d != lib.Dimensions[0] {
		t.Errorf("snapshot = %+v, want %+v", d, lib.Dimensions[0])
	}
	// Editing the catalogue afterwards leaves the session alone.
	lib.Dimensions[0].Name = "Otra cosa"
	if d, _ := s.Dimension("carga-regulatoria"); d.Name != "Carga regulatoria" {
		t.Errorf("the session's snapshot changed with the catalogue: %q", d.Name)
	}
	if _, err := lib.NewSession("nope", "t", "p", fileNow); !errors.Is(err, canvas.ErrUnknownTemplate) {
		t.Errorf("unknown template: %v", err)
	}
	bad := canvas.Library{Templates: []canvas.Template{{Key: "t", Name: "T", Dimensions: []string{"gone"}}}}
	if _, err := bad.NewSession("t", "t", "p", fileNow); !errors.Is(err, canvas.ErrUnknownDimension) {
		t.Errorf("template with a deleted dimension: %v", err)
	}
	if got := lib.TemplatesUsing("供给侧"); len(got) != 1 || got[0].Key != "taller-45" {
		t.Errorf("TemplatesUsing = %+v", got)
	}
	if got := len(lib.AllTemplates()); got != 3 {
		t.Errorf("AllTemplates has %d, want Full, Quick and the custom one", got)
	}
}

// TestFormat2RoundTrip: a session with custom dimensions exports as format
// 2 with their full definitions, and export, import, export gives the same
// bytes and the same session.
func TestFormat2RoundTrip(t *testing.T) {
	lib := spanishLibrary()
	s, err := lib.NewSession("taller-45", "Taller", "Pagos", fileNow)
	if err != nil {
		t.Fatal(err)
	}
	o := canvas.NewOwner(s, func() time.Time { return fileNow })
	must(t, o.Apply(canvas.AddParticipant{ID: "ana", Name: "Ana"}))
	must(t, o.Apply(canvas.SetPlacement{Placement: canvas.Placement{Dimension: "供给侧", Participant: "ana", Value: 80, Confidence: 2}}))
	must(t, o.Apply(canvas.SetCurrent{Dimension: "carga-regulatoria", Value: ptr(70)}))
	must(t, o.Apply(canvas.AddAction{Action: canvas.Action{Text: "Hablar con legal", Dimension: "carga-regulatoria"}}))

	var first bytes.Buffer
	must(t, canvas.EncodeFile(&first, s))
	text := first.String()
	for _, want := range []string{`"version": 2`, `"custom_dimensions": [`, `"key": "carga-regulatoria"`, `"group": "Mercado — oferta"`,
		`"toc": "Lance rápido"`, `"question": "谁在供给?"`, `"template": "taller-45"`} {
		if !strings.Contains(text, want) {
			t.Errorf("export lacks %s:\n%s", want, text)
		}
	}
	if strings.Contains(text, `"key": "customer"`) {
		t.Errorf("a built-in dimension was written out as a definition:\n%s", text)
	}
	back, err := canvas.DecodeFile(bytes.NewReader(first.Bytes()), fileNow)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, s) {
		t.Errorf("import changed the session:\n got %+v\nwant %+v", back.Dimensions, s.Dimensions)
	}
	var second bytes.Buffer
	must(t, canvas.EncodeFile(&second, back))
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Errorf("export, import, export differs:\n%s\n---\n%s", first.String(), second.String())
	}
}

// TestFormat1StaysFormat1: a session of built-in dimensions still exports
// as format 1, without the new field, so older Fulcrums read it.
func TestFormat1StaysFormat1(t *testing.T) {
	s, err := canvas.DecodeFile(strings.NewReader(exampleFile), fileNow)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	must(t, canvas.EncodeFile(&out, s))
	if !strings.Contains(out.String(), `"version": 1`) || strings.Contains(out.String(), "custom_dimensions") {
		t.Errorf("a built-in session did not export as format 1:\n%s", out.String())
	}
	if got := s.CustomDimensions(); len(got) != 0 {
		t.Errorf("CustomDimensions of a built-in session = %+v", got)
	}
}

func TestFormat2Problems(t *testing.T) {
	lib := spanishLibrary()
	s, err := lib.NewSession("taller-45", "Taller", "Pagos", fileNow)
	must(t, err)
	var out bytes.Buffer
	must(t, canvas.EncodeFile(&out, s))
	good := out.String()
	for _, tt := range []struct {
		name, from, to string
		field          string
		kind           canvas.ProblemKind
	}{
		{"version 1", `"version": 2`, `"version": 1`, "custom_dimensions", canvas.ProblemCustomNeedsVersion2},
		{"built-in key", `"key": "carga-regulatoria"`, `"key": "customer"`, "custom_dimensions[0].key", canvas.ProblemBuiltInKey},
		{"no question", `"question": "¿Cuánto pesa la regulación?"`, `"question": ""`, "custom_dimensions[0].question", canvas.ProblemRequired},
		{"unknown field", `"group": "value-money"`, `"group": "value-money", "colour": 1`, "custom_dimensions[0].colour", canvas.ProblemUnknownField},
		{"key in another case", `"group": "value-money"`, `"Group": "value-money"`, "custom_dimensions[0].Group", canvas.ProblemUnknownFieldMeant},
		{"bad key", `"key": "carga-regulatoria"`, `"key": "carga regulatoria"`, "custom_dimensions[0].key", canvas.ProblemKeyCharacter},
		{"wrong type", `"name": "Carga regulatoria"`, `"name": 3`, "custom_dimensions[0].name", canvas.ProblemExpectedString},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc := strings.Replace(good, tt.from, tt.to, 1)
			if doc == good {
				t.Fatalf("%q not in the file", tt.from)
			}
			_, err := canvas.DecodeFile(strings.NewReader(doc), fileNow)
			var inv *canvas.InvalidFileError
			if !errors.As(err, &inv) {
				t.Fatalf("DecodeFile = %v, want problems", err)
			}
			found := false
			for _, p := range inv.Problems {
				found = found || (p.Field == tt.field && p.Kind == tt.kind)
			}
			if !found {
				t.Errorf("problems %v lack %s at %s", inv.Problems, tt.kind, tt.field)
			}
		})
	}
}

// TestConflicts: a file's definition of a key the catalogue has with
// other content is a conflict; the same content, or a new key, is not.
func TestConflicts(t *testing.T) {
	lib := spanishLibrary()
	same := lib.Dimensions[0]
	other := lib.Dimensions[1]
	other.Question = "¿Quién ofrece?"
	fresh := canvas.Dimension{Key: "nuevo", Group: "g", Name: "N", Question: "Q", ToC: "a", ToB: "b"}
	builtin, _ := canvas.LookupDimension("customer")
	got := lib.Conflicts([]canvas.Dimension{builtin, same, other, fresh})
	if len(got) != 1 || got[0].Key != "供给侧" || got[0].File != other || got[0].Catalogue != lib.Dimensions[1] {
		t.Errorf("Conflicts = %+v", got)
	}
}

func TestAddAndRemoveDimensionOps(t *testing.T) {
	s, err := canvas.NewSession(canvas.TemplateQuick, "t", "p", fileNow)
	must(t, err)
	o := canvas.NewOwner(s, func() time.Time { return fileNow })
	custom := spanishLibrary().Dimensions[0] // group value-money
	must(t, o.Apply(canvas.AddDimension{Dimension: custom}))
	keys := func() []string {
		var k []string
		for _, d := range s.Dimensions {
			k = append(k, d.Key)
		}
		return k
	}
	// Quick: ... "revenue-model", "value" are value-money; the new one
	// joins the end of its group's run.
	want := []string{"customer", "decision-makers", "decision-cycle", "acquisition", "revenue-model", "value", "carga-regulatoria", "customization", "release-cadence"}
	if !reflect.DeepEqual(keys(), want) {
		t.Errorf("after add: %v, want %v", keys(), want)
	}
	if err := o.Apply(canvas.AddDimension{Dimension: custom}); !errors.Is(err, canvas.ErrDimensionInSession) {
		t.Errorf("adding it twice: %v", err)
	}
	bad := custom
	bad.Key, bad.Name = "otra", ""
	if err := o.Apply(canvas.AddDimension{Dimension: bad}); !errors.Is(err, canvas.ErrInvalidFile) {
		t.Errorf("adding one without a name: %v", err)
	}
	must(t, o.Apply(canvas.AddDimension{Dimension: canvas.Dimension{Key: "data"}}))
	if d, _ := s.Dimension("data"); d.Group != "product-delivery" {
		t.Errorf("a built-in one added by key: %+v", d)
	}
	must(t, o.Apply(canvas.AddParticipant{ID: "ana", Name: "Ana"}))
	must(t, o.Apply(canvas.SetPlacement{Placement: canvas.Placement{Dimension: "carga-regulatoria", Participant: "ana", Value: 10}}))
	must(t, o.Apply(canvas.SetCurrent{Dimension: "carga-regulatoria", Value: ptr(20)}))
	must(t, o.Apply(canvas.AddAction{Action: canvas.Action{Text: "x", Dimension: "carga-regulatoria"}}))
	before := s.Clone()

	must(t, o.Apply(canvas.RemoveDimension{Key: "carga-regulatoria"}))
	if _, ok := s.Dimension("carga-regulatoria"); ok || len(s.PlacementsFor("carga-regulatoria")) != 0 ||
		s.Position("carga-regulatoria").Current != nil || s.Actions[0].Dimension != "" || len(s.Actions) != 1 {
		t.Errorf("after remove: %+v", s)
	}
	must(t, s.Validate())
	must(t, o.Undo())
	if !reflect.DeepEqual(s.Dimensions, before.Dimensions) || !reflect.DeepEqual(s.Placements, before.Placements) ||
		!reflect.DeepEqual(s.Actions, before.Actions) || *s.Position("carga-regulatoria").Current != 20 {
		t.Errorf("undo did not give everything back: %+v", s)
	}
	must(t, o.Redo())
	if _, ok := s.Dimension("carga-regulatoria"); ok {
		t.Error("redo did not remove it again")
	}
	if err := o.Apply(canvas.RemoveDimension{Key: "nope"}); !errors.Is(err, canvas.ErrUnknownDimension) {
		t.Errorf("removing an unknown one: %v", err)
	}
	one, _ := canvas.NewSession(canvas.TemplateQuick, "t", "p", fileNow)
	one.Dimensions = one.Dimensions[:1]
	if err := canvas.NewOwner(one, nil).Apply(canvas.RemoveDimension{Key: one.Dimensions[0].Key}); !errors.Is(err, canvas.ErrLastDimension) {
		t.Errorf("removing the last one: %v", err)
	}
}

func TestKeys(t *testing.T) {
	for name, want := range map[string]string{
		"Regulatory burden":                     "regulatory-burden",
		"Supply side: merchants or individuals": "supply-side-merchants-or-individuals",
		"供给侧:商家还是个人":                            "供给侧-商家还是个人",
		"  ¿Carga?  ":                           "carga",
		"!!!":                                   "custom",
	} {
		got := canvas.KeyFromName(name)
		if got != want {
			t.Errorf("KeyFromName(%q) = %q, want %q", name, got, want)
		}
		if p := canvas.CheckKey(got); p != nil {
			t.Errorf("KeyFromName(%q) = %q, which CheckKey refuses: %v", name, got, p)
		}
	}
	for _, bad := range []string{"", "a b", "-a", "a/b", strings.Repeat("x", canvas.MaxKeyLength+1)} {
		if canvas.CheckKey(bad) == nil {
			t.Errorf("CheckKey(%q) accepted it", bad)
		}
	}
}

// TestNewSessionKeepsGroupsTogether: a template that mixes groups starts a
// session whose groups each come in one run, in the order they first come.
func TestNewSessionKeepsGroupsTogether(t *testing.T) {
	lib := spanishLibrary()
	s, err := lib.NewSession("taller-45", "t", "p", fileNow)
	must(t, err)
	var keys []string
	for _, d := range s.Dimensions {
		keys = append(keys, d.Key)
	}
	// customer-decision: customer, decision-makers; value-money:
	// carga-regulatoria, value, revenue-model; then the new group.
	want := []string{"customer", "decision-makers", "carga-regulatoria", "value", "revenue-model", "供给侧"}
	if !reflect.DeepEqual(keys, want) {
		t.Errorf("session order %v, want %v", keys, want)
	}
	full, err := canvas.Library{}.NewSession(canvas.TemplateFull, "t", "p", fileNow)
	must(t, err)
	tm, _ := canvas.LookupTemplate(canvas.TemplateFull)
	var fullKeys []string
	for _, d := range full.Dimensions {
		fullKeys = append(fullKeys, d.Key)
	}
	if !reflect.DeepEqual(fullKeys, tm.Dimensions) {
		t.Errorf("Full changed order: %v", fullKeys)
	}
}

// TestFormat1ExportIsByteIdentical: a session of built-in dimensions
// exports byte for byte as the Fulcrum before format 2 wrote it (the
// golden file was written by that build), so older Fulcrums read it.
func TestFormat1ExportIsByteIdentical(t *testing.T) {
	example, err := os.ReadFile("testdata/example-session.json")
	must(t, err)
	golden, err := os.ReadFile("testdata/example-export-format1.json")
	must(t, err)
	s, err := canvas.DecodeFile(bytes.NewReader(example), time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC))
	must(t, err)
	s.ID = "example"
	var out bytes.Buffer
	must(t, canvas.EncodeFile(&out, s))
	if !bytes.Equal(out.Bytes(), golden) {
		t.Errorf("format-1 export changed:\n%s", out.String())
	}
}
