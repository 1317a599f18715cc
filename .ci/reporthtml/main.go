// Command reporthtml writes a session's summary report as one HTML page,
// with the same content as Fulcrum's PDF (header and ToB index, the profile
// chart as inline SVG, where the team disagreed, what was decided,
// dimensions, discussion points, reasons, guidance and actions) in the same
// embedded fonts, so make bench-chromium can time a browser printing the
// report beside fulcrum export --pdf. It is a benchmark tool: the product
// has no HTML export.
package main

import (
	"flag"
	"fmt"
	"html"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/fulcrum-workshop/fulcrum/assets"
	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

func main() {
	db := flag.String("db", "", "session file")
	id := flag.String("id", "", "session id")
	tag := flag.String("lang", "en", "language: en, zh or es")
	flag.Parse()
	if *db == "" || *id == "" || flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: reporthtml -db FILE -id ID [-lang en|zh|es] OUT.html")
		os.Exit(2)
	}
	if err := run(*db, *id, lang.Tag(*tag), flag.Arg(0)); err != nil {
		fmt.Fprintln(os.Stderr, "reporthtml:", err)
		os.Exit(1)
	}
}

func run(db, id string, tag lang.Tag, out string) error {
	st, err := store.Open(db, store.Options{})
	if err != nil {
		return fmt.Errorf("open %s: %w", db, err)
	}
	s, err := st.Load(id)
	st.Close()
	if err != nil {
		return fmt.Errorf("load session %s: %w", id, err)
	}
	// The page loads the same TrueType faces the PDF embeds, from beside it.
	dir := filepath.Dir(out)
	for name, ttf := range map[string][]byte{
		"NotoSans-Regular.ttf": assets.NotoSansRegular, "NotoSans-Bold.ttf": assets.NotoSansBold,
		"DroidSansFallback.ttf": assets.DroidSansFallback, "DejaVuSans.ttf": assets.DejaVuSans,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), ttf, 0o644); err != nil {
			return err
		}
	}
	p := page{w: lang.For(tag), s: s}
	p.write()
	return os.WriteFile(out, []byte(p.b.String()), 0o644)
}

type page struct {
	w *lang.Words
	s *canvas.Session
	b strings.Builder
}

func (p *page) f(format string, args ...any) { fmt.Fprintf(&p.b, format, args...) }

// e escapes text for HTML.
func e(s string) string { return html.EscapeString(s) }

const style = `
@font-face { font-family: R; src: url(NotoSans-Regular.ttf); }
@font-face { font-family: R; font-weight: bold; src: url(NotoSans-Bold.ttf); }
@font-face { font-family: C; src: url(DroidSansFallback.ttf); }
@font-face { font-family: S; src: url(DejaVuSans.ttf); }
@page { size: A4; margin: 40pt; }
body { font: 9.5pt/1.35 R, C, S; color: #1f2633; margin: 0; }
h1 { font-size: 20pt; margin: 0; } h2 { font-size: 13pt; margin: 12pt 0 3pt; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 6pt 0 2pt; break-after: avoid; }
.muted { color: #6b7280; } .warn { color: #b43c00; } .accent { color: #1f5fbf; }
header { display: flex; justify-content: space-between; }
.index { background: #f1f4f8; width: 150pt; height: 84pt; text-align: center; }
.index b { display: block; font-size: 34pt; color: #1f5fbf; line-height: 1.1; }
.cols { display: flex; gap: 16pt; } .cols > div { flex: 1; }
table { border-collapse: collapse; width: 100%; } tr { break-inside: avoid; }
th, td { text-align: left; vertical-align: top; padding: 2pt 4pt; border-bottom: 0.5pt solid #c9ced6; }
.page1 { break-after: page; }
.page1 svg { display: block; width: 100%; height: auto; max-height: 470pt; } /* page 1 answers, as in the PDF */
`

