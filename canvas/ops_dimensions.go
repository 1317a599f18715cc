package canvas

import (
	"errors"
	"fmt"
	"slices"
)

// AddDimension adds a dimension to an open session: a built-in one by key
// (Dimension.Key alone is enough), or a custom one with its full text,
// which the session keeps as a snapshot. It goes after the last dimension
// of its group, so the editor, chart and PDF show the group in one run;
// a dimension of a group the session lacks goes last.
type AddDimension struct{ Dimension Dimension }

func (o AddDimension) parts() Part    { return PartDimensions }
func (o AddDimension) dims() []string { return nil }
func (o AddDimension) apply(s *Session) error {
	d := o.Dimension
	if b, ok := LookupDimension(d.Key); ok {
		d = b
	} else if ps := CheckCustomDimension(d); len(ps) > 0 {
		return fmt.Errorf("add dimension %q: %w", d.Key, &InvalidFileError{Problems: ps})
	}
	if _, ok := s.Dimension(d.Key); ok {
		return fmt.Errorf("add dimension: %w: %q is already in the session", ErrDimensionInSession, d.Key)
	}
	at := len(s.Dimensions)
	for i, have := range s.Dimensions {
		if have.Group == d.Group {
			at = i + 1
		}
	}
	s.Dimensions = slices.Insert(s.Dimensions, at, d)
	return nil
}

// RemoveDimension takes a dimension out of an open session, with what the
// team recorded on it: placements, the agreed position, the action's link
// to it (the action stays) and its place in the round. The op does not
// ask; the UI asks first when the dimension has placements. Undo gives all
// of it back. The last dimension cannot go: a session places its product
// on at least one.
type RemoveDimension struct{ Key string }

func (o RemoveDimension) parts() Part {
	return PartDimensions | PartPlacements | PartPositions | PartActions | PartRound
}
func (o RemoveDimension) dims() []string { return nil }
func (o RemoveDimension) apply(s *Session) error {
	i := slices.IndexFunc(s.Dimensions, func(d Dimension) bool { return d.Key == o.Key })
	switch {
	case i < 0:
		return fmt.Errorf("remove dimension: %w %q in session %s", ErrUnknownDimension, o.Key, s.ID)
	case len(s.Dimensions) == 1:
		return fmt.Errorf("remove dimension %q: %w", o.Key, ErrLastDimension)
	}
	s.Dimensions = slices.Delete(s.Dimensions, i, i+1)
	s.Placements = slices.DeleteFunc(s.Placements, func(p Placement) bool { return p.Dimension == o.Key })
	s.Positions = slices.DeleteFunc(s.Positions, func(p Position) bool { return p.Dimension == o.Key })
	for j := range s.Actions {
		if s.Actions[j].Dimension == o.Key {
			s.Actions[j].Dimension = ""
		}
	}
	if r := s.Round; r != nil {
		r.Dimensions = slices.DeleteFunc(r.Dimensions, func(k string) bool { return k == o.Key })
		s.finishAnswered()
	}
	return nil
}

// finishAnswered marks done whoever in an open blind round has now
// answered every dimension left in it, as Answer would have: a phone whose
// last open dimension was removed sends nothing more. Whoever is on the
// laptop's private screen finishes there.
func (s *Session) finishAnswered() {
	r := s.Round
	if !s.InRound() || r.Mode != RoundBlind || len(r.Dimensions) == 0 {
		return
	}
	for _, id := range r.Order {
		if id != r.Current && !slices.Contains(r.Done, id) && s.AnsweredAll(id) {
			r.Done = append(r.Done, id)
		}
	}
}

// ErrDimensionInSession and ErrLastDimension are the refusals of
// AddDimension and RemoveDimension.
var (
	ErrDimensionInSession = errors.New("dimension already in the session")
	ErrLastDimension      = errors.New("a session keeps at least one dimension")
)
