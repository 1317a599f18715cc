package export_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
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
	"github.com/fulcrum-workshop/fulcrum/export"
)

// Fixed times, so every session below and every PDF made from it is the
// same on every run.
var (
	created   = time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	updated   = time.Date(2026, 11, 20, 11, 45, 0, 0, time.UTC)
	generated = time.Date(2026, 11, 23, 8, 30, 0, 0, time.UTC)
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
// Sessions.

func must(tb testing.TB, err error) {
	tb.Helper()
	if err != nil {
		tb.Fatal(err)
	}
}

func intp(v int) *int { return &v }

// newSession starts a session from a template with fixed id and times.
func newSession(tb testing.TB, template, title, product, facilitator string) *canvas.Session {
	tb.Helper()
	s, err := canvas.NewSession(template, title, product, created)
	must(tb, err)
	s.ID = "test-" + template
	s.Facilitator = facilitator
	s.Created = created
	s.Updated = updated
	return s
}

func setPosition(tb testing.TB, s *canvas.Session, key string, current int, target *int, note string) {
	tb.Helper()
	must(tb, s.SetCurrent(key, current))
	if target != nil {
		must(tb, s.SetTarget(key, target))
	}
	if note != "" {
		must(tb, s.SetNote(key, note))
	}
}

// addParticipant adds a participant as the app does, with a colour and
// shape, but with a fixed id.
func addParticipant(tb testing.TB, s *canvas.Session, id, name, role string) {
	tb.Helper()
	_, err := s.AddParticipant(name, role)
	must(tb, err)
	s.Participants[len(s.Participants)-1].ID = id
}

func addPlacement(s *canvas.Session, dim, participant string, value, confidence int, note string) {
	s.Placements = append(s.Placements, canvas.Placement{
		Dimension: dim, Participant: participant, Value: value, Confidence: confidence, Note: note,
	})
}

// englishSession is a small Quick session written in English. It is also
// the English golden file's input: change it and regenerate the golden.
func englishSession(tb testing.TB) *canvas.Session {
	tb.Helper()
	s := newSession(tb, canvas.TemplateQuick, "Autumn positioning review", "Ledgerline Payroll", "Morgan Hale")
	addParticipant(tb, s, "alice", "Alice Walker", "Product manager")
	addParticipant(tb, s, "bob", "Bob Kowalski", "Sales lead")
	addParticipant(tb, s, "chidi", "Chidi Obi", "Engineering")
	addPlacement(s, "customer", "alice", 80, 4, "Our buyers are finance teams.")
	addPlacement(s, "customer", "bob", 90, 0, "")
	addPlacement(s, "customer", "chidi", 75, 3, "")
	addPlacement(s, "release-cadence", "alice", 20, 0, "Weekly releases have worked so far.")
	addPlacement(s, "release-cadence", "bob", 85, 5, "Customers ask for notice before changes.")
	addPlacement(s, "release-cadence", "chidi", 50, 0, "")
	addPlacement(s, "value", "alice", 60, 0, "")
	addPlacement(s, "value", "bob", 70, 0, "")
	addPlacement(s, "value", "chidi", 65, 2, "")
	setPosition(tb, s, "customer", 82, intp(90), "Mid-size companies with 50 to 500 staff.")
	setPosition(tb, s, "decision-makers", 70, nil, "The finance director signs; HR evaluates.")
	setPosition(tb, s, "decision-cycle", 60, nil, "")
	setPosition(tb, s, "acquisition", 35, intp(25), "Self-serve trials bring most new leads.")
	setPosition(tb, s, "revenue-model", 90, nil, "")
	setPosition(tb, s, "value", 65, nil, "Hours saved on every payroll run.")
	setPosition(tb, s, "customization", 30, intp(20), "Configuration, never custom code.")
	setPosition(tb, s, "release-cadence", 55, intp(70), "Monthly releases with notes for administrators.")
	s.Actions = []canvas.Action{
		{Text: "Interview five finance directors", Owner: "Alice Walker", Due: "2026-12-15", Dimension: "customer"},
		{Text: "Draft a monthly release notes template", Owner: "Chidi Obi", Due: "2027-01-10", Dimension: "release-cadence"},
	}
	return s
}

// chineseSession is a small Quick session written in Chinese. It is also
// the Chinese golden file's input.
func chineseSession(tb testing.TB) *canvas.Session {
	tb.Helper()
	s := newSession(tb, canvas.TemplateQuick, "第四季度产品定位研讨会", "云雀协同办公", "王芳")
	addParticipant(tb, s, "li", "李伟", "产品经理")
	addParticipant(tb, s, "zhang", "张敏", "销售总监")
	addParticipant(tb, s, "chen", "陈静", "后端工程师")
	addPlacement(s, "customer", "li", 85, 4, "我们卖给企业的行政部门。")
	addPlacement(s, "customer", "zhang", 70, 0, "")
	addPlacement(s, "customer", "chen", 90, 0, "")
	addPlacement(s, "release-cadence", "li", 80, 0, "")
	addPlacement(s, "release-cadence", "zhang", 30, 3, "我们每周发布，客户并没有抱怨。")
	addPlacement(s, "release-cadence", "chen", 45, 0, "")
	setPosition(tb, s, "customer", 80, intp(90), "客户是五十到五百人的中型企业。")
	setPosition(tb, s, "decision-makers", 72, nil, "采购由行政总监和信息部门共同决定。")
	setPosition(tb, s, "decision-cycle", 65, nil, "")
	setPosition(tb, s, "acquisition", 40, intp(30), "自助注册带来一半的新客户，我们想提高这个比例。")
	setPosition(tb, s, "revenue-model", 88, nil, "")
	setPosition(tb, s, "value", 78, nil, "每位员工每周节省两小时。")
	setPosition(tb, s, "customization", 35, intp(20), "统一版本，用配置代替定制开发。")
	setPosition(tb, s, "release-cadence", 50, intp(70), "每月发布一次，提前通知并提供培训。")
	s.Actions = []canvas.Action{
		{Text: "访谈五位行政总监", Owner: "李伟", Due: "2026-12-15", Dimension: "customer"},
		{Text: "制定月度发布说明模板", Owner: "陈静", Due: "2027-01-10", Dimension: "release-cadence"},
	}
	return s
}

// spanishSession is a Full session written in Spanish.
func spanishSession(tb testing.TB) *canvas.Session {
	tb.Helper()
	s := newSession(tb, canvas.TemplateFull, "Revisión de posicionamiento · otoño 2026", "Cosecha Analítica", "María José Núñez")
	addParticipant(tb, s, "inigo", "Íñigo Sáenz", "Dirección comercial")
	addParticipant(tb, s, "begona", "Begoña Ortúzar", "Diseño de producto")
	addParticipant(tb, s, "joaquin", "Joaquín Peña", "Ingeniería")
	addPlacement(s, "customer", "inigo", 88, 5, "Vendemos a cooperativas, no a particulares.")
	addPlacement(s, "customer", "begona", 72, 0, "")
	addPlacement(s, "customer", "joaquin", 80, 0, "")
	addPlacement(s, "onboarding", "inigo", 85, 0, "")
	addPlacement(s, "onboarding", "begona", 25, 4, "¿Formación uno a uno? Mejor una guía autoservicio.")
	addPlacement(s, "onboarding", "joaquin", 60, 0, "")
	setPosition(tb, s, "customer", 82, intp(90), "Cooperativas agrícolas de 20 a 300 socios.")
	setPosition(tb, s, "buyer-user", 75, nil, "Compra el gerente; usan la aplicación los técnicos de campo.")
	setPosition(tb, s, "decision-makers", 70, intp(60), "¿Quién firma? El gerente y el comité de compras.")
	setPosition(tb, s, "decision-cycle", 60, nil, "Entre tres semanas y dos meses.")
	setPosition(tb, s, "acquisition", 40, intp(25), "La mitad de los clientes llega por recomendación.")
	setPosition(tb, s, "value", 85, nil, "Ahorro de tiempo medible para cada técnico de campo.")
	setPosition(tb, s, "revenue-model", 90, nil, "")
	setPosition(tb, s, "customization", 35, intp(20), "Una versión para todos; configuración en lugar de desarrollos a medida.")
	setPosition(tb, s, "release-cadence", 50, intp(70), "Lanzamientos mensuales con formación previa, ¡sin sorpresas!")
	setPosition(tb, s, "data", 90, nil, "Cada cifra debe ser exacta y auditable por la cooperativa.")
	setPosition(tb, s, "onboarding", 55, nil, "")
	s.Actions = []canvas.Action{
		{Text: "Mapear el comité de compras de las cooperativas medianas", Owner: "Íñigo Sáenz", Due: "2026-12-15", Dimension: "decision-makers"},
		{Text: "Preparar la guía de incorporación en español", Owner: "Begoña Ortúzar", Due: "2027-02-01", Dimension: "onboarding"},
		{Text: "Revisar la exactitud de los informes de cosecha", Owner: "Joaquín Peña", Due: "2027-03-15"},
	}
	return s
}

// exampleSession is the sample session file of package canvas, which mixes
// Chinese and Spanish.
func exampleSession(tb testing.TB) *canvas.Session {
	tb.Helper()
	f, err := os.Open(filepath.Join("..", "canvas", "testdata", "example-session.json"))
	must(tb, err)
	defer f.Close()
	s, err := canvas.DecodeFile(f, created)
	must(tb, err)
	return s
}

var (
	fullNames = [][2]string{
		{"李伟", "产品经理"}, {"张敏", "销售总监"}, {"陈静", "后端工程师"}, {"王芳", "设计师"},
		{"刘洋", "客户成功"}, {"赵磊", "数据分析"},
		{"María José Núñez", "Dirección"}, {"Íñigo Sáenz", "Ventas"}, {"Begoña Ortúzar", "Diseño"},
		{"Joaquín Peña", "Ingeniería"}, {"Lucía Fernández", "Soporte"}, {"Álvaro Muñoz", "Finanzas"},
	}
	zhNotes = []string{
		"我们的客户主要是中型企业，决策链条比较长。",
		"销售团队反馈客户希望先试用再采购。",
		"每月发布一次，提前通知并提供培训。",
		"购买者是销售总监，使用者是一线销售。",
		"自助注册带来一半的新客户，我们想提高这个比例。",
		"数据必须准确，财务部门会逐项核对报表。",
	}
	esNotes = []string{
		"Vendemos a equipos comerciales, no a personas.",
		"¿Quién decide? El comité de compras y el director financiero.",
		"Entre tres semanas y dos meses de evaluación.",
		"Ahorro de tiempo medible para cada vendedor.",
		"Una versión para todos, configuración en lugar de desarrollos a medida.",
		"¡Los clientes piden formación antes de cada lanzamiento!",
	}
)

// fullSession is the Full template with twelve participants, each placed
// on every dimension with a note in Chinese or Spanish.
func fullSession(tb testing.TB) *canvas.Session {
	tb.Helper()
	s := newSession(tb, canvas.TemplateFull, "全量评估 · Evaluación completa", "Nubia CRM", "Ana García")
	for i, n := range fullNames {
		addParticipant(tb, s, fmt.Sprintf("p%02d", i), n[0], n[1])
	}
	for d, dim := range s.Dimensions {
		for i := range fullNames {
			note := zhNotes[(d+i)%len(zhNotes)]
			if i%2 == 1 {
				note = esNotes[(d+i)%len(esNotes)]
			}
			addPlacement(s, dim.Key, fmt.Sprintf("p%02d", i), (i*37+d*11)%101, 1+(i+d)%5, note)
		}
		note := zhNotes[d%len(zhNotes)]
		if d%2 == 1 {
			note = esNotes[d%len(esNotes)]
		}
		setPosition(tb, s, dim.Key, (d*29)%101, nil, note)
	}
	s.Actions = []canvas.Action{
		{Text: "制定月度发布说明模板", Owner: "陈静", Due: "2027-01-10", Dimension: "release-cadence"},
		{Text: "Mapear el comité de compras", Owner: "Íñigo Sáenz", Due: "2026-12-15", Dimension: "decision-makers"},
	}
	return s
}

// hanSet is a few hundred common, distinct Han characters.
const hanSet = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"

// longHanNote returns n Han characters without spaces, walking hanSet with
// a stride so neighbouring characters vary.
func longHanNote(n int) string {
	rs := []rune(hanSet)
	var b strings.Builder
	for i := range n {
		b.WriteRune(rs[(i*7+i/len(rs))%len(rs)])
	}
	return b.String()
}

// longLatinNote returns Latin words, at least n characters in all, ending
// with last.
func longLatinNote(n int, last string) string {
	words := strings.Fields("the committee agreed that onboarding must stay simple while finance " +
		"reviews every invoice before renewal and sales keeps the roadmap honest about what customers need")
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(words[i%len(words)])
		b.WriteByte(' ')
	}
	b.WriteString(last)
	return b.String()
}

