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
		fyne.NewMenuItem("Import session file…", u.importDialog),
		fyne.NewMenuItem("Back up now", u.backupNow),
		fyne.NewMenuItem("Restore from a backup…", u.restoreDialog),
	}
}

// importDialog asks for a session file to import. The dialog's reader is
// closed unread (deferredWrites opens nothing before a read): the file is
// opened by importFile, which refuses FIFOs and devices first.
func (u *UI) importDialog() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError("Import", err)
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
// command line's checks and words (canvas.FileProblems); the new session
// shows in the session list.
func (u *UI) importFile(path string) {
	s, err := readSessionFile(path, u)
	if err != nil {
		u.showProblems("Nothing was imported", canvas.FileProblems(path, err))
		return
	}
	ids, err := u.store.Import([]*canvas.Session{s})
	if err != nil {
		u.showProblems("Nothing was imported", []string{err.Error()})
		return
	}
	u.home.reload()
	if u.editor == nil && len(ids) == 1 {
		u.home.selectSession(ids[0])
	}
	u.show(dialog.NewInformation("Imported", fmt.Sprintf("Imported %q from\n%s\nIt is in the session list.", s.Title, path), u.win))
}

func readSessionFile(path string, u *UI) (*canvas.Session, error) {
	f, err := export.OpenInput(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	defer f.Close()
	return canvas.DecodeFile(f, u.opt.now())
}

// showProblems lists every problem, one a line, in a dialog that scrolls:
// a file can have a hundred.
func (u *UI) showProblems(title string, lines []string) {
	text := widget.NewLabel(strings.Join(lines, "\n"))
	text.Wrapping = fyne.TextWrapWord
	head := widget.NewLabel(plural(len(lines), "problem") + " found. Fix them and import the file again.")
	d := dialog.NewCustom(title, "Close", container.NewBorder(head, nil, nil, nil, container.NewVScroll(text)), u.win)
	d.Resize(u.dialogSize(720, 420))
	u.show(d)
}

// backupNow writes a checked backup of the session file beside it.
func (u *UI) backupNow() {
	u.SaveNow()
	path, err := u.store.Backup(u.opt.now())
	if err != nil {
		u.showError("Back up", err)
		return
	}
	u.show(dialog.NewInformation("Backed up", "The session file is backed up and checked:\n"+path, u.win))
}

// restoreDialog lists the backups with their dates; the chosen one is
// checked, confirmed, and then put in place of the session file, which is
// kept aside under a "before-restore" name, as `fulcrum restore` does.
func (u *UI) restoreDialog() {
	path := u.store.Path()
	list, err := store.BackupFiles(path)
	if err != nil {
		u.showError("Restore", err)
		return
	}
	if len(list) == 0 {
		u.show(dialog.NewInformation("Restore from a backup", "There are no backups of\n"+path+"\nyet. Use File → Back up now to make one.", u.win))
		return
	}
	var d dialog.Dialog
	chosen := -1
	restore := u.newKeyButton("Restore…", nil, nil)
	restore.Importance = widget.HighImportance
	restore.Disable()
	lst := u.newKeyPickList(func() int { return len(list) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(backupLabel(list[i]))
		})
	lst.OnSelected = func(i widget.ListItemID) { chosen = i; restore.Enable() }
	restore.OnTapped = func() {
		if chosen < 0 {
			return
		}
		d.Hide()
		u.confirmRestore(list[chosen])
	}
	cancel := u.newKeyButton("Cancel", nil, func() { d.Hide() })
	head := widget.NewLabel("Choose the backup to go back to. Newest first; times are this computer's.")
	head.Wrapping = fyne.TextWrapWord
	cd := dialog.NewCustomWithoutButtons("Restore from a backup", container.NewBorder(head, nil, nil, nil, lst), u.win)
	cd.SetButtons([]fyne.CanvasObject{cancel, restore})
	d = cd
	d.Resize(u.dialogSize(560, 420))
	d.Show()
}

func backupLabel(b store.BackupFile) string {
	return b.Taken.Local().Format("Mon 2 Jan 2006, 15:04:05") + "    " + filepath.Base(b.Path)
}

// confirmRestore checks the backup first, so a person is never asked to
// confirm a restore that would fail, then asks.
func (u *UI) confirmRestore(b store.BackupFile) {
	if err := store.VerifyFile(b.Path); err != nil {
		u.showError("This backup cannot be restored: it does not pass the check", err)
		return
	}
	path := u.store.Path()
	msg := fmt.Sprintf("Go back to the backup of %s?\n\nThe session file as it is now is kept beside it, renamed to end in \".before-restore-\" and the date, so nothing is lost.", backupLabel(b))
	u.show(dialog.NewConfirm("Restore from a backup", msg, func(ok bool) {
		if !ok {
			return
		}
		// Leaving saves the open session into the current file first, so
		// the file kept aside holds everything up to now.
		u.leave("Restore", func() {
			var aside string
			u.replaceFile("Restore", true, func() (err error) {
				aside, err = store.Restore(path, b.Path, u.opt.now())
				return err
			})
			if aside != "" {
				u.show(dialog.NewInformation("Restored", fmt.Sprintf("Restored %s from the backup of %s.\n\nThe file as it was is kept as\n%s", path, backupLabel(b), aside), u.win))
			}
		})
	}, u.win))
}
