package lang_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
)

func envOf(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestResolvePrecedence(t *testing.T) {
	tests := []struct {
		name string
		flag string
		env  map[string]string
		want lang.Tag
	}{
		{"nothing set", "", nil, lang.EN},
		{"LANG zh", "", map[string]string{"LANG": "zh_CN.UTF-8"}, lang.ZH},
		{"LANG es", "", map[string]string{"LANG": "es_ES.UTF-8"}, lang.ES},
		{"LANG other", "", map[string]string{"LANG": "de_DE.UTF-8"}, lang.EN},
		{"LANG C", "", map[string]string{"LANG": "C"}, lang.EN},
		{"LC_MESSAGES over LANG", "", map[string]string{"LANG": "es_ES.UTF-8", "LC_MESSAGES": "zh_TW.UTF-8"}, lang.ZH},
		{"LC_ALL over LC_MESSAGES", "", map[string]string{"LC_ALL": "es_MX.UTF-8", "LC_MESSAGES": "zh_CN", "LANG": "en_US"}, lang.ES},
		{"LC_ALL non-matching decides", "", map[string]string{"LC_ALL": "fr_FR.UTF-8", "LANG": "zh_CN"}, lang.EN},
		{"FULCRUM_LANG over locale", "", map[string]string{"FULCRUM_LANG": "es", "LC_ALL": "zh_CN.UTF-8"}, lang.ES},
		{"flag over FULCRUM_LANG", "zh", map[string]string{"FULCRUM_LANG": "es", "LC_ALL": "en_US.UTF-8"}, lang.ZH},
		{"flag over locale", "en", map[string]string{"LANG": "zh_CN.UTF-8"}, lang.EN},
		{"flag upper case", "ES", nil, lang.ES},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := lang.Resolve(tt.flag, envOf(tt.env))
			if err != nil || got != tt.want {
				t.Errorf("Resolve(%q, %v) = %q, %v; want %q", tt.flag, tt.env, got, err, tt.want)
			}
		})
	}
}

func TestResolveRejectsUnknownLanguage(t *testing.T) {
	tests := []struct {
		flag  string
		env   map[string]string
		where string
	}{
		{"fr", nil, "--lang"},
		{"", map[string]string{"FULCRUM_LANG": "klingon", "LANG": "zh_CN"}, "FULCRUM_LANG"},
	}
	for _, tt := range tests {
		_, err := lang.Resolve(tt.flag, envOf(tt.env))
		if !errors.Is(err, lang.ErrUnknownLanguage) {
			t.Fatalf("Resolve(%q, %v) error = %v, want ErrUnknownLanguage", tt.flag, tt.env, err)
		}
		if msg := err.Error(); !strings.Contains(msg, tt.where) || !strings.Contains(msg, "zh, es or en") {
			t.Errorf("error %q does not name %s and the choices", msg, tt.where)
		}
	}
}

