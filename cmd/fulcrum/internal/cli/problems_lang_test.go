package cli_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/cmd/fulcrum/internal/cli"
)

// problemsEnglish holds the English of canvas's problems with a file.
const problemsEnglish = "../../../../assets/lang/messages/problems.en.json"

// problemSentences are the English problem messages cut at their
// arguments, keeping the pieces of two words or more.
func problemSentences(t *testing.T) []string { return sentencesOf(t, problemsEnglish, 30) }

// badSessionFile has a value out of range, a key in the wrong case, a
// dimension the catalogue lacks and a participant without a name;
// badTypeFile has a version of the wrong type, which stops the decoding.
const (
	badSessionFile = `{"format": "fulcrum-session", "version": 1, "TITLE": "Q4",
 "dimensions": ["customer", "nope"],
 "participants": [{"id": "li", "name": " "}],
 "placements": [{"dimension": "customer", "participant": "li", "value": 120}]}`
	badTypeFile = `{"format": "fulcrum-session", "version": "1"}`
)

// TestImportProblemsInTheReadersLanguage: `fulcrum import` of a bad file
// names the file and each field path as the file has them, and says what
// is wrong in the reader's language, with none of the English sentences.
func TestImportProblemsInTheReadersLanguage(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, filepath.Join(dir, "q4.json"), badSessionFile)
	typed := writeFile(t, filepath.Join(dir, "v.json"), badTypeFile)
	english := problemSentences(t)
	want := map[string][]string{
		"en": {
			file + ": placements[0].value: 120 is outside 0 to 100",
			file + `: TITLE: unknown field (did you mean "title"?)`,
			file + `: dimensions[1]: unknown dimension key "nope"`,
			typed + ": version: expected an integer, got JSON string",
			file + ": participants[0].name: is required",
		},
		"zh": {
			file + "：placements[0].value：120 超出 0 到 100 的范围",
			file + `：TITLE：未知字段（是否想写 "title"？）`,
			file + `：dimensions[1]：未知的维度键 "nope"`,
			typed + "：version：应为整数，实际是 JSON 字符串",
			file + "：participants[0].name：为必填项",
		},
		"es": {
			file + ": placements[0].value: 120 está fuera del rango de 0 a 100",
			file + `: TITLE: campo desconocido (¿quiso decir "title"?)`,
			file + `: dimensions[1]: clave de dimensión desconocida "nope"`,
			typed + ": version: se esperaba un número entero, pero hay un valor JSON de tipo cadena",
			file + ": participants[0].name: es obligatorio",
		},
	}
	for tag, lines := range want {
		r := runEnv(t, langEnv(tag), "import", "--db", filepath.Join(dir, tag+".db"), file, typed)
		if r.code != cli.ExitError {
			t.Errorf("%s: import of a bad file: exit %d, want %d", tag, r.code, cli.ExitError)
		}
		for _, line := range lines {
			if !strings.Contains(r.stderr, line+"\n") {
				t.Errorf("%s: stderr lacks %q:\n%s", tag, line, r.stderr)
			}
		}
		if tag == "en" {
			continue
		}
		for _, s := range english {
			if strings.Contains(r.stderr, s) {
				t.Errorf("%s: stderr still says %q:\n%s", tag, s, r.stderr)
			}
		}
	}
}
