package app

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// home is the session list: search, create, open, duplicate, rename and
// delete with undo.
type home struct {
	ui *UI

	all      []store.Summary
	shown    []store.Summary
	selected string // session id, "" for none

	search  *keyEntry
	list    *keyList
	empty   *fyne.Container
	count   *widget.Label
	newBtn  *keyButton
	openBtn *keyButton
	dupBtn  *keyButton
	renBtn  *keyButton
	delBtn  *keyButton

	undoBar   *fyne.Container
	undoLabel *widget.Label
	deleted   *canvas.Session

	content fyne.CanvasObject
}

func newHome(u *UI) *home {
	h := &home{ui: u}
	h.search = u.newKeyEntry()
	h.search.SetPlaceHolder("Search by title or product")
	h.search.OnChanged = func(string) { h.filter() }
	// Down from the search goes to the list, Enter there opens.
	h.search.onDown = func() { h.step(1) }

	h.list = &keyList{h: h}
	h.list.Length = func() int { return len(h.shown) }
	h.list.CreateItem = h.createRow
	h.list.UpdateItem = h.updateRow
	h.list.ExtendBaseWidget(h.list)
	h.list.OnSelected = func(id widget.ListItemID) {
		if id >= 0 && id < len(h.shown) {
			h.selected = h.shown[id].ID
		}
		h.updateButtons()
	}
	h.list.OnUnselected = func(widget.ListItemID) {
		h.selected = ""
		h.updateButtons()
	}

	h.newBtn = u.newKeyButton("New session", theme.ContentAddIcon(), u.newSessionDialog)
	h.newBtn.Importance = widget.HighImportance
	h.openBtn = h.ui.newKeyButton("Open", theme.FolderOpenIcon(), h.openSelected)
	h.dupBtn = h.ui.newKeyButton("Duplicate", theme.ContentCopyIcon(), h.duplicateSelected)
	h.renBtn = h.ui.newKeyButton("Rename", theme.DocumentCreateIcon(), h.renameSelected)
	h.delBtn = h.ui.newKeyButton("Delete", theme.DeleteIcon(), h.deleteSelected)

	h.undoLabel = widget.NewLabel("")
	h.undoBar = container.NewBorder(nil, nil, nil,
		h.ui.newKeyButton("Undo", theme.ContentUndoIcon(), h.undoDelete), h.undoLabel)
	h.undoBar.Hide()

	// The empty state is one sentence that keeps its line (a wrapping
	// label in a centring box is given no width and wraps each letter)
	// and a button of its own.
	sentence := widget.NewLabelWithStyle("No sessions yet: create one to place your product between ToC and ToB.",
		fyne.TextAlignCenter, fyne.TextStyle{})
	emptyNew := u.newKeyButton("New session", theme.ContentAddIcon(), u.newSessionDialog)
	emptyNew.Importance = widget.HighImportance
	h.empty = container.NewCenter(container.NewVBox(sentence, container.NewCenter(emptyNew)))
	h.count = widget.NewLabel("")

	heading := widget.NewLabelWithStyle("Fulcrum — ToB / ToC workshop sessions", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	actions := container.NewHBox(h.openBtn, h.dupBtn, h.renBtn, h.delBtn)
	top := container.NewVBox(
		container.NewBorder(nil, nil, heading, h.newBtn),
		container.NewBorder(nil, nil, nil, actions, h.search),
		h.undoBar,
	)
	h.content = container.NewBorder(top, h.count, nil, nil, container.NewStack(h.list, h.empty))
	h.updateButtons()
	return h
}

func (h *home) createRow() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	product := widget.NewLabel("")
	product.Truncation = fyne.TextTruncateEllipsis
	updated := widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{})
	index := widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{})
	var indexSamples column
	for _, b := range canvas.Bands() {
		indexSamples = append(indexSamples, "100  "+h.ui.words().Band(b))
	}
	right := container.NewHBox(
		container.New(column{dateSample}, updated),
		container.New(indexSamples, index))
	return newSessionRow(h, container.NewBorder(nil, nil, nil, right, container.NewGridWithColumns(2, title, product)))
}

