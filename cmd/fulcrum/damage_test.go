package main

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/canvas/store"
	"github.com/fulcrum-workshop/fulcrum/canvas/store/storetest"
	"github.com/fulcrum-workshop/fulcrum/cmd/fulcrum/internal/cli"
)

// TestDamagedFileEveryCommand runs every command on damaged copies of a
// session file with history (storetest.Damages): truncations, zeroed
// pages, bit flips and crafted meta pages. It runs the binary, because a
// truncated file made bbolt fault (SIGBUS) and a fault ends the process.
// No command may crash, hang or change a byte of the file; a command that
// fails says so in words; and damage to what the newest transaction uses
// makes check, import, backup and restore (of the file as a backup) fail;
// a command that finds the damage exits 3 (check always does), one that
// finds a session missing exits 1.
func TestDamagedFileEveryCommand(t *testing.T) {
	dir := t.TempDir()
	goodPath, ids, err := storetest.HistoryFile(dir, "good.db", 8)
	if err != nil {
		t.Fatal(err)
	}
	good := readFile(t, goodPath)
	damages, err := storetest.Damages(good)
	if err != nil {
		t.Fatal(err)
	}
	session := examplePath(t)
	flips := 0
	for _, d := range damages {
		// Every fourth bit flip is enough here; the store's suite runs all.
		if strings.HasPrefix(d.Name, "bit flip") {
			if flips++; flips%4 != 0 {
				continue
			}
		}
		t.Run(d.Name, func(t *testing.T) {
			// Side by side: each command is a process that mostly waits
			// to start, and each damage has a folder of its own.
			t.Parallel()
			work := t.TempDir()
			p := filepath.Join(work, "damaged.db")
			if err := os.WriteFile(p, d.Data, 0o600); err != nil {
				t.Fatal(err)
			}
			target := filepath.Join(work, "target.db")
			if err := os.WriteFile(target, good, 0o600); err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(d.Data)
			unchanged := func(cmd string) {
				t.Helper()
				if got := sha256.Sum256(readFile(t, p)); got != sum {
					t.Errorf("%s changed the damaged file", cmd)
				}
			}
			for _, c := range []struct {
				name string
				args []string
				must bool // must fail when the damage is sure
			}{
				{"check", []string{"check", "--db", p}, true},
				{"list", []string{"list", "--db", p}, false},
				{"summary", []string{"summary", "--db", p, ids[0], "--json"}, false},
				{"compare", []string{"compare", "--db", p, ids[0], ids[len(ids)-1]}, false},
				{"export", []string{"export", "--db", p, ids[len(ids)-1], "--json", filepath.Join(work, "out.json")}, false},
				{"backup", []string{"backup", "--db", p}, true},
				{"import", []string{"import", "--db", p, session}, true},
				{"restore", []string{"restore", "--db", target, p}, true},
			} {
				r := run(t, c.args...)
				if c.name == "backup" && r.code != 0 {
					if left, _ := os.ReadDir(filepath.Join(work, "backups")); len(left) > 0 {
						t.Errorf("a failed backup left %d files in backups/", len(left))
					}
				}
				switch {
				case r.code == 0 && c.must && d.Sure:
					t.Errorf("%s: exit 0 on a damaged file\nstdout: %s", c.name, r.stdout)
				case r.code == 0:
				case c.name == "check" && r.code != cli.ExitDamaged:
					// The window's start-up check runs check in a child
					// and knows damage by this code alone.
					t.Errorf("check: exit %d, want %d (damaged)\nstderr: %s", r.code, cli.ExitDamaged, r.stderr)
				case r.code == cli.ExitDamaged && !strings.Contains(r.stderr, "damaged"):
					t.Errorf("%s: exit %d without saying the file is damaged: %q", c.name, r.code, r.stderr)
				case r.code == cli.ExitError && !strings.Contains(r.stderr, "not found"):
					t.Errorf("%s: exit 1 without saying why in words: %q", c.name, r.stderr)
				case r.code != cli.ExitError && r.code != cli.ExitDamaged:
					t.Errorf("%s: exit %d, want %d or %d (damaged)\nstderr: %s", c.name, r.code, cli.ExitError, cli.ExitDamaged, r.stderr)
				}
				switch {
				case c.name == "import" && r.code == 0:
					// The file passed the whole check, so it may be written.
					sum = sha256.Sum256(readFile(t, p))
				case c.name == "restore" && r.code == 0:
					// So it may be restored.
				case c.name == "restore":
					unchanged(c.name)
					if !bytes.Equal(readFile(t, target), good) {
						t.Error("a refused restore changed the target")
					}
					if left := dirEntries(t, work); !equalSets(left, []string{"damaged.db", "target.db", "out.json", "backups"}) {
						t.Errorf("a refused restore left files: %q", left)
					}
				default:
					unchanged(c.name)
				}
			}
		})
	}
}

// equalSets reports whether every name in got is one of allowed.
func equalSets(got, allowed []string) bool {
	for _, g := range got {
		ok := false
		for _, a := range allowed {
			ok = ok || g == a
		}
		if !ok {
			return false
		}
	}
	return true
}

// TestStartupCheckKnowsDamageByExitCode: the window's start-up check runs
// check in a child, whose words are in the language of its environment;
// damage is still recognised, by the exit code alone.
func TestStartupCheckKnowsDamageByExitCode(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	mustRun(t, "import", "--db", good, examplePath(t))
	bad := filepath.Join(dir, "bad.db")
	if err := os.WriteFile(bad, []byte(strings.Repeat("not a database ", 4000)), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tag := range []string{"zh", "es", "en"} {
		t.Setenv("FULCRUM_LANG", tag)
		if err := checkWith(fulcrumBin, good); err != nil {
			t.Errorf("%s: a sound file: %v", tag, err)
		}
		if err := checkWith(fulcrumBin, bad); !errors.Is(err, store.ErrDamaged) {
			t.Errorf("%s: a damaged file: %v, want store.ErrDamaged", tag, err)
		}
		if err := checkWith(fulcrumBin, filepath.Join(dir, "missing.db")); err == nil || errors.Is(err, store.ErrDamaged) {
			t.Errorf("%s: a missing file: %v, want an error that is not damage", tag, err)
		}
	}
}
