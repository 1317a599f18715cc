package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/cmd/fulcrum/internal/cli"
)

// TestExportRefusesTargetsItMustNotReplace: every output flag refuses the
// session file, its backups, the files set aside, folders, FIFOs, devices
// and links to any of them, says why, and leaves the session file and its
// backups byte for byte as they were.
func TestExportRefusesTargetsItMustNotReplace(t *testing.T) {
	db, id := newDB(t)
	dir := filepath.Dir(db)
	backup := strings.TrimSpace(mustRunCLI(t, "backup", "--db", db))
	folder := filepath.Join(dir, "folder")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.pdf")
	if err := os.Symlink(db, link); err != nil {
		t.Fatal(err)
	}
	targets := []struct{ name, path, says string }{
		{"the session file", db, "holds Fulcrum's sessions"},
		{"the session file by another name", filepath.Join(folder, "..", "s.db"), "holds Fulcrum's sessions"},
		{"a backup", backup, "holds Fulcrum's sessions"},
		{"a link to the session file", link, "holds Fulcrum's sessions"},
		{"a folder", folder, "is a folder"},
		{"a device", deviceNode(t), "is a character device"},
	}
	if fifo := filepath.Join(dir, "pipe"); mkfifo(fifo) == nil {
		targets = append(targets, struct{ name, path, says string }{"a FIFO", fifo, "is a FIFO"})
	} else {
		t.Log("no FIFO on this system")
	}
	dbHash, backupHash := hashOf(t, db), hashOf(t, backup)
	for _, flag := range []string{"--json", "--pdf", "--png", "--csv"} {
		for _, tg := range targets {
			r := runCLI(t, nil, "export", "--db", db, id, flag, tg.path)
			if r.code != cli.ExitError || !strings.Contains(r.stderr, tg.path) || !strings.Contains(r.stderr, tg.says) {
				t.Errorf("export %s onto %s: exit %d, stderr %q; want 1 and a message naming the path and %q", flag, tg.name, r.code, r.stderr, tg.says)
			}
			if hashOf(t, db) != dbHash || hashOf(t, backup) != backupHash {
				t.Fatalf("export %s onto %s changed the session file or its backup", flag, tg.name)
			}
		}
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link is no longer a link: %v, %v", fi, err)
	}
	if entries, _ := os.ReadDir(folder); len(entries) != 0 {
		t.Errorf("the folder now holds %d entries", len(entries))
	}
}

// TestExportChecksEveryTargetFirst: when one output is refused no other is
// written, so a refusal never leaves half an export behind.
func TestExportChecksEveryTargetFirst(t *testing.T) {
	db, id := newDB(t)
	pdf := filepath.Join(filepath.Dir(db), "report.pdf")
	r := runCLI(t, nil, "export", "--db", db, id, "--pdf", pdf, "--json", db)
	if r.code != cli.ExitError {
		t.Fatalf("export with --json onto the store: exit %d", r.code)
	}
	if _, err := os.Lstat(pdf); err == nil {
		t.Error("the PDF was written although another output was refused")
	}
}

// TestExportThroughSymlinkKeepsTheLink: a link to an ordinary file is
// written through, as the README says.
func TestExportThroughSymlinkKeepsTheLink(t *testing.T) {
	db, id := newDB(t)
	dir := filepath.Dir(db)
	real := filepath.Join(dir, "real.json")
	if err := os.WriteFile(real, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	mustRunCLI(t, "export", "--db", db, id, "--json", link)
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v, %v", fi, err)
	}
	got, err := os.ReadFile(real)
	if err != nil || !strings.Contains(string(got), `"format": "fulcrum-session"`) {
		t.Errorf("the link's target holds %.40q, %v; want the session file", got, err)
	}
	if r := runCLI(t, nil, "import", "--db", db, link); r.code != cli.ExitOK {
		t.Errorf("the export through the link does not import again: %s", r.stderr)
	}
}

// TestBackupRefusesTargetsItMustNotReplace: 'backup OUT' follows the same
// rule as an export.
func TestBackupRefusesTargetsItMustNotReplace(t *testing.T) {
	db, _ := newDB(t)
	backup := strings.TrimSpace(mustRunCLI(t, "backup", "--db", db))
	dbHash, backupHash := hashOf(t, db), hashOf(t, backup)
	for _, out := range []string{db, backup, deviceNode(t), filepath.Dir(db)} {
		r := runCLI(t, nil, "backup", "--db", db, out)
		if r.code != cli.ExitError || !strings.Contains(r.stderr, out) {
			t.Errorf("backup onto %s: exit %d, stderr %q", out, r.code, r.stderr)
		}
	}
	if hashOf(t, db) != dbHash || hashOf(t, backup) != backupHash {
		t.Error("a refused backup changed the session file or its backup")
	}
}

// TestImportRefusesSpecialFiles: a FIFO is refused at once instead of
// blocking forever; folders and devices are refused too; nothing is
// imported.
func TestImportRefusesSpecialFiles(t *testing.T) {
	db, _ := newDB(t)
	dir := filepath.Dir(db)
	inputs := map[string]string{"a folder": dir, "a device": "/dev/zero"}
	fifo := filepath.Join(dir, "pipe.json")
	if err := mkfifo(fifo); err == nil {
		inputs["a FIFO"] = fifo
		// Should the import block on it after all, a writer opening and
		// closing the FIFO ends the block, so the test fails, not hangs.
		t.Cleanup(func() { releaseFIFO(fifo) })
	}
	before := hashOf(t, db)
	for name, in := range inputs {
		if _, err := os.Stat(in); err != nil {
			continue
		}
		r := runCLI(t, nil, "import", "--db", db, in)
		if r.code != cli.ExitError || !strings.Contains(r.stderr, in+": cannot read") || !strings.Contains(r.stderr, "not a regular file") {
			t.Errorf("import of %s: exit %d, stderr %q", name, r.code, r.stderr)
		}
	}
	if hashOf(t, db) != before {
		t.Error("a refused import changed the session file")
	}
}

// TestRestoreRefusesSpecialFiles: restoring from a FIFO, a folder or a
// device is refused before anything reads it.
func TestRestoreRefusesSpecialFiles(t *testing.T) {
	db, _ := newDB(t)
	dir := filepath.Dir(db)
	inputs := []string{dir, "/dev/zero"}
	fifo := filepath.Join(dir, "pipe.db")
	if err := mkfifo(fifo); err == nil {
		inputs = append(inputs, fifo)
		t.Cleanup(func() { releaseFIFO(fifo) })
	}
	before := hashOf(t, db)
	for _, in := range inputs {
		if _, err := os.Stat(in); err != nil {
			continue
		}
		r := runCLI(t, nil, "restore", "--db", db, in)
		if r.code != cli.ExitError || !strings.Contains(r.stderr, "not a regular file") {
			t.Errorf("restore from %s: exit %d, stderr %q", in, r.code, r.stderr)
		}
	}
	if hashOf(t, db) != before {
		t.Error("a refused restore changed the session file")
	}
}
