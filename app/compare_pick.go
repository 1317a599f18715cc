package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// Choosing what to compare. One command, File → Compare with… (Ctrl+K),
// and the session list's Compare… button: it takes the session in front of
// the reader (the open one in the editor, the selected one in the list) as
// now, and asks for the earlier one, with the previous session of the same
// product (store.PreviousOf) already chosen, so Enter alone compares this
// quarter with the last.

// compareWith asks what to compare the session in front of the reader
// with, and shows the comparison.
func (u *UI) compareWith() {
	now := u.comparable()
	if now == nil {
		return
	}
	u.pickBaseline(now, func(then *canvas.Session) { u.showComparison(then, now) })
}

// comparable is the session Compare with… compares: the editor's, the
// list's selected one, or the later one of a comparison on show. Other
// screens (a blind round, presentation mode) compare nothing.
func (u *UI) comparable() *canvas.Session {
	content := u.win.Content()
	switch {
	case u.editor != nil && content == u.editor.content:
		return u.editor.s
	case u.editor == nil && content == u.home.content:
		if u.home.selected == "" {
			u.inform(u.T("app.compare.pick.title"), u.T("app.compare.select-first"))
			return nil
		}
		s, err := u.store.Load(u.home.selected)
		if err != nil {
			u.showError(u.T("app.error.compare"), err)
			return nil
		}
		return s
	case u.comparing != nil && content == u.comparing.content:
		return u.comparing.to
	}
	return nil
}

// baselinePicker is the dialog that chooses the earlier session.
type baselinePicker struct {
	ui    *UI
	now   *canvas.Session
	all   []store.Summary // every session but now, most recent first
	shown []store.Summary
	// chosen is the id of the session chosen, "" for none.
	chosen string

	search *keyEntry
	list   *pickList
	ok     *keyButton
	d      *dialog.CustomDialog
}

// pickBaseline asks which session to compare now with; done gets it,
// loaded, once the reader confirms.
func (u *UI) pickBaseline(now *canvas.Session, done func(then *canvas.Session)) {
	sums, err := u.store.ListSummaries()
	if err != nil {
		u.showError(u.T("app.error.compare"), err)
		return
	}
	p := &baselinePicker{ui: u, now: now}
	for _, s := range sums {
		if s.ID != now.ID {
			p.all = append(p.all, s)
		}
	}
	if len(p.all) == 0 {
		u.inform(u.T("app.compare.pick.title"), u.T("app.compare.pick.none"))
		return
	}
	hint := u.T("app.compare.pick.no-previous")
	if prev, ok := store.PreviousOf(now, p.all); ok {
		p.chosen = prev.ID
		hint = u.T("app.compare.pick.suggested", prev.Title)
	}

	p.search = u.newKeyEntry()
	p.search.SetPlaceHolder(u.T("app.home.search"))
	p.search.OnChanged = func(string) { p.filter() }
	p.search.onDown = func() { p.step(1) }
	p.list = &pickList{p: p}
	p.list.Length = func() int { return len(p.shown) }
	p.list.CreateItem = p.createRow
	p.list.UpdateItem = p.updateRow
	p.list.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(p.shown) {
			p.chosen = p.shown[i].ID
		}
		p.updateOK()
	}
	p.list.ExtendBaseWidget(p.list)

	p.ok = u.newKeyButton(u.T("app.compare.pick.confirm"), theme.ConfirmIcon(), func() {
		id := p.chosen
		if id == "" {
			return
		}
		p.d.Hide()
		then, err := u.store.Load(id)
		if err != nil {
			u.showError(u.T("app.error.compare"), err)
			return
		}
		done(then)
	})
	p.ok.Importance = widget.HighImportance
	cancel := u.newKeyButton(u.T("app.dialog.cancel"), theme.CancelIcon(), func() { p.d.Hide() })

	head := wrapped(u.T("app.compare.pick.head", now.Title))
	note := wrapped(hint)
	note.TextStyle.Italic = true
	body := container.NewBorder(container.NewVBox(head, note, p.search), nil, nil, nil, p.list)
	p.d = dialog.NewCustomWithoutButtons(u.T("app.compare.pick.title"), body, u.win)
	p.d.SetButtons([]fyne.CanvasObject{cancel, p.ok})
	p.d.Resize(u.dialogSize(680, 480))
	p.filter()
	p.d.Show()
	u.win.Canvas().Focus(p.search)
}

func (p *baselinePicker) filter() {
	q := strings.ToLower(strings.TrimSpace(p.search.Text))
	p.shown = nil
	for _, s := range p.all {
		if q == "" || strings.Contains(strings.ToLower(s.Title), q) || strings.Contains(strings.ToLower(s.Product), q) {
			p.shown = append(p.shown, s)
		}
	}
	p.list.UnselectAll()
	p.list.Refresh()
	// The choice survives a search that still shows it.
	for i, s := range p.shown {
		if s.ID == p.chosen {
			p.list.Select(i)
			p.list.ScrollTo(i)
			return
		}
	}
	p.chosen = ""
	p.updateOK()
}

func (p *baselinePicker) updateOK() {
	if p.chosen == "" {
		p.ok.Disable()
	} else {
		p.ok.Enable()
	}
}

// step chooses the session delta rows from the chosen one and focuses the
// list.
func (p *baselinePicker) step(delta int) {
	if len(p.shown) == 0 {
		return
	}
	next := stepFrom(p.shown, p.chosen, delta)
	p.list.Select(next)
	p.list.ScrollTo(next)
	p.ui.win.Canvas().Focus(p.list)
}

// createRow is a session as the list shows it: title, product, date and
// index, the columns lined up as on the session list.
func (p *baselinePicker) createRow() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	product := widget.NewLabel("")
	product.Truncation = fyne.TextTruncateEllipsis
	updated := widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{})
	index := widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{})
	var indexSamples column
	for _, b := range canvas.Bands() {
		indexSamples = append(indexSamples, "100  "+p.ui.words().Band(b))
	}
	right := container.NewHBox(container.New(column(p.ui.home.dateSamples()), updated), container.New(indexSamples, index))
	row := &pickRow{p: p, content: container.NewBorder(nil, nil, nil, right, container.NewGridWithColumns(2, title, product))}
	row.ExtendBaseWidget(row)
	return row
}

func (p *baselinePicker) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(p.shown) {
		return
	}
	pr := o.(*pickRow)
	pr.id = i
	p.ui.fillSessionRow(pr.content, p.shown[i])
}

// pickRow is a row of the picker: a tap chooses the session, a double tap
// compares with it, as a double tap on the session list opens one.
type pickRow struct {
	widget.BaseWidget
	p       *baselinePicker
	id      widget.ListItemID
	content *fyne.Container
}

func (r *pickRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.content) }

func (r *pickRow) Tapped(*fyne.PointEvent) { r.p.list.Select(r.id) }

func (r *pickRow) DoubleTapped(*fyne.PointEvent) {
	r.p.list.Select(r.id)
	r.p.ok.Tapped(nil)
}

// pickList is the picker's list: the arrow keys choose (not only move a
// highlight, as Fyne's list does), and Enter and Esc reach the dialog.
type pickList struct {
	widget.List
	p *baselinePicker
}

func (l *pickList) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyUp:
		l.p.step(-1)
	case fyne.KeyDown:
		l.p.step(1)
	default:
		if !l.p.ui.typedKey(ev) {
			l.List.TypedKey(ev)
		}
	}
}
