package store_test

import (
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// customDimension is a custom dimension written in Spanish, keyed key.
func customDimension(key string) canvas.Dimension {
	return canvas.Dimension{Key: key, Group: "Regulación", Name: "Carga regulatoria " + key, Question: "¿Cuánto pesa la regulación?",
		ToC: "Casi nada", ToB: "Auditorías", Guidance: canvas.Guidance{ToC: "Lance rápido", ToB: "Presupueste cumplimiento"}}
}

func TestCatalogueSaveAndDelete(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.db")
	st := openStore(t, path, store.Options{})
	lib, err := st.Library()
	must(t, err)
	if len(lib.Dimensions)+len(lib.Templates) != 0 {
		t.Fatalf("a new file has a catalogue: %+v", lib)
	}
	a, b := customDimension("a-regla"), customDimension("供给侧")
	must(t, st.SaveDimension(a))
	must(t, st.SaveDimension(b))
	tmpl := canvas.Template{Key: "taller", Name: "Taller", Dimensions: []string{"customer", "a-regla", "供给侧"}}
	must(t, st.SaveTemplate(tmpl))

	// Refusals change nothing.
	builtin := customDimension("customer")
	if err := st.SaveDimension(builtin); !errors.Is(err, store.ErrInvalidCatalogue) {
		t.Errorf("redefining a built-in dimension: %v", err)
	}
	if err := st.SaveTemplate(canvas.Template{Key: "quick", Name: "Q", Dimensions: []string{"customer"}}); !errors.Is(err, store.ErrInvalidCatalogue) {
		t.Errorf("replacing Quick: %v", err)
	}
	if err := st.SaveTemplate(canvas.Template{Key: "t2", Name: "T", Dimensions: []string{"gone"}}); !errors.Is(err, store.ErrInvalidCatalogue) {
		t.Errorf("a template of an unknown dimension: %v", err)
	}
	if err := st.DeleteTemplate(canvas.TemplateFull); !errors.Is(err, canvas.ErrBuiltIn) {
		t.Errorf("deleting Full: %v", err)
	}

	// A session started from the template keeps its copy when the
	// dimension is edited and then deleted.
	lib, err = st.Library()
	must(t, err)
	if !reflect.DeepEqual(lib.Dimensions, []canvas.Dimension{a, b}) || !reflect.DeepEqual(lib.Templates, []canvas.Template{tmpl}) {
		t.Fatalf("Library = %+v", lib)
	}
	s, err := lib.NewSession("taller", "Sesión", "P", time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC))
	must(t, err)
	must(t, st.Save(s))
	edited := a
	edited.Name = "Otra cosa"
	must(t, st.SaveDimension(edited))
	must(t, st.DeleteDimension("供给侧"))
	back, err := st.Load(s.ID)
	must(t, err)
	if !reflect.DeepEqual(back.Dimensions, s.Dimensions) {
		t.Errorf("editing the catalogue changed a session:\n got %+v\nwant %+v", back.Dimensions, s.Dimensions)
	}
	lib, err = st.Library()
	must(t, err)
	if !reflect.DeepEqual(lib.Dimensions, []canvas.Dimension{edited}) || !reflect.DeepEqual(lib.Templates[0].Dimensions, []string{"customer", "a-regla"}) {
		t.Errorf("after edit and delete: %+v", lib)
	}
	// Deleting the last custom dimension of a template that has only it
	// takes the template too.
	must(t, st.SaveTemplate(canvas.Template{Key: "solo", Name: "Solo", Dimensions: []string{"a-regla"}}))
	must(t, st.DeleteDimension("a-regla"))
	lib, err = st.Library()
	must(t, err)
	if len(lib.Dimensions) != 0 || len(lib.Templates) != 1 || lib.Templates[0].Key != "taller" {
		t.Errorf("after deleting a-regla: %+v", lib)
	}
	if err := st.DeleteDimension("a-regla"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("deleting it twice: %v", err)
	}
	must(t, st.DeleteTemplate("taller"))
	must(t, st.Check())
	must(t, st.Close())

	// And all of it survives a reopen, read-only.
	st = openStore(t, path, store.Options{ReadOnly: true})
	must(t, st.Check())
	if _, err := st.Load(s.ID); err != nil {
		t.Error(err)
	}
}

