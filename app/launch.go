package app

import (
	"errors"
	"fmt"
	"os"
	"sync"
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
// first frame checks the file and keeps backups. When the file cannot be
// used (another Fulcrum has it, it is damaged, or it is from a newer
// version) it says so plainly and offers a way on, never a dead end.
type Launcher struct {
	a    fyne.App
	opt  Options
	ui   *UI
	st   *store.Store
	stop chan struct{}
	// ready is closed when the start-up check and backup have finished and
	// their results are on screen.
	ready chan struct{}
	// work counts background goroutines, so Shutdown can wait for them
	// before the file is closed.
	work sync.WaitGroup
	// retire is closed when the file is replaced (a restore, or damage),
	// so the old file's backup loop ends instead of backing up a closed
	// store.
	retire chan struct{}
}

// Launch opens path and shows the app; call Shutdown after the app stops.
func Launch(a fyne.App, path string, opt Options) *Launcher {
	l := &Launcher{a: a, opt: opt, stop: make(chan struct{}), ready: make(chan struct{})}
	deferSaveDialogWrites() // before any save dialog, the problem window's included
	l.open(path)
	return l
}

// UI is the main window's UI, nil until a file is open.
func (l *Launcher) UI() *UI { return l.ui }

// Shutdown stops background work, saves what the editor still holds, and
// closes the file.
func (l *Launcher) Shutdown() {
	select {
	case <-l.stop:
	default:
		close(l.stop)
	}
	l.work.Wait()
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
	ready := make(chan struct{})
	l.ready = ready
	st, err := store.Open(path, store.Options{Verify: l.opt.Verify})
	if err != nil {
		l.problem(path, err)
		return
	}
	l.st = st
	retire := make(chan struct{})
	l.retire = retire
	// Nothing is written to the file before it has passed the start-up
	// check: bbolt opens many damaged files without complaint.
	writing := st.HoldWrites()
	l.ui = New(l.a, st, l.opt)
	l.ui.launcher = l
	l.ui.Window().Show()
	// Work not needed for the first frame waits until well after it, so it
	// never competes with the window coming up, unless a write is waiting
	// for it.
	l.work.Add(1)
	go func() {
		defer l.work.Done()
		select {
		case <-time.After(l.opt.BackgroundDelay):
		case <-writing:
		case <-l.stop:
			st.ReleaseWrites()
			close(ready)
			return
		case <-retire: // replaced before its check began
			close(ready)
			return
		}
		l.background(st, ready, retire)
	}()
}

// background checks the file once, backs it up if it changed, and then
// backs it up every BackupInterval while the app runs.
func (l *Launcher) background(st *store.Store, ready chan struct{}, retire <-chan struct{}) {
	defer func() {
		select {
		case <-ready:
		default:
			close(ready)
		}
	}()
	// The check walks a copy, which also serves as the start-up backup.
	// Damage it finds marks the store, so held writes then fail.
	path, made, err := st.CheckByCopy(l.opt.now())
	st.ReleaseWrites()
	if errors.Is(err, store.ErrDamaged) {
		fyne.Do(func() { l.ui.damaged(err) })
		return
	}
	fyne.Do(func() {
		switch {
		case err != nil:
			l.ui.notice(l.ui.T("app.launch.check-failed", err.Error()))
		case made:
			l.ui.notice(l.ui.T("app.launch.checked", path))
		}
	})
	tk := time.NewTicker(store.BackupInterval)
	defer tk.Stop()
	close(ready)
	for {
		select {
		case <-tk.C:
			l.backup(st)
		case <-l.stop:
			return
		case <-retire:
			return
		}
	}
}

func (l *Launcher) backup(st *store.Store) {
	path, made, err := st.BackupIfChanged(l.opt.now())
	fyne.Do(func() {
		switch {
		case err != nil:
			l.ui.notice(l.ui.T("app.launch.backup-failed", err.Error()))
		case made:
			l.ui.notice(l.ui.T("app.launch.backed-up", path))
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
			if err := recoverFile(path, true, l.opt.now()); err != nil {
				dialog.ShowError(err, w)
				return
			}
			w.Close()
			l.open(path)
		}), widget.NewButtonWithIcon(words.T("app.damaged.new-file"), theme.ContentAddIcon(), func() {
			if err := recoverFile(path, false, l.opt.now()); err != nil {
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

// recoverFile sets a damaged file aside and puts the newest good backup in
// its place, or leaves the place empty for a new file.
func recoverFile(path string, fromBackup bool, now time.Time) error {
	if fromBackup {
		b, err := store.NewestGoodBackup(path)
		if err != nil {
			return fmt.Errorf("restore %s: %w", path, err)
		}
		if _, err := store.SetAside(path, "damaged", now); err != nil {
			return err
		}
		_, err = store.Restore(path, b, now)
		return err
	}
	_, err := store.SetAside(path, "damaged", now)
	return err
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
		u.replaceFile(u.T("app.error.recover"), false, func() error { return recoverFile(path, fromBackup, u.opt.now()) })
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
	u.pauseSaving()
	if cerr := u.store.Close(); cerr != nil {
		u.showError(u.T("app.error.close-file", path), cerr)
	}
	if l := u.launcher; l != nil && l.retire != nil {
		close(l.retire)
		l.retire = nil
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
		// The new file gets the start-up check and backups too.
		l.st = st
		retire := make(chan struct{})
		l.retire = retire
		l.work.Add(1)
		go func() {
			defer l.work.Done()
			l.background(st, make(chan struct{}), retire)
		}()
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
