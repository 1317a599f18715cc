package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/cmd/fulcrum/internal/cli"
)

// The same session gives the same PDF bytes on any day it is exported: the
// footer dates the report by the session's last change, not by the export.
func TestExportGivesTheSameBytesOnAnyDay(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	id := importIDs(t, db, writeJSONFile(t, filepath.Join(dir, "a.json"), indexSession()))[0]
	var pdfs [][]byte
	for i, day := range []time.Time{
		time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC),
		time.Date(2027, 3, 1, 17, 30, 0, 0, time.UTC),
	} {
		out := filepath.Join(dir, []string{"a.pdf", "b.pdf"}[i])
		env := &cli.Env{Getenv: englishEnv, Now: func() time.Time { return day }}
		if r := runEnv(t, env, "export", "--db", db, id, "--pdf", out); r.code != cli.ExitOK {
			t.Fatalf("export on %s: exit %d\n%s", day.Format(time.DateOnly), r.code, r.stderr)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		pdfs = append(pdfs, b)
	}
	if !bytes.Equal(pdfs[0], pdfs[1]) {
		t.Error("the same session exported on two days gave different PDFs")
	}
}
