package lang

import "embed"

// Fyne's own widgets (the file dialogs, the calendar, its dialog buttons)
// take their words from Fyne's lang package, which picks a language once,
// from the system's locale. fyne/ holds Fyne's translations of those
// words (Fyne's BSD licence beside them), so the app can load the
// chosen language's under the system's locale and Fyne follows the
// choice too.
//
//go:embed fyne/en.json fyne/zh.json fyne/es.json
var fyneFiles embed.FS

// FyneWords is Fyne's own translation for t, in the JSON form Fyne's
// lang.AddTranslationsForLocale reads.
func FyneWords(t Tag) []byte {
	b, err := fyneFiles.ReadFile("fyne/" + string(t) + ".json")
	if err != nil {
		b, _ = fyneFiles.ReadFile("fyne/en.json")
	}
	return b
}
