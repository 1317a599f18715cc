package export_test

import (
	"bytes"
	"image"
	"image/png"
	"math"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/export"
)

// pngChartWidth is the chart width in units that WritePNG lays out: 900
// units at 2× make an image 1,800 pixels wide, enough for a full-HD slide.
const pngChartWidth = 900

var white = canvas.RGB{R: 0xff, G: 0xff, B: 0xff}

// decodePNG writes s as a PNG and decodes it again.
func decodePNG(t *testing.T, s *canvas.Session) image.Image {
	t.Helper()
	var buf bytes.Buffer
	must(t, export.WritePNG(&buf, s, export.PNGOptions{}))
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatalf("the PNG export does not decode: %v", err)
	}
	return img
}

// layoutPNG is the geometry WritePNG paints s from.
func layoutPNG(s *canvas.Session) canvas.Chart {
	return canvas.LayoutChart(s, canvas.ChartOptions{Width: pngChartWidth, Participants: true})
}

// pixelAt is the colour of the pixel under a chart point.
func pixelAt(img image.Image, p canvas.Point) canvas.RGB {
	x := int(math.Floor(p.X * export.PNGScale))
	y := int(math.Floor(p.Y * export.PNGScale))
	r, g, b, _ := img.At(x, y).RGBA()
	return canvas.RGB{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8)}
}

// lonelyMarkers are the participant markers no other marker comes near, so
// the pixel at their centre can only be their own colour.
func lonelyMarkers(c canvas.Chart) []canvas.ParticipantMarker {
	var out []canvas.ParticipantMarker
	for _, row := range c.Rows {
		for i, m := range row.Markers {
			alone := true
			for j, o := range row.Markers {
				if i != j && math.Hypot(m.At.X-o.At.X, m.At.Y-o.At.Y) < c.MarkerSize {
					alone = false
				}
			}
			if alone {
				out = append(out, m)
			}
		}
	}
	return out
}

func TestPNGSizeAndMarkers(t *testing.T) {
	s := englishSession(t)
	img := decodePNG(t, s)
	l := layoutPNG(s)

	b := img.Bounds()
	wantW, wantH := int(l.Width*export.PNGScale), int(l.Height*export.PNGScale)
	if b.Min != (image.Point{}) || b.Dx() != wantW || b.Dy() != wantH {
		t.Fatalf("PNG is %v, want %d×%d (the chart's %g×%g units at %d×)", b, wantW, wantH, l.Width, l.Height, export.PNGScale)
	}
	if wantW != pngChartWidth*export.PNGScale {
		t.Errorf("PNG is %d pixels wide, want %d", wantW, pngChartWidth*export.PNGScale)
	}

	// Every participant marker is in its participant's colour, where the
	// shared geometry puts it.
	markers := lonelyMarkers(l)
	if len(markers) < len(s.Placements)-1 {
		t.Fatalf("only %d of %d markers stand alone; the test session no longer tests much", len(markers), len(s.Placements))
	}
	for _, m := range markers {
		want := canvas.ParticipantColour(s.Participants[m.Participant].Colour)
		if got := pixelAt(img, m.At); got != want {
			t.Errorf("%s's marker at %v is %v, want their colour %v", s.Participants[m.Participant].Name, m.At, got, want)
		}
	}

	// The agreed positions and the index marker share the accent of the
	// legend's "agreed position" dot, which is neither the background nor
	// a participant's colour.
	var accent canvas.RGB
	for _, it := range l.Legend {
		if it.Kind == canvas.LegendAgreed {
			accent = pixelAt(img, it.Marker.At)
		}
	}
	if accent == white {
		t.Fatal("the legend's agreed-position dot is not drawn")
	}
	for i := range s.Participants {
		if accent == canvas.ParticipantColour(i) {
			t.Fatalf("the agreed-position colour %v is participant %d's colour", accent, i)
		}
	}
	agreed := 0
	for _, row := range l.Rows {
		if row.Current == nil || !row.Agreed {
			continue
		}
		agreed++
		if got := pixelAt(img, *row.Current); got != accent {
			t.Errorf("%s: agreed position at %v is %v, want the accent %v", row.Key, *row.Current, got, accent)
		}
	}
	if agreed != len(s.Dimensions) {
		t.Errorf("%d agreed positions laid out, want %d", agreed, len(s.Dimensions))
	}
	if l.Index.Marker == nil {
		t.Fatal("no index marker laid out")
	}
	if got := pixelAt(img, *l.Index.Marker); got != accent {
		t.Errorf("index marker at %v is %v, want the accent %v", *l.Index.Marker, got, accent)
	}

	// The padding around the chart is background.
	for _, p := range []image.Point{{0, 0}, {b.Dx() - 1, 0}, {0, b.Dy() - 1}, {b.Dx() - 1, b.Dy() - 1}} {
		if r, g, bl, a := img.At(p.X, p.Y).RGBA(); r>>8 != 0xff || g>>8 != 0xff || bl>>8 != 0xff || a>>8 != 0xff {
			t.Errorf("pixel %v is not the white background", p)
		}
	}
}