func (p *page) write() {
	w, s := p.w, p.s
	p.f("<!doctype html><html lang=%q><meta charset=utf-8><title>%s</title><style>%s</style><body>", string(w.Tag()), e(s.Title), style)
	p.f(`<div class=page1>`)
	p.header()
	p.f(`%s`, chartSVG(s, w))
	p.keyPoints()
	p.f(`</div>`)
	p.dimensions()
	p.tensions()
	p.discussion()
	p.reasons()
	p.guidance()
	p.actions()
	p.f(`<p class=muted>%s</p></body></html>`, e(w.T("export.pdf.footer.left", s.Title, w.Date(s.Updated.UTC()))))
}

func (p *page) header() {
	w, s := p.w, p.s
	p.f(`<header><div><h1>%s</h1><div class=accent style="font-size:13pt">%s</div>`, e(s.Title), e(s.Product))
	date := w.Date(s.Created.UTC())
	meta := w.T("export.pdf.meta.session", date)
	if s.Facilitator != "" {
		meta = w.T("export.pdf.meta.session-by", date, s.Facilitator)
	}
	p.f(`<p class=muted>%s<br>`, e(meta))
	if s.Settings.Anonymous {
		p.f(`%s`, e(w.N("export.pdf.participants.anonymous", len(s.Participants))))
	} else {
		var people []string
		for _, pp := range s.Participants {
			people = append(people, w.T("export.pdf.aside", pp.Name, pp.Role))
		}
		p.f(`%s`, e(w.T("export.pdf.participants.list", strings.Join(people, w.T("export.pdf.list-separator")))))
	}
	idx := s.Index()
	value, label := "–", w.T("export.pdf.index.none")
	if idx.Valid {
		value, label = strconv.Itoa(canvas.RoundHalf(idx.Value)), w.Band(idx.Band())
	}
	p.f(`</p></div><div class=index><span class=muted>%s</span><b>%s</b>%s</div></header>`,
		e(w.T("export.pdf.index.title")), value, e(label))
}

func (p *page) name(d canvas.Dimension) string { return p.w.DimensionOf(d).Name }

func (p *page) who(id string, number int) string {
	if p.s.Settings.Anonymous {
		return p.w.T("export.pdf.participant-n", number)
	}
	if pp, ok := p.s.Participant(id); ok {
		return pp.Name
	}
	return id
}

func (p *page) keyPoints() {
	w, s := p.w, p.s
	p.f(`<div class=cols><div><h3>%s</h3>`, e(w.T("export.pdf.keypoints.disagreed")))
	agenda := s.Agenda()
	for i, a := range agenda {
		if i == 3 {
			p.f(`<div class=muted>%s</div>`, e(w.N("export.pdf.keypoints.more-disagreements", len(agenda)-3, w.T("export.pdf.heading.discussion"))))
			break
		}
		d, _ := s.Dimension(a.Key)
		st := s.DimensionStats(a.Key)
		p.f(`<div>%s</div>`, e(w.T("export.pdf.keypoints.spread", p.name(d), st.Spread(), st.Min, st.Max)))
	}
	agreed, targets := 0, 0
	for _, d := range s.Dimensions {
		if s.PositionOf(d.Key).Kind == canvas.PositionAgreed {
			agreed++
		}
		if s.Position(d.Key).Target != nil {
			targets++
		}
	}
	p.f(`</div><div><h3>%s</h3><div>%s</div>`, e(w.T("export.pdf.keypoints.decided")), e(w.N("export.pdf.keypoints.agreed", len(s.Dimensions), agreed)))
	if targets > 0 {
		p.f(`<div>%s</div>`, e(w.N("export.pdf.keypoints.targets", len(s.Dimensions), targets)))
	}
	if len(s.Actions) == 0 {
		p.f(`<div class=muted>%s</div>`, e(w.T("export.pdf.actions.none")))
	}
	for i, a := range s.Actions {
		if i == 3 {
			p.f(`<div class=muted>%s</div>`, e(w.N("export.pdf.keypoints.more-actions", len(s.Actions)-3, w.T("export.pdf.heading.actions"))))
			break
		}
		p.f(`<div>• %s</div>`, e(w.T("export.pdf.dash", a.Text, a.Owner)))
	}
	p.f(`</div></div>`)
}

