package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/cmd/fulcrum/internal/cli"
)

// The command line's own words are the messages of its area; the test
// reads the English file itself, so a sentence added there is checked
// without anyone listing it here.
const cliEnglish = "../../../../assets/lang/messages/cli.en.json"

// englishSentences are the pieces of English the command line writes.
func englishSentences(t *testing.T) []string { return sentencesOf(t, cliEnglish, 50) }

// sentencesOf cuts each English message of the catalogue file at path
// (both plural forms) at its arguments, keeping the pieces of two words or
// more. Single words ("ID", "Options:") are left out: a term may stay the
// same in another language. Fewer than least pieces means the file was
// not read as meant.
func sentencesOf(t *testing.T, path string, least int) []string {
	t.Helper()
	var msgs map[string]json.RawMessage
	if err := json.Unmarshal(readFile(t, path), &msgs); err != nil {
		t.Fatal(err)
	}
	verb := regexp.MustCompile(`%[-+# 0]*\d*\[\d+\][a-zA-Z]`)
	words := regexp.MustCompile(`[A-Za-z]+`)
	var out []string
	for key, raw := range msgs {
		var texts []string
		var s string
		if json.Unmarshal(raw, &s) == nil {
			texts = []string{s}
		} else {
			var forms map[string]string
			if err := json.Unmarshal(raw, &forms); err != nil {
				t.Fatalf("%s: %v", key, err)
			}
			for _, f := range forms {
				texts = append(texts, f)
			}
		}
		for _, text := range texts {
			for _, piece := range verb.Split(text, -1) {
				piece = strings.Trim(piece, " :;,.()'\"?")
				if len(words.FindAllString(piece, -1)) >= 2 {
					out = append(out, piece)
				}
			}
		}
	}
	if len(out) < least {
		t.Fatalf("found only %d English sentences in %s", len(out), path)
	}
	return out
}

func langEnv(tag string) *cli.Env {
	return envWith(map[string]string{"FULCRUM_LANG": tag})
}

