package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// Rounds fit the room: the Start round dialog picks who takes part, and
// the hand-over screen passes over a person who is out (they come back at
// the end of the queue) or takes out one who will not place this round.
// The rules are canvas's (SkipTurn, NotPlacing); these are their buttons.

// roundPeople is the Start round dialog's choice of participants, each
// checked by default.
type roundPeople struct {
	ids     []string
	checks  []*keyCheck
	content fyne.CanvasObject
}

func newRoundPeople(s *canvas.Session, title string, hook keyHook) *roundPeople {
	rp := &roundPeople{}
	var checks []fyne.CanvasObject
	for _, p := range s.Participants {
		c := newKeyCheck(p.Name, hook, nil)
		c.SetChecked(true)
		rp.ids = append(rp.ids, p.ID)
		rp.checks = append(rp.checks, c)
		checks = append(checks, c)
	}
	list := container.NewVBox(checks...)
	head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	rp.content = container.NewBorder(head, nil, nil, nil, container.NewVScroll(list))
	return rp
}

// selected is the ids of the checked participants, in the session's order.
func (rp *roundPeople) selected() []string {
	var out []string
	for i, c := range rp.checks {
		if c.Checked {
			out = append(out, rp.ids[i])
		}
	}
	return out
}

// absentButtons are the hand-over screen's ways past person id.
func (u *UI) absentButtons(id string) fyne.CanvasObject {
	name := u.name(id)
	skip := u.newKeyButton(u.T("app.round.skip", name), theme.MediaSkipNextIcon(), func() {
		u.skipTurn(id)
	})
	out := u.newKeyButton(u.T("app.round.out", name), theme.ContentRemoveIcon(), func() {
		u.confirm(u.T("app.round.out.title"), u.T("app.round.out.body", name),
			func(ok bool) {
				if ok {
					u.notPlacing(id)
				}
			})
	})
	s := u.editor.s
	if !s.CanSkip(id) {
		skip.Disable()
	}
	if !s.CanLeaveRound(id) {
		out.Disable()
	}
	return container.NewHBox(skip, out)
}

// skipTurn passes over id; they come back after the others.
func (u *UI) skipTurn(id string) {
	if u.editor.apply(u.T("app.op.skip"), canvas.SkipTurn{ID: id}) {
		u.continueRound()
	}
}

// notPlacing takes id out of the round.
func (u *UI) notPlacing(id string) {
	if u.editor.apply(u.T("app.round.out.title"), canvas.NotPlacing{ID: id}) {
		u.continueRound()
	}
}
