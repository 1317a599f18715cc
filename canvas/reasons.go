package canvas

// Reason is one participant's placement on a dimension as the room may see
// it after the reveal: who (or, in an anonymous session, which number),
// their marker, value, confidence and rationale.
type Reason struct {
	Participant string
	// Number is the participant's place in the list, from 1: an anonymous
	// session names people by it, the same on every dimension.
	Number int
	// Name is empty in an anonymous session.
	Name       string
	Marker     ParticipantMarker
	Value      int
	Confidence int
	Note       string
}

// Reasons lists every placement on dimension key, in participant order,
// for the screens and the report. It is nil while a round hides the
// markers: nobody's value or rationale shows before the reveal.
func (s *Session) Reasons(key string) []Reason {
	if !s.PlacementsVisible() {
		return nil
	}
	var out []Reason
	for i, p := range s.Participants {
		pl, ok := s.Placement(p.ID, key)
		if !ok {
			continue
		}
		r := Reason{
			Participant: p.ID, Number: i + 1, Marker: MarkerStyle(s, i, Point{}),
			Value: pl.Value, Confidence: pl.Confidence, Note: pl.Note,
		}
		if !s.Settings.Anonymous {
			r.Name = p.Name
		}
		out = append(out, r)
	}
	return out
}
