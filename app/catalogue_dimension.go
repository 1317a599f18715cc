package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// dimensionForm is the dialog that writes a custom dimension: new, a
// copy, or one of the catalogue's (editing).
type dimensionForm struct {
	c       *catalogueScreen
	editing bool
	old     canvas.Dimension
	// keyFixed: a template or a session uses the key (store.DimensionUsed).
	keyFixed bool
	// keyTyped: the person wrote the key, so the name no longer makes it.
	keyTyped bool

	key, name, question, toc, tob, gToC, gToB, newGroup *keyEntry
	group                                               *keySelect
	groupOf                                             map[string]string
	newLabel                                            string
}

// editDimension opens the dimension dialog on d: editing it (a custom
// dimension of the catalogue) or writing a new one (empty or a copy).
func (c *catalogueScreen) editDimension(d canvas.Dimension, editing bool) {
	u := c.ui
	f := &dimensionForm{c: c, editing: editing, old: d}
	if editing {
		used, err := u.store.DimensionUsed(d.Key)
		if err != nil {
			u.showError(u.T("app.catalogue.error.read"), err)
			return
		}
		f.keyFixed = used
	}
	f.keyTyped = editing || d.Key != ""
	entry := func(text string, area bool) *keyEntry {
		e := u.newKeyEntry()
		if area {
			e = u.newKeyTextArea()
			e.SetMinRowsVisible(2)
		}
		e.SetText(text)
		return e
	}
	f.name = entry(d.Name, false)
	f.key = entry(d.Key, false)
	f.question = entry(d.Question, true)
	f.toc = entry(d.ToC, false)
	f.tob = entry(d.ToB, false)
	f.gToC = entry(d.Guidance.ToC, true)
	f.gToB = entry(d.Guidance.ToB, true)
	f.newGroup = entry("", false)
	required := requiredText(u.T("app.catalogue.required"))
	for _, e := range []*keyEntry{f.name, f.question, f.toc, f.tob} {
		e.Validator = required
	}
	f.key.Validator = f.checkKey
	if f.keyFixed {
		f.key.Disable()
	}
	f.name.OnChanged = func(s string) {
		if !f.keyTyped && !f.keyFixed {
			f.key.SetText(c.freeKey(canvas.KeyFromName(s), f.old.Key))
			f.keyTyped = false
		}
	}
	f.key.OnChanged = func(string) {
		if c := u.win.Canvas(); c.Focused() == f.key {
			f.keyTyped = true
		}
	}
	f.groupChoice(d.Group)

	keyItem := widget.NewFormItem(u.T("app.catalogue.field.key"), f.key)
	if f.keyFixed {
		keyItem.HintText = u.T("app.catalogue.field.key.fixed")
	}
	// The new group's field and its label show only while "New group…" is
	// chosen (Fyne's form keeps a hidden field's label).
	newGroupItem := widget.NewFormItem("", f.newGroup)
	items := []*widget.FormItem{
		widget.NewFormItem(u.T("app.catalogue.field.name"), f.name),
		keyItem,
		widget.NewFormItem(u.T("app.catalogue.field.question"), f.question),
		widget.NewFormItem(u.T("app.catalogue.field.toc"), f.toc),
		widget.NewFormItem(u.T("app.catalogue.field.guidance-toc"), f.gToC),
		widget.NewFormItem(u.T("app.catalogue.field.tob"), f.tob),
		widget.NewFormItem(u.T("app.catalogue.field.guidance-tob"), f.gToB),
		widget.NewFormItem(u.T("app.catalogue.field.group"), f.group),
		newGroupItem,
	}
	title := u.T("app.catalogue.dimension.new-title")
	if editing {
		title = u.T("app.catalogue.dimension.edit-title")
	}
	d2, form, check := u.scrollFormDialog(title, u.T("app.dialog.save"), items, f.save)
	f.newGroup.Validator = func(s string) error {
		if f.group.Selected == f.newLabel && strings.TrimSpace(s) == "" {
			return errors.New(u.T("app.catalogue.required"))
		}
		return nil
	}
	showNew := func() {
		if f.group.Selected == f.newLabel {
			newGroupItem.Text = u.T("app.catalogue.field.new-group")
			f.newGroup.Show()
		} else {
			newGroupItem.Text = ""
			f.newGroup.Hide()
		}
		form.Refresh()
		check()
	}
	f.group.OnChanged = func(string) { showNew() }
	showNew()
	d2.Resize(u.dialogSize(680, 620))
	d2.Show()
	u.win.Canvas().Focus(f.name)
}

