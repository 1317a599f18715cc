package canvas

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"time"
)

// Value bounds of every spectrum.
const (
	MinValue = 0
	MaxValue = 100
)

// Session is one workshop: a product placed on a set of dimensions by a team.
type Session struct {
	ID          string    `json:"id"`
	Title       string    `json:"title"`
	Product     string    `json:"product"`
	Facilitator string    `json:"facilitator,omitempty"`
	Template    string    `json:"template,omitempty"`
	Created     time.Time `json:"created"`
	Updated     time.Time `json:"updated"`

	// Dimensions is the snapshot taken when the session was created.
	Dimensions   []Dimension   `json:"dimensions"`
	Participants []Participant `json:"participants,omitempty"`
	Placements   []Placement   `json:"placements,omitempty"`
	Positions    []Position    `json:"positions,omitempty"`
	Actions      []Action      `json:"actions,omitempty"`
	// AcceptedTensions are the tensions the team decided to live with, by
	// rule key, each with its reason.
	AcceptedTensions []AcceptedTension `json:"accepted_tensions,omitempty"`
	Settings         Settings          `json:"settings"`
	// Round is the blind round in progress or last run; nil before any.
	Round *Round `json:"round,omitempty"`
}

// DefaultThreshold is the spread from which a dimension is flagged for
// discussion.
const DefaultThreshold = 40

// Settings are a session's facilitation options. Zero values are the
// defaults, so sessions and files from before a setting existed still work.
type Settings struct {
	// Threshold is the spread that flags a dimension "discuss"; 0 means
	// DefaultThreshold.
	Threshold int `json:"threshold,omitempty"`
	// Anonymous hides names and colours of markers on screen and in the PDF.
	Anonymous bool `json:"anonymous,omitempty"`
	// TimerSeconds is the timebox; 0 means no timer.
	TimerSeconds int `json:"timer_seconds,omitempty"`
	// TimerScope is TimerPerDimension or TimerPerRound.
	TimerScope string `json:"timer_scope,omitempty"`
}

// Timer scopes.
const (
	TimerPerDimension = "dimension"
	TimerPerRound     = "round"
)

// DiscussThreshold is the effective threshold.
func (st Settings) DiscussThreshold() int {
	if st.Threshold <= 0 {
		return DefaultThreshold
	}
	return st.Threshold
}

// Participant is one person in the room. Colour indexes the colour-blind
// safe palette and Shape names a marker shape, so markers differ both with
// and without colour.
type Participant struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Role   string `json:"role,omitempty"`
	Colour int    `json:"colour"`
	Shape  Shape  `json:"shape,omitempty"`
}

// Placement is one participant's own marker on one dimension.
type Placement struct {
	Dimension   string `json:"dimension"`
	Participant string `json:"participant"`
	Value       int    `json:"value"`
	// Confidence is 1 to 5, or 0 when the participant gave none.
	Confidence int    `json:"confidence,omitempty"`
	Note       string `json:"note,omitempty"`
}

// Position is what the team agreed for a dimension: where the product is
// now and, optionally, where it should be.
type Position struct {
	Dimension string `json:"dimension"`
	Current   *int   `json:"current,omitempty"`
	Target    *int   `json:"target,omitempty"`
	Note      string `json:"note,omitempty"`
}

// Action is a follow-up the team agreed on.
type Action struct {
	Text      string `json:"text"`
	Owner     string `json:"owner,omitempty"`
	Due       string `json:"due,omitempty"` // YYYY-MM-DD
	Dimension string `json:"dimension,omitempty"`
	Done      bool   `json:"done,omitempty"`
}

// DueLayout is the date layout of Action.Due.
const DueLayout = "2006-01-02"

// ErrUnknownTemplate and ErrUnknownDimension are returned when a key does
// not name anything in the catalogue.
var (
	ErrUnknownTemplate  = errors.New("unknown template")
	ErrUnknownDimension = errors.New("unknown dimension")
	ErrValueRange       = errors.New("value must be an integer from 0 to 100")
	// ErrConfidenceRange means a confidence outside 1 to 5 (0 is "none").
	ErrConfidenceRange = errors.New("confidence must be 1 to 5, or 0 for none")
)

// NewID returns a random identifier for sessions and participants.
func NewID() string {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		// crypto/rand does not fail on supported platforms; a time-based id
		// keeps the program usable if it ever does.
		return fmt.Sprintf("%016x", time.Now().UnixNano())
	}
	return hex.EncodeToString(b[:])
}

