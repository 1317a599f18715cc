package export_test

import (
	"fmt"
	"html"
	"maps"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/export"
)

// englishChrome is what the report itself says in English: headings, table
// headers, footer, labels. None of it may be left in a report in another
// language. (The chart's index line and legend come from canvas, which
// puts words on them through canvas.ChartOptions; they are not listed.)
var englishChrome = []string{
	"Page", "Dimensions", "Dimension", "Guidance", "Actions", "Action", "Participants", "Participant",
	"generated", "as of", "Session of", "facilitated by", "Discussion points", "Why people placed",
	"Where the team disagreed", "What was decided", "Current", "Target", "Spread", "Range", "Note",
	"Owner", "Due", "Done", "confidence", "placements from", "leans", "hybrid",
	"Agreed positions", "Targets set", "continued", "Every reason", "not agreed by the team",
}

// chromeIn is the words a report in tag must show for the test sessions:
// headings, table headers, dates (created and last changed 20 November
// 2026) and figures.
var chromeIn = map[lang.Tag]map[string][]string{
	lang.ZH: {
		"heading":      {"各维度定位", "讨论要点", "每个人为什么这样定位", "定位建议", "行动项", "团队的分歧在哪里", "团队做了哪些决定"},
		"table header": {"维度", "当前", "目标", "分布范围", "备注", "行动", "负责人", "截止", "完成"},
		"date":         {"工作坊日期：2026年11月20日", "截至 2026年11月20日"},
		"label":        {"ToB 指数", "主持人：王芳", "参与者：李伟（产品经理）、张敏（销售总监）、陈静（后端工程师）"},
		"figures":      {"3 个定位，从 30 到 80，中位数 45，平均数 51.7。", "张敏：30（信心 3/5）——我们每周发布，客户并没有抱怨。", "信心 4/5"},
		"guidance":     {"服务对象——80，偏向 ToB", "发布周期——50，混合"},
		"key point":    {"8 个维度中，8 个已达成一致定位。", "访谈五位行政总监——李伟，截止：2026-12-15"},
	},
	lang.ES: {
		"heading":      {"Dimensiones", "Puntos de discusión", "Por qué cada persona se posicionó donde lo hizo", "Orientación", "Acciones", "Dónde discrepó el equipo", "Qué se decidió"},
		"table header": {"Dimensión", "Actual", "Objetivo", "Rango", "Nota", "Acción", "Responsable", "Plazo", "Hecha"},
		"date":         {"Sesión del 20 de noviembre de 2026", "a fecha de 20 de noviembre de 2026"},
		"label":        {"Índice ToB", "moderada por María José Núñez", "Participantes: Íñigo Sáenz (Dirección comercial)"},
		"figures":      {"3 posiciones, de 25 a 85, mediana 60, media 56,7.", "Begoña Ortúzar: 25 (confianza 4/5) — ¿Formación uno a uno?", "confianza 5/5"},
		"guidance":     {"se inclina a ToB", "Incorporación — 55, híbrida"},
		"key point":    {"Posiciones acordadas en 11 de 29 dimensiones.", "Íñigo Sáenz, plazo: 2026-12-15"},
	},
}