// dateSample is the widest text of the date column: M and m are the
// widest letters, and the figures are tabular.
const dateSample = "28 Mmm 2026 20:00"

// column lays its objects out at the width a label needs for the widest
// of its sample texts, so the date and index columns, and with them the
// product column, line up in every row whatever the row's text. Fyne
// caches the measurements, and measuring in MinSize follows the theme's
// text size if it changes.
type column []string

func (c column) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, text := range c {
		w = max(w, fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width+2*theme.InnerPadding())
	}
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(w, h)
}

func (c column) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// sessionRow is a row of the session list: a tap selects it, as in any
// list, and a double tap opens the session.
type sessionRow struct {
	widget.BaseWidget
	h       *home
	id      widget.ListItemID
	content *fyne.Container
}

func newSessionRow(h *home, content *fyne.Container) *sessionRow {
	r := &sessionRow{h: h, content: content}
	r.ExtendBaseWidget(r)
	return r
}

func (r *sessionRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(r.content)
}

func (r *sessionRow) Tapped(*fyne.PointEvent) { r.h.list.Select(r.id) }

func (r *sessionRow) DoubleTapped(*fyne.PointEvent) {
	r.h.list.Select(r.id)
	r.h.openSelected()
}

func (h *home) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(h.shown) {
		return
	}
	s := h.shown[id]
	sr := o.(*sessionRow)
	sr.id = id
	row := sr.content
	grid := row.Objects[0].(*fyne.Container)
	right := row.Objects[1].(*fyne.Container)
	grid.Objects[0].(*widget.Label).SetText(s.Title)
	grid.Objects[1].(*widget.Label).SetText(s.Product)
	right.Objects[0].(*fyne.Container).Objects[0].(*widget.Label).SetText(s.Updated.Local().Format("2 Jan 2006 15:04"))
	right.Objects[1].(*fyne.Container).Objects[0].(*widget.Label).SetText(indexText(h.ui.words(), s))
}

func indexText(w *lang.Words, s store.Summary) string {
	if !s.IndexValid {
		return "index –"
	}
	return fmt.Sprintf("%.0f  %s", s.Index, w.Band(s.Band()))
}

// reload reads the summaries from the store, keeping the search and the
// selection.
func (h *home) reload() {
	all, err := h.ui.store.ListSummaries()
	if err != nil {
		// An empty list would read as "no sessions yet"; the file has them.
		h.all, h.shown = nil, nil
		h.empty.Hide()
		h.list.Refresh()
		if errors.Is(err, store.ErrDamaged) {
			h.ui.damaged(err)
			return
		}
		h.ui.showError("List sessions", err)
		return
	}
	h.all = all
	h.filter()
}

