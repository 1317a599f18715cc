package canvas

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Shape is a participant's marker shape.
type Shape string

// Marker shapes, in the order new participants get them.
const (
	ShapeCircle   Shape = "circle"
	ShapeSquare   Shape = "square"
	ShapeTriangle Shape = "triangle"
	ShapeDiamond  Shape = "diamond"
	ShapePentagon Shape = "pentagon"
	ShapeHexagon  Shape = "hexagon"
)

// Shapes lists every marker shape.
var Shapes = []Shape{ShapeCircle, ShapeSquare, ShapeTriangle, ShapeDiamond, ShapePentagon, ShapeHexagon}

// ValidShape reports whether sh is a known marker shape.
func ValidShape(sh Shape) bool { return slices.Contains(Shapes, sh) }

// PaletteSize is the number of participant colours.
func PaletteSize() int { return len(participantPalette) }

// Errors of participant editing.
var (
	ErrUnknownParticipant = errors.New("unknown participant")
	ErrNameRequired       = errors.New("a participant needs a name")
	ErrTooManyPeople      = errors.New("too many participants")
)

// MaxParticipants bounds a session's participants.
const MaxParticipants = 200

// AddParticipant adds a person with the first colour and shape pair no one
// else has, so markers stay distinguishable.
func (s *Session) AddParticipant(name, role string) (Participant, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return Participant{}, ErrNameRequired
	}
	if len(s.Participants) >= MaxParticipants {
		return Participant{}, fmt.Errorf("%w: at most %d", ErrTooManyPeople, MaxParticipants)
	}
	p := Participant{ID: NewID(), Name: name, Role: strings.TrimSpace(role)}
	p.Colour, p.Shape = s.freeMarker()
	s.Participants = append(s.Participants, p)
	return p, nil
}

// freeMarker is the first colour and shape pair no participant has,
// starting from the next position so neighbours differ in both.
func (s *Session) freeMarker() (int, Shape) {
	used := map[[2]int]bool{}
	for _, p := range s.Participants {
		used[[2]int{p.Colour, slices.Index(Shapes, p.Shape)}] = true
	}
	n := len(s.Participants)
	for i := 0; i < PaletteSize()*len(Shapes); i++ {
		c, sh := (n+i)%PaletteSize(), (n+i)%len(Shapes)
		if !used[[2]int{c, sh}] {
			return c, Shapes[sh]
		}
	}
	return n % PaletteSize(), Shapes[n%len(Shapes)]
}

func (s *Session) participantIndex(id string) int {
	return slices.IndexFunc(s.Participants, func(p Participant) bool { return p.ID == id })
}

// UpdateParticipant renames a participant or changes their role.
func (s *Session) UpdateParticipant(id, name, role string) error {
	i := s.participantIndex(id)
	if i < 0 {
		return fmt.Errorf("%w %q", ErrUnknownParticipant, id)
	}
	name = strings.TrimSpace(name)
	if name == "" {
		return ErrNameRequired
	}
	s.Participants[i].Name, s.Participants[i].Role = name, strings.TrimSpace(role)
	return nil
}

// MoveParticipant moves a participant by delta places in the order, which
// is also the turn order of a blind round.
func (s *Session) MoveParticipant(id string, delta int) error {
	i := s.participantIndex(id)
	if i < 0 {
		return fmt.Errorf("%w %q", ErrUnknownParticipant, id)
	}
	j := max(0, min(len(s.Participants)-1, i+delta))
	p := s.Participants[i]
	s.Participants = slices.Delete(s.Participants, i, i+1)
	s.Participants = slices.Insert(s.Participants, j, p)
	return nil
}

// Removed is what RemoveParticipant took out, so it can be put back.
type Removed struct {
	Participant Participant
	Index       int
	Placements  []Placement
	// RoundIndex is the place in the round's turn order, -1 if none;
	// RoundDone whether they had placed in that round.
	RoundIndex int
	RoundDone  bool
}

