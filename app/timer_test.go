package app

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// TestTimerKeepsItsTimeAcrossReopening: the time left on a session's
// timebox is there again, paused, when the session is opened again; another
// session's timebox is its own.
func TestTimerKeepsItsTimeAcrossReopening(t *testing.T) {
	u, st := startFacilitation(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	u.opt.Now = func() time.Time { return now }
	timed := func(title string) string {
		if err := u.createSession(canvas.TemplateQuick, title, "Nubia CRM", ""); err != nil {
			t.Fatal(err)
		}
		settings(t, u, func(_, minutes *widget.Entry, _ *widget.Check, _ *keyRadio) { minutes.SetText("2") })
		return u.editor.s.ID
	}
	first := timed("Reloj")
	test.Tap(u.timer.toggleB)
	now = now.Add(45 * time.Second)
	u.timer.tick()
	if u.timer.text.Text != "01:15" {
		t.Fatalf("after 45 s the timer shows %q", u.timer.text.Text)
	}
	u.ShowHome()
	now = now.Add(time.Hour) // time away from the session does not count
	second := timed("Otro")
	if u.timer.text.Text != "02:00" {
		t.Errorf("another session's timer shows %q", u.timer.text.Text)
	}
	u.ShowHome()
	if err := u.OpenSession(first); err != nil {
		t.Fatal(err)
	}
	if u.timer.text.Text != "01:15" || u.timer.running {
		t.Errorf("reopened, the timer shows %q (running %v); want 01:15, paused", u.timer.text.Text, u.timer.running)
	}
	u.ShowHome()
	if err := u.OpenSession(second); err != nil {
		t.Fatal(err)
	}
	if u.timer.text.Text != "02:00" {
		t.Errorf("the other session's timer shows %q", u.timer.text.Text)
	}
}
