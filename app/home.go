package app

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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
	cmpBtn  *keyButton
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
	h.search.SetPlaceHolder(u.T("app.home.search"))
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

	h.newBtn = u.newKeyButton(u.T("app.home.new-session"), theme.ContentAddIcon(), u.newSessionDialog)
	h.newBtn.Importance = widget.HighImportance
	h.openBtn = h.ui.newKeyButton(u.T("app.home.open"), theme.FolderOpenIcon(), h.openSelected)
	h.cmpBtn = h.ui.newKeyButton(u.T("app.compare.button"), theme.HistoryIcon(), u.compareWith)
	h.dupBtn = h.ui.newKeyButton(u.T("app.home.duplicate"), theme.ContentCopyIcon(), h.duplicateSelected)
	h.renBtn = h.ui.newKeyButton(u.T("app.home.rename"), theme.DocumentCreateIcon(), h.renameSelected)
	h.delBtn = h.ui.newKeyButton(u.T("app.home.delete"), theme.DeleteIcon(), h.deleteSelected)

	h.undoLabel = widget.NewLabel("")
	h.undoBar = container.NewBorder(nil, nil, nil,
		h.ui.newKeyButton(u.T("app.home.undo"), theme.ContentUndoIcon(), h.undoDelete), h.undoLabel)
	h.undoBar.Hide()

	// The empty state is one sentence that keeps its line (a wrapping
	// label in a centring box is given no width and wraps each letter)
	// and a button of its own.
	sentence := widget.NewLabelWithStyle(u.T("app.home.empty"),
		fyne.TextAlignCenter, fyne.TextStyle{})
	emptyNew := u.newKeyButton(u.T("app.home.new-session"), theme.ContentAddIcon(), u.newSessionDialog)
	emptyNew.Importance = widget.HighImportance
	h.empty = container.NewCenter(container.NewVBox(sentence, container.NewCenter(emptyNew)))
	h.count = widget.NewLabel("")

	heading := widget.NewLabelWithStyle(u.T("app.home.heading"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	actions := container.NewHBox(h.openBtn, h.cmpBtn, h.dupBtn, h.renBtn, h.delBtn)
	top := container.NewVBox(
		container.NewBorder(nil, nil, heading, container.NewHBox(u.catalogueButton(), h.newBtn)),
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
		container.New(column(h.dateSamples()), updated),
		container.New(indexSamples, index))
	return newSessionRow(h, container.NewBorder(nil, nil, nil, right, container.NewGridWithColumns(2, title, product)))
}

// dateSamples are the texts the date column must fit: a two-digit day of
// every month, in the interface's language (month names differ in width).
func (h *home) dateSamples() []string {
	var out []string
	for m := time.January; m <= time.December; m++ {
		out = append(out, h.ui.dateTime(time.Date(2026, m, 28, 20, 0, 0, 0, time.Local)))
	}
	return out
}

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
	sr := o.(*sessionRow)
	sr.id = id
	h.ui.fillSessionRow(sr.content, h.shown[id])
}

// fillSessionRow writes a session's title, product, last change and index
// into a row of the session list's layout, which the compare dialog's
// list shares.
func (u *UI) fillSessionRow(row *fyne.Container, s store.Summary) {
	grid := row.Objects[0].(*fyne.Container)
	right := row.Objects[1].(*fyne.Container)
	grid.Objects[0].(*widget.Label).SetText(s.Title)
	grid.Objects[1].(*widget.Label).SetText(s.Product)
	right.Objects[0].(*fyne.Container).Objects[0].(*widget.Label).SetText(u.dateTime(s.Updated))
	right.Objects[1].(*fyne.Container).Objects[0].(*widget.Label).SetText(u.indexText(s))
}

func (u *UI) indexText(s store.Summary) string {
	if !s.IndexValid {
		return u.T("app.home.no-index")
	}
	return fmt.Sprintf("%.0f  %s", s.Index, u.words().Band(s.Band()))
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
		h.ui.showError(h.ui.T("app.error.list-sessions"), err)
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
		h.count.SetText(h.ui.N("app.home.count", len(h.all)))
	default:
		h.count.SetText(h.ui.N("app.home.count-shown", len(h.all), len(h.shown)))
	}
	h.updateButtons()
}

func (h *home) updateButtons() {
	for _, b := range []*keyButton{h.openBtn, h.cmpBtn, h.dupBtn, h.renBtn, h.delBtn} {
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
	{keys: []fyne.KeyName{fyne.KeyUp}, what: "app.keys.list.up", do: func(h *home) { h.step(-1) }},
	{keys: []fyne.KeyName{fyne.KeyDown}, what: "app.keys.list.down", do: func(h *home) { h.step(1) }},
	{keys: []fyne.KeyName{fyne.KeyReturn, fyne.KeyEnter}, what: "app.keys.list.open", do: (*home).openSelected},
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
	h.list.Select(stepFrom(h.shown, h.selected, delta))
	h.ui.win.Canvas().Focus(h.list)
}

// stepFrom is the row delta rows from the session id in shown, held to
// the list; from no row (id not shown) it is the first.
func stepFrom(shown []store.Summary, id string, delta int) int {
	at := slices.IndexFunc(shown, func(s store.Summary) bool { return s.ID == id })
	if at < 0 {
		return 0
	}
	return max(0, min(len(shown)-1, at+delta))
}
