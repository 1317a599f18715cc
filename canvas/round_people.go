package canvas

import (
	"errors"
	"fmt"
	"slices"
)

// Rounds fit the room: a person who is out when their turn comes is
// skipped and comes back at the end of the queue, and a person who will not
// place at all leaves the round's order for this round.

// Errors of the round's people.
var (
	// ErrLastInRound means the one person left in a round cannot leave
	// it: a round needs somebody to place.
	ErrLastInRound = errors.New("the last person in a round cannot leave it")
	// ErrNobodyElse means there is nobody to pass on to: everyone else
	// in the round has placed.
	ErrNobodyElse = errors.New("everyone else has placed")
)

// CanSkip reports whether SkipTurn would pass over id: they have not
// placed, and somebody else in the round has not either.
func (s *Session) CanSkip(id string) bool { return s.skipProblem(id) == nil }

// CanLeaveRound reports whether NotPlacing would take id out of the round.
func (s *Session) CanLeaveRound(id string) bool { return s.leaveProblem(id) == nil }

func (s *Session) skipProblem(id string) error {
	if err := s.checkTurn("skip", id); err != nil {
		return err
	}
	if slices.Contains(s.Round.Done, id) {
		return fmt.Errorf("skip %q: they have placed already", id)
	}
	for _, other := range s.Round.Order {
		if other != id && !slices.Contains(s.Round.Done, other) {
			return nil
		}
	}
	return fmt.Errorf("skip %q: %w", id, ErrNobodyElse)
}

func (s *Session) leaveProblem(id string) error {
	if err := s.checkTurn("not placing", id); err != nil {
		return err
	}
	if len(s.Round.Order) == 1 {
		return fmt.Errorf("not placing %q: %w", id, ErrLastInRound)
	}
	return nil
}

// SkipTurn passes over a participant who has not placed yet: they move to
// the end of the round's order, so everyone else comes first and they can
// place when they are back.
type SkipTurn struct{ ID string }

func (o SkipTurn) parts() Part    { return PartRound }
func (o SkipTurn) dims() []string { return []string{} }
func (o SkipTurn) apply(s *Session) error {
	if err := s.skipProblem(o.ID); err != nil {
		return err
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
	if err := s.leaveProblem(o.ID); err != nil {
		return err
	}
	r := s.Round
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
