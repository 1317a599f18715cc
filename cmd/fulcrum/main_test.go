package main

// These tests run the fulcrum binary as a separate process, the way scripts
// use it: arguments in, stdout, stderr and an exit code out.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

const (
	envHoldDB  = "FULCRUM_HOLD_DB"
	lockedText = "this session file is open in another Fulcrum window"
	exampleRel = "../../canvas/testdata/example-session.json"
)

var (
	fulcrumBin string // the binary under test
	testHome   string // HOME and XDG_CONFIG_HOME of every invocation
)

func TestMain(m *testing.M) {
	// Re-executed as the lock holder: no binary needed.
	if os.Getenv(envHoldDB) != "" {
		os.Exit(m.Run())
	}
	os.Exit(buildAndRun(m))
}

func buildAndRun(m *testing.M) int {
	dir, err := os.MkdirTemp("", "fulcrum-cli-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "temp dir:", err)
		return 1
	}
	defer os.RemoveAll(dir)

	// go test runs with its own go on PATH; GOROOT is set when it was
	// started through a toolchain wrapper.
	goTool, err := exec.LookPath("go")
	if err != nil && os.Getenv("GOROOT") != "" {
		goTool = filepath.Join(os.Getenv("GOROOT"), "bin", "go")
	}
	fulcrumBin = filepath.Join(dir, "fulcrum")
	build := exec.Command(goTool, "build", "-o", fulcrumBin, ".")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "go build:", err)
		return 1
	}
	testHome = filepath.Join(dir, "home")
	if err := os.MkdirAll(testHome, 0o700); err != nil {
		fmt.Fprintln(os.Stderr, "home:", err)
		return 1
	}
	return m.Run()
}

// result is one finished invocation of the binary.
type result struct {
	stdout, stderr string
	code           int
	elapsed        time.Duration
}

type runOpts struct {
	stdin string
	env   []string // KEY=VALUE, applied after the defaults
	dir   string
}

// run runs the binary with args and returns its stdout, stderr and exit
// code. A run that takes 20 s fails the test instead of blocking it.
func run(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	r := runWith(t, runOpts{stdin: stdin}, args...)
	return r.stdout, r.stderr, r.code
}

func runWith(t *testing.T, o runOpts, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, fulcrumBin, args...)
	cmd.Env = baseEnv(o.env)
	cmd.Dir = o.dir
	if o.stdin != "" {
		cmd.Stdin = strings.NewReader(o.stdin)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String(), elapsed: time.Since(start)}
	if ctx.Err() != nil {
		t.Fatalf("fulcrum %q did not finish within 20 s\nstderr: %s", args, r.stderr)
	}
	var exitErr *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exitErr):
		r.code = exitErr.ExitCode()
	default:
		t.Fatalf("fulcrum %q: %v", args, err)
	}
	// No command may crash or let Fyne complain, whatever it is given.
	if crashRE.MatchString(r.stderr) || strings.Contains(r.stderr, "Fyne error") {
		t.Errorf("fulcrum %q crashed or complained:\n%s", args, r.stderr)
	}
	return r
}

// baseEnv is the parent's environment without anything that could point the
// binary at a real session file, plus extra.
func baseEnv(extra []string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "FULCRUM_DB", "HOME", "XDG_CONFIG_HOME", "LANG", "LC_ALL", "LC_MESSAGES", envHoldDB:
			continue
		}
		env = append(env, kv)
	}
	env = append(env,
		"LANG=en_US.UTF-8",
		"HOME="+testHome,
		"XDG_CONFIG_HOME="+filepath.Join(testHome, ".config"),
	)
	return append(env, extra...)
}

// mustRun runs a command that must succeed and returns its stdout.
func mustRun(t *testing.T, stdin string, args ...string) string {
	t.Helper()
	out, errOut, code := run(t, stdin, args...)
	if code != 0 {
		t.Fatalf("fulcrum %q: exit %d\nstderr: %s", args, code, errOut)
	}
	return out
}

var (
	idRE = regexp.MustCompile(`^[0-9a-f]{16}$`)
	// crashRE matches what the Go runtime prints when a program dies.
	crashRE = regexp.MustCompile(`(?m)^(panic: |fatal error: |goroutine \d+ \[)`)
)

// importIDs imports files into db and returns the new ids.
func importIDs(t *testing.T, db string, files ...string) []string {
	t.Helper()
	out := mustRun(t, "", append([]string{"import", "--db", db}, files...)...)
	ids := strings.Fields(out)
	if len(ids) != len(files) {
		t.Fatalf("import of %d files printed %d ids: %q", len(files), len(ids), out)
	}
	return ids
}

type listEntry struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Product string   `json:"product"`
	Updated string   `json:"updated"`
	Index   *float64 `json:"index"`
	Label   string   `json:"label"`
}

func listJSON(t *testing.T, db string) (raw string, entries []listEntry) {
	t.Helper()
	raw = mustRun(t, "", "list", "--db", db, "--json")
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

func examplePath(t *testing.T) string {
	t.Helper()
	p, err := filepath.Abs(exampleRel)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p); err != nil {
		t.Fatal(err)
	}
	return p
}

func assertNotExist(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("%s should not exist (stat: %v)", path, err)
	}
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

// --- round trip -----------------------------------------------------------

func TestImportExportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	db1 := filepath.Join(dir, "one.db")
	db2 := filepath.Join(dir, "two.db")
	orig := examplePath(t)

	id := importIDs(t, db1, orig)[0]
	if !idRE.MatchString(id) {
		t.Fatalf("import printed id %q, want 16 hex digits", id)
	}

	out1 := filepath.Join(dir, "out1.json")
	if out := mustRun(t, "", "export", "--db", db1, id, "--json", out1); out != "" {
		t.Errorf("export to a file wrote to stdout: %q", out)
	}
	export1 := readFile(t, out1)

	toStdout := mustRun(t, "", "export", "--db", db1, id, "--json", "-")
	if toStdout != string(export1) {
		t.Errorf("export --json - differs from export --json FILE:\n%s\n---\n%s", toStdout, export1)
	}

	// The id is free in a fresh db, so it is kept.
	if got := importIDs(t, db2, out1)[0]; got != id {
		t.Errorf("re-import into a fresh db gave id %q, want %q", got, id)
	}
	out2 := filepath.Join(dir, "out2.json")
	mustRun(t, "", "export", id, "--json", out2, "--db", db2)
	if export2 := readFile(t, out2); !bytes.Equal(export1, export2) {
		t.Errorf("second export differs from the first:\n%s\n---\n%s", export1, export2)
	}

	// Text is written as UTF-8, not escaped.
	for _, s := range []string{
		"Q4 positioning · 第四季度定位",
		"我们每周发布，客户并没有抱怨。",
		"Vendemos a equipos comerciales, no a personas.",
		"Ana García",
	} {
		if !bytes.Contains(export1, []byte(s)) {
			t.Errorf("export does not contain %q verbatim", s)
		}
	}

	// Compare the content with the original file.
	var want, got map[string]any
	if err := json.Unmarshal(readFile(t, orig), &want); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(export1, &got); err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
	for _, k := range []string{"format", "version", "title", "product", "created", "facilitator", "template", "placements", "positions", "actions"} {
		if !reflect.DeepEqual(got[k], want[k]) {
			t.Errorf("%s: export has\n%v\nthe original has\n%v", k, got[k], want[k])
		}
	}
	// Participants gain a colour and a shape; every original field is kept.
	gotP, _ := got["participants"].([]any)
	wantP, _ := want["participants"].([]any)
	if len(gotP) != len(wantP) {
		t.Fatalf("export has %d participants, the original %d", len(gotP), len(wantP))
	}
	for i := range wantP {
		for k, v := range wantP[i].(map[string]any) {
			if g := gotP[i].(map[string]any)[k]; !reflect.DeepEqual(g, v) {
				t.Errorf("participants[%d].%s = %v, want %v", i, k, g, v)
			}
		}
		if _, ok := gotP[i].(map[string]any)["shape"]; !ok {
			t.Errorf("participants[%d] has no shape in the export", i)
		}
	}
	if got["id"] != id {
		t.Errorf("export id = %v, want %q", got["id"], id)
	}
	// The original has no updated time: it defaults to created.
	if got["updated"] != "2026-11-20T09:00:00Z" {
		t.Errorf("export updated = %v, want the created time 2026-11-20T09:00:00Z", got["updated"])
	}
	// The full template: the original positions name all 23 dimensions in
	// catalogue order.
	var wantDims []any
	for _, p := range want["positions"].([]any) {
		wantDims = append(wantDims, p.(map[string]any)["dimension"])
	}
	if len(wantDims) != 23 || !reflect.DeepEqual(got["dimensions"], wantDims) {
		t.Errorf("export dimensions = %v, want %v", got["dimensions"], wantDims)
	}

	// Both stores list the same session with the same index: every one of
	// the 23 dimensions has a current value and they add up to 1498.
	_, l1 := listJSON(t, db1)
	_, l2 := listJSON(t, db2)
	if !reflect.DeepEqual(l1, l2) {
		t.Errorf("list differs between the stores: %+v vs %+v", l1, l2)
	}
	if len(l1) != 1 {
		t.Fatalf("list: %d sessions, want 1", len(l1))
	}
	e := l1[0]
	if e.ID != id || e.Title != "Q4 positioning · 第四季度定位" || e.Product != "Nubia CRM" || e.Updated != "2026-11-20T09:00:00Z" {
		t.Errorf("list entry = %+v", e)
	}
	if e.Index == nil || math.Abs(*e.Index-1498.0/23) > 1e-9 || e.Label != "Leaning ToB" {
		t.Errorf("list index = %v %q, want %v Leaning ToB", e.Index, e.Label, 1498.0/23)
	}

	// Importing the export where its id is taken gives a new id and keeps
	// the original.
	again := importIDs(t, db1, out1)[0]
	if again == id || !idRE.MatchString(again) {
		t.Errorf("re-import into the same db gave id %q (original %q)", again, id)
	}
	_, l1 = listJSON(t, db1)
	if len(l1) != 2 {
		t.Errorf("after re-import: %d sessions, want 2", len(l1))
	}
}

// --- flags ------------------------------------------------------------------

func TestFlagsBeforeAndAfterPositionals(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "f.db")
	ex := examplePath(t)
	small := writeJSONFile(t, filepath.Join(dir, "small.json"), indexSession())

	var ids []string
	for _, args := range [][]string{
		{"import", "--db", db, ex},
		{"import", ex, "--db", db},
		{"import", ex, "--db", db, small},
		{"import", "--db=" + db, small},
	} {
		out := mustRun(t, "", args...)
		ids = append(ids, strings.Fields(out)...)
	}
	if len(ids) != 5 {
		t.Fatalf("imports printed %d ids, want 5: %q", len(ids), ids)
	}
	_, entries := listJSON(t, db)
	if len(entries) != 5 {
		t.Fatalf("db holds %d sessions, want 5", len(entries))
	}

	// A file whose name starts with "-" is a file after "--".
	writeFile(t, filepath.Join(dir, "-dash.json"), string(readFile(t, small)))
	r := runWith(t, runOpts{dir: dir}, "import", "--db", db, "--", "-dash.json")
	if r.code != 0 || len(strings.Fields(r.stdout)) != 1 {
		t.Errorf("import -- -dash.json: exit %d, stdout %q, stderr %s", r.code, r.stdout, r.stderr)
	}
	// "-" reads the session file from stdin.
	r = runWith(t, runOpts{stdin: string(readFile(t, small))}, "import", "-", "--db", db)
	if r.code != 0 || len(strings.Fields(r.stdout)) != 1 {
		t.Errorf("import - from stdin: exit %d, stdout %q, stderr %s", r.code, r.stdout, r.stderr)
	}
	if _, entries = listJSON(t, db); len(entries) != 7 {
		t.Errorf("db holds %d sessions, want 7", len(entries))
	}

	id := ids[0]
	want := mustRun(t, "", "export", "--db", db, id, "--json", "-")
	if !strings.Contains(want, `"id": "`+id+`"`) {
		t.Fatalf("export of %s does not name it:\n%s", id, want)
	}
	for i, args := range [][]string{
		{"export", "--db", db, id, "--json", "OUT"},
		{"export", id, "--json", "OUT", "--db", db},
		{"export", "--json", "OUT", id, "--db", db},
		{"export", "--db=" + db, "--json=OUT", id},
		{"export", id, "--db", db, "--json", "OUT"},
	} {
		out := filepath.Join(dir, fmt.Sprintf("out%d.json", i))
		for j := range args {
			if args[j] == "OUT" {
				args[j] = out
			}
			args[j] = strings.Replace(args[j], "=OUT", "="+out, 1)
		}
		mustRun(t, "", args...)
		if got := string(readFile(t, out)); got != want {
			t.Errorf("fulcrum %q wrote\n%s\nwant\n%s", args, got, want)
		}
	}
}

// --- FULCRUM_DB ---------------------------------------------------------

