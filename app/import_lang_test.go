package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// TestImportProblemsSpeakTheLanguage: File → Import of a bad file lists
// each problem with the file's name and field path as they are, and what
// is wrong in the interface's language, not canvas's English.
func TestImportProblemsSpeakTheLanguage(t *testing.T) {
	for _, tc := range []struct {
		tag  lang.Tag
		want []string
	}{
		{lang.ZH, []string{`：TITLE：未知字段（是否想写 "title"？）`, "：placements[0].value：120 超出 0 到 100 的范围"}},
		{lang.ES, []string{`: TITLE: campo desconocido (¿quiso decir "title"?)`, ": placements[0].value: 120 está fuera del rango de 0 a 100"}},
	} {
		u, _ := startUIIn(t, filepath.Join(t.TempDir(), "f.db"), tc.tag)
		path := filepath.Join(t.TempDir(), "q4.json")
		bad := `{"format": "fulcrum-session", "version": 1, "TITLE": "Q4", "dimensions": ["customer"],
 "participants": [{"id": "li", "name": "Li"}],
 "placements": [{"dimension": "customer", "participant": "li", "value": 120}]}`
		if err := os.WriteFile(path, []byte(bad), 0o600); err != nil {
			t.Fatal(err)
		}
		u.importFile(path)
		texts := strings.Join(topTexts(t, u), "\n")
		for _, w := range tc.want {
			if !strings.Contains(texts, path+w) {
				t.Errorf("%s: the import's problems do not say %q:\n%s", tc.tag, path+w, texts)
			}
		}
		for _, english := range []string{"unknown field", "did you mean", "is outside"} {
			if strings.Contains(texts, english) {
				t.Errorf("%s: the import's problems still say %q:\n%s", tc.tag, english, texts)
			}
		}
	}
}

// TestRefusedSettingsSpeakTheLanguage: a session's settings out of range,
// as canvas refuses them, reach the person in the interface's words.
func TestRefusedSettingsSpeakTheLanguage(t *testing.T) {
	u, _ := startUIIn(t, filepath.Join(t.TempDir(), "f.db"), lang.ZH)
	u.showError(u.T("app.settings.title"), canvas.Settings{Threshold: 500}.Check())
	texts := strings.Join(topTexts(t, u), "\n")
	if !strings.Contains(texts, "settings.threshold：500 超出 1 到 100 的范围") || strings.Contains(texts, "is outside") {
		t.Errorf("the refusal reads %q", texts)
	}
}
