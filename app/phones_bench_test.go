package app

import (
	"net/http"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// BenchmarkJoinScreenProgress is the time from a phone's last answer
// leaving it to the join screen showing that person done (the issue's
// target: within 200 ms). Each iteration is one person of a 12-person
// phone round on one dimension answering; the round starts again every 12.
func BenchmarkJoinScreenProgress(b *testing.B) {
	a := test.NewTempApp(b)
	st, err := store.Open(filepath.Join(b.TempDir(), "b.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	u := New(a, st, quietOptions)
	u.Window().Resize(fyne.NewSize(1366, 768))
	defer u.timer.shutdown()
	if err := u.createSession(canvas.TemplateQuick, "Bench", "Nubia CRM", "Marta"); err != nil {
		b.Fatal(err)
	}
	e := u.editor
	for i := range 12 {
		if !e.apply("add", canvas.AddParticipant{Name: "P" + strconv.Itoa(i)}) {
			b.Fatal("add participant")
		}
	}
	dim := e.s.Dimensions[0].Key
	var phones []*phoneClient
	start := func() {
		fyne.DoAndWait(func() {
			e.stopPhones()
			u.beginPhoneRound([]string{dim}, nil)
		})
		phones = phones[:0]
		for _, id := range e.s.Round.Order {
			p := newPhoneClient(nil, e.phones.srv.URL())
			if code := p.sendQuiet("POST", "api/claim", `{"participant":"`+id+`"}`); code != http.StatusOK {
				b.Fatalf("claim: %d", code)
			}
			phones = append(phones, p)
		}
	}
	defer fyne.DoAndWait(e.stopPhones)
	var lat []time.Duration
	for i := 0; b.Loop(); i++ {
		if i%12 == 0 {
			b.StopTimer()
			start()
			b.StartTimer()
		}
		want := u.T("app.round.progress", i%12+1, 12)
		t0 := time.Now()
		if code := phones[i%12].sendQuiet("PUT", "api/placements/"+dim, `{"value": 40}`); code != http.StatusNoContent {
			b.Fatalf("answer: %d", code)
		}
		for shown := false; !shown; {
			fyne.DoAndWait(func() { shown = u.phoneScreen != nil && u.phoneScreen.count.Text == want })
		}
		lat = append(lat, time.Since(t0))
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, "max-ms")
}
