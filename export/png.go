package export

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"github.com/fulcrum-workshop/fulcrum/assets"
	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// PNGScale is how many pixels the PNG uses per chart unit: 2× keeps the
// chart sharp on slides.
const PNGScale = 2

// pngWidth is the chart's width in units for the PNG, a 16:9-friendly size.
const pngWidth = 900

// PNGOptions choose the language of the chart's labels.
type PNGOptions struct {
	Words *lang.Words // nil is English
}

// WritePNG draws the profile chart, from the same geometry as the screen
// and the PDF, as a PNG at PNGScale.
func WritePNG(w io.Writer, s *canvas.Session, opt PNGOptions) error {
	fs, err := loadFonts()
	if err != nil {
		return err
	}
	faces, err := loadRasterFaces()
	if err != nil {
		return err
	}
	l := canvas.LayoutChart(s, chartLabels(wordsOr(opt.Words), canvas.ChartOptions{Width: pngWidth, Participants: true}))
	img := image.NewRGBA(image.Rect(0, 0, int(l.Width*PNGScale), int(l.Height*PNGScale)))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	p := &rasterPainter{img: img, fs: fs, faces: faces, cache: map[faceKey]font.Face{}}
	l.Paint(p)
	for _, f := range p.cache {
		f.Close()
	}
	if err := png.Encode(w, img); err != nil {
		return fmt.Errorf("write PNG of session %s: %w", s.ID, err)
	}
	return nil
}

type rasterFaces [4]*opentype.Font // latin, CJK, symbol, latin bold

var (
	rasterOnce sync.Once
	rasterSet  rasterFaces
	rasterErr  error
)

func loadRasterFaces() (*rasterFaces, error) {
	rasterOnce.Do(func() {
		for i, ttf := range [][]byte{assets.NotoSansRegular, assets.DroidSansFallback, assets.DejaVuSans, assets.NotoSansBold} {
			f, err := opentype.Parse(ttf)
			if err != nil {
				rasterErr = fmt.Errorf("parse embedded font %d: %w", i, err)
				return
			}
			rasterSet[i] = f
		}
	})
	return &rasterSet, rasterErr
}

type faceKey struct {
	face face
	bold bool
	size float64
}

// rasterPainter is the third painter of the chart geometry, for images.
type rasterPainter struct {
	img   *image.RGBA
	fs    *fontSet
	faces *rasterFaces
	cache map[faceKey]font.Face
}

func rgba(c canvas.RGB) color.RGBA { return color.RGBA{c.R, c.G, c.B, 0xff} }

// pt is a point in pixels.
type pt struct{ x, y float64 }

// fill paints closed polygons, in pixels, in c; a polygon running the other
// way round cuts a hole. The rasterizer covers only the polygons' bounding
// box: one the size of the whole image for every line and dot made a chart
// take seconds.
func (p *rasterPainter) fill(c canvas.RGB, polys ...[]pt) {
	x0, y0 := math.Inf(1), math.Inf(1)
	x1, y1 := math.Inf(-1), math.Inf(-1)
	for _, poly := range polys {
		for _, q := range poly {
			x0, y0 = min(x0, q.x), min(y0, q.y)
			x1, y1 = max(x1, q.x), max(y1, q.y)
		}
	}
	if x0 > x1 {
		return
	}
	r := image.Rect(int(math.Floor(x0)), int(math.Floor(y0)), int(math.Ceil(x1))+1, int(math.Ceil(y1))+1).Intersect(p.img.Bounds())
	if r.Empty() {
		return
	}
	z := vector.NewRasterizer(r.Dx(), r.Dy())
	ox, oy := float64(r.Min.X), float64(r.Min.Y)
	for _, poly := range polys {
		for i, q := range poly {
			x, y := float32(q.x-ox), float32(q.y-oy)
			if i == 0 {
				z.MoveTo(x, y)
			} else {
				z.LineTo(x, y)
			}
		}
		z.ClosePath()
	}
	z.Draw(p.img, r, image.NewUniform(rgba(c)), image.Point{})
}

