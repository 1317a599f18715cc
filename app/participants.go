package app

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// participantsPanel lists the people in the room: add, rename, reorder and
// remove (with confirmation when they have placed markers). Each is an op,
// undone like any other change.
type participantsPanel struct {
	e       *editor
	list    *fyne.Container
	name    *keyEntry
	role    *keyEntry
	content fyne.CanvasObject
	// shown is what the rows were last built from, and labels their
	// names, which refresh may change in place (see refresh).
	shown  string
	labels []*widget.Label
}

func newParticipantsPanel(e *editor) *participantsPanel {
	p := &participantsPanel{e: e, list: container.NewVBox()}
	// Fulcrum's entries pass F6 on, so the keyboard can leave the panel.
	p.name = e.ui.newKeyEntry()
	p.name.SetPlaceHolder(e.ui.T("app.people.name"))
	p.role = e.ui.newKeyEntry()
	p.role.SetPlaceHolder(e.ui.T("app.people.role-optional"))
	p.name.OnSubmitted = func(string) { p.add() }
	p.role.OnSubmitted = func(string) { p.add() }
	add := p.e.ui.newKeyButton(e.ui.T("app.people.add"), theme.ContentAddIcon(), p.add)
	add.Importance = widget.HighImportance
	form := container.NewBorder(nil, nil, nil, add, container.NewGridWithColumns(2, p.name, p.role))
	hint := widget.NewLabel(e.ui.T("app.people.hint"))
	hint.Wrapping = fyne.TextWrapWord
	p.content = container.NewBorder(form, hint, nil, nil, container.NewVScroll(p.list))
	return p
}

func (p *participantsPanel) add() {
	if !p.e.apply(p.e.ui.T("app.op.add-participant"), canvas.AddParticipant{Name: p.name.Text, Role: p.role.Text}) {
		return
	}
	p.name.SetText("")
	p.role.SetText("")
	p.e.ui.win.Canvas().Focus(p.name)
}

func (p *participantsPanel) refresh() {
	s := p.e.s
	labels := make([]string, len(s.Participants))
	for i, pp := range s.Participants {
		labels[i] = pp.Name
		if pp.Role != "" {
			labels[i] += " · " + pp.Role
		}
		if s.InRound() && containsID(s.Round.Done, pp.ID) {
			labels[i] = p.e.ui.T("app.people.placed", labels[i])
		}
	}
	// A round's changes arrive with every answer, from phones too: the
	// rows are built again only when more than their words changed, and
	// the words only when they did.
	var key strings.Builder
	for _, pp := range s.Participants {
		fmt.Fprintf(&key, "%s\x00%s\x00%d\x01", pp.ID, pp.Shape, pp.Colour)
	}
	fmt.Fprintf(&key, "%v\x00%s", s.Settings.Anonymous, p.e.ui.T("app.people.empty"))
	if p.shown == key.String() && p.list.Objects != nil {
		for i, l := range p.labels {
			setText(l, labels[i])
		}
		return
	}
	p.shown = key.String()
	// Built aside and put in at once: Container.Add lays the list out again
	// on every call.
	var rows []fyne.CanvasObject
	if len(s.Participants) == 0 {
		l := widget.NewLabel(p.e.ui.T("app.people.empty"))
		l.Wrapping = fyne.TextWrapWord
		rows = append(rows, l)
	}
	p.labels = p.labels[:0]
	for i, pp := range s.Participants {
		id := pp.ID
		up := p.e.ui.newKeyButton("", theme.MoveUpIcon(), func() { p.move(id, -1) })
		down := p.e.ui.newKeyButton("", theme.MoveDownIcon(), func() { p.move(id, 1) })
		if i == 0 {
			up.Disable()
		}
		if i == len(s.Participants)-1 {
			down.Disable()
		}
		edit := p.e.ui.newKeyButton("", theme.DocumentCreateIcon(), func() { p.edit(id) })
		del := p.e.ui.newKeyButton("", theme.DeleteIcon(), func() { p.remove(id) })
		swatch := newMarkerSwatch(canvas.MarkerStyle(s, i, canvas.Point{}))
		label := widget.NewLabel(labels[i])
		p.labels = append(p.labels, label)
		rows = append(rows, container.NewBorder(nil, nil, swatch, container.NewHBox(up, down, edit, del), label))
	}
	p.list.Objects = rows
	p.list.Refresh()
}

