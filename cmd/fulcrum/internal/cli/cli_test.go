package cli_test

// These tests run the commands in process through cli.Env: streams in and
// out, an exit code back. cmd/fulcrum's tests run the built binary.

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"io"
	"os"
	"path/filepath"
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

// runCLI runs one command with stdout going to out (a buffer when nil).
// A command that has not returned after 20 s fails the test rather than
// hanging it: that bound guards against a hang, it is not a speed check.
func runCLI(t *testing.T, out io.Writer, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if out == nil {
		out = &stdout
	}
	env := &cli.Env{
		Stdin:     strings.NewReader(""),
		Stdout:    out,
		Stderr:    &stderr,
		Now:       func() time.Time { return now },
		DefaultDB: filepath.Join(t.TempDir(), "default.db"),
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
