package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/jung-kurt/gofpdf"

	"github.com/fulcrum-workshop/fulcrum/assets"
	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// trimText is Chinese with punctuation, a full-width digit and a space:
// among its glyphs are composite ones, whose components the trimmed font
// must carry along.
const trimText = "制定月度发布说明模板，陈静负责。（季度评审）「决策」：１ 个"

// latinText has accented letters, composite glyphs in the Latin faces.
const latinText = "¿Qué año? Ñandú, «über» – 1.234,5 €"

// glyphsOf maps the characters of s to their glyphs in font i (by
// fontIndex).
func glyphsOf(t *testing.T, i int, s string) map[rune]uint16 {
	t.Helper()
	fs, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	m := map[rune]uint16{}
	for _, r := range s {
		g := fs.adv[i].glyph[r]
		if g == 0 {
			t.Fatalf("font %s has no %q", fontKeys[i], r)
		}
		m[r] = g
	}
	return m
}

// glyphsIn reads a font's glyph table.
func glyphsIn(t *testing.T, font []byte) *glyphTable {
	t.Helper()
	tables, err := sfntTables(font)
	if err != nil {
		t.Fatal(err)
	}
	be := binary.BigEndian
	return &glyphTable{glyf: tables["glyf"], loca: tables["loca"], long: be.Uint16(tables["head"][50:]) != 0,
		n: int(be.Uint16(tables["maxp"][4:]))}
}

// sameGlyph reports whether glyph a of font A and glyph b of font B draw
// the same: the same bytes, padding aside, with components that are the
// same glyphs in turn.
func sameGlyph(A *glyphTable, a uint16, B *glyphTable, b uint16) bool {
	da, db := A.data(a), B.data(b)
	if len(db) < len(da) || len(db) > (len(da)+3)&^3 || !bytes.Equal(db[len(da):], make([]byte, len(db)-len(da))) {
		return false
	}
	var ca, cb []uint16
	_ = components(da, func(at int) { ca = append(ca, binary.BigEndian.Uint16(da[at:])) })
	_ = components(db, func(at int) { cb = append(cb, binary.BigEndian.Uint16(db[at:])) })
	if len(ca) != len(cb) {
		return false
	}
	// Compare with the component ids blanked, then the components.
	xa, xb := bytes.Clone(da), bytes.Clone(db[:len(da)])
	_ = components(xa, func(at int) { xa[at], xa[at+1] = 0, 0 })
	_ = components(xb, func(at int) { xb[at], xb[at+1] = 0, 0 })
	if !bytes.Equal(xa, xb) {
		return false
	}
	for i := range ca {
		if !sameGlyph(A, ca[i], B, cb[i]) {
			return false
		}
	}
	return true
}

// TestTrimmedFontDrawsTheSame: every character of a trimmed font (the CJK
// face's, the Latin faces') has the same outline (composite glyphs with all their components), the
// same advance as gofpdf measures it, and no other character has a glyph.
// The font is a valid TrueType file, far smaller than the face, and new
// bytes: writing into it leaves the embedded face alone.
func TestTrimmedFontDrawsTheSame(t *testing.T) {
	for _, c := range []struct {
		font int
		text string
	}{{int(faceCJK), trimText}, {int(faceLatin), latinText}, {boldLatin, latinText}} {
		t.Run(fontKeys[c.font], func(t *testing.T) { trimmedDrawsTheSame(t, c.font, c.text) })
	}
}

func trimmedDrawsTheSame(t *testing.T, i int, text string) {
	src := embeddedFonts()[i]
	before := sha256.Sum256(src)
	glyphs := glyphsOf(t, i, text)
	font, err := trimmedFont(src, glyphs)
	if err != nil {
		t.Fatal(err)
	}
	orig, trimmed := glyphsIn(t, src), glyphsIn(t, font)
	composites := 0
	for _, g := range glyphs {
		_ = components(orig.data(g), func(int) { composites++ })
	}
	if composites == 0 {
		t.Fatal("no composite glyph among the characters; the test cannot tell")
	}
	fs, _ := loadFonts()
	adv, err := readAdvances(font)
	if err != nil {
		t.Fatal(err)
	}
	for r := rune(1); r < 0xFFFF; r++ {
		g, want := adv.glyph[r], glyphs[r]
		switch {
		case want == 0 && g != 0:
			t.Errorf("%q (%U) has a glyph; only the given characters should", r, r)
		case want != 0 && g == 0:
			t.Errorf("%q has no glyph", r)
		case want != 0 && !sameGlyph(orig, want, trimmed, g):
			t.Errorf("%q: glyph %d is not the face's glyph %d", r, g, want)
		case want != 0 && adv.width(r) != fs.adv[i].width(r):
			t.Errorf("%q: advance %v; the face's is %v", r, adv.width(r), fs.adv[i].width(r))
		}
	}
	if !sameGlyph(orig, 0, trimmed, 0) {
		t.Error("glyph 0, drawn for missing characters, changed")
	}
	if len(font) > 64<<10 {
		t.Errorf("the trimmed font has %d bytes", len(font))
	}
	// Checksums: each table's, and the whole file's through head.
	tables, _ := sfntTables(font)
	be := binary.BigEndian
	for i := range int(be.Uint16(font[4:])) {
		rec := font[12+16*i:]
		off, n := be.Uint32(rec[8:]), be.Uint32(rec[12:])
		if got := checksum(font[off : off+(n+3)&^3]); string(rec[:4]) != "head" && got != be.Uint32(rec[4:]) {
			t.Errorf("table %q: checksum %08x; directory says %08x", rec[:4], got, be.Uint32(rec[4:]))
		}
	}
	if got := checksum(font); got != 0xB1B0AFBA {
		t.Errorf("font checksum %08x, want B1B0AFBA", got)
	}
	if tables["GSUB"] != nil || tables["vmtx"] != nil {
		t.Error("tables gofpdf does not embed were kept")
	}
	// gofpdf reads it and measures as the report does.
	pdf := gofpdf.New("P", "pt", "A4", "")
	pdf.AddUTF8FontFromBytes("t", "", font)
	pdf.SetFont("t", "", 1000)
	for r := range glyphs {
		if got, want := pdf.GetStringWidth(string(r)), fs.adv[i].width(r); got != want {
			t.Errorf("gofpdf measures %q as %v; the face's advance is %v", r, got, want)
		}
	}
	if err := pdf.Error(); err != nil {
		t.Fatal(err)
	}
	for i := range font {
		font[i] = 0xFF
	}
	if sha256.Sum256(src) != before {
		t.Fatal("writing into the trimmed font changed the embedded face")
	}
}

