package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
	"github.com/fulcrum-workshop/fulcrum/export"
)

// Options tune the UI; the zero value is what the real app uses.
type Options struct {
	// AutosaveDelay bounds how long a change waits before it is saved.
	AutosaveDelay time.Duration
	// Now is the clock for session timestamps.
	Now func() time.Time
	// ProgressDelay is how long an export may run before a progress dialog
	// appears, so quick exports finish without a flicker.
	ProgressDelay time.Duration
	// TimerTick is how often a running timebox redraws.
	TimerTick time.Duration
	// BackgroundDelay is how long after the window appears the start-up
	// check and backup begin.
	BackgroundDelay time.Duration
	// Verify checks a copy of the session file (see store.Options.Verify).
	Verify func(path string) error
}

// UI is Fulcrum's main window: the session list, and the editor of one
// session at a time.
type UI struct {
	app   fyne.App
	win   fyne.Window
	store *store.Store
	opt   Options

	home   *home
	editor *editor // nil while the session list shows
	timer  *timer
	// launcher is set when the UI was started by Launch.
	launcher *Launcher
	// damage is the damaged-file dialog while it shows (launch.go).
	damage dialog.Dialog
}

func (o Options) now() time.Time {
	if o.Now == nil {
		return time.Now()
	}
	return o.Now()
}

// New builds the main window on a and st. The caller runs the app and
// closes the store after the window is gone.
func New(a fyne.App, st *store.Store, opt Options) *UI {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.TimerTick <= 0 {
		opt.TimerTick = 250 * time.Millisecond
	}
	if opt.ProgressDelay <= 0 {
		opt.ProgressDelay = 300 * time.Millisecond
	}
	if opt.AutosaveDelay <= 0 {
		opt.AutosaveDelay = store.DefaultAutosaveDelay
	}
	u := &UI{app: a, store: st, opt: opt}
	u.win = a.NewWindow("Fulcrum")
	// Fits a 1280×720 projector with room for the window frame.
	u.win.Resize(fyne.NewSize(1180, 680))
	u.home = newHome(u)
	u.timer = newTimer(u)
	u.win.SetMainMenu(u.menu())
	u.addShortcuts()
	u.win.SetCloseIntercept(u.Close)
	u.ShowHome()
	return u
}

// Close saves the open session and closes the window, as the window's close
// button does: it is the last chance to persist what was typed.
func (u *UI) Close() {
	if e := u.editor; e != nil {
		if err := e.saver.Flush(); err != nil {
			u.unsavedOnClose(err)
			return
		}
	}
	u.closeEditor()
	u.win.Close()
}

// unsavedOnClose warns that the latest changes could not be saved (a full
// disk, a read-only folder) and offers to export the session elsewhere
// before closing.
func (u *UI) unsavedOnClose(err error) {
	msg := widget.NewLabel(fmt.Sprintf("Your latest changes are not saved:\n%v\n\nFulcrum keeps retrying while this window is open. "+
		"Export the session file somewhere else to keep them.", err))
	msg.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	exp := widget.NewButtonWithIcon("Export session file…", theme.DocumentSaveIcon(), func() {
		d.Hide()
		u.exportDialog(exportJSON)
	})
	exp.Importance = widget.HighImportance
	keep := widget.NewButton("Keep editing", func() { d.Hide() })
	anyway := widget.NewButton("Close without saving", func() {
		d.Hide()
		u.discardEditor()
		u.win.Close()
	})
	d = dialog.NewCustomWithoutButtons("Changes not saved",
		container.NewBorder(nil, container.NewHBox(exp, keep, anyway), nil, nil, msg), u.win)
	d.Resize(fyne.NewSize(560, 260))
	d.Show()
}

// discardEditor drops the open session without a last save attempt.
func (u *UI) discardEditor() {
	u.timer.shutdown()
	if u.editor != nil {
		u.editor.closed = true
		u.editor.saver.Discard()
		u.editor = nil
	}
}

// Window is the main window.
func (u *UI) Window() fyne.Window { return u.win }

