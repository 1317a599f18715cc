package app

import (
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
		p.showHint(dueErr)
	case textErr != nil && f.text.Text != "":
		p.showHint(textErr)
	default:
		p.showHint(nil)
	}
}

// showHint shows why typed input is held back, or hides the hint.
func (p *actionsPanel) showHint(err error) {
	if err == nil {
		p.hint.Hide()
		return
	}
	p.hint.SetText(capitalise(err.Error()))
	p.hint.Show()
}

func capitalise(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
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
		p.list.Add(r.box)
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

// actionRow edits the action at its position i in the list.
type actionRow struct {
	p             *actionsPanel
	i             int
	f             *actionFields
	done          *keyCheck
	up, down, del *keyButton
	box           *fyne.Container
	loading       bool
}

func (p *actionsPanel) newRow(i int) *actionRow {
	e := p.e
	r := &actionRow{p: p, i: i, f: newActionFields(e)}
	f := r.f
	r.done = newKeyCheck("", e.ui.typedKey, func(on bool) {
		if !r.loading {
			e.apply(e.ui.T("app.op.action-done"), canvas.SetActionDone{Index: r.i, Done: on})
		}
	})
	f.text.SetPlaceHolder(e.ui.T("app.actions.text"))
	f.text.OnChanged = func(text string) {
		if r.loading {
			return
		}
		// A text canvas refuses (an empty one, mid-edit) is held back,
		// with the hint saying why; the stored one stays.
		err := canvas.CheckActionText(text)
		p.showHint(err)
		if err == nil && text != r.action().Text {
			e.apply(e.ui.T("app.op.edit-action"), canvas.SetActionText{Index: r.i, Text: text})
		}
	}
	f.text.onFocusLost = r.finish
	f.text.onMove = r.move
	f.owner.OnChanged = func(name string) {
		if !r.loading && name != r.action().Owner {
			e.apply(e.ui.T("app.op.action-owner"), canvas.SetActionOwner{Index: r.i, Owner: name})
		}
	}
	f.owner.onFocusLost = r.finish
	f.due.OnChanged = func(due string) {
		if r.loading {
			return
		}
		err := canvas.CheckDue(due)
		p.showHint(err)
		if err == nil && due != r.action().Due {
			e.apply(e.ui.T("app.op.action-due"), canvas.SetActionDue{Index: r.i, Due: due})
		}
	}
	f.due.onFocusLost = r.finish
	f.dim.OnChanged = func(string) {
		if !r.loading && f.dimension() != r.action().Dimension {
			e.apply(e.ui.T("app.op.link-action"), canvas.SetActionDimension{Index: r.i, Dimension: f.dimension()})
		}
	}
	r.up = r.p.e.ui.newKeyButton("", theme.MoveUpIcon(), func() { r.move(-1) })
	r.down = r.p.e.ui.newKeyButton("", theme.MoveDownIcon(), func() { r.move(1) })
	r.del = r.p.e.ui.newKeyButton("", theme.DeleteIcon(), func() {
		e.apply(e.ui.T("app.op.delete-action"), canvas.DeleteAction{Index: r.i})
	})
	r.box = container.NewVBox(
		container.NewBorder(nil, nil, r.done, container.NewHBox(r.up, r.down, r.del), f.text),
		f.details(),
		widget.NewSeparator(),
	)
	return r
}

// action is the stored action this row shows.
func (r *actionRow) action() canvas.Action {
	if r.i < len(r.p.e.s.Actions) {
		return r.p.e.s.Actions[r.i]
	}
	return canvas.Action{}
}

// show mirrors action a, the row's, into its fields; n is the number of
// actions and names the participants' names.
func (r *actionRow) show(a canvas.Action, n int, names []string) {
	r.loading = true
	defer func() { r.loading = false }()
	f := r.f
	f.owner.setNames(names)
	if f.text.Text != a.Text {
		f.text.SetText(a.Text)
	}
	if f.owner.Text != a.Owner {
		f.owner.SetText(a.Owner)
	}
	if f.due.Text != a.Due {
		f.due.SetText(a.Due)
	}
	if f.dim.SelectedIndex() < 0 || f.dimension() != a.Dimension {
		f.setDimension(a.Dimension)
	}
	if r.done.Checked != a.Done {
		r.done.SetChecked(a.Done)
	}
	setEnabled(r.up, r.i > 0)
	setEnabled(r.down, r.i < n-1)
}

func setEnabled(w fyne.Disableable, on bool) {
	if on && w.Disabled() {
		w.Enable()
	} else if !on && !w.Disabled() {
		w.Disable()
	}
}

// finish ends an edit of a typed field: its keystrokes become one undo
// step, and a text held back as invalid gives way to the stored one.
func (r *actionRow) finish() {
	r.p.e.owner.Seal()
	r.p.showHint(nil)
	if r.i < len(r.p.e.s.Actions) {
		r.show(r.action(), len(r.p.e.s.Actions), r.f.owner.names)
	}
}

// move moves the row's action by delta; the keyboard follows it, so
// pressing ↑ again moves it further.
func (r *actionRow) move(delta int) {
	p := r.p
	j := r.i + delta
	if j < 0 || j >= len(p.e.s.Actions) {
		return
	}
	c := p.e.ui.win.Canvas()
	focused := c.Focused()
	if !p.e.apply(p.e.ui.T("app.op.reorder-actions"), canvas.MoveAction{Index: r.i, Delta: delta}) {
		return
	}
	to := p.rows[j]
	switch focused {
	case fyne.Focusable(r.up):
		if to.up.Disabled() {
			c.Focus(to.down)
		} else {
			c.Focus(to.up)
		}
	case fyne.Focusable(r.down):
		if to.down.Disabled() {
			c.Focus(to.up)
		} else {
			c.Focus(to.down)
		}
	case fyne.Focusable(r.f.text):
		c.Focus(to.f.text)
	}
}

// holds reports whether o is one of the row's focusable widgets.
func (r *actionRow) holds(o fyne.Focusable) bool {
	if o == nil {
		return false
	}
	for _, w := range []fyne.Focusable{r.done, r.f.text, r.f.owner, r.f.due, r.f.dim, r.up, r.down, r.del} {
		if w == o {
			return true
		}
	}
	return false
}

// evenColumns lays its objects out side by side in equal widths, as a
// grid does, but asks only for the sum of their minimum widths: a grid
// asks for the widest one times the count, which made the Actions tab
// widen the window at FYNE_SCALE=1.5.
type evenColumns struct{}

func (evenColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objs {
		m := o.MinSize()
		w += m.Width
		h = max(h, m.Height)
	}
	return fyne.NewSize(w+theme.Padding()*float32(max(0, len(objs)-1)), h)
}

func (evenColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) == 0 {
		return
	}
	pad := theme.Padding()
	w := (size.Width - pad*float32(len(objs)-1)) / float32(len(objs))
	for i, o := range objs {
		o.Move(fyne.NewPos(float32(i)*(w+pad), 0))
		o.Resize(fyne.NewSize(w, size.Height))
	}
}
