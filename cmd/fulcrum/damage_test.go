package main

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/fulcrum-workshop/fulcrum/canvas/store/storetest"
)

// TestDamagedFileEveryCommand runs every command on damaged copies of a
// session file with history (storetest.Damages): truncations, zeroed
// pages, bit flips and crafted meta pages. It runs the binary, because a
// truncated file made bbolt fault (SIGBUS) and a fault ends the process.
// No command may crash, hang or change a byte of the file; a command that
// fails says so in words; and damage to what the newest transaction uses
// makes check, import, backup and restore (of the file as a backup) fail
// with exit code 1.
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
	session := writeFile(t, filepath.Join(dir, "in.json"), exampleJSON(t))
	flips := 0
	for _, d := range damages {
		// Every fourth bit flip is enough here; the store's suite runs all.
		if strings.HasPrefix(d.Name, "bit flip") {
			if flips++; flips%4 != 0 {
				continue
			}
		}
		t.Run(d.Name, func(t *testing.T) {
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
				{"export", []string{"export", "--db", p, ids[len(ids)-1], "--json", filepath.Join(work, "out.json")}, false},
				{"backup", []string{"backup", "--db", p}, true},
				{"import", []string{"import", "--db", p, session}, true},
				{"restore", []string{"restore", "--db", target, p}, true},
			} {
				r := runWith(t, runOpts{}, c.args...)
				if c.name == "backup" && r.code != 0 {
					if left, _ := os.ReadDir(filepath.Join(work, "backups")); len(left) > 0 {
						t.Errorf("a failed backup left %d files in backups/", len(left))
					}
				}
				switch {
				case r.code == 0 && c.must && d.Sure:
					t.Errorf("%s: exit 0 on a damaged file\nstdout: %s", c.name, r.stdout)
				case r.code == 0:
				case r.code != 1:
					t.Errorf("%s: exit %d, want 1\nstderr: %s", c.name, r.code, r.stderr)
				case !strings.Contains(r.stderr, "damaged") && !strings.Contains(r.stderr, "not found") &&
					!strings.Contains(r.stderr, "invalid database"):
					t.Errorf("%s: exit 1 without saying why in words: %q", c.name, r.stderr)
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

func exampleJSON(t *testing.T) string {
	t.Helper()
	return string(readFile(t, examplePath(t)))
}

// TestFileFailingFulcrumsCheck: a file whose pages are sound but whose
// records the app cannot use (a summary without a session) fails `check`,
// is refused by `restore` as a backup and by `import` as a target, and is
// left as it was.
func TestFileFailingFulcrumsCheck(t *testing.T) {
	dir := t.TempDir()
	goodPath, _, err := storetest.HistoryFile(dir, "good.db", 2)
	if err != nil {
		t.Fatal(err)
	}
	good := readFile(t, goodPath)
	bad := filepath.Join(dir, "bad.db")
	if err := os.WriteFile(bad, good, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(bad, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("summaries")).Put([]byte("fantasma"), []byte{2, 0, 0, 0, 0})
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	broken := readFile(t, bad)
	session := writeFile(t, filepath.Join(dir, "in.json"), exampleJSON(t))
	for _, args := range [][]string{
		{"check", "--db", bad},
		{"restore", "--db", goodPath, bad},
		{"import", "--db", bad, session},
	} {
		r := runWith(t, runOpts{}, args...)
		if r.code != 1 || !strings.Contains(r.stderr, "damaged") || !strings.Contains(r.stderr, "fantasma") {
			t.Errorf("%s: exit %d, stderr %q; want 1 and the damage named", args[0], r.code, r.stderr)
		}
	}
	if !bytes.Equal(readFile(t, bad), broken) {
		t.Error("the file that fails the check changed")
	}
	if !bytes.Equal(readFile(t, goodPath), good) {
		t.Error("a refused restore changed the target")
	}
}
