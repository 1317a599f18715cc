package canvas

// Queries only the tests of package canvas_test ask; the app and the CLI
// have no use for them, so they are not part of the package's API.

// ParticipantIndex is the position of a participant in the session, which
// orders legends and turns; -1 if unknown.
func (s *Session) ParticipantIndex(id string) int { return s.participantIndex(id) }

// RoundComplete reports whether everyone in the round has placed.
func (s *Session) RoundComplete() bool {
	return s.Round != nil && s.NextInRound() == ""
}
