package export_test

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/benchdata"
	"github.com/fulcrum-workshop/fulcrum/export"
)

// Labels every report prints, whatever the session.
var reportLabels = []string{
	"Where the team disagreed",
	"What was decided",
	"Dimensions",
	"Guidance",
	"Actions",
}

// ---------------------------------------------------------------------------
// Content.

// expectedText lists what the report must say about s.
func expectedText(s *canvas.Session) map[string][]string {
	want := map[string][]string{
		"title":   {s.Title},
		"product": {s.Product},
		"label":   reportLabels,
	}
	if s.Facilitator != "" {
		want["facilitator"] = []string{"facilitated by " + s.Facilitator}
	}
	for _, p := range s.Participants {
		want["participant name"] = append(want["participant name"], p.Name)
		if p.Role != "" {
			want["participant role"] = append(want["participant role"], p.Role)
		}
	}
	for _, d := range s.Dimensions {
		want["dimension name"] = append(want["dimension name"], en(d).Name)
	}
	for _, p := range s.Positions {
		if p.Note != "" {
			want["position note"] = append(want["position note"], p.Note)
		}
	}
	for _, a := range s.Actions {
		want["action text"] = append(want["action text"], a.Text)
		if a.Owner != "" {
			want["action owner"] = append(want["action owner"], a.Owner)
		}
		if a.Due != "" {
			want["action due date"] = append(want["action due date"], a.Due)
		}
	}
	return want
}

func TestPDFContent(t *testing.T) {
	needTool(t, "pdftotext")
	needTool(t, "pdfinfo")
	sessions := []struct {
		name string
		s    *canvas.Session
	}{
		{"english", englishSession(t)},
		{"chinese", chineseSession(t)},
		{"spanish", spanishSession(t)},
		{"example-file", exampleSession(t)},
		{"full-12-participants", fullSession(t)},
	}
	for _, tc := range sessions {
		// WritePDF is not safe for concurrent use (see the report), so
		// render here and let only the extraction run in parallel.
		data := render(t, tc.s, export.PDFOptions{})
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := tc.s
			path := saveTemp(t, data)
			x := extractText(t, path)
			requireText(t, x, expectedText(s))

			// The index: the box shows value and label, the chart repeats
			// them in one line.
			idx := s.Index()
			if !idx.Valid {
				t.Fatalf("test session %s has no index", tc.name)
			}
			value := strconv.Itoa(int(math.Round(idx.Value)))
			band := lang.For(lang.EN).Band(idx.Band())
			if want := "ToB index " + value + " · " + band; !x.has(want) {
				t.Errorf("extracted text lacks the index line %q", want)
			}
			if n := x.count(band); n < 2 {
				t.Errorf("index label %q appears %d times; want it in the index box and in the chart", band, n)
			}
			if !regexp.MustCompile(`(?m)^\s*` + value + `\s*$`).MatchString(x.plain) {
				t.Errorf("index value %s is not printed on its own, as in the index box", value)
			}

			// Every page's footer numbers it out of the real page count.
			n := pageCount(t, path)
			for i := 1; i <= n; i++ {
				if want := fmt.Sprintf("Page %d of %d", i, n); !x.has(want) {
					t.Errorf("extracted text lacks footer %q (pdfinfo: %d pages)", want, n)
				}
			}
			for _, wrong := range []string{fmt.Sprintf("Page %d of", n+1), "{nb}"} {
				if x.has(wrong) {
					t.Errorf("extracted text has %q, but the PDF has %d pages", wrong, n)
				}
			}
			if !x.has("as of 20 November 2026") {
				t.Errorf("footer lacks the session's last change, 20 November 2026")
			}
		})
	}
}

// The footer dates the report by the session's last change, so the same
// session gives the same bytes on any day it is exported.
func TestPDFFooterIsTheSessionsLastChange(t *testing.T) {
	s := englishSession(t)
	s.Updated = time.Date(2027, 2, 14, 16, 0, 0, 0, time.UTC)
	x := extractText(t, saveTemp(t, render(t, s, export.PDFOptions{})))
	if !x.has("as of 14 February 2027") {
		t.Errorf("the footer should print the session's last change, 14 February 2027")
	}
}

