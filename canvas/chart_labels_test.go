package canvas_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// tagWords is a ChartWords that writes every label as a tag of its kind
// and figures, and remembers what it was asked.
type tagWords struct{ asked []canvas.Label }

func (w *tagWords) ChartLabel(l canvas.Label) string {
	w.asked = append(w.asked, l)
	return fmt.Sprintf("«%d|%d|%s|%s»", l.Kind, l.Value, l.Band, l.Legend)
}

// Every text of its own that the chart shows comes from the caller's
// words, and the painted text is what the words said.
func TestChartTextsComeFromWords(t *testing.T) {
	o := revealedOwner(t)
	if err := o.Apply(canvas.SetCurrent{Dimension: "customer", Value: ptr(35)}); err != nil {
		t.Fatal(err)
	}
	s := o.Snapshot()
	var w tagWords
	c := canvas.LayoutChart(s, canvas.ChartOptions{Width: 600, Participants: true, Words: &w})
	idx := s.Index()
	want := []canvas.Label{
		{Kind: canvas.LabelIndex, Value: canvas.RoundHalf(idx.Value), Band: idx.Band()},
		{Kind: canvas.LabelPoleToC}, {Kind: canvas.LabelPoleToB},
		{Kind: canvas.LabelAxisToC}, {Kind: canvas.LabelAxisToB},
		{Kind: canvas.LabelLegend, Legend: canvas.LegendAgreed},
		{Kind: canvas.LabelLegend, Legend: canvas.LegendMedian},
	}
	for _, l := range want {
		if !slices.Contains(w.asked, l) {
			t.Errorf("the chart never asked for %+v; asked %+v", l, w.asked)
		}
	}
	for _, tx := range append([]canvas.Text{c.Index.Label, c.Index.Poles[0], c.Index.Poles[1], c.AxisLabels[0], c.AxisLabels[1]}, legendTexts(c)...) {
		if tx.Label.Kind == canvas.LabelVerbatim {
			continue // a participant's name
		}
		if got := (&tagWords{}).ChartLabel(tx.Label); tx.Text != got {
			t.Errorf("text %q is not the words for its label %+v (%q)", tx.Text, tx.Label, got)
		}
	}
	var p recorder
	c.Paint(&p)
	if !containsText(p.texts, (&tagWords{}).ChartLabel(want[0])) {
		t.Errorf("the painted texts lack the index heading: %q", p.texts)
	}

	// Before anything is placed the heading says so, in words too.
	fresh := newQuickSession(t)
	w = tagWords{}
	c = canvas.LayoutChart(fresh, canvas.ChartOptions{Width: 600, Words: &w})
	if c.Index.Label.Label.Kind != canvas.LabelIndexNotSet || !slices.Contains(w.asked, canvas.Label{Kind: canvas.LabelIndexNotSet}) {
		t.Errorf("an empty session's heading is %+v", c.Index.Label)
	}
}

func legendTexts(c canvas.Chart) []canvas.Text {
	var out []canvas.Text
	for _, it := range c.Legend {
		out = append(out, it.Text)
	}
	return out
}

func legendKinds(c canvas.Chart) []canvas.LegendKind {
	var out []canvas.LegendKind
	for _, it := range c.Legend {
		if len(out) == 0 || out[len(out)-1] != it.Kind {
			out = append(out, it.Kind)
		}
	}
	return out
}

