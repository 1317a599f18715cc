package canvas

import (
	"encoding/json"
	"slices"
)

// Band is where a value on the 0-100 scale sits, from the consumer end
// to the business end. Its values are stable keys, not words: the session
// list stores none, JSON carries them, and assets/lang names them in the
// reader's language.
type Band string

// The bands of the ToB index.
const (
	BandStronglyToC Band = "strongly-toc"
	BandLeaningToC  Band = "leaning-toc"
	BandHybrid      Band = "hybrid"
	BandLeaningToB  Band = "leaning-tob"
	BandStronglyToB Band = "strongly-tob"
)

// Bands lists every band, from the consumer end to the business end.
func Bands() []Band {
	return []Band{BandStronglyToC, BandLeaningToC, BandHybrid, BandLeaningToB, BandStronglyToB}
}

// MarshalJSON writes no band (an index not set yet) as null, as the index
// itself is written.
func (b Band) MarshalJSON() ([]byte, error) {
	if b == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(b))
}

// Index is the session's overall ToB index: the mean position of the
// dimensions that have one. Valid is false when no dimension has a position.
type Index struct {
	Value float64
	Valid bool
}

// Band is where the index sits, or "" when it is not valid.
func (x Index) Band() Band {
	if !x.Valid {
		return ""
	}
	return BandOf(x.Value)
}

// BandOf says where a value on the 0-100 scale sits. The middle band is
// closed on both ends (40 and 60 are hybrid, as for LeanOf), the outer
// bands are open towards it.
func BandOf(v float64) Band {
	switch {
	case v < 20:
		return BandStronglyToC
	case v < HybridFrom:
		return BandLeaningToC
	case v <= HybridTo:
		return BandHybrid
	case v <= 80:
		return BandLeaningToB
	default:
		return BandStronglyToB
	}
}

// Stats describes how the participants' values spread on one dimension.
// With Count == 0 the other figures are meaningless.
type Stats struct {
	Count  int
	Min    int
	Max    int
	Median float64
	Mean   float64
}

// Spread is Max - Min.
func (st Stats) Spread() int { return st.Max - st.Min }

// ComputeStats summarises a set of values. The median of an even count is
// the mean of the two middle values.
func ComputeStats(values []int) Stats {
	return statsInPlace(slices.Clone(values))
}

// statsInPlace is ComputeStats for a slice the caller owns: it sorts it.
func statsInPlace(v []int) Stats {
	if len(v) == 0 {
		return Stats{}
	}
	slices.Sort(v)
	sum := 0
	for _, x := range v {
		sum += x
	}
	n := len(v)
	median := float64(v[n/2])
	if n%2 == 0 {
		median = float64(v[n/2-1]+v[n/2]) / 2
	}
	return Stats{Count: n, Min: v[0], Max: v[n-1], Median: median, Mean: float64(sum) / float64(n)}
}

// DimensionStats summarises the placements on one dimension.
func (s *Session) DimensionStats(key string) Stats {
	var values []int
	for _, p := range s.Placements {
		if p.Dimension == key {
			values = append(values, p.Value)
		}
	}
	return ComputeStats(values)
}

// EffectivePosition is the value a dimension contributes to the index: the
// agreed current value where set, otherwise the median of the placements.
// Placements hidden in a blind round count for nothing until the reveal:
// otherwise the index would leak them to the next person.
func (s *Session) EffectivePosition(key string) (float64, bool) {
	p := s.PositionOf(key)
	return p.Value, p.Kind != PositionNone
}

// Index computes the session's ToB index.
func (s *Session) Index() Index {
	return s.figures().index(s.PlacementsVisible())
}

// figures is every dimension's agreed position and placement statistics,
// by position in s.Dimensions, computed in one pass: the index and the
// chart both run on every slider move and share this one rule.
type figures struct {
	groups placementGroups
	pos    []Position
	stats  []Stats
}

func (s *Session) figures() figures {
	f := figures{groups: s.groupPlacements(), pos: make([]Position, len(s.Dimensions)), stats: make([]Stats, len(s.Dimensions))}
	for _, p := range s.Positions {
		if i, ok := f.groups.dimIdx[p.Dimension]; ok {
			f.pos[i] = p
		}
	}
	for i := range s.Dimensions {
		// The grouped values belong to f, so they may be sorted in place.
		f.stats[i] = statsInPlace(f.groups.values[i])
	}
	return f
}

// index is the mean of the positions; dimensions without one are left out.
func (f figures) index(placementsVisible bool) Index {
	sum, n := 0.0, 0
	for i := range f.pos {
		if v, ok := f.position(i, placementsVisible); ok {
			sum += v
			n++
		}
	}
	if n == 0 {
		return Index{}
	}
	return Index{Value: sum / float64(n), Valid: true}
}

// position is the position of the session's i-th dimension.
func (f figures) position(i int, placementsVisible bool) (float64, bool) {
	return positionFrom(f.pos[i].Current, placementsVisible, f.stats[i])
}

// positionFrom is the one rule of a dimension's position that the index
// and the tensions share: the agreed current value, otherwise the median
// of its placements while they are visible. Placements hidden in a blind
// round count for nothing, so no figure leaks them.
func positionFrom(current *int, placementsVisible bool, st Stats) (float64, bool) {
	switch {
	case current != nil:
		return float64(*current), true
	case placementsVisible && st.Count > 0:
		return st.Median, true
	}
	return 0, false
}

// placementGroups holds, per session dimension (by position), the values
// and the indexes into s.Placements of its placements, in placement order,
// carved out of two shared backing arrays.
type placementGroups struct {
	dimIdx  map[string]int
	values  [][]int
	indexes [][]int
}

func (s *Session) groupPlacements() placementGroups {
	dimIdx := make(map[string]int, len(s.Dimensions))
	for i, d := range s.Dimensions {
		dimIdx[d.Key] = i
	}
	counts := make([]int, len(s.Dimensions))
	which := make([]int, len(s.Placements))
	for k, p := range s.Placements {
		i, ok := dimIdx[p.Dimension]
		if !ok {
			i = -1
		} else {
			counts[i]++
		}
		which[k] = i
	}
	g := placementGroups{dimIdx: dimIdx, values: make([][]int, len(s.Dimensions)), indexes: make([][]int, len(s.Dimensions))}
	vals := make([]int, len(s.Placements))
	idxs := make([]int, len(s.Placements))
	off := 0
	for i, n := range counts {
		g.values[i] = vals[off : off : off+n]
		g.indexes[i] = idxs[off : off : off+n]
		off += n
	}
	for k, i := range which {
		if i >= 0 {
			g.values[i] = append(g.values[i], s.Placements[k].Value)
			g.indexes[i] = append(g.indexes[i], k)
		}
	}
	return g
}