func TestFulcrumDBEnv(t *testing.T) {
	dir := t.TempDir()
	envDB := filepath.Join(dir, "env.db")
	other := filepath.Join(dir, "other.db")
	env := []string{"FULCRUM_DB=" + envDB}
	home := filepath.Join(dir, "home")
	// A home of its own, so the default db this test must not create is
	// easy to look for.
	env = append(env, "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"))
	small := writeJSONFile(t, filepath.Join(dir, "small.json"), indexSession())

	r := runWith(t, runOpts{env: env}, "import", small)
	if r.code != 0 || strings.TrimSpace(r.stdout) != "a-index" {
		t.Fatalf("import with FULCRUM_DB: exit %d, stdout %q, stderr %s", r.code, r.stdout, r.stderr)
	}
	if _, entries := listJSON(t, envDB); len(entries) != 1 || entries[0].ID != "a-index" {
		t.Errorf("FULCRUM_DB file holds %+v, want the imported session", entries)
	}

	r = runWith(t, runOpts{env: env}, "list", "--json")
	if r.code != 0 || !strings.Contains(r.stdout, `"a-index"`) {
		t.Errorf("list with FULCRUM_DB: exit %d, stdout %q", r.code, r.stdout)
	}
	r = runWith(t, runOpts{env: env}, "export", "a-index", "--json", "-")
	if r.code != 0 || !strings.Contains(r.stdout, `"title": "Index check"`) {
		t.Errorf("export with FULCRUM_DB: exit %d, stdout %q, stderr %s", r.code, r.stdout, r.stderr)
	}
	r = runWith(t, runOpts{env: env}, "check")
	if r.code != 0 || !strings.Contains(r.stdout, envDB) {
		t.Errorf("check with FULCRUM_DB: exit %d, stdout %q, stderr %s", r.code, r.stdout, r.stderr)
	}

	// --db wins over FULCRUM_DB.
	r = runWith(t, runOpts{env: env}, "list", "--json", "--db", other)
	if r.code != 0 || strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("list --db other with FULCRUM_DB set: exit %d, stdout %q", r.code, r.stdout)
	}
	r = runWith(t, runOpts{env: env}, "import", "--db", other, small)
	if r.code != 0 {
		t.Fatalf("import --db other: exit %d, stderr %s", r.code, r.stderr)
	}
	if _, entries := listJSON(t, envDB); len(entries) != 1 {
		t.Errorf("import --db other changed the FULCRUM_DB file: %d sessions", len(entries))
	}

	// Nothing touched the default db.
	filepath.WalkDir(home, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			t.Errorf("a command wrote %s under HOME", path)
		}
		return nil
	})

	// Without --db and FULCRUM_DB the default lives under XDG_CONFIG_HOME.
	r = runWith(t, runOpts{env: env[1:]}, "import", small)
	if r.code != 0 {
		t.Fatalf("import into the default db: exit %d, stderr %s", r.code, r.stderr)
	}
	def := filepath.Join(home, ".config", "fyne", "io.github.fulcrum_workshop.fulcrum", "fulcrum.db")
	if _, entries := listJSON(t, def); len(entries) != 1 {
		t.Errorf("default db %s holds %d sessions, want 1", def, len(entries))
	}
}

// --- list ---------------------------------------------------------------

func TestList(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "list.db")

	// A missing db is an empty list, and stays missing.
	if out := mustRun(t, "", "list", "--db", db); !strings.Contains(out, "No sessions yet.") {
		t.Errorf("list of a missing db: %q", out)
	}
	if raw, _ := listJSON(t, db); strings.TrimSpace(raw) != "[]" {
		t.Errorf("list --json of a missing db: %q, want []", raw)
	}
	assertNotExist(t, db)

	a := indexSession() // updated 2026-03-01, index 56.25

	// Updated last, but with no positions or placements: no index.
	b := indexSession()
	b["id"], b["title"], b["product"] = "c-empty", "Empty one", "Nada"
	b["updated"] = "2026-05-01T10:00:00Z"
	b["placements"], b["positions"] = []any{}, []any{}

	// Updated first: customer 100 and decision-makers 81, index 90.5.
	c := indexSession()
	c["id"], c["title"], c["product"] = "b-tob", "ToB end", "Mainframe"
	c["created"], c["updated"] = "2026-01-15T08:30:00Z", "2026-01-15T08:30:00Z"
	c["placements"] = []any{}
	c["positions"] = []any{
		map[string]any{"dimension": "customer", "current": 100},
		map[string]any{"dimension": "decision-makers", "current": 81, "target": 0},
	}

	fa := writeJSONFile(t, filepath.Join(dir, "a.json"), a)
	fb := writeJSONFile(t, filepath.Join(dir, "b.json"), b)
	fc := writeJSONFile(t, filepath.Join(dir, "c.json"), c)
	ids := importIDs(t, db, fa, fc, fb)
	if !slices.Equal(ids, []string{"a-index", "b-tob", "c-empty"}) {
		t.Fatalf("import printed ids %q, want them in file order", ids)
	}

	raw, entries := listJSON(t, db)
	f := func(v float64) *float64 { return &v }
	want := []listEntry{
		{ID: "c-empty", Title: "Empty one", Product: "Nada", Updated: "2026-05-01T10:00:00Z", Index: nil, Label: ""},
		{ID: "a-index", Title: "Index check", Product: "Widget", Updated: "2026-03-01T10:00:00Z", Index: f(56.25), Label: "Hybrid"},
		{ID: "b-tob", Title: "ToB end", Product: "Mainframe", Updated: "2026-01-15T08:30:00Z", Index: f(90.5), Label: "Strongly ToB"},
	}
	if !reflect.DeepEqual(entries, want) {
		t.Errorf("list --json =\n%s\nwant (newest first)\n%+v", raw, want)
	}

	// The JSON types, checked on the raw document.
	var generic []map[string]any
	if err := json.Unmarshal([]byte(raw), &generic); err != nil {
		t.Fatal(err)
	}
	for _, e := range generic {
		keys := make([]string, 0, len(e))
		for k := range e {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if !slices.Equal(keys, []string{"id", "index", "label", "product", "title", "updated"}) {
			t.Errorf("list entry keys = %v", keys)
		}
		for _, k := range []string{"id", "title", "product", "updated", "label"} {
			if _, ok := e[k].(string); !ok {
				t.Errorf("%s of %v is %T, want a string", k, e["id"], e[k])
			}
		}
	}
	if v, ok := generic[1]["index"].(float64); !ok || v != 56.25 {
		t.Errorf("index of a-index is %#v, want the number 56.25", generic[1]["index"])
	}
	if generic[0]["index"] != nil {
		t.Errorf("index of a session without positions is %#v, want null", generic[0]["index"])
	}

	// The human list shows every title, the rounded index and the label,
	// newest first.
	out := mustRun(t, "", "list", "--db", db)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "ID") {
		t.Fatalf("list:\n%s", out)
	}
	for i, w := range [][]string{
		{"c-empty", " - ", "Empty one", "Nada"},
		{"a-index", " 56 ", "Hybrid", "Index check", "Widget"},
		{"b-tob", " 90 ", "Strongly ToB", "ToB end", "Mainframe"},
	} {
		for _, s := range w {
			if !strings.Contains(lines[i+1], s) {
				t.Errorf("list line %d %q lacks %q", i+1, lines[i+1], s)
			}
		}
	}
}

