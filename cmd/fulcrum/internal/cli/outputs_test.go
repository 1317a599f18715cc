package cli_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/cmd/fulcrum/internal/cli"
)

// TestFailedStdoutExitsNonZero: a command whose output cannot be written
// (stdout on a full disk) exits 1 and says so on stderr, instead of
// reporting success for output nobody got.
func TestFailedStdoutExitsNonZero(t *testing.T) {
	db, id := newDB(t)
	for _, args := range [][]string{
		{"list", "--db", db},
		{"list", "--db", db, "--json"},
		{"list", "--db", filepath.Join(t.TempDir(), "none.db")}, // "No sessions yet."
		{"export", "--db", db, id, "--json", "-"},
		{"summary", "--db", db, id, "--json"},
		{"catalogue"},
		{"catalogue", "--json"},
		{"check", "--db", db},
		{"backup", "--db", db},
		{"help"},
		{"list", "--help"},
	} {
		r := runCLI(t, failWriter{}, args...)
		if r.code != cli.ExitError || !strings.Contains(r.stderr, errNoSpace.Error()) {
			t.Errorf("fulcrum %q with a failing stdout: exit %d, stderr %q; want 1 and the write error", args, r.code, r.stderr)
		}
	}
}

// TestImportWithFailedStdoutSaysTheImportHappened: the import is committed
// before its ids are printed; when printing fails, the exit code is 1 and
// stderr says the sessions are in the file and how to see them.
func TestImportWithFailedStdoutSaysTheImportHappened(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	r := runCLI(t, failWriter{}, "import", "--db", db, exampleRel, exampleRel)
	if r.code != cli.ExitError {
		t.Errorf("import with a failing stdout: exit %d, want 1", r.code)
	}
	for _, want := range []string{"imported 2 sessions", "could not print their ids", errNoSpace.Error(), "fulcrum list", "importing again would add copies"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr %q does not say %q", r.stderr, want)
		}
	}
	out := mustRunCLI(t, "list", "--db", db, "--json")
	if n := strings.Count(out, `"id":`); n != 2 {
		t.Errorf("the file lists %d sessions after the import, want 2:\n%s", n, out)
	}
}
