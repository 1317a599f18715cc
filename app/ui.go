package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/fulcrum-workshop/fulcrum/app/phones"
	"github.com/fulcrum-workshop/fulcrum/assets/lang"
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
	// Screen is the usable area of the screen the window opens on, in
	// Fyne's units (pixels divided by the window's scale), when the caller
	// can tell it (cmd/fulcrum asks GLFW); zero means unknown, and the
	// window opens at defaultWindowSize.
	Screen fyne.Size
	// Lang is the interface's language when the user has not chosen one
	// under Settings → Language (cmd/fulcrum: --lang, FULCRUM_LANG); empty
	// follows the system's locale.
	Lang lang.Tag
	// Interfaces lists the network addresses a phone round may listen on;
	// nil means phones.Interfaces. Tests pass loopback.
	Interfaces func() ([]phones.Interface, error)
}

// UI is Fulcrum's main window: the session list, and the editor of one
// session at a time.
type UI struct {
	app   fyne.App
	win   fyne.Window
	store *store.Store
	opt   Options
	// lang is the language the interface speaks (see words.go).
	lang lang.Tag

	home   *home
	editor *editor // nil while the session list shows
	timer  *timer
	// launcher is set when the UI was started by Launch.
	launcher *Launcher
	// leaving is the unsaved-changes warning while it asks (see leave).
	leaving dialog.Dialog
	// lastExport is closed when the export last started from a save
	// dialog is over and its result is on screen.
	lastExport <-chan struct{}

	mainMenu           *fyne.MainMenu
	undoItem, redoItem *fyne.MenuItem
	// undoOff is set while a blind round's screens show (see blindScreen).
	undoOff bool
	// onScreenChange redraws the round or presentation screen on show
	// after a change; nil on the editor and the session list.
	onScreenChange func(canvas.Change)
	// redrawScreen shows the round, larger-chart or compare screen on
	// show again, in the current language (see redraw); nil on the editor.
	redrawScreen func()
	// phoneScreen is the join screen while it shows (round_phones.go).
	phoneScreen *phoneScreen
	// comparing is the compare view last shown (compare.go); it is on
	// screen while the window's content is its content.
	comparing *compareView
	// damage is the damaged-file dialog while it shows (launch.go).
	damage dialog.Dialog
	// bindings are the window's keys (see keys.go).
	bindings []binding

	// catalogue is the catalogue screen last shown (catalogue.go).
	catalogue *catalogueScreen
}

// defaultWindowSize fits a 1366×768 laptop with room for the panel and
// the window frame. Fyne cannot tell the screen's size, so the caller may
// (Options.Screen); no screen asks for more than 1366×768 holds at scale
// 1.5 (see TestWindowFitsSmallScreens),
// so the window can shrink to fit a smaller one.
var defaultWindowSize = fyne.NewSize(1280, 720)

// windowFrame is what a window manager's title bar and borders take beyond
// the window's content.
var windowFrame = fyne.NewSize(16, 48)

// windowSize is the default size, shrunk to a screen's usable area (zero:
// unknown).
func windowSize(screen fyne.Size) fyne.Size {
	size := defaultWindowSize
	if screen.Width <= 0 || screen.Height <= 0 {
		return size
	}
	return fyne.NewSize(
		min(size.Width, screen.Width-windowFrame.Width),
		min(size.Height, screen.Height-windowFrame.Height))
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
	u := &UI{app: a, store: st, opt: opt, lang: chosenLang(a, opt)}
	speakFyne(u.lang)
	deferSaveDialogWrites()
	u.win = a.NewWindow("Fulcrum")
	u.win.Resize(windowSize(opt.Screen))
	u.bindings = u.windowBindings()
	u.home = newHome(u)
	u.timer = newTimer(u)
	u.mainMenu = u.menu()
	u.win.SetMainMenu(u.mainMenu)
	u.addShortcuts()
	u.win.SetCloseIntercept(u.Close)
	u.ShowHome()
	return u
}

// Window is the main window.
func (u *UI) Window() fyne.Window { return u.win }

func (u *UI) menu() *fyne.MainMenu {
	newItem := fyne.NewMenuItem(u.T("app.menu.new-session"), u.newSessionDialog)
	newItem.Shortcut = shortcut(fyne.KeyN)
	// Open shows the session list, where the other session is chosen.
	openItem := fyne.NewMenuItem(u.T("app.menu.open"), u.ShowHome)
	openItem.Shortcut = shortcut(fyne.KeyO)
	compareItem := fyne.NewMenuItem(u.T("app.compare.menu"), u.compareWith)
	compareItem.Shortcut = shortcut(fyne.KeyK)
	saveItem := fyne.NewMenuItem(u.T("app.menu.save-now"), u.SaveNow)
	saveItem.Shortcut = shortcut(fyne.KeyS)
	exportItem := fyne.NewMenuItem(u.T("app.menu.export-pdf"), func() { u.exportDialog(exportPDF) })
	exportItem.Shortcut = shortcut(fyne.KeyE)
	pngItem := fyne.NewMenuItem(u.T("app.menu.export-png"), func() { u.exportDialog(exportPNG) })
	csvItem := fyne.NewMenuItem(u.T("app.menu.export-csv"), func() { u.exportDialog(exportCSV) })
	jsonItem := fyne.NewMenuItem(u.T("app.menu.export-json"), func() { u.exportDialog(exportJSON) })
	paperItem := fyne.NewMenuItem(u.T("app.menu.paper"), nil)
	a4 := fyne.NewMenuItem("A4", func() { u.setPaper(export.PaperA4) })
	a4.Checked = u.paper() == export.PaperA4
	letter := fyne.NewMenuItem(u.T("app.menu.paper.letter"), func() { u.setPaper(export.PaperLetter) })
	letter.Checked = u.paper() == export.PaperLetter
	paperItem.ChildMenu = fyne.NewMenu("", a4, letter)
	// Marked IsQuit so that Fyne adds no second Quit item; this one, like
	// Ctrl+Q, leaves the editor through u.Quit.
	quitItem := fyne.NewMenuItem(u.T("app.menu.quit"), u.Quit)
	quitItem.IsQuit = true
	quitItem.Shortcut = shortcut(fyne.KeyQ)
	fileItems := append([]*fyne.MenuItem{newItem, openItem, compareItem, saveItem, fyne.NewMenuItemSeparator(),
		exportItem, pngItem, csvItem, jsonItem, paperItem, fyne.NewMenuItemSeparator()}, u.fileItems()...)
	return fyne.NewMainMenu(fyne.NewMenu(u.T("app.menu.file"), append(fileItems, fyne.NewMenuItemSeparator(), quitItem)...),
		u.editMenu(), u.settingsMenu(), u.helpMenu())
}

