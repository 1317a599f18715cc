//go:build unix

package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runToFull runs the binary with stdout on /dev/full, where every write
// fails with ENOSPC, and returns its stderr and exit code.
func runToFull(t *testing.T, args ...string) (string, int) {
	t.Helper()
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no /dev/full here: %v", err)
	}
	defer full.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, fulcrumBin, args...)
	cmd.Env = baseEnv(nil)
	cmd.Stdout = full
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err = cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("fulcrum %q did not finish within 20 s", args)
	}
	var exit *exec.ExitError
	switch {
	case err == nil:
		return stderr.String(), 0
	case errors.As(err, &exit):
		return stderr.String(), exit.ExitCode()
	}
	t.Fatalf("fulcrum %q: %v", args, err)
	return "", 0
}

// TestStdoutOnFullDisk: with stdout on /dev/full, list exits 1 and says
// why; import exits 1, says the sessions were imported, and they were.
func TestStdoutOnFullDisk(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "full.db")
	importIDs(t, db, examplePath(t))
	for _, args := range [][]string{
		{"list", "--db", db},
		{"catalogue"},
		{"check", "--db", db},
		{"--help"},
	} {
		if stderr, code := runToFull(t, args...); code != 1 || !strings.Contains(stderr, "no space left on device") {
			t.Errorf("fulcrum %q > /dev/full: exit %d, stderr %q; want 1 and the reason", args, code, stderr)
		}
	}

	stderr, code := runToFull(t, "import", "--db", db, examplePath(t))
	if code != 1 || !strings.Contains(stderr, "imported 1 session, but could not print its id") || !strings.Contains(stderr, "fulcrum list") {
		t.Errorf("import > /dev/full: exit %d, stderr %q", code, stderr)
	}
	if _, ids := listIDs(t, db); len(ids) != 2 {
		t.Errorf("after the import the file lists %d sessions, want 2", len(ids))
	}
}
