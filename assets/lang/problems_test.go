package lang

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// argRE finds the arguments of a message: "%[2]q", "%04[1]X".
var argRE = regexp.MustCompile(`%[-+# 0]*\d*\[(\d+)\]([a-zA-Z])`)

// sampleProblem is a problem of kind with one made-up argument for each
// argument its English message takes, of the type the verb prints.
func sampleProblem(t *testing.T, kind canvas.ProblemKind) canvas.Problem {
	t.Helper()
	m, ok := For(EN).messages["problems."+string(kind)]
	if !ok {
		t.Fatalf("problem kind %q has no English words", kind)
	}
	text := m.text + m.plural["other"]
	args := map[int]any{}
	for _, v := range argRE.FindAllStringSubmatch(text, -1) {
		i := int(v[1][0] - '0')
		switch v[2] {
		case "d", "X":
			args[i] = 7
		default:
			args[i] = "sample"
		}
	}
	if strings.HasPrefix(string(kind), "expected-") {
		args[1] = canvas.JSONValue("number 1.5")
	}
	p := canvas.Problem{Field: "placements[2].value", Kind: kind}
	for i := 1; i <= len(args); i++ {
		a, ok := args[i]
		if !ok {
			t.Fatalf("%s: argument %d is never used", kind, i)
		}
		p.Args = append(p.Args, a)
	}
	return p
}

// TestEveryProblemKindHasWords: each kind canvas has is worded in every
// language, the English as canvas's own (so errors, logs and the screen
// agree), and the others without the English message's words.
func TestEveryProblemKindHasWords(t *testing.T) {
	kinds := canvas.ProblemKinds()
	if len(kinds) < 40 {
		t.Fatalf("canvas lists only %d problem kinds", len(kinds))
	}
	words := regexp.MustCompile(`[A-Za-z]+`)
	for _, kind := range kinds {
		p := sampleProblem(t, kind)
		en := For(EN).Problem(p)
		if en != p.String() {
			t.Errorf("%s: English words %q, canvas says %q", kind, en, p.String())
		}
		for _, tag := range []Tag{ZH, ES} {
			if _, ok := For(tag).messages["problems."+string(kind)]; !ok {
				t.Errorf("%s: problem kind %q has no words", tag, kind)
				continue
			}
			got := For(tag).Problem(p)
			if strings.Contains(got, "%!") {
				t.Errorf("%s %s: %q has a formatting error", tag, kind, got)
			}
			if !strings.HasPrefix(got, "placements[2].value") {
				t.Errorf("%s %s: %q does not start with the field path", tag, kind, got)
			}
			for _, piece := range argRE.Split(p.Message(), -1) {
				piece = strings.Trim(piece, " :;,.()'\"?")
				if len(words.FindAllString(piece, -1)) >= 2 && strings.Contains(got, piece) {
					t.Errorf("%s %s: %q still says %q", tag, kind, got, piece)
				}
			}
		}
	}
}

func TestProblemWords(t *testing.T) {
	more := func(n int) canvas.Problem {
		return canvas.Problem{Kind: canvas.ProblemMoreProblems, Args: []any{n}}
	}
	typed := canvas.Problem{Field: canvas.FieldTopLevel, Kind: canvas.ProblemExpectedObject, Args: []any{canvas.JSONValue("array")}}
	number := canvas.Problem{Field: "version", Kind: canvas.ProblemExpectedInteger, Args: []any{canvas.JSONValue("number 1.5")}}
	tests := []struct {
		tag  Tag
		p    canvas.Problem
		want string
	}{
		{EN, more(1), "and 1 more problem"},
		{EN, more(3), "and 3 more problems"},
		{ES, more(1), "y 1 problema más"},
		{ES, more(3), "y 3 problemas más"},
		{ZH, more(3), "另有 3 个问题"},
		{EN, typed, "(top level): expected an object, got JSON array"},
		{ZH, typed, "（顶层）：应为对象，实际是 JSON 数组"},
		{ES, number, "version: se esperaba un número entero, pero hay un valor JSON de tipo número 1.5"},
		{ZH, canvas.Problem{Field: "participants[0].name", Kind: canvas.ProblemControlCharacter, Args: []any{rune(7), 3}},
			"participants[0].name：第 3 字节处含有控制字符 U+0007"},
		{ES, canvas.Problem{Field: "placements[2].value", Kind: canvas.ProblemOutOfRange, Args: []any{120, 0, 100}},
			"placements[2].value: 120 está fuera del rango de 0 a 100"},
	}
	for _, tt := range tests {
		if got := For(tt.tag).Problem(tt.p); got != tt.want {
			t.Errorf("%s: Problem(%+v) = %q, want %q", tt.tag, tt.p, got, tt.want)
		}
	}
}

// TestJSONSyntaxInTheLanguage: a file that is not JSON is told where and
// why in the reader's language, for every place encoding/json reports;
// English reads as Go and canvas wrote it.
func TestJSONSyntaxInTheLanguage(t *testing.T) {
	inputs := []string{`{"a": x}`, `{"a" 1}`, `{"a": 1 "b"}`, `[1 2]`, `{} x`, `{"a": tru}`, `{"a": nul}`,
		`{"a": fals}`, `{"a": "\q"}`, `{"a": 1.}`, `{'a': 1}`, "{\"a\": \"\x01\"}", `{"a": "\u12g4"}`,
		`{"a": 1e}`, `{"a": -}`, `{`, ``}
	for _, in := range inputs {
		_, err := canvas.DecodeFile(strings.NewReader(in), time.Now())
		var inv *canvas.InvalidFileError
		if !errors.As(err, &inv) || len(inv.Problems) != 1 {
			t.Fatalf("DecodeFile(%q) = %v, want one problem", in, err)
		}
		p := inv.Problems[0]
		if p.Kind != canvas.ProblemJSONCharacter && p.Kind != canvas.ProblemJSONEnd {
			t.Errorf("DecodeFile(%q): kind %q, want a typed syntax problem", in, p.Kind)
		}
		if got := For(EN).Problem(p); got != p.String() || !strings.HasPrefix(got, "malformed JSON at byte") {
			t.Errorf("en %q: %q, canvas says %q", in, got, p.String())
		}
		for _, tag := range []Tag{ZH, ES} {
			got := For(tag).Problem(p)
			for _, english := range []string{"malformed", "invalid character", "in literal", "looking for", "after", "in string", "numeric", "expecting", "unexpected end"} {
				if strings.Contains(got, english) {
					t.Errorf("%s %q: %q still says %q", tag, in, got, english)
				}
			}
		}
	}
	want := map[Tag]string{
		ZH: "JSON 格式错误，位于第 10 字节：字符 '}' 无效（出现在字面量 true 中，此处应为 'e'）",
		ES: "JSON mal formado en el byte 10: carácter '}' no válido en el literal true (se esperaba 'e')",
	}
	_, err := canvas.DecodeFile(strings.NewReader(`{"a": tru}`), time.Now())
	for tag, w := range want {
		if got := For(tag).FileProblems("x.json", err); len(got) != 1 || !strings.HasSuffix(got[0], w) {
			t.Errorf("%s: %q, want it to end in %q", tag, got, w)
		}
	}
}