// TestNoEnglishInChineseAndSpanish: the help, every command's --help, the
// session list (empty and full), usage errors and failures carry none of
// the English sentences of the command line's catalogue.
func TestNoEnglishInChineseAndSpanish(t *testing.T) {
	english := englishSentences(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	importIDs(t, db, writeJSONFile(t, filepath.Join(dir, "a.json"), indexSession()))
	empty := filepath.Join(dir, "none.db")
	runs := [][]string{
		{"help"},
		{"list", "--db", db},
		{"list", "--db", empty},
		{"list", "--db", db, "--bogus"},
		{"list", "--db", db, "extra"},
		{"export", "--db", db, "a-index"},
		{"export", "--db", db, "a-index", "--json"},
		{"export", "--db", db, "a-index", "--paper", "a5", "--json", "-"},
		{"export", "--db", db, "a-index", "--json", db},
		{"summary", "--db", db, "a-index"},
		{"summary", "--db", db, "nope", "--json"},
		{"import", "--db", db},
		{"check", "--db", db},
		{"check", "--db", filepath.Join(dir, "missing.db")},
		{"restore", "--db", db},
		{"backup", "--db", db, "a", "b"},
		{"bogus"},
	}
	for _, name := range []string{"list", "import", "export", "summary", "catalogue", "check", "backup", "restore"} {
		runs = append(runs, []string{name, "--help"})
	}
	for _, tag := range []string{"zh", "es"} {
		for _, args := range runs {
			r := runEnv(t, langEnv(tag), args...)
			if r.stdout+r.stderr == "" {
				t.Errorf("%s %q: wrote nothing", tag, args)
			}
			for _, s := range english {
				if strings.Contains(r.stdout, s) || strings.Contains(r.stderr, s) {
					t.Errorf("%s %q still says %q:\n%s%s", tag, args, s, r.stdout, r.stderr)
				}
			}
		}
	}
}

// TestLanguagePrecedenceForEveryCommand: a command other than catalogue
// follows --lang, then FULCRUM_LANG, then LC_ALL, LC_MESSAGES and LANG;
// --lang may come before the command name.
func TestLanguagePrecedenceForEveryCommand(t *testing.T) {
	empty := map[string]string{"en": "No sessions yet.", "zh": "还没有会话。", "es": "Todavía no hay sesiones."}
	db := filepath.Join(t.TempDir(), "none.db")
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{"nothing set", nil, nil, "en"},
		{"LANG", nil, map[string]string{"LANG": "zh_CN.UTF-8"}, "zh"},
		{"LC_MESSAGES over LANG", nil, map[string]string{"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "es_MX.UTF-8"}, "es"},
		{"LC_ALL over LC_MESSAGES", nil, map[string]string{"LC_MESSAGES": "es_MX.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, "zh"},
		{"LC_ALL not spoken is English", nil, map[string]string{"LC_ALL": "de_DE.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"},
		{"FULCRUM_LANG over locale", nil, map[string]string{"LC_ALL": "zh_CN.UTF-8", "FULCRUM_LANG": "es"}, "es"},
		{"flag over FULCRUM_LANG", []string{"--lang", "zh"}, map[string]string{"FULCRUM_LANG": "es", "LANG": "es_ES.UTF-8"}, "zh"},
		{"flag=value", []string{"--lang=en"}, map[string]string{"FULCRUM_LANG": "zh"}, "en"},
		{"flag before the command", []string{"BEFORE", "-lang", "es"}, map[string]string{"FULCRUM_LANG": "zh"}, "es"},
		{"last flag wins", []string{"--lang", "zh", "--lang", "es"}, nil, "es"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := []string{"list", "--db", db}
			if len(tt.args) > 0 && tt.args[0] == "BEFORE" {
				args = append(tt.args[1:], args...)
			} else {
				args = append(args, tt.args...)
			}
			r := runEnv(t, envWith(tt.env), args...)
			if r.code != cli.ExitOK || strings.TrimSpace(r.stdout) != empty[tt.want] {
				t.Errorf("fulcrum %q with %v: exit %d, stdout %q, stderr %q; want %q", args, tt.env, r.code, r.stdout, r.stderr, empty[tt.want])
			}
		})
	}
}

// TestUnknownLanguageIsAUsageError: a language Fulcrum does not speak, in
// the flag or the variable, stops every command with exit 2, naming where
// it came from, before anything is read or written.
func TestUnknownLanguageIsAUsageError(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "u.db")
	small := writeJSONFile(t, filepath.Join(dir, "s.json"), indexSession())
	tests := []struct {
		args []string
		env  map[string]string
		want string
	}{
		{[]string{"list", "--db", db, "--lang", "fr"}, nil, `--lang: unknown language "fr"`},
		{[]string{"--lang", "fr", "import", "--db", db, small}, nil, `--lang: unknown language "fr"`},
		{[]string{"import", "--db", db, small}, map[string]string{"FULCRUM_LANG": "klingon"}, `FULCRUM_LANG: unknown language "klingon"`},
		{[]string{"help"}, map[string]string{"FULCRUM_LANG": "de"}, `FULCRUM_LANG: unknown language "de"`},
		// Said in the language the locale chose.
		{[]string{"list", "--db", db, "--lang=fr"}, map[string]string{"LANG": "zh_CN.UTF-8"}, `--lang：不支持的语言 "fr"`},
		{[]string{"check", "--db", db}, map[string]string{"FULCRUM_LANG": "fr", "LANG": "es_ES.UTF-8"}, `FULCRUM_LANG: idioma desconocido "fr"`},
	}
	for _, tt := range tests {
		r := runEnv(t, envWith(tt.env), tt.args...)
		if r.code != cli.ExitUsage || r.stdout != "" || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("fulcrum %q with %v: exit %d, stdout %q, stderr %q; want exit 2 and %q",
				tt.args, tt.env, r.code, r.stdout, r.stderr, tt.want)
		}
	}
	assertNotExist(t, db)
}

// TestJSONIsTheSameInEveryLanguage: list --json and summary --json are
// byte for byte the same whatever the language, and export --json too.
func TestJSONIsTheSameInEveryLanguage(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "j.db")
	importIDs(t, db, writeJSONFile(t, filepath.Join(dir, "a.json"), indexSession()), examplePath(t))
	for _, args := range [][]string{
		{"list", "--db", db, "--json"},
		{"summary", "--db", db, "a-index", "--json"},
		{"export", "--db", db, "a-index", "--json", "-"},
	} {
		en := runEnv(t, langEnv("en"), args...)
		if en.code != cli.ExitOK || en.stdout == "" {
			t.Fatalf("fulcrum %q: exit %d, stderr %s", args, en.code, en.stderr)
		}
		for _, tag := range []string{"zh", "es"} {
			r := runEnv(t, envWith(map[string]string{"LANG": tag}), append(args, "--lang", tag)...)
			if r.code != cli.ExitOK || r.stdout != en.stdout {
				t.Errorf("fulcrum %q --lang %s: exit %d, JSON differs from English:\n%s\nvs\n%s", args, tag, r.code, r.stdout, en.stdout)
			}
		}
	}
}

// TestPlurals: counts are said the way each language says them.
func TestPlurals(t *testing.T) {
	dir := t.TempDir()
	one := filepath.Join(dir, "one.db")
	two := filepath.Join(dir, "two.db")
	importIDs(t, one, examplePath(t))
	importIDs(t, two, examplePath(t), examplePath(t))
	for _, tc := range []struct {
		tag, db, want string
	}{
		{"en", one, ": ok, 1 session\n"}, {"en", two, ": ok, 2 sessions\n"},
		{"es", one, ": correcto, 1 sesión\n"}, {"es", two, ": correcto, 2 sesiones\n"},
		{"zh", one, "：完好，1 个会话\n"}, {"zh", two, "：完好，2 个会话\n"},
	} {
		r := runEnv(t, langEnv(tc.tag), "check", "--db", tc.db)
		if r.code != cli.ExitOK || r.stdout != tc.db+tc.want {
			t.Errorf("check (%s) of %s: exit %d, %q; want %q", tc.tag, filepath.Base(tc.db), r.code, r.stdout, tc.db+tc.want)
		}
	}
	// A failed print after a committed import says how many were
	// imported, with the count's own form.
	for _, tc := range []struct {
		tag   string
		files int
		want  string
	}{
		{"en", 1, "imported 1 session, but could not print its id"},
		{"en", 3, "imported 3 sessions, but could not print their ids"},
		{"es", 1, "se importó 1 sesión, pero no se pudo imprimir su id"},
		{"es", 3, "se importaron 3 sesiones, pero no se pudieron imprimir sus id"},
		{"zh", 3, "已导入 3 个会话，但无法输出它们的 ID"},
	} {
		files := make([]string, tc.files)
		for i := range files {
			files[i] = examplePath(t)
		}
		env := langEnv(tc.tag)
		env.Stdout = failWriter{}
		r := runEnv(t, env, append([]string{"import", "--db", filepath.Join(t.TempDir(), "p.db")}, files...)...)
		if r.code != cli.ExitError || !strings.Contains(r.stderr, tc.want) || !strings.Contains(r.stderr, errNoSpace.Error()) {
			t.Errorf("import of %d (%s) to a full stdout: exit %d, stderr %q; want %q", tc.files, tc.tag, r.code, r.stderr, tc.want)
		}
	}
}

// TestErrorsInTheReadersLanguage: a failure says what was being done and
// why in the chosen language, keeping the paths and ids as they are.
func TestErrorsInTheReadersLanguage(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "e.db")
	importIDs(t, db, writeJSONFile(t, filepath.Join(dir, "a.json"), indexSession()))
	for _, tc := range []struct {
		tag  string
		args []string
		want []string
	}{
		{"zh", []string{"summary", "--db", db, "nope", "--json"}, []string{"无法从 " + db + " 读取会话 nope", "找不到这个会话"}},
		{"es", []string{"summary", "--db", db, "nope", "--json"}, []string{"no se puede leer la sesión nope de " + db, "no se encontró la sesión"}},
		{"zh", []string{"export", "--db", db, "a-index", "--json", db}, []string{"无法写入 " + db, "导出绝不会覆盖它"}},
		{"es", []string{"check", "--db", filepath.Join(dir, "missing.db")}, []string{"archivo de sesiones " + filepath.Join(dir, "missing.db"), "no existe el archivo"}},
		{"zh", []string{"list", "--db", db, "--bogus"}, []string{"没有这个选项：-bogus", "用法：fulcrum list"}},
		{"es", []string{"export", "--db", db, "a-index", "--json"}, []string{"la opción -json necesita un valor", "Uso: fulcrum export"}},
		{"es", []string{"list", "--db", db, "--json=quizá"}, []string{`el valor "quizá" de -json no es válido`}},
	} {
		r := runEnv(t, langEnv(tc.tag), tc.args...)
		if r.code == cli.ExitOK {
			t.Errorf("%s %q: exit 0", tc.tag, tc.args)
		}
		for _, w := range tc.want {
			if !strings.Contains(r.stderr, w) {
				t.Errorf("%s %q: stderr lacks %q:\n%s", tc.tag, tc.args, w, r.stderr)
			}
		}
	}
}

