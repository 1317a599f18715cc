package app

import (
	"strings"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// The blind round runs on the one laptop in the room: a hand-over screen
// that hides everything, then a private screen with only the current
// participant's own sliders, then the next hand-over. Every value is saved
// as it is placed, so closing the app mid-round resumes where it stopped.

// startRoundDialog asks for the round's mode and dimensions.
func (u *UI) startRoundDialog() {
	e := u.editor
	if e == nil {
		return
	}
	s := e.s
	if len(s.Participants) == 0 {
		u.inform(u.T("app.round.start"), u.T("app.round.no-people"))
		e.tabs.SelectIndex(1)
		return
	}
	modeBlindLabel, modeRecordLabel := u.T("app.round.mode.blind"), u.T("app.round.mode.record")
	modePhonesLabel := u.T("app.round.mode.phones")
	mode := u.newKeyRadio([]string{modeBlindLabel, modePhonesLabel, modeRecordLabel}, nil)
	mode.SetSelected(modeBlindLabel)
	var names []string
	keyOf := map[string]string{}
	for _, d := range s.Dimensions {
		name := u.dimText(d).Name
		names = append(names, name)
		keyOf[name] = d.Key
	}
	dims := u.newKeyCheckGroup(names, nil)
	dims.SetSelected(names)
	all := newKeyCheck(u.T("app.round.all-dimensions"), u.typedKey, func(on bool) {
		if on {
			dims.SetSelected(names)
		} else {
			dims.SetSelected(nil)
		}
	})
	all.SetChecked(true)
	people := newRoundPeople(s, u.T("app.round.who"), u.typedKey)
	body := container.NewBorder(container.NewVBox(mode, widget.NewSeparator(), all), nil, nil, nil,
		container.NewGridWithColumns(2, container.NewVScroll(dims), people.content))
	d := dialog.NewCustomConfirm(u.T("app.round.dialog"), u.T("app.round.dialog.start"), u.T("app.dialog.cancel"), body, func(ok bool) {
		if !ok {
			return
		}
		var keys []string
		for _, n := range dims.Selected {
			keys = append(keys, keyOf[n])
		}
		if len(keys) == 0 {
			u.inform(u.T("app.round.start"), u.T("app.round.no-dimension"))
			return
		}
		ids := people.selected()
		if len(ids) == 0 {
			u.inform(u.T("app.round.start"), u.T("app.round.no-person"))
			return
		}
		m := canvas.RoundBlind
		if mode.Selected == modeRecordLabel {
			m = canvas.RoundRecord
		}
		begin := func() { u.beginRoundWith(m, keys, ids) }
		if mode.Selected == modePhonesLabel {
			begin = func() { u.beginPhoneRound(keys, ids) }
		}
		if n := s.PlacementsInRound(keys); n > 0 {
			u.confirm(u.T("app.round.start"), u.N("app.round.clears", n),
				func(ok bool) {
					if ok {
						begin()
					}
				})
			return
		}
		begin()
	}, u.win)
	d.Resize(u.dialogSize(620, 560))
	u.show(d)
}

// beginRound starts a round with every participant.
func (u *UI) beginRound(mode string, keys []string) { u.beginRoundWith(mode, keys, nil) }

// beginRoundWith starts a round with the participants people (every one
// when empty) and shows its first screen.
func (u *UI) beginRoundWith(mode string, keys, people []string) {
	e := u.editor
	if !e.apply(u.T("app.round.start"), canvas.StartRound{Mode: mode, Dimensions: keys, Participants: people, At: u.opt.Now()}) {
		return
	}
	if e.s.Settings.TimerScope == canvas.TimerPerRound {
		u.timer.reset()
	}
	u.continueRound()
}

// continueRound shows the round's next screen.
func (u *UI) continueRound() {
	e := u.editor
	if e == nil || !e.s.InRound() {
		u.backToEditor()
		return
	}
	s := e.s
	if s.Round.Mode == canvas.RoundRecord {
		u.showRecordView()
		return
	}
	if e.phones != nil {
		// Phones answer all at once; the laptop's turns start from the
		// join screen.
		u.showPhones()
		return
	}
	next := s.Round.Current
	if next == "" {
		next = s.NextInRound()
	}
	if next == "" {
		u.showRoundComplete()
		return
	}
	u.showHandover(next)
}

// showScreen replaces the window content without closing the editor. The
// new screen redraws itself on changes and turns undo off by setting
// u.onScreenChange and u.undoOff after this.
func (u *UI) showScreen(content fyne.CanvasObject) {
	c := u.win.Canvas()
	// The window's keys (F1, a dialog's Enter and Esc) work on every
	// screen; a screen with keys of its own passes them on.
	c.SetOnTypedKey(u.canvasKey)
	c.SetOnTypedRune(nil)
	u.onScreenChange, u.redrawScreen = nil, nil
	u.phoneScreen = nil
	u.undoOff = false
	u.timer.fg = nil // presentation mode's colours end with it
	u.timer.render()
	// Unfocus before the content goes, or the focused button of the old
	// screen never hears it lost the focus and keeps looking focused.
	c.Unfocus()
	u.win.SetContent(content)
	u.win.SetPadded(true)
	u.showMenu()
	c.Unfocus()
	u.updateEditMenu()
}

// blindScreen marks the screen just shown as part of a blind round: undo
// is off there, because stepping back could open the previous person's
// turn, with their markers, in front of the next person. A change that
// ends the round returns to the editor.
func (u *UI) blindScreen() {
	u.undoOff = true
	u.updateEditMenu()
	u.onScreenChange = func(canvas.Change) {
		if u.editor != nil && !u.editor.s.InRound() {
			u.backToEditor()
		}
	}
}

// backToEditor returns from a round or presentation screen. The editor's
// views are current: changes made meanwhile redrew them (see show).
func (u *UI) backToEditor() {
	if u.editor == nil {
		return
	}
	u.showScreen(u.editor.content)
	u.editor.updateTitle()
}

func (u *UI) name(id string) string {
	if p, ok := u.editor.s.Participant(id); ok {
		return p.Name
	}
	return id
}

func bigText(s string, size float32, bold bool) *fynecanvas.Text {
	t := fynecanvas.NewText(s, theme.Color(theme.ColorNameForeground))
	t.TextSize = size
	t.TextStyle.Bold = bold
	t.Alignment = fyne.TextAlignCenter
	return t
}

// progressText says who has placed and who is still to come, never what.
func (u *UI) progressText() string {
	s := u.editor.s
	var done, todo []string
	for _, id := range s.Round.Order {
		if containsID(s.Round.Done, id) {
			done = append(done, u.name(id))
		} else {
			todo = append(todo, u.name(id))
		}
	}
	sep := u.T("app.list.sep")
	out := []string{u.T("app.round.progress", len(done), len(s.Round.Order))}
	if len(done) > 0 {
		out = append(out, u.T("app.round.progress.placed", strings.Join(done, sep)))
	}
	if len(todo) > 0 {
		out = append(out, u.T("app.round.progress.todo", strings.Join(todo, sep)))
	}
	return strings.Join(out, u.T("app.sentence.sep"))
}

// showHandover hides everything until the named participant has the laptop;
// a single keypress (or the button) continues.
func (u *UI) showHandover(id string) {
	e := u.editor
	if e.s.Round.Current != id && !e.apply(u.T("app.op.round"), canvas.BeginTurn{ID: id}) {
		return
	}
	name := u.name(id)
	begin := func() { u.showPrivate(id) }
	startBtn := u.newKeyButton(u.T("app.round.handover.start", name), theme.MediaPlayIcon(), begin)
	startBtn.Importance = widget.HighImportance
	pause := u.newKeyButton(u.T("app.round.back"), theme.NavigateBackIcon(), u.backToEditor)
	absent := u.absentButtons(id)
	if e.phones == nil {
		// A blind round can move to phones at any turn, a resumed one too.
		absent = container.NewHBox(absent, u.newKeyButton(u.T("app.phones.use"), theme.MailSendIcon(), u.usePhones))
	}
	progress := widget.NewLabel(u.progressText())
	progress.Wrapping = fyne.TextWrapWord
	progress.Alignment = fyne.TextAlignCenter
	content := container.NewBorder(
		container.NewHBox(pause, u.timer.view), nil, nil, nil,
		container.NewCenter(container.NewVBox(
			bigText(u.T("app.round.handover.title", name), 40, true),
			bigText(u.T("app.round.handover.body", name), 18, false),
			container.NewCenter(startBtn),
			container.NewCenter(absent),
			progress,
		)),
	)
	u.showScreen(content)
	u.blindScreen()
	u.redrawScreen = func() { u.showHandover(id) }
	c := u.win.Canvas()
	// A dialog on top (taking someone out of the round) has the keys
	// first: its Enter must answer it, not start the turn behind it.
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if !u.dialogKey(ev) && c.Overlays().Top() == nil {
			begin()
		}
	})
	c.SetOnTypedRune(func(rune) {
		if c.Overlays().Top() == nil {
			begin()
		}
	})
}