func (u *UI) menu() *fyne.MainMenu {
	newItem := fyne.NewMenuItem("New session…", u.newSessionDialog)
	newItem.Shortcut = shortcut(fyne.KeyN)
	openItem := fyne.NewMenuItem("Open…", u.ShowHome)
	openItem.Shortcut = shortcut(fyne.KeyO)
	saveItem := fyne.NewMenuItem("Save now", u.SaveNow)
	saveItem.Shortcut = shortcut(fyne.KeyS)
	exportItem := fyne.NewMenuItem("Export PDF summary…", func() { u.exportDialog(exportPDF) })
	exportItem.Shortcut = shortcut(fyne.KeyE)
	pngItem := fyne.NewMenuItem("Export chart as PNG…", func() { u.exportDialog(exportPNG) })
	csvItem := fyne.NewMenuItem("Export table as CSV…", func() { u.exportDialog(exportCSV) })
	jsonItem := fyne.NewMenuItem("Export session file…", func() { u.exportDialog(exportJSON) })
	paperItem := fyne.NewMenuItem("PDF paper size", nil)
	a4 := fyne.NewMenuItem("A4", func() { u.setPaper(export.PaperA4) })
	a4.Checked = u.paper() == export.PaperA4
	letter := fyne.NewMenuItem("Letter", func() { u.setPaper(export.PaperLetter) })
	letter.Checked = u.paper() == export.PaperLetter
	paperItem.ChildMenu = fyne.NewMenu("", a4, letter)
	quitItem := fyne.NewMenuItem("Quit", func() {
		u.closeEditor()
		u.app.Quit()
	})
	quitItem.IsQuit = true
	quitItem.Shortcut = shortcut(fyne.KeyQ)
	return fyne.NewMainMenu(fyne.NewMenu("File", newItem, openItem, saveItem, fyne.NewMenuItemSeparator(),
		exportItem, pngItem, csvItem, jsonItem, paperItem, fyne.NewMenuItemSeparator(), quitItem))
}

func shortcut(k fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

func (u *UI) addShortcuts() {
	c := u.win.Canvas()
	c.AddShortcut(shortcut(fyne.KeyN), func(fyne.Shortcut) { u.newSessionDialog() })
	c.AddShortcut(shortcut(fyne.KeyO), func(fyne.Shortcut) { u.ShowHome() })
	c.AddShortcut(shortcut(fyne.KeyS), func(fyne.Shortcut) { u.SaveNow() })
	c.AddShortcut(shortcut(fyne.KeyE), func(fyne.Shortcut) { u.exportDialog(exportPDF) })
	c.AddShortcut(shortcut(fyne.KeyQ), func(fyne.Shortcut) {
		u.closeEditor()
		u.app.Quit()
	})
}

// ShowHome closes the open session, saving it, and shows the session list.
func (u *UI) ShowHome() {
	u.closeEditor()
	u.home.reload()
	u.win.SetContent(u.home.content)
	u.win.SetTitle("Fulcrum")
	u.win.Canvas().Focus(u.home.search)
}

// OpenSession loads a session from the store and shows it in the editor.
func (u *UI) OpenSession(id string) error {
	s, err := u.store.Load(id)
	if err != nil {
		return err
	}
	u.closeEditor()
	u.editor = newEditor(u, s)
	u.timer.configure(s.Settings)
	u.win.SetContent(u.editor.content)
	u.editor.updateTitle()
	if s.InRound() {
		// The app was closed mid-round: pick up where the room was.
		u.continueRound()
	}
	return nil
}

// SaveNow writes the open session at once.
func (u *UI) SaveNow() {
	if u.editor != nil {
		u.editor.saveNow()
	}
}

func (u *UI) closeEditor() {
	u.timer.shutdown()
	if u.editor == nil {
		return
	}
	u.win.SetFullScreen(false)
	c := u.win.Canvas()
	c.SetOnTypedKey(nil)
	c.SetOnTypedRune(nil)
	u.editor.close()
	u.editor = nil
}

func (u *UI) showError(context string, err error) {
	dialog.ShowError(fmt.Errorf("%s: %w", context, err), u.win)
}

// createSession makes, saves and opens a new session.
func (u *UI) createSession(tmpl, title, product, facilitator string) error {
	s, err := canvas.NewSession(tmpl, title, product, u.opt.Now())
	if err != nil {
		return err
	}
	s.Facilitator = facilitator
	if err := u.store.Save(s); err != nil {
		return err
	}
	return u.OpenSession(s.ID)
}
