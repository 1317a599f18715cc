package cli_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

func TestImportInvalidChangesNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "seed.db")
	importIDs(t, db, examplePath(t))
	before, entries := listJSON(t, db)
	if len(entries) != 1 {
		t.Fatalf("seeded db holds %d sessions", len(entries))
	}
	dbBytes := readFile(t, db)

	good := indexSession()
	good["id"] = "good-one"
	goodFile := writeJSONFile(t, filepath.Join(dir, "good.json"), good)

	// mutate returns a copy of the good session changed by fn.
	mutate := func(fn func(s map[string]any)) map[string]any {
		s := indexSession()
		fn(s)
		return s
	}
	placement0 := func(s map[string]any) map[string]any {
		return s["placements"].([]any)[0].(map[string]any)
	}

	cases := []struct {
		name    string
		content any    // string: raw file text; otherwise marshalled
		want    string // after "FILE: "
	}{
		{"malformed", `{"format": "fulcrum-session", "version": 1, "title": "x",`, "malformed JSON"},
		{"malformed-syntax", `{"format": "fulcrum-session" "version": 1}`, "malformed JSON at byte"},
		{"empty", "", "malformed JSON"},
		{"format", mutate(func(s map[string]any) { s["format"] = "fulcrum-sesion" }), "format: "},
		{"format-missing", mutate(func(s map[string]any) { delete(s, "format") }), "format: "},
		{"version", mutate(func(s map[string]any) { s["version"] = 3 }), "version: 3 is not supported"},
		{"dimension", mutate(func(s map[string]any) { s["dimensions"] = []any{"ceo-mood", "customer"} }), "dimensions[0]: "},
		{"value-high", mutate(func(s map[string]any) { placement0(s)["value"] = 101 }), "placements[0].value: "},
		{"value-low", mutate(func(s map[string]any) { placement0(s)["value"] = -1 }), "placements[0].value: "},
		{"value-type", mutate(func(s map[string]any) { placement0(s)["value"] = "high" }), "placements[0].value: "},
		{"participant-dup", mutate(func(s map[string]any) {
			s["participants"].([]any)[1].(map[string]any)["id"] = "p1"
		}), "participants[1].id: "},
		{"participant-unknown", mutate(func(s map[string]any) { placement0(s)["participant"] = "ghost" }), "placements[0].participant: "},
		{"confidence-high", mutate(func(s map[string]any) { placement0(s)["confidence"] = 6 }), "placements[0].confidence: "},
		{"confidence-zero", mutate(func(s map[string]any) { placement0(s)["confidence"] = 0 }), "placements[0].confidence: "},
		{"colour", mutate(func(s map[string]any) { s["colour"] = "blue" }), "colour: "},
		{"position-current", mutate(func(s map[string]any) {
			s["positions"].([]any)[0].(map[string]any)["current"] = 150
		}), "positions[0].current: "},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			bad := filepath.Join(dir, tc.name+".json")
			if s, ok := tc.content.(string); ok {
				writeFile(t, bad, s)
			} else {
				writeJSONFile(t, bad, tc.content)
			}
			r := runCLI(t, nil, "import", "--db", db, goodFile, bad)
			if r.code != 1 {
				t.Errorf("exit %d, want 1", r.code)
			}
			if r.stdout != "" {
				t.Errorf("stdout %q, want nothing", r.stdout)
			}
			if want := bad + ": " + tc.want; !strings.Contains(r.stderr, want) {
				t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
			}
			if strings.Contains(r.stderr, goodFile+":") {
				t.Errorf("stderr blames the good file:\n%s", r.stderr)
			}
			if !strings.Contains(r.stderr, "nothing was imported") {
				t.Errorf("stderr does not say nothing was imported:\n%s", r.stderr)
			}
			after, _ := listJSON(t, db)
			if after != before {
				t.Errorf("list changed:\nbefore %s\nafter %s", before, after)
			}
			if !bytes.Equal(readFile(t, db), dbBytes) {
				t.Error("the db file changed")
			}
		})
	}

	// Every problem of every file is reported in one pass.
	multi := writeJSONFile(t, filepath.Join(dir, "multi.json"), mutate(func(s map[string]any) {
		s["format"] = "nope"
		s["colour"] = "red"
		placement0(s)["value"] = 200
	}))
	other := writeJSONFile(t, filepath.Join(dir, "other.json"), mutate(func(s map[string]any) { s["version"] = 9 }))
	r := runCLI(t, nil, "import", "--db", db, multi, goodFile, other)
	if r.code != 1 {
		t.Errorf("import of two bad files: exit %d", r.code)
	}
	for _, w := range []string{multi + ": format: ", multi + ": colour: ", multi + ": placements[0].value: ", other + ": version: 9"} {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
		}
	}
	// A missing file is a problem too.
	missing := filepath.Join(dir, "nope.json")
	r = runCLI(t, nil, "import", "--db", db, goodFile, missing)
	if r.code != 1 || !strings.Contains(r.stderr, missing+": ") {
		t.Errorf("import of a missing file: exit %d, stderr %q", r.code, r.stderr)
	}
	if after, _ := listJSON(t, db); after != before {
		t.Errorf("list changed:\nbefore %s\nafter %s", before, after)
	}
	// Imports into a new db that fail must not create it.
	fresh := filepath.Join(dir, "fresh.db")
	if r := runCLI(t, nil, "import", "--db", fresh, goodFile, other); r.code != 1 {
		t.Errorf("import into a fresh db: exit %d, want 1", r.code)
	}
	assertNotExist(t, fresh)
}

// TestImportOfFIFOIsRefused: import refuses a FIFO at once instead of
// blocking on it forever; runCLI's 20 s bound fails the test if it blocks.
func TestImportOfFIFOIsRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.json")
	if err := mkfifo(fifo); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	// Should the import block after all, this ends the block once the
	// test has failed, so the goroutine does not outlive it.
	t.Cleanup(func() { releaseFIFO(fifo) })
	db := filepath.Join(dir, "s.db")
	r := runCLI(t, nil, "import", "--db", db, fifo)
	if r.code != 1 || !strings.Contains(r.stderr, fifo+": cannot read: it is a FIFO") {
		t.Errorf("import of a FIFO: exit %d, stderr %q", r.code, r.stderr)
	}
	assertNotExist(t, db)
}