// --- catalogue --------------------------------------------------------------

func TestCatalogueJSON(t *testing.T) {
	out := mustRun(t, "", "catalogue", "--json")
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("catalogue --json: %v\n%s", err, out)
	}
	var dims []map[string]any
	if err := json.Unmarshal(raw["dimensions"], &dims); err != nil {
		t.Fatalf("dimensions: %v", err)
	}
	if len(dims) != 23 {
		t.Fatalf("%d dimensions, want 23", len(dims))
	}
	var keys []string
	seen := map[string]bool{}
	for i, d := range dims {
		for _, k := range []string{"key", "group", "name", "question", "toc", "tob"} {
			if s, ok := d[k].(string); !ok || strings.TrimSpace(s) == "" {
				t.Errorf("dimensions[%d].%s = %#v, want a non-empty string", i, k, d[k])
			}
		}
		g, ok := d["guidance"].(map[string]any)
		if !ok {
			t.Errorf("dimensions[%d].guidance = %#v, want an object", i, d["guidance"])
			continue
		}
		for _, k := range []string{"toc", "tob"} {
			if s, ok := g[k].(string); !ok || strings.TrimSpace(s) == "" {
				t.Errorf("dimensions[%d].guidance.%s = %#v, want a non-empty string", i, k, g[k])
			}
		}
		key, _ := d["key"].(string)
		if seen[key] {
			t.Errorf("dimension key %q appears twice", key)
		}
		seen[key] = true
		keys = append(keys, key)
	}
	for _, k := range []string{"customer", "release-cadence", "pm-expertise", "buyer-user"} {
		if !seen[k] {
			t.Errorf("dimension %q is missing", k)
		}
	}

	type template struct {
		Key        string   `json:"key"`
		Name       string   `json:"name"`
		Dimensions []string `json:"dimensions"`
	}
	var templates []template
	dec := json.NewDecoder(bytes.NewReader(raw["templates"]))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&templates); err != nil {
		t.Fatalf("templates: %v", err)
	}
	if len(templates) != 2 || templates[0].Key != "full" || templates[1].Key != "quick" {
		t.Fatalf("templates = %+v, want full and quick", templates)
	}
	for _, tm := range templates {
		if tm.Name == "" {
			t.Errorf("template %s has no name", tm.Key)
		}
	}
	if !slices.Equal(templates[0].Dimensions, keys) {
		t.Errorf("full template = %v, want every dimension in order %v", templates[0].Dimensions, keys)
	}
	quick := []string{"customer", "decision-makers", "decision-cycle", "acquisition", "revenue-model", "value", "customization", "release-cadence"}
	if !slices.Equal(templates[1].Dimensions, quick) {
		t.Errorf("quick template = %v, want %v", templates[1].Dimensions, quick)
	}

	human := mustRun(t, "", "catalogue")
	for _, s := range []string{"customer", "release-cadence", "Templates", "23 dimensions", "8 dimensions"} {
		if !strings.Contains(human, s) {
			t.Errorf("catalogue lacks %q", s)
		}
	}
}

// --- check ------------------------------------------------------------------

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "good.db")
	importIDs(t, db, examplePath(t))

	out := mustRun(t, "", "check", "--db", db)
	if !strings.Contains(out, "ok, 1 sessions") {
		t.Errorf("check of a good db: %q", out)
	}

	// A file full of garbage is damaged, for check and for every command
	// that opens it, and none of them changes it.
	garbage := make([]byte, 64<<10)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range garbage {
		garbage[i] = byte(rng.Uint32())
	}
	bad := filepath.Join(dir, "garbage.db")
	if err := os.WriteFile(bad, garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	small := writeJSONFile(t, filepath.Join(dir, "small.json"), indexSession())
	for _, args := range [][]string{
		{"check", "--db", bad},
		{"list", "--db", bad},
		{"list", "--json", "--db", bad},
		{"export", "--db", bad, "a-index", "--json", "-"},
		{"import", "--db", bad, small},
	} {
		stdout, stderr, code := run(t, "", args...)
		if code != 1 {
			t.Errorf("fulcrum %q: exit %d, want 1", args, code)
		}
		if !strings.Contains(stderr, "damaged") {
			t.Errorf("fulcrum %q: stderr does not say damaged: %q", args, stderr)
		}
		if strings.Contains(stderr, "panic") || strings.Contains(stderr, "goroutine") {
			t.Errorf("fulcrum %q: stderr mentions a panic: %q", args, stderr)
		}
		if args[0] == "import" && stdout != "" {
			t.Errorf("import into a damaged db printed ids: %q", stdout)
		}
	}
	if !bytes.Equal(readFile(t, bad), garbage) {
		t.Error("a command changed the damaged file")
	}

	// A good file with its freelist page overwritten passes list but not
	// check.
	data := readFile(t, db)
	broken := filepath.Join(dir, "broken.db")
	copy(data[3*4096:4*4096], garbage)
	if err := os.WriteFile(broken, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := run(t, "", "check", "--db", broken); code != 1 || !strings.Contains(stderr, "damaged") {
		t.Errorf("check of a db with a garbage page: exit %d, stderr %q", code, stderr)
	}

	// A missing file is an error and is not created.
	missing := filepath.Join(dir, "missing.db")
	if _, stderr, code := run(t, "", "check", "--db", missing); code != 1 || !strings.Contains(stderr, "missing.db") {
		t.Errorf("check of a missing db: exit %d, stderr %q", code, stderr)
	}
	assertNotExist(t, missing)

	// An empty file fails cleanly (see run: no panic).
	empty := writeFile(t, filepath.Join(dir, "empty.db"), "")
	if _, _, code := run(t, "", "check", "--db", empty); code != 1 {
		t.Errorf("check of an empty file: exit %d, want 1", code)
	}
}

// --- invalid files ----------------------------------------------------------

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
		{"version", mutate(func(s map[string]any) { s["version"] = 2 }), "version: 2 is not supported"},
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
			stdout, stderr, code := run(t, "", "import", "--db", db, goodFile, bad)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing", stdout)
			}
			if want := bad + ": " + tc.want; !strings.Contains(stderr, want) {
				t.Errorf("stderr lacks %q:\n%s", want, stderr)
			}
			if strings.Contains(stderr, goodFile+":") {
				t.Errorf("stderr blames the good file:\n%s", stderr)
			}
			if !strings.Contains(stderr, "nothing was imported") {
				t.Errorf("stderr does not say nothing was imported:\n%s", stderr)
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
	_, stderr, code := run(t, "", "import", "--db", db, multi, goodFile, other)
	if code != 1 {
		t.Errorf("import of two bad files: exit %d", code)
	}
	for _, w := range []string{multi + ": format: ", multi + ": colour: ", multi + ": placements[0].value: ", other + ": version: 9"} {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, stderr)
		}
	}
	// A missing file is a problem too.
	missing := filepath.Join(dir, "nope.json")
	_, stderr, code = run(t, "", "import", "--db", db, goodFile, missing)
	if code != 1 || !strings.Contains(stderr, missing+": ") {
		t.Errorf("import of a missing file: exit %d, stderr %q", code, stderr)
	}
	if after, _ := listJSON(t, db); after != before {
		t.Errorf("list changed:\nbefore %s\nafter %s", before, after)
	}
	// Imports into a new db that fail must not create it.
	fresh := filepath.Join(dir, "fresh.db")
	if _, _, code := run(t, "", "import", "--db", fresh, goodFile, other); code != 1 {
		t.Errorf("import into a fresh db: exit %d, want 1", code)
	}
	assertNotExist(t, fresh)
}

