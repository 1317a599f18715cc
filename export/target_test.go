package export_test

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/export"
)

func writeHello(w io.Writer) error {
	_, err := io.WriteString(w, "hello")
	return err
}

// TestWriteFileRefusesWhatItMustNotReplace: every refusal returns the
// right sentinel, leaves the path exactly as it was and leaves no
// temporary file behind.
func TestWriteFileRefusesWhatItMustNotReplace(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "s.db")
	must(t, os.WriteFile(store, []byte("the sessions"), 0o600))
	backup := filepath.Join(dir, "backups", "s-20261128-070000.000.db")
	must(t, os.MkdirAll(filepath.Dir(backup), 0o700))
	must(t, os.WriteFile(backup, []byte("an older copy"), 0o600))
	hard := filepath.Join(dir, "hard.pdf")
	must(t, os.Link(store, hard))
	linkToStore := filepath.Join(dir, "link.pdf")
	must(t, os.Symlink("s.db", linkToStore))
	dangling := filepath.Join(dir, "dangling.pdf")
	must(t, os.Symlink(filepath.Join(dir, "nowhere", "x.pdf"), dangling))
	folder := filepath.Join(dir, "folder.pdf")
	must(t, os.Mkdir(folder, 0o700))
	linkToFolder := filepath.Join(dir, "folderlink.pdf")
	must(t, os.Symlink(folder, linkToFolder))
	fifo := filepath.Join(dir, "pipe.pdf")
	mkfifo(t, fifo)

	protected := []string{store, backup}
	for _, tc := range []struct {
		name, path string
		is         error
	}{
		{"the store", store, export.ErrProtectedTarget},
		{"the store spelled another way", filepath.Join(dir, "backups", "..", ".", "s.db"), export.ErrProtectedTarget},
		{"a backup", backup, export.ErrProtectedTarget},
		{"a hard link to the store", hard, export.ErrProtectedTarget},
		{"a symbolic link to the store", linkToStore, export.ErrProtectedTarget},
		{"a dangling symbolic link", dangling, export.ErrNotRegularFile},
		{"a folder", folder, export.ErrNotRegularFile},
		{"a link to a folder", linkToFolder, export.ErrNotRegularFile},
		{"a FIFO", fifo, export.ErrNotRegularFile},
		{"a character device", deviceNode(t), export.ErrNotRegularFile},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := snapshot(t, dir)
			if err := export.CheckTarget(tc.path, protected...); !errors.Is(err, tc.is) {
				t.Errorf("CheckTarget(%s) = %v; want %v", tc.path, err, tc.is)
			}
			err := export.WriteFile(tc.path, writeHello, protected...)
			if !errors.Is(err, tc.is) {
				t.Fatalf("WriteFile(%s) = %v; want %v", tc.path, err, tc.is)
			}
			if after := snapshot(t, dir); !slices.Equal(before, after) {
				t.Errorf("the folder changed:\nbefore %q\nafter  %q", before, after)
			}
		})
	}
	if b, err := os.ReadFile(store); err != nil || string(b) != "the sessions" {
		t.Errorf("the store now holds %q, %v", b, err)
	}
}

// snapshot lists every name under dir with its type and, for regular
// files, its content.
func snapshot(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		entry := p + " " + d.Type().String()
		if d.Type().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			entry += " " + string(b)
		}
		if d.Type()&fs.ModeSymlink != 0 {
			to, _ := os.Readlink(p)
			entry += " -> " + to
		}
		out = append(out, entry)
		return nil
	})
	must(t, err)
	return out
}

// TestWriteFileThroughSymlinkKeepsTheLink: a link to a regular file is
// written through; the link stays a link and names the new content.
func TestWriteFileThroughSymlinkKeepsTheLink(t *testing.T) {
	dir := t.TempDir()
	shared := filepath.Join(dir, "shared")
	must(t, os.Mkdir(shared, 0o700))
	real := filepath.Join(shared, "report.pdf")
	must(t, os.WriteFile(real, []byte("old"), 0o644))
	link := filepath.Join(dir, "report.pdf")
	must(t, os.Symlink(real, link))

	must(t, export.WriteFile(link, writeHello))
	fi, err := os.Lstat(link)
	must(t, err)
	if fi.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("the link was replaced by a %v", fi.Mode().Type())
	}
	if b, err := os.ReadFile(real); err != nil || !bytes.Equal(b, []byte("hello")) {
		t.Errorf("the link's target holds %q, %v; want the export", b, err)
	}
	if names := dirNames(t, shared); !slices.Equal(names, []string{"report.pdf"}) {
		t.Errorf("the target's folder holds %q", names)
	}
}

// TestCheckTargetAcceptsNewAndRegularFiles: a new name and an ordinary
// file are fine, and a protected path that does not exist protects
// nothing.
func TestCheckTargetAcceptsNewAndRegularFiles(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.pdf")
	must(t, os.WriteFile(old, []byte("x"), 0o644))
	missing := filepath.Join(dir, "missing.db")
	for _, p := range []string{filepath.Join(dir, "new.pdf"), old, missing} {
		if err := export.CheckTarget(p, missing); err != nil {
			t.Errorf("CheckTarget(%s) = %v", p, err)
		}
	}
}
