package cli_test

// These tests run the commands in process through cli.Env: streams in and
// out, an exit code back. They are where the commands' behaviour is
// tested. cmd/fulcrum's tests run the built binary only where the process
// is the point: locks held by another process, the real stdout, faults on
// damaged files, and main's own flags.

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/cmd/fulcrum/internal/cli"
)

const exampleRel = "../../../../canvas/testdata/example-session.json"

var now = time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)

type result struct {
	stdout, stderr string
	code           int
}

// TestMain clears FULCRUM_DB, so a command run without --db never reaches
// the session file of whoever runs the tests.
func TestMain(m *testing.M) {
	os.Unsetenv(cli.EnvDB)
	os.Exit(m.Run())
}

// runCLI runs one command with stdout going to out (a buffer when nil).
func runCLI(t *testing.T, out io.Writer, args ...string) result {
	t.Helper()
	return runEnv(t, &cli.Env{Stdout: out}, args...)
}

// runEnv runs one command in env. What env leaves unset is filled in: no
// input, stdout to a buffer, the fixed clock now, and a default session
// file in a fresh temporary folder. A command that has not returned after
// 20 s fails the test rather than hanging it: that bound guards against a
// hang, it is not a speed check.
func runEnv(t *testing.T, env *cli.Env, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if env.Stdin == nil {
		env.Stdin = strings.NewReader("")
	}
	if env.Stdout == nil {
		env.Stdout = &stdout
	}
	env.Stderr = &stderr
	if env.Now == nil {
		env.Now = func() time.Time { return now }
	}
	if env.DefaultDB == "" {
		env.DefaultDB = filepath.Join(t.TempDir(), "default.db")
	}
	if env.Getenv == nil {
		env.Getenv = englishEnv
	}
	done := make(chan int, 1)
	go func() { done <- cli.Run(env, args) }()
	select {
	case code := <-done:
		return result{stdout.String(), stderr.String(), code}
	case <-time.After(20 * time.Second):
		t.Fatalf("fulcrum %q did not return within 20 s", args)
		return result{}
	}
}

// englishEnv is the process environment with no language chosen, so a
// test's output does not depend on the locale of whoever runs it.
func englishEnv(k string) string {
	switch k {
	case "FULCRUM_LANG", "LC_ALL", "LC_MESSAGES", "LANG":
		return ""
	}
	return os.Getenv(k)
}

func mustRunCLI(t *testing.T, args ...string) string {
	t.Helper()
	r := runCLI(t, nil, args...)
	if r.code != cli.ExitOK {
		t.Fatalf("fulcrum %q: exit %d\nstderr: %s", args, r.code, r.stderr)
	}
	return r.stdout
}

// newDB makes a session file holding the example session and returns its
// path and the session's id.
func newDB(t *testing.T) (db, id string) {
	t.Helper()
	db = filepath.Join(t.TempDir(), "s.db")
	ids := strings.Fields(mustRunCLI(t, "import", "--db", db, exampleRel))
	if len(ids) != 1 {
		t.Fatalf("import printed %q", ids)
	}
	return db, ids[0]
}

func hashOf(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// failWriter fails every write, as stdout on a full disk does.
type failWriter struct{}

var errNoSpace = errors.New("no space left on device")

func (failWriter) Write([]byte) (int, error) { return 0, errNoSpace }

// examplePath is the example session file as an absolute path, which stays
// right in a test that changes the working folder.
func examplePath(t *testing.T) string {
	t.Helper()
	p, err := filepath.Abs(exampleRel)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

var idRE = regexp.MustCompile(`^[0-9a-f]{16}$`)

// importIDs imports files into db and returns the new ids.
func importIDs(t *testing.T, db string, files ...string) []string {
	t.Helper()
	out := mustRunCLI(t, append([]string{"import", "--db", db}, files...)...)
	ids := strings.Fields(out)
	if len(ids) != len(files) {
		t.Fatalf("import of %d files printed %d ids: %q", len(files), len(ids), out)
	}
	return ids
}

// listEntry mirrors `list --json`; unknown fields are errors.
type listEntry struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Product string   `json:"product"`
	Updated string   `json:"updated"`
	Index   *float64 `json:"index"`
	Label   string   `json:"label"`
	Band    *string  `json:"band"`
}

func listJSON(t *testing.T, db string) (raw string, entries []listEntry) {
	t.Helper()
	raw = mustRunCLI(t, "list", "--db", db, "--json")
	dec := json.NewDecoder(strings.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&entries); err != nil {
		t.Fatalf("list --json: %v\n%s", err, raw)
	}
	return raw, entries
}

func writeFile(t *testing.T, path, content string) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func writeJSONFile(t *testing.T, path string, v any) string {
	t.Helper()
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return writeFile(t, path, string(data))
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func assertNotExist(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("%s should not exist (stat: %v)", path, err)
	}
}

func dirEntries(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func jsonString(t *testing.T, v any) string {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// indexSession is a small Quick session whose ToB index is worked out by
// hand: customer has current 90 (its placement of 10 does not count),
// decision-makers has placements 20, 70, 40 (median 40, mean would be
// 43.33), acquisition has placements 10 and 30 (median 20), value has
// current 75, revenue-model has only a target (does not count). The index
// is (90 + 40 + 20 + 75) / 4 = 56.25, which is Hybrid.
func indexSession() map[string]any {
	return map[string]any{
		"format":   "fulcrum-session",
		"version":  1,
		"id":       "a-index",
		"title":    "Index check",
		"product":  "Widget",
		"created":  "2026-02-01T10:00:00Z",
		"updated":  "2026-03-01T10:00:00Z",
		"template": "quick",
		"participants": []any{
			map[string]any{"id": "p1", "name": "Uno"},
			map[string]any{"id": "p2", "name": "Dos"},
			map[string]any{"id": "p3", "name": "Tres"},
		},
		"placements": []any{
			map[string]any{"dimension": "customer", "participant": "p1", "value": 10},
			map[string]any{"dimension": "decision-makers", "participant": "p1", "value": 20, "confidence": 5},
			map[string]any{"dimension": "decision-makers", "participant": "p2", "value": 70, "confidence": 1},
			map[string]any{"dimension": "decision-makers", "participant": "p3", "value": 40},
			map[string]any{"dimension": "acquisition", "participant": "p1", "value": 10},
			map[string]any{"dimension": "acquisition", "participant": "p2", "value": 30},
		},
		"positions": []any{
			map[string]any{"dimension": "customer", "current": 90},
			map[string]any{"dimension": "value", "current": 75},
			map[string]any{"dimension": "revenue-model", "target": 100},
		},
		"actions": []any{},
	}
}
