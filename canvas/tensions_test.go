package canvas_test

import (
	"fmt"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// The source articles the catalogue and the tensions rest on
// (../shared/seeds), named as canvas/catalogue.go names them.
var seedArticles = map[string]string{
	"000_7bf14e726020b23b.txt": "[A] The Difference Between ToC and ToB Products",
	"001_73455f4e51a97000.txt": "[B] What's the difference between the business models of tob and toc?",
	"002_0c3b1aa1ddbe3744.txt": "[C] ToB和TOC新媒体运营有何区别?运营必知",
	"003_900e05b33a529c57.txt": "[D] ¿Cuál es la diferencia entre B2C y B2B? Mantenlo simple.",
	"004_8307918510032cfd.txt": "[E] B2C vs B2B Product Management",
}

var ruleKeyRE = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// TestTensionRulesAreWellFormed: each rule has a stable key, names a
// source article, and pairs catalogue dimensions at opposite poles (a
// rule with both sides at one pole would fire on a consistent profile).
func TestTensionRulesAreWellFormed(t *testing.T) {
	rules := canvas.TensionRules()
	if len(rules) < 15 {
		t.Fatalf("%d rules; want at least 15", len(rules))
	}
	seen := map[string]bool{}
	for _, r := range rules {
		if !ruleKeyRE.MatchString(r.Key) || seen[r.Key] {
			t.Errorf("rule key %q is malformed or used twice", r.Key)
		}
		seen[r.Key] = true
		if _, ok := seedArticles[r.Source]; !ok {
			t.Errorf("%s: source %q is not one of the articles", r.Key, r.Source)
		}
		if len(r.Sides) < 2 {
			t.Errorf("%s: %d sides; a tension needs two dimensions or more", r.Key, len(r.Sides))
		}
		poles := map[canvas.Lean]bool{}
		for i, sd := range r.Sides {
			if _, ok := canvas.LookupDimension(sd.Dimension); !ok {
				t.Errorf("%s: %q is not a catalogue dimension", r.Key, sd.Dimension)
			}
			if slices.Index(r.Dimensions(), sd.Dimension) < i {
				t.Errorf("%s: %q is a side twice", r.Key, sd.Dimension)
			}
			if sd.Pole != canvas.LeanToC && sd.Pole != canvas.LeanToB {
				t.Errorf("%s: side %q has pole %v", r.Key, sd.Dimension, sd.Pole)
			}
			poles[sd.Pole] = true
		}
		if !poles[canvas.LeanToC] || !poles[canvas.LeanToB] {
			t.Errorf("%s: the sides do not sit at both poles", r.Key)
		}
		if got, ok := canvas.LookupTensionRule(r.Key); !ok || got.Key != r.Key {
			t.Errorf("LookupTensionRule(%q) = %v, %v", r.Key, got, ok)
		}
	}
	if _, ok := canvas.LookupTensionRule("no-such"); ok {
		t.Error("LookupTensionRule found a rule for no-such")
	}
}

// fullSession is the Full template with every dimension agreed at 50, a
// hybrid position no rule fires on, and three participants.
func fullSession(t *testing.T) *canvas.Session {
	t.Helper()
	s, err := canvas.NewSession(canvas.TemplateFull, "Q4", "Nubia", time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"Ana", "陈静", "Luis"} {
		if _, err := s.AddParticipant(n, ""); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range s.Dimensions {
		if err := s.SetCurrent(d.Key, 50); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// poleValue is a value toward the side's pole: toc for LeanToC, tob for
// LeanToB.
func poleValue(sd canvas.TensionSide, toc, tob int) int {
	if sd.Pole == canvas.LeanToB {
		return tob
	}
	return toc
}

func ruleKeys(ts []canvas.Tension) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Rule)
	}
	return out
}

// TestEachTensionRule drives every rule through the cases the issue
// names: it fires with its sides toward their poles (at the thresholds
// too), not with a side at the other pole, never at hybrid values or a
// step short of the thresholds, and never on placements a blind round
// still hides.
func TestEachTensionRule(t *testing.T) {
	for _, r := range canvas.TensionRules() {
		t.Run(r.Key, func(t *testing.T) {
			set := func(s *canvas.Session, value func(i int, sd canvas.TensionSide) int) {
				for i, sd := range r.Sides {
					if err := s.SetCurrent(sd.Dimension, value(i, sd)); err != nil {
						t.Fatal(err)
					}
				}
			}
			cases := []struct {
				name  string
				value func(i int, sd canvas.TensionSide) int
				fires bool
			}{
				{"toward the poles", func(_ int, sd canvas.TensionSide) int { return poleValue(sd, 10, 90) }, true},
				{"at the poles", func(_ int, sd canvas.TensionSide) int { return poleValue(sd, 0, 100) }, true},
				{"at the thresholds", func(_ int, sd canvas.TensionSide) int {
					return poleValue(sd, canvas.TensionToCMax, canvas.TensionToBMin)
				}, true},
				{"a step short of the thresholds", func(_ int, sd canvas.TensionSide) int {
					return poleValue(sd, canvas.TensionToCMax+1, canvas.TensionToBMin-1)
				}, false},
				{"hybrid, at the band's edges", func(_ int, sd canvas.TensionSide) int { return poleValue(sd, 40, 60) }, false},
				{"hybrid, the other edges", func(_ int, sd canvas.TensionSide) int { return poleValue(sd, 60, 40) }, false},
				{"one side hybrid", func(i int, sd canvas.TensionSide) int {
					if i == 0 {
						return 50
					}
					return poleValue(sd, 10, 90)
				}, false},
				{"the first side at the other pole", func(i int, sd canvas.TensionSide) int {
					if i == 0 {
						return poleValue(sd, 90, 10)
					}
					return poleValue(sd, 10, 90)
				}, false},
				{"every side at the other pole", func(_ int, sd canvas.TensionSide) int { return poleValue(sd, 90, 10) }, false},
			}
			for _, tc := range cases {
				s := fullSession(t)
				set(s, tc.value)
				got := ruleKeys(s.Tensions())
				switch {
				case tc.fires && !slices.Equal(got, []string{r.Key}):
					t.Errorf("%s: tensions %q, want only %s", tc.name, got, r.Key)
				case !tc.fires && slices.Contains(got, r.Key):
					t.Errorf("%s: %s fires", tc.name, r.Key)
				}
			}
		})
	}
}

// TestTensionValuesAreTheIndexPositions: a tension carries the positions
// the index uses, in the rule's order: the agreed value where there is
// one, else the median of the placements.
func TestTensionValuesAreTheIndexPositions(t *testing.T) {
	s := fullSession(t)
	// decision-makers: agreed 75 wins over the placements' median.
	mustSet(t, s, "decision-makers", 75)
	placeEach(t, s, "decision-makers", 10, 20, 30)
	// decision-cycle: nothing agreed; the median of 0, 5 and 40 is 5.
	clearCurrent(t, s, "decision-cycle")
	placeEach(t, s, "decision-cycle", 40, 0, 5)
	got := s.Tensions()
	want := []canvas.Tension{{Rule: "committee-impulse", Dimensions: []string{"decision-makers", "decision-cycle"}, Values: []float64{75, 5}}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("tensions = %+v, want %+v", got, want)
	}
	for _, k := range []string{"decision-makers", "decision-cycle"} {
		if p, _ := s.EffectivePosition(k); p != got[0].Values[slices.Index(got[0].Dimensions, k)] {
			t.Errorf("%s: tension value differs from the index position %v", k, p)
		}
	}
	// An even count takes the mean of the middle two: 30 and 40 is 35,
	// exactly the threshold.
	s.ClearPlacement(s.Participants[1].ID, "decision-cycle")
	s.ClearPlacement(s.Participants[2].ID, "decision-cycle")
	placeEach(t, s, "decision-cycle", 40, 30, 30)
	if got := s.Tensions(); len(got) != 1 || got[0].Values[1] != 30 {
		t.Errorf("median 30: tensions = %+v", got)
	}
	s.ClearPlacement(s.Participants[2].ID, "decision-cycle")
	if got := s.Tensions(); len(got) != 1 || got[0].Values[1] != 35 {
		t.Errorf("median of 40 and 30 = 35: tensions = %+v", got)
	}
}

// TestHiddenPlacementsRaiseNoTension: in a blind round, until the reveal,
// the placements count for nothing, as for the index; an agreed value
// still counts. After the reveal their median does.
func TestHiddenPlacementsRaiseNoTension(t *testing.T) {
	for _, r := range canvas.TensionRules() {
		t.Run(r.Key, func(t *testing.T) {
			s := fullSession(t)
			if err := s.StartRound(canvas.RoundBlind, r.Dimensions(), time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)); err != nil {
				t.Fatal(err)
			}
			for _, sd := range r.Sides {
				clearCurrent(t, s, sd.Dimension)
				v := poleValue(sd, 5, 95)
				placeEach(t, s, sd.Dimension, v, v, v)
			}
			if got := s.Tensions(); len(got) != 0 {
				t.Fatalf("before the reveal: tensions %q", ruleKeys(got))
			}
			// One side agreed, the other only hidden: still nothing.
			sd := r.Sides[0]
			mustSet(t, s, sd.Dimension, poleValue(sd, 5, 95))
			if got := s.Tensions(); len(got) != 0 {
				t.Fatalf("one side agreed, one hidden: tensions %q", ruleKeys(got))
			}
			if err := s.Reveal(); err != nil {
				t.Fatal(err)
			}
			if got := ruleKeys(s.Tensions()); !slices.Equal(got, []string{r.Key}) {
				t.Errorf("after the reveal: tensions %q, want %s", got, r.Key)
			}
		})
	}
}