func (p *page) dimensions() {
	w, s := p.w, p.s
	p.f(`<h2>%s</h2><table><tr><th>%s<th>%s<th>%s<th>%s<th>%s</tr>`, e(w.T("export.pdf.heading.dimensions")),
		e(w.T("export.pdf.col.dimension")), e(w.T("export.pdf.col.current")), e(w.T("export.pdf.col.target")),
		e(w.T("export.pdf.col.range")), e(w.T("export.pdf.col.note")))
	group := ""
	for _, d := range s.Dimensions {
		if d.Group != group {
			group = d.Group
			p.f(`<tr><td colspan=5 class=accent><b>%s</b></tr>`, e(w.Group(group)))
		}
		pos := s.Position(d.Key)
		st := s.DimensionStats(d.Key)
		cur, tgt, rng := "–", "–", "–"
		if pos.Current != nil {
			cur = strconv.Itoa(*pos.Current)
		}
		if pos.Target != nil {
			tgt = strconv.Itoa(*pos.Target)
		}
		if st.Count > 0 {
			rng = fmt.Sprintf("%d–%d", st.Min, st.Max)
		}
		p.f(`<tr><td><b>%s</b><td>%s<td>%s<td>%s<td>%s</tr>`, e(p.name(d)), cur, tgt, rng, e(pos.Note))
	}
	p.f(`</table>`)
}

func decimal(w *lang.Words, f float64) string {
	return strings.Replace(strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64), ".", w.T("export.number.decimal-separator"), 1)
}

// tensions is the PDF's "Tensions between positions": each tension's
// message, question and positions, an accepted one with the team's reason.
func (p *page) tensions() {
	w, s := p.w, p.s
	p.f(`<h2>%s</h2><p class=muted>%s</p>`, e(w.T("export.pdf.heading.tensions")),
		e(w.T("export.pdf.tensions.intro", canvas.TensionToCMax, canvas.TensionToBMin)))
	ts := s.Tensions()
	if len(ts) == 0 {
		p.f(`<p>%s</p>`, e(w.T("export.pdf.tensions.none")))
	}
	for _, t := range ts {
		text, _ := w.Tension(t.Rule)
		var parts []string
		for i, key := range t.Dimensions {
			d, _ := s.Dimension(key)
			parts = append(parts, w.T("export.pdf.tension.value", p.name(d), strconv.Itoa(canvas.RoundHalf(t.Values[i]))))
		}
		p.f(`<h3 class=warn>%s</h3><p>%s</p><p><i>%s</i></p><p class=muted>%s</p>`, e(text.Name), e(text.Message),
			e(w.T("export.pdf.tensions.question", text.Question)),
			e(w.T("export.pdf.tensions.positions", strings.Join(parts, w.T("export.pdf.list-separator")))))
		if t.Accepted {
			p.f(`<p>%s</p>`, e(w.T("export.pdf.tensions.accepted", t.Reason)))
		}
	}
}

func (p *page) discussion() {
	w, s := p.w, p.s
	p.f(`<h2>%s</h2>`, e(w.T("export.pdf.heading.discussion")))
	for _, a := range s.Agenda() {
		d, _ := s.Dimension(a.Key)
		st := s.DimensionStats(a.Key)
		p.f(`<h3 class=warn>%s</h3><div class=muted>%s</div>`, e(w.T("export.pdf.discussion.title", p.name(d), st.Spread())),
			e(w.N("export.pdf.discussion.figures", st.Count, st.Min, st.Max, decimal(w, st.Median), decimal(w, st.Mean))))
		for _, r := range s.Reasons(a.Key) {
			line := w.T("export.pdf.discussion.placement", p.who(r.Participant, r.Number), r.Value)
			if r.Confidence > 0 {
				line = w.T("export.pdf.aside", line, w.T("export.pdf.confidence", r.Confidence, canvas.MaxConfidence))
			}
			if r.Note != "" {
				line = w.T("export.pdf.dash", line, r.Note)
			}
			p.f(`<div style="margin-left:12pt">%s</div>`, e(line))
		}
	}
}