// showRoundComplete offers the reveal once everyone has placed.
func (u *UI) showRoundComplete() {
	reveal := u.newKeyButton(u.T("app.round.reveal-all"), theme.VisibilityIcon(), u.reveal)
	reveal.Importance = widget.HighImportance
	back := u.newKeyButton(u.T("app.round.back"), theme.NavigateBackIcon(), u.backToEditor)
	u.showScreen(container.NewCenter(container.NewVBox(
		bigText(u.T("app.round.complete.title"), 40, true),
		bigText(u.T("app.round.complete.body"), 18, false),
		container.NewCenter(container.NewHBox(back, reveal)),
	)))
	u.blindScreen()
	u.redrawScreen = u.showRoundComplete
}

// reveal shows every marker at once. It agrees nothing: each median is a
// proposal the room agrees (Agree) or the facilitator drags to what the
// room decides.
func (u *UI) reveal() {
	e := u.editor
	if e == nil || e.s.Round == nil {
		return
	}
	do := func() {
		// The server stops first: no answer may land after the reveal.
		e.stopPhones()
		if !e.apply(u.T("app.editor.reveal"), canvas.Reveal{}) {
			return
		}
		u.backToEditor()
		if len(e.s.Agenda()) > 0 {
			e.tabs.SelectIndex(2)
		}
	}
	if todo := e.s.NextInRound(); todo != "" && e.s.Round.Mode == canvas.RoundBlind {
		u.confirm(u.T("app.editor.reveal"), u.T("app.round.reveal-early"), func(ok bool) {
			if ok {
				do()
			}
		})
		return
	}
	do()
}