func TestPNGAnonymousMarkersAreNeutral(t *testing.T) {
	s := englishSession(t)
	s.Settings.Anonymous = true
	img := decodePNG(t, s)
	markers := lonelyMarkers(layoutPNG(s))
	if len(markers) == 0 {
		t.Fatal("no markers laid out")
	}
	for _, m := range markers {
		if got := pixelAt(img, m.At); got != canvas.AnonymousColour {
			t.Errorf("marker at %v is %v, want the anonymous colour %v", m.At, got, canvas.AnonymousColour)
		}
	}
}

// TestPNGBlindRoundShowsNoMarker: before the reveal the PNG, like the
// screen and the PDF, shows no individual value.
func TestPNGBlindRoundShowsNoMarker(t *testing.T) {
	s := englishSession(t)
	revealed := lonelyMarkers(layoutPNG(s))
	must(t, s.StartRound(canvas.RoundBlind, nil, updated))
	for _, p := range []struct {
		who, dim string
		value    int
	}{{"alice", "customer", 80}, {"bob", "customer", 90}, {"chidi", "release-cadence", 50}} {
		must(t, s.SetPlacement(canvas.Placement{Participant: p.who, Dimension: p.dim, Value: p.value}))
	}
	img := decodePNG(t, s)
	for _, row := range layoutPNG(s).Rows {
		if len(row.Markers) != 0 || row.Spread != nil {
			t.Fatalf("%s: %d markers and spread %v laid out in a blind round", row.Key, len(row.Markers), row.Spread)
		}
	}
	for _, m := range revealed {
		if got := pixelAt(img, m.At); got != white {
			t.Errorf("pixel at %v, where a marker shows after the reveal, is %v during the blind round", m.At, got)
		}
	}
}

// BenchmarkExportPNG draws the chart of a Full session (23 dimensions,
// three participants), as the File menu and `fulcrum export --png` do.
func BenchmarkExportPNG(b *testing.B) {
	s := spanishSession(b)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := export.WritePNG(&buf, s, export.PNGOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPNGLabelsInTheLanguageAsked: the chart's row and group names are in
// the language of PNGOptions, and only they change: every row's spectrum
// is painted the same in English and in Chinese.
func TestPNGLabelsInTheLanguageAsked(t *testing.T) {
	s := englishSession(t)
	decode := func(w *lang.Words) image.Image {
		var buf bytes.Buffer
		must(t, export.WritePNG(&buf, s, export.PNGOptions{Words: w}))
		img, err := png.Decode(&buf)
		must(t, err)
		return img
	}
	en, zh := decode(nil), decode(lang.For(lang.ZH))
	if en.Bounds() != zh.Bounds() {
		t.Fatalf("the Chinese chart is %v, the English one %v", zh.Bounds(), en.Bounds())
	}
	same := func(x0, x1, y0, y1 float64) bool {
		for y := int(y0 * export.PNGScale); y < int(y1*export.PNGScale); y++ {
			for x := int(x0 * export.PNGScale); x < int(x1*export.PNGScale); x++ {
				if en.At(x, y) != zh.At(x, y) {
					return false
				}
			}
		}
		return true
	}
	l := layoutPNG(s)
	labelsDiffer := 0
	for _, row := range l.Rows {
		y0, y1 := row.Axis.From.Y-6, row.Axis.From.Y+6
		if !same(row.Axis.From.X-4, l.Width, y0, y1) {
			t.Errorf("row %s: the spectrum differs between the languages", row.Key)
		}
		if !same(0, row.Axis.From.X-8, y0, y1) {
			labelsDiffer++
		}
	}
	if labelsDiffer != len(l.Rows) {
		t.Errorf("%d of %d row names changed with the language; want all", labelsDiffer, len(l.Rows))
	}
}