// editMenu offers Undo and Redo of the open session's changes.
//
// The shortcuts are the canvas's (see addShortcuts), not the menu's: a
// menu shortcut would be taken before the focused widget sees the keys,
// and in a text field Ctrl+Z and Ctrl+Y belong to the field's own undo of
// the typing (Fyne's Entry has one). The items show the keys with
// shortcuts the window never sends (Ctrl+Z and Ctrl+Y arrive as Fyne's
// Undo and Redo shortcuts), so they are labels only.
func (u *UI) editMenu() *fyne.Menu {
	u.undoItem = fyne.NewMenuItem(u.T("app.menu.undo"), u.Undo)
	u.undoItem.Shortcut = shortcut(fyne.KeyZ)
	u.undoItem.Disabled = true
	u.redoItem = fyne.NewMenuItem(u.T("app.menu.redo"), u.Redo)
	u.redoItem.Shortcut = shortcut(fyne.KeyY)
	u.redoItem.Disabled = true
	return fyne.NewMenu(u.T("app.menu.edit"), u.undoItem, u.redoItem)
}

// helpMenu lists the keyboard shortcuts. F1 is no menu shortcut: Fyne
// takes only keys with Ctrl or Alt as shortcuts, so typedKey runs it.
func (u *UI) helpMenu() *fyne.Menu {
	return fyne.NewMenu(u.T("app.menu.help"), fyne.NewMenuItem(u.T("app.menu.shortcuts"), u.showShortcuts))
}

// showMenu puts the menu bar back after presentation mode hid it.
func (u *UI) showMenu() {
	if u.win.MainMenu() != u.mainMenu {
		u.win.SetMainMenu(u.mainMenu)
	}
}

// ShowHome leaves the open session (see leave) and shows the session list.
func (u *UI) ShowHome() { u.leave(u.T("app.leave.leave"), u.showHome) }

func (u *UI) showHome() {
	u.onScreenChange, u.undoOff = nil, false
	u.updateEditMenu()
	u.home.reload()
	u.win.Canvas().Unfocus() // see showScreen
	u.win.SetContent(u.home.content)
	u.showMenu()
	u.win.Canvas().SetOnTypedKey(u.canvasKey)
	u.win.SetTitle("Fulcrum")
	u.win.Canvas().Focus(u.home.search)
}

// OpenSession loads a session from the store and, once the open one is left
// (see leave), shows it in the editor.
func (u *UI) OpenSession(id string) error {
	s, err := u.store.Load(id)
	if err != nil {
		return err
	}
	u.leave(u.T("app.leave.leave"), func() { u.showEditor(s) })
	return nil
}

// showEditor opens s in a new editor, with a new, empty history.
func (u *UI) showEditor(s *canvas.Session) {
	u.editor = newEditor(u, s)
	u.timer.fg = nil
	u.timer.attach(s.ID, s.Settings)
	u.onScreenChange, u.undoOff = nil, false
	u.win.Canvas().Unfocus() // see showScreen
	u.win.SetContent(u.editor.content)
	u.win.Canvas().SetOnTypedKey(u.canvasKey)
	u.editor.updateTitle()
	u.updateEditMenu()
	if s.InRound() {
		// The app was closed mid-round: pick up where the room was.
		u.continueRound()
	}
}

// SaveNow writes the open session at once.
func (u *UI) SaveNow() {
	if u.editor != nil {
		u.editor.saveNow()
	}
}

// createSession makes a new session and, once the open one is left (see
// leave), saves and opens it. Leaving comes first, so a user who stays with
// unsaved changes is not left with a stray empty session.
func (u *UI) createSession(tmpl, title, product, facilitator string) error {
	s, err := u.newSessionFrom(tmpl, title, product)
	if err != nil {
		return err
	}
	s.Facilitator = facilitator
	u.leave(u.T("app.leave.leave"), func() {
		if err := u.store.Save(s); err != nil {
			u.showHome()
			u.showError(u.T("app.error.create-session"), err)
			return
		}
		u.showEditor(s)
	})
	return nil
}