func (p *rasterPainter) line(l canvas.Line, c canvas.RGB, width float64) {
	x1, y1 := l.From.X*PNGScale, l.From.Y*PNGScale
	x2, y2 := l.To.X*PNGScale, l.To.Y*PNGScale
	dx, dy := x2-x1, y2-y1
	n := math.Hypot(dx, dy)
	if n == 0 {
		return
	}
	hw := width * PNGScale / 2
	nx, ny := -dy/n*hw, dx/n*hw
	p.fill(c, []pt{{x1 + nx, y1 + ny}, {x2 + nx, y2 + ny}, {x2 - nx, y2 - ny}, {x1 - nx, y1 - ny}})
}

// circle is a circle of radius r around (cx, cy) as a polygon, clockwise
// on screen or, reversed, the other way.
func circle(cx, cy, r float64, reverse bool) []pt {
	const n = 48
	poly := make([]pt, 0, n+1)
	for i := 0; i <= n; i++ {
		a := 2 * math.Pi * float64(i) / n
		if reverse {
			a = -a
		}
		poly = append(poly, pt{cx + r*math.Cos(a), cy + r*math.Sin(a)})
	}
	return poly
}

func (p *rasterPainter) dot(at canvas.Point, d float64, fill, edge canvas.RGB) {
	cx, cy, r := at.X*PNGScale, at.Y*PNGScale, d/2*PNGScale
	p.fill(edge, circle(cx, cy, r+1.5, false))
	p.fill(fill, circle(cx, cy, r, false))
}

func (p *rasterPainter) marker(m canvas.ParticipantMarker, d float64) {
	pts := canvas.ShapePoints(m.Shape, m.At, d/2)
	if pts == nil {
		p.dot(m.At, d, m.Colour, pdfWhite)
		return
	}
	poly := make([]pt, len(pts))
	for i, q := range pts {
		poly[i] = pt{q.X * PNGScale, q.Y * PNGScale}
	}
	p.fill(m.Colour, poly)
}

func (p *rasterPainter) ring(at canvas.Point, d float64, edge canvas.RGB) {
	cx, cy, r := at.X*PNGScale, at.Y*PNGScale, d/2*PNGScale
	p.fill(edge, circle(cx, cy, r+1.5, false), circle(cx, cy, r-1.5, true))
}

func (p *rasterPainter) face(f face, bold bool, size float64) font.Face {
	if f != faceLatin {
		bold = false
	}
	k := faceKey{f, bold, size}
	if fc, ok := p.cache[k]; ok {
		return fc
	}
	src := p.faces[f]
	if bold {
		src = p.faces[3]
	}
	fc, err := opentype.NewFace(src, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		return nil
	}
	p.cache[k] = fc
	return fc
}

func (p *rasterPainter) text(t canvas.Text, c canvas.RGB) {
	if t.Text == "" {
		return
	}
	size := t.Size * 1.1 * PNGScale
	ts := typesetter{fonts: p.fs}
	runs := ts.runs(t.Text)
	w := 0.0
	for _, r := range runs {
		if fc := p.face(r.face, t.Bold, size); fc != nil {
			w += float64(font.MeasureString(fc, r.text)) / 64
		}
	}
	x := t.At.X * PNGScale
	switch t.Align {
	case canvas.AlignCenter:
		x -= w / 2
	case canvas.AlignRight:
		x -= w
	}
	y := t.At.Y*PNGScale + size*0.35
	for _, r := range runs {
		fc := p.face(r.face, t.Bold, size)
		if fc == nil {
			continue
		}
		d := font.Drawer{Dst: p.img, Src: image.NewUniform(rgba(c)), Face: fc,
			Dot: fixed.Point26_6{X: fixed.Int26_6(x * 64), Y: fixed.Int26_6(y * 64)}}
		d.DrawString(r.text)
		x = float64(d.Dot.X) / 64
	}
}

// The canvas.Painter methods draw at PNGScale, in print colours.

func (p *rasterPainter) Line(l canvas.Line, k canvas.Ink, w float64) { p.line(l, pdfInk(k), w) }

func (p *rasterPainter) Dot(at canvas.Point, d float64, k canvas.Ink) {
	p.dot(at, d, pdfInk(k), pdfWhite)
}

func (p *rasterPainter) Ring(at canvas.Point, d float64, k canvas.Ink) { p.ring(at, d, pdfInk(k)) }

func (p *rasterPainter) Marker(m canvas.ParticipantMarker, d float64) { p.marker(m, d) }

func (p *rasterPainter) Text(t canvas.Text, k canvas.Ink, _ float64) { p.text(t, pdfInk(k)) }
