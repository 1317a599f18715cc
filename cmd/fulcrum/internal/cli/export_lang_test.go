package cli_test

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/cmd/fulcrum/internal/cli"
)

// csvHeaderOf reads the header row of an exported CSV.
func csvHeaderOf(t *testing.T, path string) []string {
	t.Helper()
	data := bytes.TrimPrefix(readFile(t, path), []byte("\uFEFF"))
	header, err := csv.NewReader(bytes.NewReader(data)).Read()
	if err != nil {
		t.Fatalf("read the header of %s: %v", path, err)
	}
	return header
}

// TestExportLanguagePrecedence: `fulcrum export` writes in the language of
// --lang, else $FULCRUM_LANG, else the locale, as the catalogue does.
func TestExportLanguagePrecedence(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	id := importIDs(t, db, examplePath(t))[0]
	for _, tc := range []struct {
		name  string
		vars  map[string]string
		flag  []string
		first string // the header's first column, "group" in English
	}{
		{"flag wins", map[string]string{"FULCRUM_LANG": "zh", "LANG": "es_ES.UTF-8"}, []string{"--lang", "en"}, "group"},
		{"flag es", map[string]string{"LANG": "zh_CN.UTF-8"}, []string{"--lang", "es"}, "grupo"},
		{"variable over locale", map[string]string{"FULCRUM_LANG": "zh", "LANG": "es_ES.UTF-8"}, nil, "分组"},
		{"locale", map[string]string{"LANG": "es_ES.UTF-8"}, nil, "grupo"},
		{"LC_ALL over LANG", map[string]string{"LC_ALL": "zh_CN.UTF-8", "LANG": "es_ES.UTF-8"}, nil, "分组"},
		{"other locale is English", map[string]string{"LANG": "de_DE.UTF-8"}, nil, "group"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "table.csv")
			args := append([]string{"export", "--db", db, id, "--csv", out}, tc.flag...)
			if r := runEnv(t, envWith(tc.vars), args...); r.code != cli.ExitOK {
				t.Fatalf("export: exit %d, stderr %s", r.code, r.stderr)
			}
			if h := csvHeaderOf(t, out); h[0] != tc.first {
				t.Errorf("header %q, want it to start with %q", h, tc.first)
			}
		})
	}
}

// TestExportBadLanguage: an unknown language is a usage error naming where
// it came from, and nothing is written.
func TestExportBadLanguage(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	id := importIDs(t, db, examplePath(t))[0]
	for _, tc := range []struct {
		vars map[string]string
		flag []string
		want string
	}{
		{nil, []string{"--lang", "fr"}, "--lang"},
		{map[string]string{"FULCRUM_LANG": "klingon"}, nil, "FULCRUM_LANG"},
	} {
		out := filepath.Join(dir, "out.pdf")
		args := append([]string{"export", "--db", db, id, "--pdf", out}, tc.flag...)
		r := runEnv(t, envWith(tc.vars), args...)
		if r.code != cli.ExitUsage || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("export %q with %v: exit %d, stderr %q; want a usage error naming %s", tc.flag, tc.vars, r.code, r.stderr, tc.want)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("export %q with %v wrote %s anyway", tc.flag, tc.vars, out)
		}
	}
}

// TestExportPDFInChinese: --lang zh gives a PDF whose headings and footer
// are Chinese while the English locale runs the command.
func TestExportPDFInChinese(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skipf("pdftotext is not on PATH (install poppler-utils): %v", err)
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	id := importIDs(t, db, examplePath(t))[0]
	out := filepath.Join(dir, "report.pdf")
	env := envWith(map[string]string{"LANG": "en_US.UTF-8"})
	if r := runEnv(t, env, "export", "--db", db, id, "--pdf", out, "--lang", "zh"); r.code != cli.ExitOK {
		t.Fatalf("export --lang zh: exit %d, stderr %s", r.code, r.stderr)
	}
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", out, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	flat := strings.Join(strings.Fields(string(text)), "")
	for _, want := range []string{"各维度定位", "定位建议", "第1页，共"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	for _, english := range []string{"Page", "Dimensions", "Guidance", "generated"} {
		if strings.Contains(string(text), english) {
			t.Errorf("the PDF still says %q", english)
		}
	}
}
