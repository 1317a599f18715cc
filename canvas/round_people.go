package canvas

import (
	"errors"
	"fmt"
	"slices"
)

// Rounds fit the room: a person who is out when their turn comes is
// skipped and comes back at the end of the queue, and a person who will not
// place at all leaves the round's order for this round.

// ErrLastInRound means the one person left in a round cannot leave it: a
// round needs somebody to place.
var ErrLastInRound = errors.New("the last person in a round cannot leave it")

// SkipTurn passes over a participant who has not placed yet: they move to
// the end of the round's order, so everyone else comes first and they can
// place when they are back.
type SkipTurn struct{ ID string }

func (o SkipTurn) parts() Part    { return PartRound }
func (o SkipTurn) dims() []string { return []string{} }
func (o SkipTurn) apply(s *Session) error {
	if err := s.checkTurn("skip", o.ID); err != nil {
		return err
	}
	if slices.Contains(s.Round.Done, o.ID) {
		return fmt.Errorf("skip %q: they have placed already", o.ID)
	}
	r := s.Round
	r.Order = append(slices.DeleteFunc(r.Order, func(x string) bool { return x == o.ID }), o.ID)
	if r.Current == o.ID {
		r.Current = ""
	}
	return nil
}

// NotPlacing takes a participant out of the round's order for this round,
// with any marker they placed in it: they do not place this time.
type NotPlacing struct{ ID string }

func (o NotPlacing) parts() Part { return PartRound | PartPlacements }
func (o NotPlacing) dims() []string {
	return nil
}
func (o NotPlacing) apply(s *Session) error {
	if err := s.checkTurn("not placing", o.ID); err != nil {
		return err
	}
	r := s.Round
	if len(r.Order) == 1 {
		return fmt.Errorf("not placing %q: %w", o.ID, ErrLastInRound)
	}
	not := func(x string) bool { return x == o.ID }
	r.Order = slices.DeleteFunc(r.Order, not)
	r.Done = slices.DeleteFunc(r.Done, not)
	if len(r.Done) == 0 {
		r.Done = nil
	}
	if r.Current == o.ID {
		r.Current = ""
	}
	s.Placements = slices.DeleteFunc(s.Placements, func(p Placement) bool {
		return p.Participant == o.ID && slices.Contains(r.Dimensions, p.Dimension)
	})
	return nil
}

// checkTurn checks that a round collects placements and id is in it.
func (s *Session) checkTurn(what, id string) error {
	if !s.InRound() {
		return fmt.Errorf("%s: %w", what, ErrNoRound)
	}
	if !slices.Contains(s.Round.Order, id) {
		return fmt.Errorf("%s: %w %q in this round", what, ErrUnknownParticipant, id)
	}
	return nil
}
