package app

import (
	"fyne.io/fyne/v2"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
)

// langChoices are the languages offered under Settings → Language, each
// named in itself, as language menus do: a reader who cannot read the
// current language still finds their own.
var langChoices = []struct {
	tag  lang.Tag
	name string
}{
	{lang.ZH, "中文"},
	{lang.ES, "Español"},
	{lang.EN, "English"},
}

// settingsMenu holds the session's settings and the interface's
// language. The language belongs to the app, not the session: it is a
// preference of this computer, and the session file never holds it.
func (u *UI) settingsMenu() *fyne.Menu {
	chosen := u.app.Preferences().String(prefLang)
	system := fyne.NewMenuItem(u.T("app.lang.system", lang.For(lang.FromLocale(osEnv)).T("app.lang.name")), func() { u.setLanguage("") })
	system.Checked = chosen == ""
	items := []*fyne.MenuItem{system, fyne.NewMenuItemSeparator()}
	for _, c := range langChoices {
		tag := c.tag
		it := fyne.NewMenuItem(c.name, func() { u.setLanguage(tag) })
		it.Checked = chosen == string(tag)
		items = append(items, it)
	}
	language := fyne.NewMenuItem(u.T("app.menu.language"), nil)
	language.ChildMenu = fyne.NewMenu("", items...)
	session := fyne.NewMenuItem(u.T("app.menu.session-settings"), u.settingsDialog)
	return fyne.NewMenu(u.T("app.menu.settings"), session, language)
}

// setLanguage switches the interface to t ("" follows --lang, then the
// system's locale), remembers the choice, and draws the screen on show
// again in the new words at once.
func (u *UI) setLanguage(t lang.Tag) {
	u.app.Preferences().SetString(prefLang, string(t))
	u.lang = chosenLang(u.app, u.opt)
	speakFyne(u.lang)
	if e := u.editor; e != nil && e.phonesServing() {
		e.phones.srv.SetWords(u.words())
	}
	u.redraw()
}

// redraw builds the menu and the screen on show again in the current
// language. The open session stays as it is: the editor's state lives in
// its canvas.Owner (the session, the undo history) and is drawn again from
// there, keeping the selected dimension, the side panel's tab and the
// scroll position.
func (u *UI) redraw() {
	u.mainMenu = u.menu()
	u.updateEditMenuNow()
	u.showMenu()
	old := u.home
	comparing := u.comparing != nil && u.win.Content() == u.comparing.content
	u.home = newHome(u)
	u.home.keepFrom(old)
	u.timer.relabel()
	if u.editor == nil && comparing {
		u.comparing.show()
		return
	}
	if c := u.catalogue; u.editor == nil && c != nil && u.win.Content() == c.content {
		u.showCatalogue()
		return
	}
	if u.editor == nil {
		u.win.SetContent(u.home.content)
		u.home.reload()
		u.win.SetTitle("Fulcrum")
		return
	}
	e := u.editor
	onEditor := u.win.Content() == e.content
	e.rebuild()
	switch {
	case onEditor:
		u.win.SetContent(e.content)
	case u.redrawScreen != nil:
		u.redrawScreen()
	default:
		u.backToEditor()
	}
	e.updateTitle()
}

// updateEditMenuNow sets Undo and Redo for a menu just built, whose items
// start disabled (updateEditMenu only changes what differs).
func (u *UI) updateEditMenuNow() {
	u.undoItem.Disabled, u.redoItem.Disabled = true, true
	if e := u.editor; e != nil && !u.undoOff {
		u.undoItem.Disabled, u.redoItem.Disabled = !e.owner.CanUndo(), !e.owner.CanRedo()
	}
}

// rebuild draws the editor again from its owner, in the interface's
// current language, where the person left it.
func (e *editor) rebuild() {
	selected, tab, offset := e.selected, e.tabs.SelectedIndex(), e.scroll.Offset
	e.rows = nil
	e.build()
	e.tabs.SelectIndex(tab)
	e.selectRow(selected)
	e.scroll.Offset = offset
	e.scroll.Refresh()
}
