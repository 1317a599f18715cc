package canvas

import (
	"fmt"
	"slices"
)

// RecordValue is one cell of the record-votes grid: the value a
// participant called out on a dimension, or with a nil Value none. A
// participant with a recorded value counts as having placed in the round.
// The keystrokes of one cell merge into one undo step.
type RecordValue struct {
	Participant, Dimension string
	Value                  *int
}

func (o RecordValue) parts() Part    { return PartPlacements | PartRound }
func (o RecordValue) dims() []string { return []string{o.Dimension} }
func (o RecordValue) mergeKey() string {
	return "record/" + o.Participant + "/" + o.Dimension
}

func (o RecordValue) apply(s *Session) error {
	if !s.InRound() || s.Round.Mode != RoundRecord {
		return fmt.Errorf("record value: %w", ErrNoRound)
	}
	if !slices.Contains(s.Round.Order, o.Participant) {
		return fmt.Errorf("record value: %w %q in this round", ErrUnknownParticipant, o.Participant)
	}
	if o.Value == nil {
		if _, ok := s.Dimension(o.Dimension); !ok {
			return fmt.Errorf("record value: %w %q", ErrUnknownDimension, o.Dimension)
		}
		s.ClearPlacement(o.Participant, o.Dimension)
		return nil
	}
	pl, _ := s.Placement(o.Participant, o.Dimension)
	pl.Participant, pl.Dimension, pl.Value = o.Participant, o.Dimension, *o.Value
	if err := s.SetPlacement(pl); err != nil {
		return fmt.Errorf("record value: %w", err)
	}
	if !slices.Contains(s.Round.Done, o.Participant) {
		s.Round.Done = append(s.Round.Done, o.Participant)
	}
	return nil
}