// NewSession starts a session from a built-in template at time now; see
// Library.NewSession for custom ones.
func NewSession(templateKey, title, product string, now time.Time) (*Session, error) {
	return Library{}.NewSession(templateKey, title, product, now)
}

// SnapshotDimensions copies the catalogue entries for keys, in that order.
func SnapshotDimensions(keys []string) ([]Dimension, error) {
	dims := make([]Dimension, 0, len(keys))
	for _, k := range keys {
		d, ok := LookupDimension(k)
		if !ok {
			return nil, fmt.Errorf("%w %q", ErrUnknownDimension, k)
		}
		dims = append(dims, d)
	}
	return dims, nil
}

// Clone returns a deep copy, so a saver can keep a snapshot while the UI
// goes on editing the original.
func (s *Session) Clone() *Session {
	c := *s
	c.Dimensions = slices.Clone(s.Dimensions)
	c.Participants = slices.Clone(s.Participants)
	c.Placements = slices.Clone(s.Placements)
	c.Actions = slices.Clone(s.Actions)
	c.AcceptedTensions = slices.Clone(s.AcceptedTensions)
	if s.Round != nil {
		r := *s.Round
		r.Dimensions = slices.Clone(s.Round.Dimensions)
		r.Order = slices.Clone(s.Round.Order)
		r.Done = slices.Clone(s.Round.Done)
		c.Round = &r
	}
	c.Positions = make([]Position, len(s.Positions))
	for i, p := range s.Positions {
		c.Positions[i] = Position{Dimension: p.Dimension, Current: cloneInt(p.Current), Target: cloneInt(p.Target), Note: p.Note}
	}
	if s.Positions == nil {
		c.Positions = nil
	}
	return &c
}

func cloneInt(p *int) *int {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// Dimension returns the session's snapshot of a dimension.
func (s *Session) Dimension(key string) (Dimension, bool) {
	for _, d := range s.Dimensions {
		if d.Key == key {
			return d, true
		}
	}
	return Dimension{}, false
}

// Position returns the agreed position for a dimension, which is the zero
// Position (nothing set) when the team has not touched it yet.
func (s *Session) Position(key string) Position {
	for _, p := range s.Positions {
		if p.Dimension == key {
			return p
		}
	}
	return Position{Dimension: key}
}

func (s *Session) position(key string) (*Position, error) {
	if _, ok := s.Dimension(key); !ok {
		return nil, fmt.Errorf("%w %q in session %s", ErrUnknownDimension, key, s.ID)
	}
	for i := range s.Positions {
		if s.Positions[i].Dimension == key {
			return &s.Positions[i], nil
		}
	}
	s.Positions = append(s.Positions, Position{Dimension: key})
	return &s.Positions[len(s.Positions)-1], nil
}

// SetCurrent sets the agreed current value of a dimension.
func (s *Session) SetCurrent(key string, value int) error {
	if value < MinValue || value > MaxValue {
		return fmt.Errorf("set %s: %w (got %d)", key, ErrValueRange, value)
	}
	p, err := s.position(key)
	if err != nil {
		return err
	}
	p.Current = &value
	return nil
}

// SetTarget sets or, with nil, clears the target value of a dimension.
func (s *Session) SetTarget(key string, value *int) error {
	if value != nil && (*value < MinValue || *value > MaxValue) {
		return fmt.Errorf("set target %s: %w (got %d)", key, ErrValueRange, *value)
	}
	p, err := s.position(key)
	if err != nil {
		return err
	}
	p.Target = cloneInt(value)
	return nil
}

// SetNote sets the team's note on a dimension.
func (s *Session) SetNote(key, note string) error {
	p, err := s.position(key)
	if err != nil {
		return err
	}
	p.Note = note
	return nil
}

// PlacementsFor returns the participants' values on a dimension, in
// participant order.
func (s *Session) PlacementsFor(key string) []Placement {
	var out []Placement
	for _, p := range s.Placements {
		if p.Dimension == key {
			out = append(out, p)
		}
	}
	return out
}

// Participant finds a participant by id.
func (s *Session) Participant(id string) (Participant, bool) {
	for _, p := range s.Participants {
		if p.ID == id {
			return p, true
		}
	}
	return Participant{}, false
}

// Touch marks the session as changed at now.
func (s *Session) Touch(now time.Time) {
	s.Updated = now.UTC().Truncate(time.Millisecond)
}
