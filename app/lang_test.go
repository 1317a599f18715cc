package app

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// appMessages reads the app's messages of one language from its file, as
// plain texts (a plural message gives each of its forms).
func appMessages(t *testing.T, tag lang.Tag) map[string][]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "assets", "lang", "messages", "app."+string(tag)+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for k, v := range raw {
		var s string
		if json.Unmarshal(v, &s) == nil {
			out[k] = []string{s}
			continue
		}
		var forms map[string]string
		if err := json.Unmarshal(v, &forms); err != nil {
			t.Fatalf("app.%s.json %s: %v", tag, k, err)
		}
		for _, f := range forms {
			out[k] = append(out[k], f)
		}
	}
	return out
}

var verb = regexp.MustCompile(`%\[\d+\][sd]`)

// messagePattern matches a message with any arguments filled in.
func messagePattern(msg string) *regexp.Regexp {
	parts := verb.Split(msg, -1)
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	return regexp.MustCompile(`^` + strings.Join(parts, `.+`) + `$`)
}

// keptTerms stay as they are in every language.
var keptTerms = regexp.MustCompile(`Fulcrum|ToB|ToC|PDF|CSV|PNG|\d`)

// englishCheck fails on screen text that is an English message of the
// app (with any arguments) in a UI meant to speak tag, unless the text is
// also one of tag's messages. Messages written the same in tag (a name)
// and messages with fewer than three letters of their own besides the
// kept terms are not English words.
type englishCheck struct {
	english []*regexp.Regexp
	keys    []string
	local   []*regexp.Regexp
	// verdicts holds, for each text already matched, the keys of the
	// English messages it is: a walk shows the same labels on every
	// screen, and matching one text against every message of two
	// catalogues under -race took a fifth of the walk's time.
	verdicts map[string][]string
}

func newEnglishCheck(t *testing.T, tag lang.Tag) *englishCheck {
	en, tr := appMessages(t, lang.EN), appMessages(t, tag)
	c := &englishCheck{verdicts: map[string][]string{}}
	for k, forms := range en {
		for _, f := range forms {
			// A language is named in itself in every language (the
			// Language menu), so its name is no English word.
			if slices.Contains(tr[k], f) || k == "app.lang.name" || !wordy(f) {
				continue
			}
			c.english = append(c.english, messagePattern(f))
			c.keys = append(c.keys, k)
		}
	}
	for _, forms := range tr {
		for _, f := range forms {
			// A pattern of arguments alone ("%[1]s %[2]s") would excuse
			// any text.
			if wordy(f) {
				c.local = append(c.local, messagePattern(f))
			}
		}
	}
	return c
}

var letter = regexp.MustCompile(`\pL`)

// wordy says a message has words of its own: three letters or more
// besides its arguments and the terms every language keeps.
func wordy(msg string) bool {
	return len(letter.FindAllString(keptTerms.ReplaceAllString(verb.ReplaceAllString(msg, ""), ""), -1)) >= 3
}

func (c *englishCheck) check(t *testing.T, where string, texts []string) {
	t.Helper()
	seen := map[string]bool{}
	for _, tx := range texts {
		tx = strings.TrimSpace(tx)
		if tx == "" || seen[tx] {
			continue
		}
		seen[tx] = true
		for _, key := range c.englishOf(tx) {
			t.Errorf("%s shows %q, the English of %s", where, tx, key)
		}
	}
}

// englishOf is the keys of the English messages tx is, none if tx is
// also a message of the language checked.
func (c *englishCheck) englishOf(tx string) []string {
	if keys, ok := c.verdicts[tx]; ok {
		return keys
	}
	var keys []string
	if !slices.ContainsFunc(c.local, func(p *regexp.Regexp) bool { return p.MatchString(tx) }) {
		for i, p := range c.english {
			if p.MatchString(tx) {
				keys = append(keys, c.keys[i])
			}
		}
	}
	c.verdicts[tx] = keys
	return keys
}

