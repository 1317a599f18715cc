package canvas

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// The operations an Owner applies. Each is a small value that names what
// it changes; the Owner validates it by applying it to the session and
// keeps a copy of the parts it changes for undo.

// SetCurrent sets, or with a nil Value clears, the team's agreed position
// on a dimension.
type SetCurrent struct {
	Dimension string
	Value     *int
}

func (o SetCurrent) parts() Part      { return PartPositions }
func (o SetCurrent) dims() []string   { return []string{o.Dimension} }
func (o SetCurrent) mergeKey() string { return "current/" + o.Dimension }
func (o SetCurrent) apply(s *Session) error {
	if o.Value == nil {
		p, err := s.position(o.Dimension)
		if err != nil {
			return err
		}
		p.Current = nil
		return nil
	}
	return s.SetCurrent(o.Dimension, *o.Value)
}

// SetTarget sets, or with a nil Value clears, where the team wants a
// dimension to be.
type SetTarget struct {
	Dimension string
	Value     *int
}

func (o SetTarget) parts() Part            { return PartPositions }
func (o SetTarget) dims() []string         { return []string{o.Dimension} }
func (o SetTarget) mergeKey() string       { return "target/" + o.Dimension }
func (o SetTarget) apply(s *Session) error { return s.SetTarget(o.Dimension, o.Value) }

// SetNote sets the team's note on a dimension. The UI applies it per
// keystroke, so autosave keeps every letter, and seals when the edit is
// finished: the keystrokes of one edit merge into one undo step.
type SetNote struct {
	Dimension string
	Note      string
}

func (o SetNote) parts() Part            { return PartPositions }
func (o SetNote) dims() []string         { return []string{o.Dimension} }
func (o SetNote) mergeKey() string       { return "note/" + o.Dimension }
func (o SetNote) apply(s *Session) error { return s.SetNote(o.Dimension, o.Note) }

// SetPlacement records or replaces one participant's marker.
type SetPlacement struct{ Placement Placement }

func (o SetPlacement) parts() Part    { return PartPlacements }
func (o SetPlacement) dims() []string { return []string{o.Placement.Dimension} }
func (o SetPlacement) mergeKey() string {
	return "placement/" + o.Placement.Participant + "/" + o.Placement.Dimension
}
func (o SetPlacement) apply(s *Session) error { return s.SetPlacement(o.Placement) }

// ClearPlacement removes one participant's marker on a dimension.
type ClearPlacement struct{ Participant, Dimension string }

func (o ClearPlacement) parts() Part    { return PartPlacements }
func (o ClearPlacement) dims() []string { return []string{o.Dimension} }
func (o ClearPlacement) apply(s *Session) error {
	if s.participantIndex(o.Participant) < 0 {
		return fmt.Errorf("clear placement: %w %q", ErrUnknownParticipant, o.Participant)
	}
	s.ClearPlacement(o.Participant, o.Dimension)
	return nil
}

// AddParticipant adds a person; ID, when set, is the id they get, so a
// caller can refer to them afterwards. A person added while a round
// collects placements joins it, last in the turn order: a late arrival
// still places.
type AddParticipant struct{ ID, Name, Role string }

func (o AddParticipant) parts() Part    { return PartParticipants | PartRound }
func (o AddParticipant) dims() []string { return []string{} }
func (o AddParticipant) apply(s *Session) error {
	if o.ID != "" && s.participantIndex(o.ID) >= 0 {
		return fmt.Errorf("add participant: id %q is taken", o.ID)
	}
	p, err := s.AddParticipant(o.Name, o.Role)
	if err != nil {
		return err
	}
	if o.ID != "" {
		s.Participants[s.participantIndex(p.ID)].ID = o.ID
		p.ID = o.ID
	}
	if s.InRound() {
		s.Round.Order = append(s.Round.Order, p.ID)
	}
	return nil
}

// UpdateParticipant renames a participant or changes their role.
type UpdateParticipant struct{ ID, Name, Role string }

func (o UpdateParticipant) parts() Part    { return PartParticipants }
func (o UpdateParticipant) dims() []string { return []string{} }
func (o UpdateParticipant) apply(s *Session) error {
	return s.UpdateParticipant(o.ID, o.Name, o.Role)
}

// MoveParticipant moves a participant by Delta places in the turn order.
type MoveParticipant struct {
	ID    string
	Delta int
}

func (o MoveParticipant) parts() Part { return PartParticipants }

// dims is every dimension: the order of markers in the chart follows the
// participants' order.
func (o MoveParticipant) dims() []string         { return nil }
func (o MoveParticipant) apply(s *Session) error { return s.MoveParticipant(o.ID, o.Delta) }

// RemoveParticipant removes a participant with their placements and their
// turn in a round.
type RemoveParticipant struct{ ID string }

func (o RemoveParticipant) parts() Part {
	return PartParticipants | PartPlacements | PartRound
}
func (o RemoveParticipant) dims() []string { return nil }
func (o RemoveParticipant) apply(s *Session) error {
	_, err := s.RemoveParticipant(o.ID)
	return err
}

// SetSettings replaces the facilitation options after checking them.
type SetSettings struct{ Settings Settings }

func (o SetSettings) parts() Part    { return PartSettings }
func (o SetSettings) dims() []string { return nil }
func (o SetSettings) apply(s *Session) error {
	if err := o.Settings.Check(); err != nil {
		return err
	}
	s.Settings = o.Settings
	return nil
}

// MinThreshold is the smallest spread that flags a dimension; 0 in
// Settings.Threshold means the default.
const MinThreshold = 1

