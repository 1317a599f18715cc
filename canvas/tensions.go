package canvas

import "slices"

// Tensions are contradictions between a session's positions: a committee
// purchase placed next to an impulse decision, repeat orders next to
// nothing that keeps a customer. The rules are data (tension_rules.go);
// this file evaluates them on the positions the index uses (one rule,
// positionFrom), so a tension never disagrees with the chart it is shown
// beside.

// A side counts toward its pole only clearly past the hybrid band: at
// TensionToCMax or below for the consumer pole, at TensionToBMin or above
// for the business pole. A position a step outside the band (39, 61) is
// still a shade, not a stance, and a tension read aloud to the room must
// be one nobody can wave away as rounding.
const (
	TensionToCMax = 35
	TensionToBMin = 65
)

// TensionRule is one contradiction between positions: it fires when every
// side's dimension sits clearly toward that side's pole.
type TensionRule struct {
	// Key is stable: sessions store it, and assets/lang words the rule
	// under "tensions.<key>".
	Key   string
	Sides []TensionSide
	// Source is the file in ../shared/seeds the rule rests on.
	Source string
}

// TensionSide is one dimension of a rule and the pole it must sit toward,
// LeanToC or LeanToB.
type TensionSide struct {
	Dimension string
	Pole      Lean
}

// Dimensions lists the rule's dimension keys, in the order of its sides.
func (r TensionRule) Dimensions() []string {
	out := make([]string, len(r.Sides))
	for i, sd := range r.Sides {
		out[i] = sd.Dimension
	}
	return out
}

// holds reports whether a position v sits clearly toward the side's pole.
func (sd TensionSide) holds(v float64) bool {
	if sd.Pole == LeanToB {
		return v >= TensionToBMin
	}
	return v <= TensionToCMax
}

// TensionRules returns every rule in the order tensions are listed. The
// slice is a copy.
func TensionRules() []TensionRule {
	out := make([]TensionRule, len(tensionRules))
	for i, r := range tensionRules {
		out[i] = TensionRule{Key: r.Key, Sides: slices.Clone(r.Sides), Source: r.Source}
	}
	return out
}

// LookupTensionRule finds a rule by its stable key.
func LookupTensionRule(key string) (TensionRule, bool) {
	for _, r := range tensionRules {
		if r.Key == key {
			return TensionRule{Key: r.Key, Sides: slices.Clone(r.Sides), Source: r.Source}, true
		}
	}
	return TensionRule{}, false
}

// Tension is a rule that fires on a session: the dimensions it involves,
// their positions (same order), and whether the team accepted it, with
// the reason. It holds keys and figures, never words; JSON carries it as
// `summary --json` shows it.
type Tension struct {
	Rule       string    `json:"rule"`
	Dimensions []string  `json:"dimensions"`
	Values     []float64 `json:"values"`
	Accepted   bool      `json:"accepted"`
	Reason     string    `json:"reason"`
}

// Involves reports whether the tension involves the dimension key, for a
// marker on the dimension's row.
func (t Tension) Involves(key string) bool { return slices.Contains(t.Dimensions, key) }

// Tensions evaluates every rule on the session's positions: a dimension's
// agreed value, otherwise the median of its visible placements, by the
// rule the index uses (positionFrom). Placements hidden in a blind round
// count for nothing, so no tension gives a hidden marker away. A rule with
// a dimension the session lacks, or one without a position, does not
// fire. Tensions come in rule order; the team's accepted ones are among
// them, marked, while they fire.
func (s *Session) Tensions() []Tension {
	pos := s.ruleDimensionPositions()
	var out []Tension
	for i, r := range tensionRules {
		values, ok := pos.holds(r, ruleSides[i])
		if !ok {
			continue
		}
		t := Tension{Rule: r.Key, Dimensions: r.Dimensions(), Values: values}
		if a, ok := s.Accepted(r.Key); ok {
			t.Accepted, t.Reason = true, a.Reason
		}
		out = append(out, t)
	}
	return out
}

// ruleDims numbers the dimensions the rules speak of, so an evaluation
// works on small arrays instead of maps built per call: it runs on every
// slider move, and grouping every placement of a 12-person Full session,
// as the chart does, cost most of its time budget.
var ruleDims = func() map[string]int {
	m := map[string]int{}
	for _, r := range tensionRules {
		for _, sd := range r.Sides {
			if _, ok := m[sd.Dimension]; !ok {
				m[sd.Dimension] = len(m)
			}
		}
	}
	return m
}()

// ruleSides is, for each rule, the ruleDims number of each side.
var ruleSides = func() [][]int {
	out := make([][]int, len(tensionRules))
	for i, r := range tensionRules {
		for _, sd := range r.Sides {
			out[i] = append(out[i], ruleDims[sd.Dimension])
		}
	}
	return out
}()

// rulePositions is the position of each dimension in ruleDims.
type rulePositions struct {
	value []float64
	ok    []bool
}

// ruleDimensionPositions finds the position of every dimension the rules
// use that the session has. Placements are read only for those without an
// agreed value, and only while they are visible.
func (s *Session) ruleDimensionPositions() rulePositions {
	n := len(ruleDims)
	p := rulePositions{value: make([]float64, n), ok: make([]bool, n)}
	inSession := make([]bool, n)
	current := make([]*int, n)
	for _, d := range s.Dimensions {
		if j, ok := ruleDims[d.Key]; ok {
			inSession[j] = true
		}
	}
	needMedian := false
	for i := range s.Positions {
		if j, ok := ruleDims[s.Positions[i].Dimension]; ok && inSession[j] {
			current[j] = s.Positions[i].Current
		}
	}
	for j := range n {
		if inSession[j] && current[j] == nil {
			needMedian = true
		}
	}
	visible := s.PlacementsVisible()
	var values [][]int
	if needMedian && visible {
		values = s.ruleDimensionValues(inSession, current)
	}
	for j := range n {
		if !inSession[j] {
			continue
		}
		var st Stats
		if values != nil {
			st = statsInPlace(values[j])
		}
		p.value[j], p.ok[j] = positionFrom(current[j], visible, st)
	}
	return p
}

// ruleDimensionValues groups the placement values of the rule dimensions
// that need a median, carved out of one array: one map lookup per
// placement, and no allocation per dimension.
func (s *Session) ruleDimensionValues(inSession []bool, current []*int) [][]int {
	n := len(inSession)
	which := make([]int, len(s.Placements))
	counts := make([]int, n)
	for k := range s.Placements {
		j, ok := ruleDims[s.Placements[k].Dimension]
		if !ok || !inSession[j] || current[j] != nil {
			j = -1
		} else {
			counts[j]++
		}
		which[k] = j
	}
	all := make([]int, len(s.Placements))
	values := make([][]int, n)
	off := 0
	for j, c := range counts {
		values[j] = all[off : off : off+c]
		off += c
	}
	for k, j := range which {
		if j >= 0 {
			values[j] = append(values[j], s.Placements[k].Value)
		}
	}
	return values
}

// holds returns the positions of a rule's dimensions, numbered dims, when
// every side sits clearly toward its pole. It allocates only for a rule
// that fires.
func (p rulePositions) holds(r TensionRule, dims []int) ([]float64, bool) {
	for k, sd := range r.Sides {
		if j := dims[k]; !p.ok[j] || !sd.holds(p.value[j]) {
			return nil, false
		}
	}
	values := make([]float64, len(dims))
	for k, j := range dims {
		values[k] = p.value[j]
	}
	return values, true
}
