package export

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"unicode"

	"github.com/jung-kurt/gofpdf"

	"github.com/fulcrum-workshop/fulcrum/assets"
)

// Placeholder stands in for characters no embedded face can draw, such as
// emoji outside the Basic Multilingual Plane, which gofpdf cannot encode.
const Placeholder = '□'

// face is one embedded font family.
type face int

const (
	faceLatin face = iota
	faceCJK
	faceSymbol
)

var faceFamily = [...]string{"noto", "droid", "dejavu"}

type fontSet struct {
	cov [3]*coverage
	// adv holds the faces' advance widths, then the bold Latin face's.
	adv [4]*advances
	err error
}

// boldLatin is the bold Latin face's index in fontSet.adv, and in every
// array of the fonts given to gofpdf: the faces' own, then it.
const boldLatin = 3

// fontIndex is the index of a face in a style among the fonts.
func fontIndex(f face, bold bool) int {
	if bold && f == faceLatin {
		return boldLatin
	}
	return int(f)
}

// embeddedFonts are the fonts' bytes, by fontIndex. They are shared (Fyne
// draws with some of them): nothing may write into them.
func embeddedFonts() [4][]byte {
	return [4][]byte{assets.NotoSansRegular, assets.DroidSansFallback, assets.DejaVuSans, assets.NotoSansBold}
}

var (
	fontsOnce sync.Once
	fonts     fontSet
)

// loadFonts reads what the report needs to know of its fonts before
// drawing: which characters each face has and how wide each is. Both come
// from the fonts' own tables, read directly, in a few milliseconds; gofpdf
// parses a whole font only when a document registers it.
func loadFonts() (*fontSet, error) {
	fontsOnce.Do(func() {
		for i, ttf := range embeddedFonts() {
			name := "NotoSans-Bold"
			if i < len(faceFamily) {
				name = faceFamily[i]
				c, err := readCoverage(ttf)
				if err != nil {
					fonts.err = fmt.Errorf("embedded font %s: %w", name, err)
					return
				}
				fonts.cov[i] = c
			}
			a, err := readAdvances(ttf)
			if err != nil {
				fonts.err = fmt.Errorf("embedded font %s: %w", name, err)
				return
			}
			fonts.adv[i] = a
		}
	})
	return &fonts, fonts.err
}

// pdfMu serialises PDF generation. gofpdf appends to slices of the font
// bytes it is given while subsetting, so the fonts handed to it are never
// the embedded ones: fonts trimmed for the document (see trimmedFont), or,
// when a report drew a character its trimmed fonts lacked (see WritePDF),
// private copies of the whole faces, made once and used by one export at
// a time.
var (
	pdfMu     sync.Mutex
	fontBytes [4][]byte // private copies, by fontIndex
)

// privateFont is the private copy of a font, made when a report first
// needs it whole. Callers hold pdfMu.
func privateFont(i int) []byte {
	if fontBytes[i] == nil {
		fontBytes[i] = bytes.Clone(embeddedFonts()[i])
	}
	return fontBytes[i]
}

// register adds the faces the document needs; the CJK face is skipped for
// sessions without CJK text. Callers hold pdfMu.
func (t *typesetter) register(need [3]bool) {
	need[faceLatin] = true
	for f, ok := range need {
		if !ok || t.registered[f] {
			continue
		}
		for _, bold := range []bool{false, true} {
			if bold && face(f) != faceLatin {
				continue
			}
			font, err := t.font(fontIndex(face(f), bold))
			if err != nil {
				t.pdf.SetError(fmt.Errorf("embedded font %s: %w", fontKey(face(f), bold), err))
				return
			}
			style := ""
			if bold {
				style = "B"
			}
			t.pdf.AddUTF8FontFromBytes(faceFamily[f], style, font)
		}
		t.registered[f] = true
	}
}

// font is the font gofpdf is given for fontIndex i: trimmed to the
// characters of t.trim, or whole.
func (t *typesetter) font(i int) ([]byte, error) {
	if !t.trimmed {
		return privateFont(i), nil
	}
	return trimmedFont(embeddedFonts()[i], t.trim[i])
}

// facesFor reports which faces the texts need.
func (t *typesetter) facesFor(texts ...string) [3]bool {
	var need [3]bool
	need[faceLatin] = true
	for _, s := range texts {
		for _, r := range s {
			if r < 0x80 {
				continue
			}
			f, _ := t.faceFor(r)
			need[f] = true
		}
	}
	return need
}

// run is a stretch of text drawn with one face.
type run struct {
	face face
	text string
}

// style is a font size in points and a weight.
type style struct {
	size float64
	bold bool
}

// typesetter measures, wraps and draws text that mixes scripts. It exists
// because gofpdf draws a string with one font and its own wrapping drops a
// CJK character at every line break.
type typesetter struct {
	pdf   *gofpdf.Fpdf
	fonts *fontSet
	lb    lineBreaker
	// registered says which faces the document has. The report's own
	// words are in the reader's language, not the session's: a Chinese
	// heading over a Latin-only session adds the CJK face when drawn.
	registered [3]bool
	// used is what each font drew: its subset, which names its tag.
	used usedRunes
	// trim is, by fontIndex, the characters, with their glyphs, each font
	// is given to gofpdf with (see trimmedFont) when trimmed is set;
	// otherwise the fonts are given whole.
	trim    [4]map[rune]uint16
	trimmed bool
}

