package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
)

// A facilitator runs the whole workshop from the keyboard. Every key is
// registered from a table, and Help → Keyboard shortcuts lists the same
// tables, so the list cannot drift from what the keys do.
//
// Fyne hands a plain key (F1, F6, Enter, Esc) only to the focused widget,
// or to the canvas when nothing has focus; only keys with Ctrl or Alt
// become shortcuts. So the canvas handler (typedKey) takes the plain keys
// when nothing has focus, and Fulcrum's own focusable widgets pass them
// to it first (see keyHook).

// binding is a key of the whole window.
type binding struct {
	what string
	// shortcuts are registered on the canvas; key is a plain key that
	// typedKey runs.
	shortcuts []fyne.Shortcut
	key       fyne.KeyName
	run       func()
}

// windowBindings are the keys that work on every screen.
func (u *UI) windowBindings() []binding {
	return []binding{
		{what: "app.keys.new-session", shortcuts: []fyne.Shortcut{shortcut(fyne.KeyN)}, run: u.newSessionDialog},
		{what: "app.keys.session-list", shortcuts: []fyne.Shortcut{shortcut(fyne.KeyO)}, run: u.ShowHome},
		{what: "app.keys.compare", shortcuts: []fyne.Shortcut{shortcut(fyne.KeyK)}, run: u.compareWith},
		{what: "app.keys.save", shortcuts: []fyne.Shortcut{shortcut(fyne.KeyS)}, run: u.SaveNow},
		{what: "app.keys.export-pdf", shortcuts: []fyne.Shortcut{shortcut(fyne.KeyE)}, run: func() { u.exportDialog(exportPDF) }},
		{what: "app.keys.undo", shortcuts: []fyne.Shortcut{&fyne.ShortcutUndo{}}, run: u.Undo},
		{what: "app.keys.redo", shortcuts: []fyne.Shortcut{redoShiftZ, &fyne.ShortcutRedo{}}, run: u.Redo},
		{what: "app.keys.quit", shortcuts: []fyne.Shortcut{shortcut(fyne.KeyQ)}, run: u.Quit},
		{what: "app.keys.agree", shortcuts: []fyne.Shortcut{agreeShortcut}, run: u.agreeSelected},
		{what: "app.keys.clear", shortcuts: []fyne.Shortcut{clearShortcut}, run: u.clearSelected},
		{what: "app.keys.tensions", shortcuts: []fyne.Shortcut{shortcut(fyne.KeyT)}, run: u.showTensionsOfSelected},
		{what: "app.keys.shortcuts", key: fyne.KeyF1, run: u.showShortcuts},
		{what: "app.keys.f6", key: fyne.KeyF6, run: u.cycleFocus},
	}
}

// redoShiftZ is Ctrl+Shift+Z, the other common key for Redo.
var redoShiftZ = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}

