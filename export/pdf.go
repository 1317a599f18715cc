package export

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/jung-kurt/gofpdf"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// Paper sizes for the PDF.
const (
	PaperA4     = "a4"
	PaperLetter = "letter"
)

// ErrPaper is returned for a paper size other than a4 or letter.
var ErrPaper = errors.New("paper must be a4 or letter")

// PDFOptions choose the paper and the language. The footer's date is the
// session's last change, never the day of the export, so a session gives
// the same bytes whenever and wherever it is exported.
type PDFOptions struct {
	Paper string // PaperA4 (default) or PaperLetter
	// Words is the language of everything the report says around the
	// team's own text (headings, tables, footer, dates); nil is English.
	Words *lang.Words
	// Since is the baseline session (`fulcrum export --since OLD_ID`, the
	// dialog's previous session of the same product) the report compares
	// with; nil for none.
	Since *canvas.Session
}

// WritePDF writes the session's summary report. The same session and
// options always give the same bytes.
func WritePDF(w io.Writer, s *canvas.Session, opt PDFOptions) error {
	pdfMu.Lock()
	defer pdfMu.Unlock()
	d, err := newReport(s, opt, true)
	if err != nil {
		return err
	}
	d.build()
	if !d.ts.covered() {
		// The report drew a character its words were not expected to
		// hold: make it again with the whole faces.
		if d, err = newReport(s, opt, false); err != nil {
			return err
		}
		d.build()
	}
	var out docWriter
	if err := d.pdf.Output(&out); err != nil {
		return fmt.Errorf("write PDF of session %s: %w", s.ID, err)
	}
	doc, err := finishPDF(out.doc, d.ts.used)
	if err != nil {
		return fmt.Errorf("write PDF of session %s: %w", s.ID, err)
	}
	if _, err := w.Write(doc); err != nil {
		return fmt.Errorf("write PDF of session %s: %w", s.ID, err)
	}
	return nil
}

// docWriter takes the document gofpdf's Output writes without copying
// it: Output hands over its whole buffer in one Write, and the document is
// closed after, so the bytes are the report's to read (finishPDF only
// reads them). The copy was a megabyte of fresh memory, which a new
// process pays for in page faults.
type docWriter struct{ doc []byte }

func (d *docWriter) Write(p []byte) (int, error) {
	if d.doc == nil {
		d.doc = p
	} else {
		d.doc = append(slices.Clip(d.doc), p...)
	}
	return len(p), nil
}

// Page geometry, in points.
const (
	margin   = 40.0
	footerH  = 24.0
	lineGap  = 1.35 // line height as a multiple of the font size
	cellPad  = 4.0
	bodySize = 9.5
)

var (
	textStyle  = style{size: bodySize}
	boldStyle  = style{size: bodySize, bold: true}
	smallStyle = style{size: 8}
	h1Style    = style{size: 20, bold: true}
	h2Style    = style{size: 13, bold: true}
	h3Style    = style{size: 10.5, bold: true}

	ink      = canvas.RGB{R: 0x1f, G: 0x26, B: 0x33}
	muted    = canvas.RGB{R: 0x6b, G: 0x72, B: 0x80}
	rule     = canvas.RGB{R: 0xc9, G: 0xce, B: 0xd6}
	accent   = canvas.RGB{R: 0x1f, G: 0x5f, B: 0xbf}
	shade    = canvas.RGB{R: 0xf1, G: 0xf4, B: 0xf8}
	warnInk  = canvas.RGB{R: 0xb4, G: 0x3c, B: 0x00}
	pdfWhite = canvas.RGB{R: 0xff, G: 0xff, B: 0xff}
	// spreadInk is the band from the lowest to the highest placement.
	spreadInk = canvas.RGB{R: 0xc6, G: 0xd7, B: 0xf0}
)

type report struct {
	pdf   *gofpdf.Fpdf
	w     *lang.Words
	ts    *typesetter
	s     *canvas.Session
	opt   PDFOptions
	y     float64
	pageW float64
	pageH float64
	// participantsCut is the header's list of participants when it was
	// too long for page 1.
	participantsCut string
}

