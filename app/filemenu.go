package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
	"github.com/fulcrum-workshop/fulcrum/export"
)

// fileItems are the File menu's import, backup and restore items: what the
// command line's import, backup and restore do, for a facilitator who
// never opens a terminal.
func (u *UI) fileItems() []*fyne.MenuItem {
	return []*fyne.MenuItem{
		fyne.NewMenuItem(u.T("app.menu.import"), u.importDialog),
		u.catalogueMenu(),
		fyne.NewMenuItem(u.T("app.menu.backup"), u.backupNow),
		fyne.NewMenuItem(u.T("app.menu.restore"), u.restoreDialog),
	}
}

// importDialog asks for a session file to import. The dialog's reader is
// closed unread (deferredWrites opens nothing before a read): the file is
// opened by importFile, which refuses FIFOs and devices first.
func (u *UI) importDialog() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError(u.T("app.error.import"), err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		u.importFile(path)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	d.Show()
}

// importFile imports the session file at path, all or nothing, with the
// command line's checks and words (lang's FileProblems); the new session
// shows in the session list.
func (u *UI) importFile(path string) {
	s, err := readSessionFile(path, u)
	if err != nil {
		u.showProblems(u.T("app.import.nothing"), u.words().FileProblems(path, err))
		return
	}
	ids, err := u.store.Import([]*canvas.Session{s})
	if err != nil {
		msg := err.Error()
		if text, ok := u.words().Problems(err); ok {
			msg = text
		}
		u.showProblems(u.T("app.import.nothing"), []string{msg})
		return
	}
	u.home.reload()
	if u.editor == nil && len(ids) == 1 {
		u.home.selectSession(ids[0])
	}
	u.inform(u.T("app.import.done.title"), u.T("app.import.done", s.Title, path))
}

func readSessionFile(path string, u *UI) (*canvas.Session, error) {
	f, err := export.OpenInput(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", u.T("app.import.cannot-read"), err)
	}
	defer f.Close()
	return canvas.DecodeFile(f, u.opt.now())
}

// showProblems lists every problem, one a line, in a dialog that scrolls:
// a file can have a hundred.
func (u *UI) showProblems(title string, lines []string) {
	text := widget.NewLabel(strings.Join(lines, "\n"))
	text.Wrapping = fyne.TextWrapWord
	head := widget.NewLabel(u.N("app.import.problems", len(lines)))
	d := dialog.NewCustom(title, u.T("app.dialog.close"), container.NewBorder(head, nil, nil, nil, container.NewVScroll(text)), u.win)
	d.Resize(u.dialogSize(720, 420))
	u.show(d)
}

// backupNow writes a checked backup of the session file beside it.
func (u *UI) backupNow() {
	u.SaveNow()
	path, err := u.store.Backup(u.opt.now())
	if err != nil {
		u.showError(u.T("app.error.backup"), err)
		return
	}
	u.inform(u.T("app.backup.done.title"), u.T("app.backup.done", path))
}

// restoreDialog lists the backups with their dates; the chosen one is
// checked, confirmed, and then put in place of the session file, which is
// kept aside under a "before-restore" name, as `fulcrum restore` does.
func (u *UI) restoreDialog() {
	path := u.store.Path()
	list, err := store.BackupFiles(path)
	if err != nil {
		u.showError(u.T("app.error.restore"), err)
		return
	}
	if len(list) == 0 {
		u.inform(u.T("app.restore.title"), u.T("app.restore.none", path))
		return
	}
	var d dialog.Dialog
	chosen := -1
	restore := u.newKeyButton(u.T("app.restore.button"), nil, nil)
	restore.Importance = widget.HighImportance
	restore.Disable()
	lst := u.newKeyPickList(func() int { return len(list) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(u.backupLabel(list[i]))
		})
	lst.OnSelected = func(i widget.ListItemID) { chosen = i; restore.Enable() }
	restore.OnTapped = func() {
		if chosen < 0 {
			return
		}
		d.Hide()
		u.confirmRestore(list[chosen])
	}
	cancel := u.newKeyButton(u.T("app.dialog.cancel"), nil, func() { d.Hide() })
	head := widget.NewLabel(u.T("app.restore.head"))
	head.Wrapping = fyne.TextWrapWord
	cd := dialog.NewCustomWithoutButtons(u.T("app.restore.title"), container.NewBorder(head, nil, nil, nil, lst), u.win)
	cd.SetButtons([]fyne.CanvasObject{cancel, restore})
	d = cd
	d.Resize(u.dialogSize(560, 420))
	d.Show()
}

func (u *UI) backupLabel(b store.BackupFile) string {
	t := b.Taken.Local()
	return u.T("app.date.time", u.words().Date(t), t.Format("15:04:05")) + "    " + filepath.Base(b.Path)
}

// confirmRestore checks the backup first, so a person is never asked to
// confirm a restore that would fail, then asks.
func (u *UI) confirmRestore(b store.BackupFile) {
	if err := store.VerifyFile(b.Path); err != nil {
		u.showError(u.T("app.restore.bad"), err)
		return
	}
	path := u.store.Path()
	u.confirm(u.T("app.restore.title"), u.T("app.restore.confirm", u.backupLabel(b)), func(ok bool) {
		if !ok {
			return
		}
		// Leaving saves the open session into the current file first, so
		// the file kept aside holds everything up to now.
		u.leave(u.T("app.leave.restore"), func() {
			var aside string
			u.replaceFile(u.T("app.error.restore"), true, func() (err error) {
				aside, err = store.Restore(path, b.Path, u.opt.now())
				return err
			})
			if aside != "" {
				u.inform(u.T("app.restore.done.title"), u.T("app.restore.done", path, u.backupLabel(b), aside))
			}
		})
	})
}
