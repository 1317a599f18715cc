package app

import (
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// formEntries are a dialog's entries in the form's order.
func formEntries(t *testing.T, dlg fyne.CanvasObject) []*keyEntry {
	t.Helper()
	return renderedOf[*keyEntry](dlg)
}

// pickIn selects the line of a pick list that reads text.
func pickIn(t *testing.T, l *keyPickList, text string) {
	t.Helper()
	for i := range l.Length() {
		o := l.CreateItem()
		l.UpdateItem(i, o)
		if contains(textsOf(rendered(o)), text) {
			l.Select(i)
			return
		}
	}
	t.Fatalf("no line %q in the list", text)
}

// The walk, in Chinese: a custom dimension written in Chinese, put
// in a template, a session started from the template; then the dimension
// is edited, and the session keeps the text it started with.
func TestCustomDimensionInChineseThroughATemplateIntoASession(t *testing.T) {
	u, st := startUIIn(t, filepath.Join(t.TempDir(), "f.db"), lang.ZH)
	c := u.Window().Canvas()
	w := u.words()

	// From the session list to the catalogue.
	test.Tap(buttonIn(t, u.home.content, w.T("app.catalogue.open")))
	cat := u.catalogue
	if cat == nil || u.Window().Content() != cat.content {
		t.Fatal("the session list's button did not show the catalogue")
	}
	if n := cat.dimList.Length(); n != len(canvas.Catalogue()) {
		t.Fatalf("the catalogue lists %d dimensions, want the %d built-in ones", n, len(canvas.Catalogue()))
	}
	// A built-in dimension is read-only: it can only be duplicated.
	cat.dimList.Select(0)
	if !cat.dimEdit.Disabled() || !cat.dimDel.Disabled() || cat.dimDup.Disabled() {
		t.Error("a built-in dimension can be edited or deleted, or not duplicated")
	}

	test.Tap(buttonIn(t, cat.content, w.T("app.catalogue.new-dimension")))
	dlg := c.Overlays().Top()
	e := formEntries(t, dlg)
	name, key, question, toc, gtoc, tob, gtob := e[0], e[1], e[2], e[3], e[4], e[5], e[6]
	test.Type(name, "监管负担")
	if key.Text != "监管负担" {
		t.Errorf("the key made from the name is %q", key.Text)
	}
	if !buttonIn(t, dlg, w.T("app.dialog.save")).Disabled() {
		t.Error("Save is enabled with only a name: the question and the poles are required")
	}
	test.Type(question, "监管在多大程度上决定销售？")
	test.Type(toc, "几乎没有")
	test.Type(gtoc, "快速上线。")
	test.Type(tob, "决定成败")
	test.Type(gtob, "尽早找合规团队。")
	sel := renderedOf[*keySelect](dlg)[0]
	if !slices.Contains(sel.Options, w.Group("market-scale")) {
		t.Errorf("the group choice lacks the built-in groups: %q", sel.Options)
	}
	sel.SetSelected(w.T("app.catalogue.group.new"))
	save := buttonIn(t, dlg, w.T("app.dialog.save"))
	if !save.Disabled() {
		t.Error("Save is enabled with a new group without a name")
	}
	e = formEntries(t, dlg)
	if len(e) != 8 {
		t.Fatalf("choosing a new group showed no field for its name")
	}
	test.Type(e[7], "合规")
	test.Tap(save)
	if c.Overlays().Top() != nil {
		t.Fatalf("the dialog stayed: %q", textsOf(rendered(c.Overlays().Top())))
	}
	lib, err := st.Library()
	if err != nil || len(lib.Dimensions) != 1 {
		t.Fatalf("the catalogue holds %+v, %v", lib.Dimensions, err)
	}
	want := canvas.Dimension{Key: "监管负担", Group: "合规", Name: "监管负担", Question: "监管在多大程度上决定销售？",
		ToC: "几乎没有", ToB: "决定成败", Guidance: canvas.Guidance{ToC: "快速上线。", ToB: "尽早找合规团队。"}}
	if lib.Dimensions[0] != want {
		t.Fatalf("saved %+v\nwant %+v", lib.Dimensions[0], want)
	}
	if !containsText(textsOf(onScreen(u)), "监管负担 —— 合规（自定义）") {
		t.Error("the list does not show the new dimension as written")
	}

	// A template of it and two built-in ones, in the order chosen.
	cat.tabs.SelectIndex(1)
	test.Tap(buttonIn(t, cat.content, w.T("app.catalogue.new-template")))
	dlg = c.Overlays().Top()
	test.Type(formEntries(t, dlg)[0], "金融科技")
	pick := renderedOf[*keySelect](dlg)[0]
	addBtn := buttonIn(t, dlg, w.T("app.catalogue.template.add"))
	for _, label := range []string{"监管负担 —— 合规（自定义）", u.dimensionLine(canvas.Catalogue()[0]), u.dimensionLine(canvas.Catalogue()[1])} {
		pick.SetSelected(label)
		test.Tap(addBtn)
	}
	// Move the custom dimension last: down twice.
	downs := func() []*keyButton {
		var out []*keyButton
		for _, b := range renderedOf[*keyButton](c.Overlays().Top()) {
			if b.Text == "" && b.Icon != nil && b.Icon.Name() == theme.MoveDownIcon().Name() {
				out = append(out, b)
			}
		}
		return out
	}
	if n := len(downs()); n != 3 {
		t.Fatalf("%d move-down buttons for 3 dimensions", n)
	}
	test.Tap(downs()[0])
	test.Tap(downs()[1])
	test.Tap(buttonIn(t, c.Overlays().Top(), w.T("app.dialog.save")))
	lib, _ = st.Library()
	if len(lib.Templates) != 1 {
		t.Fatalf("the catalogue holds templates %+v", lib.Templates)
	}
	tm := lib.Templates[0]
	if tm.Name != "金融科技" || !slices.Equal(tm.Dimensions, []string{canvas.Catalogue()[0].Key, canvas.Catalogue()[1].Key, "监管负担"}) {
		t.Fatalf("saved template %+v", tm)
	}

	// A session from it.
	u.ShowHome()
	dlg = pressCtrlN(t, c)
	radio := renderedOf[*keyRadio](dlg)[0]
	label := u.N("app.new.template", 3, "金融科技")
	if !slices.Contains(radio.Options, label) {
		t.Fatalf("the New session dialog offers %q, not %q", radio.Options, label)
	}
	radio.SetSelected(label)
	test.Type(formEntries(t, dlg)[0], "第一季度")
	test.Tap(buttonIn(t, dlg, w.T("app.new.create")))
	if u.editor == nil || len(u.editor.rows) != 3 {
		t.Fatal("the session did not open with the template's three dimensions")
	}
	id := u.editor.s.ID
	if !containsText(textsOf(onScreen(u)), "监管在多大程度上决定销售？") {
		t.Error("the editor does not show the custom dimension's question")
	}

	// Edit the dimension from the File menu: its key is fixed now.
	catalogueItem(t, u, w.T("app.catalogue.menu")).Action()
	cat = u.catalogue
	cat.tabs.SelectIndex(0)
	pickIn(t, cat.dimList, "监管负担 —— 合规（自定义）")
	test.Tap(buttonIn(t, cat.content, w.T("app.catalogue.edit")))
	dlg = c.Overlays().Top()
	e = formEntries(t, dlg)
	if !e[1].Disabled() {
		t.Error("the key of a dimension a template uses can still change")
	}
	e[0].SetText("监管压力")
	e[2].SetText("新的问题？")
	test.Tap(buttonIn(t, dlg, w.T("app.dialog.save")))
	lib, _ = st.Library()
	if d, _ := lib.Dimension("监管负担"); d.Name != "监管压力" || d.Question != "新的问题？" {
		t.Fatalf("the edit was not saved: %+v", d)
	}

	s, err := st.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if d, ok := s.Dimension("监管负担"); !ok || d != want {
		t.Errorf("the session's dimension changed with the catalogue: %+v", d)
	}
	if err := u.OpenSession(id); err != nil {
		t.Fatal(err)
	}
	texts := textsOf(onScreen(u))
	if !containsText(texts, "监管在多大程度上决定销售？") || containsText(texts, "新的问题？") {
		t.Error("the reopened session does not show the text it started with")
	}
}

// catalogueItem finds an item of File → Dimensions and templates, in
// the interface's language.
func catalogueItem(t *testing.T, u *UI, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range u.Window().MainMenu().Items {
		for _, it := range m.Items {
			if m.Label != u.T("app.menu.file") || it.Label != u.T("app.catalogue.menu.group") || it.ChildMenu == nil {
				continue
			}
			for _, c := range it.ChildMenu.Items {
				if c.Label == label {
					return c
				}
			}
		}
	}
	t.Fatalf("File → %s has no %q", u.T("app.catalogue.menu.group"), label)
	return nil
}

// walkCatalogue is TestEveryScreenSpeaksTheLanguage's walk through the
// catalogue: its tabs and dialogs, and the editor's Add dimension dialog.
func walkCatalogue(t *testing.T, u *UI, look func(string), dialog func(string, func())) {
	t.Helper()
	if err := u.store.SaveDimension(regulatory); err != nil {
		t.Fatal(err)
	}
	u.ShowCatalogue()
	c := u.catalogue
	look("the catalogue")
	c.dimList.Select(0)
	look("the catalogue with a built-in dimension")
	dialog("the new dimension dialog", func() { c.editDimension(canvas.Dimension{}, false) })
	dialog("the duplicate of a built-in dimension", func() { c.editDimension(c.copyOf(c.dims[0]), false) })
	c.selectDimension(regulatory.Key)
	look("the catalogue with a custom dimension")
	dialog("the edit dimension dialog", func() { c.editDimension(regulatory, true) })
	dialog("the delete dimension question", c.deleteDimension)
	c.tabs.SelectIndex(1)
	c.tmplList.Select(1)
	look("the catalogue's templates")
	dialog("the new template dialog", func() { c.editTemplate(canvas.Template{}, false) })
	dialog("the template dialog", func() { c.editTemplate(canvas.Template{Key: "x", Name: "x", Dimensions: []string{"customer"}}, true) })
	dialog("the export template choice", u.chooseTemplateToExport)
	dialog("the template import problems", func() { u.importTemplateFiles([]string{filepath.Join(t.TempDir(), "missing.json")}) })
	u.ShowHome()
	if err := u.createSession(canvas.TemplateQuick, "Q1", "Nubia", ""); err != nil {
		t.Fatal(err)
	}
	dialog("the add dimension dialog", u.addDimensionDialog)
}

// The catalogue screen and its dimension dialog fit the smallest window
// (1366×768 at scale 1.5, less a window manager's frame).
func TestCatalogueFitsSmallScreens(t *testing.T) {
	u, st := startUIIn(t, filepath.Join(t.TempDir(), "f.db"), lang.ES)
	if err := st.SaveDimension(regulatory); err != nil {
		t.Fatal(err)
	}
	window := fyne.NewSize(1366/1.5-windowFrame.Width, 768/1.5-windowFrame.Height)
	u.Window().Resize(window)
	u.ShowCatalogue()
	for i := range u.catalogue.tabs.Items {
		u.catalogue.tabs.SelectIndex(i)
		if m := u.Window().Content().MinSize(); m.Width > window.Width || m.Height > window.Height {
			t.Errorf("the catalogue's tab %d asks for %v, more than %v", i, m, window)
		}
	}
	u.ShowHome()
	if m := u.Window().Content().MinSize(); m.Width > window.Width || m.Height > window.Height {
		t.Errorf("the session list with its catalogue button asks for %v, more than %v", m, window)
	}
	// The File menu, which the catalogue's items join as one submenu,
	// still opens whole on a 1024×600 screen under its menu bar.
	file := widget.NewMenu(u.Window().MainMenu().Items[0])
	if h := file.MinSize().Height; h > 600-40 {
		t.Errorf("the File menu is %v high", h)
	}
	u.catalogue.editDimension(regulatory, true)
	if m := u.Window().Canvas().Overlays().Top().MinSize(); m.Width > window.Width || m.Height > window.Height {
		t.Errorf("the dimension dialog asks for %v, more than %v", m, window)
	}
}