func TestExportErrors(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "e.db")
	importIDs(t, db, writeJSONFile(t, filepath.Join(dir, "s.json"), indexSession()))

	if stdout, stderr, code := run(t, "", "export", "--db", db, "no-such-id", "--json", "-"); code != 1 || stdout != "" || !strings.Contains(stderr, "not found") {
		t.Errorf("export of an unknown id: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	missing := filepath.Join(dir, "missing.db")
	if _, _, code := run(t, "", "export", "--db", missing, "a-index", "--json", "-"); code != 1 {
		t.Errorf("export from a missing db: exit %d, want 1", code)
	}
	assertNotExist(t, missing)
	out := filepath.Join(dir, "no", "such", "dir", "out.json")
	if _, _, code := run(t, "", "export", "--db", db, "a-index", "--json", out); code != 1 {
		t.Errorf("export into a missing directory: exit %d, want 1", code)
	}
}

// --- usage and help -----------------------------------------------------

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "u.db")
	small := writeJSONFile(t, filepath.Join(dir, "s.json"), indexSession())
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"bogus"}, `unknown command "bogus"`},
		{[]string{"--bogus"}, "flag provided but not defined"},
		{[]string{"export", "a-index"}, "--json"},
		{[]string{"export", "a-index", "--json"}, "flag needs an argument"},
		{[]string{"export", "--json", "-"}, "session id"},
		{[]string{"export", "a", "b", "--json", "-"}, "session id"},
		{[]string{"import"}, "session file"},
		{[]string{"import", "--db", db}, "session file"},
		{[]string{"import", "--nope", small}, "flag provided but not defined"},
		{[]string{"list", "--bogus"}, "flag provided but not defined"},
		{[]string{"list", "extra"}, `unexpected argument "extra"`},
		{[]string{"catalogue", "extra"}, `unexpected argument "extra"`},
		{[]string{"catalogue", "--db", db}, "flag provided but not defined"},
		{[]string{"check", "extra"}, `unexpected argument "extra"`},
	} {
		r := runWith(t, runOpts{env: []string{"FULCRUM_DB=" + db}}, tc.args...)
		if r.code != 2 {
			t.Errorf("fulcrum %q: exit %d, want 2\nstderr: %s", tc.args, r.code, r.stderr)
		}
		if r.stdout != "" {
			t.Errorf("fulcrum %q: stdout %q, want nothing", tc.args, r.stdout)
		}
		if !strings.Contains(r.stderr, tc.want) || !strings.Contains(r.stderr, "Usage") {
			t.Errorf("fulcrum %q: stderr lacks %q and usage:\n%s", tc.args, tc.want, r.stderr)
		}
	}
	assertNotExist(t, db)
}

func TestHelp(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"--help"}, []string{"fulcrum list", "fulcrum import", "fulcrum export", "fulcrum catalogue", "fulcrum check"}},
		{[]string{"-h"}, []string{"fulcrum list"}},
		{[]string{"help"}, []string{"fulcrum list", "FULCRUM_DB"}},
		{[]string{"list", "--help"}, []string{"fulcrum list", "-db", "-json"}},
		{[]string{"import", "--help"}, []string{"fulcrum import", "FILE...", "-db"}},
		{[]string{"export", "--help"}, []string{"fulcrum export", "-db", "-json"}},
		{[]string{"export", "a-index", "--help"}, []string{"fulcrum export"}},
		{[]string{"catalogue", "--help"}, []string{"fulcrum catalogue", "-json"}},
		{[]string{"check", "-h"}, []string{"fulcrum check", "-db"}},
	} {
		stdout, stderr, code := run(t, "", tc.args...)
		if code != 0 {
			t.Errorf("fulcrum %q: exit %d, want 0\nstderr: %s", tc.args, code, stderr)
		}
		if stderr != "" {
			t.Errorf("fulcrum %q: stderr %q, want nothing", tc.args, stderr)
		}
		for _, w := range append([]string{"Usage"}, tc.want...) {
			if !strings.Contains(stdout, w) {
				t.Errorf("fulcrum %q: stdout lacks %q:\n%s", tc.args, w, stdout)
			}
		}
	}
}

// --- lock -----------------------------------------------------------------

// TestHelperHoldDB is not a test: TestLockedDB re-executes the test binary
// to run it in a child process that holds the db open until its stdin
// closes.
func TestHelperHoldDB(t *testing.T) {
	path := os.Getenv(envHoldDB)
	if path == "" {
		t.Skip("helper process for TestLockedDB")
	}
	st, err := store.Open(path, store.Options{})
	if err != nil {
		fmt.Fprintln(os.Stdout, "error:", err)
		os.Exit(3)
	}
	fmt.Fprintln(os.Stdout, "ready")
	io.Copy(io.Discard, os.Stdin)
	st.Close()
}

