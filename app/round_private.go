package app

// The private screen of a blind round: one person's own sliders.

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// privateRow is one dimension on a participant's private screen.
type privateRow struct {
	dim        canvas.Dimension
	slider     *spectrumSlider
	value      *widget.Label
	confidence *keyRadio
	rationale  *editEntry
}

// showPrivate shows only this participant's own sliders.
func (u *UI) showPrivate(id string) {
	e := u.editor
	s := e.s
	if s.Round.Current != id && !e.apply(u.T("app.op.round"), canvas.BeginTurn{ID: id}) {
		return
	}
	name := u.name(id)
	var rows []*privateRow
	var cards []fyne.CanvasObject // into the list at once, below: Add lays it out per card
	for _, key := range s.Round.Dimensions {
		d, ok := s.Dimension(key)
		if !ok {
			continue
		}
		r := &privateRow{dim: d}
		r.value = widget.NewLabelWithStyle(u.T("app.round.not-placed"), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		r.slider = newSpectrumSlider(nil)
		// Untouched, the slider shows no value: a thumb at 50 would look
		// like a placed 50.
		r.slider.setUnplaced(true)
		r.confidence = u.newKeyRadio([]string{"1", "2", "3", "4", "5"}, nil)
		r.confidence.Horizontal = true
		r.rationale = newEditEntry(e.owner.Seal)
		r.rationale.SetPlaceHolder(u.T("app.round.why"))
		if pl, ok := s.Placement(id, key); ok { // resumed turn
			r.slider.setUnplaced(false)
			r.slider.Value = float64(pl.Value)
			r.value.SetText(strconv.Itoa(pl.Value))
			if pl.Confidence > 0 {
				r.confidence.SetSelected(strconv.Itoa(pl.Confidence))
			}
			r.rationale.SetText(pl.Note)
		}
		save := func() {
			pl := canvas.Placement{Dimension: key, Participant: id, Value: int(r.slider.Value), Note: r.rationale.Text}
			pl.Confidence, _ = strconv.Atoi(r.confidence.Selected)
			if old, ok := s.Placement(id, key); !ok || old != pl {
				e.apply(u.T("app.op.place-marker"), canvas.SetPlacement{Placement: pl})
			}
		}
		r.slider.OnChanged = func(float64) { save() }
		r.slider.OnChangeEnded = func(float64) { e.owner.Seal() }
		r.confidence.OnChanged = func(string) {
			if _, placed := s.Placement(id, key); placed {
				save()
			}
		}
		r.rationale.OnChanged = func(string) {
			if _, placed := s.Placement(id, key); placed {
				save()
			}
		}
		txt := u.dimText(d)
		toc := widget.NewLabel(txt.ToC)
		toc.Wrapping = fyne.TextWrapWord
		tob := widget.NewLabelWithStyle(txt.ToB, fyne.TextAlignTrailing, fyne.TextStyle{})
		tob.Wrapping = fyne.TextWrapWord
		question := widget.NewLabelWithStyle(txt.Question, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		question.Wrapping = fyne.TextWrapWord
		cards = append(cards, container.NewVBox(
			container.NewBorder(nil, nil, nil, r.value, widget.NewLabelWithStyle(txt.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})),
			question,
			container.New(&spectrumLayout{}, toc, r.slider, tob),
			container.NewBorder(nil, nil, widget.NewLabel(u.T("app.round.confidence")), nil,
				container.NewBorder(nil, nil, r.confidence, nil, r.rationale)),
			widget.NewSeparator(),
		))
		rows = append(rows, r)
	}
	done := u.newKeyButton(u.T("app.round.done"), theme.ConfirmIcon(), func() {
		missing := 0
		for _, r := range rows {
			if _, ok := s.Placement(id, r.dim.Key); !ok {
				missing++
			}
		}
		finish := func() {
			if e.apply(u.T("app.op.round"), canvas.FinishTurn{ID: id}) {
				u.continueRound()
			}
		}
		if missing == 0 {
			finish()
			return
		}
		u.confirm(u.T("app.round.missing.title"), u.N("app.round.missing", missing),
			func(ok bool) {
				if ok {
					finish()
				}
			})
	})
	done.Importance = widget.HighImportance
	head := container.NewVBox(
		container.NewBorder(nil, nil, nil, u.timer.view,
			widget.NewLabelWithStyle(u.T("app.round.private.title", name), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})),
		widget.NewLabel(u.T("app.round.private.body")),
		widget.NewSeparator(),
	)
	list := container.NewVBox(cards...)
	u.showScreen(container.NewBorder(head, container.NewPadded(done), nil, nil, container.NewVScroll(list)))
	u.blindScreen()
	u.redrawScreen = func() { u.showPrivate(id) }
	endOnReveal := u.onScreenChange
	// Each marker's value is drawn from the session, as every view is.
	u.onScreenChange = func(ch canvas.Change) {
		for _, r := range rows {
			if pl, ok := e.s.Placement(id, r.dim.Key); ok && ch.Touches(r.dim.Key) {
				r.value.SetText(strconv.Itoa(pl.Value))
			}
		}
		endOnReveal(ch)
	}
	if len(rows) > 0 {
		u.win.Canvas().Focus(rows[0].slider)
	}
}