// newReport starts a report. trim gives gofpdf fonts with only the
// characters the session and the report's words hold (see trimmedFont),
// not the whole faces.
func newReport(s *canvas.Session, opt PDFOptions, trim bool) (*report, error) {
	size := "A4"
	switch strings.ToLower(opt.Paper) {
	case "", PaperA4:
	case PaperLetter:
		size = "Letter"
	default:
		return nil, fmt.Errorf("%w (got %q)", ErrPaper, opt.Paper)
	}
	fs, err := loadFonts()
	if err != nil {
		return nil, err
	}
	w := wordsOr(opt.Words)
	pdf := gofpdf.New("P", "pt", size, "")
	pdf.SetCatalogSort(true)
	// finishPDF compresses the pages, with less memory than gofpdf.
	pdf.SetCompression(false)
	pdf.SetCreationDate(s.Created.UTC())
	pdf.SetModificationDate(s.Updated.UTC())
	// gofpdf's own UTF-8 conversion has no surrogate pairs and mangles
	// emoji: the properties are given to it already encoded.
	pdf.SetTitle(textString(s.Title), false)
	pdf.SetSubject(textString(w.T("export.pdf.subject", s.Product)), false)
	pdf.SetAuthor(textString(s.Facilitator), false)
	pdf.SetCreator("Fulcrum", false)
	pdf.SetMargins(margin, margin, margin)
	pdf.SetAutoPageBreak(false, margin)
	ts := newTypesetter(pdf, fs)
	texts := append(sessionTexts(w, s), baselineTexts(w, opt.Since)...)
	if trim {
		ts.trim, ts.trimmed = ts.trimSets(append(texts, reportTexts(w, s)...)), true
	}
	ts.register(ts.facesFor(texts...))
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("load PDF fonts: %w", err)
	}
	pw, ph := pdf.GetPageSize()
	r := &report{pdf: pdf, w: w, ts: ts, s: s, opt: opt, pageW: pw, pageH: ph}
	return r, nil
}

// textString encodes s as a PDF text string: UTF-16BE after a byte order
// mark, characters beyond the Basic Multilingual Plane as surrogate pairs
// (PDF 32000-1, 7.9.2.2). gofpdf escapes the parentheses and backslashes.
func textString(s string) string {
	if s == "" {
		return ""
	}
	b := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return string(b)
}

func (r *report) contentW() float64 { return r.pageW - 2*margin }
func (r *report) bottom() float64   { return r.pageH - margin - footerH }

func (r *report) color(c canvas.RGB) {
	r.pdf.SetTextColor(int(c.R), int(c.G), int(c.B))
}

func (r *report) newPage() {
	r.pdf.AddPage()
	r.y = margin
}

// ensure starts a new page unless h more points fit on this one.
func (r *report) ensure(h float64) {
	if r.y+h > r.bottom() {
		r.newPage()
	}
}

func lineH(st style) float64 { return st.size * lineGap }

// para writes wrapped text across the content width at x, flowing onto
// new pages as needed.
func (r *report) para(x, w float64, text string, st style, c canvas.RGB) {
	r.lines(x, r.ts.wrap(text, w, st), st, c)
}

// paraAtMost is para cut to n lines, the last ending in an ellipsis when
// text goes on: the header must leave page 1 to the answers, however long
// a title is. The whole text stays in the document properties.
func (r *report) paraAtMost(n int, x, w float64, text string, st style, c canvas.RGB) {
	lines := r.ts.wrap(text, w, st)
	if len(lines) > n {
		lines = lines[:n]
		last := r.fit(lines[n-1], w-r.ts.width("…", st), st)
		if !strings.HasSuffix(last, "…") {
			last += "…"
		}
		lines[n-1] = last
	}
	r.lines(x, lines, st, c)
}

func (r *report) lines(x float64, lines []string, st style, c canvas.RGB) {
	r.color(c)
	for _, line := range lines {
		r.ensure(lineH(st))
		r.ts.draw(x, r.y+st.size, line, st)
		r.y += lineH(st)
	}
}

// heading starts a section. next is the height of the section's first
// block (its first paragraph, or a table's header and first row), measured
// by the caller: the heading moves to a new page with it rather than end a
// page alone.
func (r *report) heading(text string, st style, next float64) {
	h := st.size*0.6 + r.paraH(r.contentW(), text, st) + 3
	r.ensure(min(h+next, r.bottom()-margin))
	r.y += st.size * 0.6
	r.bookmark(text)
	r.para(margin, r.contentW(), text, st, ink)
	r.y += 3
}

