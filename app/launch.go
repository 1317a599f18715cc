package app

import (
	"errors"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// Launcher opens the session file, shows the main window, and after the
// first frame checks the file and keeps backups (store.Keeper). When the
// file cannot be used (another Fulcrum has it, it is damaged, or it is
// from a newer version) it says so plainly and offers a way on, never a
// dead end.
type Launcher struct {
	a   fyne.App
	opt Options
	ui  *UI
	st  *store.Store
	// keeper checks and backs up the open file; the file's replacement
	// gets one of its own (see replaceFile).
	keeper *store.Keeper
	// ready is closed when the start-up check has finished and its result
	// is on screen.
	ready <-chan struct{}
}

// Launch opens path and shows the app; call Shutdown after the app stops.
func Launch(a fyne.App, path string, opt Options) *Launcher {
	l := &Launcher{a: a, opt: opt}
	deferSaveDialogWrites() // before any save dialog, the problem window's included
	l.open(path)
	return l
}

// UI is the main window's UI, nil until a file is open.
func (l *Launcher) UI() *UI { return l.ui }

// Shutdown stops background work, saves what the editor still holds, and
// closes the file.
func (l *Launcher) Shutdown() {
	// Stopped before its check, the keeper lets held writes go, so the
	// save below still reaches the file.
	l.stopKeeping()
	if l.ui != nil {
		if err := l.ui.saveOnStop(); err != nil {
			fyne.LogError("Save the open session on the way out", err)
		}
	}
	if l.st != nil {
		_ = l.st.Close()
	}
}

func (l *Launcher) open(path string) {
	l.ready = make(chan struct{}) // no file open, so none checked
	st, err := store.Open(path, store.Options{Verify: l.opt.Verify})
	if err != nil {
		l.problem(path, err)
		return
	}
	l.st = st
	// Nothing is written to the file before it has passed the start-up
	// check: bbolt opens many damaged files without complaint. The hold
	// starts before the window is built, and the keeper takes it over.
	st.HoldWrites()
	l.ui = New(l.a, st, l.opt)
	l.ui.launcher = l
	l.ui.Window().Show()
	// Work not needed for the first frame waits until well after it, so it
	// never competes with the window coming up, unless a write is waiting
	// for it.
	l.keep(st, store.KeepOptions{Delay: l.opt.BackgroundDelay})
	l.ready = l.keeper.Ready()
}

// keep starts the keeper of st, which shows what it finds in the window.
func (l *Launcher) keep(st *store.Store, opt store.KeepOptions) {
	opt.Now = func() time.Time { return l.opt.now() }
	opt.Report = func(e store.Event) { l.report(st, e) }
	l.keeper = store.Keep(st, opt)
}

// stopKeeping stops the keeper of the open file, if any, and waits for it.
func (l *Launcher) stopKeeping() {
	if l.keeper != nil {
		l.keeper.Stop()
	}
}

// report shows an event of st's keeper in the window.
func (l *Launcher) report(st *store.Store, e store.Event) {
	u := l.ui
	fyne.Do(func() {
		// A report queued before st was replaced is about a file no longer
		// open: damage in it must not mark its replacement.
		if u.store != st {
			return
		}
		switch e.Kind {
		case store.Damaged:
			u.damaged(e.Err)
		case store.CheckFailed:
			u.notice(u.T("app.launch.check-failed", e.Err.Error()))
		case store.Checked:
			if e.Made {
				u.notice(u.T("app.launch.checked", e.Path))
			}
		case store.BackedUp:
			u.notice(u.T("app.launch.backed-up", e.Path))
		case store.BackupFailed:
			u.notice(u.T("app.launch.backup-failed", e.Err.Error()))
		}
	})
}

// problem explains why path cannot be used and offers a way on.
func (l *Launcher) problem(path string, err error) {
	w := l.a.NewWindow("Fulcrum")
	words := lang.For(chosenLang(l.a, l.opt))
	msg := words.T("app.launch.cannot-open", path)
	details := true
	var actions []fyne.CanvasObject
	choose := widget.NewButtonWithIcon(words.T("app.launch.choose"), theme.FolderOpenIcon(), func() {
		d := dialog.NewFileSave(func(uc fyne.URIWriteCloser, err error) {
			if err != nil || uc == nil {
				return
			}
			p := uc.URI().Path()
			uc.Close()
			removeIfEmpty(p) // bbolt initialises the new file itself
			w.Close()
			l.open(p)
		}, w)
		d.SetFileName("fulcrum.db")
		d.SetFilter(storage.NewExtensionFileFilter([]string{".db"}))
		d.Show()
	})
	switch {
	case errors.Is(err, store.ErrLocked):
		msg = words.T("app.launch.locked", path)
		details = false
	case errors.Is(err, store.ErrDamaged):
		msg = damagedText(words, path, false)
		actions = append(actions, widget.NewButtonWithIcon(words.T("app.damaged.restore"), theme.HistoryIcon(), func() {
			if _, err := store.Recover(path, true, l.opt.now()); err != nil {
				dialog.ShowError(err, w)
				return
			}
			w.Close()
			l.open(path)
		}), widget.NewButtonWithIcon(words.T("app.damaged.new-file"), theme.ContentAddIcon(), func() {
			if _, err := store.Recover(path, false, l.opt.now()); err != nil {
				dialog.ShowError(err, w)
				return
			}
			w.Close()
			l.open(path)
		}))
	case errors.Is(err, store.ErrTooNew):
		msg = words.T("app.launch.too-new", path)
		details = false
	}
	var text fyne.CanvasObject = explained(words, msg, nil)
	if details {
		text = explained(words, msg, err)
	}
	choose.Importance = widget.HighImportance
	actions = append(actions, choose, widget.NewButton(words.T("app.menu.quit"), l.a.Quit))
	w.SetContent(container.NewPadded(container.NewBorder(nil, container.NewHBox(actions...), nil, nil, text)))
	w.Resize(fyne.NewSize(640, 470))
	w.Show()
}

// damaged runs when the start-up check finds damage after the window is
// up: the store already refuses writes; the open session stays in memory
// and is saved into whichever file replaces the damaged one.
func (u *UI) damaged(err error) {
	// Whoever finds the damage first (the list, the start-up check, a
	// save) shows the one dialog; the store refuses writes from now on.
	u.store.MarkDamaged(err)
	if u.damage != nil {
		return
	}
	path := u.store.Path()
	msg := explained(u.words(), damagedText(u.words(), path, u.editor != nil), err)
	var d dialog.Dialog
	replace := func(fromBackup bool) {
		d.Hide()
		u.damage = nil
		u.replaceFile(u.T("app.error.recover"), false, func() error {
			_, err := store.Recover(path, fromBackup, u.opt.now())
			return err
		})
	}
	restore := widget.NewButtonWithIcon(u.T("app.damaged.restore"), theme.HistoryIcon(), func() { replace(true) })
	restore.Importance = widget.HighImportance
	fresh := widget.NewButtonWithIcon(u.T("app.damaged.new-file"), theme.ContentAddIcon(), func() { replace(false) })
	d = dialog.NewCustomWithoutButtons(u.T("app.damaged.title"),
		container.NewBorder(nil, container.NewHBox(restore, fresh), nil, nil, msg), u.win)
	d.Resize(u.dialogSize(620, 470))
	u.damage = d
	d.Show()
}

// replaceFile closes the session file, lets swap put another file in its
// place (a backup, or nothing for a new file), and opens what is there.
// The open session, if any, stays in memory and on screen while the file
// is replaced, and is saved into the new file from then on. If swap fails
// and keep is set, the file that was there is opened again: a restore
// that failed leaves the healthy file in place; a damaged one must not be
// written to again.
func (u *UI) replaceFile(what string, keep bool, swap func() error) {
	path := u.store.Path()
	if l := u.launcher; l != nil {
		// The old file's keeper ends first, so no backup of it is under
		// way when it closes. A report it queued before is dropped (see
		// report), as u.store is then no longer its file.
		l.stopKeeping()
		l.keeper = nil
	}
	u.pauseSaving()
	if cerr := u.store.Close(); cerr != nil {
		u.showError(u.T("app.error.close-file", path), cerr)
	}
	if err := swap(); err != nil {
		u.showError(what, err)
		if _, serr := os.Stat(path); !keep || serr != nil {
			return
		}
	}
	st, oerr := store.Open(path, store.Options{Verify: u.opt.Verify})
	if oerr != nil {
		u.showError(u.T("app.error.open-file", path), oerr)
		return
	}
	u.store = st
	if l := u.launcher; l != nil {
		// The new file gets the start-up check and backups too, at once.
		// Its writes are not held: a restored backup passed the check
		// before it was copied, and a new file holds nothing to check.
		l.st = st
		l.keep(st, store.KeepOptions{NoHold: true})
	}
	u.resumeSaving()
	u.ShowHome() // the one way out: it warns if the new file refuses the session
}

// damagedText tells a person what a damaged file means and what each way
// on does; the technical detail goes under Details (see explained).
func damagedText(w *lang.Words, path string, sessionOpen bool) string {
	msg := w.T("app.damaged.body", path, int(store.BackupInterval/time.Minute))
	if sessionOpen {
		msg += "\n\n" + w.T("app.damaged.session-open")
	}
	return msg
}

// explained shows msg, and err's text behind a collapsed Details item: a
// person reads what happened and what to do; the technical words are there
// for whoever helps them.
func explained(w *lang.Words, msg string, err error) fyne.CanvasObject {
	text := widget.NewLabel(msg)
	text.Wrapping = fyne.TextWrapWord
	if err == nil {
		return container.NewVScroll(text)
	}
	detail := widget.NewLabel(err.Error())
	detail.Wrapping = fyne.TextWrapWord
	detail.TextStyle.Monospace = true
	acc := widget.NewAccordion(widget.NewAccordionItem(w.T("app.damaged.details"), detail))
	return container.NewVScroll(container.NewVBox(text, acc))
}