func newTypesetter(pdf *gofpdf.Fpdf, fs *fontSet) *typesetter {
	return &typesetter{pdf: pdf, fonts: fs, used: usedRunes{}}
}

// faceFor picks the face for a rune and the rune to draw: the placeholder
// where no face has the character.
func (t *typesetter) faceFor(r rune) (face, rune) {
	switch {
	case r == '\t':
		return faceLatin, ' '
	case r > 0xFFFF || unicode.IsControl(r):
		return faceSymbol, Placeholder
	case t.fonts.cov[faceLatin].has(r):
		return faceLatin, r
	case t.fonts.cov[faceCJK].has(r):
		return faceCJK, r
	case t.fonts.cov[faceSymbol].has(r):
		return faceSymbol, r
	}
	return faceSymbol, Placeholder
}

// runs splits s by face. Spaces stay in the run they follow, so a line
// of Chinese with spaces does not flip fonts at every word.
func (t *typesetter) runs(s string) []run {
	var out []run
	var b strings.Builder
	cur := face(-1)
	for _, r := range s {
		f, g := t.faceFor(r)
		if r == ' ' && cur >= 0 {
			f = cur
		}
		if f != cur && b.Len() > 0 {
			out = append(out, run{cur, b.String()})
			b.Reset()
		}
		cur = f
		b.WriteRune(g)
	}
	if b.Len() > 0 {
		out = append(out, run{cur, b.String()})
	}
	return out
}

func (t *typesetter) setFont(f face, st style) {
	if !t.registered[f] {
		var need [3]bool
		need[f] = true
		t.register(need)
	}
	s := ""
	if st.bold && f == faceLatin {
		s = "B"
	}
	t.pdf.SetFont(faceFamily[f], s, st.size)
}

// advance is the width of r at 1000 pt, as draw draws it: the face chosen
// and the placeholder substituted, measured as gofpdf measures.
func (t *typesetter) advance(r rune, bold bool) float64 {
	f, g := t.faceFor(r)
	a := t.fonts.adv[f]
	if bold && f == faceLatin {
		a = t.fonts.adv[boldLatin]
	}
	return a.width(g)
}

// width is the width of s in points.
func (t *typesetter) width(s string, st style) float64 {
	w := 0.0
	for _, r := range s {
		w += t.advance(r, st.bold)
	}
	return w * st.size / 1000
}

// draw writes s with its baseline at y, starting at x; it returns the x
// after the text.
func (t *typesetter) draw(x, y float64, s string, st style) float64 {
	for _, r := range t.runs(s) {
		t.setFont(r.face, st)
		t.used.add(fontKey(r.face, st.bold), r.text)
		if st.bold && r.face != faceLatin {
			t.emboldened(x, y, r.text, st)
		} else {
			t.pdf.Text(x, y, r.text)
		}
		x += t.width(r.text, st)
	}
	return x
}

// emboldened draws text in a face that has no bold (the CJK and symbol
// faces) filled and outlined in its own colour, so a Chinese heading is as
// heavy as a Latin one. The outline leaves the glyphs' advances alone:
// widths and wrapping stay as measured. It leaves the stroke colour and
// width changed; every line drawn sets its own.
func (t *typesetter) emboldened(x, y float64, s string, st style) {
	r, g, b := t.pdf.GetTextColor()
	t.pdf.SetDrawColor(r, g, b)
	t.pdf.SetLineWidth(st.size * 0.04)
	t.pdf.SetTextRenderingMode(2) // fill, then stroke
	t.pdf.Text(x, y, s)
	t.pdf.SetTextRenderingMode(0)
}

// wrap splits s into lines no wider than maxW, by the Unicode line breaking
// rules with the Chinese punctuation rules on top (see lineBreaker).
// Explicit newlines are kept. No character is lost: joining the lines with
// the spaces and newlines the breaks replaced gives s back.
func (t *typesetter) wrap(s string, maxW float64, st style) []string {
	return t.lb.wrap(s, maxW, func(r rune) float64 { return t.runeW(r, st) })
}

// runeW is the width of r in points, as draw will draw it.
func (t *typesetter) runeW(r rune, st style) float64 {
	return t.advance(r, st.bold) * st.size / 1000
}

// fitSlack absorbs rounding in the sums of widths, so a text exactly as
// wide as the line still fits.
const fitSlack = 1e-6

// fit shortens s with an ellipsis until it is at most w wide. It measures
// only as far as the text fits, so a long title costs each page's footer
// a line's worth of work, not the whole title.
func (t *typesetter) fit(s string, w float64, st style) string {
	ell := t.width("…", st)
	total, keep := 0.0, 0
	for i, r := range s {
		if total+ell <= w+fitSlack {
			keep = i
		}
		total += t.runeW(r, st)
		if total > w+fitSlack {
			return s[:keep] + "…"
		}
	}
	return s
}

// resetFontCaches forgets the fonts read and copied. Callers hold pdfMu.
func resetFontCaches() {
	fontsOnce = sync.Once{}
	fonts = fontSet{}
	fontBytes = [4][]byte{}
}
