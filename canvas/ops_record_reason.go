package canvas

import (
	"errors"
	"fmt"
	"slices"
)

// ErrNoValue means a confidence or rationale was given for a cell of the
// record-votes grid that holds no value yet: a reason belongs to a
// placement.
var ErrNoValue = errors.New("record a value first")

// RecordReason sets the confidence (1 to MaxConfidence, 0 for none) and
// the rationale of a value already recorded in the record-votes grid. The
// edits of one cell merge into one undo step.
type RecordReason struct {
	Participant, Dimension string
	Confidence             int
	Note                   string
}

func (o RecordReason) parts() Part    { return PartPlacements }
func (o RecordReason) dims() []string { return []string{o.Dimension} }
func (o RecordReason) mergeKey() string {
	return "reason/" + o.Participant + "/" + o.Dimension
}

func (o RecordReason) apply(s *Session) error {
	if !s.InRound() || s.Round.Mode != RoundRecord {
		return fmt.Errorf("record reason: %w", ErrNoRound)
	}
	if !slices.Contains(s.Round.Order, o.Participant) {
		return fmt.Errorf("record reason: %w %q in this round", ErrUnknownParticipant, o.Participant)
	}
	if _, ok := s.Dimension(o.Dimension); !ok {
		return fmt.Errorf("record reason: %w %q", ErrUnknownDimension, o.Dimension)
	}
	if o.Confidence < 0 || o.Confidence > MaxConfidence {
		return fmt.Errorf("record reason: confidence must be 1 to %d, or 0 for none (got %d)", MaxConfidence, o.Confidence)
	}
	pl, ok := s.Placement(o.Participant, o.Dimension)
	if !ok {
		return fmt.Errorf("record reason for %s on %s: %w", o.Participant, o.Dimension, ErrNoValue)
	}
	pl.Confidence, pl.Note = o.Confidence, o.Note
	return s.SetPlacement(pl)
}