func shortcut(k fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

func (u *UI) addShortcuts() {
	c := u.win.Canvas()
	for _, b := range u.bindings {
		for _, sc := range b.shortcuts {
			run := b.run
			c.AddShortcut(sc, func(fyne.Shortcut) { run() })
		}
	}
}

// keyAction is a key of one screen or widget, run on its receiver.
type keyAction[T any] struct {
	keys []fyne.KeyName
	what string
	do   func(T)
}

// dispatch runs the action of k in table, if any.
func dispatch[T any](table []keyAction[T], k fyne.KeyName, on T) bool {
	for _, a := range table {
		for _, n := range a.keys {
			if n == k {
				a.do(on)
				return true
			}
		}
	}
	return false
}

// keyHelp is one line of the shortcuts list.
type keyHelp struct{ keys, what string }

// helpOf lists a key table's keys with their descriptions in w's words.
func helpOf[T any](w *lang.Words, table []keyAction[T]) []keyHelp {
	var out []keyHelp
	for _, a := range table {
		var names []string
		for _, k := range a.keys {
			names = append(names, keyLabel(w, k))
		}
		out = append(out, keyHelp{strings.Join(names, ", "), w.T(a.what)})
	}
	return out
}

// keyNames are the keys whose names a keyboard of the language writes in
// its own way (Re Pág, Intro); the others are written as Fyne names them.
var keyNames = map[fyne.KeyName]string{
	fyne.KeyPageUp:    "app.key.page-up",
	fyne.KeyPageDown:  "app.key.page-down",
	fyne.KeyReturn:    "app.key.return",
	fyne.KeyEnter:     "app.key.keypad-enter",
	fyne.KeyEscape:    "app.key.escape",
	fyne.KeySpace:     "app.key.space",
	fyne.KeyHome:      "app.key.home",
	fyne.KeyEnd:       "app.key.end",
	fyne.KeyBackspace: "app.key.backspace",
}

// keyLabel is how a key is written on a keyboard, in w's language.
func keyLabel(w *lang.Words, k fyne.KeyName) string {
	if key, ok := keyNames[k]; ok {
		return w.T(key)
	}
	switch k {
	case fyne.KeyLeft:
		return "←"
	case fyne.KeyRight:
		return "→"
	case fyne.KeyUp:
		return "↑"
	case fyne.KeyDown:
		return "↓"
	}
	return string(k)
}

// shortcutLabel writes a shortcut as the keys to press, in w's language.
func shortcutLabel(w *lang.Words, sc fyne.Shortcut) string {
	switch s := sc.(type) {
	case *desktop.CustomShortcut:
		var parts []string
		if s.Modifier&(fyne.KeyModifierControl|fyne.KeyModifierShortcutDefault) != 0 {
			parts = append(parts, "Ctrl")
		}
		if s.Modifier&fyne.KeyModifierAlt != 0 {
			parts = append(parts, "Alt")
		}
		if s.Modifier&fyne.KeyModifierShift != 0 {
			parts = append(parts, w.T("app.key.shift"))
		}
		return strings.Join(append(parts, keyLabel(w, s.KeyName)), "+")
	case *fyne.ShortcutUndo:
		return "Ctrl+Z"
	case *fyne.ShortcutRedo:
		return "Ctrl+Y"
	}
	return sc.ShortcutName()
}

// typedKey is the window's plain keys: a dialog's Enter and Esc first,
// then the window's keys. Screens that take keys of their own call it
// first; focusable widgets pass it the keys they do not use.
func (u *UI) typedKey(ev *fyne.KeyEvent) bool {
	if u.dialogKey(ev) {
		return true
	}
	for _, b := range u.bindings {
		if b.key != "" && b.key == ev.Name {
			b.run()
			return true
		}
	}
	return false
}

// canvasKey is typedKey as the canvas's handler, for when nothing has focus.
func (u *UI) canvasKey(ev *fyne.KeyEvent) { u.typedKey(ev) }

// keyHook is what a focusable widget of Fulcrum's calls with a key before
// handling it; true means the key was used.
type keyHook func(*fyne.KeyEvent) bool

func (h keyHook) take(ev *fyne.KeyEvent) bool { return h != nil && h(ev) }

// focusRegion is one stop of F6: the toolbar, the dimensions, a tab.
type focusRegion struct {
	has   func(fyne.Focusable) bool
	enter func() bool
}

// cycleFocus moves the focus to the next region of the screen (F6).
func (u *UI) cycleFocus() {
	var regions []focusRegion
	switch {
	case u.editor != nil && u.win.Content() == u.editor.content:
		regions = u.editor.focusRegions()
	case u.win.Content() == u.home.content:
		regions = u.home.focusRegions()
	default:
		return
	}
	focused := u.win.Canvas().Focused()
	at := -1
	for i, r := range regions {
		if focused != nil && r.has(focused) {
			at = i
			break
		}
	}
	for n := 1; n <= len(regions); n++ {
		if regions[(at+n+len(regions))%len(regions)].enter() {
			return
		}
	}
}

// focusIn focuses the first enabled focusable object in o, if any.
func (u *UI) focusIn(o fyne.CanvasObject) bool {
	f := firstFocusable(o)
	if f == nil {
		return false
	}
	u.win.Canvas().Focus(f)
	return true
}

// holds reports whether f is o or inside it.
func holds(o fyne.CanvasObject, f fyne.Focusable) bool {
	found := false
	walkFocusable(o, func(x fyne.Focusable) bool {
		found = x == f
		return found
	})
	return found
}

func firstFocusable(o fyne.CanvasObject) fyne.Focusable {
	var first fyne.Focusable
	walkFocusable(o, func(f fyne.Focusable) bool {
		if d, ok := f.(fyne.Disableable); ok && d.Disabled() {
			return false
		}
		first = f
		return true
	})
	return first
}

// walkFocusable visits the visible focusable objects in o in reading order
// until visit returns true. It looks into containers and the layout widgets
// whose children are public; the panels are built of those.
func walkFocusable(o fyne.CanvasObject, visit func(fyne.Focusable) bool) bool {
	if o == nil || !o.Visible() {
		return false
	}
	if f, ok := o.(fyne.Focusable); ok {
		return visit(f)
	}
	var kids []fyne.CanvasObject
	switch c := o.(type) {
	case *fyne.Container:
		kids = c.Objects
	case *container.Scroll:
		kids = []fyne.CanvasObject{c.Content}
	case *container.Split:
		kids = []fyne.CanvasObject{c.Leading, c.Trailing}
	case *widget.Card:
		kids = []fyne.CanvasObject{c.Content}
	case *container.AppTabs:
		if t := c.Selected(); t != nil {
			kids = []fyne.CanvasObject{t.Content}
		}
	}
	for _, k := range kids {
		if walkFocusable(k, visit) {
			return true
		}
	}
	return false
}

func (e *editor) focusRegions() []focusRegion {
	c := e.ui.win.Canvas()
	regions := []focusRegion{
		{
			has:   func(f fyne.Focusable) bool { return holds(e.toolbar, f) },
			enter: func() bool { return e.ui.focusIn(e.toolbar) },
		},
		{
			has: func(f fyne.Focusable) bool { return holds(e.scroll, f) },
			enter: func() bool {
				if len(e.rows) == 0 {
					return false
				}
				e.focusRow(e.selected)
				return c.Focused() != nil
			},
		},
	}
	for i := range e.tabs.Items {
		regions = append(regions, focusRegion{
			has: func(f fyne.Focusable) bool {
				return e.tabs.SelectedIndex() == i && holds(e.tabs.Items[i].Content, f)
			},
			enter: func() bool {
				e.tabs.SelectIndex(i)
				return e.ui.focusIn(e.tabs.Items[i].Content)
			},
		})
	}
	return regions
}

func (h *home) focusRegions() []focusRegion {
	c := h.ui.win.Canvas()
	one := func(f fyne.Focusable) focusRegion {
		return focusRegion{
			has: func(x fyne.Focusable) bool { return x == f },
			enter: func() bool {
				if d, ok := f.(fyne.Disableable); ok && d.Disabled() {
					return false
				}
				c.Focus(f)
				return true
			},
		}
	}
	return []focusRegion{one(h.search), one(h.list), one(h.newBtn)}
}
