package store_test

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
	"github.com/fulcrum-workshop/fulcrum/export"
	bolt "go.etcd.io/bbolt"
)

// leftoverEnv names the file TestHelperHangMidWrite works on, and
// leftoverWhat what it writes: "backup" or "export".
const (
	leftoverEnv  = "FULCRUM_LEFTOVER_DB"
	leftoverWhat = "FULCRUM_LEFTOVER_WHAT"
)

// TestHelperHangMidWrite is not a test: TestCrashMidWriteLeavesNothingAfterRestart
// runs the test binary again with only this test selected. It starts a
// backup (or an export beside the file), says "writing PATH" once the
// temporary file is full, and then waits to be killed.
func TestHelperHangMidWrite(t *testing.T) {
	path := os.Getenv(leftoverEnv)
	if path == "" {
		t.Skip("helper process for TestCrashMidWriteLeavesNothingAfterRestart")
	}
	hang := func(tmp string) {
		fmt.Printf("writing %s\n", tmp)
		time.Sleep(time.Hour)
	}
	switch os.Getenv(leftoverWhat) {
	case "backup":
		st, err := store.Open(path, store.Options{ReadOnly: true, Verify: func(tmp string) error {
			hang(tmp)
			return nil
		}})
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(3)
		}
		_, err = st.Backup(time.Now())
		fmt.Println("error: backup returned", err)
	case "export":
		out := filepath.Join(filepath.Dir(path), "report.pdf")
		err := export.WriteFile(out, func(w io.Writer) error {
			if _, err := w.Write(bytes.Repeat([]byte("%PDF "), 200_000)); err != nil {
				return err
			}
			f, ok := w.(*os.File)
			if !ok {
				return fmt.Errorf("WriteFile handed a %T, not the temporary file", w)
			}
			hang(f.Name())
			return nil
		})
		fmt.Println("error: export returned", err)
	}
	os.Exit(3)
}

// TestCrashMidWriteLeavesNothingAfterRestart kills a backup and an export
// in flight with SIGKILL: each leaves its full-size temporary file behind.
// The next start (a writable Open) removes them once they are stale, and
// the next prune removes a backup's.
func TestCrashMidWriteLeavesNothingAfterRestart(t *testing.T) {
	if os.Getenv(leftoverEnv) != "" {
		t.Skip("inside the helper process")
	}
	for _, what := range []string{"backup", "export"} {
		t.Run(what, func(t *testing.T) {
			// 16 sessions make a file past 64 KB: built-in dimensions are
			// stored as keys, without their text.
			path, _ := sessionsDB(t, 16)
			tmp := killMidWrite(t, path, what)
			fi, err := os.Stat(tmp)
			if err != nil {
				t.Fatalf("the killed %s left no temporary file: %v", what, err)
			}
			if fi.Size() < 64<<10 {
				t.Fatalf("the killed %s left %d bytes; want a full-size leftover", what, fi.Size())
			}
			// A fresh one may still be in use: the next start keeps it.
			st := openStore(t, path, store.Options{})
			must(t, st.Close())
			if _, err := os.Stat(tmp); err != nil {
				t.Fatalf("a temporary file written to a moment ago was removed: %v", err)
			}
			age(t, tmp, 2*time.Minute)
			st = openStore(t, path, store.Options{})
			if n := st.LeftoversRemoved(); n != 1 {
				t.Errorf("LeftoversRemoved = %d, want 1", n)
			}
			must(t, st.Close())
			assertMissing(t, tmp)
			must(t, store.VerifyFile(path))
		})
	}
}

// killMidWrite runs TestHelperHangMidWrite, kills it with SIGKILL once its
// temporary file is written, and returns the file's path.
func killMidWrite(t *testing.T, path, what string) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperHangMidWrite$", "-test.count=1")
	cmd.Env = append(os.Environ(), leftoverEnv+"="+path, leftoverWhat+"="+what)
	out, err := cmd.StdoutPipe()
	must(t, err)
	cmd.Stderr = os.Stderr
	must(t, cmd.Start())
	line, err := bufio.NewReader(out).ReadString('\n')
	must(t, cmd.Process.Kill())
	_ = cmd.Wait()
	tmp, ok := strings.CutPrefix(strings.TrimSpace(line), "writing ")
	if err != nil || !ok {
		t.Fatalf("helper said %q, %v", line, err)
	}
	return tmp
}