// shownTexts is every text a person reads on the window: what textsOf
// finds, placeholders, the options of choices, tab titles, the title and
// the menus.
func shownTexts(u *UI) []string {
	objs := onScreen(u)
	out := textsOf(objs)
	for _, o := range objs {
		switch v := o.(type) {
		case *widget.Entry:
			out = append(out, v.PlaceHolder)
		case *keyEntry:
			out = append(out, v.PlaceHolder)
		case *noteEntry:
			out = append(out, v.PlaceHolder)
		case *editEntry:
			out = append(out, v.PlaceHolder, v.Text)
		case *keyRadio:
			out = append(out, v.Options...)
		case *keyCheckGroup:
			out = append(out, v.Options...)
		case *keySelect:
			out = append(out, v.PlaceHolder)
			out = append(out, v.Options...)
		case *ownerField:
			out = append(out, v.PlaceHolder)
		case *dueField:
			out = append(out, v.PlaceHolder)
		case *container.AppTabs:
			for _, it := range v.Items {
				out = append(out, it.Text)
			}
		case *widget.Accordion:
			for _, it := range v.Items {
				out = append(out, it.Title)
			}
		}
	}
	out = append(out, u.Window().Title())
	var menu func(items []*fyne.MenuItem)
	menu = func(items []*fyne.MenuItem) {
		for _, it := range items {
			out = append(out, it.Label)
			if it.ChildMenu != nil {
				menu(it.ChildMenu.Items)
			}
		}
	}
	if m := u.Window().MainMenu(); m != nil {
		for _, top := range m.Items {
			out = append(out, top.Label)
			menu(top.Items)
		}
	}
	return out
}

// startUIIn is startUI in language tag, as --lang gives it.
func startUIIn(t *testing.T, path string, tag lang.Tag) (*UI, *store.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	opt := quietOptions
	opt.Lang = tag
	u := New(a, st, opt)
	u.Window().Resize(fyne.NewSize(1200, 800))
	t.Cleanup(func() { u.timer.shutdown(); st.Close() })
	return u, st
}

// dismissAll closes every dialog on show.
func dismissAll(u *UI) {
	c := u.Window().Canvas()
	for c.Overlays().Top() != nil {
		c.Overlays().Top().Hide()
		c.Overlays().Remove(c.Overlays().Top())
	}
	u.leaving = nil
}

// TestEveryScreenSpeaksTheLanguage renders every screen and dialog of a
// whole workshop in Chinese and in Spanish, and fails on any text that is
// the English of one of the app's messages.
func TestEveryScreenSpeaksTheLanguage(t *testing.T) {
	for _, tag := range []lang.Tag{lang.ZH, lang.ES} {
		t.Run(string(tag), func(t *testing.T) {
			c := newEnglishCheck(t, tag)
			walkEveryScreen(t, tag, c)
			walkComparison(t, tag, c)
		})
	}
}

