package store

import (
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// appendRecord encodes a session record (schema 2 and later) by hand.
// encoding/json spent most of a save's CPU in reflection over a few
// hundred placements; this writes the same JSON (decoded by encoding/json
// as usual) in a fraction of the time. TestHandEncodingMatchesEncodingJSON keeps the two
// in step: a field added to the session must be added here too.
func appendRecord(b []byte, s *canvas.Session, dimsRef string) []byte {
	b = append(b, `{"v":`...)
	b = strconv.AppendInt(b, SchemaVersion, 10)
	b = append(b, `,"dims":`...)
	b = appendString(b, dimsRef)
	b = append(b, `,"session":{"id":`...)
	b = appendString(b, s.ID)
	b = field(b, "title", s.Title)
	b = field(b, "product", s.Product)
	b = fieldOmit(b, "facilitator", s.Facilitator)
	b = fieldOmit(b, "template", s.Template)
	b = append(b, `,"created":`...)
	b = appendTime(b, s.Created)
	b = append(b, `,"updated":`...)
	b = appendTime(b, s.Updated)
	b = append(b, `,"dimensions":null`...)
	if len(s.Participants) > 0 {
		b = append(b, `,"participants":[`...)
		for i, p := range s.Participants {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"id":`...)
			b = appendString(b, p.ID)
			b = field(b, "name", p.Name)
			b = fieldOmit(b, "role", p.Role)
			b = append(b, `,"colour":`...)
			b = strconv.AppendInt(b, int64(p.Colour), 10)
			b = fieldOmit(b, "shape", string(p.Shape))
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if len(s.Placements) > 0 {
		b = append(b, `,"placements":[`...)
		for i, p := range s.Placements {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"dimension":`...)
			b = appendString(b, p.Dimension)
			b = field(b, "participant", p.Participant)
			b = append(b, `,"value":`...)
			b = strconv.AppendInt(b, int64(p.Value), 10)
			if p.Confidence != 0 {
				b = append(b, `,"confidence":`...)
				b = strconv.AppendInt(b, int64(p.Confidence), 10)
			}
			b = fieldOmit(b, "note", p.Note)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if len(s.Positions) > 0 {
		b = append(b, `,"positions":[`...)
		for i, p := range s.Positions {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"dimension":`...)
			b = appendString(b, p.Dimension)
			b = optInt(b, "current", p.Current)
			b = optInt(b, "target", p.Target)
			b = fieldOmit(b, "note", p.Note)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if len(s.Actions) > 0 {
		b = append(b, `,"actions":[`...)
		for i, a := range s.Actions {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"text":`...)
			b = appendString(b, a.Text)
			b = fieldOmit(b, "owner", a.Owner)
			b = fieldOmit(b, "due", a.Due)
			b = fieldOmit(b, "dimension", a.Dimension)
			if a.Done {
				b = append(b, `,"done":true`...)
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if len(s.AcceptedTensions) > 0 {
		b = append(b, `,"accepted_tensions":[`...)
		for i, a := range s.AcceptedTensions {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"rule":`...)
			b = appendString(b, a.Rule)
			b = field(b, "reason", a.Reason)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	st := s.Settings
	b = append(b, `,"settings":{`...)
	first := true
	sep := func() {
		if !first {
			b = append(b, ',')
		}
		first = false
	}
	if st.Threshold != 0 {
		sep()
		b = append(b, `"threshold":`...)
		b = strconv.AppendInt(b, int64(st.Threshold), 10)
	}
	if st.Anonymous {
		sep()
		b = append(b, `"anonymous":true`...)
	}
	if st.TimerSeconds != 0 {
		sep()
		b = append(b, `"timer_seconds":`...)
		b = strconv.AppendInt(b, int64(st.TimerSeconds), 10)
	}
	if st.TimerScope != "" {
		sep()
		b = append(b, `"timer_scope":`...)
		b = appendString(b, st.TimerScope)
	}
	b = append(b, '}')
	if r := s.Round; r != nil {
		b = append(b, `,"round":{"mode":`...)
		b = appendString(b, r.Mode)
		b = append(b, `,"dimensions":`...)
		b = appendStrings(b, r.Dimensions)
		b = append(b, `,"order":`...)
		b = appendStrings(b, r.Order)
		if len(r.Done) > 0 {
			b = append(b, `,"done":`...)
			b = appendStrings(b, r.Done)
		}
		b = fieldOmit(b, "current", r.Current)
		if r.Revealed {
			b = append(b, `,"revealed":true`...)
		}
		b = append(b, `,"started":`...)
		b = appendTime(b, r.Started)
		b = append(b, '}')
	}
	return append(b, "}}"...)
}

func field(b []byte, name, v string) []byte {
	b = append(b, ',', '"')
	b = append(b, name...)
	b = append(b, '"', ':')
	return appendString(b, v)
}

func fieldOmit(b []byte, name, v string) []byte {
	if v == "" {
		return b
	}
	return field(b, name, v)
}

func optInt(b []byte, name string, p *int) []byte {
	if p == nil {
		return b
	}
	b = append(b, ',', '"')
	b = append(b, name...)
	b = append(b, '"', ':')
	return strconv.AppendInt(b, int64(*p), 10)
}

func appendStrings(b []byte, ss []string) []byte {
	if ss == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, s)
	}
	return append(b, ']')
}

func appendTime(b []byte, t time.Time) []byte {
	b = append(b, '"')
	b = t.AppendFormat(b, time.RFC3339Nano)
	return append(b, '"')
}

const hexDigits = "0123456789abcdef"

// jsonSafe marks the ASCII bytes that stand for themselves in a JSON string.
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// appendString writes s as a JSON string. Invalid UTF-8 becomes U+FFFD, as
// encoding/json does. It makes one pass, a table lookup per ASCII byte and
// a decode per other rune: checking UTF-8 validity first and then scanning
// again took a quarter more time over a heavy session's record. (Skipping
// eight ASCII bytes at a time measured slower still: notes switch between
// scripts too often.)
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonSafe[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\t':
				b = append(b, '\\', 't')
			case '\r':
				b = append(b, '\\', 'r')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