func TestPDFLongChineseNoteWraps(t *testing.T) {
	note := longHanNote(640)
	for _, r := range note {
		if !unicode.Is(unicode.Han, r) {
			t.Fatalf("test bug: %q in the note is not Han", r)
		}
	}
	s := chineseSession(t)
	must(t, s.SetNote("value", note))
	x := extractText(t, saveTemp(t, render(t, s, export.PDFOptions{})))
	if !x.has(note) {
		t.Errorf("extracted text lacks the %d-character note, or part of it", utf8.RuneCountInString(note))
	}
	// Wrapped: the note comes out over several lines, each a piece of it.
	lines := 0
	for _, l := range strings.Split(x.plain, "\n") {
		if f := flat(l); utf8.RuneCountInString(f) >= 5 && strings.Contains(note, f) {
			lines++
		}
	}
	if lines < 5 {
		t.Errorf("the note spans %d lines of extracted text; want it wrapped over several", lines)
	}
}

func TestPDFLongLatinNoteSpansPages(t *testing.T) {
	const last = "Zephyrinequartz"
	note := longLatinNote(20000, last)
	if len(note) < 20000 {
		t.Fatalf("test bug: note is %d characters", len(note))
	}
	s := englishSession(t)
	must(t, s.SetNote("customer", note))
	path := saveTemp(t, render(t, s, export.PDFOptions{}))
	if n := pageCount(t, path); n <= 2 {
		t.Errorf("a 20,000-character note gave %d pages; want more than 2", n)
	}
	x := extractText(t, path)
	if !x.has(last) {
		t.Errorf("extracted text lacks the note's last word %q", last)
	}
	// The note is interrupted at each page break by the footer and the
	// repeated table header; without them it must come out whole.
	furniture := regexp.MustCompile(`^\s*(Fulcrum · .*Page \d+ of \d+|Dimension\s+Current\s+Target\s+Range\s+Note)\s*$`)
	var body strings.Builder
	for _, l := range strings.Split(x.layout, "\n") {
		if !furniture.MatchString(l) {
			body.WriteString(l)
		}
	}
	if got := flat(body.String()); !strings.Contains(got, flat(note)) {
		f := flat(note)
		n := 0
		for n < len(f) && strings.Contains(got, f[:n+1]) {
			n++
		}
		t.Errorf("extracted text lacks part of the 20,000-character note: only its first %d of %d non-space bytes come out in one piece", n, len(f))
	}
	want := expectedText(s)
	want["position note"] = slices.DeleteFunc(want["position note"], func(n string) bool { return n == note })
	requireText(t, x, want)
}

func TestPDFEmojiBecomesPlaceholder(t *testing.T) {
	s := englishSession(t)
	must(t, s.SetNote("value", "Ship it 🚀 now"))
	s.Actions[0].Text = "Celebrate 🎉 the launch"
	path := saveTemp(t, render(t, s, export.PDFOptions{}))
	x := extractText(t, path)
	ph := string(export.Placeholder)
	for _, want := range []string{"Ship it " + ph + " now", "Celebrate " + ph + " the launch"} {
		if !x.has(want) {
			t.Errorf("extracted text lacks %q", want)
		}
	}
	for _, dropped := range []string{"Ship it now", "Celebrate the launch"} {
		if x.has(dropped) {
			t.Errorf("extracted text has %q: the emoji was dropped", dropped)
		}
	}
}

// discussionSession has no participants; withPlacements adds three, who
// disagree by exactly the session's threshold on one dimension
// ("customer"), by one point less on another ("value") and by 65 points on
// a third ("release-cadence"). threshold 0 keeps the default.
func discussionSession(tb testing.TB, withPlacements bool, threshold int) *canvas.Session {
	tb.Helper()
	s := newSession(tb, canvas.TemplateQuick, "Placement check", "Tern Logistics", "")
	s.Settings.Threshold = threshold
	for _, d := range s.Dimensions {
		setPosition(tb, s, d.Key, 50, nil, "")
	}
	if !withPlacements {
		return s
	}
	addParticipant(tb, s, "a", "Ada Byron", "")
	addParticipant(tb, s, "b", "Ben Ngata", "")
	addParticipant(tb, s, "c", "Cleo Park", "")
	th := s.Settings.DiscussThreshold()
	addPlacement(s, "release-cadence", "a", 20, 0, "")
	addPlacement(s, "release-cadence", "b", 85, 0, "Customers want notice.")
	addPlacement(s, "release-cadence", "c", 50, 0, "")
	addPlacement(s, "customer", "a", 30, 0, "")
	addPlacement(s, "customer", "b", 30+th, 0, "")
	addPlacement(s, "value", "a", 30, 0, "")
	addPlacement(s, "value", "c", 30+th-1, 0, "")
	return s
}