// The legend explains the markers the chart draws and no others: it used
// to list "~ median, not agreed" and "target" on charts without either.
func TestChartLegendListsOnlyWhatItDraws(t *testing.T) {
	at := time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)
	A, M, T, P := canvas.LegendAgreed, canvas.LegendMedian, canvas.LegendTarget, canvas.LegendParticipant
	anonymous := func(t *testing.T) *canvas.Session {
		s, ids := quickWithPeople(t, "Ana", "Luis")
		place(t, s, ids, "customer", 20, 40)
		s.Settings.Anonymous = true
		return s
	}
	tests := []struct {
		name  string
		build func(t *testing.T) *canvas.Session
		opt   canvas.ChartOptions
		want  []canvas.LegendKind
	}{
		{"anonymous", anonymous, canvas.ChartOptions{Participants: true}, []canvas.LegendKind{M, P}},
		{"nothing placed", func(t *testing.T) *canvas.Session { return newQuickSession(t) }, canvas.ChartOptions{Participants: true}, nil},
		{"agreed only", func(t *testing.T) *canvas.Session {
			s := newQuickSession(t)
			if err := s.SetCurrent("customer", 70); err != nil {
				t.Fatal(err)
			}
			return s
		}, canvas.ChartOptions{Participants: true}, []canvas.LegendKind{A}},
		{"target only", func(t *testing.T) *canvas.Session {
			s := newQuickSession(t)
			if err := s.SetTarget("value", ptr(80)); err != nil {
				t.Fatal(err)
			}
			return s
		}, canvas.ChartOptions{Participants: true}, []canvas.LegendKind{T}},
		{"placements, none agreed", func(t *testing.T) *canvas.Session {
			s, ids := quickWithPeople(t, "Ana", "Luis")
			place(t, s, ids, "customer", 20, 40)
			return s
		}, canvas.ChartOptions{Participants: true}, []canvas.LegendKind{M, P}},
		{"placements without participant markers", func(t *testing.T) *canvas.Session {
			s, ids := quickWithPeople(t, "Ana", "Luis")
			place(t, s, ids, "customer", 20, 40)
			return s
		}, canvas.ChartOptions{}, nil},
		{"every placed dimension agreed", func(t *testing.T) *canvas.Session {
			s, ids := quickWithPeople(t, "Ana", "Luis")
			place(t, s, ids, "customer", 20, 40)
			if err := s.SetCurrent("customer", 30); err != nil {
				t.Fatal(err)
			}
			if err := s.SetTarget("customer", ptr(60)); err != nil {
				t.Fatal(err)
			}
			return s
		}, canvas.ChartOptions{Participants: true}, []canvas.LegendKind{A, T, P}},
		{"only rows without markers", func(t *testing.T) *canvas.Session {
			s, ids := quickWithPeople(t, "Ana", "Luis")
			place(t, s, ids, "customer", 20, 40)
			return s
		}, canvas.ChartOptions{Participants: true, Only: []string{"value"}}, nil},
		{"blind round before the reveal", func(t *testing.T) *canvas.Session {
			o, s := ownedSession(t)
			ops := []canvas.Op{canvas.StartRound{Mode: canvas.RoundRecord, Dimensions: []string{"customer"}, At: at}}
			for i, v := range []int{10, 70} {
				ops = append(ops, canvas.RecordValue{Participant: s.Participants[i].ID, Dimension: "customer", Value: ptr(v)})
			}
			for _, op := range ops {
				if err := o.Apply(op); err != nil {
					t.Fatalf("%T: %v", op, err)
				}
			}
			return o.Snapshot()
		}, canvas.ChartOptions{Participants: true}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := tt.opt
			opt.Width = 600
			c := canvas.LayoutChart(tt.build(t), opt)
			if !slices.Equal(c.Drawn, tt.want) {
				t.Errorf("Drawn = %q, want %q", c.Drawn, tt.want)
			}
			if got := legendKinds(c); !slices.Equal(got, tt.want) {
				t.Errorf("legend kinds = %q, want %q", got, tt.want)
			}
			for _, k := range canvas.LegendKinds() {
				if c.Draws(k) != slices.Contains(tt.want, k) {
					t.Errorf("Draws(%s) = %v", k, c.Draws(k))
				}
			}
			// One item per participant, named by them; in an anonymous
			// session one item that says what the marker is.
			var people []canvas.Text
			for _, it := range c.Legend {
				if it.Kind == canvas.LegendParticipant {
					people = append(people, it.Text)
				}
			}
			switch {
			case !slices.Contains(tt.want, P):
			case tt.name == "anonymous":
				if len(people) != 1 || people[0].Label != (canvas.Label{Kind: canvas.LabelLegend, Legend: P}) {
					t.Errorf("anonymous legend = %+v, want one explained marker", people)
				}
			case len(people) != 2 || people[0].Text != "Ana" || people[0].Label.Kind != canvas.LabelVerbatim:
				t.Errorf("participants in the legend = %+v, want Ana and Luis by name", people)
			}
		})
	}
}

// TestCanvasHasNoDisplayText: canvas and canvas/store return typed values,
// and the words for them live in assets/lang. The English texts they used
// to return must not come back in any of their string literals.
func TestCanvasHasNoDisplayText(t *testing.T) {
	// Phrases of the old labels, legend and headings, in any case; and
	// "Hybrid", the old label, as a whole (the band's key is "hybrid").
	banned := []string{
		"strongly toc", "leaning toc", "leaning tob", "strongly tob",
		"tob index", "not set yet", "agreed position", "not agreed",
		"(anonymous)", "leans toc", "leans tob", "not placed yet",
	}
	checked := 0
	for _, dir := range []string{".", "store"} {
		names, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range names {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			f, err := parser.ParseFile(token.NewFileSet(), name, src, 0)
			if err != nil {
				t.Fatal(err)
			}
			checked++
			ast.Inspect(f, func(n ast.Node) bool {
				lit, ok := n.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				v, err := strconv.Unquote(lit.Value)
				if err != nil {
					return true
				}
				for _, b := range banned {
					if strings.Contains(strings.ToLower(v), b) {
						t.Errorf("%s: display text %q", name, v)
					}
				}
				if v == "Hybrid" {
					t.Errorf("%s: display text %q", name, v)
				}
				return true
			})
		}
	}
	if checked < 10 {
		t.Fatalf("checked %d files; the walk looks in the wrong place", checked)
	}
}
