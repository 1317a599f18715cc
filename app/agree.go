package app

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// Agreement is explicit (canvas.PositionOf): after the reveal a row shows
// the median as a proposal, "median, not agreed", with an Agree button; an
// agreed row says so and offers Clear. Moving the slider agrees the value
// it is moved to. Keys: Ctrl+Enter agrees the selected row, Ctrl+Backspace
// clears it; on a focused slider A agrees and Delete clears.

// agreeLine is a row's line about agreement.
type agreeLine struct {
	r      *dimRow
	status *widget.Label
	agree  *keyButton
	clear  *keyButton
	box    *fyne.Container
}

func newAgreeLine(r *dimRow) *agreeLine {
	a := &agreeLine{r: r}
	a.status = widget.NewLabel("")
	a.agree = r.e.ui.newKeyButton(r.e.ui.T("app.agree.agree"), theme.ConfirmIcon(), func() { r.e.agree(r.i) })
	a.agree.Importance = widget.HighImportance
	a.clear = r.e.ui.newKeyButton(r.e.ui.T("app.agree.clear"), theme.ContentClearIcon(), func() { r.e.clearAgreement(r.i) })
	a.clear.Importance = widget.LowImportance
	// The row's header reads "median, not agreed  ~85  [Agree]" or
	// "agreed  75  [Clear]": the words, the row's value, the action.
	a.box = container.NewHBox(a.status, r.value, a.agree, a.clear)
	return a
}

// refresh shows what canvas says about the row's position, in the row's
// value label too.
func (a *agreeLine) refresh() {
	p := a.r.e.s.PositionOf(a.r.dim.Key)
	switch p.Kind {
	case canvas.PositionProposed:
		a.status.SetText(a.r.e.ui.T("app.agree.not-agreed"))
		a.status.Importance = widget.WarningImportance
		a.r.value.SetText("~" + strconv.Itoa(canvas.RoundHalf(p.Value)))
		a.agree.Show()
		a.clear.Hide()
	case canvas.PositionAgreed:
		a.status.SetText(a.r.e.ui.T("app.agree.agreed"))
		a.status.Importance = widget.SuccessImportance
		a.agree.Hide()
		a.clear.Show()
	default:
		a.status.Hide()
		a.agree.Hide()
		a.clear.Hide()
		return
	}
	a.status.Show()
	a.status.Refresh()
}

// positionText says a dimension's position and whether it is agreed, for
// presentation mode.
func (u *UI) positionText(s *canvas.Session, key string) string {
	p := s.PositionOf(key)
	switch p.Kind {
	case canvas.PositionAgreed:
		if tg := s.Position(key).Target; tg != nil {
			return u.T("app.agree.position.target", canvas.RoundHalf(p.Value), *tg)
		}
		return u.T("app.agree.position", canvas.RoundHalf(p.Value))
	case canvas.PositionProposed:
		return u.T("app.agree.position.median", canvas.RoundHalf(p.Value))
	}
	return u.T("app.agree.position.none")
}

// agree takes row i's proposal as agreed. A row that is agreed already,
// or has nothing to agree, is left alone.
func (e *editor) agree(i int) {
	if i < 0 || i >= len(e.rows) {
		return
	}
	key := e.rows[i].dim.Key
	if _, ok := e.s.Proposal(key); !ok {
		return
	}
	e.apply(e.ui.T("app.op.agree"), canvas.Agree{Dimension: key})
	e.owner.Seal()
	e.selectRow(i)
}

// clearAgreement takes row i back to no agreed position.
func (e *editor) clearAgreement(i int) {
	if i < 0 || i >= len(e.rows) {
		return
	}
	key := e.rows[i].dim.Key
	if e.s.Position(key).Current == nil {
		return
	}
	e.apply(e.ui.T("app.op.clear-agreement"), canvas.SetCurrent{Dimension: key})
	e.owner.Seal()
	e.selectRow(i)
}

// sliderKeys lets a focused row slider agree (A) and clear (Delete).
func (r *dimRow) sliderKeys() {
	r.slider.onRune = func(c rune) {
		if c == 'a' || c == 'A' {
			r.e.agree(r.i)
		}
	}
	r.slider.onKey = func(k fyne.KeyName) bool {
		if k == fyne.KeyDelete || k == fyne.KeyBackspace {
			r.e.clearAgreement(r.i)
			return true
		}
		return false
	}
}

var (
	agreeShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault}
	clearShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyBackspace, Modifier: fyne.KeyModifierShortcutDefault}
)

// addAgreeShortcuts lets the keyboard agree and clear the selected row,
// in the editor and in presentation mode, never on a blind round's screens.
// agreeSelected agrees on the selected dimension's proposal
// (Ctrl+Enter); not on a blind round's private screens.
func (u *UI) agreeSelected() {
	if e := u.editor; e != nil && !u.undoOff {
		e.agree(e.selected)
	}
}

// clearSelected takes back the selected dimension's agreement
// (Ctrl+Backspace).
func (u *UI) clearSelected() {
	if e := u.editor; e != nil && !u.undoOff {
		e.clearAgreement(e.selected)
	}
}