func TestLockedDB(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "locked.db")
	small := writeJSONFile(t, filepath.Join(dir, "s.json"), indexSession())
	importIDs(t, db, small)
	before, _ := listJSON(t, db)
	release := holdDB(t, db)

	for _, args := range [][]string{
		{"list", "--db", db},
		{"list", "--json", "--db", db},
		{"import", "--db", db, small},
		{"export", "--db", db, "a-index", "--json", "-"},
		{"check", "--db", db},
	} {
		r := runWith(t, runOpts{}, args...)
		if r.code != 1 {
			t.Errorf("fulcrum %q on a held db: exit %d, want 1", args, r.code)
		}
		if r.stdout != "" {
			t.Errorf("fulcrum %q on a held db: stdout %q", args, r.stdout)
		}
		if !strings.Contains(r.stderr, lockedText) {
			t.Errorf("fulcrum %q on a held db: stderr lacks %q:\n%s", args, lockedText, r.stderr)
		}
		if r.elapsed > 20*time.Second { // a hang guard, not a speed check
			t.Errorf("fulcrum %q on a held db hung for %v", args, r.elapsed)
		}
	}

	// Once the holder lets go, the db works and nothing was imported.
	release()
	if after, _ := listJSON(t, db); after != before {
		t.Errorf("list changed while the db was held:\nbefore %s\nafter %s", before, after)
	}
}

// --- summary ----------------------------------------------------------------

// summaryJSON mirrors `fulcrum summary --json`; unknown fields are errors.
type summaryJSON struct {
	ID         string    `json:"id"`
	Index      *float64  `json:"index"`
	Label      string    `json:"label"`
	Threshold  int       `json:"threshold"`
	Dimensions []dimJSON `json:"dimensions"`
	Actions    []struct {
		Text      string `json:"text"`
		Owner     string `json:"owner"`
		Due       string `json:"due"`
		Dimension string `json:"dimension"`
		Done      bool   `json:"done"`
	} `json:"actions"`
}

type dimJSON struct {
	Key     string   `json:"key"`
	Count   int      `json:"count"`
	Min     *int     `json:"min"`
	Max     *int     `json:"max"`
	Median  *float64 `json:"median"`
	Mean    *float64 `json:"mean"`
	Spread  *int     `json:"spread"`
	Flagged bool     `json:"flagged"`
	Current *int     `json:"current"`
	Target  *int     `json:"target"`
}

// TestSummaryJSON checks `summary --json` against figures worked out by
// hand:
//
//	customer         10 20 30 80: count 4, min 10, max 80, median 25,
//	                 mean 35, spread 70 ≥ 40 flagged; target 90, no current
//	decision-makers  50 50: spread 0, not flagged; current 60
//	acquisition      no placements: all null; current 30, target 10
//	value            nothing at all
//
// The index is the mean of the positions: customer's median 25,
// decision-makers' current 60 (not its median 50) and acquisition's
// current 30; value has none. (25 + 60 + 30) / 3 = 38.33…, Leaning ToC.
func TestSummaryJSON(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "sum.db")
	file := writeJSONFile(t, filepath.Join(dir, "sum.json"), map[string]any{
		"format":     "fulcrum-session",
		"version":    1,
		"id":         "s-summary",
		"title":      "Summary check",
		"product":    "Widget",
		"created":    "2026-02-01T10:00:00Z",
		"template":   "quick",
		"dimensions": []string{"customer", "decision-makers", "acquisition", "value"},
		"participants": []any{
			map[string]any{"id": "p1", "name": "Uno"},
			map[string]any{"id": "p2", "name": "Dos"},
			map[string]any{"id": "p3", "name": "Tres"},
			map[string]any{"id": "p4", "name": "Cuatro"},
		},
		"placements": []any{
			map[string]any{"dimension": "customer", "participant": "p1", "value": 10},
			map[string]any{"dimension": "customer", "participant": "p2", "value": 20},
			map[string]any{"dimension": "customer", "participant": "p3", "value": 30},
			map[string]any{"dimension": "customer", "participant": "p4", "value": 80},
			map[string]any{"dimension": "decision-makers", "participant": "p1", "value": 50},
			map[string]any{"dimension": "decision-makers", "participant": "p3", "value": 50},
		},
		"positions": []any{
			map[string]any{"dimension": "customer", "target": 90},
			map[string]any{"dimension": "decision-makers", "current": 60},
			map[string]any{"dimension": "acquisition", "current": 30, "target": 10},
		},
		"actions": []any{
			map[string]any{"text": "Mapear el comité", "owner": "Uno", "due": "2026-03-01", "dimension": "customer", "done": true},
			map[string]any{"text": "续约数据"},
		},
	})
	if id := importIDs(t, db, file)[0]; id != "s-summary" {
		t.Fatalf("import printed %q, want s-summary", id)
	}

	raw := mustRun(t, "", "summary", "--db", db, "s-summary", "--json")
	var got summaryJSON
	dec := json.NewDecoder(strings.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("summary --json: %v\n%s", err, raw)
	}

	ip := func(v int) *int { return &v }
	fp := func(v float64) *float64 { return &v }
	want := summaryJSON{
		ID:        "s-summary",
		Index:     fp(115.0 / 3),
		Label:     "Leaning ToC",
		Threshold: 40,
		Dimensions: []dimJSON{
			{Key: "customer", Count: 4, Min: ip(10), Max: ip(80), Median: fp(25), Mean: fp(35), Spread: ip(70), Flagged: true, Target: ip(90)},
			{Key: "decision-makers", Count: 2, Min: ip(50), Max: ip(50), Median: fp(50), Mean: fp(50), Spread: ip(0), Current: ip(60)},
			{Key: "acquisition", Current: ip(30), Target: ip(10)},
			{Key: "value"},
		},
	}
	if got.ID != want.ID || got.Label != want.Label || got.Threshold != want.Threshold {
		t.Errorf("id/label/threshold = %q/%q/%d, want %q/%q/%d", got.ID, got.Label, got.Threshold, want.ID, want.Label, want.Threshold)
	}
	if got.Index == nil || math.Abs(*got.Index-*want.Index) > 1e-9 {
		t.Errorf("index = %s, want 38.333…\n%s", jsonString(t, got.Index), raw)
	}
	// Every action with every key, done or not.
	if a := got.Actions; len(a) != 2 || a[0].Text != "Mapear el comité" || a[0].Owner != "Uno" || a[0].Due != "2026-03-01" ||
		a[0].Dimension != "customer" || !a[0].Done || a[1].Text != "续约数据" || a[1].Done || a[1].Owner != "" {
		t.Errorf("actions = %s", jsonString(t, got.Actions))
	}
	for _, k := range []string{`"owner":""`, `"due":""`, `"dimension":""`, `"done":false`} {
		if !strings.Contains(strings.Join(strings.Fields(raw), ""), k) {
			t.Errorf("summary --json leaves out %s for an action without it:\n%s", k, raw)
		}
	}
	// Compare dimensions without the index float: exact values all.
	if !reflect.DeepEqual(got.Dimensions, want.Dimensions) {
		t.Errorf("dimensions differ:\n got %s\nwant %s", jsonString(t, got.Dimensions), jsonString(t, want.Dimensions))
	}

	// Missing numbers are JSON null, not left out.
	var loose struct {
		Dimensions []map[string]any `json:"dimensions"`
	}
	if err := json.Unmarshal([]byte(raw), &loose); err != nil {
		t.Fatal(err)
	}
	if len(loose.Dimensions) == 4 {
		for _, k := range []string{"min", "max", "median", "mean", "spread", "current", "target"} {
			if v, ok := loose.Dimensions[3][k]; !ok || v != nil {
				t.Errorf("value.%s = %v (present %v), want null", k, v, ok)
			}
		}
	}

	// summary without --json is a usage error; an unknown id an error.
	if stdout, stderr, code := run(t, "", "summary", "--db", db, "s-summary"); code != 2 || stdout != "" || !strings.Contains(stderr, "--json") {
		t.Errorf("summary without --json: exit %d, stdout %q, stderr %q; want 2, nothing, a hint at --json", code, stdout, stderr)
	}
	if stdout, stderr, code := run(t, "", "summary", "--db", db, "no-such-id", "--json"); code != 1 || stdout != "" || stderr == "" {
		t.Errorf("summary of an unknown id: exit %d, stdout %q, stderr %q; want 1, nothing, a message", code, stdout, stderr)
	}
	if stdout, stderr, code := run(t, "", "summary", "--help"); code != 0 || stderr != "" || !strings.Contains(stdout, "fulcrum summary") || !strings.Contains(stdout, "-json") {
		t.Errorf("summary --help: exit %d, stdout %q, stderr %q; want 0 and the usage on stdout", code, stdout, stderr)
	}
}

