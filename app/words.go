package app

import (
	"errors"
	"fmt"
	fynelang "fyne.io/fyne/v2/lang"
	"os"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// prefLang remembers the language chosen under Settings → Language; empty
// (or absent) follows Options.Lang, and that the system's locale.
const prefLang = "app.lang"

// words is the language the interface speaks. Every word the interface
// shows comes through here, so switching the language (setLanguage) is a
// matter of drawing the screen again.
func (u *UI) words() *lang.Words { return lang.For(u.lang) }

// T is the interface's message key in its language (see lang.Words.T).
func (u *UI) T(key string, args ...any) string { return u.words().T(key, args...) }

// N is the plural message key for n in the interface's language.
func (u *UI) N(key string, n int, args ...any) string { return u.words().N(key, n, args...) }

// chosenLang is the language the interface starts in: the one chosen in the
// app (a preference), else the caller's (--lang, FULCRUM_LANG), else the
// system's locale.
func chosenLang(a fyne.App, opt Options) lang.Tag {
	if t, err := lang.Parse(a.Preferences().String(prefLang)); err == nil {
		return t
	}
	if opt.Lang != "" {
		return opt.Lang
	}
	return lang.FromLocale(osEnv)
}

// speakFyne makes Fyne's own words (file dialogs, calendar, its buttons)
// follow t: Fyne chose its language from the locale at start, so t's
// translation is loaded under the locale Fyne chose.
func speakFyne(t lang.Tag) {
	if err := fynelang.AddTranslationsForLocale(lang.FyneWords(t), fynelang.SystemLocale()); err != nil {
		fyne.LogError("load Fyne's words for "+string(t), err)
	}
}

// osEnv reads the environment; a variable so the language's sources stay
// in one place.
var osEnv = os.Getenv

// dateTime is a date and time of day as the interface's language writes
// them in lists: 28 Nov 2026 20:00, 2026年11月28日 20:00.
func (u *UI) dateTime(t time.Time) string {
	t = t.Local()
	month := u.T("app.month.short." + strconv.Itoa(int(t.Month())))
	return u.T("app.date.time", u.T("app.date.short", t.Day(), month, t.Year()), t.Format("15:04"))
}

// decimal writes f to one decimal place with the language's decimal sign.
func (u *UI) decimal(f float64) string {
	return strings.Replace(oneDecimal(f), ".", u.T("app.number.decimal-sep"), 1)
}

// dimText is the text of one of the session's dimensions in the
// interface's language: built-in ones by key, whatever wording the session
// was saved with.
func (u *UI) dimText(d canvas.Dimension) lang.DimensionText { return u.words().DimensionOf(d) }

// chartLabels puts the interface's words on the chart: its rows, groups,
// index, poles and legend.
func (u *UI) chartLabels(o canvas.ChartOptions) canvas.ChartOptions {
	w := u.words()
	o.DimensionName = func(d canvas.Dimension) string { return w.DimensionOf(d).Name }
	o.GroupName = w.Group
	o.Words = w
	return o
}

// Fyne's own information, confirmation and error dialogs name their
// buttons in the system's language, fixed when the process starts; these
// rename them in the interface's, so that a language chosen in the app
// reaches them too.

// inform shows a message with one button.
func (u *UI) inform(title, msg string) {
	d := dialog.NewInformation(title, msg, u.win)
	d.SetDismissText(u.T("app.dialog.ok"))
	u.show(d)
}

// confirm asks a yes/no question; done gets the answer.
func (u *UI) confirm(title, msg string, done func(bool)) {
	d := dialog.NewConfirm(title, msg, done, u.win)
	d.SetConfirmText(u.T("app.dialog.yes"))
	d.SetDismissText(u.T("app.dialog.no"))
	u.show(d)
}

// showError shows err under the words of what failed (context). A refusal
// canvas names with a sentinel is said in the interface's words; any other
// error is wrapped, not replaced, so its details stay on screen.
func (u *UI) showError(context string, err error) {
	for _, s := range refusals {
		if errors.Is(err, s.err) {
			u.errorBox(fmt.Errorf("%s: %s", context, u.T(s.key)))
			return
		}
	}
	if text, ok := u.words().Problems(err); ok {
		u.errorBox(fmt.Errorf("%s: %s", context, text))
		return
	}
	u.errorBox(fmt.Errorf("%s: %w", context, err))
}

// refusals are the rules canvas enforces that a person can run into from
// the interface, with the message that explains each.
var refusals = []struct {
	err error
	key string
}{
	{canvas.ErrNoProposal, "app.refused.no-proposal"},
	{canvas.ErrNameRequired, "app.refused.name-required"},
	{canvas.ErrTooManyPeople, "app.refused.too-many-people"},
	{canvas.ErrNoParticipants, "app.round.no-people"},
	{canvas.ErrLastInRound, "app.refused.last-in-round"},
	{canvas.ErrNobodyElse, "app.refused.nobody-else"},
	{canvas.ErrValueRange, "app.refused.value-range"},
	{canvas.ErrNoValue, "app.refused.no-value"},
	{canvas.ErrActionText, "app.actions.hint.text"},
}

// errorBox shows err in a dialog titled Error in the interface's words.
func (u *UI) errorBox(err error) { u.inform(u.T("app.dialog.error"), err.Error()) }