// TestImportSessionsConflictRule: importing a session adds the custom
// dimensions the catalogue lacks; a key it has with other content is left
// as the catalogue has it, the session keeps its own, and the import says
// so.
func TestImportSessionsConflictRule(t *testing.T) {
	st := openStore(t, filepath.Join(t.TempDir(), "f.db"), store.Options{})
	mine := customDimension("regla")
	must(t, st.SaveDimension(mine))
	theirs := mine
	theirs.Question = "¿Y la regulación de ellos?"
	fresh := customDimension("nuevo")
	lib := canvas.Library{Dimensions: []canvas.Dimension{theirs, fresh},
		Templates: []canvas.Template{{Key: "t", Name: "T", Dimensions: []string{"customer", "regla", "nuevo"}}}}
	s, err := lib.NewSession("t", "De otro portátil", "P", time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC))
	must(t, err)
	done, err := st.ImportSessions([]*canvas.Session{s})
	must(t, err)
	if len(done) != 1 || len(done[0].Conflicts) != 1 || done[0].Conflicts[0].Key != "regla" ||
		done[0].Conflicts[0].File != theirs || done[0].Conflicts[0].Catalogue != mine {
		t.Errorf("ImportSessions = %+v", done)
	}
	got, err := st.Library()
	must(t, err)
	if !reflect.DeepEqual(got.Dimensions, []canvas.Dimension{fresh, mine}) {
		t.Errorf("catalogue after the import = %+v, want nuevo added and regla as it was", got.Dimensions)
	}
	back, err := st.Load(done[0].ID)
	must(t, err)
	if d, _ := back.Dimension("regla"); d != theirs {
		t.Errorf("the session lost its own definition: %+v", d)
	}
	// The same content again is no conflict.
	again, err := lib.NewSession("t", "Otra", "P", time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC))
	must(t, err)
	again.Dimensions[1] = mine
	done, err = st.ImportSessions([]*canvas.Session{again})
	must(t, err)
	if len(done[0].Conflicts) != 0 {
		t.Errorf("same content reported as a conflict: %+v", done[0].Conflicts)
	}
	must(t, st.Check())
}

func TestImportTemplatesAllOrNothing(t *testing.T) {
	st := openStore(t, filepath.Join(t.TempDir(), "f.db"), store.Options{})
	mine := customDimension("regla")
	must(t, st.SaveDimension(mine))
	theirs := mine
	theirs.Name = "Regla de ellos"
	good := canvas.TemplateFile{Template: canvas.Template{Key: "t", Name: "T", Dimensions: []string{"regla", "nuevo", "value"}},
		Custom: []canvas.Dimension{theirs, customDimension("nuevo")}}
	bad := canvas.TemplateFile{Template: canvas.Template{Key: "full", Name: "F", Dimensions: []string{"customer"}}}
	if _, err := st.ImportTemplates([]canvas.TemplateFile{good, bad}); !errors.Is(err, store.ErrInvalidCatalogue) {
		t.Fatalf("importing a file that redefines Full: %v", err)
	}
	lib, err := st.Library()
	must(t, err)
	if !reflect.DeepEqual(lib.Dimensions, []canvas.Dimension{mine}) || len(lib.Templates) != 0 {
		t.Fatalf("a refused import changed the catalogue: %+v", lib)
	}
	done, err := st.ImportTemplates([]canvas.TemplateFile{good})
	must(t, err)
	if len(done) != 1 || done[0].Replaced || len(done[0].Conflicts) != 1 || done[0].Conflicts[0].Key != "regla" {
		t.Errorf("ImportTemplates = %+v", done)
	}
	done, err = st.ImportTemplates([]canvas.TemplateFile{good})
	must(t, err)
	if !done[0].Replaced {
		t.Errorf("the second import did not say it replaced the template: %+v", done)
	}
	lib, err = st.Library()
	must(t, err)
	if d, _ := lib.Dimension("regla"); d != mine {
		t.Errorf("the catalogue's own definition was overwritten: %+v", d)
	}
	if _, ok := lib.Dimension("nuevo"); !ok || len(lib.Templates) != 1 {
		t.Errorf("after the import: %+v", lib)
	}
	must(t, st.Check())
}

