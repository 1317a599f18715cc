package cli_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/cmd/fulcrum/internal/cli"
)

// TestIndexBandInEveryLanguage: `list` and `summary --json` carry the
// index's band as a key that is the same in every language, beside its
// label. The JSON label is English, which scripts read, whatever --lang,
// FULCRUM_LANG or the locale say; they change only the table.
func TestIndexBandInEveryLanguage(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "bands.db")
	id := importIDs(t, db, writeJSONFile(t, filepath.Join(dir, "a.json"), indexSession()))[0] // index 56.25
	hybrid := func(tag lang.Tag) string { return lang.For(tag).Band(canvas.BandHybrid) }
	if hybrid(lang.ZH) == hybrid(lang.EN) || hybrid(lang.ES) == hybrid(lang.EN) {
		t.Fatal("the hybrid band has the same words in every language; this test would prove nothing")
	}
	zhLocale := func(k string) string {
		if k == "LANG" {
			return "zh_CN.UTF-8"
		}
		return englishEnv(k)
	}
	esVar := func(k string) string {
		if k == lang.EnvLang {
			return "es"
		}
		return englishEnv(k)
	}
	run := func(getenv func(string) string, args ...string) string {
		t.Helper()
		r := runEnv(t, &cli.Env{Getenv: getenv}, args...)
		if r.code != cli.ExitOK {
			t.Fatalf("fulcrum %q: exit %d\n%s", args, r.code, r.stderr)
		}
		return r.stdout
	}
	type labelled struct {
		Label string  `json:"label"`
		Band  *string `json:"band"`
	}
	for _, tc := range []struct {
		name   string
		getenv func(string) string
		flags  []string
		label  string
	}{
		{"english", englishEnv, nil, hybrid(lang.EN)},
		{"zh locale", zhLocale, nil, hybrid(lang.EN)},
		{"FULCRUM_LANG=es", esVar, nil, hybrid(lang.EN)},
		{"--lang zh", englishEnv, []string{"--lang", "zh"}, hybrid(lang.EN)},
		{"--lang es over zh locale", zhLocale, []string{"--lang", "es"}, hybrid(lang.EN)},
	} {
		var list []labelled
		out := run(tc.getenv, append([]string{"list", "--db", db, "--json"}, tc.flags...)...)
		if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) != 1 {
			t.Fatalf("%s: list --json: %v\n%s", tc.name, err, out)
		}
		var sum labelled
		out = run(tc.getenv, append([]string{"summary", "--db", db, id, "--json"}, tc.flags...)...)
		if err := json.Unmarshal([]byte(out), &sum); err != nil {
			t.Fatalf("%s: summary --json: %v\n%s", tc.name, err, out)
		}
		for what, got := range map[string]labelled{"list": list[0], "summary": sum} {
			if got.Band == nil || *got.Band != "hybrid" || got.Label != tc.label {
				t.Errorf("%s: %s --json gives label %q, band %s; want %q, \"hybrid\"", tc.name, what, got.Label, jsonString(t, got.Band), tc.label)
			}
		}
	}

	// The table speaks the language of the flag, the variable or the locale.
	for _, tc := range []struct {
		name   string
		getenv func(string) string
		flags  []string
		want   lang.Tag
	}{
		{"zh locale", zhLocale, nil, lang.ZH},
		{"FULCRUM_LANG=es", esVar, nil, lang.ES},
		{"--lang en over zh locale", zhLocale, []string{"--lang", "en"}, lang.EN},
	} {
		out := run(tc.getenv, append([]string{"list", "--db", db}, tc.flags...)...)
		if !strings.Contains(out, hybrid(tc.want)) {
			t.Errorf("%s: list does not name the band %q:\n%s", tc.name, hybrid(tc.want), out)
		}
	}
}