func jsonString(t *testing.T, v any) string {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// --- backup and restore -------------------------------------------------------

// backupNameRE is the name `fulcrum backup` gives a backup of work.db; the
// group is the UTC time it was taken.
var backupNameRE = regexp.MustCompile(`^work-(\d{8}-\d{6}\.\d{3})\.db$`)

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

func TestBackupCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "work.db")
	importIDs(t, db, examplePath(t), writeJSONFile(t, filepath.Join(dir, "s.json"), indexSession()))
	before := readFile(t, db)
	rawList, _ := listJSON(t, db)

	// Into backups/ beside the file, named by the time.
	start := time.Now().UTC().Truncate(time.Millisecond)
	out := mustRun(t, "", "backup", "--db", db)
	end := time.Now().UTC()
	p, ok := strings.CutSuffix(out, "\n")
	if !ok || strings.Contains(p, "\n") {
		t.Fatalf("backup printed %q, want one path", out)
	}
	if got, want := filepath.Dir(p), filepath.Join(dir, "backups"); got != want {
		t.Errorf("backup went to %s, want %s", got, want)
	}
	if m := backupNameRE.FindStringSubmatch(filepath.Base(p)); m == nil {
		t.Errorf("backup name %q, want work-YYYYMMDD-HHMMSS.mmm.db", filepath.Base(p))
	} else if ts, err := time.Parse("20060102-150405.000", m[1]); err != nil || ts.Before(start) || ts.After(end) {
		t.Errorf("backup name says %v (%v), the backup ran between %v and %v", ts, err, start, end)
	}
	if got := dirEntries(t, filepath.Join(dir, "backups")); len(got) != 1 || got[0] != filepath.Base(p) {
		t.Errorf("backups folder holds %q, want only %s", got, filepath.Base(p))
	}
	if out := mustRun(t, "", "check", "--db", p); out != p+": ok, 2 sessions\n" {
		t.Errorf("check of the backup: %q", out)
	}
	if raw, _ := listJSON(t, p); raw != rawList {
		t.Errorf("the backup lists\n%s\nthe file\n%s", raw, rawList)
	}

	// To a file of one's choice.
	copyPath := filepath.Join(dir, "copia.db")
	if out := mustRun(t, "", "backup", "--db", db, copyPath); out != copyPath+"\n" {
		t.Errorf("backup OUT printed %q, want %q", out, copyPath+"\n")
	}
	if out := mustRun(t, "", "check", "--db", copyPath); out != copyPath+": ok, 2 sessions\n" {
		t.Errorf("check of OUT: %q", out)
	}
	if raw, _ := listJSON(t, copyPath); raw != rawList {
		t.Errorf("OUT lists\n%s\nthe file\n%s", raw, rawList)
	}

	// Into a missing folder: an error, and nothing is created.
	missing := filepath.Join(dir, "no", "such", "out.db")
	if stdout, stderr, code := run(t, "", "backup", "--db", db, missing); code != 1 || stdout != "" || stderr == "" {
		t.Errorf("backup into a missing folder: exit %d, stdout %q, stderr %q; want 1, nothing, a message", code, stdout, stderr)
	}
	assertNotExist(t, filepath.Join(dir, "no"))

	if !bytes.Equal(readFile(t, db), before) {
		t.Error("backup changed the session file")
	}
}

func TestRestoreCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "work.db")
	exID := importIDs(t, db, examplePath(t))[0]
	bk := filepath.Join(dir, "bk.db")
	mustRun(t, "", "backup", "--db", db, bk)
	rawBk, _ := listJSON(t, bk)
	importIDs(t, db, writeJSONFile(t, filepath.Join(dir, "s.json"), indexSession()))
	before := readFile(t, db)
	bkBytes := readFile(t, bk)

	out := mustRun(t, "", "restore", "--db", db, bk)
	m := regexp.MustCompile(`^restored (.+) from (.+); the previous file is kept as (.+)\n$`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("restore printed %q", out)
	}
	aside := m[3]
	if m[1] != db || m[2] != bk {
		t.Errorf("restore printed %q", out)
	}
	if !regexp.MustCompile(`^` + regexp.QuoteMeta(db) + `\.before-restore-\d{8}-\d{6}$`).MatchString(aside) {
		t.Errorf("aside name %q, want %s.before-restore-YYYYMMDD-HHMMSS", aside, db)
	}
	if got, err := os.ReadFile(aside); err != nil || !bytes.Equal(got, before) {
		t.Errorf("the file kept aside is not the previous file byte for byte (%v)", err)
	}
	if !bytes.Equal(readFile(t, db), bkBytes) {
		t.Error("the restored file is not a copy of the backup")
	}
	raw, entries := listJSON(t, db)
	if raw != rawBk || len(entries) != 1 || entries[0].ID != exID {
		t.Errorf("after restore the file lists\n%s\nwant\n%s", raw, rawBk)
	}
	if out := mustRun(t, "", "check", "--db", db); out != db+": ok, 1 sessions\n" {
		t.Errorf("check after restore: %q", out)
	}

	// A garbage backup is refused; nothing changes.
	junk := make([]byte, 64<<10)
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range junk {
		junk[i] = byte(rng.Uint32())
	}
	junkPath := filepath.Join(dir, "junk.db")
	if err := os.WriteFile(junkPath, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	before = readFile(t, db)
	names := dirEntries(t, dir)
	stdout, stderr, code := run(t, "", "restore", "--db", db, junkPath)
	if code != 1 || stdout != "" || !strings.Contains(stderr, "not usable") || !strings.Contains(stderr, "damaged") {
		t.Errorf("restore of a garbage file: exit %d, stdout %q, stderr %q; want 1, nothing, not usable: damaged", code, stdout, stderr)
	}
	if !bytes.Equal(readFile(t, db), before) {
		t.Error("a refused restore changed the session file")
	}
	if after := dirEntries(t, dir); !slices.Equal(after, names) {
		t.Errorf("a refused restore changed the folder: %q, then %q", names, after)
	}
}

