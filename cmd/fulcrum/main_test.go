package main

// These tests run the fulcrum binary as a separate process. Only what needs
// a process belongs here:
//   - main's own flags and wiring: the top-level --help, -h and unknown
//     flags, which main parses before any subcommand runs, and the default
//     session file main passes (Fyne's folder for the app id);
//   - a session file locked by another process (bbolt's flock), which the
//     test must hold from a child (TestHelperHoldDB);
//   - stdout on /dev/full, where the write error comes from the real file
//     descriptor (outputs_test.go);
//   - damaged files (damage_test.go): a truncated file made bbolt fault with
//     SIGBUS, and a fault ends the whole process, which would take the test
//     binary with it.
// Everything else a command does -- its output, JSON, exit codes, messages
// and the files it writes or refuses -- is tested in process through
// cli.Env in internal/cli, which is faster and needs no build.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
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

func writeFile(t *testing.T, path, content string) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
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
	small := examplePath(t)
	id := importIDs(t, db, small)[0]
	before, _ := listIDs(t, db)
	release := holdDB(t, db)

	refusedWhileHeld(t,
		[]string{"list", "--db", db},
		[]string{"list", "--json", "--db", db},
		[]string{"import", "--db", db, small},
		[]string{"export", "--db", db, id, "--json", "-"},
		[]string{"check", "--db", db},
	)

	// Once the holder lets go, the db works and nothing was imported.
	release()
	if after, _ := listIDs(t, db); after != before {
		t.Errorf("list changed while the db was held:\nbefore %s\nafter %s", before, after)
	}
}

// refusedWhileHeld runs each command on a session file another process
// holds; each must fail with exit code 1 and say the file is open
// elsewhere, printing nothing. They run side by side because each waits
// out the lock's timeout.
func refusedWhileHeld(t *testing.T, cmds ...[]string) {
	t.Helper()
	t.Run("held", func(t *testing.T) {
		for _, args := range cmds {
			t.Run(args[0], func(t *testing.T) {
				t.Parallel()
				r := run(t, args...)
				if r.code != 1 {
					t.Errorf("fulcrum %q on a held db: exit %d, want 1", args, r.code)
				}
				if r.stdout != "" {
					t.Errorf("fulcrum %q on a held db: stdout %q", args, r.stdout)
				}
				if !strings.Contains(r.stderr, lockedText) {
					t.Errorf("fulcrum %q on a held db: stderr lacks %q:\n%s", args, lockedText, r.stderr)
				}
			})
		}
	})
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
	importIDs(t, db, examplePath(t))
	bk := filepath.Join(dir, "bk.db")
	mustRun(t, "backup", "--db", db, bk)

	release := holdDB(t, db)
	before := readFile(t, db) // after the holder opened it
	names := dirEntries(t, dir)
	out := filepath.Join(dir, "out.db")
	refusedWhileHeld(t,
		[]string{"backup", "--db", db},
		[]string{"backup", "--db", db, out},
		[]string{"restore", "--db", db, bk},
	)
	if !bytes.Equal(readFile(t, db), before) {
		t.Error("the held db changed")
	}
	if after := dirEntries(t, dir); !slices.Equal(after, names) {
		t.Errorf("commands on a held db changed the folder: %q, then %q", names, after)
	}
	release()
	// Once it is free, both work.
	mustRun(t, "backup", "--db", db, out)
	mustRun(t, "restore", "--db", db, bk)
}
