package export_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/export"
)

// ---------------------------------------------------------------------------
// WriteFile.

// dirNames lists the names in dir.
func dirNames(tb testing.TB, dir string) []string {
	tb.Helper()
	es, err := os.ReadDir(dir)
	must(tb, err)
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func pdfWriter(tb testing.TB) func(io.Writer) error {
	s := englishSession(tb)
	return func(w io.Writer) error { return export.WritePDF(w, s, export.PDFOptions{}) }
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.pdf")
	must(t, os.WriteFile(path, []byte("old report"), 0o600))
	must(t, export.WriteFile(path, pdfWriter(t)))
	got, err := os.ReadFile(path)
	must(t, err)
	if want := render(t, englishSession(t), export.PDFOptions{}); !bytes.Equal(got, want) {
		t.Errorf("file holds %d bytes, not the %d bytes WritePDF gives", len(got), len(want))
	}
	if names := dirNames(t, dir); !slices.Equal(names, []string{"report.pdf"}) {
		t.Errorf("directory holds %q; want only report.pdf", names)
	}
}

func TestWriteFileBadDirectory(t *testing.T) {
	t.Run("parent is a file", func(t *testing.T) {
		dir := t.TempDir()
		blocker := filepath.Join(dir, "notes.txt")
		must(t, os.WriteFile(blocker, []byte("a file, not a folder"), 0o644))
		path := filepath.Join(blocker, "out.pdf")
		if err := export.WriteFile(path, pdfWriter(t)); err == nil {
			t.Fatalf("WriteFile(%s) succeeded", path)
		}
		if _, err := os.Lstat(path); err == nil {
			t.Errorf("%s exists after a failed write", path)
		}
		if names := dirNames(t, dir); !slices.Equal(names, []string{"notes.txt"}) {
			t.Errorf("directory holds %q after a failed write; want only notes.txt", names)
		}
		if b, err := os.ReadFile(blocker); err != nil || string(b) != "a file, not a folder" {
			t.Errorf("the blocking file changed: %q, %v", b, err)
		}
	})
	t.Run("missing directory", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "missing", "out.pdf")
		if err := export.WriteFile(path, pdfWriter(t)); err == nil {
			t.Fatalf("WriteFile(%s) succeeded", path)
		}
		if names := dirNames(t, dir); len(names) != 0 {
			t.Errorf("failed write left %q in %s", names, dir)
		}
	})
	t.Run("read-only directory", func(t *testing.T) {
		dir := t.TempDir()
		must(t, os.Chmod(dir, 0o555))
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		if f, err := os.CreateTemp(dir, "probe"); err == nil {
			f.Close()
			os.Remove(f.Name())
			t.Skip("permissions do not stop writes here (running as root?); the parent-is-a-file case covers this")
		}
		path := filepath.Join(dir, "out.pdf")
		if err := export.WriteFile(path, pdfWriter(t)); err == nil {
			t.Fatalf("WriteFile(%s) succeeded in a read-only directory", path)
		}
		if names := dirNames(t, dir); len(names) != 0 {
			t.Errorf("failed write left %q in %s", names, dir)
		}
	})
}

func TestWriteFileCallbackFails(t *testing.T) {
	errBoom := errors.New("boom")
	for _, tc := range []struct {
		name  string
		write func(io.Writer) error
		is    error
	}{
		{"partial write then error", func(w io.Writer) error {
			if _, err := io.WriteString(w, "%PDF-1.3\npartial"); err != nil {
				return err
			}
			return errBoom
		}, errBoom},
		{"bad paper", func(w io.Writer) error {
			return export.WritePDF(w, englishSession(t), export.PDFOptions{Paper: "legal"})
		}, export.ErrPaper},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "report.pdf")
			old := render(t, chineseSession(t), export.PDFOptions{})
			must(t, os.WriteFile(path, old, 0o644))
			err := export.WriteFile(path, tc.write)
			if !errors.Is(err, tc.is) {
				t.Errorf("WriteFile error = %v; want one wrapping %v", err, tc.is)
			}
			got, rerr := os.ReadFile(path)
			must(t, rerr)
			if !bytes.Equal(got, old) {
				t.Errorf("the existing file changed (%d bytes, was %d)", len(got), len(old))
			}
			if names := dirNames(t, dir); !slices.Equal(names, []string{"report.pdf"}) {
				t.Errorf("directory holds %q after a failed write; want only report.pdf", names)
			}
		})
	}
}
