package canvas

import (
	"errors"
	"fmt"
	"slices"
	"time"
)

// Round modes: in a blind round each participant places their own markers
// on a private screen; in a recorded round the facilitator types in the
// values the room calls out.
const (
	RoundBlind  = "blind"
	RoundRecord = "record"
)

// Round is a placement round: who places, on which dimensions, who has
// finished, and whether the markers have been revealed.
type Round struct {
	Mode       string    `json:"mode"`
	Dimensions []string  `json:"dimensions"`
	Order      []string  `json:"order"`
	Done       []string  `json:"done,omitempty"`
	Current    string    `json:"current,omitempty"`
	Revealed   bool      `json:"revealed,omitempty"`
	Started    time.Time `json:"started"`
}

// Errors of rounds.
var (
	ErrNoParticipants = errors.New("add participants before starting a round")
	ErrNoRound        = errors.New("no round is in progress")
	ErrRoundMode      = errors.New("round mode must be blind or record")
)

// StartRound begins a round over dims (all of the session's when empty),
// with every participant in their current order. Earlier placements on
// those dimensions are cleared: a round starts blank.
func (s *Session) StartRound(mode string, dims []string, now time.Time) error {
	return s.StartRoundWith(mode, dims, nil, now)
}

// StartRoundWith is StartRound for the participants in people only (every
// participant when empty): whoever is not in the room takes no turn. The
// turn order is the session's order of participants.
func (s *Session) StartRoundWith(mode string, dims, people []string, now time.Time) error {
	if mode != RoundBlind && mode != RoundRecord {
		return fmt.Errorf("%w (got %q)", ErrRoundMode, mode)
	}
	if len(s.Participants) == 0 {
		return ErrNoParticipants
	}
	if len(dims) == 0 {
		for _, d := range s.Dimensions {
			dims = append(dims, d.Key)
		}
	}
	for _, k := range dims {
		if _, ok := s.Dimension(k); !ok {
			return fmt.Errorf("start round: %w %q", ErrUnknownDimension, k)
		}
	}
	for i, id := range people {
		if s.participantIndex(id) < 0 {
			return fmt.Errorf("start round: %w %q", ErrUnknownParticipant, id)
		}
		if slices.Index(people, id) < i {
			return fmt.Errorf("start round: participant %q is listed twice", id)
		}
	}
	r := &Round{Mode: mode, Dimensions: slices.Clone(dims), Started: now.UTC().Truncate(time.Second)}
	for _, p := range s.Participants {
		if len(people) == 0 || slices.Contains(people, p.ID) {
			r.Order = append(r.Order, p.ID)
		}
	}
	s.Placements = slices.DeleteFunc(s.Placements, func(p Placement) bool {
		return slices.Contains(dims, p.Dimension)
	})
	s.Round = r
	return nil
}

// PlacementsInRound counts the placements a new round on dims would clear.
func (s *Session) PlacementsInRound(dims []string) int {
	n := 0
	for _, p := range s.Placements {
		if len(dims) == 0 || slices.Contains(dims, p.Dimension) {
			n++
		}
	}
	return n
}

// PlacementsVisible reports whether individual markers may be shown: always
// outside a round, and inside one only after the reveal.
func (s *Session) PlacementsVisible() bool {
	return s.Round == nil || s.Round.Revealed
}

// InRound reports whether a round is collecting placements.
func (s *Session) InRound() bool { return s.Round != nil && !s.Round.Revealed }

// NextInRound is the first participant who has not placed yet, or "".
func (s *Session) NextInRound() string {
	if s.Round == nil {
		return ""
	}
	for _, id := range s.Round.Order {
		if !slices.Contains(s.Round.Done, id) {
			return id
		}
	}
	return ""
}

// BeginTurn puts a participant on the private screen.
func (s *Session) BeginTurn(id string) error {
	if !s.InRound() {
		return ErrNoRound
	}
	if !slices.Contains(s.Round.Order, id) {
		return fmt.Errorf("%w %q in this round", ErrUnknownParticipant, id)
	}
	s.Round.Current = id
	return nil
}

// FinishTurn marks a participant as having placed and hands over.
func (s *Session) FinishTurn(id string) error {
	if !s.InRound() {
		return ErrNoRound
	}
	if !slices.Contains(s.Round.Order, id) {
		return fmt.Errorf("%w %q in this round", ErrUnknownParticipant, id)
	}
	if !slices.Contains(s.Round.Done, id) {
		s.Round.Done = append(s.Round.Done, id)
	}
	// Only the person on the laptop's private screen leaves it: a phone
	// that finishes meanwhile must not hand the laptop over.
	if s.Round.Current == id {
		s.Round.Current = ""
	}
	return nil
}

// Reveal shows every marker at once. It agrees nothing: the medians are
// proposals until the team agrees (see Agree), so a stored Current is
// always a decision somebody made.
func (s *Session) Reveal() error {
	if s.Round == nil {
		return ErrNoRound
	}
	s.Round.Revealed = true
	s.Round.Current = ""
	return nil
}
