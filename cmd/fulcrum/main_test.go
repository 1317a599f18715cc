package main

// These tests run the fulcrum binary as a separate process. Only what needs
// a process belongs here:
//   - main's own flags and wiring: the top-level --help, -h and unknown
//     flags, which main parses before any subcommand runs, and the default
//     session file main passes (Fyne's folder for the app id);
//   - a session file locked by another process (bbolt's flock), which the
//     test must hold from a child (lock_test.go);
//   - stdout on /dev/full, where the write error comes from the real file
//     descriptor (outputs_test.go);
//   - damaged files (damage_test.go): a truncated file made bbolt fault with
//     SIGBUS, and a fault ends the whole process, which would take the test
//     binary with it.
// Everything else a command does -- its output, JSON, exit codes, messages
// and the files it writes or refuses -- is tested in process through
// cli.Env in internal/cli, which is faster and needs no build.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
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
}

// run runs the binary with args and returns its stdout, stderr and exit
// code.
func run(t *testing.T, args ...string) result {
	t.Helper()
	return runEnv(t, nil, args...)
}

// runEnv runs the binary with env (KEY=VALUE, applied after baseEnv's) and
// args. A run that takes 20 s fails the test instead of blocking it.
func runEnv(t *testing.T, env []string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, fulcrumBin, args...)
	cmd.Env = baseEnv(env)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
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
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	r := run(t, args...)
	if r.code != 0 {
		t.Fatalf("fulcrum %q: exit %d\nstderr: %s", args, r.code, r.stderr)
	}
	return r.stdout
}

// crashRE matches what the Go runtime prints when a program dies.
var crashRE = regexp.MustCompile(`(?m)^(panic: |fatal error: |goroutine \d+ \[)`)

// importIDs imports files into db and returns the new ids.
func importIDs(t *testing.T, db string, files ...string) []string {
	t.Helper()
	out := mustRun(t, append([]string{"import", "--db", db}, files...)...)
	ids := strings.Fields(out)
	if len(ids) != len(files) {
		t.Fatalf("import of %d files printed %d ids: %q", len(files), len(ids), out)
	}
	return ids
}

// listIDs returns the raw `list --json` of db and the ids it lists; the
// JSON itself is checked in internal/cli.
func listIDs(t *testing.T, db string) (raw string, ids []string) {
	t.Helper()
	raw = mustRun(t, "list", "--db", db, "--json")
	var entries []struct{ ID string }
	if err := json.Unmarshal([]byte(raw), &entries); err != nil {
		t.Fatalf("list --json: %v\n%s", err, raw)
	}
	for _, e := range entries {
		ids = append(ids, e.ID)
	}
	return raw, ids
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

// --- main's flags -------------------------------------------------------------

// TestMainFlags: main parses the top-level flags itself before any
// subcommand runs; the subcommands' own help and usage errors are tested
// in internal/cli.
func TestMainFlags(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}} {
		r := run(t, args...)
		if r.code != 0 || r.stderr != "" {
			t.Errorf("fulcrum %q: exit %d, stderr %q; want 0 and nothing", args, r.code, r.stderr)
		}
		for _, w := range []string{"Usage", "fulcrum list", "fulcrum import", "fulcrum export", "fulcrum catalogue", "fulcrum check"} {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("fulcrum %q: stdout lacks %q:\n%s", args, w, r.stdout)
			}
		}
	}
	db := filepath.Join(t.TempDir(), "u.db")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"bogus"}, `unknown command "bogus"`},
		{[]string{"--bogus"}, "flag provided but not defined"},
		{[]string{"--db", db, "extra"}, `unknown command "extra"`},
	} {
		r := runEnv(t, []string{"FULCRUM_DB=" + db}, tc.args...)
		if r.code != 2 || r.stdout != "" {
			t.Errorf("fulcrum %q: exit %d, stdout %q; want 2 and nothing", tc.args, r.code, r.stdout)
		}
		if !strings.Contains(r.stderr, tc.want) || !strings.Contains(r.stderr, "Usage") {
			t.Errorf("fulcrum %q: stderr lacks %q and usage:\n%s", tc.args, tc.want, r.stderr)
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("a usage error created %s", db)
	}
}

// TestDefaultDBUnderConfigHome: without --db and FULCRUM_DB the commands
// use the file in Fyne's storage folder for the app id, where the app
// keeps it.
func TestDefaultDBUnderConfigHome(t *testing.T) {
	home := t.TempDir()
	env := []string{"HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, ".config")}
	r := runEnv(t, env, "import", examplePath(t))
	if r.code != 0 {
		t.Fatalf("import into the default db: exit %d, stderr %s", r.code, r.stderr)
	}
	def := filepath.Join(home, ".config", "fyne", appID, "fulcrum.db")
	if _, ids := listIDs(t, def); len(ids) != 1 || ids[0] != strings.TrimSpace(r.stdout) {
		t.Errorf("default db %s lists %q, want the imported %q", def, ids, r.stdout)
	}
	if appID != "io.github.fulcrum_workshop.fulcrum" {
		t.Errorf("appID is %q; FyneApp.toml and the README name io.github.fulcrum_workshop.fulcrum", appID)
	}
}
