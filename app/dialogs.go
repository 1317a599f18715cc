package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// prefLastTemplate remembers the template of the last session created, the
// New session dialog's default.
const prefLastTemplate = "lastTemplate"

// newSessionDialog asks for the title, product and template of a session.
// The title has the focus, Tab goes to the product and Enter creates.
func (u *UI) newSessionDialog() {
	tmpl, choice, keyOf := u.templateChoice(u.app.Preferences().String(prefLastTemplate))
	title := u.newKeyEntry()
	title.SetPlaceHolder(u.T("app.new.title.placeholder"))
	title.Validator = requiredText(u.T("app.form.title.required"))
	product := u.newKeyEntry()
	product.SetPlaceHolder(u.T("app.new.product.placeholder"))
	facilitator := u.newKeyEntry()
	facilitator.SetPlaceHolder(u.T("app.new.optional"))

	// The template comes last: it has a sensible default, and Tab from the
	// title must reach the product first.
	items := []*widget.FormItem{
		widget.NewFormItem(u.T("app.form.title"), title),
		widget.NewFormItem(u.T("app.form.product"), product),
		widget.NewFormItem(u.T("app.new.facilitator"), facilitator),
		widget.NewFormItem(u.T("app.new.template.label"), choice),
	}
	d := u.formDialog(u.T("app.new.dialog"), u.T("app.new.create"), u.T("app.dialog.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		key := keyOf[tmpl.Selected]
		err := u.createSession(key, strings.TrimSpace(title.Text),
			strings.TrimSpace(product.Text), strings.TrimSpace(facilitator.Text))
		if err != nil {
			u.showError(u.T("app.error.create-session"), err)
			return
		}
		u.app.Preferences().SetString(prefLastTemplate, key)
	})
	d.Resize(u.dialogSize(560, 360))
	d.Show()
	u.win.Canvas().Focus(title)
}

// dialogSize is a dialog's size: the size it asks for, or less on a small
// window, so every dialog opens fully on screen.
func (u *UI) dialogSize(w, h float32) fyne.Size {
	win := u.win.Canvas().Size()
	if win.Width > 0 {
		w = min(w, win.Width-40)
	}
	if win.Height > 0 {
		h = min(h, win.Height-40)
	}
	return fyne.NewSize(w, h)
}

// showShortcuts lists every key (Help → Keyboard shortcuts, F1), from the
// tables that register them.
func (u *UI) showShortcuts() {
	// The cells go into the form at once: Add lays it out per cell.
	var cells []fyne.CanvasObject
	for _, s := range u.shortcutSections() {
		cells = append(cells, widget.NewLabelWithStyle(s.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), widget.NewLabel(""))
		for _, l := range s.lines {
			cells = append(cells, widget.NewLabelWithStyle(l.keys, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true}), widget.NewLabel(l.what))
		}
	}
	grid := container.New(layout.NewFormLayout(), cells...)
	d := dialog.NewCustom(u.T("app.keys.shortcuts"), u.T("app.dialog.close"), container.NewVScroll(grid), u.win)
	d.Resize(u.dialogSize(820, 640))
	u.show(d)
}

type shortcutSection struct {
	title string
	lines []keyHelp
}

// shortcutSections are the lines of the shortcuts list: the menus' keys,
// the window's, then those of each screen.
func (u *UI) shortcutSections() []shortcutSection {
	w := u.words()
	var everywhere []keyHelp
	seen := map[string]bool{}
	add := func(keys, what string) {
		if !seen[keys] {
			seen[keys] = true
			everywhere = append(everywhere, keyHelp{keys, what})
		}
	}
	for _, b := range u.bindings {
		var keys []string
		for _, sc := range b.shortcuts {
			keys = append(keys, shortcutLabel(w, sc))
		}
		if b.key != "" {
			keys = append(keys, keyLabel(w, b.key))
		}
		for _, k := range keys {
			seen[k] = true
		}
		everywhere = append(everywhere, keyHelp{strings.Join(keys, ", "), u.T(b.what)})
	}
	// A menu item's shortcut that no binding registers still works from
	// the menu, so it is listed too.
	for _, m := range u.mainMenu.Items {
		for _, it := range m.Items {
			if it.Shortcut != nil {
				add(shortcutLabel(w, it.Shortcut), strings.TrimSuffix(it.Label, "…"))
			}
		}
	}
	var editor []keyHelp
	for _, k := range editorKeys {
		editor = append(editor, keyHelp{keyLabel(w, fyne.KeyName(k.keys)), w.T(k.what)})
	}
	return []shortcutSection{
		{w.T("app.keys.section.everywhere"), everywhere},
		{w.T("app.keys.section.dialog"), helpOf(w, dialogKeys)},
		{w.T("app.keys.section.list"), helpOf(w, listKeys)},
		{w.T("app.keys.section.editor"), append(editor, helpOf(w, sliderKeys)...)},
		{w.T("app.keys.section.present"), helpOf(w, presentKeys)},
		{w.T("app.keys.section.large"), helpOf(w, largeChartKeys)},
		{w.T("app.keys.section.compare"), helpOf(w, compareKeys)},
	}
}