// TestPDFInEachLanguage: a session exported in Chinese and in Spanish has
// its headings, table headers, footer, dates and figures in that language,
// and none of the report's English words. The team's own text is printed
// as typed.
func TestPDFInEachLanguage(t *testing.T) {
	needTool(t, "pdftotext")
	needTool(t, "pdfinfo")
	for _, tc := range []struct {
		tag lang.Tag
		s   *canvas.Session
	}{
		{lang.ZH, chineseSession(t)},
		{lang.ES, spanishSession(t)},
	} {
		data := render(t, tc.s, export.PDFOptions{Words: lang.For(tc.tag)})
		t.Run(string(tc.tag), func(t *testing.T) {
			t.Parallel()
			path := saveTemp(t, data)
			x := extractText(t, path)
			want := maps.Clone(chromeIn[tc.tag])
			want["title"] = []string{tc.s.Title}
			for _, a := range tc.s.Actions {
				want["action"] = append(want["action"], a.Text)
			}
			for _, p := range tc.s.Positions {
				if p.Note != "" {
					want["note"] = append(want["note"], p.Note)
				}
			}
			requireText(t, x, want)

			n := pageCount(t, path)
			for i := 1; i <= n; i++ {
				footer := map[lang.Tag]string{lang.ZH: "第 %d 页，共 %d 页", lang.ES: "Página %d de %d"}[tc.tag]
				if f := fmt.Sprintf(footer, i, n); !x.has(f) {
					t.Errorf("extracted text lacks the footer %q", f)
				}
			}
			for _, english := range englishChrome {
				// As whole words: Spanish "Participantes" is no English left over.
				re := regexp.MustCompile(`\b` + regexp.QuoteMeta(english) + `\b`)
				if re.MatchString(x.plain) || re.MatchString(x.layout) {
					t.Errorf("the %s report still says %q", tc.tag, english)
				}
			}
		})
	}
}

// TestPDFPluralsInEachLanguage: a count of one takes the singular where
// the language has one.
func TestPDFPluralsInEachLanguage(t *testing.T) {
	needTool(t, "pdftotext")
	for _, tc := range []struct {
		tag       lang.Tag
		one, many string
	}{
		{lang.EN, "1 participant (anonymous)", "2 participants (anonymous)"},
		{lang.ES, "1 participante (anónimo)", "2 participantes (anónimos)"},
		{lang.ZH, "1 位参与者（匿名）", "2 位参与者（匿名）"},
	} {
		for n, want := range map[int]string{1: tc.one, 2: tc.many} {
			s := newSession(t, canvas.TemplateQuick, "Plurals", "", "")
			s.Settings.Anonymous = true
			for i := range n {
				addParticipant(t, s, "p"+strconv.Itoa(i), "Person "+strconv.Itoa(i), "")
			}
			setPosition(t, s, "customer", 70, nil, "")
			x := extractText(t, saveTemp(t, render(t, s, export.PDFOptions{Words: lang.For(tc.tag)})))
			if !x.has(want) {
				t.Errorf("%s, %d participants: the header lacks %q", tc.tag, n, want)
			}
		}
	}
}

// TestPDFChineseChromeUsesTheCJKFont: a Chinese report of a session
// written only in English still draws its Chinese words in the embedded
// CJK face, added for the report's own words. The session has one custom
// dimension in a group of its own, so no text of the session itself, not
// even a catalogue name, is Chinese.
func TestPDFChineseChromeUsesTheCJKFont(t *testing.T) {
	s := newSession(t, canvas.TemplateQuick, "Autumn positioning review", "Ledgerline Payroll", "Morgan Hale")
	s.Dimensions = []canvas.Dimension{{Key: "x-pricing-page", Group: "x-own", Name: "Pricing page", ToC: "Public prices", ToB: "Ask for a quote"}}
	setPosition(t, s, "x-pricing-page", 70, nil, "Quotes only for enterprise.")
	s.Actions = []canvas.Action{{Text: "Publish the prices", Owner: "Morgan Hale", Dimension: "x-pricing-page"}}
	fonts := func(w *lang.Words) string {
		return runTool(t, "pdffonts", saveTemp(t, render(t, s, export.PDFOptions{Words: w})))
	}
	if out := fonts(nil); strings.Contains(out, "+DroidSansFallback") {
		t.Fatalf("the English report of an English session uses the CJK face; the test cannot tell:\n%s", out)
	}
	if out := fonts(lang.For(lang.ZH)); !strings.Contains(out, "+DroidSansFallback") {
		t.Errorf("the Chinese report does not use the embedded CJK face (Droid Sans Fallback):\n%s", out)
	}
	x := extractText(t, saveTemp(t, render(t, s, export.PDFOptions{Words: lang.For(lang.ZH)})))
	for _, want := range []string{"各维度定位", "行动项", "第 1 页，共", "Autumn positioning review"} {
		if !x.has(want) {
			t.Errorf("the Chinese report lacks %q", want)
		}
	}
}