// Problems lists every field of st that is out of range, by its name in
// the file's settings ("threshold", "timer_seconds", "timer_scope"). A
// zero Threshold means the default and is fine.
func (st Settings) Problems() []Problem {
	var ps problems
	if st.Threshold != 0 && (st.Threshold < MinThreshold || st.Threshold > MaxValue) {
		ps.add("threshold", ProblemOutOfRange, st.Threshold, MinThreshold, MaxValue)
	}
	if st.TimerSeconds < 0 || st.TimerSeconds > MaxTimerSeconds {
		ps.add("timer_seconds", ProblemOutOfRange, st.TimerSeconds, 0, MaxTimerSeconds)
	}
	if st.TimerScope != "" && st.TimerScope != TimerPerDimension && st.TimerScope != TimerPerRound {
		ps.add("timer_scope", ProblemNotOneOf, TimerPerDimension, TimerPerRound, st.TimerScope)
	}
	return ps
}

// StartRound begins a round; see Session.StartRoundWith. It clears earlier
// placements on the round's dimensions. Participants are the people who
// take part, every participant when empty.
type StartRound struct {
	Mode         string
	Dimensions   []string
	Participants []string
	At           time.Time
}

func (o StartRound) parts() Part { return PartRound | PartPlacements }
func (o StartRound) dims() []string {
	if len(o.Dimensions) == 0 {
		return nil
	}
	return slices.Clone(o.Dimensions)
}
func (o StartRound) apply(s *Session) error {
	return s.StartRoundWith(o.Mode, o.Dimensions, o.Participants, o.At)
}

// BeginTurn puts a participant on the private screen of a blind round.
// It joins the undo step before it: who is up is the round's bookkeeping,
// and an undo that only changed it would seem to do nothing.
type BeginTurn struct{ ID string }

func (BeginTurn) joinsPrevious() {}

func (o BeginTurn) parts() Part            { return PartRound }
func (o BeginTurn) dims() []string         { return []string{} }
func (o BeginTurn) apply(s *Session) error { return s.BeginTurn(o.ID) }

// FinishTurn marks a participant as having placed.
type FinishTurn struct{ ID string }

func (o FinishTurn) parts() Part            { return PartRound }
func (o FinishTurn) dims() []string         { return []string{} }
func (o FinishTurn) apply(s *Session) error { return s.FinishTurn(o.ID) }

// Reveal shows every marker of the round at once; it agrees nothing.
type Reveal struct{}

func (Reveal) parts() Part            { return PartRound }
func (Reveal) dims() []string         { return nil }
func (Reveal) apply(s *Session) error { return s.Reveal() }

// AddAction appends a follow-up; its text is required.
type AddAction struct{ Action Action }

func (o AddAction) parts() Part    { return PartActions }
func (o AddAction) dims() []string { return []string{} }
func (o AddAction) apply(s *Session) error {
	if err := s.checkAction(o.Action); err != nil {
		return err
	}
	if len(s.Actions) >= MaxActions {
		return fmt.Errorf("add action: at most %d", MaxActions)
	}
	s.Actions = append(s.Actions, o.Action)
	return nil
}

// UpdateAction replaces the action at Index.
type UpdateAction struct {
	Index  int
	Action Action
}

func (o UpdateAction) parts() Part    { return PartActions }
func (o UpdateAction) dims() []string { return []string{} }
func (o UpdateAction) apply(s *Session) error {
	if o.Index < 0 || o.Index >= len(s.Actions) {
		return fmt.Errorf("update action: no action %d", o.Index+1)
	}
	if err := s.checkAction(o.Action); err != nil {
		return err
	}
	s.Actions[o.Index] = o.Action
	return nil
}

// DeleteAction removes the action at Index.
type DeleteAction struct{ Index int }

func (o DeleteAction) parts() Part    { return PartActions }
func (o DeleteAction) dims() []string { return []string{} }
func (o DeleteAction) apply(s *Session) error {
	if o.Index < 0 || o.Index >= len(s.Actions) {
		return fmt.Errorf("delete action: no action %d", o.Index+1)
	}
	s.Actions = slices.Delete(s.Actions, o.Index, o.Index+1)
	return nil
}

// MoveAction moves the action at Index by Delta places.
type MoveAction struct{ Index, Delta int }

func (o MoveAction) parts() Part    { return PartActions }
func (o MoveAction) dims() []string { return []string{} }
func (o MoveAction) apply(s *Session) error {
	if o.Index < 0 || o.Index >= len(s.Actions) {
		return fmt.Errorf("move action: no action %d", o.Index+1)
	}
	j := max(0, min(len(s.Actions)-1, o.Index+o.Delta))
	a := s.Actions[o.Index]
	s.Actions = slices.Insert(slices.Delete(s.Actions, o.Index, o.Index+1), j, a)
	return nil
}

// ErrActionText means an action has no text.
var ErrActionText = errors.New("an action needs a text")

// checkAction applies the rules the session file applies to an action.
func (s *Session) checkAction(a Action) error {
	if err := CheckActionText(a.Text); err != nil {
		return err
	}
	if err := checkControl("owner", a.Owner); err != nil {
		return err
	}
	if err := CheckDue(a.Due); err != nil {
		return err
	}
	if a.Dimension != "" {
		if _, ok := s.Dimension(a.Dimension); !ok {
			return fmt.Errorf("action: %w %q", ErrUnknownDimension, a.Dimension)
		}
	}
	return nil
}

// Rename sets the session's title and product.
type Rename struct{ Title, Product string }

func (o Rename) parts() Part    { return PartHeader }
func (o Rename) dims() []string { return []string{} }
func (o Rename) apply(s *Session) error {
	if strings.TrimSpace(o.Title) == "" {
		return errors.New("a session needs a title")
	}
	s.Title, s.Product = strings.TrimSpace(o.Title), strings.TrimSpace(o.Product)
	return nil
}
