package app

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// actionsPanel is the editor's Actions tab: who does what by when. A new
// action is written in the form at the top and added when it has a text
// (canvas refuses an action without one); the actions below are edited in
// place. Every edit is an op, so delete and reorder are undone with Ctrl+Z.
type actionsPanel struct {
	e     *editor
	tab   *container.TabItem
	draft *actionFields
	add   *keyButton
	list  *fyne.Container
	rows  []*actionRow
	empty *widget.Label
	// hint says why what is typed is not stored yet: the entries' own
	// validation marks would put a tick beside every valid field.
	hint *widget.Label

	content fyne.CanvasObject
}

// actionFields are the inputs of one action, in the form and in each row.
type actionFields struct {
	text  *actionText
	owner *ownerField
	due   *dueField
	dim   *keySelect
	// dims are the keys behind dim's options; "" is no dimension.
	dims []string
}

func newActionFields(e *editor) *actionFields {
	f := &actionFields{text: newActionText(), owner: newOwnerField(), due: newDueField(e.ui.opt.now, e.ui.typedKey)}
	f.text.hook, f.owner.hook = e.ui.typedKey, e.ui.typedKey
	f.owner.SetPlaceHolder(e.ui.T("app.actions.owner"))
	f.due.SetPlaceHolder(e.ui.T("app.actions.due"))
	noDimension := e.ui.T("app.actions.no-dimension")
	opts := []string{noDimension}
	f.dims = []string{""}
	for _, d := range e.s.Dimensions {
		opts = append(opts, e.ui.dimText(d).Name)
		f.dims = append(f.dims, d.Key)
	}
	f.dim = newKeySelect(opts, e.ui.typedKey)
	f.dim.PlaceHolder = noDimension
	return f
}

// dimension is the key chosen in the dimension list.
func (f *actionFields) dimension() string {
	if i := f.dim.SelectedIndex(); i > 0 {
		return f.dims[i]
	}
	return ""
}

func (f *actionFields) setDimension(key string) {
	for i, k := range f.dims {
		if k == key {
			f.dim.SetSelectedIndex(i)
			return
		}
	}
	f.dim.SetSelectedIndex(0)
}

// details is the second line: owner, due date and dimension.
func (f *actionFields) details() fyne.CanvasObject {
	return container.New(evenColumns{}, f.owner, f.due, f.dim)
}

func newActionsPanel(e *editor) *actionsPanel {
	p := &actionsPanel{e: e, list: container.NewVBox()}
	p.tab = container.NewTabItem(e.ui.N("app.actions.tab", 0), nil)
	p.draft = newActionFields(e)
	p.draft.text.SetPlaceHolder(e.ui.T("app.actions.new"))
	p.draft.text.OnSubmitted = func(string) { p.addDraft() }
	p.draft.text.OnChanged = func(string) { p.checkDraft() }
	p.draft.due.OnChanged = func(string) { p.checkDraft() }
	p.add = p.e.ui.newKeyButton(e.ui.T("app.actions.add"), theme.ContentAddIcon(), p.addDraft)
	p.add.Importance = widget.HighImportance
	p.add.Disable()
	p.hint = widget.NewLabel("")
	p.hint.Importance = widget.DangerImportance
	p.hint.Wrapping = fyne.TextWrapWord
	p.hint.Hide()
	form := container.NewVBox(
		container.NewBorder(nil, nil, nil, p.add, p.draft.text),
		p.draft.details(),
		widget.NewSeparator(),
	)
	p.empty = widget.NewLabel(e.ui.T("app.actions.empty"))
	p.empty.Wrapping = fyne.TextWrapWord
	p.content = container.NewBorder(form, p.hint, nil, nil, container.NewVScroll(container.NewVBox(p.empty, p.list)))
	p.tab.Content = p.content
	return p
}

// checkDraft lets the form's action be added once canvas would take it:
// it has a text and its due date, if any, is a date.
func (p *actionsPanel) checkDraft() {
	f := p.draft
	textErr, dueErr := canvas.CheckActionText(f.text.Text), canvas.CheckDue(f.due.Text)
	setEnabled(p.add, textErr == nil && dueErr == nil)
	switch {
	case dueErr != nil:
		p.showHint(dueErr, hintDue, f.due.Text)
	case textErr != nil && f.text.Text != "":
		p.showHint(textErr, hintText, "")
	default:
		p.showHint(nil, hintText, "")
	}
}

// The fields whose typing the hint explains.
const (
	hintText = iota
	hintDue
)

// showHint shows why input typed in field is held back, in the
// interface's words, or hides the hint. canvas says why in English for
// the logs; the person reads what to type instead.
func (p *actionsPanel) showHint(err error, field int, typed string) {
	if err == nil {
		p.hint.Hide()
		return
	}
	u := p.e.ui
	switch {
	case field == hintDue:
		p.hint.SetText(u.T("app.actions.hint.due", typed))
	case errors.Is(err, canvas.ErrActionText):
		p.hint.SetText(u.T("app.actions.hint.text"))
	default:
		p.hint.SetText(u.T("app.actions.hint.control"))
	}
	p.hint.Show()
}

// addDraft adds the form's action and clears the form for the next one.
func (p *actionsPanel) addDraft() {
	f := p.draft
	if p.add.Disabled() {
		return
	}
	a := canvas.Action{Text: f.text.Text, Owner: f.owner.Text, Due: f.due.Text, Dimension: f.dimension()}
	if !p.e.apply(p.e.ui.T("app.op.add-action"), canvas.AddAction{Action: a}) {
		return
	}
	f.text.SetText("")
	f.owner.SetText("")
	f.due.SetText("")
	f.setDimension("")
	p.e.ui.win.Canvas().Focus(f.text)
}

// startFor opens the tab with a new action linked to dimension key, ready
// to be written.
func (p *actionsPanel) startFor(key string) {
	p.e.tabs.Select(p.tab)
	p.draft.setDimension(key)
	p.e.ui.win.Canvas().Focus(p.draft.text)
}

// refresh mirrors the session's actions into the tab: rows are reused by
// position, so the field being typed in keeps its focus.
func (p *actionsPanel) refresh() {
	s := p.e.s
	title := p.e.ui.N("app.actions.tab", len(s.Actions))
	if p.tab.Text != title {
		p.tab.Text = title
		if p.e.tabs != nil {
			p.e.tabs.Refresh()
		}
	}
	names := make([]string, 0, len(s.Participants))
	for _, pp := range s.Participants {
		names = append(names, pp.Name)
	}
	p.draft.owner.setNames(names)
	for len(p.rows) < len(s.Actions) {
		r := p.newRow(len(p.rows))
		p.rows = append(p.rows, r)
		// Not Add, which lays the list out again for every row: the
		// list is laid out once, when it is refreshed below.
		p.list.Objects = append(p.list.Objects, r.box)
	}
	if n := len(s.Actions); len(p.rows) > n {
		c := p.e.ui.win.Canvas()
		for _, r := range p.rows[n:] {
			if r.holds(c.Focused()) {
				// The row goes: leave the keyboard in the list.
				c.Unfocus()
				if n > 0 {
					c.Focus(p.rows[n-1].del)
				}
			}
		}
		p.rows = p.rows[:n]
		p.list.Objects = p.list.Objects[:n]
	}
	for i, r := range p.rows {
		r.show(s.Actions[i], len(s.Actions), names)
	}
	p.empty.Hidden = len(s.Actions) > 0
	p.list.Refresh()
	p.empty.Refresh()
}