// groupChoice offers the built-in groups, in the interface's language,
// the groups custom dimensions brought, as written, and a new one.
func (f *dimensionForm) groupChoice(current string) {
	u := f.c.ui
	w := u.words()
	f.groupOf = map[string]string{}
	var opts []string
	add := func(label, key string) {
		if _, ok := f.groupOf[label]; !ok {
			opts = append(opts, label)
			f.groupOf[label] = key
		}
	}
	for _, g := range canvas.Groups() {
		add(w.Group(g.Key), g.Key)
	}
	for _, d := range f.c.lib.Dimensions {
		if !canvas.IsBuiltInGroup(d.Group) {
			add(d.Group, d.Group)
		}
	}
	f.newLabel = u.T("app.catalogue.group.new")
	opts = append(opts, f.newLabel)
	f.group = newKeySelect(opts, u.typedKey)
	for label, key := range f.groupOf {
		if key == current && current != "" {
			f.group.Selected = label
		}
	}
	if f.group.Selected == "" {
		f.group.Selected = opts[0]
		if current != "" {
			// A copy of a dimension whose group is no longer offered.
			f.group.Selected = f.newLabel
			f.newGroup.SetText(current)
		}
	}
}

// checkKey is the key field's validator: canvas's rule for keys, and no
// other dimension of the catalogue, built-in or custom, may have it.
func (f *dimensionForm) checkKey(k string) error {
	u := f.c.ui
	if p := canvas.CheckKey(k); p != nil {
		if p.Kind == canvas.ProblemRequired {
			return errors.New(u.T("app.catalogue.required"))
		}
		return errors.New(u.T("app.catalogue.key.invalid"))
	}
	if _, ok := f.c.lib.Dimension(k); ok && !(f.editing && k == f.old.Key) {
		return errors.New(u.T("app.catalogue.key.taken"))
	}
	return nil
}

// save writes the dimension; false keeps the dialog open (the store said
// what is wrong).
func (f *dimensionForm) save() bool {
	u := f.c.ui
	group := f.groupOf[f.group.Selected]
	if f.group.Selected == f.newLabel {
		group = strings.TrimSpace(f.newGroup.Text)
	}
	d := canvas.Dimension{Key: strings.TrimSpace(f.key.Text), Group: group,
		Name: strings.TrimSpace(f.name.Text), Question: strings.TrimSpace(f.question.Text),
		ToC: strings.TrimSpace(f.toc.Text), ToB: strings.TrimSpace(f.tob.Text),
		Guidance: canvas.Guidance{ToC: strings.TrimSpace(f.gToC.Text), ToB: strings.TrimSpace(f.gToB.Text)}}
	if err := u.store.SaveDimension(d); err != nil {
		u.showError(u.T("app.catalogue.error.save"), err)
		return false
	}
	// A key changed before any use: the old record goes.
	if f.editing && d.Key != f.old.Key {
		if err := u.store.DeleteDimension(f.old.Key); err != nil {
			u.showError(u.T("app.catalogue.error.save"), err)
		}
	}
	f.c.reload()
	f.c.selectDimension(d.Key)
	return true
}

// scrollFormDialog is formDialog with the form in a scroll, for forms
// taller than a small screen: Save is enabled only while every field is
// valid, and save returning false keeps the dialog open. Fyne's form
// reports validity only for the fields touched so far, so the fields'
// own validators are asked after every keystroke instead; check does the
// same for a change the fields do not see (a choice that shows a field).
func (u *UI) scrollFormDialog(title, confirm string, items []*widget.FormItem, save func() bool) (d *dialog.CustomDialog, form *widget.Form, check func()) {
	form = widget.NewForm(items...)
	d = dialog.NewCustomWithoutButtons(title, container.NewVScroll(form), u.win)
	valid := func() bool {
		for _, it := range items {
			e, ok := it.Widget.(*keyEntry)
			if ok && e.Visible() && e.Validator != nil && e.Validator(e.Text) != nil {
				return false
			}
		}
		return true
	}
	ok := u.newKeyButton(confirm, theme.ConfirmIcon(), func() {
		if valid() && save() {
			d.Hide()
		}
	})
	ok.Importance = widget.HighImportance
	cancel := u.newKeyButton(u.T("app.dialog.cancel"), theme.CancelIcon(), func() { d.Hide() })
	d.SetButtons([]fyne.CanvasObject{cancel, ok})
	check = func() { enable(ok, valid()) }
	for _, it := range items {
		if e, isEntry := it.Widget.(*keyEntry); isEntry {
			prev := e.OnChanged
			e.OnChanged = func(s string) {
				if prev != nil {
					prev(s)
				}
				check()
			}
		}
	}
	check()
	return d, form, check
}