func walkEveryScreen(t *testing.T, tag lang.Tag, c *englishCheck) {
	u, st := startUIIn(t, filepath.Join(t.TempDir(), "f.db"), tag)
	cv := u.Window().Canvas()
	look := func(where string) {
		t.Helper()
		c.check(t, where, shownTexts(u))
	}
	dialog := func(where string, open func()) {
		t.Helper()
		open()
		if cv.Overlays().Top() == nil {
			t.Fatalf("%s opened no dialog", where)
		}
		look(where)
		dismissAll(u)
	}

	look("the empty session list")
	dialog("the new session dialog", u.newSessionDialog)
	walkCatalogue(t, u, look, dialog)
	if err := u.createSession(canvas.TemplateQuick, "Q4 定位", "Nubia CRM", "Marta"); err != nil {
		t.Fatal(err)
	}
	e := u.editor
	for i := range e.tabs.Items {
		e.tabs.SelectIndex(i)
		look("the editor's tab " + e.tabs.Items[i].Text)
	}
	e.tabs.SelectIndex(0)
	dialog("the round dialog without participants", u.startRoundDialog)
	for _, name := range []string{"Ana", "李伟"} {
		e.people.name.SetText(name)
		e.people.add()
	}
	e.tabs.SelectIndex(1)
	look("the participants tab with people")
	dialog("the edit participant dialog", func() { e.people.edit(e.s.Participants[0].ID) })
	dialog("the settings dialog", u.settingsDialog)
	dialog("the shortcuts list", u.showShortcuts)
	dialog("the PDF export dialog", func() { u.exportDialog(exportPDF) })
	dialog("the start round dialog", u.startRoundDialog)
	dialog("an error", func() { u.showError(u.T("app.error.save"), errors.New("disk full")) })
	dialog("the unsaved changes warning", func() { u.warnUnsaved(errors.New("disk full"), u.T("app.leave.quit"), func() {}) })
	dialog("the import problems", func() { u.showProblems(u.T("app.import.nothing"), []string{"x", "y"}) })
	dialog("the restore dialog without backups", u.restoreDialog)
	dialog("the backup message", u.backupNow)
	dialog("the restore dialog", u.restoreDialog)
	dialog("the damaged file dialog", func() { u.damaged(store.ErrDamaged); u.damage = nil })

	// An action, then the actions tab and presentation mode's closing screen.
	e.actions.startFor(e.rows[0].dim.Key)
	test.Type(e.actions.draft.text, "打电话")
	e.actions.addDraft()
	look("the actions tab with an action")

	// A blind round: hand-over, private screen, its warning, completion.
	keys := []string{e.rows[0].dim.Key, e.rows[1].dim.Key}
	u.beginRoundWith(canvas.RoundBlind, keys, nil)
	look("the hand-over screen")
	first := e.s.Round.Order[0]
	u.showPrivate(first)
	look("the private screen")
	test.Tap(buttonIn(t, u.Window().Content(), u.T("app.round.done")))
	look("the not everything placed question")
	dismissAll(u)
	u.backToEditor()
	look("the editor during a round")
	u.usePhones()
	look("the phone round's join screen")
	dialog("the take the laptop dialog", u.pickLaptopTurn)
	e.stopPhones()
	u.backToEditor()
	dialog("the early reveal question", u.reveal)
	for _, id := range e.s.Round.Order {
		for i, k := range keys {
			e.apply("", canvas.SetPlacement{Placement: canvas.Placement{Dimension: k, Participant: id, Value: 10 + 60*i, Confidence: 3}})
		}
		e.apply("", canvas.FinishTurn{ID: id})
	}
	u.continueRound()
	look("the round complete screen")
	u.reveal()
	for i := range e.tabs.Items {
		e.tabs.SelectIndex(i)
		look("the revealed editor's tab " + e.tabs.Items[i].Text)
	}
	e.tabs.SelectIndex(0)
	e.selectRow(1)
	look("the guidance of a revealed dimension")

	// Presentation mode, a dimension and the closing Actions screen.
	p := u.present()
	look("presentation mode")
	p.toggleReasons()
	look("presentation mode's reasons")
	p.showTensions()
	look("presentation mode's Tensions screen")
	p.move(1)
	look("presentation mode's closing screen")
	p.leave()

	// The tension the round's medians make (a customer at 10, decision
	// makers at 70): the tab, the accept dialog, and accepted, the tab and
	// the projector.
	ts := e.s.Tensions()
	if len(ts) == 0 {
		t.Fatal("the walk's session has no tension to show")
	}
	e.tensions.open(ts[0].Rule)
	look("the Tensions tab with a tension")
	dialog("the accept tension dialog", func() { e.tensions.acceptDialog(ts[0].Rule) })
	e.apply("", canvas.AcceptTension{Rule: ts[0].Rule, Reason: "为了试用"})
	look("the Tensions tab with an accepted tension")
	p = u.present()
	p.showTensions()
	look("presentation mode's accepted tensions")
	p.leave()
	u.showLargeChart()
	look("the larger chart")
	u.backToEditor()

	// A recorded round: the grid and a reason.
	u.beginRoundWith(canvas.RoundRecord, keys, nil)
	look("the record grid")
	v := newRecordView(u)
	forty := 40
	e.apply("", canvas.RecordValue{Participant: first, Dimension: keys[0], Value: &forty})
	v.editReason(first, keys[0])
	look("the reason dialog")
	dismissAll(u)
	u.backToEditor()

	// The session list with a session, and its dialogs.
	u.ShowHome()
	look("the session list")
	u.home.selectSession(e.s.ID)
	dialog("the rename dialog", u.home.renameSelected)
	dialog("the delete question", u.home.deleteSelected)
	_ = st
}