func containsID(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

func (p *participantsPanel) move(id string, delta int) {
	p.e.apply(p.e.ui.T("app.op.reorder-participants"), canvas.MoveParticipant{ID: id, Delta: delta})
}

func (p *participantsPanel) edit(id string) {
	pp, ok := p.e.s.Participant(id)
	if !ok {
		return
	}
	name := p.e.ui.newKeyEntry()
	name.SetText(pp.Name)
	name.Validator = requiredText(p.e.ui.T("app.people.name.required"))
	role := p.e.ui.newKeyEntry()
	role.SetText(pp.Role)
	u := p.e.ui
	items := []*widget.FormItem{widget.NewFormItem(u.T("app.people.name"), name), widget.NewFormItem(u.T("app.people.role"), role)}
	d := u.formDialog(u.T("app.people.edit"), u.T("app.dialog.save"), u.T("app.dialog.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		p.e.apply(u.T("app.people.edit"), canvas.UpdateParticipant{ID: id, Name: name.Text, Role: role.Text})
	})
	d.Resize(p.e.ui.dialogSize(420, 200))
	d.Show()
	p.e.ui.win.Canvas().Focus(name)
}

func (p *participantsPanel) remove(id string) {
	s := p.e.s
	pp, ok := s.Participant(id)
	if !ok {
		return
	}
	do := func() { p.e.apply(p.e.ui.T("app.people.remove"), canvas.RemoveParticipant{ID: id}) }
	if !s.HasPlacements(id) {
		do()
		return
	}
	p.e.ui.confirm(p.e.ui.T("app.people.remove"), p.e.ui.T("app.people.remove.body", pp.Name),
		func(ok bool) {
			if ok {
				do()
			}
		})
}

// markerSwatch shows a participant's marker: their colour and shape.
type markerSwatch struct {
	widget.BaseWidget
	m canvas.ParticipantMarker
}

func newMarkerSwatch(m canvas.ParticipantMarker) *markerSwatch {
	w := &markerSwatch{m: m}
	w.ExtendBaseWidget(w)
	return w
}

func (w *markerSwatch) CreateRenderer() fyne.WidgetRenderer {
	p := painter{bg: color.Transparent}
	m := w.m
	m.At = canvas.Point{X: 12, Y: 18}
	p.marker(m, 14)
	return widget.NewSimpleRenderer(container.NewGridWrap(fyne.NewSize(24, 36), container.NewWithoutLayout(p.objs...)))
}

// agendaPanel lists the dimensions flagged "discuss", widest spread first;
// one click opens each in the editor.
type agendaPanel struct {
	e       *editor
	list    *fyne.Container
	content fyne.CanvasObject
}

func newAgendaPanel(e *editor) *agendaPanel {
	a := &agendaPanel{e: e, list: container.NewVBox()}
	a.content = container.NewVScroll(a.list)
	return a
}

func (a *agendaPanel) refresh() {
	s := a.e.s
	head := widget.NewLabel(a.e.ui.T("app.agenda.head", s.Settings.DiscussThreshold()))
	head.Wrapping = fyne.TextWrapWord
	// Put in at once by the refresh below: Add lays the list out per item.
	lines := []fyne.CanvasObject{head}
	switch {
	case !s.PlacementsVisible():
		lines = append(lines, widget.NewLabel(a.e.ui.T("app.agenda.after-reveal")))
	case len(s.Placements) == 0:
		lines = append(lines, widget.NewLabel(a.e.ui.T("app.agenda.no-placements")))
	default:
		items := s.Agenda()
		if len(items) == 0 {
			lines = append(lines, widget.NewLabel(a.e.ui.T("app.agenda.agreed")))
		}
		for _, it := range items {
			d, _ := s.Dimension(it.Key)
			i := a.e.rowOf(it.Key)
			b := a.e.ui.newKeyButton(a.e.ui.T("app.agenda.item", a.e.ui.dimText(d).Name, *it.Spread, *it.Min, *it.Max), nil, func() { a.e.focusRow(i) })
			b.Alignment = widget.ButtonAlignLeading
			lines = append(lines, b)
		}
	}
	a.list.Objects = lines
	a.list.Refresh()
}
