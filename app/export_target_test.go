package app

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// fileDialogFolderKey is where Fyne's file dialog remembers its folder; a
// test sets it so the dialog opens where the store is.
const fileDialogFolderKey = "fyne:fileDialogLastFolder"

// saveThroughDialog drives the real save dialog of kind: it opens in dir,
// the file name is set to name, Save is tapped and an "Overwrite?" question
// is answered yes. It returns once the export is over.
func saveThroughDialog(t *testing.T, u *UI, kind exportKind, dir, name string) {
	t.Helper()
	u.app.Preferences().SetString(fileDialogFolderKey, storage.NewFileURI(dir).String())
	c := u.Window().Canvas()
	u.exportDialog(kind)
	if kind.ext == exportPDF.ext {
		key(c, fyne.KeyReturn) // the PDF's language: the interface's
	}
	dlg := c.Overlays().Top()
	if dlg == nil {
		t.Fatal("no save dialog")
	}
	var nameEntry *widget.Entry
	for _, e := range entriesIn(dlg) {
		if strings.HasSuffix(e.Text, kind.ext) {
			nameEntry = e
		}
	}
	if nameEntry == nil {
		t.Fatal("the save dialog has no file name entry")
	}
	nameEntry.SetText(name)
	tapButton(t, dlg, "Save")
	if top := c.Overlays().Top(); top != nil && slices.Contains(textsOf(rendered(top)), "Overwrite?") {
		tapButton(t, top, "Yes")
	}
}

func tapButton(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	b := buttonIn(t, o, text)
	b.OnTapped()
}

// refusalShown returns the texts of the dialog on top, failing unless it
// says the export was not saved.
func refusalShown(t *testing.T, u *UI, what string) string {
	t.Helper()
	top := u.Window().Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("export onto %s: no dialog", what)
	}
	texts := strings.Join(textsOf(rendered(top)), "\n")
	if !strings.Contains(texts, "not saved") {
		t.Errorf("export onto %s: the dialog says %q; want that it was not saved", what, texts)
	}
	return texts
}

// TestSaveDialogRefusesTheSessionFileAndItsBackups: choosing the session
// file or a backup in the save dialog, and confirming the overwrite, shows
// a refusal and writes nothing: the file is byte for byte the same.
func TestSaveDialogRefusesTheSessionFileAndItsBackups(t *testing.T) {
	u, st := exportSession(t)
	defer st.Close()
	dir := filepath.Dir(st.Path())
	backup, err := st.Backup(time.Date(2026, 11, 22, 15, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	// A link whose name has the export's extension reaches the session
	// file without the extension being added.
	if err := os.Symlink(st.Path(), filepath.Join(dir, "report.pdf")); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		kind      exportKind
		dir, name string
	}{
		{exportPDF, dir, filepath.Base(st.Path())},
		{exportJSON, dir, filepath.Base(st.Path())},
		{exportPDF, dir, "report.pdf"},
		{exportCSV, store.BackupsDir(st.Path()), filepath.Base(backup)},
	} {
		path := filepath.Join(tc.dir, tc.name)
		before := sha256.Sum256(mustRead(t, path))
		names := dirList(t, dir)
		saveThroughDialog(t, u, tc.kind, tc.dir, tc.name)
		if texts := refusalShown(t, u, path); !strings.Contains(texts, "holds Fulcrum's sessions") {
			t.Errorf("the refusal does not say why: %q", texts)
		}
		if after, err := os.ReadFile(path); err != nil || sha256.Sum256(after) != before {
			t.Fatalf("the %s export through the dialog changed %s (%v)", tc.kind.name, path, err)
		}
		if got := dirList(t, dir); !slices.Equal(got, names) {
			t.Errorf("the folder changed: %q, then %q", names, got)
		}
		u.Window().Canvas().Overlays().Top().Hide()
	}
	if _, err := st.Load(u.editor.s.ID); err != nil {
		t.Errorf("the session no longer loads: %v", err)
	}
	if err := st.Check(); err != nil {
		t.Errorf("the store fails its check: %v", err)
	}
}

// TestSaveDialogRefusesSpecialFiles: a FIFO and a device chosen in the
// save dialog are refused, and neither is replaced nor removed.
func TestSaveDialogRefusesSpecialFiles(t *testing.T) {
	u, st := exportSession(t)
	defer st.Close()
	var nodes []string
	if dev := deviceNodeOrEmpty(t); dev != "" {
		nodes = append(nodes, dev)
	}
	fifo := filepath.Join(t.TempDir(), "pipe.pdf")
	if err := mkfifo(fifo); err == nil {
		nodes = append(nodes, fifo)
	}
	if len(nodes) == 0 {
		t.Skip("no FIFO or device node to test on")
	}
	for _, node := range nodes {
		before, err := os.Lstat(node)
		if err != nil {
			t.Fatal(err)
		}
		saveThroughDialog(t, u, exportPDF, filepath.Dir(node), filepath.Base(node))
		if texts := refusalShown(t, u, node); !strings.Contains(texts, "not a regular file") {
			t.Errorf("the refusal does not say why: %q", texts)
		}
		after, err := os.Lstat(node)
		if err != nil || after.Mode() != before.Mode() {
			t.Errorf("%s was replaced or removed: %v, %v", node, after, err)
		}
		u.Window().Canvas().Overlays().Top().Hide()
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func dirList(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

// TestSaveDialogWriterOpensNothingUntilWritten: the writer Fyne's save
// dialog hands over opens nothing, so it neither truncates the chosen file
// nor touches a FIFO; written to, it writes as before.
func TestSaveDialogWriterOpensNothingUntilWritten(t *testing.T) {
	_, st := exportSession(t) // a window, which installs the writer
	defer st.Close()
	dir := t.TempDir()
	kept := filepath.Join(dir, "kept.pdf")
	if err := os.WriteFile(kept, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	targets := []string{kept}
	fifo := filepath.Join(dir, "pipe.pdf")
	if err := mkfifo(fifo); err == nil {
		targets = append(targets, fifo)
	}
	for _, p := range targets {
		w, err := storage.Writer(storage.NewFileURI(p))
		if err != nil {
			t.Fatalf("Writer(%s): %v", p, err)
		}
		if err := w.Close(); err != nil {
			t.Errorf("closing the unwritten writer of %s: %v", p, err)
		}
	}
	if b := mustRead(t, kept); string(b) != "keep" {
		t.Errorf("an unwritten save-dialog writer changed the file to %q", b)
	}
	written := filepath.Join(dir, "written.txt")
	w, err := storage.Writer(storage.NewFileURI(written))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte("hello")); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if b := mustRead(t, written); string(b) != "hello" {
		t.Errorf("a written save-dialog writer left %q", b)
	}
}
