package canvas

import "slices"

// Part names a part of a session that an operation changes, so a listener
// redraws only what a change touched and the history keeps only what an
// operation can alter.
type Part uint16

// The parts of a session.
const (
	// PartPositions is the team's agreed current values, targets and notes.
	PartPositions Part = 1 << iota
	// PartPlacements is the participants' own markers.
	PartPlacements
	// PartParticipants is who is in the room and in which order.
	PartParticipants
	// PartActions is the follow-ups the team agreed on.
	PartActions
	// PartSettings is the facilitation options.
	PartSettings
	// PartRound is the round in progress or last run.
	PartRound
	// PartHeader is the title and the product.
	PartHeader
	// PartTensions is the tensions the team accepted, with their reasons.
	PartTensions
	// PartDimensions is the session's list of dimensions, with their
	// snapshots of custom dimensions.
	PartDimensions
)

// Has reports whether p includes every part of q.
func (p Part) Has(q Part) bool { return p&q == q }

// Cause says why a change happened, so a listener can, for example, move
// the selection to an undone edit but leave it alone for a remote one.
type Cause int

// The causes of a change.
const (
	CauseApply Cause = iota
	CauseUndo
	CauseRedo
	// CauseRemote is a change made away from the keyboard, by a phone in
	// a phone round (see Owner.ApplyRemote).
	CauseRemote
)

// Change is what one applied, undone or redone operation changed. The
// listeners of an Owner receive it after the session has changed.
type Change struct {
	Parts Part
	// Dimensions are the dimensions whose figures may have moved; nil means
	// any of them.
	Dimensions []string
	Cause      Cause
}

// Touches reports whether the change may alter what is shown for the
// dimension key.
func (c Change) Touches(key string) bool {
	return c.Dimensions == nil || slices.Contains(c.Dimensions, key)
}

// Op is one change to a session: a small value the Owner validates,
// applies and records for undo. Every op leaves the session unchanged when
// it returns an error.
type Op interface {
	// parts are what apply may change; the Owner keeps a copy of them to
	// undo the op.
	parts() Part
	// dims are the dimensions the op touches, nil for any.
	dims() []string
	apply(s *Session) error
}

// merger is implemented by ops whose runs make one undo step, such as the
// moves of one slider drag.
type merger interface {
	mergeKey() string
}

// joiner is implemented by ops that only keep books, such as who is on
// the private screen. Undoing one alone would change nothing a person can
// see, so it joins the undo step before it.
type joiner interface {
	joinsPrevious()
}

// partState is a copy of some parts of a session, enough to put them back.
type partState struct {
	parts        Part
	positions    []Position
	placements   []Placement
	participants []Participant
	actions      []Action
	accepted     []AcceptedTension
	dimensions   []Dimension
	settings     Settings
	round        *Round
	title        string
	product      string
}

// capture copies the parts of s named by parts. The copy shares no memory
// with s, so later edits of s leave it alone.
func capture(s *Session, parts Part) partState {
	st := partState{parts: parts}
	c := s.Clone()
	if parts.Has(PartPositions) {
		st.positions = c.Positions
	}
	if parts.Has(PartPlacements) {
		st.placements = c.Placements
	}
	if parts.Has(PartParticipants) {
		st.participants = c.Participants
	}
	if parts.Has(PartActions) {
		st.actions = c.Actions
	}
	if parts.Has(PartTensions) {
		st.accepted = c.AcceptedTensions
	}
	if parts.Has(PartSettings) {
		st.settings = c.Settings
	}
	if parts.Has(PartDimensions) {
		st.dimensions = c.Dimensions
	}
	if parts.Has(PartRound) {
		st.round = c.Round
	}
	if parts.Has(PartHeader) {
		st.title, st.product = c.Title, c.Product
	}
	return st
}

// with adds the parts of o that st lacks.
func (st partState) with(o partState) partState {
	add := o.parts &^ st.parts
	st.parts |= add
	if add.Has(PartPositions) {
		st.positions = o.positions
	}
	if add.Has(PartPlacements) {
		st.placements = o.placements
	}
	if add.Has(PartParticipants) {
		st.participants = o.participants
	}
	if add.Has(PartActions) {
		st.actions = o.actions
	}
	if add.Has(PartTensions) {
		st.accepted = o.accepted
	}
	if add.Has(PartSettings) {
		st.settings = o.settings
	}
	if add.Has(PartDimensions) {
		st.dimensions = o.dimensions
	}
	if add.Has(PartRound) {
		st.round = o.round
	}
	if add.Has(PartHeader) {
		st.title, st.product = o.title, o.product
	}
	return st
}

// restore puts the captured parts back into s. It copies again, so one
// state can be restored any number of times (undo, redo, undo).
func (st partState) restore(s *Session) {
	c := (&Session{
		Positions: st.positions, Placements: st.placements, Participants: st.participants,
		Actions: st.actions, AcceptedTensions: st.accepted, Round: st.round, Dimensions: st.dimensions,
	}).Clone()
	if st.parts.Has(PartPositions) {
		s.Positions = c.Positions
	}
	if st.parts.Has(PartPlacements) {
		s.Placements = c.Placements
	}
	if st.parts.Has(PartParticipants) {
		s.Participants = c.Participants
	}
	if st.parts.Has(PartActions) {
		s.Actions = c.Actions
	}
	if st.parts.Has(PartTensions) {
		s.AcceptedTensions = c.AcceptedTensions
	}
	if st.parts.Has(PartSettings) {
		s.Settings = st.settings
	}
	if st.parts.Has(PartDimensions) {
		s.Dimensions = c.Dimensions
	}
	if st.parts.Has(PartRound) {
		s.Round = c.Round
	}
	if st.parts.Has(PartHeader) {
		s.Title, s.Product = st.title, st.product
	}
}