// TestConsistentProfilesRaiseNothing: a product at the business pole on
// every catalogue dimension (80 to 100), or at the consumer pole on every
// one (0 to 20), contradicts nothing.
func TestConsistentProfilesRaiseNothing(t *testing.T) {
	s := fullSession(t)
	if len(s.Dimensions) != len(canvas.Catalogue()) {
		t.Fatalf("the Full template has %d of %d catalogue dimensions", len(s.Dimensions), len(canvas.Catalogue()))
	}
	for _, band := range [][2]int{{80, 100}, {0, 20}} {
		for v := band[0]; v <= band[1]; v++ {
			for _, d := range s.Dimensions {
				mustSet(t, s, d.Key, v)
			}
			if got := s.Tensions(); len(got) != 0 {
				t.Errorf("every dimension at %d: tensions %q", v, ruleKeys(got))
			}
		}
	}
	// Dimensions spread across the band, not all at one value.
	for _, band := range [][2]int{{80, 100}, {0, 20}} {
		for i, d := range s.Dimensions {
			mustSet(t, s, d.Key, band[0]+(i*7)%(band[1]-band[0]+1))
		}
		if got := s.Tensions(); len(got) != 0 {
			t.Errorf("a spread profile in %v: tensions %q", band, ruleKeys(got))
		}
	}
}