// walkComparison shows the comparison's dialogs and view, from the session
// list and from the editor, on the sessions of canvas/testdata/compare
// (walkEveryScreen's file is marked damaged by then).
func walkComparison(t *testing.T, tag lang.Tag, c *englishCheck) {
	u, _ := startUIIn(t, filepath.Join(t.TempDir(), "f.db"), tag)
	cv := u.Window().Canvas()
	look := func(where string) {
		t.Helper()
		c.check(t, where, shownTexts(u))
	}
	importCompareFixtures(t, u)
	u.compareWith()
	look("the compare hint with nothing selected")
	dismissAll(u)
	u.home.selectSession("nubia-q1")
	u.compareWith()
	look("the compare dialog without a previous session")
	dismissAll(u)
	u.home.selectSession("nubia-q3")
	u.compareWith()
	look("the compare dialog")
	key(cv, fyne.KeyReturn)
	look("the compare view from the list")
	u.comparing.swap()
	look("the compare view swapped")
	key(cv, fyne.KeyEscape)
	look("the session list after a comparison")

	if err := u.OpenSession("nubia-apart"); err != nil {
		t.Fatal(err)
	}
	u.compareWith()
	key(cv, fyne.KeyReturn)
	look("the compare view from the editor, no dimension in common")
	key(cv, fyne.KeyEscape)
	look("the editor after a comparison")
}

// TestStartUpProblemsSpeakTheLanguage: the windows shown when the file
// cannot be opened come before the main window and its words.
func TestStartUpProblemsSpeakTheLanguage(t *testing.T) {
	for _, tag := range []lang.Tag{lang.ZH, lang.ES} {
		c := newEnglishCheck(t, tag)
		for _, err := range []error{store.ErrLocked, store.ErrDamaged, store.ErrTooNew, errors.New("permission denied")} {
			a := test.NewTempApp(t)
			l := &Launcher{a: a, opt: Options{Lang: tag}}
			l.problem(filepath.Join(t.TempDir(), "f.db"), err)
			wins := a.Driver().AllWindows()
			w := wins[len(wins)-1]
			var texts []string
			for _, o := range rendered(w.Content()) {
				texts = append(texts, textsOf([]fyne.CanvasObject{o})...)
				if acc, ok := o.(*widget.Accordion); ok {
					for _, it := range acc.Items {
						texts = append(texts, it.Title)
					}
				}
			}
			c.check(t, string(tag)+" start-up problem "+err.Error(), texts)
			w.Close()
		}
	}
}

// TestTheCheckFindsEnglish makes sure the check above can fail: an English
// screen fails it.
func TestTheCheckFindsEnglish(t *testing.T) {
	c := newEnglishCheck(t, lang.ES)
	u, _ := startUIIn(t, filepath.Join(t.TempDir(), "f.db"), lang.EN)
	found := 0
	seen := map[string]bool{}
	for _, tx := range shownTexts(u) {
		if seen[tx] {
			continue
		}
		seen[tx] = true
		for _, p := range c.english {
			if p.MatchString(tx) {
				found++
				break
			}
		}
	}
	if found < 10 {
		t.Errorf("the English session list matched only %d English messages", found)
	}
}

