package app

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/benchdata"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// BenchmarkSliderUpdate is one slider value change in the editor until the
// row, the ToB index and the chart are refreshed, for the Full template
// with 12 participants placed on every dimension and revealed.
func BenchmarkSliderUpdate(b *testing.B) {
	a := test.NewTempApp(b)
	st, err := store.Open(filepath.Join(b.TempDir(), "f.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	s, err := benchdata.Heavy(benchdata.HeavyID)
	if err != nil {
		b.Fatal(err)
	}
	if err := st.Save(s); err != nil {
		b.Fatal(err)
	}
	u := New(a, st, Options{AutosaveDelay: time.Hour, ProgressDelay: time.Hour, TimerTick: time.Hour, Lang: lang.EN})
	u.Window().Resize(fyne.NewSize(1280, 800))
	if err := u.OpenSession(s.ID); err != nil {
		b.Fatal(err)
	}
	e := u.editor
	slider := e.rows[0].slider
	v := 0
	for b.Loop() {
		v = (v + 7) % 101
		slider.SetValue(float64(v))
		if e.rows[0].value.Text != fmt.Sprint(v) {
			b.Fatalf("row shows %q, want %d", e.rows[0].value.Text, v)
		}
	}
	b.StopTimer()
	// The chart really was repainted for the last value.
	want := fmt.Sprintf("ToB index %d", canvas.RoundHalf(e.s.Index().Value))
	found := false
	for _, t := range chartTexts(e.chart) {
		if len(t) >= len(want) && t[:len(want)] == want {
			found = true
		}
	}
	if !found {
		b.Fatalf("the chart does not show %q: %q", want, chartTexts(e.chart))
	}
	u.discardEditor()
}
