package app

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// dimRow is one dimension's controls in the editor: the agreed position,
// an optional target, the room's figures once revealed, and the note.
type dimRow struct {
	e   *editor
	i   int
	dim canvas.Dimension

	slider      *spectrumSlider
	value       *widget.Label
	targetOn    *keyCheck
	target      *spectrumSlider
	targetValue *widget.Label
	stats       *widget.Label
	statsLine   *fyne.Container
	flag        *widget.Label
	reasons     *reasonsList
	note        *noteEntry
	addAction   *keyButton
	agreement   *agreeLine
	mark        *tensionMark
	// header holds the row's buttons beside its name: Agree or Clear,
	// and + Action.
	header *fyne.Container
	// headLine is the row's name with its header beside it.
	headLine *fyne.Container
	// headLaid is what headLine was last laid out for.
	headLaid headShape
	box      *fyne.Container

	// loading is set while the row mirrors the model, so the widgets'
	// change callbacks do not write the same values back.
	loading bool
}

func (e *editor) newRow(i int, d canvas.Dimension) *dimRow {
	r := &dimRow{e: e, i: i, dim: d}
	r.value = widget.NewLabelWithStyle("–", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	// Tab walks the row in reading order (slider, target, note) and on to
	// the next row; each stop scrolls its row into view.
	r.slider = newSpectrumSlider(func() { e.rowFocused(i) })
	r.slider.hook = e.ui.typedKey
	r.target = newSpectrumSlider(func() { e.rowFocused(i) })
	r.target.hook = e.ui.typedKey
	r.targetValue = widget.NewLabel("")
	r.targetOn = newKeyCheck(e.ui.T("app.row.target"), e.ui.typedKey, func(on bool) {
		if !r.loading {
			r.setTargetOn(on)
		}
	})
	r.targetOn.onFocus = func() { e.rowFocused(i) }
	r.stats = widget.NewLabel("")
	r.statsLine = container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), nil, r.stats)
	r.flag = widget.NewLabelWithStyle(e.ui.T("app.row.discuss"), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	r.flag.Importance = widget.DangerImportance
	r.reasons = newReasonsList(e.ui, e.relayoutRows)
	r.note = newNoteEntry(func() { e.rowFocused(i) })
	r.note.hook = e.ui.typedKey
	// The note's keystrokes merge into one undo step until it loses focus.
	r.note.onFocusLost = e.owner.Seal
	r.note.SetPlaceHolder(e.ui.T("app.row.note"))
	r.agreement = newAgreeLine(r)
	r.sliderKeys()

	r.refresh()
	r.slider.OnChanged = func(v float64) {
		if !r.loading {
			e.setCurrent(i, int(v))
		}
	}
	// A drag is one undo step: its moves merge until it ends. An arrow
	// key or a tap ends at once, so each is a step of its own.
	r.slider.OnChangeEnded = func(float64) {
		if !r.loading {
			e.owner.Seal()
		}
	}
	r.target.OnChanged = func(v float64) {
		if !r.loading {
			e.setTarget(i, int(v))
		}
	}
	r.target.OnChangeEnded = r.slider.OnChangeEnded
	r.note.OnChanged = func(text string) {
		if !r.loading {
			e.setNote(i, text)
		}
	}
	// A follow-up written while the room talks about this dimension is
	// linked to it.
	r.addAction = e.ui.newKeyButton(e.ui.T("app.row.action"), theme.ContentAddIcon(), func() { e.actions.startFor(d.Key) })
	r.addAction.Importance = widget.LowImportance
	r.box = r.view()
	return r
}

