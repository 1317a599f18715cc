package export

import (
	"encoding/binary"
	"slices"
	"strings"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// gofpdf reads every character of a font's cmap into maps twice per
// document (when the font is added and when it is subset), which for the
// 4 MB CJK face, with its tens of thousands of characters, was the largest
// part of an export left after layout. The report hands it fonts with
// only the characters it can draw (see trimmedFont): the same glyphs,
// subset the same way, in a fraction of the time.

// cmapFor is a TrueType cmap table mapping only the given characters, to
// their glyphs, as one format 4 subtable (platform 3, encoding 1): a
// segment per character, then the closing 0xFFFF segment.
func cmapFor(glyphs map[rune]uint16) []byte {
	runes := make([]rune, 0, len(glyphs))
	for r := range glyphs {
		if r >= 0 && r < 0xFFFF {
			runes = append(runes, r)
		}
	}
	slices.Sort(runes)
	segs := len(runes) + 1
	sub := make([]byte, 16+8*segs)
	be := binary.BigEndian
	be.PutUint16(sub[0:], 4)
	be.PutUint16(sub[2:], uint16(len(sub)))
	be.PutUint16(sub[6:], uint16(2*segs))
	// The binary search fields, as the spec defines them.
	p, selector := 1, 0
	for p*2 <= segs {
		p *= 2
		selector++
	}
	be.PutUint16(sub[8:], uint16(2*p))
	be.PutUint16(sub[10:], uint16(selector))
	be.PutUint16(sub[12:], uint16(2*segs-2*p))
	ends, starts := 14, 16+2*segs
	deltas, ranges := starts+2*segs, starts+4*segs
	for i, r := range runes {
		be.PutUint16(sub[ends+2*i:], uint16(r))
		be.PutUint16(sub[starts+2*i:], uint16(r))
		be.PutUint16(sub[deltas+2*i:], glyphs[r]-uint16(r))
		be.PutUint16(sub[ranges+2*i:], 0)
	}
	last := segs - 1
	be.PutUint16(sub[ends+2*last:], 0xFFFF)
	be.PutUint16(sub[starts+2*last:], 0xFFFF)
	be.PutUint16(sub[deltas+2*last:], 1)
	head := []byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12}
	return append(head, sub...)
}

// covered reports whether every font drew only characters it was given;
// otherwise the document is made again with the whole faces.
func (t *typesetter) covered() bool {
	if !t.trimmed {
		return true
	}
	for i, given := range t.trim {
		whole := t.fonts.adv[i].glyph
		for r := range t.used[fontKeys[i]] {
			// A character the face has no glyph for is missing from
			// the whole face too: the document would be the same.
			if _, ok := given[r]; !ok && r <= 0xFFFF && whole[r] != 0 {
				return false
			}
		}
	}
	return true
}

// fontKeys are gofpdf's keys for the fonts, by fontIndex.
var fontKeys = [4]string{fontKey(faceLatin, false), fontKey(faceCJK, false), fontKey(faceSymbol, false), fontKey(faceLatin, true)}

// reportKeys are the messages the report draws in its own words. The
// fonts are given to gofpdf with only the characters a report can draw:
// the session's text, these words and alwaysDrawn. A key missing here costs
// speed, not correctness (see WritePDF), and TestReportKeysAreListed
// compares the list with the keys the package's code names.
var reportKeys = []string{
	"export.number.decimal-separator", "export.pdf.actions.none", "export.pdf.aside", "export.pdf.col.action",
	"export.pdf.col.current", "export.pdf.col.dimension", "export.pdf.col.done", "export.pdf.col.due",
	"export.pdf.col.note", "export.pdf.col.now", "export.pdf.col.owner", "export.pdf.col.range",
	"export.pdf.col.shift", "export.pdf.col.target", "export.pdf.col.then", "export.pdf.confidence",
	"export.pdf.dash", "export.pdf.discussion.figures", "export.pdf.discussion.none",
	"export.pdf.discussion.placement", "export.pdf.discussion.title", "export.pdf.footer.left",
	"export.pdf.footer.page", "export.pdf.guidance.intro", "export.pdf.guidance.lean.hybrid",
	"export.pdf.guidance.lean.tob", "export.pdf.guidance.lean.toc", "export.pdf.guidance.pole.tob",
	"export.pdf.guidance.pole.toc", "export.pdf.guidance.title", "export.pdf.heading.actions",
	"export.pdf.heading.dimensions", "export.pdf.heading.discussion", "export.pdf.heading.guidance",
	"export.pdf.heading.reasons", "export.pdf.heading.since", "export.pdf.heading.tensions",
	"export.pdf.index.none", "export.pdf.index.title", "export.pdf.keypoints.action-due",
	"export.pdf.keypoints.agreed", "export.pdf.keypoints.decided", "export.pdf.keypoints.disagreed",
	"export.pdf.keypoints.medians", "export.pdf.keypoints.more-actions",
	"export.pdf.keypoints.more-disagreements", "export.pdf.keypoints.more-tensions",
	"export.pdf.keypoints.no-spread", "export.pdf.keypoints.spread", "export.pdf.keypoints.targets",
	"export.pdf.keypoints.tensions", "export.pdf.keypoints.unrevealed", "export.pdf.list-separator",
	"export.pdf.medians-note", "export.pdf.meta.session", "export.pdf.meta.session-by",
	"export.pdf.participant-n", "export.pdf.participant-unknown", "export.pdf.participants.anonymous",
	"export.pdf.participants.list", "export.pdf.reasons.continued", "export.pdf.reasons.intro",
	"export.pdf.reasons.none", "export.pdf.since.added", "export.pdf.since.added-list",
	"export.pdf.since.index", "export.pdf.since.intro", "export.pdf.since.removed",
	"export.pdf.since.removed-list", "export.pdf.since.target-missed", "export.pdf.since.target-reached",
	"export.pdf.since.targets", "export.pdf.since.targets-which", "export.pdf.since.targets.none-set",
	"export.pdf.since.tensions.new", "export.pdf.since.tensions.none", "export.pdf.since.tensions.resolved",
	"export.pdf.subject", "export.pdf.tension.value", "export.pdf.tensions.accepted",
	"export.pdf.tensions.accepted-mark", "export.pdf.tensions.intro", "export.pdf.tensions.none",
	"export.pdf.tensions.positions", "export.pdf.tensions.question",
}