// ---------------------------------------------------------------------------
// Rendering and poppler helpers.

func render(tb testing.TB, s *canvas.Session, opt export.PDFOptions) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := export.WritePDF(&buf, s, opt); err != nil {
		tb.Fatalf("WritePDF: %v", err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		tb.Fatalf("WritePDF output does not start with %%PDF-: %q", buf.Bytes()[:min(buf.Len(), 16)])
	}
	return buf.Bytes()
}

func saveTemp(tb testing.TB, data []byte) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "report.pdf")
	must(tb, os.WriteFile(path, data, 0o644))
	return path
}

func needTool(tb testing.TB, name string) {
	tb.Helper()
	if _, err := exec.LookPath(name); err != nil {
		tb.Skipf("%s is not on PATH (install poppler-utils): %v", name, err)
	}
}

func runTool(tb testing.TB, name string, args ...string) string {
	tb.Helper()
	needTool(tb, name)
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			tb.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, ee.Stderr)
		}
		tb.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return string(out)
}

// flat removes all whitespace: extraction breaks wrapped lines and split
// runs of Latin and CJK text at places the input has no space.
func flat(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// pdfText is a PDF's text as pdftotext extracts it, in reading order and in
// physical layout. Reading order keeps table cells and columns together;
// layout keeps table rows together. A string counts as present when either
// has it, whitespace aside.
type pdfText struct {
	plain, layout         string
	flatPlain, flatLayout string
}

func extractText(tb testing.TB, path string) pdfText {
	tb.Helper()
	needTool(tb, "pdftotext")
	x := pdfText{
		plain:  runTool(tb, "pdftotext", "-enc", "UTF-8", path, "-"),
		layout: runTool(tb, "pdftotext", "-enc", "UTF-8", "-layout", path, "-"),
	}
	x.flatPlain, x.flatLayout = flat(x.plain), flat(x.layout)
	return x
}

func (x pdfText) has(s string) bool {
	f := flat(s)
	return strings.Contains(x.flatPlain, f) || strings.Contains(x.flatLayout, f)
}

func (x pdfText) count(s string) int {
	f := flat(s)
	return max(strings.Count(x.flatPlain, f), strings.Count(x.flatLayout, f))
}

func short(s string) string {
	if utf8.RuneCountInString(s) <= 80 {
		return s
	}
	r := []rune(s)
	return fmt.Sprintf("%s…%s (%d characters)", string(r[:40]), string(r[len(r)-20:]), len(r))
}

// requireText fails the test for every string the text lacks, and shows
// the text once.
func requireText(t *testing.T, x pdfText, want map[string][]string) {
	t.Helper()
	missing := false
	keys := make([]string, 0, len(want))
	for k := range want {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, what := range keys {
		for _, s := range want[what] {
			if strings.TrimSpace(s) == "" {
				t.Errorf("test bug: empty expected %s", what)
				continue
			}
			if !x.has(s) {
				t.Errorf("extracted text lacks %s %q", what, short(s))
				missing = true
			}
		}
	}
	if missing {
		t.Logf("pdftotext -layout output:\n%s", x.layout)
	}
}

var pagesRE = regexp.MustCompile(`(?m)^Pages:\s+(\d+)\s*$`)

func pageCount(tb testing.TB, path string) int {
	tb.Helper()
	out := runTool(tb, "pdfinfo", path)
	m := pagesRE.FindStringSubmatch(out)
	if m == nil {
		tb.Fatalf("pdfinfo printed no page count:\n%s", out)
	}
	n, err := strconv.Atoi(m[1])
	must(tb, err)
	return n
}

var pageSizeRE = regexp.MustCompile(`(?m)^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts`)

// pageSizes returns the size of every page, in points.
func pageSizes(tb testing.TB, path string) [][2]float64 {
	tb.Helper()
	n := pageCount(tb, path)
	out := runTool(tb, "pdfinfo", "-f", "1", "-l", strconv.Itoa(n), path)
	var sizes [][2]float64
	for _, m := range pageSizeRE.FindAllStringSubmatch(out, -1) {
		w, err1 := strconv.ParseFloat(m[2], 64)
		h, err2 := strconv.ParseFloat(m[3], 64)
		if err1 != nil || err2 != nil {
			tb.Fatalf("pdfinfo page size %q: %v %v", m[0], err1, err2)
		}
		sizes = append(sizes, [2]float64{w, h})
	}
	if len(sizes) != n {
		tb.Fatalf("pdfinfo listed %d page sizes for %d pages:\n%s", len(sizes), n, out)
	}
	return sizes
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
		data := render(t, tc.s, export.PDFOptions{Generated: generated})
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
			if !x.has("generated 23 November 2026") {
				t.Errorf("footer lacks the generated date of PDFOptions.Generated")
			}
		})
	}
}

