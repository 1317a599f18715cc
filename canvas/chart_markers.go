package canvas

import "math"

// Participant markers: their colours and shapes, shared by every painter.

// RGB is a colour shared by the screen and the PDF.
type RGB struct{ R, G, B uint8 }

// participantPalette is the Okabe-Ito palette, which stays distinguishable
// for the common forms of colour blindness.
var participantPalette = []RGB{
	{0xE6, 0x9F, 0x00}, {0x56, 0xB4, 0xE9}, {0x00, 0x9E, 0x73}, {0xD5, 0x5E, 0x00},
	{0x00, 0x72, 0xB2}, {0xCC, 0x79, 0xA7}, {0xF0, 0xE4, 0x42}, {0x55, 0x55, 0x55},
}

// ParticipantColour is the marker colour of the i-th participant.
func ParticipantColour(i int) RGB { return participantPalette[i%len(participantPalette)] }

// AnonymousColour is the one colour of every marker in an anonymous session.
var AnonymousColour = RGB{0x8a, 0x93, 0xa3}

// MarkerStyle is how participant i's marker looks at a point: their colour
// and shape, or a neutral circle when the session is anonymous.
func MarkerStyle(s *Session, i int, at Point) ParticipantMarker {
	m := ParticipantMarker{At: at, Participant: i, Colour: AnonymousColour, Shape: ShapeCircle}
	if !s.Settings.Anonymous && i >= 0 && i < len(s.Participants) {
		p := s.Participants[i]
		m.Colour = ParticipantColour(p.Colour)
		m.Shape = p.Shape
		if !ValidShape(m.Shape) {
			m.Shape = ShapeCircle
		}
	}
	return m
}

// ShapePoints returns the corners of a marker shape of radius r around c,
// or nil for a circle, so every painter draws the same shapes.
func ShapePoints(sh Shape, c Point, r float64) []Point {
	n, rot := 0, -90.0
	switch sh {
	case ShapeTriangle:
		n, r = 3, r*1.2
	case ShapeSquare:
		n, rot, r = 4, -45, r*1.15
	case ShapeDiamond:
		n, r = 4, r*1.25
	case ShapePentagon:
		n, r = 5, r*1.1
	case ShapeHexagon:
		n, rot, r = 6, 0, r*1.05
	default:
		return nil
	}
	pts := make([]Point, n)
	for i := range pts {
		a := (rot + float64(i)*360/float64(n)) * math.Pi / 180
		pts[i] = Point{c.X + r*math.Cos(a), c.Y + r*math.Sin(a)}
	}
	return pts
}

// spreadMarkers nudges participants who chose the same value apart
// vertically, so every marker stays visible.
func spreadMarkers(ms []ParticipantMarker) {
	var buf [32]int
	keys := buf[:0]
	for i := range ms {
		keys = append(keys, int(ms[i].At.X+0.5))
	}
	for i := range ms {
		n := 0 // markers before this one at the same spot
		for j := range i {
			if keys[j] == keys[i] {
				n++
			}
		}
		if n == 0 {
			continue
		}
		off := float64((n+1)/2) * 3.5
		if n%2 == 1 {
			off = -off
		}
		ms[i].At.Y += off
	}
}
