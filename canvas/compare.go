package canvas

import (
	"math"
	"slices"
	"strings"
	"time"
)

// Comparing two sessions of one product, a quarter apart: what moved. The
// figures are the index's own (PositionOf, Index), so a comparison can
// never disagree with what either session shows, and placements hidden in
// an unrevealed blind round count for nothing on either side.

// TargetReachedWithin is how close, in points, today's agreed position
// must come to the earlier session's target for the target to count as
// reached.
const TargetReachedWithin = 5

// Comparison is how a product moved from an earlier session (From) to a
// later one (To). The JSON tags give `fulcrum compare --json`; fields
// tagged "-" are for the screen and the PDF.
type Comparison struct {
	From  string     `json:"from"`
	To    string     `json:"to"`
	Index IndexShift `json:"index"`
	// Dimensions is every dimension of either session, the largest
	// absolute move first; dimensions without a shift (a position missing
	// on either side) come last, and equal moves keep catalogue order.
	Dimensions []DimensionShift `json:"dimensions"`
	// Added and Removed are the keys only To, or only From, holds, in
	// catalogue order.
	Added   []string `json:"added"`
	Removed []string `json:"removed"`
	// TargetsReached are the keys of the Targets reached, in catalogue
	// order.
	TargetsReached []string `json:"targets_reached"`
	// Targets is every target the earlier session set, in catalogue order,
	// against today's agreed position.
	Targets []TargetOutcome `json:"-"`
	// TensionsResolved are the rules that fired then and fire no more;
	// TensionsNew fire now and did not then; both in rule order. Whether
	// the team accepted a tension does not make it resolved: the
	// contradiction is still there, by the team's choice.
	TensionsResolved []string `json:"-"`
	TensionsNew      []string `json:"-"`
}

// IndexShift is the ToB index then and now; nil where a session has no
// index, and Shift (To - From) nil unless both have one.
type IndexShift struct {
	From  *float64 `json:"from"`
	To    *float64 `json:"to"`
	Shift *float64 `json:"shift"`
}

// DimensionShift is one dimension's position then and now. A missing
// position is nil (the dimension is not in that session, nothing is agreed
// or visibly placed); Shift is To - From, nil unless both are set.
type DimensionShift struct {
	Key   string   `json:"key"`
	From  *float64 `json:"from"`
	To    *float64 `json:"to"`
	Shift *float64 `json:"shift"`
	// FromKind and ToKind say whether each side is agreed or only the
	// placements' median, as the chart and the PDF mark it.
	FromKind PositionKind `json:"-"`
	ToKind   PositionKind `json:"-"`
	// Dimension is the session's own snapshot (today's, else the earlier
	// one's), for the reader's words.
	Dimension Dimension `json:"-"`
}

// TargetOutcome is a target the earlier session set and today's agreed
// position on that dimension (nil when nothing is agreed today, or the
// dimension is gone). A median never reaches a target: the team has not
// agreed it.
type TargetOutcome struct {
	Key     string
	Target  int
	Now     *int
	Reached bool
}