// TestDamageInEveryLanguage: a damaged file is told by exit code 3 in
// every language, which is all the window's start-up check reads.
func TestDamageInEveryLanguage(t *testing.T) {
	bad := writeFile(t, filepath.Join(t.TempDir(), "bad.db"), strings.Repeat("not a database ", 4000))
	want := map[string]string{"en": "the file is damaged", "zh": "文件已损坏", "es": "el archivo está dañado"}
	for _, tag := range lang.Tags() {
		r := runEnv(t, langEnv(string(tag)), "check", "--db", bad)
		if r.code != cli.ExitDamaged || !strings.Contains(r.stderr, want[string(tag)]) {
			t.Errorf("check (%s) of a damaged file: exit %d, stderr %q; want %d and %q", tag, r.code, r.stderr, cli.ExitDamaged, want[string(tag)])
		}
	}
}

// TestListColumnsLineUpInChinese: the table pads by terminal cells, where
// a Chinese character takes two, so every row's columns start where the
// header's do.
func TestListColumnsLineUpInChinese(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "l.db")
	s := indexSession()
	s["title"] = "第四季度定位"
	importIDs(t, db, writeJSONFile(t, filepath.Join(dir, "a.json"), s), examplePath(t))
	r := runEnv(t, langEnv("zh"), "list", "--db", db)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if r.code != cli.ExitOK || len(lines) != 3 {
		t.Fatalf("list: exit %d, %q", r.code, r.stdout)
	}
	starts := func(line string) []int {
		var cols []int
		cell, prevSpace, spaces := 0, false, 0
		for _, c := range line {
			if c == ' ' {
				spaces++
			} else {
				if prevSpace && spaces >= 2 {
					cols = append(cols, cell)
				}
				spaces = 0
			}
			prevSpace = c == ' '
			if c >= 0x2E80 {
				cell += 2
			} else {
				cell++
			}
		}
		return cols
	}
	// The id, date, index and label columns hold no single spaces but
	// the date's, so the first four starts are comparable on every row.
	head := starts(lines[0])
	for _, l := range lines[1:] {
		got := starts(l)
		if len(got) < 4 || len(head) < 4 || !equalInts(got[:4], head[:4]) {
			t.Errorf("columns of %q start at %v, the header's at %v", l, got, head)
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestStartGivesTheWindowItsLanguage: the bare invocation resolves the
// language the same way, and hands it, with the session file, to the app.
func TestStartGivesTheWindowItsLanguage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	for _, tc := range []struct {
		args []string
		env  map[string]string
		want lang.Tag
	}{
		{nil, nil, lang.EN},
		{nil, map[string]string{"LANG": "es_ES.UTF-8"}, lang.ES},
		{nil, map[string]string{"LANG": "es_ES.UTF-8", "FULCRUM_LANG": "zh"}, lang.ZH},
		{[]string{"--lang", "en"}, map[string]string{"FULCRUM_LANG": "zh"}, lang.EN},
		{[]string{"--db", db, "--lang=es"}, map[string]string{"LC_ALL": "zh_CN.UTF-8"}, lang.ES},
	} {
		env := envWith(tc.env)
		var stderr strings.Builder
		env.Stderr = &stderr
		g, code, ok := cli.Start(env, tc.args)
		if !ok || code != cli.ExitOK || g.Lang != tc.want || stderr.Len() > 0 {
			t.Errorf("Start(%q) with %v = %+v, %d, %v, stderr %q; want the window in %s", tc.args, tc.env, g, code, ok, stderr.String(), tc.want)
		}
	}
	env := envWith(nil)
	env.DefaultDB = filepath.Join(t.TempDir(), "default.db")
	if g, _, _ := cli.Start(env, []string{"--db", db}); g.DB != db {
		t.Errorf("Start(--db %s) opens %q", db, g.DB)
	}
	if g, _, _ := cli.Start(env, nil); g.DB != env.DefaultDB && os.Getenv(cli.EnvDB) == "" {
		t.Errorf("Start() opens %q, want the default %q", g.DB, env.DefaultDB)
	}
	for _, tc := range []struct {
		args []string
		env  map[string]string
		want string
	}{
		{[]string{"--lang", "fr"}, nil, `--lang: unknown language "fr"`},
		{nil, map[string]string{"FULCRUM_LANG": "xx"}, `FULCRUM_LANG: unknown language "xx"`},
		{[]string{"--db", db, "extra"}, map[string]string{"LANG": "zh_CN.UTF-8"}, `没有这个命令："extra"`},
		{[]string{"--nope"}, map[string]string{"FULCRUM_LANG": "es"}, "esta opción no existe: -nope"},
	} {
		env := envWith(tc.env)
		var stdout, stderr strings.Builder
		env.Stdout, env.Stderr = &stdout, &stderr
		_, code, ok := cli.Start(env, tc.args)
		if ok || code != cli.ExitUsage || stdout.Len() > 0 || !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("Start(%q) with %v: ok %v, exit %d, stderr %q; want exit 2 and %q", tc.args, tc.env, ok, code, stderr.String(), tc.want)
		}
	}
	// Help and subcommands run here, in the chosen language.
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--lang", "zh", "--help"}, "用法："},
		{[]string{"-h", "--lang=es"}, "Uso:"},
		{[]string{"--lang", "es", "list", "--db", db}, "Todavía no hay sesiones."},
	} {
		env := envWith(nil)
		var stdout, stderr strings.Builder
		env.Stdout, env.Stderr = &stdout, &stderr
		_, code, ok := cli.Start(env, tc.args)
		if ok || code != cli.ExitOK || !strings.Contains(stdout.String(), tc.want) {
			t.Errorf("Start(%q): ok %v, exit %d, stdout %q, stderr %q; want %q", tc.args, ok, code, stdout.String(), stderr.String(), tc.want)
		}
	}
	assertNotExist(t, db)
}