// age sets a file's times back by d.
func age(t *testing.T, path string, d time.Duration) {
	t.Helper()
	old := time.Now().Add(-d)
	must(t, os.Chtimes(path, old, old))
}

// TestLeftoversOnlyOursAndOnlyStale: start-up and pruning remove only
// temporary files of Fulcrum's own naming that are stale and not locked;
// a read-only open removes nothing.
func TestLeftoversOnlyOursAndOnlyStale(t *testing.T) {
	path, _ := sessionsDB(t, 2)
	dir := filepath.Dir(path)
	bdir := store.BackupsDir(path)
	must(t, os.MkdirAll(bdir, 0o700))
	base := strings.TrimSuffix(filepath.Base(path), ".db")
	// A real backup copy, made before the other files so that creating it
	// removes none of them.
	held := filepath.Join(bdir, "."+base+"-20260101-120002.000.db.2.tmp")
	bolt0, err := bolt.Open(held, 0o600, nil)
	must(t, err)
	must(t, bolt0.Close())
	file := func(p string, stale bool) string {
		writeBytes(t, p, bytes.Repeat([]byte{7}, 4096))
		if stale {
			age(t, p, 2*time.Minute)
		}
		return p
	}
	gone := []string{
		file(filepath.Join(bdir, "."+base+"-20260101-120000.000.db.123456.tmp"), true),
		file(filepath.Join(bdir, ".otro-20260101-120000.000.db.99.tmp"), true), // a sibling file's
		file(filepath.Join(dir, "."+filepath.Base(path)+".4294967295.restore"), true),
		file(filepath.Join(dir, ".informe.pdf.42.tmp"), true),
		file(filepath.Join(dir, ".sesión.json.7.tmp"), true),
	}
	kept := []string{
		file(filepath.Join(bdir, "."+base+"-20260101-120001.000.db.1.tmp"), false), // being written
		file(filepath.Join(dir, ".informe.pdf.43.tmp"), false),                     // being written
		file(filepath.Join(bdir, ".notas.txt.5.tmp"), true),                        // not a backup
		file(filepath.Join(dir, ".notas.txt.5.tmp"), true),                         // not Fulcrum's kind
		file(filepath.Join(dir, ".informe.pdf.x5.tmp"), true),                      // not CreateTemp's
		file(filepath.Join(dir, "informe.pdf.5.tmp"), true),                        // not hidden
		file(filepath.Join(dir, ".other.db.5.restore"), true),                      // another file's restore
	}
	// A stale backup being checked is held open, and locked, by bbolt.
	db, err := bolt.Open(held, 0o600, &bolt.Options{ReadOnly: true})
	must(t, err)
	defer db.Close()
	age(t, held, 2*time.Minute)
	kept = append(kept, held)
	link := filepath.Join(dir, ".link.pdf.8.tmp")
	must(t, os.Symlink(kept[0], link))
	kept = append(kept, link)

	ro := openStore(t, path, store.Options{ReadOnly: true})
	must(t, ro.Close())
	for _, p := range append(slices.Clone(gone), kept...) {
		if _, err := os.Lstat(p); err != nil {
			t.Errorf("a read-only open removed %s", filepath.Base(p))
		}
	}

	rw := openStore(t, path, store.Options{})
	if n := rw.LeftoversRemoved(); n != len(gone) {
		t.Errorf("LeftoversRemoved = %d, want %d", n, len(gone))
	}
	for _, p := range gone {
		assertMissing(t, p)
	}
	for _, p := range kept {
		if _, err := os.Lstat(p); err != nil {
			t.Errorf("%s was removed: %v", filepath.Base(p), err)
		}
	}

	// Pruning removes a backup's leftover that went stale since.
	late := file(filepath.Join(bdir, "."+base+"-20260101-120003.000.db.3.tmp"), true)
	_, err = rw.Backup(time.Now())
	must(t, err)
	must(t, rw.Close())
	assertMissing(t, late)
}
