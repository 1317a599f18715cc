package app

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// timer is the workshop timebox. It belongs to the window, not to a
// screen, so it keeps counting while the facilitator switches between the
// editor, a round and presentation mode; it never takes focus or blocks
// input. When time is up it turns warm-coloured and says so, and nothing
// else happens: the room decides what to do.
type timer struct {
	u       *UI
	text    *fynecanvas.Text
	toggleB *keyButton
	icon    *widget.Icon
	view    *fyne.Container

	scope     string
	total     time.Duration
	remaining time.Duration
	deadline  time.Time
	running   bool
	stop      chan struct{}
	// fg, when set, replaces the theme's text colour: presentation mode is
	// light on dark whatever the theme.
	fg color.Color
	// session is the id of the open session, whose remaining time is
	// remembered when it closes (see remember).
	session string
}

func newTimer(u *UI) *timer {
	t := &timer{u: u}
	t.text = fynecanvas.NewText("", theme.Color(theme.ColorNameForeground))
	t.text.TextSize = theme.TextSize() * 1.3
	t.toggleB = u.newKeyButton("", theme.MediaPlayIcon(), t.toggle)
	reset := u.newKeyButton("", theme.MediaReplayIcon(), t.reset)
	t.icon = widget.NewIcon(theme.HistoryIcon())
	t.view = container.NewHBox(t.icon, container.NewCenter(t.text), t.toggleB, reset)
	t.view.Hide()
	return t
}

// configure applies a session's timebox.
func (t *timer) configure(st canvas.Settings) {
	t.pause()
	t.total = time.Duration(st.TimerSeconds) * time.Second
	t.scope = st.TimerScope
	t.remaining = t.total
	if t.total <= 0 {
		t.view.Hide()
		return
	}
	t.view.Show()
	t.render()
}

func (t *timer) toggle() {
	if t.running {
		t.pause()
	} else {
		t.start()
	}
	t.render()
}

func (t *timer) start() {
	if t.running || t.total <= 0 {
		return
	}
	if t.remaining <= 0 {
		t.remaining = t.total
	}
	t.running = true
	t.deadline = t.u.opt.Now().Add(t.remaining)
	t.stop = make(chan struct{})
	tk := time.NewTicker(t.u.opt.TimerTick)
	go func(stop chan struct{}) {
		defer tk.Stop()
		for {
			select {
			case <-tk.C:
				fyne.Do(t.tick)
			case <-stop:
				return
			}
		}
	}(t.stop)
	t.toggleB.SetIcon(theme.MediaPauseIcon())
}

func (t *timer) pause() {
	if !t.running {
		return
	}
	t.tick()
	t.running = false
	close(t.stop)
	t.toggleB.SetIcon(theme.MediaPlayIcon())
}

func (t *timer) reset() {
	running := t.running
	t.pause()
	t.remaining = t.total
	if running {
		t.start()
	}
	t.render()
}

// dimensionChanged restarts a per-dimension timebox for the next topic.
func (t *timer) dimensionChanged() {
	if t.scope == canvas.TimerPerDimension && t.total > 0 {
		t.reset()
	}
}

// tick runs on the UI thread.
func (t *timer) tick() {
	if t.running {
		t.remaining = max(0, t.deadline.Sub(t.u.opt.Now()))
	}
	t.render()
}

func (t *timer) expired() bool { return t.total > 0 && t.remaining <= 0 }

// retheme redraws the icon in the theme around it now. Fyne's icon redraws
// only when its resource changes, so moved into presentation mode's dark
// theme it kept the light theme's dark grey, nearly invisible on black.
func (t *timer) retheme() {
	t.icon.SetResource(nil)
	t.icon.SetResource(theme.HistoryIcon())
}

func (t *timer) render() {
	secs := int((t.remaining + time.Second - 1) / time.Second)
	if t.expired() {
		t.text.Text = t.u.T("app.timer.up")
		t.text.Color = theme.Color(theme.ColorNameWarning)
		t.text.TextStyle.Bold = true
	} else {
		t.text.Text = fmt.Sprintf("%02d:%02d", secs/60, secs%60)
		t.text.Color = theme.Color(theme.ColorNameForeground)
		if t.fg != nil {
			t.text.Color = t.fg
		}
		t.text.TextStyle.Bold = false
	}
	t.text.Refresh()
}

// shutdown stops the ticker when the session closes or the window does,
// and remembers the time left for when the session is opened again.
func (t *timer) shutdown() {
	t.pause()
	t.remember()
}

// The time left is kept in the app's preferences, keyed by session id, not
// in the session: it is a fact about this laptop's workshop in progress,
// not part of the session's record, so it does not travel with the
// session file, take an undo step or change the file format.
func timerPref(id string) string { return "timer.remaining." + id }

// attach shows the timebox of session id with its settings, at the time
// it had left when it was last closed, paused.
func (t *timer) attach(id string, st canvas.Settings) {
	t.shutdown()
	t.session = id
	t.configure(st)
	if t.total <= 0 {
		return
	}
	ms := t.u.app.Preferences().IntWithFallback(timerPref(id), -1)
	if left := time.Duration(ms) * time.Millisecond; ms >= 0 && left <= t.total {
		t.remaining = left
		t.render()
	}
}

// remember keeps the open session's time left, or forgets it when the
// timebox is full or off, so the preferences hold only timers in use.
func (t *timer) remember() {
	if t.session == "" {
		return
	}
	prefs := t.u.app.Preferences()
	if t.total <= 0 || t.remaining == t.total {
		prefs.RemoveValue(timerPref(t.session))
		return
	}
	prefs.SetInt(timerPref(t.session), int(t.remaining/time.Millisecond))
}

// relabel draws the timer again in the interface's current language.
func (t *timer) relabel() {
	t.render()
	t.text.Refresh()
}
