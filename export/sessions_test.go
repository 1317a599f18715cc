package export_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// Fixed times, so every session below and every PDF made from it is the
// same on every run.
var (
	created = time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	updated = time.Date(2026, 11, 20, 11, 45, 0, 0, time.UTC)
)

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
