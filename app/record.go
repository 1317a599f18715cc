package app

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// The record-votes round: the facilitator types in the values the room
// calls out, one grid cell per person and dimension.

// recordView is the facilitator's grid for typing in the room's values.
// Each cell applies what it holds as the person's value, or none while it
// holds no value; the keystrokes of one cell make one undo step.
type recordView struct {
	u     *UI
	order []string
	dims  []string
	cells map[[2]string]*editEntry // by participant and dimension
	// reasonBtns open each cell's confidence and rationale.
	reasonBtns map[[2]string]*keyButton
	loading    bool
	content    fyne.CanvasObject
}

func newRecordView(u *UI) *recordView {
	e := u.editor
	s := e.s
	v := &recordView{u: u, order: slices.Clone(s.Round.Order), cells: map[[2]string]*editEntry{}}
	cols := len(s.Round.Order) + 1
	// The cells are collected and put in the grid at once: Container.Add
	// lays the grid out again on every call.
	cells := []fyne.CanvasObject{widget.NewLabelWithStyle(u.T("app.record.dimension"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	for _, id := range s.Round.Order {
		// A long name is cut, not the grid widened: the column is the cell's.
		h := widget.NewLabelWithStyle(u.name(id), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		h.Truncation = fyne.TextTruncateEllipsis
		cells = append(cells, h)
	}
	for _, key := range s.Round.Dimensions {
		d, ok := s.Dimension(key)
		if !ok {
			continue
		}
		v.dims = append(v.dims, key)
		cells = append(cells, widget.NewLabel(u.dimText(d).Name))
		for _, id := range s.Round.Order {
			ent := newEditEntry(e.owner.Seal)
			ent.Validator = func(t string) error {
				if strings.TrimSpace(t) == "" {
					return nil
				}
				return intIn(canvas.MinValue, canvas.MaxValue, u.T("app.record.value.invalid", canvas.MinValue, canvas.MaxValue))(t)
			}
			pid := id
			ent.OnChanged = func(t string) {
				if v.loading || sameValue(cellValue(t), recorded(e.s, pid, key)) {
					return
				}
				e.apply(u.T("app.op.record-value"), canvas.RecordValue{Participant: pid, Dimension: key, Value: cellValue(t)})
			}
			v.cells[[2]string{id, key}] = ent
			cells = append(cells, v.cell(pid, key, ent))
		}
	}
	grid := container.New(&recordGrid{cols: cols}, cells...)
	v.refresh()
	reveal := u.newKeyButton(u.T("app.editor.reveal"), theme.VisibilityIcon(), u.reveal)
	reveal.Importance = widget.HighImportance
	back := u.newKeyButton(u.T("app.round.back"), theme.NavigateBackIcon(), u.backToEditor)
	head := container.NewVBox(
		container.NewBorder(nil, nil, back, u.timer.view,
			widget.NewLabelWithStyle(u.T("app.record.title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})),
		widget.NewLabel(u.T("app.record.body")),
	)
	v.content = container.NewBorder(head, container.NewPadded(reveal), nil, nil, container.NewScroll(container.NewThemeOverride(grid, compactTheme{})))
	return v
}

// showRecordView shows the grid and keeps it drawn from the session.
func (u *UI) showRecordView() {
	v := newRecordView(u)
	u.showScreen(v.content)
	u.redrawScreen = u.showRecordView
	u.onScreenChange = v.changed
}

// changed redraws the grid after a change; one that ends the round or
// changes who or what it covers (an undo, a late arrival) rebuilds it.
func (v *recordView) changed(canvas.Change) {
	s := v.u.editor.s
	if !s.InRound() || s.Round.Mode != canvas.RoundRecord ||
		!slices.Equal(s.Round.Order, v.order) || len(v.dims) != len(s.Round.Dimensions) {
		v.u.continueRound()
		return
	}
	v.refresh()
}

// refresh puts the session's values into the cells. A cell whose text
// already means the session's value (or, while typing "101", no value) is
// left alone, so typing is never overwritten.
func (v *recordView) refresh() {
	s := v.u.editor.s
	v.loading = true
	defer func() { v.loading = false }()
	defer v.refreshReasons()
	for k, ent := range v.cells {
		want := recorded(s, k[0], k[1])
		if sameValue(cellValue(ent.Text), want) {
			continue
		}
		if want == nil {
			ent.SetText("")
		} else {
			ent.SetText(strconv.Itoa(*want))
		}
	}
}

// cellValue is the value a cell's text means, nil for none: what is not a
// whole number from 0 to 100 records nothing rather than the last valid
// prefix ("10" of "101").
func cellValue(t string) *int {
	n, err := strconv.Atoi(strings.TrimSpace(t))
	if err != nil || n < canvas.MinValue || n > canvas.MaxValue {
		return nil
	}
	return &n
}

func recorded(s *canvas.Session, participant, dim string) *int {
	if pl, ok := s.Placement(participant, dim); ok {
		return &pl.Value
	}
	return nil
}

func sameValue(a, b *int) bool {
	return (a == nil) == (b == nil) && (a == nil || *a == *b)
}
