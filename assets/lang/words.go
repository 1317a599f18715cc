package lang

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

//go:embed en.json zh.json es.json messages
var files embed.FS

// Words is one language's catalogue: messages, and the text of the
// built-in dimensions, groups and templates. It is read-only once built, so
// one *Words serves every goroutine.
type Words struct {
	tag        Tag
	messages   map[string]message
	dimensions map[string]DimensionText
	groups     map[string]string
	templates  map[string]string
	err        error
}

// DimensionText is what a reader sees of one dimension.
type DimensionText struct {
	Name        string `json:"name"`
	Question    string `json:"question"`
	ToC         string `json:"toc"`
	ToB         string `json:"tob"`
	GuidanceToC string `json:"guidance_toc"`
	GuidanceToB string `json:"guidance_tob"`
}

// message is a plain string, or one string per CLDR plural category.
type message struct {
	text   string
	plural map[string]string
}

func (m *message) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '{' {
		return json.Unmarshal(b, &m.plural)
	}
	return json.Unmarshal(b, &m.text)
}

// file is the shape of en.json, zh.json and es.json.
type file struct {
	Messages   map[string]message       `json:"messages"`
	Groups     map[string]string        `json:"groups"`
	Templates  map[string]string        `json:"templates"`
	Dimensions map[string]DimensionText `json:"dimensions"`
}

var (
	loadOnce sync.Once
	loaded   map[Tag]*Words
)

// For returns the catalogue of a language; an unknown tag gets English.
func For(t Tag) *Words {
	loadOnce.Do(func() {
		loaded = map[Tag]*Words{}
		for _, tag := range Tags() {
			loaded[tag] = load(tag)
		}
	})
	if w, ok := loaded[t]; ok {
		return w
	}
	return loaded[EN]
}

// load reads one embedded catalogue. A broken file cannot ship (the tests
// read every file), but if one did, its words would show as their keys
// rather than stop the program.
func load(t Tag) *Words {
	w := &Words{tag: t}
	var f file
	b, err := files.ReadFile(string(t) + ".json")
	if err == nil {
		err = json.Unmarshal(b, &f)
	}
	if err != nil {
		w.err = fmt.Errorf("language catalogue %s.json: %w", t, err)
	}
	w.messages, w.dimensions, w.groups, w.templates = f.Messages, f.Dimensions, f.Groups, f.Templates
	if w.messages == nil {
		w.messages = map[string]message{}
	}
	if err := w.loadAreas(); err != nil && w.err == nil {
		w.err = err
	}
	return w
}

// loadAreas adds the messages of messages/<area>.<tag>.json: each part of
// Fulcrum (the app, the exports, the command line) keeps its words in a
// file of its own. A key defined twice is an error, so no file can quietly
// change another's words.
func (w *Words) loadAreas() error {
	names, err := fs.Glob(files, "messages/*."+string(w.tag)+".json")
	if err != nil {
		return err
	}
	for _, name := range names {
		var m map[string]message
		b, err := files.ReadFile(name)
		if err == nil {
			err = json.Unmarshal(b, &m)
		}
		if err != nil {
			return fmt.Errorf("language catalogue %s: %w", name, err)
		}
		for k, v := range m {
			if _, dup := w.messages[k]; dup {
				return fmt.Errorf("language catalogue %s: %q is defined twice", name, k)
			}
			w.messages[k] = v
		}
	}
	return nil
}

// Tag is the language of these words.
func (w *Words) Tag() Tag { return w.tag }

// Prefixed returns every plain message whose key starts with prefix, for
// a page that formats its own words (the phone page). Plural messages
// are left out: the page has no plural rules.
func (w *Words) Prefixed(prefix string) map[string]string {
	out := map[string]string{}
	for k, m := range w.messages {
		if strings.HasPrefix(k, prefix) && m.plural == nil {
			out[k] = m.text
		}
	}
	return out
}

// T formats the message key with args. Messages use explicit argument
// indexes (%[1]s) so a translation may put the arguments in its own order.
// A key no language defines comes back as the key itself.
func (w *Words) T(key string, args ...any) string {
	m, ok := w.messages[key]
	if !ok {
		return key
	}
	text := m.text
	if m.plural != nil {
		text = m.plural["other"]
	}
	return format(text, args)
}

// N formats the plural message key for the count n: n is argument 1
// (%[1]d) and args follow from argument 2.
func (w *Words) N(key string, n int, args ...any) string {
	m, ok := w.messages[key]
	if !ok {
		return key
	}
	text := m.text
	if m.plural != nil {
		var found bool
		if text, found = m.plural[w.plural(n)]; !found {
			text = m.plural["other"]
		}
	}
	return format(text, append([]any{n}, args...))
}

// plural is the CLDR plural category of an integer: Chinese does not
// inflect for number; English and Spanish have "one" for exactly 1.
func (w *Words) plural(n int) string {
	if w.tag != ZH && n == 1 {
		return "one"
	}
	return "other"
}

// PluralForms lists the CLDR categories a language's plural messages need.
func PluralForms(t Tag) []string {
	if t == ZH {
		return []string{"other"}
	}
	return []string{"one", "other"}
}

func format(text string, args []any) string {
	if len(args) == 0 {
		return text
	}
	return fmt.Sprintf(text, args...)
}

// Date writes a calendar date the way the language does: 28 November 2026,
// 2026年11月28日, 28 de noviembre de 2026. Chinese "month names" are the
// number with 月, so one pattern (day, month, year) serves every language.
func (w *Words) Date(t time.Time) string {
	month := w.T("month." + strconv.Itoa(int(t.Month())))
	return w.T("date.long", t.Day(), month, t.Year())
}

// Dimension is the text of a built-in dimension by key.
func (w *Words) Dimension(key string) (DimensionText, bool) {
	d, ok := w.dimensions[key]
	return d, ok
}

// DimensionOf is the text to show for one of a session's dimensions: a
// built-in one in this language, whatever wording the session was saved
// with; any other (a custom dimension) its own text, or its key when it
// has none.
func (w *Words) DimensionOf(d canvas.Dimension) DimensionText {
	if _, builtin := canvas.LookupDimension(d.Key); builtin {
		if t, ok := w.dimensions[d.Key]; ok {
			return t
		}
	}
	t := DimensionText{Name: d.Name, Question: d.Question, ToC: d.ToC, ToB: d.ToB,
		GuidanceToC: d.Guidance.ToC, GuidanceToB: d.Guidance.ToB}
	if t.Name == "" {
		t.Name = d.Key
	}
	return t
}

// Group is the name of a dimension group, or the key itself.
func (w *Words) Group(key string) string {
	if s, ok := w.groups[key]; ok {
		return s
	}
	return key
}

// TemplateOf is the name to show for a template: a built-in one's in this
// language, a custom one's as its author wrote it.
func (w *Words) TemplateOf(t canvas.Template) string {
	if t.IsBuiltIn() || t.Name == "" {
		return w.Template(t.Key)
	}
	return t.Name
}

// Template is the name of a session template, or the key itself.
func (w *Words) Template(key string) string {
	if s, ok := w.templates[key]; ok {
		return s
	}
	return key
}