func (h *home) filter() {
	q := strings.ToLower(strings.TrimSpace(h.search.Text))
	if q == "" {
		// Shares h.all: with 10,000 sessions a copy is a megabyte.
		h.shown = h.all
	} else {
		h.shown = nil
		for _, s := range h.all {
			if strings.Contains(strings.ToLower(s.Title), q) || strings.Contains(strings.ToLower(s.Product), q) {
				h.shown = append(h.shown, s)
			}
		}
	}
	h.list.UnselectAll()
	h.selected = ""
	h.list.Refresh()
	if len(h.all) == 0 {
		h.empty.Show()
	} else {
		h.empty.Hide()
	}
	switch {
	case len(h.all) == 0:
		h.count.SetText("")
	case len(h.shown) == len(h.all):
		h.count.SetText(plural(len(h.all), "session"))
	default:
		h.count.SetText(fmt.Sprintf("%d of %s", len(h.shown), plural(len(h.all), "session")))
	}
	h.updateButtons()
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func (h *home) updateButtons() {
	for _, b := range []*keyButton{h.openBtn, h.dupBtn, h.renBtn, h.delBtn} {
		if h.selected == "" {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

// selectSession selects the row of a session id, if shown.
func (h *home) selectSession(id string) {
	for i, s := range h.shown {
		if s.ID == id {
			h.list.Select(i)
			return
		}
	}
}

// keyList is the session list: the arrow keys select (not only move a
// highlight, as Fyne's list does) and Enter opens.
type keyList struct {
	widget.List
	h *home
}

// listKeys are the session list's keys.
var listKeys = []keyAction[*home]{
	{keys: []fyne.KeyName{fyne.KeyUp}, what: "Select the session above", do: func(h *home) { h.step(-1) }},
	{keys: []fyne.KeyName{fyne.KeyDown}, what: "Select the session below (from the search field too)", do: func(h *home) { h.step(1) }},
	{keys: []fyne.KeyName{fyne.KeyReturn, fyne.KeyEnter}, what: "Open the selected session", do: (*home).openSelected},
}

func (l *keyList) TypedKey(ev *fyne.KeyEvent) {
	if !dispatch(listKeys, ev.Name, l.h) && !l.h.ui.typedKey(ev) {
		l.List.TypedKey(ev)
	}
}

// step selects the session delta rows from the selected one and focuses
// the list.
func (h *home) step(delta int) {
	if len(h.shown) == 0 {
		return
	}
	at := -1
	for i, s := range h.shown {
		if s.ID == h.selected {
			at = i
		}
	}
	next := at + delta
	if at < 0 {
		next = 0
	}
	next = max(0, min(len(h.shown)-1, next))
	h.list.Select(next)
	h.ui.win.Canvas().Focus(h.list)
}

func (h *home) openSelected() {
	if h.selected == "" {
		return
	}
	if err := h.ui.OpenSession(h.selected); err != nil {
		h.ui.showError("Open session", err)
	}
}

func (h *home) duplicateSelected() {
	s, err := h.ui.store.Load(h.selected)
	if err != nil {
		h.ui.showError("Duplicate session", err)
		return
	}
	c := s.Duplicate(h.ui.opt.Now())
	c.Title = s.Title + " (copy)"
	if err := h.ui.store.Save(c); err != nil {
		h.ui.showError("Duplicate session", err)
		return
	}
	h.reload()
	h.selectSession(c.ID)
}

func (h *home) renameSelected() {
	s, err := h.ui.store.Load(h.selected)
	if err != nil {
		h.ui.showError("Rename session", err)
		return
	}
	title := h.ui.newKeyEntry()
	title.SetText(s.Title)
	product := h.ui.newKeyEntry()
	product.SetText(s.Product)
	items := []*widget.FormItem{widget.NewFormItem("Title", title), widget.NewFormItem("Product", product)}
	d := h.ui.formDialog("Rename session", "Rename", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		s.Title = strings.TrimSpace(title.Text)
		s.Product = strings.TrimSpace(product.Text)
		s.Touch(h.ui.opt.Now())
		if err := h.ui.store.Save(s); err != nil {
			h.ui.showError("Rename session", err)
			return
		}
		h.reload()
		h.selectSession(s.ID)
	})
	title.Validator = requiredText("a title")
	d.Resize(h.ui.dialogSize(480, 220))
	d.Show()
	h.ui.win.Canvas().Focus(title)
}

func (h *home) deleteSelected() {
	id := h.selected
	s, err := h.ui.store.Load(id)
	if err != nil {
		h.ui.showError("Delete session", err)
		return
	}
	msg := fmt.Sprintf("Delete “%s”?\nYou can undo this from the session list.", s.Title)
	h.ui.show(dialog.NewConfirm("Delete session", msg, func(ok bool) {
		if !ok {
			return
		}
		if err := h.ui.store.Delete(id); err != nil {
			h.ui.showError("Delete session", err)
			return
		}
		h.deleted = s
		h.undoLabel.SetText(fmt.Sprintf("Deleted “%s”.", s.Title))
		h.undoBar.Show()
		h.reload()
	}, h.ui.win))
}

func (h *home) undoDelete() {
	if h.deleted == nil {
		return
	}
	s := h.deleted
	if err := h.ui.store.Save(s); err != nil {
		h.ui.showError("Undo delete", err)
		return
	}
	h.deleted = nil
	h.undoBar.Hide()
	h.reload()
	h.selectSession(s.ID)
}

func requiredText(what string) fyne.StringValidator {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return fmt.Errorf("enter %s", what)
		}
		return nil
	}
}