func (p *page) reasons() {
	w, s := p.w, p.s
	p.f(`<h2 style="break-before:page">%s</h2><p class=muted>%s</p>`, e(w.T("export.pdf.heading.reasons")),
		e(w.T("export.pdf.reasons.intro", 1, canvas.MaxConfidence)))
	for _, d := range s.Dimensions {
		p.f(`<h3>%s</h3><table>`, e(p.name(d)))
		for _, r := range s.Reasons(d.Key) {
			if r.Note == "" {
				continue
			}
			p.f(`<tr><td style="width:150pt">%s %s<td>%s</tr>`, e(p.who(r.Participant, r.Number)),
				e(w.T("export.pdf.aside", strconv.Itoa(r.Value), w.T("export.pdf.confidence", r.Confidence, canvas.MaxConfidence))), e(r.Note))
		}
		p.f(`</table>`)
	}
}

func (p *page) guidance() {
	w, s := p.w, p.s
	p.f(`<h2>%s</h2><p class=muted>%s</p>`, e(w.T("export.pdf.heading.guidance")), e(w.T("export.pdf.guidance.intro", canvas.HybridFrom, canvas.HybridTo)))
	for _, d := range s.Dimensions {
		v, ok := s.EffectivePosition(d.Key)
		if !ok {
			continue
		}
		t := w.DimensionOf(d)
		toc := [2]string{w.T("export.pdf.guidance.pole.toc", t.ToC), t.GuidanceToC}
		tob := [2]string{w.T("export.pdf.guidance.pole.tob", t.ToB), t.GuidanceToB}
		lean, parts := w.T("export.pdf.guidance.lean.hybrid"), [][2]string{toc, tob}
		switch canvas.LeanOf(v) {
		case canvas.LeanToC:
			lean, parts = w.T("export.pdf.guidance.lean.toc"), [][2]string{toc}
		case canvas.LeanToB:
			lean, parts = w.T("export.pdf.guidance.lean.tob"), [][2]string{tob}
		}
		p.f(`<div style="break-inside:avoid"><h3>%s</h3>`, e(w.T("export.pdf.guidance.title", t.Name, strconv.Itoa(canvas.RoundHalf(v)), lean)))
		for _, pt := range parts {
			p.f(`<div style="margin-left:12pt"><b class=accent>%s</b><br>%s</div>`, e(pt[0]), e(pt[1]))
		}
		p.f(`</div>`)
	}
}

func (p *page) actions() {
	w, s := p.w, p.s
	p.f(`<h2>%s</h2>`, e(w.T("export.pdf.heading.actions")))
	if len(s.Actions) == 0 {
		p.f(`<p class=muted>%s</p>`, e(w.T("export.pdf.actions.none")))
		return
	}
	p.f(`<table><tr><th>%s<th>%s<th>%s<th>%s<th>%s</tr>`, e(w.T("export.pdf.col.action")), e(w.T("export.pdf.col.owner")),
		e(w.T("export.pdf.col.due")), e(w.T("export.pdf.col.dimension")), e(w.T("export.pdf.col.done")))
	for _, a := range s.Actions {
		dim := a.Dimension
		if d, ok := s.Dimension(a.Dimension); ok {
			dim = p.name(d)
		}
		done := ""
		if a.Done {
			done = "✓"
		}
		p.f(`<tr><td>%s<td>%s<td>%s<td>%s<td>%s</tr>`, e(a.Text), e(a.Owner), e(a.Due), e(dim), done)
	}
	p.f(`</table>`)
}
