package app

// The rows of the Actions tab: one editable action each.

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

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
		p.showHint(err, hintText, "")
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
		p.showHint(err, hintDue, due)
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
	r.p.showHint(nil, hintText, "")
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
