package canvas

import (
	"errors"
	"fmt"
	"slices"
	"time"
)

// ErrInvalidSession is wrapped by every error of Validate.
var ErrInvalidSession = errors.New("invalid session")

// Validate checks what the app, the exports and the store rely on in a
// session they did not build themselves (a stored record): values in
// range, and every participant, dimension and marker a part of the session
// names exists in it. It checks against the session's own dimension
// snapshot, not the catalogue, so sessions from older catalogues stay
// valid. It does not judge text: what a user typed is kept as typed.
func (s *Session) Validate() error {
	bad := func(field, format string, args ...any) error {
		return fmt.Errorf("%w: %s: %s", ErrInvalidSession, field, fmt.Sprintf(format, args...))
	}
	if s.ID == "" {
		return bad("id", "is empty")
	}
	dims := map[string]bool{}
	for i, d := range s.Dimensions {
		if d.Key == "" || dims[d.Key] {
			return bad(fmt.Sprintf("dimensions[%d]", i), "key %q is empty or listed twice", d.Key)
		}
		dims[d.Key] = true
	}
	people := map[string]bool{}
	for i, p := range s.Participants {
		field := fmt.Sprintf("participants[%d]", i)
		switch {
		case p.ID == "" || people[p.ID]:
			return bad(field+".id", "%q is empty or used twice", p.ID)
		case p.Colour < 0 || p.Colour >= PaletteSize():
			return bad(field+".colour", "%d is outside 0 to %d", p.Colour, PaletteSize()-1)
		case p.Shape != "" && !ValidShape(p.Shape):
			return bad(field+".shape", "unknown shape %q", p.Shape)
		}
		people[p.ID] = true
	}
	inRange := func(v int) bool { return v >= MinValue && v <= MaxValue }
	placed := map[[2]string]bool{}
	for i, p := range s.Placements {
		field := fmt.Sprintf("placements[%d]", i)
		key := [2]string{p.Dimension, p.Participant}
		switch {
		case !dims[p.Dimension]:
			return bad(field+".dimension", "%q is not one of the session's dimensions", p.Dimension)
		case !people[p.Participant]:
			return bad(field+".participant", "unknown participant %q", p.Participant)
		case !inRange(p.Value):
			return bad(field+".value", "%d is outside %d to %d", p.Value, MinValue, MaxValue)
		case p.Confidence < 0 || p.Confidence > 5:
			return bad(field+".confidence", "%d is outside 0 to 5", p.Confidence)
		case placed[key]:
			return bad(field, "participant %q already has a placement on %q", p.Participant, p.Dimension)
		}
		placed[key] = true
	}
	positioned := map[string]bool{}
	for i, p := range s.Positions {
		field := fmt.Sprintf("positions[%d]", i)
		switch {
		case !dims[p.Dimension]:
			return bad(field+".dimension", "%q is not one of the session's dimensions", p.Dimension)
		case positioned[p.Dimension]:
			return bad(field+".dimension", "%q has more than one position", p.Dimension)
		case p.Current != nil && !inRange(*p.Current):
			return bad(field+".current", "%d is outside %d to %d", *p.Current, MinValue, MaxValue)
		case p.Target != nil && !inRange(*p.Target):
			return bad(field+".target", "%d is outside %d to %d", *p.Target, MinValue, MaxValue)
		}
		positioned[p.Dimension] = true
	}
	for i, a := range s.Actions {
		field := fmt.Sprintf("actions[%d]", i)
		if a.Dimension != "" && !dims[a.Dimension] {
			return bad(field+".dimension", "%q is not one of the session's dimensions", a.Dimension)
		}
		if a.Due != "" {
			if _, err := time.Parse(DueLayout, a.Due); err != nil {
				return bad(field+".due", "%q is not a date like 2026-12-15", a.Due)
			}
		}
	}
	st := s.Settings
	switch {
	case st.Threshold < 0 || st.Threshold > MaxValue:
		return bad("settings.threshold", "%d is outside 0 to %d", st.Threshold, MaxValue)
	case st.TimerSeconds < 0 || st.TimerSeconds > 24*3600:
		return bad("settings.timer_seconds", "%d is outside 0 to 86400", st.TimerSeconds)
	case st.TimerScope != "" && st.TimerScope != TimerPerDimension && st.TimerScope != TimerPerRound:
		return bad("settings.timer_scope", "unknown scope %q", st.TimerScope)
	}
	return s.Round.validate(dims, people)
}

func (r *Round) validate(dims, people map[string]bool) error {
	if r == nil {
		return nil
	}
	bad := func(field, format string, args ...any) error {
		return fmt.Errorf("%w: round.%s: %s", ErrInvalidSession, field, fmt.Sprintf(format, args...))
	}
	if r.Mode != RoundBlind && r.Mode != RoundRecord {
		return bad("mode", "unknown mode %q", r.Mode)
	}
	for i, k := range r.Dimensions {
		if !dims[k] {
			return bad(fmt.Sprintf("dimensions[%d]", i), "%q is not one of the session's dimensions", k)
		}
	}
	for _, list := range []struct {
		name string
		ids  []string
	}{{"order", r.Order}, {"done", r.Done}} {
		for i, id := range list.ids {
			if !people[id] {
				return bad(fmt.Sprintf("%s[%d]", list.name, i), "unknown participant %q", id)
			}
		}
	}
	if r.Current != "" && !slices.Contains(r.Order, r.Current) {
		return bad("current", "%q is not in the round's order", r.Current)
	}
	return nil
}