// TestSwitchingLanguageRedrawsTheOpenEditor: Settings → Language changes
// the open editor's words at once, and keeps the session, the selected
// dimension, the side panel's tab and the undo history; the choice is
// remembered for the next start.
func TestSwitchingLanguageRedrawsTheOpenEditor(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	if err := u.createSession(canvas.TemplateQuick, "Q4", "Nubia CRM", ""); err != nil {
		t.Fatal(err)
	}
	e := u.editor
	c := u.Window().Canvas()
	c.Focus(e.rows[2].slider)
	pressKey(c, fyne.KeyPageUp)
	key := e.rows[2].dim.Key
	if got := e.s.Position(key).Current; got == nil {
		t.Fatal("the slider placed nothing")
	}
	moved := *e.s.Position(key).Current
	e.tabs.SelectIndex(3)
	before := shownTexts(u)
	for _, w := range []string{"Sessions", "Actions (0)", "Start round"} {
		if !hasText(before, w) {
			t.Fatalf("the English editor lacks %q", w)
		}
	}

	languageItem(t, u, "Español").Action()

	if u.editor != e {
		t.Fatal("switching the language closed the editor")
	}
	after := shownTexts(u)
	for _, w := range []string{"Sesiones", "Acciones (0)", "Iniciar ronda", "Perfil"} {
		if !hasText(after, w) {
			t.Errorf("after switching to Spanish the editor lacks %q", w)
		}
	}
	for _, w := range []string{"Sessions", "Actions (0)", "Start round", "File", "Edit"} {
		if hasText(after, w) {
			t.Errorf("after switching to Spanish the editor still shows %q", w)
		}
	}
	if !strings.Contains(u.Window().Title(), "(") || strings.Contains(u.Window().Title(), "saved") {
		t.Errorf("the window title is %q", u.Window().Title())
	}
	if e.selected != 2 || e.tabs.SelectedIndex() != 3 {
		t.Errorf("selected dimension %d, tab %d; want 2 and 3", e.selected, e.tabs.SelectedIndex())
	}
	if u.Window().Content() != e.content {
		t.Error("the window does not show the redrawn editor")
	}
	txt := u.words().DimensionOf(e.rows[2].dim)
	if !containsText(after, txt.Name) {
		t.Errorf("the guidance does not name the selected dimension %q", txt.Name)
	}
	if got := e.s.Position(key).Current; got == nil || *got != moved {
		t.Fatalf("the position changed to %v", got)
	}
	u.Undo()
	if got := e.s.Position(key).Current; got != nil {
		t.Errorf("undo after the switch left the position at %d", *got)
	}
	// The new slider is drawn from the session too.
	if v := int(e.rows[2].slider.Value); v == moved {
		t.Errorf("the redrawn slider did not follow the undo: %d", v)
	}
	u.Redo()
	if got := e.s.Position(key).Current; got == nil || *got != moved {
		t.Errorf("redo gave %v, want %d", got, moved)
	}

	// Remembered: the same app starts in Spanish, over the locale and
	// over --lang.
	opt := quietOptions
	opt.Lang = lang.ZH
	if got := chosenLang(u.app, opt); got != lang.ES {
		t.Errorf("the next start speaks %s, want es", got)
	}
	// System follows --lang again, and the list redraws in it.
	u.ShowHome()
	languageItem(t, u, "").Action()
	if u.lang != lang.EN {
		t.Errorf("System chose %s, want the options' en", u.lang)
	}
	if !hasText(shownTexts(u), "Fulcrum — ToB / ToC workshop sessions") {
		t.Error("the session list did not come back in English")
	}
}

// languageItem is Settings → Language → name; "" is the System item.
func languageItem(t *testing.T, u *UI, name string) *fyne.MenuItem {
	t.Helper()
	for _, m := range u.Window().MainMenu().Items {
		for _, it := range m.Items {
			if it.ChildMenu == nil || it.Label != u.T("app.menu.language") {
				continue
			}
			for _, l := range it.ChildMenu.Items {
				if l.Label == name || (name == "" && l.Action != nil && strings.Contains(l.Label, "(")) {
					return l
				}
			}
		}
	}
	t.Fatalf("no Settings → Language → %q", name)
	return nil
}

// TestSwitchingLanguageOnARoundScreen: the private screen is drawn again in
// the new language and stays the same person's.
func TestSwitchingLanguageOnARoundScreen(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	if err := u.createSession(canvas.TemplateQuick, "Q4", "Nubia CRM", ""); err != nil {
		t.Fatal(err)
	}
	addPeople(t, u, [2]string{"Ana", ""}, [2]string{"Bo", ""})
	e := u.editor
	u.beginRoundWith(canvas.RoundBlind, []string{e.rows[0].dim.Key}, nil)
	u.showPrivate(e.s.Round.Order[0])
	languageItem(t, u, "中文").Action()
	texts := textsOf(rendered(u.Window().Content()))
	if !containsText(texts, "Ana —— 你的私密打分") {
		t.Errorf("the private screen was not redrawn in Chinese: %q", texts)
	}
	if !u.undoOff {
		t.Error("undo came back on during a blind round")
	}
}

