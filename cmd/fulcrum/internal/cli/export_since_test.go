package cli_test

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/cmd/fulcrum/internal/cli"
)

// TestExportSinceWritesTheSection: `export --since OLD_ID` gives a PDF
// with the "Since" section comparing with that session, in the language
// asked for: Q1's date as the heading, the index then and now, the largest
// move first and the targets reached. Without --since the PDF has none.
func TestExportSinceWritesTheSection(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skipf("pdftotext is not on PATH (install poppler-utils): %v", err)
	}
	db := compareDB(t)
	dir := t.TempDir()
	env := envWith(map[string]string{"LANG": "en_US.UTF-8"})
	text := func(pdf string) string {
		t.Helper()
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", "-layout", pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", pdf, err)
		}
		return strings.Join(strings.Fields(string(out)), " ")
	}
	for _, tc := range []struct {
		lang string
		want []string
	}{
		{"en", []string{"Since 10 May 2026", "ToB index: 50 then, 58.9 now (+8.9).", "Decision makers ~50 69 +19",
			"Targets reached (within 5 points of the earlier target): 2 of 6", "New tensions: Committee vs impulse purchase."}},
		{"es", []string{"Desde el 10 de mayo de 2026", "Índice ToB: 50 entonces, 58,9 ahora (+8,9).",
			"Objetivos alcanzados (a 5 puntos o menos del objetivo anterior): 2 de 6"}},
	} {
		pdf := filepath.Join(dir, "q3-"+tc.lang+".pdf")
		if r := runEnv(t, env, "export", "--db", db, "nubia-q3", "--pdf", pdf, "--since", "nubia-q1", "--lang", tc.lang); r.code != cli.ExitOK {
			t.Fatalf("export --since nubia-q1 --lang %s: exit %d, stderr %s", tc.lang, r.code, r.stderr)
		}
		got := text(pdf)
		for _, want := range tc.want {
			if !strings.Contains(got, want) {
				t.Errorf("--lang %s: the PDF lacks %q:\n%s", tc.lang, want, got)
			}
		}
	}

	plain := filepath.Join(dir, "q3.pdf")
	mustRunCLI(t, "export", "--db", db, "nubia-q3", "--pdf", plain)
	if got := text(plain); strings.Contains(got, "Since 10 May 2026") || strings.Contains(got, "then, ") {
		t.Errorf("a PDF exported without --since has a Since section:\n%s", got)
	}
}