// RemoveParticipant removes a participant with their placements.
func (s *Session) RemoveParticipant(id string) (Removed, error) {
	i := s.participantIndex(id)
	if i < 0 {
		return Removed{}, fmt.Errorf("%w %q", ErrUnknownParticipant, id)
	}
	r := Removed{Participant: s.Participants[i], Index: i, RoundIndex: -1}
	s.Participants = slices.Delete(s.Participants, i, i+1)
	s.Placements = slices.DeleteFunc(s.Placements, func(p Placement) bool {
		if p.Participant == id {
			r.Placements = append(r.Placements, p)
			return true
		}
		return false
	})
	if s.Round != nil {
		r.RoundIndex = slices.Index(s.Round.Order, id)
		r.RoundDone = slices.Contains(s.Round.Done, id)
		s.Round.Order = slices.DeleteFunc(s.Round.Order, func(x string) bool { return x == id })
		s.Round.Done = slices.DeleteFunc(s.Round.Done, func(x string) bool { return x == id })
		if s.Round.Current == id {
			s.Round.Current = ""
		}
	}
	return r, nil
}

// Restore undoes RemoveParticipant, including their turn in a round.
func (s *Session) Restore(r Removed) {
	i := min(r.Index, len(s.Participants))
	p := r.Participant
	// Someone added since may have taken the marker; markers must differ.
	if slices.ContainsFunc(s.Participants, func(o Participant) bool { return o.Colour == p.Colour && o.Shape == p.Shape }) {
		p.Colour, p.Shape = s.freeMarker()
	}
	s.Participants = slices.Insert(s.Participants, i, p)
	s.Placements = append(s.Placements, r.Placements...)
	if s.Round != nil && r.RoundIndex >= 0 && !slices.Contains(s.Round.Order, r.Participant.ID) {
		s.Round.Order = slices.Insert(s.Round.Order, min(r.RoundIndex, len(s.Round.Order)), r.Participant.ID)
		if r.RoundDone {
			s.Round.Done = append(s.Round.Done, r.Participant.ID)
		}
	}
}

// HasPlacements reports whether a participant placed any marker.
func (s *Session) HasPlacements(id string) bool {
	return slices.ContainsFunc(s.Placements, func(p Placement) bool { return p.Participant == id })
}

// Placement returns a participant's placement on a dimension.
func (s *Session) Placement(participant, dim string) (Placement, bool) {
	for _, p := range s.Placements {
		if p.Participant == participant && p.Dimension == dim {
			return p, true
		}
	}
	return Placement{}, false
}

// SetPlacement records or replaces a participant's placement on a
// dimension.
func (s *Session) SetPlacement(pl Placement) error {
	if s.participantIndex(pl.Participant) < 0 {
		return fmt.Errorf("%w %q", ErrUnknownParticipant, pl.Participant)
	}
	if _, ok := s.Dimension(pl.Dimension); !ok {
		return fmt.Errorf("%w %q", ErrUnknownDimension, pl.Dimension)
	}
	if pl.Value < MinValue || pl.Value > MaxValue {
		return fmt.Errorf("placement: %w (got %d)", ErrValueRange, pl.Value)
	}
	if pl.Confidence < 0 || pl.Confidence > MaxConfidence {
		return fmt.Errorf("placement: %w (got %d)", ErrConfidenceRange, pl.Confidence)
	}
	if err := checkControl("note", pl.Note); err != nil {
		return fmt.Errorf("placement: %w", err) // the session file refuses them
	}
	for i := range s.Placements {
		if s.Placements[i].Participant == pl.Participant && s.Placements[i].Dimension == pl.Dimension {
			s.Placements[i] = pl
			return nil
		}
	}
	s.Placements = append(s.Placements, pl)
	return nil
}

// Upgrade fills in what records from before a feature existed lack: a
// participant without a marker shape gets the colour and shape of their
// position, as a file without them does on import.
func (s *Session) Upgrade() {
	for i := range s.Participants {
		if s.Participants[i].Shape == "" {
			s.Participants[i].Colour = i % PaletteSize()
			s.Participants[i].Shape = Shapes[i%len(Shapes)]
		}
	}
}

// ClearPlacement removes a participant's placement on a dimension.
func (s *Session) ClearPlacement(participant, dim string) {
	s.Placements = slices.DeleteFunc(s.Placements, func(p Placement) bool {
		return p.Participant == participant && p.Dimension == dim
	})
}