func TestPDFGeneratedDefaultsToUpdated(t *testing.T) {
	s := englishSession(t)
	s.Updated = time.Date(2027, 2, 14, 16, 0, 0, 0, time.UTC)
	x := extractText(t, saveTemp(t, render(t, s, export.PDFOptions{})))
	if !x.has("generated 14 February 2027") {
		t.Errorf("with a zero Generated, the footer should print the session's last change, 14 February 2027")
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
	x := extractText(t, saveTemp(t, render(t, s, export.PDFOptions{Generated: generated})))
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
	path := saveTemp(t, render(t, s, export.PDFOptions{Generated: generated}))
	if n := pageCount(t, path); n <= 2 {
		t.Errorf("a 20,000-character note gave %d pages; want more than 2", n)
	}
	x := extractText(t, path)
	if !x.has(last) {
		t.Errorf("extracted text lacks the note's last word %q", last)
	}
	// The note is interrupted at each page break by the footer and the
	// repeated table header; without them it must come out whole.
	furniture := regexp.MustCompile(`^\s*(Fulcrum · .*Page \d+ of \d+|Dimension\s+Current\s+Target\s+Spread\s+Note)\s*$`)
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
	path := saveTemp(t, render(t, s, export.PDFOptions{Generated: generated}))
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
	x := extractText(t, saveTemp(t, render(t, s, export.PDFOptions{Generated: generated})))
	for _, absent := range []string{"Spread", "Discussion points"} {
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
			x := extractText(t, saveTemp(t, render(t, s, export.PDFOptions{Generated: generated})))
			requireText(t, x, expectedText(s))
			if !x.has("Spread") {
				t.Errorf("the dimension table has no Spread column though there are placements")
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
// Fonts, paper, size, determinism.

func TestPDFFontsEmbedded(t *testing.T) {
	s := exampleSession(t)
	must(t, s.SetNote("value", "Ship it 🚀 now"))
	path := saveTemp(t, render(t, s, export.PDFOptions{Generated: generated}))
	out := runTool(t, "pdffonts", path)
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[1], "---") {
		t.Fatalf("unexpected pdffonts output:\n%s", out)
	}
	// Columns are as wide as the dashes under their titles; "type" may
	// contain a space, so split rows by those widths.
	var cols [][2]int
	for _, m := range regexp.MustCompile(`-+`).FindAllStringIndex(lines[1], -1) {
		cols = append(cols, [2]int{m[0], m[1]})
	}
	if len(cols) < 4 {
		t.Fatalf("pdffonts output has no emb column:\n%s", out)
	}
	embCol := cols[3]
	if got := strings.TrimSpace(lines[0][embCol[0]:min(embCol[1], len(lines[0]))]); got != "emb" {
		t.Fatalf("pdffonts fourth column is %q, not emb:\n%s", got, out)
	}
	rows := lines[2:]
	if len(rows) == 0 {
		t.Fatalf("pdffonts lists no fonts:\n%s", out)
	}
	for _, row := range rows {
		if len(row) < embCol[1] {
			t.Errorf("short pdffonts row %q", row)
			continue
		}
		if got := strings.TrimSpace(row[embCol[0]:embCol[1]]); got != "yes" {
			t.Errorf("font not embedded (emb %q): %s", got, row)
		}
	}
}

func TestPDFPaper(t *testing.T) {
	s := spanishSession(t)
	for _, tc := range []struct {
		paper string
		w, h  float64
	}{
		{"", 595.28, 841.89},
		{export.PaperA4, 595.28, 841.89},
		{export.PaperLetter, 612, 792},
	} {
		t.Run("paper="+tc.paper, func(t *testing.T) {
			path := saveTemp(t, render(t, s, export.PDFOptions{Paper: tc.paper, Generated: generated}))
			sizes := pageSizes(t, path)
			if len(sizes) < 2 {
				t.Fatalf("want a report of several pages to check, got %d", len(sizes))
			}
			for i, sz := range sizes {
				if math.Abs(sz[0]-tc.w) > 0.5 || math.Abs(sz[1]-tc.h) > 0.5 {
					t.Errorf("page %d is %gx%g pts; want %gx%g", i+1, sz[0], sz[1], tc.w, tc.h)
				}
			}
		})
	}
}

func TestPDFBadPaper(t *testing.T) {
	for _, paper := range []string{"legal", "A5", "a4 "} {
		var buf bytes.Buffer
		err := export.WritePDF(&buf, englishSession(t), export.PDFOptions{Paper: paper})
		if !errors.Is(err, export.ErrPaper) {
			t.Errorf("Paper %q: err = %v; want ErrPaper", paper, err)
		}
		if buf.Len() != 0 {
			t.Errorf("Paper %q: wrote %d bytes despite the error", paper, buf.Len())
		}
	}
}

func TestPDFSizeFullSession(t *testing.T) {
	const limit = 250_000
	data := render(t, fullSession(t), export.PDFOptions{Generated: generated})
	t.Logf("Full template, 12 participants: %d bytes", len(data))
	if len(data) > limit {
		t.Errorf("PDF is %d bytes; want at most %d", len(data), limit)
	}
}

func TestPDFDeterministic(t *testing.T) {
	s := exampleSession(t)
	opt := export.PDFOptions{Generated: generated}
	first := render(t, s, opt)
	if second := render(t, s, opt); !bytes.Equal(first, second) {
		t.Fatalf("two renders of the same session differ (%d and %d bytes)", len(first), len(second))
	}
	// And the output does depend on the session.
	s.Title += " (copy)"
	if bytes.Equal(render(t, s, opt), first) {
		t.Errorf("changing the title did not change the PDF")
	}
}

// ---------------------------------------------------------------------------
// Golden files.

func TestPDFGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    *canvas.Session
	}{
		{"golden-en", englishSession(t)},
		{"golden-zh", chineseSession(t)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := render(t, tc.s, export.PDFOptions{Generated: generated})
			path := filepath.Join("testdata", tc.name+".pdf")
			if os.Getenv("UPDATE_GOLDEN") == "1" {
				must(t, os.MkdirAll("testdata", 0o755))
				must(t, os.WriteFile(path, got, 0o644))
				t.Logf("wrote %s (%d bytes)", path, len(got))
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("read golden file: %v (run with UPDATE_GOLDEN=1 to create it)", err)
			}
			if bytes.Equal(got, want) {
				return
			}
			failed := filepath.Join("testdata", "failed", tc.name+".pdf")
			must(t, os.MkdirAll(filepath.Dir(failed), 0o755))
			must(t, os.WriteFile(failed, got, 0o644))
			at := 0
			for at < min(len(got), len(want)) && got[at] == want[at] {
				at++
			}
			t.Errorf("PDF differs from %s at byte %d (got %d bytes, want %d); new output written to %s; "+
				"if the change is intended, rerun with UPDATE_GOLDEN=1", path, at, len(got), len(want), failed)
		})
	}
}

