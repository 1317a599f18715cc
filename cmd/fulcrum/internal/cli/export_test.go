package cli_test

import (
	"crypto/sha256"
	"path/filepath"
	"strings"
	"testing"
)

func TestExportErrors(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "e.db")
	importIDs(t, db, writeJSONFile(t, filepath.Join(dir, "s.json"), indexSession()))

	if r := runCLI(t, nil, "export", "--db", db, "no-such-id", "--json", "-"); r.code != 1 || r.stdout != "" || !strings.Contains(r.stderr, "not found") {
		t.Errorf("export of an unknown id: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	missing := filepath.Join(dir, "missing.db")
	if r := runCLI(t, nil, "export", "--db", missing, "a-index", "--json", "-"); r.code != 1 {
		t.Errorf("export from a missing db: exit %d, want 1", r.code)
	}
	assertNotExist(t, missing)
	out := filepath.Join(dir, "no", "such", "dir", "out.json")
	if r := runCLI(t, nil, "export", "--db", db, "a-index", "--json", out); r.code != 1 {
		t.Errorf("export into a missing directory: exit %d, want 1", r.code)
	}
}

// TestExportOntoTheStoreIsRefused: the report from issue 10 (an export
// with the session file as its output); the store is byte for byte
// unchanged.
func TestExportOntoTheStoreIsRefused(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	id := importIDs(t, db, examplePath(t))[0]
	before := sha256.Sum256(readFile(t, db))
	for _, flag := range []string{"--pdf", "--json", "--png", "--csv"} {
		r := runCLI(t, nil, "export", "--db", db, id, flag, db)
		if r.code != 1 || r.stdout != "" || !strings.Contains(r.stderr, "holds Fulcrum's sessions") {
			t.Errorf("export %s onto the store: exit %d, stdout %q, stderr %q", flag, r.code, r.stdout, r.stderr)
		}
		if sha256.Sum256(readFile(t, db)) != before {
			t.Fatalf("export %s onto the store changed it", flag)
		}
	}
	if _, entries := listJSON(t, db); len(entries) != 1 || entries[0].ID != id {
		t.Errorf("the store lists %v after the refusals", entries)
	}
}