func TestParse(t *testing.T) {
	good := map[string]lang.Tag{
		"zh": lang.ZH, "zh-CN": lang.ZH, "zh_CN.UTF-8": lang.ZH, "ZH_TW": lang.ZH,
		"es": lang.ES, "es_ES@euro": lang.ES, "es-419": lang.ES, " en ": lang.EN, "en_GB.UTF-8": lang.EN,
	}
	for in, want := range good {
		if got, err := lang.Parse(in); err != nil || got != want {
			t.Errorf("Parse(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "fr", "zhx", "e", "C"} {
		if got, err := lang.Parse(in); !errors.Is(err, lang.ErrUnknownLanguage) {
			t.Errorf("Parse(%q) = %q, %v; want ErrUnknownLanguage", in, got, err)
		}
	}
}

func TestDateInEachLanguage(t *testing.T) {
	d := time.Date(2026, 11, 28, 15, 4, 0, 0, time.UTC)
	want := map[lang.Tag]string{
		lang.EN: "28 November 2026",
		lang.ZH: "2026年11月28日",
		lang.ES: "28 de noviembre de 2026",
	}
	for tag, w := range want {
		if got := lang.For(tag).Date(d); got != w {
			t.Errorf("%s: Date = %q, want %q", tag, got, w)
		}
	}
	if got := lang.For(lang.ES).Date(time.Date(2027, 1, 5, 0, 0, 0, 0, time.UTC)); got != "5 de enero de 2027" {
		t.Errorf("es: Date = %q", got)
	}
}

func TestPlurals(t *testing.T) {
	tests := []struct {
		tag  lang.Tag
		n    int
		want string
	}{
		{lang.EN, 1, "Quick, 1 dimension"},
		{lang.EN, 8, "Quick, 8 dimensions"},
		{lang.EN, 0, "Quick, 0 dimensions"},
		{lang.ES, 1, "Rápida, 1 dimensión"},
		{lang.ES, 8, "Rápida, 8 dimensiones"},
		{lang.ZH, 1, "快速版\uff0c1 个维度"},
		{lang.ZH, 8, "快速版\uff0c8 个维度"},
	}
	for _, tt := range tests {
		w := lang.For(tt.tag)
		if got := w.N("catalogue.template", tt.n, w.Template(canvas.TemplateQuick)); got != tt.want {
			t.Errorf("%s N(%d) = %q, want %q", tt.tag, tt.n, got, tt.want)
		}
	}
}

func TestMissingKeysNeverPanic(t *testing.T) {
	w := lang.For(lang.ZH)
	if got := w.T("no.such.key", 1, "x"); got != "no.such.key" {
		t.Errorf("T(missing) = %q, want the key", got)
	}
	if got := w.N("no.such.key", 2); got != "no.such.key" {
		t.Errorf("N(missing) = %q, want the key", got)
	}
	if got := w.Group("no-such-group"); got != "no-such-group" {
		t.Errorf("Group(missing) = %q", got)
	}
	if got := w.Template("nope"); got != "nope" {
		t.Errorf("Template(missing) = %q", got)
	}
	if _, ok := w.Dimension("nope"); ok {
		t.Error("Dimension(nope) found")
	}
	if got := lang.For("fr").Tag(); got != lang.EN {
		t.Errorf("For(fr).Tag() = %q, want en", got)
	}
}

// A session saved with the old English wording shows its built-in
// dimensions in the reader's language; a dimension the catalogue does not
// know keeps its own words.
func TestDimensionOfFollowsLanguageByKey(t *testing.T) {
	old := canvas.Dimension{Key: "customer", Group: "customer-decision", Name: "Who the customer is",
		Question: "Who pays for the product: a person, or an organisation?"}
	for _, tag := range lang.Tags() {
		w := lang.For(tag)
		want, _ := w.Dimension("customer")
		if got := w.DimensionOf(old); got != want {
			t.Errorf("%s: DimensionOf(old customer) = %+v, want %+v", tag, got, want)
		}
	}
	custom := canvas.Dimension{Key: "our-own", Name: "Nuestra", Question: "¿?", ToC: "a", ToB: "b",
		Guidance: canvas.Guidance{ToC: "gc", ToB: "gb"}}
	want := lang.DimensionText{Name: "Nuestra", Question: "¿?", ToC: "a", ToB: "b", GuidanceToC: "gc", GuidanceToB: "gb"}
	if got := lang.For(lang.ZH).DimensionOf(custom); got != want {
		t.Errorf("DimensionOf(custom) = %+v, want %+v", got, want)
	}
	if got := lang.For(lang.ZH).DimensionOf(canvas.Dimension{Key: "bare"}).Name; got != "bare" {
		t.Errorf("DimensionOf(bare).Name = %q, want the key", got)
	}
}

// TestCustomDimensionShownAsWritten: a custom dimension, its new group and
// a custom template read as their author wrote them in every language.
func TestCustomDimensionShownAsWritten(t *testing.T) {
	d := canvas.Dimension{Key: "carga-regulatoria", Group: "Regulación", Name: "Carga regulatoria", Question: "¿Cuánto pesa?",
		ToC: "Nada", ToB: "Mucho", Guidance: canvas.Guidance{ToC: "Rápido", ToB: "Cumplir"}}
	tmpl := canvas.Template{Key: "taller", Name: "Taller corto", Dimensions: []string{"carga-regulatoria"}}
	for _, tag := range lang.Tags() {
		w := lang.For(tag)
		want := lang.DimensionText{Name: "Carga regulatoria", Question: "¿Cuánto pesa?", ToC: "Nada", ToB: "Mucho", GuidanceToC: "Rápido", GuidanceToB: "Cumplir"}
		if got := w.DimensionOf(d); got != want {
			t.Errorf("%s: DimensionOf = %+v, want %+v", tag, got, want)
		}
		if got := w.Group(d.Group); got != "Regulación" {
			t.Errorf("%s: Group = %q", tag, got)
		}
		if got := w.TemplateOf(tmpl); got != "Taller corto" {
			t.Errorf("%s: TemplateOf = %q", tag, got)
		}
		if got, want := w.TemplateOf(canvas.Template{Key: canvas.TemplateQuick}), w.Template(canvas.TemplateQuick); got != want || got == canvas.TemplateQuick {
			t.Errorf("%s: TemplateOf(quick) = %q, want %q", tag, got, want)
		}
	}
}