// word is one word of a page as pdftotext -bbox places it, in points.
type word struct {
	text                   string
	xMin, yMin, xMax, yMax float64
}

var (
	bboxPageRE = regexp.MustCompile(`<page width="([0-9.]+)"`)
	bboxWordRE = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>`)
)

// pageWords returns each page's width and words.
func pageWords(t *testing.T, path string) (widths []float64, pages [][]word) {
	t.Helper()
	out := runTool(t, "pdftotext", "-bbox", path, "-")
	for _, chunk := range strings.Split(out, "<page ")[1:] {
		m := bboxPageRE.FindStringSubmatch("<page " + chunk)
		w, _ := strconv.ParseFloat(m[1], 64)
		widths = append(widths, w)
		var words []word
		for _, m := range bboxWordRE.FindAllStringSubmatch(chunk, -1) {
			f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
			words = append(words, word{html.UnescapeString(m[5]), f(m[1]), f(m[2]), f(m[3]), f(m[4])})
		}
		pages = append(pages, words)
	}
	return widths, pages
}

// TestPDFColumnsHoldTheirHeaders: in a Spanish and a Chinese report, every
// table's header row keeps each title inside its column. Cells have 4 pt
// of padding on each side, so two titles that fit their columns are at
// least 8 pt apart, and the last one ends inside the table.
func TestPDFColumnsHoldTheirHeaders(t *testing.T) {
	needTool(t, "pdftotext")
	for _, tc := range []struct {
		tag    lang.Tag
		s      *canvas.Session
		tables [][]string
	}{
		{lang.ES, spanishSession(t), [][]string{
			{"Dimensión", "Actual", "Objetivo", "Rango", "Nota"},
			{"Acción", "Responsable", "Plazo", "Dimensión", "Hecha"},
		}},
		{lang.ZH, chineseSession(t), [][]string{
			{"维度", "当前", "目标", "分布范围", "备注"},
			{"行动", "负责人", "截止", "维度", "完成"},
		}},
	} {
		path := saveTemp(t, render(t, tc.s, export.PDFOptions{Words: lang.For(tc.tag)}))
		widths, pages := pageWords(t, path)
		found := make([]int, len(tc.tables))
		for p, words := range pages {
			// A header row is the words on one baseline that are exactly
			// a table's titles.
			rows := map[int][]word{}
			for _, w := range words {
				y := int(math.Round(w.yMax))
				rows[y] = append(rows[y], w)
			}
			for _, row := range rows {
				slices.SortFunc(row, func(a, b word) int { return int(a.xMin - b.xMin) })
				var texts []string
				for _, w := range row {
					texts = append(texts, w.text)
				}
				for i, titles := range tc.tables {
					if !slices.Equal(texts, titles) {
						continue
					}
					found[i]++
					const margin, pad = 40.0, 4.0
					if row[0].xMin < margin+pad-0.5 {
						t.Errorf("%s page %d: %q starts at %.1f, left of its column", tc.tag, p+1, row[0].text, row[0].xMin)
					}
					for k := 1; k < len(row); k++ {
						if gap := row[k].xMin - row[k-1].xMax; gap < 2*pad-0.5 {
							t.Errorf("%s page %d: %q and %q are %.1f pt apart; a title runs out of its column", tc.tag, p+1, row[k-1].text, row[k].text, gap)
						}
					}
					if last := row[len(row)-1]; last.xMax > widths[p]-margin+0.5 {
						t.Errorf("%s page %d: %q ends at %.1f, past the table's edge %.1f", tc.tag, p+1, last.text, last.xMax, widths[p]-margin)
					}
				}
			}
		}
		for i, n := range found {
			if n == 0 {
				t.Errorf("%s: no header row %q found", tc.tag, tc.tables[i])
			}
		}
	}
}