// TestTrimmedFontRefusesDamage: a cut or damaged font gives an error,
// never a panic or a font with glyphs missing.
func TestTrimmedFontRefusesDamage(t *testing.T) {
	src := assets.DroidSansFallback
	glyphs := glyphsOf(t, int(faceCJK), trimText)
	// The end of the table that ends last, past which is only padding.
	end := 0
	for i := range int(binary.BigEndian.Uint16(src[4:])) {
		rec := src[12+16*i:]
		end = max(end, int(binary.BigEndian.Uint32(rec[8:])+binary.BigEndian.Uint32(rec[12:])))
	}
	for _, n := range []int{0, 11, 100, len(src) / 2, end - 1} {
		if _, err := trimmedFont(src[:n], glyphs); !errors.Is(err, errTrim) {
			t.Errorf("font cut to %d bytes: err = %v, want errTrim", n, err)
		}
	}
	// A glyph id past the face's last glyph.
	if _, err := trimmedFont(src, map[rune]uint16{'x': 0xFFFE}); !errors.Is(err, errTrim) {
		t.Errorf("glyph past the last: err = %v, want errTrim", err)
	}
	// A composite glyph whose component list runs off its end.
	tables, _ := sfntTables(src)
	g := &glyphTable{glyf: tables["glyf"], loca: tables["loca"], long: true, n: 1 << 16}
	for _, id := range glyphs {
		if data := g.data(id); len(data) > 14 && int16(binary.BigEndian.Uint16(data)) < 0 {
			if err := components(data[:12], func(int) {}); err == nil {
				t.Error("a composite glyph cut short was read without error")
			}
			return
		}
	}
	t.Fatal("no composite glyph among the characters")
}

// TestWholeFacesFallback is the document WritePDF makes when a report
// draws a character its trimmed fonts lack: with the whole faces, whose
// text reads back and whose fonts are embedded.
func TestWholeFacesFallback(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not on PATH (install poppler-utils)")
	}
	s, err := canvas.NewSession(canvas.TemplateQuick, "季度评审 Quarterly", "鹏程客户管理", time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	pdfMu.Lock()
	r, err := newReport(s, PDFOptions{Words: lang.For(lang.ZH)}, false)
	if err != nil {
		pdfMu.Unlock()
		t.Fatal(err)
	}
	r.build()
	var buf bytes.Buffer
	err = r.pdf.Output(&buf)
	pdfMu.Unlock()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := finishPDF(buf.Bytes(), r.ts.used)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("pdftotext", "-l", "1", "-", "-")
	cmd.Stdin = bytes.NewReader(doc)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"季度评审 Quarterly", "鹏程客户管理"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("page 1 lacks %q:\n%s", want, out)
		}
	}
	for _, name := range []string{"+DroidSansFallback", "+NotoSans-Regular", "+NotoSans-Bold"} {
		if !bytes.Contains(doc, []byte(name)) {
			t.Errorf("%s is not embedded", name)
		}
	}
}

// TestDocWriterKeepsEveryWrite: gofpdf's Output writes its document in
// one Write, which docWriter keeps without copying; should it ever write
// in parts, every part is kept, and the first part's bytes are not
// written into.
func TestDocWriterKeepsEveryWrite(t *testing.T) {
	var d docWriter
	first := make([]byte, 2, 16)
	copy(first, "%P")
	spare := first[:4]
	copy(spare[2:], "!!")
	for _, p := range [][]byte{first, []byte("DF-"), []byte("1.3")} {
		if n, err := d.Write(p); n != len(p) || err != nil {
			t.Fatalf("Write(%q) = %d, %v", p, n, err)
		}
	}
	if string(d.doc) != "%PDF-1.3" {
		t.Errorf("kept %q, want %q", d.doc, "%PDF-1.3")
	}
	if string(spare) != "%P!!" {
		t.Errorf("the first part's spare capacity was written into: %q", spare)
	}
}