// ---------------------------------------------------------------------------
// WriteFile.

// dirNames lists the names in dir.
func dirNames(tb testing.TB, dir string) []string {
	tb.Helper()
	es, err := os.ReadDir(dir)
	must(tb, err)
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func pdfWriter(tb testing.TB) func(io.Writer) error {
	s := englishSession(tb)
	return func(w io.Writer) error { return export.WritePDF(w, s, export.PDFOptions{Generated: generated}) }
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.pdf")
	must(t, os.WriteFile(path, []byte("old report"), 0o600))
	must(t, export.WriteFile(path, pdfWriter(t)))
	got, err := os.ReadFile(path)
	must(t, err)
	if want := render(t, englishSession(t), export.PDFOptions{Generated: generated}); !bytes.Equal(got, want) {
		t.Errorf("file holds %d bytes, not the %d bytes WritePDF gives", len(got), len(want))
	}
	if names := dirNames(t, dir); !slices.Equal(names, []string{"report.pdf"}) {
		t.Errorf("directory holds %q; want only report.pdf", names)
	}
}

func TestWriteFileBadDirectory(t *testing.T) {
	t.Run("parent is a file", func(t *testing.T) {
		dir := t.TempDir()
		blocker := filepath.Join(dir, "notes.txt")
		must(t, os.WriteFile(blocker, []byte("a file, not a folder"), 0o644))
		path := filepath.Join(blocker, "out.pdf")
		if err := export.WriteFile(path, pdfWriter(t)); err == nil {
			t.Fatalf("WriteFile(%s) succeeded", path)
		}
		if _, err := os.Lstat(path); err == nil {
			t.Errorf("%s exists after a failed write", path)
		}
		if names := dirNames(t, dir); !slices.Equal(names, []string{"notes.txt"}) {
			t.Errorf("directory holds %q after a failed write; want only notes.txt", names)
		}
		if b, err := os.ReadFile(blocker); err != nil || string(b) != "a file, not a folder" {
			t.Errorf("the blocking file changed: %q, %v", b, err)
		}
	})
	t.Run("missing directory", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "missing", "out.pdf")
		if err := export.WriteFile(path, pdfWriter(t)); err == nil {
			t.Fatalf("WriteFile(%s) succeeded", path)
		}
		if names := dirNames(t, dir); len(names) != 0 {
			t.Errorf("failed write left %q in %s", names, dir)
		}
	})
	t.Run("read-only directory", func(t *testing.T) {
		dir := t.TempDir()
		must(t, os.Chmod(dir, 0o555))
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		if f, err := os.CreateTemp(dir, "probe"); err == nil {
			f.Close()
			os.Remove(f.Name())
			t.Skip("permissions do not stop writes here (running as root?); the parent-is-a-file case covers this")
		}
		path := filepath.Join(dir, "out.pdf")
		if err := export.WriteFile(path, pdfWriter(t)); err == nil {
			t.Fatalf("WriteFile(%s) succeeded in a read-only directory", path)
		}
		if names := dirNames(t, dir); len(names) != 0 {
			t.Errorf("failed write left %q in %s", names, dir)
		}
	})
}