func TestPDFNoParticipants(t *testing.T) {
	s := discussionSession(t, false, 0)
	x := extractText(t, saveTemp(t, render(t, s, export.PDFOptions{})))
	for _, absent := range []string{"Range", "Discussion points"} {
		if x.has(absent) {
			t.Errorf("a session without participants has %q in its report", absent)
		}
	}
	requireText(t, x, expectedText(s))
}

func TestPDFDiscussionPoints(t *testing.T) {
	for _, tc := range []struct {
		setting, want int // Settings.Threshold and the threshold it means
	}{
		{0, 40}, // the default
		{55, 55},
		{70, 70},
	} {
		t.Run(fmt.Sprintf("threshold=%d", tc.setting), func(t *testing.T) {
			s := discussionSession(t, true, tc.setting)
			if th := s.Settings.DiscussThreshold(); th != tc.want {
				t.Fatalf("test bug: Settings.Threshold %d means %d, want %d", tc.setting, th, tc.want)
			}
			x := extractText(t, saveTemp(t, render(t, s, export.PDFOptions{})))
			requireText(t, x, expectedText(s))
			if !x.has("Range") {
				t.Errorf("the dimension table has no Range column though there are placements")
			}
			i := strings.Index(x.flatPlain, flat("Discussion points"))
			if i < 0 {
				t.Fatalf("no Discussion points section though placements spread %d points", tc.want)
			}
			section := x.flatPlain[i:]
			listed := func(key string) bool {
				d, ok := s.Dimension(key)
				if !ok {
					t.Fatalf("no dimension %q", key)
				}
				return strings.Contains(section, flat(en(d).Name+" — spread"))
			}
			for _, c := range []struct {
				key    string
				spread int
			}{
				{"customer", tc.want},
				{"value", tc.want - 1},
				{"release-cadence", 65},
			} {
				if want := c.spread >= tc.want; listed(c.key) != want {
					t.Errorf("%s spreads %d points: listed under Discussion points = %v; want %v", c.key, c.spread, !want, want)
				}
			}
			if d, _ := s.Dimension("customer"); !strings.Contains(section, flat(fmt.Sprintf("%s — spread %d", en(d).Name, tc.want))) {
				t.Errorf("Discussion points lack %q with its spread %d", en(d).Name, tc.want)
			}
			// Every rationale is printed under the reasons; the discussion
			// repeats those of its own dimensions only.
			note := "Customers want notice."
			if !x.has(note) {
				t.Errorf("placement note %q is missing", note)
			}
			discussion, _, _ := strings.Cut(section, flat("Why people placed where they did"))
			if strings.Contains(discussion, flat(note)) != (65 >= tc.want) {
				t.Errorf("placement note %q under Discussion points = %v; want it exactly when its dimension is a discussion point", note, !(65 >= tc.want))
			}
		})
	}
}

// ---------------------------------------------------------------------------
// Benchmark.

func BenchmarkExportPDF(b *testing.B) {
	s := fullSession(b)
	opt := export.PDFOptions{}
	var buf bytes.Buffer
	if err := export.WritePDF(&buf, s, opt); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := export.WritePDF(io.Discard, s, opt); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "pdf-bytes")
}

// BenchmarkExportPDFCold is the first export of a process, which is what
// fulcrum export and the app's first export cost: the heavy benchmark
// session with every font cache reset before each export.
func BenchmarkExportPDFCold(b *testing.B) {
	s, err := benchdata.Heavy(benchdata.HeavyID)
	if err != nil {
		b.Fatal(err)
	}
	opt := export.PDFOptions{}
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		export.ResetFontCaches()
		b.StartTimer()
		if err := export.WritePDF(io.Discard, s, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExportPDFLatin is BenchmarkExportPDF for the English session,
// which needs no CJK face: the cost of that face, by difference.
func BenchmarkExportPDFLatin(b *testing.B) {
	s := englishSession(b)
	opt := export.PDFOptions{}
	for b.Loop() {
		if err := export.WritePDF(io.Discard, s, opt); err != nil {
			b.Fatal(err)
		}
	}
}
