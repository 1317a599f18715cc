package app

import (
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// Esc cancels each dialog of the catalogue and of a session's dimensions
// from every kind of stop Tab reaches in it, changing nothing; Enter in a
// complete dimension dialog saves it.
func TestCatalogueDialogsAnswerEnterAndEsc(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	if err := st.SaveDimension(regulatory); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveTemplate(canvas.Template{Key: "t", Name: "T", Dimensions: []string{regulatory.Key}}); err != nil {
		t.Fatal(err)
	}
	c := u.Window().Canvas()
	if err := u.createSession(canvas.TemplateQuick, "Uno", "p", ""); err != nil {
		t.Fatal(err)
	}
	before := u.editor.owner.Snapshot()
	escapes := func(name string, open func()) {
		t.Helper()
		c.Unfocus()
		open()
		if c.Overlays().Top() == nil {
			t.Fatalf("%s: no dialog", name)
		}
		stops := focusStops(c)
		key(c, fyne.KeyEscape)
		if c.Overlays().Top() != nil {
			t.Fatalf("%s: Esc did not close it", name)
		}
		if len(stops) == 0 {
			t.Fatalf("%s: Tab reaches nothing in it", name)
		}
		for _, i := range kindsOf(stops) {
			open()
			got := focusStops(c)
			c.Focus(got[i])
			key(c, fyne.KeyEscape)
			if c.Overlays().Top() != nil {
				t.Fatalf("%s: Esc with the focus on stop %d (%T) left it open", name, i, got[i])
			}
		}
	}
	escapes("add dimension", u.addDimensionDialog)
	if got := u.editor.owner.Snapshot(); !reflect.DeepEqual(got, before) {
		t.Error("Esc in the add dimension dialog changed the session")
	}

	u.ShowCatalogue()
	cat := u.catalogue
	escapes("new dimension", func() { cat.editDimension(canvas.Dimension{}, false) })
	escapes("edit dimension", func() { cat.editDimension(regulatory, true) })
	escapes("delete dimension", func() { cat.selectDimension(regulatory.Key); cat.deleteDimension() })
	escapes("edit template", func() {
		cat.editTemplate(canvas.Template{Key: "t", Name: "T", Dimensions: []string{regulatory.Key}}, true)
	})
	escapes("export template", u.chooseTemplateToExport)
	lib, _ := st.Library()
	if len(lib.Dimensions) != 1 || lib.Dimensions[0] != regulatory || len(lib.Templates) != 1 {
		t.Fatalf("Esc changed the catalogue: %+v", lib)
	}

	// Enter in the name of a duplicated dimension saves the copy.
	cat.editDimension(cat.copyOf(regulatory), false)
	key(c, fyne.KeyReturn)
	if c.Overlays().Top() != nil {
		t.Fatalf("Enter left the dimension dialog open: %q", textsOf(rendered(c.Overlays().Top())))
	}
	lib, _ = st.Library()
	if len(lib.Dimensions) != 2 {
		t.Fatalf("Enter saved no copy: %+v", lib.Dimensions)
	}
	cp, ok := lib.Dimension("carga-regulatoria-copy")
	if !ok || cp.Question != regulatory.Question || cp.Group != regulatory.Group || cp.Name != "Carga regulatoria (copy)" {
		t.Errorf("the copy is %+v (keys %+v)", cp, lib.Dimensions)
	}
}

// Deleting a custom dimension a template uses names the template and asks
// first; No keeps both, Yes deletes it from the catalogue and the
// template, and a session that used it keeps its copy.
func TestDeletingADimensionATemplateUsesAsksFirst(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	if err := st.SaveDimension(regulatory); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveTemplate(canvas.Template{Key: "fintech", Name: "Fintech corto", Dimensions: []string{"customer", regulatory.Key}}); err != nil {
		t.Fatal(err)
	}
	if err := u.createSession("fintech", "Uno", "p", ""); err != nil {
		t.Fatal(err)
	}
	id := u.editor.s.ID
	c := u.Window().Canvas()
	u.ShowCatalogue()
	cat := u.catalogue
	cat.selectDimension(regulatory.Key)
	test.Tap(buttonIn(t, cat.content, "Delete"))
	ask := c.Overlays().Top()
	if ask == nil || !containsText(textsOf(rendered(ask)), "Fintech corto") {
		t.Fatal("deleting a dimension a template uses did not ask, naming the template")
	}
	test.Tap(buttonIn(t, ask, "No"))
	if lib, _ := st.Library(); len(lib.Dimensions) != 1 {
		t.Fatal("No deleted the dimension")
	}
	test.Tap(buttonIn(t, cat.content, "Delete"))
	test.Tap(buttonIn(t, c.Overlays().Top(), "Yes"))
	lib, _ := st.Library()
	if len(lib.Dimensions) != 0 || len(lib.Templates) != 1 || len(lib.Templates[0].Dimensions) != 1 {
		t.Fatalf("after Yes the catalogue is %+v", lib)
	}
	if cat.dimList.Length() != len(canvas.Catalogue()) {
		t.Errorf("the list still shows %d dimensions", cat.dimList.Length())
	}
	s, err := st.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if d, ok := s.Dimension(regulatory.Key); !ok || d != regulatory {
		t.Errorf("the session lost its copy: %+v", d)
	}
}

// Full and Quick are read-only and can be duplicated; the copy is a
// custom template of its own. A dimension's key follows its name until
// it is used, and an unused one's key can still change.
func TestBuiltInTemplatesDuplicateAndKeysChangeUntilUsed(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	c := u.Window().Canvas()
	u.ShowCatalogue()
	cat := u.catalogue
	cat.tabs.SelectIndex(1)
	cat.selectTemplate(canvas.TemplateQuick)
	if !cat.tmplEdit.Disabled() || !cat.tmplDel.Disabled() || cat.tmplDup.Disabled() {
		t.Fatal("Quick can be edited or deleted, or not duplicated")
	}
	test.Tap(cat.tmplDup)
	dlg := c.Overlays().Top()
	if got := renderedOf[*keyEntry](dlg)[0].Text; got != "Quick (copy)" {
		t.Errorf("the copy is named %q", got)
	}
	test.Tap(buttonIn(t, dlg, "Save"))
	lib, _ := st.Library()
	quick, _ := lib.Template(canvas.TemplateQuick)
	if len(lib.Templates) != 1 || lib.Templates[0].Key != "quick-copy" || !slices.Equal(lib.Templates[0].Dimensions, quick.Dimensions) {
		t.Fatalf("the copy of Quick is %+v", lib.Templates)
	}

	// A new dimension: the key follows the name; saved, it is unused, so
	// editing may change the key, and the old key goes.
	cat.tabs.SelectIndex(0)
	cat.editDimension(canvas.Dimension{}, false)
	dlg = c.Overlays().Top()
	e := renderedOf[*keyEntry](dlg)
	test.Type(e[0], "Supply side")
	if e[1].Text != "supply-side" {
		t.Errorf("the key made from the name is %q", e[1].Text)
	}
	for i, s := range []string{"Merchants or individuals?", "Individuals", "", "Merchants", ""} {
		test.Type(e[2+i], s)
	}
	test.Tap(buttonIn(t, dlg, "Save"))
	cat.editDimension(mustDimension(t, st, "supply-side"), true)
	dlg = c.Overlays().Top()
	e = renderedOf[*keyEntry](dlg)
	if e[1].Disabled() {
		t.Fatal("the key of an unused dimension cannot change")
	}
	e[1].SetText("oferta")
	test.Tap(buttonIn(t, dlg, "Save"))
	lib, _ = st.Library()
	if len(lib.Dimensions) != 1 || lib.Dimensions[0].Key != "oferta" || lib.Dimensions[0].Name != "Supply side" {
		t.Fatalf("after changing the key the catalogue holds %+v", lib.Dimensions)
	}
}

func mustDimension(t *testing.T, st interface {
	Library() (canvas.Library, error)
}, key string) canvas.Dimension {
	t.Helper()
	lib, err := st.Library()
	if err != nil {
		t.Fatal(err)
	}
	d, ok := lib.Dimension(key)
	if !ok {
		t.Fatalf("no dimension %q in %+v", key, lib.Dimensions)
	}
	return d
}

// With more templates than a small screen shows, the New session dialog
// keeps them in a scroll, and every one can still be chosen.
func TestManyTemplatesScrollInTheNewSessionDialog(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	for _, k := range []string{"a", "b", "c", "d"} {
		if err := st.SaveTemplate(canvas.Template{Key: k, Name: "Plantilla " + k, Dimensions: []string{"customer"}}); err != nil {
			t.Fatal(err)
		}
	}
	dlg := pressCtrlN(t, u.Window().Canvas())
	radio := renderedOf[*keyRadio](dlg)[0]
	if len(radio.Options) != 6 || len(renderedOf[*container.Scroll](dlg)) == 0 {
		t.Fatalf("%d templates offered, scroll: %d", len(radio.Options), len(renderedOf[*container.Scroll](dlg)))
	}
	if h := dlg.MinSize().Height; h > 512-48 {
		t.Errorf("the dialog asks for %v units of height", h)
	}
	radio.SetSelected("Plantilla d — 1 dimension")
	test.Type(renderedOf[*keyEntry](dlg)[0], "X")
	test.Tap(buttonIn(t, dlg, "Create"))
	if u.editor == nil || u.editor.s.Template != "d" {
		t.Fatal("the last template could not be chosen")
	}
}

// Settings → Language redraws the catalogue in the new words, on the tab
// and the dimension where the person was.
func TestSwitchingLanguageOnTheCatalogue(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	if err := st.SaveDimension(regulatory); err != nil {
		t.Fatal(err)
	}
	u.ShowCatalogue()
	u.catalogue.selectDimension("value")
	u.catalogue.tabs.SelectIndex(1)
	languageItem(t, u, "中文").Action()
	c := u.catalogue
	if u.Window().Content() != c.content {
		t.Fatal("switching the language left the catalogue")
	}
	if c.tabs.SelectedIndex() != 1 || c.tabs.Items[0].Text != "维度" {
		t.Errorf("after the switch: tab %d, titles %q", c.tabs.SelectedIndex(), c.tabs.Items[0].Text)
	}
	if d, ok := c.chosenDimension(); !ok || d.Key != "value" {
		t.Errorf("after the switch the chosen dimension is %q", d.Key)
	}
	o := c.dimList.CreateItem()
	c.dimList.UpdateItem(0, o)
	if got := textsOf(rendered(o)); !contains(got, "Carga regulatoria —— Regulación（自定义）") {
		t.Errorf("the custom dimension's line reads %q", got)
	}
}