// freelistPageOf reads the freelist page id from the newer meta page of a
// bbolt file (little-endian fields: txid at 64, freelist at 48 in a page).
func freelistPageOf(data []byte, pageSize int) int {
	u64 := func(b []byte) uint64 {
		var v uint64
		for i := 7; i >= 0; i-- {
			v = v<<8 | uint64(b[i])
		}
		return v
	}
	meta := data[:pageSize]
	if u64(data[pageSize+64:]) > u64(data[64:]) {
		meta = data[pageSize : 2*pageSize]
	}
	return int(u64(meta[48:]))
}

func TestCheckDamagedDataPage(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "good.db")
	ex := examplePath(t)
	importIDs(t, db, ex, ex, ex, ex, ex, ex)
	data := readFile(t, db)
	ps := os.Getpagesize()
	if len(data)%ps != 0 {
		t.Fatalf("file of %d bytes is not in %d-byte pages", len(data), ps)
	}
	pages := len(data) / ps
	free := freelistPageOf(data, ps)
	rng := rand.New(rand.NewPCG(5, 6))
	found := 0
	for d := 0; d < pages && found < 3; d++ {
		pg := pages/2 + d
		if d%2 == 1 {
			pg = pages/2 - d
		}
		if pg < 2 || pg >= pages || pg == free {
			continue
		}
		broken := slices.Clone(data)
		for i := pg * ps; i < (pg+1)*ps; i++ {
			broken[i] = byte(rng.Uint32())
		}
		p := filepath.Join(dir, fmt.Sprintf("page-%d.db", pg))
		if err := os.WriteFile(p, broken, 0o600); err != nil {
			t.Fatal(err)
		}
		// Only pages the check can find: a free page is no damage.
		st, err := store.Open(p, store.Options{ReadOnly: true})
		if err != nil {
			continue
		}
		cerr := st.Check()
		st.Close()
		if cerr == nil {
			continue
		}
		found++
		r := runWith(t, runOpts{}, "check", "--db", p)
		if r.code != 1 || r.stdout != "" || !strings.Contains(r.stderr, "damaged") {
			t.Errorf("check with page %d damaged: exit %d, stdout %q, stderr %q; want 1, nothing, damaged", pg, r.code, r.stdout, r.stderr)
		}
		if strings.Contains(r.stderr, "goroutine ") || strings.Contains(r.stderr, "panic(") {
			t.Errorf("check with page %d damaged printed a trace:\n%s", pg, r.stderr)
		}
		if !bytes.Equal(readFile(t, p), broken) {
			t.Errorf("check changed the file with page %d damaged", pg)
		}
	}
	if found == 0 {
		t.Fatal("no damaged page made the check fail")
	}
}

// holdDB opens db in a child process (TestHelperHoldDB) and returns once
// the child holds it; release lets it go and waits for the child.
func holdDB(t *testing.T, db string) (release func()) {
	t.Helper()
	child := exec.Command(os.Args[0], "-test.run=^TestHelperHoldDB$")
	child.Env = append(baseEnv(nil), envHoldDB+"="+db)
	child.Stderr = os.Stderr
	stdin, err := child.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	child.Stdout = outW
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	outW.Close()
	done := make(chan error, 1)
	go func() { done <- child.Wait() }()
	released := false
	release = func() {
		if released {
			return
		}
		released = true
		stdin.Close()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("holder: %v", err)
			}
		case <-time.After(20 * time.Second):
			child.Process.Kill()
			<-done
			t.Error("holder did not exit after its stdin closed")
		}
		outR.Close()
	}
	t.Cleanup(release)
	ready := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(outR).ReadString('\n')
		ready <- line
		io.Copy(io.Discard, outR)
	}()
	select {
	case line := <-ready:
		if line != "ready\n" {
			t.Fatalf("holder said %q, want ready", line)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("holder did not open the db within 20 s")
	}
	return release
}

func TestBackupAndRestoreOfHeldDB(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "work.db")
	importIDs(t, db, writeJSONFile(t, filepath.Join(dir, "s.json"), indexSession()))
	bk := filepath.Join(dir, "bk.db")
	mustRun(t, "", "backup", "--db", db, bk)

	release := holdDB(t, db)
	before := readFile(t, db) // after the holder opened it
	names := dirEntries(t, dir)
	out := filepath.Join(dir, "out.db")
	for _, args := range [][]string{
		{"backup", "--db", db},
		{"backup", "--db", db, out},
		{"restore", "--db", db, bk},
	} {
		r := runWith(t, runOpts{}, args...)
		if r.code != 1 {
			t.Errorf("fulcrum %q on a held db: exit %d, want 1", args, r.code)
		}
		if r.stdout != "" {
			t.Errorf("fulcrum %q on a held db: stdout %q", args, r.stdout)
		}
		if !strings.Contains(r.stderr, lockedText) {
			t.Errorf("fulcrum %q on a held db: stderr lacks %q:\n%s", args, lockedText, r.stderr)
		}
		if r.elapsed > 20*time.Second { // a hang guard, not a speed check
			t.Errorf("fulcrum %q on a held db hung for %v", args, r.elapsed)
		}
	}
	if !bytes.Equal(readFile(t, db), before) {
		t.Error("the held db changed")
	}
	if after := dirEntries(t, dir); !slices.Equal(after, names) {
		t.Errorf("commands on a held db changed the folder: %q, then %q", names, after)
	}
	release()
	// Once it is free, both work.
	mustRun(t, "", "backup", "--db", db, out)
	mustRun(t, "", "restore", "--db", db, bk)
}
