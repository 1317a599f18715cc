package cli_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/cmd/fulcrum/internal/cli"
)

type catalogueOut struct {
	Dimensions []struct {
		Key      string `json:"key"`
		Group    string `json:"group"`
		GroupKey string `json:"group_key"`
		Name     string `json:"name"`
		Question string `json:"question"`
		ToC      string `json:"toc"`
		ToB      string `json:"tob"`
		Guidance struct {
			ToC string `json:"toc"`
			ToB string `json:"tob"`
		} `json:"guidance"`
	} `json:"dimensions"`
	Groups []struct {
		Key  string `json:"key"`
		Name string `json:"name"`
	} `json:"groups"`
	Templates []struct {
		Key        string   `json:"key"`
		Name       string   `json:"name"`
		Dimensions []string `json:"dimensions"`
	} `json:"templates"`
}

func envWith(vars map[string]string) *cli.Env {
	return &cli.Env{Getenv: func(k string) string { return vars[k] }}
}

func catalogueIn(t *testing.T, env *cli.Env, args ...string) catalogueOut {
	t.Helper()
	r := runEnv(t, env, append([]string{"catalogue", "--json"}, args...)...)
	if r.code != cli.ExitOK {
		t.Fatalf("catalogue --json %q: exit %d, stderr %s", args, r.code, r.stderr)
	}
	var c catalogueOut
	if err := json.Unmarshal([]byte(r.stdout), &c); err != nil {
		t.Fatalf("catalogue --json %q: %v", args, err)
	}
	return c
}

// keysOf is every key of the output: dimension, group and template keys and
// the templates' dimension lists, which must not change with the language.
func keysOf(c catalogueOut) []string {
	var k []string
	for _, d := range c.Dimensions {
		k = append(k, d.Key, d.GroupKey)
	}
	for _, g := range c.Groups {
		k = append(k, g.Key)
	}
	for _, tm := range c.Templates {
		k = append(k, tm.Key)
		k = append(k, tm.Dimensions...)
	}
	return k
}

// TestCatalogueInEachLanguage: --lang zh and es give every dimension's
// text in that language, with English's keys, and no text left in English.
func TestCatalogueInEachLanguage(t *testing.T) {
	en := catalogueIn(t, envWith(nil), "--lang", "en")
	for _, tc := range []struct {
		lang, fullName, customerName string
	}{
		{"zh", "完整版", "服务对象"},
		{"es", "Completa", "A quién sirve el producto"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			got := catalogueIn(t, envWith(nil), "--lang", tc.lang)
			if !reflect.DeepEqual(keysOf(got), keysOf(en)) {
				t.Fatalf("keys differ from English:\n%q\n%q", keysOf(got), keysOf(en))
			}
			for i, d := range got.Dimensions {
				e := en.Dimensions[i]
				texts := []struct{ field, got, en string }{
					{"name", d.Name, e.Name}, {"question", d.Question, e.Question}, {"toc", d.ToC, e.ToC},
					{"tob", d.ToB, e.ToB}, {"guidance.toc", d.Guidance.ToC, e.Guidance.ToC},
					{"guidance.tob", d.Guidance.ToB, e.Guidance.ToB}, {"group", d.Group, e.Group},
				}
				for _, x := range texts {
					if strings.TrimSpace(x.got) == "" || x.got == x.en {
						t.Errorf("%s.%s = %q, want text in %s (English %q)", d.Key, x.field, x.got, tc.lang, x.en)
					}
				}
			}
			if got.Dimensions[0].Name != tc.customerName || got.Templates[0].Name != tc.fullName {
				t.Errorf("customer = %q, full template = %q; want %q, %q",
					got.Dimensions[0].Name, got.Templates[0].Name, tc.customerName, tc.fullName)
			}
			for i, g := range got.Groups {
				if g.Name == en.Groups[i].Name {
					t.Errorf("group %s is still in English: %q", g.Key, g.Name)
				}
			}
		})
	}
}

