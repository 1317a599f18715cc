package phones

import (
	"fmt"
	"image"
	"image/color"
	"strings"

	qrcode "github.com/yeqown/go-qrcode/v2"
)

// QR is a QR code's modules, Dark[y][x], without the quiet zone around
// them. The join screen draws it large for the projector and `fulcrum
// serve` prints it in the terminal.
type QR struct {
	Dark [][]bool
}

// NewQR encodes text (the join URL) at error correction level M: a code
// on a projector is read from across a room, often at an angle, and M
// keeps it small enough to read there while surviving some glare.
func NewQR(text string) (QR, error) {
	code, err := qrcode.NewWith(text, qrcode.WithErrorCorrectionLevel(qrcode.ErrorCorrectionMedium))
	if err != nil {
		return QR{}, fmt.Errorf("QR code of %q: %w", text, err)
	}
	var m matrix
	if err := code.Save(&m); err != nil {
		return QR{}, fmt.Errorf("QR code of %q: %w", text, err)
	}
	return QR{Dark: m.dark}, nil
}

// matrix is a qrcode.Writer that keeps the modules.
type matrix struct{ dark [][]bool }

func (m *matrix) Write(mat qrcode.Matrix) error {
	m.dark = make([][]bool, mat.Height())
	for y := range m.dark {
		m.dark[y] = make([]bool, mat.Width())
	}
	mat.Iterate(qrcode.IterDirection_ROW, func(x, y int, v qrcode.QRValue) {
		m.dark[y][x] = v.IsSet()
	})
	return nil
}

func (m *matrix) Close() error { return nil }

// quiet is the light border a reader needs around the code, in modules.
const quiet = 4

// Image draws the code black on white, scale pixels a module, with the
// quiet zone.
func (q QR) Image(scale int) *image.Gray {
	n := len(q.Dark)
	side := (n + 2*quiet) * scale
	img := image.NewGray(image.Rect(0, 0, side, side))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	for y, row := range q.Dark {
		for x, dark := range row {
			if !dark {
				continue
			}
			for dy := range scale {
				for dx := range scale {
					img.SetGray((x+quiet)*scale+dx, (y+quiet)*scale+dy, color.Gray{})
				}
			}
		}
	}
	return img
}

// Text draws the code for a terminal, two modules a character. Light
// modules are the terminal's text colour and dark ones its background,
// as qrencode's UTF8 output does: most terminals are light on dark, and
// phones read the code either way.
func (q QR) Text() string {
	n := len(q.Dark)
	light := func(x, y int) bool {
		x, y = x-quiet, y-quiet
		return x < 0 || y < 0 || x >= n || y >= n || !q.Dark[y][x]
	}
	var b strings.Builder
	for y := 0; y < n+2*quiet; y += 2 {
		for x := 0; x < n+2*quiet; x++ {
			top, bottom := light(x, y), y+1 < n+2*quiet && light(x, y+1)
			switch {
			case top && bottom:
				b.WriteString("█")
			case top:
				b.WriteString("▀")
			case bottom:
				b.WriteString("▄")
			default:
				b.WriteString(" ")
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}