// TestRuleNeedsAllItsDimensions: a rule with a dimension the session
// lacks, or one without any position, does not fire.
func TestRuleNeedsAllItsDimensions(t *testing.T) {
	for _, r := range canvas.TensionRules() {
		t.Run(r.Key, func(t *testing.T) {
			for missing := range r.Sides {
				var keys []string
				for _, d := range canvas.Catalogue() {
					if d.Key != r.Sides[missing].Dimension {
						keys = append(keys, d.Key)
					}
				}
				dims, err := canvas.SnapshotDimensions(keys)
				if err != nil {
					t.Fatal(err)
				}
				s := &canvas.Session{ID: "s", Dimensions: dims}
				for i, sd := range r.Sides {
					if i != missing {
						mustSet(t, s, sd.Dimension, poleValue(sd, 0, 100))
					}
				}
				if got := s.Tensions(); len(got) != 0 {
					t.Errorf("without %s: tensions %q", r.Sides[missing].Dimension, ruleKeys(got))
				}
				// In the session but with no position: nothing either.
				s = fullSession(t)
				for i, sd := range r.Sides {
					if i == missing {
						clearCurrent(t, s, sd.Dimension)
					} else {
						mustSet(t, s, sd.Dimension, poleValue(sd, 0, 100))
					}
				}
				if got := s.Tensions(); len(got) != 0 {
					t.Errorf("no position on %s: tensions %q", r.Sides[missing].Dimension, ruleKeys(got))
				}
			}
		})
	}
}

func mustSet(t *testing.T, s *canvas.Session, key string, v int) {
	t.Helper()
	if err := s.SetCurrent(key, v); err != nil {
		t.Fatal(err)
	}
}

func clearCurrent(t *testing.T, s *canvas.Session, key string) {
	t.Helper()
	if err := canvas.NewOwner(s, nil).Apply(canvas.SetCurrent{Dimension: key}); err != nil {
		t.Fatal(err)
	}
}

// placeEach gives each participant in turn a placement on key.
func placeEach(t *testing.T, s *canvas.Session, key string, values ...int) {
	t.Helper()
	for i, v := range values {
		if err := s.SetPlacement(canvas.Placement{Dimension: key, Participant: s.Participants[i].ID, Value: v}); err != nil {
			t.Fatal(err)
		}
	}
}

// TestTensionPositionsAreTheIndexPositions holds the positions the rules
// read to the index's own, dimension by dimension, in every state a
// session passes through: agreed or not, placed or not, a blind round
// before and after its reveal, a dimension the session lacks.
func TestTensionPositionsAreTheIndexPositions(t *testing.T) {
	s := fullSession(t)
	check := func(state string) {
		t.Helper()
		checked := 0
		for _, d := range canvas.Catalogue() {
			if !usedByARule(d.Key) {
				continue
			}
			checked++
			got, gotOK := s.RuleDimensionPosition(d.Key)
			want, wantOK := s.EffectivePosition(d.Key)
			if _, inSession := s.Dimension(d.Key); !inSession {
				want, wantOK = 0, false
			}
			if got != want || gotOK != wantOK {
				t.Errorf("%s: %s = %v, %v; the index has %v, %v", state, d.Key, got, gotOK, want, wantOK)
			}
		}
		if checked < 15 {
			t.Fatalf("checked %d dimensions", checked)
		}
	}
	check("all agreed at 50")
	for i, d := range s.Dimensions {
		if i%2 == 0 {
			clearCurrent(t, s, d.Key)
		}
		if i%3 != 0 {
			placeEach(t, s, d.Key, (i*37)%101, (i*11)%101, (i*53)%101)
		}
	}
	check("mixed agreed, medians and nothing")
	if err := s.StartRound(canvas.RoundBlind, []string{"customer", "value"}, time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	placeEach(t, s, "customer", 90, 95, 99)
	check("blind round before the reveal")
	if err := s.Reveal(); err != nil {
		t.Fatal(err)
	}
	check("after the reveal")
	s.Dimensions = s.Dimensions[:10]
	check("a session with fewer dimensions")
}

func usedByARule(key string) bool {
	for _, r := range canvas.TensionRules() {
		if slices.Contains(r.Dimensions(), key) {
			return true
		}
	}
	return false
}