// bookmark adds text to the outline a PDF viewer shows beside the pages,
// pointing at the current line. gofpdf converts the title to UTF-16 only
// while a UTF-8 font is current, and its converter knows nothing of
// surrogate pairs: a Unicode face is set first, and characters beyond the
// Basic Multilingual Plane become the placeholder, as on the page.
func (r *report) bookmark(text string) {
	if text == "" {
		return
	}
	r.ts.setFont(faceLatin, textStyle)
	text = strings.Map(func(c rune) rune {
		if c > 0xFFFF {
			return Placeholder
		}
		return c
	}, text)
	r.pdf.Bookmark(text, 0, r.y)
}

// paraH is the height para gives text.
func (r *report) paraH(w float64, text string, st style) float64 {
	return float64(len(r.ts.wrap(text, w, st))) * lineH(st)
}

// footers numbers every page once the report is laid out and the page
// count is known. gofpdf's page-count alias is replaced after layout, so
// text drawn after it would keep the alias's width: "第 1 页，共 3 页"
// would have a gap before its last word.
func (r *report) footers() {
	n := r.pdf.PageCount()
	for i := 1; i <= n; i++ {
		r.pdf.SetPage(i)
		r.footer(i, n)
	}
}

func (r *report) footer(page, pages int) {
	y := r.pageH - margin + 4
	r.pdf.SetDrawColor(int(rule.R), int(rule.G), int(rule.B))
	r.pdf.SetLineWidth(0.5)
	r.pdf.Line(margin, y-12, r.pageW-margin, y-12)
	// The page's own stream may end in another fill colour, which gofpdf
	// uses for text of the same colour: set both here.
	r.pdf.SetFillColor(int(muted.R), int(muted.G), int(muted.B))
	r.color(muted)
	// The page number's box is as wide as its widest text in the
	// report's language (the last page's), so the title beside it is cut
	// at the same place on every page.
	last := strconv.Itoa(pages)
	boxW := r.ts.width(r.w.T("export.pdf.footer.page", last, last), smallStyle)
	left := r.w.T("export.pdf.footer.left", r.s.Title, r.w.Date(r.s.Updated.UTC()))
	left = r.fit(left, r.contentW()-boxW-16, smallStyle)
	r.ts.draw(margin, y, left, smallStyle)
	text := r.w.T("export.pdf.footer.page", strconv.Itoa(page), last)
	r.ts.draw(r.pageW-margin-r.ts.width(text, smallStyle), y, text, smallStyle)
}

// dim is the text of one of the session's dimensions in the report's
// language: built-in ones by key, whatever wording the session was saved
// with.
func (r *report) dim(d canvas.Dimension) lang.DimensionText { return r.w.DimensionOf(d) }

// fit shortens s with an ellipsis until it is at most w wide.
func (r *report) fit(s string, w float64, st style) string { return r.ts.fit(s, w, st) }

func (r *report) build() {
	r.newPage()
	r.header()
	// Page 1 answers: the chart shrinks to leave the key points room.
	kp := r.keyPoints()
	r.chart(r.bottom() - r.y - kp.height(r))
	kp.draw(r)
	r.restOfParticipants()
	r.dimensionTable()
	r.tensions()
	r.since()
	r.discussion()
	r.reasons()
	r.guidance()
	r.actions()
	r.footers()
}

// sessionTexts is every piece of text of the session the report may print,
// so the fonts it needs are known before drawing starts. The report's own
// words are not listed: a face they need is added when they are drawn
// (see typesetter.setFont).
func sessionTexts(w *lang.Words, s *canvas.Session) []string {
	out := []string{s.Title, s.Product, s.Facilitator}
	for _, d := range s.Dimensions {
		t := w.DimensionOf(d)
		out = append(out, t.Name, t.Question, t.ToC, t.ToB, t.GuidanceToC, t.GuidanceToB, w.Group(d.Group))
	}
	for _, p := range s.Participants {
		out = append(out, p.Name, p.Role)
	}
	for _, p := range s.Placements {
		out = append(out, p.Note)
	}
	for _, p := range s.Positions {
		out = append(out, p.Note)
	}
	for _, a := range s.Actions {
		out = append(out, a.Text, a.Owner, a.Due)
		if a.Done {
			out = append(out, doneMark)
		}
	}
	return append(out, tensionTexts(s)...)
}
