package canvas

import (
	"errors"
	"fmt"
	"slices"
	"unicode/utf8"
)

// A phone round is a blind round whose participants answer from their own
// phones, all at once. Each answer is one Answer op, applied through
// Owner.ApplyRemote; the laptop's hand-over screen still serves whoever has
// no phone, in the same round.

// Errors of answers.
var (
	// ErrNotInRound means a placement was sent for a participant or a
	// dimension the open round does not ask about.
	ErrNotInRound = errors.New("not in this round")
	// ErrBadNote means a rationale the session file would refuse, or one
	// longer than MaxAnswerNote.
	ErrBadNote = errors.New("the note is not acceptable")
)

// MaxAnswerNote bounds a rationale sent from a phone, in characters, as
// the page's own field does: without it, a few people holding the round's
// token could grow the session past MaxFileSize, and it would no longer
// export.
const MaxAnswerNote = 2000

// Answer places one participant's marker in the open round. When it is
// their last unanswered dimension of the round they are marked finished,
// in the same change, so "done" means "answered everything" wherever it is
// shown. They may keep changing answers until the reveal.
type Answer struct{ Placement Placement }

func (o Answer) parts() Part    { return PartPlacements | PartRound }
func (o Answer) dims() []string { return []string{o.Placement.Dimension} }
func (o Answer) apply(s *Session) error {
	p := o.Placement
	if err := s.checkTurn("answer", p.Participant); err != nil {
		return err
	}
	if n := utf8.RuneCountInString(p.Note); n > MaxAnswerNote {
		return fmt.Errorf("answer: %w: %d characters, at most %d", ErrBadNote, n, MaxAnswerNote)
	}
	if err := checkControl("note", p.Note); err != nil {
		return fmt.Errorf("answer: %w: %w", ErrBadNote, err)
	}
	if !slices.Contains(s.Round.Dimensions, p.Dimension) {
		if _, ok := s.Dimension(p.Dimension); !ok {
			return fmt.Errorf("answer: %w %q", ErrUnknownDimension, p.Dimension)
		}
		return fmt.Errorf("answer: dimension %q is %w", p.Dimension, ErrNotInRound)
	}
	if err := s.SetPlacement(p); err != nil {
		return err
	}
	if s.AnsweredAll(p.Participant) && !slices.Contains(s.Round.Done, p.Participant) {
		s.Round.Done = append(s.Round.Done, p.Participant)
	}
	return nil
}

// unchanged: the same answer again, which cannot make its sender done
// either. The op changes nothing on error (it checks before it writes).
func (o Answer) unchanged(s *Session) bool {
	p := o.Placement
	old, ok := s.Placement(p.Participant, p.Dimension)
	if !ok || old != p || s.Round == nil {
		return false
	}
	return slices.Contains(s.Round.Done, p.Participant) || !s.AnsweredAll(p.Participant)
}

// AnsweredAll reports whether id has a marker on every dimension of the
// open round.
func (s *Session) AnsweredAll(id string) bool {
	if s.Round == nil {
		return false
	}
	// One pass over the placements: a room of 50 answering 23 dimensions
	// holds 1,150 of them, and this runs on every answer.
	n := 0
	for _, p := range s.Placements {
		if p.Participant == id && slices.Contains(s.Round.Dimensions, p.Dimension) {
			n++
		}
	}
	return n == len(s.Round.Dimensions)
}
