package main

// A session file held by another process: the holder is this test binary
// run again as TestHelperHoldDB, so the lock is a real flock from another
// process, as when a second window has the file open.

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

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