// TestCatalogueLanguagePrecedence: --lang wins, then FULCRUM_LANG, then
// LC_ALL, LC_MESSAGES and LANG.
func TestCatalogueLanguagePrecedence(t *testing.T) {
	want := map[string]string{"en": "Whom the product serves", "zh": "服务对象", "es": "A quién sirve el producto"}
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{"no language anywhere", nil, nil, "en"},
		{"LANG zh", nil, map[string]string{"LANG": "zh_CN.UTF-8"}, "zh"},
		{"LANG es", nil, map[string]string{"LANG": "es_ES.UTF-8"}, "es"},
		{"LANG de falls to English", nil, map[string]string{"LANG": "de_DE.UTF-8"}, "en"},
		{"LC_MESSAGES over LANG", nil, map[string]string{"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "es_AR.UTF-8"}, "es"},
		{"LC_ALL over LC_MESSAGES", nil, map[string]string{"LC_MESSAGES": "es_AR.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, "zh"},
		{"FULCRUM_LANG over locale", nil, map[string]string{"LC_ALL": "zh_CN.UTF-8", "FULCRUM_LANG": "es"}, "es"},
		{"flag over FULCRUM_LANG", []string{"--lang", "en"}, map[string]string{"FULCRUM_LANG": "zh", "LANG": "es_ES.UTF-8"}, "en"},
		{"flag over locale", []string{"--lang=zh"}, map[string]string{"LANG": "es_ES.UTF-8"}, "zh"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := catalogueIn(t, envWith(tt.env), tt.args...)
			if got.Dimensions[0].Name != want[tt.want] {
				t.Errorf("customer is %q, want the %s text %q", got.Dimensions[0].Name, tt.want, want[tt.want])
			}
		})
	}
}

func TestCatalogueHumanInChineseAndSpanish(t *testing.T) {
	for _, tc := range []struct {
		lang string
		want []string
	}{
		{"zh", []string{"客户与决策", "0 ToC\uff1a个人用户", "100 ToB\uff1a企业与机构", "模板", "快速版\uff0c8 个维度", "完整版\uff0c29 个维度"}},
		{"es", []string{"Cliente y decisión", "0 ToC: Personas", "100 ToB: Empresas", "Plantillas", "Rápida, 8 dimensiones"}},
	} {
		r := runEnv(t, envWith(map[string]string{"FULCRUM_LANG": tc.lang}), "catalogue")
		if r.code != cli.ExitOK {
			t.Fatalf("catalogue (%s): exit %d, %s", tc.lang, r.code, r.stderr)
		}
		for _, s := range tc.want {
			if !strings.Contains(r.stdout, s) {
				t.Errorf("catalogue in %s lacks %q", tc.lang, s)
			}
		}
		for _, s := range []string{"Templates", "dimensions", "Customer & decision"} {
			if strings.Contains(r.stdout, s) {
				t.Errorf("catalogue in %s still says %q", tc.lang, s)
			}
		}
	}
}

func TestCatalogueRejectsUnknownLanguage(t *testing.T) {
	tests := []struct {
		args []string
		env  map[string]string
		want string
	}{
		{[]string{"--lang", "fr"}, nil, `--lang: unknown language "fr"`},
		{nil, map[string]string{"FULCRUM_LANG": "klingon"}, `FULCRUM_LANG: unknown language "klingon"`},
	}
	for _, tt := range tests {
		r := runEnv(t, envWith(tt.env), append([]string{"catalogue"}, tt.args...)...)
		if r.code != cli.ExitUsage || !strings.Contains(r.stderr, tt.want) || r.stdout != "" {
			t.Errorf("catalogue %q with %v: exit %d, stdout %q, stderr %q; want exit %d and %q",
				tt.args, tt.env, r.code, r.stdout, r.stderr, cli.ExitUsage, tt.want)
		}
	}
}
