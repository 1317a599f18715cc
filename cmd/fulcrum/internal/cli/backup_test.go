package cli_test

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/cmd/fulcrum/internal/cli"
)

// backupNameRE is the name `fulcrum backup` gives a backup of work.db; the
// group is the UTC time it was taken.
var backupNameRE = regexp.MustCompile(`^work-(\d{8}-\d{6}\.\d{3})\.db$`)

func TestBackupCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "work.db")
	importIDs(t, db, examplePath(t), writeJSONFile(t, filepath.Join(dir, "s.json"), indexSession()))
	before := readFile(t, db)
	rawList, _ := listJSON(t, db)

	// Into backups/ beside the file, named by the time on the command's
	// clock.
	out := mustRunCLI(t, "backup", "--db", db)
	p, ok := strings.CutSuffix(out, "\n")
	if !ok || strings.Contains(p, "\n") {
		t.Fatalf("backup printed %q, want one path", out)
	}
	if got, want := filepath.Dir(p), filepath.Join(dir, "backups"); got != want {
		t.Errorf("backup went to %s, want %s", got, want)
	}
	if m := backupNameRE.FindStringSubmatch(filepath.Base(p)); m == nil {
		t.Errorf("backup name %q, want work-YYYYMMDD-HHMMSS.mmm.db", filepath.Base(p))
	} else if ts, err := time.Parse("20060102-150405.000", m[1]); err != nil || !ts.Equal(now) {
		t.Errorf("backup name says %v (%v), the backup ran at %v", ts, err, now)
	}
	if got := dirEntries(t, filepath.Join(dir, "backups")); len(got) != 1 || got[0] != filepath.Base(p) {
		t.Errorf("backups folder holds %q, want only %s", got, filepath.Base(p))
	}
	if out := mustRunCLI(t, "check", "--db", p); out != p+": ok, 2 sessions\n" {
		t.Errorf("check of the backup: %q", out)
	}
	if raw, _ := listJSON(t, p); raw != rawList {
		t.Errorf("the backup lists\n%s\nthe file\n%s", raw, rawList)
	}

	// To a file of one's choice.
	copyPath := filepath.Join(dir, "copia.db")
	if out := mustRunCLI(t, "backup", "--db", db, copyPath); out != copyPath+"\n" {
		t.Errorf("backup OUT printed %q, want %q", out, copyPath+"\n")
	}
	if out := mustRunCLI(t, "check", "--db", copyPath); out != copyPath+": ok, 2 sessions\n" {
		t.Errorf("check of OUT: %q", out)
	}
	if raw, _ := listJSON(t, copyPath); raw != rawList {
		t.Errorf("OUT lists\n%s\nthe file\n%s", raw, rawList)
	}

	// Into a missing folder: an error, and nothing is created.
	missing := filepath.Join(dir, "no", "such", "out.db")
	if r := runCLI(t, nil, "backup", "--db", db, missing); r.code != 1 || r.stdout != "" || r.stderr == "" {
		t.Errorf("backup into a missing folder: exit %d, stdout %q, stderr %q; want 1, nothing, a message", r.code, r.stdout, r.stderr)
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
	mustRunCLI(t, "backup", "--db", db, bk)
	rawBk, _ := listJSON(t, bk)
	importIDs(t, db, writeJSONFile(t, filepath.Join(dir, "s.json"), indexSession()))
	before := readFile(t, db)
	bkBytes := readFile(t, bk)

	out := mustRunCLI(t, "restore", "--db", db, bk)
	m := regexp.MustCompile(`^restored (.+) from (.+); the previous file is kept as (.+)\n$`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("restore printed %q", out)
	}
	aside := m[3]
	if m[1] != db || m[2] != bk {
		t.Errorf("restore printed %q", out)
	}
	if want := db + ".before-restore-" + now.Format("20060102-150405"); aside != want {
		t.Errorf("aside name %q, want %s (the command's clock)", aside, want)
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
	if out := mustRunCLI(t, "check", "--db", db); out != db+": ok, 1 session\n" {
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
	r := runCLI(t, nil, "restore", "--db", db, junkPath)
	if r.code != cli.ExitDamaged || r.stdout != "" || !strings.Contains(r.stderr, "not usable") || !strings.Contains(r.stderr, "damaged") {
		t.Errorf("restore of a garbage file: exit %d, stdout %q, stderr %q; want 3, nothing, not usable: damaged", r.code, r.stdout, r.stderr)
	}
	if !bytes.Equal(readFile(t, db), before) {
		t.Error("a refused restore changed the session file")
	}
	if after := dirEntries(t, dir); !slices.Equal(after, names) {
		t.Errorf("a refused restore changed the folder: %q, then %q", names, after)
	}
}