func TestWriteFileCallbackFails(t *testing.T) {
	errBoom := errors.New("boom")
	for _, tc := range []struct {
		name  string
		write func(io.Writer) error
		is    error
	}{
		{"partial write then error", func(w io.Writer) error {
			if _, err := io.WriteString(w, "%PDF-1.3\npartial"); err != nil {
				return err
			}
			return errBoom
		}, errBoom},
		{"bad paper", func(w io.Writer) error {
			return export.WritePDF(w, englishSession(t), export.PDFOptions{Paper: "legal"})
		}, export.ErrPaper},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "report.pdf")
			old := render(t, chineseSession(t), export.PDFOptions{Generated: generated})
			must(t, os.WriteFile(path, old, 0o644))
			err := export.WriteFile(path, tc.write)
			if !errors.Is(err, tc.is) {
				t.Errorf("WriteFile error = %v; want one wrapping %v", err, tc.is)
			}
			got, rerr := os.ReadFile(path)
			must(t, rerr)
			if !bytes.Equal(got, old) {
				t.Errorf("the existing file changed (%d bytes, was %d)", len(got), len(old))
			}
			if names := dirNames(t, dir); !slices.Equal(names, []string{"report.pdf"}) {
				t.Errorf("directory holds %q after a failed write; want only report.pdf", names)
			}
		})
	}
}

// ---------------------------------------------------------------------------
// Benchmark.

func BenchmarkExportPDF(b *testing.B) {
	s := fullSession(b)
	opt := export.PDFOptions{Generated: generated}
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

// BenchmarkExportPDFLatin is BenchmarkExportPDF for the English session,
// which needs no CJK face: the cost of that face, by difference.
func BenchmarkExportPDFLatin(b *testing.B) {
	s := englishSession(b)
	opt := export.PDFOptions{Generated: generated}
	for b.Loop() {
		if err := export.WritePDF(io.Discard, s, opt); err != nil {
			b.Fatal(err)
		}
	}
}