// TestCatalogueRecordFromNewerFulcrum: a catalogue record of a newer
// schema is refused as too new, not misread.
func TestCatalogueRecordFromNewerFulcrum(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.db")
	st := openStore(t, path, store.Options{})
	must(t, st.SaveDimension(customDimension("regla")))
	must(t, st.Close())
	setRaw(t, path, "custom-dimensions", "regla", `{"v":99,"dimension":{"key":"regla"}}`)
	st = openStore(t, path, store.Options{ReadOnly: true})
	if _, err := st.Library(); !errors.Is(err, store.ErrTooNew) {
		t.Errorf("Library of a newer record: %v", err)
	}
}

// TestFullCatalogueStillImportsSessions: with the catalogue full, a
// session with a new custom dimension still imports with its own copy;
// a template that needs one more is refused, and nothing changes.
func TestFullCatalogueStillImportsSessions(t *testing.T) {
	st := openStore(t, filepath.Join(t.TempDir(), "f.db"), store.Options{})
	for i := range canvas.MaxCustom {
		must(t, st.SaveDimension(customDimension(fmt.Sprintf("d%03d", i))))
	}
	if err := st.SaveDimension(customDimension("una-mas")); !errors.Is(err, store.ErrCatalogueFull) {
		t.Fatalf("one more than the cap: %v", err)
	}
	extra := customDimension("una-mas")
	lib := canvas.Library{Dimensions: []canvas.Dimension{extra},
		Templates: []canvas.Template{{Key: "t", Name: "T", Dimensions: []string{"customer", "una-mas"}}}}
	s, err := lib.NewSession("t", "t", "p", time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC))
	must(t, err)
	done, err := st.ImportSessions([]*canvas.Session{s})
	must(t, err)
	back, err := st.Load(done[0].ID)
	must(t, err)
	if d, _ := back.Dimension("una-mas"); d != extra {
		t.Errorf("the session lost its custom dimension: %+v", d)
	}
	tf, err := lib.TemplateFile("t")
	must(t, err)
	if _, err := st.ImportTemplates([]canvas.TemplateFile{tf}); !errors.Is(err, store.ErrCatalogueFull) {
		t.Errorf("a template needing a 501st dimension: %v", err)
	}
	got, err := st.Library()
	must(t, err)
	if len(got.Dimensions) != canvas.MaxCustom || len(got.Templates) != 0 {
		t.Errorf("catalogue has %d dimensions and %d templates", len(got.Dimensions), len(got.Templates))
	}
}

// TestDimensionUsed: a custom dimension is in use once a template or a
// session has it, and only then.
func TestDimensionUsed(t *testing.T) {
	st := openStore(t, filepath.Join(t.TempDir(), "f.db"), store.Options{})
	for _, k := range []string{"libre", "en-plantilla", "en-sesion"} {
		must(t, st.SaveDimension(customDimension(k)))
	}
	must(t, st.SaveTemplate(canvas.Template{Key: "t", Name: "T", Dimensions: []string{"en-plantilla"}}))
	must(t, st.SaveTemplate(canvas.Template{Key: "u", Name: "U", Dimensions: []string{"customer"}}))
	lib, err := st.Library()
	must(t, err)
	s, err := lib.NewSession("u", "s", "p", time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC))
	must(t, err)
	o := canvas.NewOwner(s, nil)
	must(t, o.Apply(canvas.AddDimension{Dimension: customDimension("en-sesion")}))
	must(t, st.Save(s))
	for key, want := range map[string]bool{"libre": false, "en-plantilla": true, "en-sesion": true, "nada": false} {
		got, err := st.DimensionUsed(key)
		must(t, err)
		if got != want {
			t.Errorf("DimensionUsed(%q) = %v, want %v", key, got, want)
		}
	}
}