// refresh mirrors the model into the row's widgets.
func (r *dimRow) refresh() {
	r.loading = true
	defer func() { r.loading = false }()
	s := r.e.s
	pos := s.Position(r.dim.Key)
	if pos.Current != nil {
		r.slider.SetValue(float64(*pos.Current))
		setText(r.value, strconv.Itoa(*pos.Current))
	} else {
		setText(r.value, "–")
	}
	// No agreed position sits nowhere, not at 50.
	r.slider.setUnplaced(pos.Current == nil)
	if pos.Target != nil {
		r.targetOn.SetChecked(true)
		r.target.SetValue(float64(*pos.Target))
		r.target.Enable()
		setText(r.targetValue, strconv.Itoa(*pos.Target))
	} else {
		r.targetOn.SetChecked(false)
		r.target.SetValue(r.slider.Value)
		r.target.Disable()
		setText(r.targetValue, "–")
	}
	r.target.setUnplaced(pos.Target == nil)
	if r.note.Text != pos.Note {
		r.note.SetText(pos.Note)
	}
	r.refreshStats()
	r.reasons.refresh(s, r.dim.Key)
	r.agreement.refresh()
	// Agree and Clear differ in width, and the flag comes and goes: lay
	// the name line out again when they change, or a button keeps the
	// place of the one it replaced. Only then: the name wraps, and
	// measuring it again at every step of a slider was most of the step.
	a := r.agreement
	shape := headShape{laid: true, agree: a.agree.Visible(), clear: a.clear.Visible(), flag: r.flag.Visible()}
	if r.headLine != nil && shape != r.headLaid {
		r.headLaid = shape
		r.headLine.Refresh()
	}
}

// headShape is what decides the layout of a row's name line: which of
// Agree and Clear shows, and whether the flag does.
type headShape struct {
	laid, agree, clear, flag bool
}

// setText changes a label's text only when it differs: SetText lays the
// label out again even for the same text.
func setText(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}

// refreshStats shows the room's figures: nothing individual before the
// reveal, only how many have placed.
func (r *dimRow) refreshStats() {
	s := r.e.s
	ds := s.DimensionSummary(r.dim.Key)
	switch {
	case ds.Count == 0:
		setText(r.stats, "")
		r.statsLine.Hide()
		r.flag.Hide()
		return
	case !s.PlacementsVisible():
		setText(r.stats, r.e.ui.N("app.row.hidden", ds.Count))
		r.flag.Hide()
	default:
		u := r.e.ui
		setText(r.stats, u.T("app.row.stats", ds.Count, *ds.Min, *ds.Max, u.decimal(*ds.Median), u.decimal(*ds.Mean), *ds.Spread))
		if ds.Flagged {
			r.flag.Show()
		} else {
			r.flag.Hide()
		}
	}
	r.statsLine.Show()
}

func oneDecimal(f float64) string {
	return strconv.FormatFloat(float64(int(f*10+0.5))/10, 'f', -1, 64)
}

// setTargetOn turns the target on at the target slider's value, or
// clears it. Either is an undo step of its own, not part of a drag.
func (r *dimRow) setTargetOn(on bool) {
	var v *int
	if on {
		t := int(r.target.Value)
		v = &t
	}
	r.e.apply(r.e.ui.T("app.op.set-target"), canvas.SetTarget{Dimension: r.dim.Key, Value: v})
	r.e.owner.Seal()
}

func (r *dimRow) view() *fyne.Container {
	txt := r.e.ui.dimText(r.dim)
	name := widget.NewLabelWithStyle(txt.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// A long name wraps rather than widen the editor: beside the row's
	// buttons, the longest Spanish names asked for more than 1366×768
	// gives at FYNE_SCALE=1.5.
	name.Wrapping = fyne.TextWrapWord
	question := widget.NewLabelWithStyle(txt.Question, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	question.Wrapping = fyne.TextWrapWord
	toc := widget.NewLabel(txt.ToC)
	toc.Wrapping = fyne.TextWrapWord
	tob := widget.NewLabelWithStyle(txt.ToB, fyne.TextAlignTrailing, fyne.TextStyle{})
	tob.Wrapping = fyne.TextWrapWord
	r.header = container.NewHBox(r.flag, r.agreement.box, r.addAction, r.e.removeButton(r))
	r.headLine = container.NewBorder(nil, nil, nil, r.header, name)
	// A tension's marker leads the question, which wraps: on the name
	// line it made the longest rows (in Spanish) wider than 1366×768 at
	// FYNE_SCALE=1.5.
	r.mark = newTensionMark(r)
	lay := &spectrumLayout{minSide: r.targetOn.MinSize().Width}
	spectrum := container.New(lay, toc, r.slider, tob)
	targetLine := container.New(lay, r.targetOn, r.target, r.targetValue)
	return container.NewVBox(
		r.headLine,
		container.NewBorder(nil, nil, r.mark.button, nil, question),
		spectrum,
		targetLine,
		r.statsLine,
		r.reasons.box,
		r.note,
	)
}
