package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// A session's dimensions after it was created: the facilitator adds one
// from the catalogue (built-in or custom) or removes one, through the
// canvas ops, so undo and redo give each change back like any other.

// library is the catalogue of the open store: the built-in dimensions and
// templates with the custom ones. A catalogue that cannot be read is said
// once and the built-in one is used, so a session can still start.
func (u *UI) library() canvas.Library {
	lib, err := u.store.Library()
	if err != nil {
		u.showError(u.T("app.catalogue.error.read"), err)
		return canvas.Library{}
	}
	return lib
}

// dimensionsChanged draws the editor again when the session gained or
// lost a dimension: the rows, the chart and the panels all follow the
// session's list of dimensions.
func (e *editor) dimensionsChanged() {
	onEditor := e.ui.win.Content() == e.content
	e.selected = min(e.selected, len(e.s.Dimensions)-1)
	e.rebuild()
	if onEditor {
		e.ui.win.SetContent(e.content)
	}
}

// addDimensionButton closes the list of rows: a dimension the session lacks
// is added from where the facilitator looks at the others.
func (e *editor) addDimensionButton() fyne.CanvasObject {
	b := e.ui.newKeyButton(e.ui.T("app.session.add-dimension"), theme.ContentAddIcon(), e.ui.addDimensionDialog)
	b.Importance = widget.LowImportance
	return container.NewHBox(b)
}

// removeButton is a row's Remove dimension button.
func (e *editor) removeButton(r *dimRow) *keyButton {
	key := r.dim.Key
	b := e.ui.newKeyButton("", theme.DeleteIcon(), func() { e.removeDimension(key) })
	b.Importance = widget.LowImportance
	return b
}

// removeDimension takes a dimension out of the session; with placements
// on it, it asks first (undo gives them back, but a facilitator should not
// meet that by surprise).
func (e *editor) removeDimension(key string) {
	u := e.ui
	what := u.T("app.session.remove-dimension")
	if len(e.s.Dimensions) <= 1 {
		u.inform(what, u.T("app.session.last-dimension"))
		return
	}
	d, _ := e.s.Dimension(key)
	name := u.dimText(d).Name
	do := func() { e.apply(what, canvas.RemoveDimension{Key: key}); e.owner.Seal() }
	n := len(e.s.PlacementsFor(key))
	if n == 0 {
		do()
		return
	}
	u.confirm(what, u.N("app.session.remove-dimension.confirm", n, name), func(ok bool) {
		if ok {
			do()
		}
	})
}

// addDimensionDialog lists the catalogue's dimensions the open session
// lacks, with their group, and adds the chosen one.
func (u *UI) addDimensionDialog() {
	e := u.editor
	if e == nil {
		return
	}
	var offer []canvas.Dimension
	for _, d := range u.library().AllDimensions() {
		if _, in := e.s.Dimension(d.Key); !in {
			offer = append(offer, d)
		}
	}
	title := u.T("app.session.add-dimension.title")
	if len(offer) == 0 {
		u.inform(title, u.T("app.session.add-dimension.none"))
		return
	}
	var d dialog.Dialog
	chosen := -1
	add := u.newKeyButton(u.T("app.session.add-dimension.add"), theme.ContentAddIcon(), nil)
	add.Importance = widget.HighImportance
	add.Disable()
	lst := u.newKeyPickList(func() int { return len(offer) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(u.dimensionLine(offer[i]))
		})
	lst.OnSelected = func(i widget.ListItemID) { chosen = i; add.Enable() }
	add.OnTapped = func() {
		if chosen < 0 {
			return
		}
		d.Hide()
		e.apply(u.T("app.session.add-dimension"), canvas.AddDimension{Dimension: offer[chosen]})
		e.owner.Seal()
		if i := e.rowOf(offer[chosen].Key); i >= 0 {
			e.focusRow(i)
		}
	}
	cancel := u.newKeyButton(u.T("app.dialog.cancel"), nil, func() { d.Hide() })
	cd := dialog.NewCustomWithoutButtons(title, lst, u.win)
	cd.SetButtons([]fyne.CanvasObject{cancel, add})
	d = cd
	d.Resize(u.dialogSize(640, 480))
	d.Show()
	u.win.Canvas().Focus(lst)
}

// dimensionLine names a dimension in a list: its name, its group, and
// whether the facilitator wrote it.
func (u *UI) dimensionLine(d canvas.Dimension) string {
	w := u.words()
	if d.IsCustom() {
		return u.T("app.catalogue.line.custom", w.DimensionOf(d).Name, w.Group(d.Group))
	}
	return u.T("app.catalogue.line", w.DimensionOf(d).Name, w.Group(d.Group))
}
