package app

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// fileMenuItem finds an item of the File menu by its label.
func fileMenuItem(t *testing.T, u *UI, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range u.Window().MainMenu().Items {
		if m.Label != "File" {
			continue
		}
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("the File menu has no %q", label)
	return nil
}

// topTexts is what the dialog on top says, one string per text.
func topTexts(t *testing.T, u *UI) []string {
	t.Helper()
	top := u.Window().Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog shows")
	}
	return textsOf(rendered(top))
}

func sessionFile(t *testing.T, dir, name, title string) string {
	t.Helper()
	s, err := canvas.NewSession(canvas.TemplateQuick, title, "Nubia CRM", time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := canvas.EncodeFile(&b, s); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func titles(t *testing.T, st *store.Store) []string {
	t.Helper()
	list, err := st.ListSummaries()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range list {
		out = append(out, s.Title)
	}
	return out
}

// openThroughDialog drives the real open dialog: it opens in dir, the file
// called name is chosen and Open is tapped.
func openThroughDialog(t *testing.T, u *UI, dir, name string) {
	t.Helper()
	u.app.Preferences().SetString(fileDialogFolderKey, storage.NewFileURI(dir).String())
	fileMenuItem(t, u, "Import session file…").Action()
	dlg := u.Window().Canvas().Overlays().Top()
	if dlg == nil {
		t.Fatal("Import session file… shows no dialog")
	}
	var item fyne.Tappable
	for _, o := range rendered(dlg) {
		if tp, ok := o.(fyne.Tappable); ok {
			if _, isButton := o.(*widget.Button); !isButton && slices.ContainsFunc(textsOf(rendered(o)), func(s string) bool {
				return s == name || s == strings.TrimSuffix(name, filepath.Ext(name))
			}) {
				item = tp
			}
		}
	}
	if item == nil {
		t.Fatalf("the open dialog does not list %s", name)
	}
	item.Tapped(&fyne.PointEvent{})
	tapButton(t, dlg, "Open")
}

// TestImportFromTheFileMenu: a valid session file chosen in File → Import
// lands in the session list; an invalid one shows every problem, each as
// `fulcrum import` prints it (FILE: field: problem), and changes nothing.
func TestImportFromTheFileMenu(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	dir := t.TempDir()
	sessionFile(t, dir, "taller.json", "Taller importado")
	openThroughDialog(t, u, dir, "taller.json")
	if got := titles(t, st); !slices.Equal(got, []string{"Taller importado"}) {
		t.Fatalf("after the import the store holds %q", got)
	}
	if !slices.ContainsFunc(textsOf(rendered(u.home.content)), func(s string) bool { return strings.Contains(s, "Taller importado") }) {
		t.Error("the imported session is not in the session list")
	}

	good := sessionFile(t, dir, "mala.json", "Mala")
	data, _ := os.ReadFile(good)
	bad := strings.Replace(string(data), `"title"`, `"Title"`, 1)
	bad = strings.Replace(bad, `"product"`, `"colour": 1, "product"`, 1)
	bad = strings.Replace(bad, `"customer"`, `"nope"`, 1)
	if err := os.WriteFile(good, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(st.Path())
	u.Window().Canvas().Overlays().Top().Hide()
	openThroughDialog(t, u, dir, "mala.json")
	texts := strings.Join(topTexts(t, u), "\n")
	for _, want := range []string{
		good + `: Title: unknown field (did you mean "title"?)`,
		good + ": colour: unknown field",
		good + ": dimensions",
		"Nothing was imported",
	} {
		if !strings.Contains(texts, want) {
			t.Errorf("the import's problems do not say %q:\n%s", want, texts)
		}
	}
	if got := titles(t, st); !slices.Equal(got, []string{"Taller importado"}) {
		t.Errorf("a refused import changed the store to %q", got)
	}
	if after, _ := os.ReadFile(st.Path()); !bytes.Equal(before, after) {
		t.Error("a refused import changed the session file")
	}
}

// TestImportRefusesAFIFO: a named pipe is refused with the command line's
// words, without blocking on it.
func TestImportRefusesAFIFO(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	fifo := filepath.Join(t.TempDir(), "pipe.json")
	if err := mkfifo(fifo); err != nil {
		t.Skip(err)
	}
	u.importFile(fifo)
	texts := strings.Join(topTexts(t, u), "\n")
	if !strings.Contains(texts, fifo+": cannot read: it is a FIFO (named pipe): not a regular file") {
		t.Errorf("importing a FIFO says %q", texts)
	}
	if got := titles(t, st); len(got) != 0 {
		t.Errorf("the store holds %q", got)
	}
}

// TestBackUpNow: File → Back up now makes a backup that passes the check
// and says where it is.
func TestBackUpNow(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	if err := u.createSession(canvas.TemplateQuick, "Copia", "Nubia CRM", ""); err != nil {
		t.Fatal(err)
	}
	fileMenuItem(t, u, "Back up now").Action()
	list, err := store.Backups(st.Path())
	if err != nil || len(list) != 1 {
		t.Fatalf("backups %q, %v", list, err)
	}
	if err := store.VerifyFile(list[0]); err != nil {
		t.Errorf("the backup fails the check: %v", err)
	}
	if texts := strings.Join(topTexts(t, u), "\n"); !strings.Contains(texts, list[0]) {
		t.Errorf("the confirmation does not name the backup: %q", texts)
	}
}

// TestRestoreFromABackup: File → Restore lists the backups with their
// dates; the chosen one is restored after a confirmation, the current file
// is kept aside, and the window shows the restored sessions.
func TestRestoreFromABackup(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.db")
	u, st := startUI(t, path)
	defer st.Close()
	t.Cleanup(func() { u.store.Close() })
	if err := u.createSession(canvas.TemplateQuick, "Primera", "Nubia CRM", ""); err != nil {
		t.Fatal(err)
	}
	u.SaveNow()
	older := time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)
	if _, err := st.Backup(older); err != nil {
		t.Fatal(err)
	}
	if err := u.createSession(canvas.TemplateQuick, "Segunda", "Nubia CRM", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Backup(older.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}

	fileMenuItem(t, u, "Restore from a backup…").Action()
	dlg := u.Window().Canvas().Overlays().Top()
	lists := renderedOf[*keyPickList](dlg)
	if len(lists) != 1 || lists[0].Length() != 2 {
		t.Fatalf("the restore dialog shows %d lists", len(lists))
	}
	texts := strings.Join(textsOf(rendered(dlg)), "\n")
	for _, when := range []time.Time{older, older.Add(time.Hour)} {
		if d := en.Date(when.Local()) + " " + when.Local().Format("15:04:05"); !strings.Contains(texts, d) {
			t.Errorf("the restore dialog does not show the backup of %s:\n%s", d, texts)
		}
	}
	lists[0].Select(1) // newest first: the older one holds only "Primera"
	tapButton(t, dlg, "Restore…")
	confirm := u.Window().Canvas().Overlays().Top()
	if !strings.Contains(strings.Join(textsOf(rendered(confirm)), "\n"), "before-restore") {
		t.Fatal("the restore does not ask first, saying the current file is kept")
	}
	tapButton(t, confirm, "Yes")

	if got := titles(t, u.store); !slices.Equal(got, []string{"Primera"}) {
		t.Errorf("after the restore the open file holds %q", got)
	}
	if !slices.ContainsFunc(textsOf(rendered(u.home.content)), func(s string) bool { return strings.Contains(s, "Primera") }) ||
		slices.ContainsFunc(textsOf(rendered(u.home.content)), func(s string) bool { return strings.Contains(s, "Segunda") }) {
		t.Error("the session list does not show the restored file")
	}
	aside, _ := filepath.Glob(path + ".before-restore-*")
	if len(aside) != 1 {
		t.Fatalf("files kept aside: %q", aside)
	}
	kept, err := store.Open(aside[0], store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer kept.Close()
	if got := titles(t, kept); len(got) != 2 {
		t.Errorf("the file kept aside holds %q, want both sessions", got)
	}
	if texts := strings.Join(topTexts(t, u), "\n"); !strings.Contains(texts, aside[0]) {
		t.Errorf("the restore does not say where the previous file is: %q", texts)
	}
}

// TestRestoreRefusesABadBackup: a backup that fails the check is refused
// before anything is asked or changed.
func TestRestoreRefusesABadBackup(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.db")
	u, st := startUI(t, path)
	defer st.Close()
	if err := u.createSession(canvas.TemplateQuick, "Primera", "Nubia CRM", ""); err != nil {
		t.Fatal(err)
	}
	u.SaveNow()
	bad := filepath.Join(store.BackupsDir(path), "f-20261120-093000.000.db")
	if err := os.MkdirAll(filepath.Dir(bad), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, bytes.Repeat([]byte("not a store "), 800), 0o600); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	fileMenuItem(t, u, "Restore from a backup…").Action()
	dlg := u.Window().Canvas().Overlays().Top()
	renderedOf[*keyPickList](dlg)[0].Select(0)
	tapButton(t, dlg, "Restore…")
	if texts := strings.Join(topTexts(t, u), "\n"); !strings.Contains(texts, "cannot be restored") {
		t.Errorf("a bad backup is not refused: %q", texts)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("refusing the backup changed the session file")
	}
	if aside, _ := filepath.Glob(path + ".before-restore-*"); len(aside) != 0 {
		t.Errorf("a refused restore set the file aside: %q", aside)
	}
	if got := titles(t, u.store); !slices.Equal(got, []string{"Primera"}) {
		t.Errorf("after the refusal the store holds %q", got)
	}
}

// TestImportDialogDoesNotOpenAFIFO: Fyne's open dialog opens the chosen
// file before its callback runs, and opening a FIFO blocks until someone
// writes to it. Chosen in the dialog, a FIFO named like a session file is
// refused with the command line's words instead of hanging the window.
func TestImportDialogDoesNotOpenAFIFO(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.json")
	if err := mkfifo(fifo); err != nil {
		t.Skip(err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		openThroughDialog(t, u, dir, "pipe.json")
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		// Unblock the open so the test ends.
		if w, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
			w.Close()
		}
		<-done
		t.Fatal("choosing a FIFO in the import dialog blocked the window")
	}
	if texts := strings.Join(topTexts(t, u), "\n"); !strings.Contains(texts, fifo+": cannot read: it is a FIFO (named pipe): not a regular file") {
		t.Errorf("importing a FIFO says %q", texts)
	}
}
