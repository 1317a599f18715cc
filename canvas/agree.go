package canvas

import (
	"errors"
	"fmt"
)

// Agreement is explicit: a dimension has an agreed position only once the
// team agrees on one. Until then the median of the visible placements is a
// proposal, which the index uses but every screen and the PDF mark as "not
// agreed". Nothing writes the median into Position.Current on its own.

// PositionKind says where a dimension's position comes from.
type PositionKind int

// The kinds of position.
const (
	// PositionNone means the dimension has no position: nothing agreed and
	// no placement visible.
	PositionNone PositionKind = iota
	// PositionProposed means the value is only the placements' median,
	// which the team has not agreed to.
	PositionProposed
	// PositionAgreed means the team agreed the value.
	PositionAgreed
)

// DimensionPosition is a dimension's position and where it comes from.
// Value is meaningless for PositionNone.
type DimensionPosition struct {
	Value float64
	Kind  PositionKind
}

// Agreed reports whether the team agreed the position.
func (p DimensionPosition) Agreed() bool { return p.Kind == PositionAgreed }

// PositionOf is the position a dimension shows and contributes to the
// index: the agreed value where set, otherwise the median of the visible
// placements as a proposal. Placements hidden in a blind round propose
// nothing until the reveal.
func (s *Session) PositionOf(key string) DimensionPosition {
	current, visible := s.Position(key).Current, s.PlacementsVisible()
	var st Stats
	if current == nil && visible {
		st = s.DimensionStats(key)
	}
	v, ok := positionFrom(current, visible, st)
	switch {
	case !ok:
		return DimensionPosition{}
	case current != nil:
		return DimensionPosition{Value: v, Kind: PositionAgreed}
	}
	return DimensionPosition{Value: v, Kind: PositionProposed}
}

// Proposal is the whole value Agree would take for a dimension: its
// rounded median while nothing is agreed. ok is false when there is no
// proposal (agreed already, or no visible placement).
func (s *Session) Proposal(key string) (value int, ok bool) {
	p := s.PositionOf(key)
	if p.Kind != PositionProposed {
		return 0, false
	}
	return RoundHalf(p.Value), true
}

// ErrNoProposal means Agree found nothing to agree: the dimension is
// agreed already or has no visible placement.
var ErrNoProposal = errors.New("there is no median to agree")

// Agree takes a dimension's proposal (its rounded median) as the team's
// agreed position. Clearing it again is SetCurrent with a nil Value.
type Agree struct{ Dimension string }

func (o Agree) parts() Part    { return PartPositions }
func (o Agree) dims() []string { return []string{o.Dimension} }
func (o Agree) apply(s *Session) error {
	if _, ok := s.Dimension(o.Dimension); !ok {
		return fmt.Errorf("agree: %w %q", ErrUnknownDimension, o.Dimension)
	}
	v, ok := s.Proposal(o.Dimension)
	if !ok {
		return fmt.Errorf("agree on %q: %w", o.Dimension, ErrNoProposal)
	}
	return s.SetCurrent(o.Dimension, v)
}
