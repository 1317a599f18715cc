package lang_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// TestTypedValuesHaveWords: every band, lean, legend kind and chart label
// canvas returns has words in every language, and Chinese and Spanish are
// not left in English (ToB and ToC, the poles' own names, stay as they
// are).
func TestTypedValuesHaveWords(t *testing.T) {
	all := func(w *lang.Words) map[string]string {
		m := map[string]string{}
		for _, b := range canvas.Bands() {
			m["band "+string(b)] = w.Band(b)
		}
		for _, l := range []canvas.Lean{canvas.LeanToC, canvas.LeanHybrid, canvas.LeanToB} {
			m[fmt.Sprint("lean ", l)] = w.Lean(l)
		}
		for _, k := range canvas.LegendKinds() {
			m["legend "+string(k)] = w.Legend(k)
			m["chart legend "+string(k)] = w.ChartLabel(canvas.Label{Kind: canvas.LabelLegend, Legend: k})
		}
		for _, k := range []canvas.LabelKind{canvas.LabelIndexNotSet, canvas.LabelPoleToC, canvas.LabelPoleToB, canvas.LabelAxisToC, canvas.LabelAxisToB} {
			m[fmt.Sprint("chart label ", k)] = w.ChartLabel(canvas.Label{Kind: k})
		}
		m["chart index"] = w.ChartLabel(canvas.Label{Kind: canvas.LabelIndex, Value: 67, Band: canvas.BandLeaningToB})
		return m
	}
	en := all(lang.For(lang.EN))
	// Words that are the same in every language: the poles and axis ends.
	same := map[string]bool{}
	for _, k := range []canvas.LabelKind{canvas.LabelPoleToC, canvas.LabelPoleToB, canvas.LabelAxisToC, canvas.LabelAxisToB} {
		same[fmt.Sprint("chart label ", k)] = true
	}
	for _, tag := range lang.Tags() {
		for what, got := range all(lang.For(tag)) {
			if strings.TrimSpace(got) == "" || strings.HasPrefix(got, "values.") || strings.Contains(got, "%!") {
				t.Errorf("%s: %s has no words: %q", tag, what, got)
			}
			if tag != lang.EN && !same[what] && got == en[what] {
				t.Errorf("%s: %s is still in English: %q", tag, what, got)
			}
		}
	}
	// The heading carries the index and the band in the same language.
	for _, tag := range lang.Tags() {
		w := lang.For(tag)
		h := w.ChartLabel(canvas.Label{Kind: canvas.LabelIndex, Value: 67, Band: canvas.BandLeaningToB})
		if !strings.Contains(h, "67") || !strings.Contains(h, w.Band(canvas.BandLeaningToB)) {
			t.Errorf("%s: index heading %q lacks 67 or its band", tag, h)
		}
	}
	if got := lang.For(lang.EN).ChartLabel(canvas.Label{Kind: canvas.LabelIndex, Value: 67, Band: canvas.BandLeaningToB}); got != "ToB index 67 · Leaning ToB" {
		t.Errorf("en heading = %q", got)
	}
	if got := lang.For(lang.ZH).Band(""); got != "" {
		t.Errorf("no band named %q, want nothing", got)
	}
}

// The chart laid out with a language's words shows them: the painters
// need nothing more than the *Words.
func TestChartSpeaksTheLanguage(t *testing.T) {
	s, err := canvas.NewSession(canvas.TemplateQuick, "T", "P", time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetCurrent("customer", 90); err != nil {
		t.Fatal(err)
	}
	for _, tag := range lang.Tags() {
		w := lang.For(tag)
		c := canvas.LayoutChart(s, canvas.ChartOptions{Width: 600, Words: w})
		if want := w.ChartLabel(canvas.Label{Kind: canvas.LabelIndex, Value: 90, Band: canvas.BandStronglyToB}); c.Index.Label.Text != want {
			t.Errorf("%s: heading %q, want %q", tag, c.Index.Label.Text, want)
		}
		if len(c.Legend) != 1 || c.Legend[0].Text.Text != w.Legend(canvas.LegendAgreed) {
			t.Errorf("%s: legend %+v, want the agreed position alone", tag, c.Legend)
		}
	}
}