// reportTexts is every text of the report's own words: its messages, the
// chart's (bands, legend, poles) and its dates.
func reportTexts(w *lang.Words, s *canvas.Session) []string {
	out := make([]string, 0, len(reportKeys)+16)
	for _, k := range reportKeys {
		out = append(out, w.T(k), w.N(k, 1))
	}
	for _, b := range []canvas.Band{canvas.BandStronglyToC, canvas.BandLeaningToC, canvas.BandHybrid, canvas.BandLeaningToB, canvas.BandStronglyToB} {
		out = append(out, w.Band(b))
	}
	for _, k := range []canvas.LabelKind{canvas.LabelIndex, canvas.LabelIndexNotSet, canvas.LabelPoleToC, canvas.LabelPoleToB, canvas.LabelAxisToC, canvas.LabelAxisToB} {
		out = append(out, w.ChartLabel(canvas.Label{Kind: k}))
	}
	for _, k := range canvas.LegendKinds() {
		out = append(out, w.Legend(k))
	}
	// Every rule's words: which fire depends on the positions, and a
	// baseline's tensions are named too.
	for _, r := range canvas.TensionRules() {
		t, _ := w.Tension(r.Key)
		out = append(out, t.Name, t.Message, t.Question)
	}
	return append(out, w.Date(s.Created.UTC()), w.Date(s.Updated.UTC()), doneMark, "…", "•", "–", "~")
}

// alwaysDrawn is what a report may draw whatever its words say: the
// digits and punctuation of its numbers, dates and page numbers, and the
// Latin letters and punctuation most often typed. A character a report
// draws that is neither here nor in its texts costs a second layout, not
// correctness (see WritePDF).
var alwaysDrawn = func() string {
	var b strings.Builder
	for r := rune(0x20); r <= 0x2052; r++ {
		if r < 0x7F || (r >= 0xA0 && r <= 0xFF) || r >= 0x2010 {
			b.WriteRune(r)
		}
	}
	return b.String() + string(Placeholder)
}()

// trimSets maps, for each font, every character of texts and alwaysDrawn
// that the font draws to its glyph. Each font also gets every character
// up to U+00FF it has, U+0000 included, because gofpdf writes those
// characters' widths into the document whether drawn or not, and embeds
// the glyph of U+0000 in every subset: the fonts embedded are the same as
// from the whole faces.
func (t *typesetter) trimSets(texts []string) [4]map[rune]uint16 {
	var out [4]map[rune]uint16
	for i := range out {
		out[i] = map[rune]uint16{}
	}
	add := func(f face, r rune) {
		for _, bold := range []bool{false, true} {
			if bold && f != faceLatin {
				continue
			}
			i := fontIndex(f, bold)
			if g := t.fonts.adv[i].glyph[r]; g != 0 {
				out[i][r] = g
			}
		}
	}
	for f := range faceFamily {
		for r := rune(0); r <= 0xFF; r++ {
			add(face(f), r)
		}
	}
	for _, s := range append(texts, alwaysDrawn) {
		for _, r := range s {
			if f, g := t.faceFor(r); g >= 0 && g <= 0xFFFF {
				add(f, g)
			}
		}
	}
	return out
}
