package app

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// The Done-when walk: a template with a custom dimension is exported from
// one laptop's File menu and imported on another's, through the real file
// dialogs; the colleague's session from it has the dimension intact.
func TestTemplateTravelsThroughTheFileMenu(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "a.db"))
	defer st.Close()
	if err := st.SaveDimension(regulatory); err != nil {
		t.Fatal(err)
	}
	tm := canvas.Template{Key: "fintech", Name: "Fintech, 45 minutos", Dimensions: []string{"customer", regulatory.Key}}
	if err := st.SaveTemplate(tm); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	c := u.Window().Canvas()
	u.app.Preferences().SetString(fileDialogFolderKey, storage.NewFileURI(dir).String())
	catalogueItem(t, u, "Export template…").Action()
	pick := renderedOf[*keySelect](c.Overlays().Top())[0]
	pick.SetSelected("Fintech, 45 minutos — 2 dimensions")
	tapButton(t, c.Overlays().Top(), "Export…")
	dlg := c.Overlays().Top()
	var nameEntry *widget.Entry
	for _, e := range entriesIn(dlg) {
		if e.Text == "fintech.json" {
			nameEntry = e
		}
	}
	if nameEntry == nil {
		t.Fatal("the save dialog does not propose fintech.json")
	}
	tapButton(t, dlg, "Save")
	path := filepath.Join(dir, "fintech.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lib, _ := st.Library()
	want, _ := lib.TemplateFile("fintech")
	var buf bytes.Buffer
	if err := canvas.EncodeTemplateFile(&buf, want); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, buf.Bytes()) {
		t.Fatalf("the exported file is\n%s\nwant\n%s", data, buf.Bytes())
	}
	if !containsText(topTexts(t, u), "The template “Fintech, 45 minutos” was written to "+path+".") {
		t.Errorf("the export says %q", topTexts(t, u))
	}

	// The colleague's laptop: a catalogue with another "carga-regulatoria".
	v, st2 := startUI(t, filepath.Join(t.TempDir(), "b.db"))
	defer st2.Close()
	theirs := regulatory
	theirs.Question = "Otra pregunta"
	if err := st2.SaveDimension(theirs); err != nil {
		t.Fatal(err)
	}
	v.app.Preferences().SetString(fileDialogFolderKey, storage.NewFileURI(dir).String())
	catalogueItem(t, v, "Import template…").Action()
	dlg = v.Window().Canvas().Overlays().Top()
	var item fyne.Tappable
	for _, o := range rendered(dlg) {
		if tp, ok := o.(fyne.Tappable); ok {
			if _, isButton := o.(*widget.Button); !isButton && slices.ContainsFunc(textsOf(rendered(o)), func(s string) bool { return s == "fintech" || s == "fintech.json" }) {
				item = tp
			}
		}
	}
	if item == nil {
		t.Fatal("the open dialog does not list fintech.json")
	}
	item.Tapped(&fyne.PointEvent{})
	tapButton(t, dlg, "Open")
	said := strings.Join(topTexts(t, v), "\n")
	if !strings.Contains(said, "“Fintech, 45 minutos” imported from "+path) || !strings.Contains(said, "“carga-regulatoria”") {
		t.Errorf("the import says %q; want the template and the conflict named", said)
	}
	lib2, _ := st2.Library()
	if got, ok := lib2.Template("fintech"); !ok || !slices.Equal(got.Dimensions, tm.Dimensions) {
		t.Fatalf("the colleague's catalogue has %+v", lib2.Templates)
	}
	if d, _ := lib2.Dimension(regulatory.Key); d != theirs {
		t.Errorf("the import overwrote the colleague's dimension: %+v", d)
	}
}

// A bad template file imports nothing, not even the good one beside it,
// and its problems are said per field, naming the file, in the reader's
// language.
func TestBadTemplateFileImportsNothing(t *testing.T) {
	u, st := startUIIn(t, filepath.Join(t.TempDir(), "f.db"), lang.ES)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	tf := canvas.TemplateFile{Template: canvas.Template{Key: "corta", Name: "Corta", Dimensions: []string{"customer", regulatory.Key}},
		Custom: []canvas.Dimension{regulatory}}
	var buf bytes.Buffer
	if err := canvas.EncodeTemplateFile(&buf, tf); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(good, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"format":"fulcrum-template","version":1,"key":"x","name":"X","dimensions":["nope"],"custom_dimensions":[],"extra":1}`), 0o644); err != nil {
		t.Fatal(err)
	}
	u.importTemplateFiles([]string{good, bad})
	texts := strings.Join(topTexts(t, u), "\n")
	want := lang.For(lang.ES).FileProblems(bad, func() error {
		_, err := readTemplateFile(bad)
		return err
	}())
	if len(want) < 2 {
		t.Fatalf("the bad file has %d problems", len(want))
	}
	for _, line := range want {
		if !strings.Contains(texts, line) {
			t.Errorf("the dialog lacks %q; it says %q", line, texts)
		}
	}
	if !strings.Contains(texts, "No se importó ninguna plantilla") {
		t.Errorf("the dialog does not say, in Spanish, that nothing was imported: %q", texts)
	}
	lib, err := st.Library()
	if err != nil || len(lib.Templates) != 0 || len(lib.Dimensions) != 0 {
		t.Errorf("the catalogue changed: %+v, %v", lib, err)
	}
}