// TestPDFDialogOffersTheLanguage: Ctrl+E asks the report's language,
// the interface's by default, and the export takes the one chosen.
func TestPDFDialogOffersTheLanguage(t *testing.T) {
	u, st := startUIIn(t, filepath.Join(t.TempDir(), "f.db"), lang.ES)
	if err := u.createSession(canvas.TemplateQuick, "Q4", "Nubia CRM", ""); err != nil {
		t.Fatal(err)
	}
	_ = st
	var got []exportJob
	u.pdfDialog(exportJob{lang: u.lang}, func(j exportJob) { got = append(got, j) })
	dlg := u.Window().Canvas().Overlays().Top()
	radios := renderedOf[*keyRadio](dlg)
	if len(radios) != 1 || radios[0].Selected != "Español" {
		t.Fatalf("the PDF dialog offers %d choices, selected %q", len(radios), radios[0].Selected)
	}
	radios[0].SetSelected("中文")
	test.Tap(buttonIn(t, dlg, u.T("app.export.pdf.choose")))
	if len(got) != 1 || got[0].lang != lang.ZH {
		t.Fatalf("the export was asked for %+v, want zh", got)
	}
}

// TestDatesAndNumbersInTheLanguage: the session list writes dates and the
// editor decimals the language's way.
func TestDatesAndNumbersInTheLanguage(t *testing.T) {
	when := time.Date(2026, 11, 28, 20, 5, 0, 0, time.Local)
	for tag, want := range map[lang.Tag]string{lang.EN: "28 Nov 2026 20:05", lang.ZH: "2026年11月28日 20:05", lang.ES: "28 nov 2026 20:05"} {
		u := &UI{lang: tag}
		if got := u.dateTime(when); got != want {
			t.Errorf("%s: %q, want %q", tag, got, want)
		}
	}
	if got := (&UI{lang: lang.ES}).decimal(42.5); got != "42,5" {
		t.Errorf("Spanish decimal %q", got)
	}
	if got := (&UI{lang: lang.ZH}).N("app.home.count", 1); got != "共 1 场研讨会" {
		t.Errorf("Chinese count %q", got)
	}
	if got := (&UI{lang: lang.ES}).N("app.home.count", 1); got != "1 sesión" {
		t.Errorf("Spanish singular %q", got)
	}
}

// TestKeyTablesAreMessages: every key table's description is a message
// defined in every language, so F1 lists them in the interface's.
func TestKeyTablesAreMessages(t *testing.T) {
	var whats []string
	for _, k := range dialogKeys {
		whats = append(whats, k.what)
	}
	for _, k := range listKeys {
		whats = append(whats, k.what)
	}
	for _, k := range presentKeys {
		whats = append(whats, k.what)
	}
	for _, k := range sliderKeys {
		whats = append(whats, k.what)
	}
	for _, k := range largeChartKeys {
		whats = append(whats, k.what)
	}
	for _, k := range compareKeys {
		whats = append(whats, k.what)
	}
	for _, k := range editorKeys {
		whats = append(whats, k.what)
	}
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	for _, b := range u.bindings {
		whats = append(whats, b.what)
	}
	for _, tag := range lang.Tags() {
		w := lang.For(tag)
		for _, k := range whats {
			if got := w.T(k); got == k {
				t.Errorf("%s: key table entry %q is not a message", tag, k)
			}
		}
	}
}

// TestRefusalsSpeakTheLanguage: a rule canvas enforces reaches the person
// in the interface's words, not canvas's English.
func TestRefusalsSpeakTheLanguage(t *testing.T) {
	u, _ := startUIIn(t, filepath.Join(t.TempDir(), "f.db"), lang.ES)
	if err := u.createSession(canvas.TemplateQuick, "Q4", "Nubia CRM", ""); err != nil {
		t.Fatal(err)
	}
	u.editor.people.add() // no name typed
	texts := textsOf(onScreen(u))
	if !containsText(texts, "Cada participante necesita un nombre.") || containsText(texts, canvas.ErrNameRequired.Error()) {
		t.Errorf("the refusal reads %q", texts)
	}
}
