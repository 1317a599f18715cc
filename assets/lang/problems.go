package lang

import (
	"errors"
	"fmt"
	"strings"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// The words for canvas's problems with a session file, from
// messages/problems.<tag>.json: one message per canvas.ProblemKind, keyed
// "problems.<kind>", so the test that enumerates the kinds finds a kind
// without words. The field path is the file's own spelling and stays as
// it is.

// Problem words one problem: its field path, then what is wrong there.
func (w *Words) Problem(p canvas.Problem) string {
	msg := w.problemMessage(p)
	switch p.Field {
	case "":
		return msg
	case canvas.FieldTopLevel:
		return w.T("problems.at", w.T("problems.field.top-level"), msg)
	}
	return w.T("problems.at", p.Field, msg)
}

func (w *Words) problemMessage(p canvas.Problem) string {
	key := "problems." + string(p.Kind)
	m, ok := w.messages[key]
	if !ok {
		// Only a kind newer than this catalogue gets here, and the tests
		// keep that from shipping; English beats showing a key.
		return p.Message()
	}
	args := make([]any, len(p.Args))
	for i, a := range p.Args {
		switch v := a.(type) {
		case canvas.JSONValue:
			a = w.jsonValue(v)
		case canvas.JSONContext:
			a = w.jsonContext(v)
		}
		args[i] = a
	}
	if n, ok := firstInt(args); ok && m.plural != nil {
		return w.N(key, n, args[1:]...)
	}
	return w.T(key, args...)
}

func firstInt(args []any) (int, bool) {
	if len(args) == 0 {
		return 0, false
	}
	n, ok := args[0].(int)
	return n, ok
}

// jsonValue names a JSON type in this language; a number's digits follow
// as the file wrote them.
func (w *Words) jsonValue(v canvas.JSONValue) string {
	typ, rest, _ := strings.Cut(string(v), " ")
	var name string
	switch typ {
	case "string":
		name = w.T("problems.json.string")
	case "number":
		name = w.T("problems.json.number")
	case "bool":
		name = w.T("problems.json.bool")
	case "array":
		name = w.T("problems.json.array")
	case "object":
		name = w.T("problems.json.object")
	default:
		return string(v)
	}
	if rest != "" {
		return name + " " + rest
	}
	return name
}

// jsonContext says where encoding/json found a character it did not
// expect; a context newer than these words stays as Go wrote it.
func (w *Words) jsonContext(c canvas.JSONContext) string {
	switch c {
	case "after array element":
		return w.T("problems.json.context.after-array-element")
	case "after decimal point in numeric literal":
		return w.T("problems.json.context.after-decimal-point")
	case "after object key":
		return w.T("problems.json.context.after-object-key")
	case "after object key:value pair":
		return w.T("problems.json.context.after-key-value")
	case "after top-level value":
		return w.T("problems.json.context.after-top-level")
	case "exceeded max depth":
		return w.T("problems.json.context.max-depth")
	case `in \u hexadecimal character escape`:
		return w.T("problems.json.context.in-hex-escape")
	case "in exponent of numeric literal":
		return w.T("problems.json.context.in-exponent")
	case "in numeric literal":
		return w.T("problems.json.context.in-number")
	case "in string escape code":
		return w.T("problems.json.context.in-escape")
	case "in string literal":
		return w.T("problems.json.context.in-string")
	case "looking for beginning of object key string":
		return w.T("problems.json.context.want-key")
	case "looking for beginning of value":
		return w.T("problems.json.context.want-value")
	}
	// "in literal true (expecting 'r')"
	var literal, want string
	if n, _ := fmt.Sscanf(string(c), "in literal %s (expecting %3s)", &literal, &want); n == 2 {
		return w.T("problems.json.context.in-literal", literal, want)
	}
	return string(c)
}

// FileProblems is how a session file that cannot be read is reported, one
// line per problem, each led by the file's name ("FILE: field: problem"),
// so `fulcrum import` and the app's File → Import say the same words. An
// error that is not about the file's content is shown as it is.
func (w *Words) FileProblems(file string, err error) []string {
	var inv *canvas.InvalidFileError
	if !errors.As(err, &inv) {
		return []string{fmt.Sprintf("%s: %v", file, err)}
	}
	out := make([]string, len(inv.Problems))
	for i, p := range inv.Problems {
		out[i] = w.T("problems.in-file", file, w.Problem(p))
	}
	return out
}

// Problems words every problem of an *InvalidFileError in err, joined as
// its Error() joins them; ok is false when err holds none.
func (w *Words) Problems(err error) (text string, ok bool) {
	var inv *canvas.InvalidFileError
	if !errors.As(err, &inv) {
		return "", false
	}
	parts := make([]string, len(inv.Problems))
	for i, p := range inv.Problems {
		parts[i] = w.Problem(p)
	}
	return strings.Join(parts, w.T("problems.separator")), true
}