// Compare computes how the product moved from the session from to the
// session to.
func Compare(from, to *Session) Comparison {
	c := Comparison{From: from.ID, To: to.ID, Added: []string{}, Removed: []string{}, TargetsReached: []string{}}
	fi, ti := from.Index(), to.Index()
	c.Index = IndexShift{From: indexValue(fi), To: indexValue(ti)}
	if fi.Valid && ti.Valid {
		c.Index.Shift = figure(ti.Value - fi.Value)
	}

	// Today's dimensions, then those only the earlier session had.
	var dims []Dimension
	dims = append(dims, to.Dimensions...)
	for _, d := range from.Dimensions {
		if _, ok := to.Dimension(d.Key); !ok {
			dims = append(dims, d)
		}
	}
	rank := catalogueRanks(dims)
	slices.SortStableFunc(dims, func(a, b Dimension) int { return rank[a.Key] - rank[b.Key] })

	for _, d := range dims {
		_, inFrom := from.Dimension(d.Key)
		_, inTo := to.Dimension(d.Key)
		ds := DimensionShift{Key: d.Key, Dimension: d}
		if inFrom {
			p := from.PositionOf(d.Key)
			ds.From, ds.FromKind = positionValue(p), p.Kind
		}
		if inTo {
			p := to.PositionOf(d.Key)
			ds.To, ds.ToKind = positionValue(p), p.Kind
		}
		if ds.From != nil && ds.To != nil {
			ds.Shift = figure(*ds.To - *ds.From)
		}
		switch {
		case !inFrom:
			c.Added = append(c.Added, d.Key)
		case !inTo:
			c.Removed = append(c.Removed, d.Key)
		}
		if t := from.Position(d.Key).Target; inFrom && t != nil {
			out := TargetOutcome{Key: d.Key, Target: *t}
			if inTo {
				out.Now = cloneInt(to.Position(d.Key).Current)
			}
			out.Reached = out.Now != nil && math.Abs(float64(*out.Now-*t)) <= TargetReachedWithin
			if out.Reached {
				c.TargetsReached = append(c.TargetsReached, d.Key)
			}
			c.Targets = append(c.Targets, out)
		}
		c.Dimensions = append(c.Dimensions, ds)
	}
	c.TensionsResolved, c.TensionsNew = tensionShift(from.Tensions(), to.Tensions())
	// dims are in catalogue order, so a stable sort keeps it among equal
	// moves.
	slices.SortStableFunc(c.Dimensions, func(a, b DimensionShift) int {
		switch {
		case a.Shift == nil && b.Shift == nil:
			return 0
		case a.Shift == nil:
			return 1
		case b.Shift == nil:
			return -1
		}
		x, y := math.Abs(*a.Shift), math.Abs(*b.Shift)
		switch {
		case x > y:
			return -1
		case x < y:
			return 1
		}
		return 0
	})
	return c
}

// tensionShift gives the rules that fire only in then, and only in now,
// each in the order given (rule order).
func tensionShift(then, now []Tension) (resolved, added []string) {
	resolved, added = []string{}, []string{}
	fires := func(ts []Tension, rule string) bool {
		return slices.ContainsFunc(ts, func(t Tension) bool { return t.Rule == rule })
	}
	for _, t := range then {
		if !fires(now, t.Rule) {
			resolved = append(resolved, t.Rule)
		}
	}
	for _, t := range now {
		if !fires(then, t.Rule) {
			added = append(added, t.Rule)
		}
	}
	return resolved, added
}

// catalogueRanks orders keys as the catalogue does; a key it does not hold
// comes after every one it does, in the order given.
func catalogueRanks(dims []Dimension) map[string]int {
	rank := make(map[string]int, len(catalogue)+len(dims))
	for i, d := range catalogue {
		rank[d.Key] = i
	}
	for i, d := range dims {
		if _, ok := rank[d.Key]; !ok {
			rank[d.Key] = len(catalogue) + i
		}
	}
	return rank
}

func positionValue(p DimensionPosition) *float64 {
	if p.Kind == PositionNone {
		return nil
	}
	return figure(p.Value)
}

func indexValue(x Index) *float64 {
	if !x.Valid {
		return nil
	}
	return figure(x.Value)
}

// figure is a figure that may be missing, as JSON shows it (null).
func figure(v float64) *float64 { return &v }

// Listed is what a list of sessions knows of each one: enough to choose a
// baseline without loading any session.
type Listed struct {
	ID      string
	Product string
	// Updated is when the session last changed: the date the session list
	// shows and sorts by, and the one PreviousOf compares.
	Updated time.Time
}

// SameProduct reports whether two product names name the same product:
// equal regardless of case and of spaces around them. A blank name names
// no product, so it matches nothing.
func SameProduct(a, b string) bool {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	return a != "" && strings.EqualFold(a, b)
}

// PreviousOf is the default baseline to compare s with: of the listed
// sessions of the same product that last changed strictly before s did,
// the one that changed last (the smaller id among equal times, so the
// answer never depends on the list's order). s itself is never its own
// baseline. ok is false when there is none.
func PreviousOf(s *Session, list []Listed) (prev Listed, ok bool) {
	for _, l := range list {
		if l.ID == s.ID || !SameProduct(l.Product, s.Product) || !l.Updated.Before(s.Updated) {
			continue
		}
		if !ok || l.Updated.After(prev.Updated) || (l.Updated.Equal(prev.Updated) && l.ID < prev.ID) {
			prev, ok = l, true
		}
	}
	return prev, ok
}
