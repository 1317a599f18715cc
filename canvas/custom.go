package canvas

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Custom dimensions and templates: the ones a facilitator writes. A custom
// dimension is a Dimension whose key the built-in catalogue lacks; its text
// is its own, shown as written in every interface language (assets/lang's
// DimensionOf). Its Group is a built-in group key or the name of a group of
// its own, shown as written too. A session keeps a full copy of every
// dimension it uses, so editing or deleting a custom dimension later never
// changes a session that already exists.

// Bounds of custom definitions, so a file or a store record cannot carry a
// megabyte where a line is meant.
const (
	MaxKeyLength     = 64
	MaxDimensionText = 2000
	MaxDimensionName = 200
	MaxCustom        = 500 // custom dimensions in one file or catalogue
)

// ErrBuiltIn is returned when a change would alter or replace a built-in
// dimension or template: they are read-only.
var ErrBuiltIn = errors.New("built-in, read-only")

// IsCustom reports whether d is a dimension a team wrote, not one of the
// built-in catalogue.
func (d Dimension) IsCustom() bool {
	_, builtin := LookupDimension(d.Key)
	return !builtin
}

// IsBuiltInGroup reports whether key names a built-in group rather than a
// group a custom dimension brought.
func IsBuiltInGroup(key string) bool {
	return slices.ContainsFunc(groups, func(g Group) bool { return g.Key == key })
}

// IsBuiltIn reports whether t is Full or Quick.
func (t Template) IsBuiltIn() bool {
	return t.Key == TemplateFull || t.Key == TemplateQuick
}

// CheckKey checks the key of a custom dimension or template: 1 to
// MaxKeyLength letters (of any script), digits, '-' and '_', starting with a
// letter or a digit. Keys name dimensions in files and placements, so they
// stay free of spaces and punctuation.
func CheckKey(key string) *Problem {
	switch {
	case key == "":
		return &Problem{Kind: ProblemRequired}
	case utf8.RuneCountInString(key) > MaxKeyLength:
		return &Problem{Kind: ProblemKeyTooLong, Args: []any{utf8.RuneCountInString(key), MaxKeyLength}}
	}
	for i, r := range key {
		ok := unicode.IsLetter(r) || unicode.IsDigit(r) || (i > 0 && (r == '-' || r == '_'))
		if !ok {
			return &Problem{Kind: ProblemKeyCharacter, Args: []any{string(r), i}}
		}
	}
	return nil
}

// KeyFromName makes a key from a name, as the catalogue screen proposes
// one: lower case, runs of anything but letters and digits made one '-'.
// A name of nothing usable gives "custom".
func KeyFromName(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			if utf8.RuneCountInString(b.String()) >= MaxKeyLength {
				break
			}
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "custom"
	}
	return b.String()
}

// CheckCustomDimension lists what is wrong with a custom dimension, by
// field name as the files write it ("key", "guidance.toc"). The key must be
// a new one: a built-in dimension cannot be redefined.
func CheckCustomDimension(d Dimension) []Problem {
	var ps problems
	if p := CheckKey(d.Key); p != nil {
		ps = append(ps, withField("key", *p))
	} else if !d.IsCustom() {
		ps.add("key", ProblemBuiltInKey, d.Key)
	}
	for _, f := range []struct {
		field, text string
		required    bool
		most        int
	}{
		{"name", d.Name, true, MaxDimensionName},
		{"question", d.Question, true, MaxDimensionText},
		{"toc", d.ToC, true, MaxDimensionName},
		{"tob", d.ToB, true, MaxDimensionName},
		{"guidance.toc", d.Guidance.ToC, false, MaxDimensionText},
		{"guidance.tob", d.Guidance.ToB, false, MaxDimensionText},
		{"group", d.Group, true, MaxDimensionName},
	} {
		checkText(&ps, f.field, f.text)
		switch n := utf8.RuneCountInString(f.text); {
		case f.required && strings.TrimSpace(f.text) == "":
			ps.add(f.field, ProblemRequired)
		case n > f.most:
			ps.add(f.field, ProblemTextTooLong, n, f.most)
		}
	}
	return ps
}

// CheckTemplate lists what is wrong with a custom template given the
// dimensions it may use (lookup: the built-in catalogue and the custom
// dimensions at hand).
func CheckTemplate(t Template, lookup func(string) (Dimension, bool)) []Problem {
	var ps problems
	if p := CheckKey(t.Key); p != nil {
		ps = append(ps, withField("key", *p))
	} else if t.IsBuiltIn() {
		ps.add("key", ProblemBuiltInKey, t.Key)
	}
	checkText(&ps, "name", t.Name)
	switch n := utf8.RuneCountInString(t.Name); {
	case strings.TrimSpace(t.Name) == "":
		ps.add("name", ProblemRequired)
	case n > MaxDimensionName:
		ps.add("name", ProblemTextTooLong, n, MaxDimensionName)
	}
	if len(t.Dimensions) == 0 {
		ps.add("dimensions", ProblemNoDimensions)
	}
	for i, k := range t.Dimensions {
		field := fmt.Sprintf("dimensions[%d]", i)
		if _, ok := lookup(k); !ok {
			ps.add(field, ProblemUnknownDimension, k)
		}
		if slices.Index(t.Dimensions, k) < i {
			ps.add(field, ProblemDimensionTwice, k)
		}
	}
	return ps
}

// Library is the catalogue as one store holds it: the built-in dimensions
// and templates, and the custom ones beside them. The zero Library is the
// built-in catalogue alone.
type Library struct {
	// Dimensions are the custom dimensions (the store keeps them in key
	// order).
	Dimensions []Dimension
	// Templates are the custom templates (in key order too).
	Templates []Template
}

// Dimension finds a dimension by key: a built-in one first, then a custom
// one.
func (l Library) Dimension(key string) (Dimension, bool) {
	if d, ok := LookupDimension(key); ok {
		return d, true
	}
	for _, d := range l.Dimensions {
		if d.Key == key {
			return d, true
		}
	}
	return Dimension{}, false
}

// AllDimensions is the built-in catalogue followed by the custom dimensions.
func (l Library) AllDimensions() []Dimension {
	return append(Catalogue(), l.Dimensions...)
}

// Template finds a template by key: Full, Quick, then the custom ones.
func (l Library) Template(key string) (Template, bool) {
	for _, t := range l.AllTemplates() {
		if t.Key == key {
			return t, true
		}
	}
	return Template{}, false
}

// AllTemplates is Full, Quick, then the custom templates.
func (l Library) AllTemplates() []Template {
	out := Templates()
	for _, t := range l.Templates {
		t.Dimensions = slices.Clone(t.Dimensions)
		out = append(out, t)
	}
	return out
}

// TemplatesUsing lists the custom templates that use the dimension key, so
// the catalogue screen can ask before deleting it.
func (l Library) TemplatesUsing(key string) []Template {
	var out []Template
	for _, t := range l.Templates {
		if slices.Contains(t.Dimensions, key) {
			out = append(out, t)
		}
	}
	return out
}

// Snapshot copies the dimensions of keys, in that order, for a session.
func (l Library) Snapshot(keys []string) ([]Dimension, error) {
	dims := make([]Dimension, 0, len(keys))
	for _, k := range keys {
		d, ok := l.Dimension(k)
		if !ok {
			return nil, fmt.Errorf("%w %q", ErrUnknownDimension, k)
		}
		dims = append(dims, d)
	}
	return dims, nil
}

// NewSession starts a session from any template of the library, built-in
// or custom, with a snapshot of its dimensions. The dimensions of one group
// are brought together, where the group first comes in the template,
// keeping the template's order otherwise: the editor, chart and PDF show a
// heading per run of a group, and a template that mixes them would show
// the same heading several times.
func (l Library) NewSession(templateKey, title, product string, now time.Time) (*Session, error) {
	t, ok := l.Template(templateKey)
	if !ok {
		return nil, fmt.Errorf("new session: %w %q", ErrUnknownTemplate, templateKey)
	}
	dims, err := l.Snapshot(t.Dimensions)
	if err != nil {
		return nil, fmt.Errorf("new session from template %s: %w", t.Key, err)
	}
	dims = groupRuns(dims)
	now = now.UTC().Truncate(time.Second)
	return &Session{ID: NewID(), Title: title, Product: product, Template: t.Key,
		Created: now, Updated: now, Dimensions: dims}, nil
}

// groupRuns orders dims group by group, the groups in the order they first
// come, each group's dimensions in their own order.
func groupRuns(dims []Dimension) []Dimension {
	rank := map[string]int{}
	for _, d := range dims {
		if _, ok := rank[d.Group]; !ok {
			rank[d.Group] = len(rank)
		}
	}
	out := slices.Clone(dims)
	slices.SortStableFunc(out, func(a, b Dimension) int { return rank[a.Group] - rank[b.Group] })
	return out
}

// Conflict is a custom dimension a session or template file defines one
// way and the catalogue another. The catalogue keeps its own; the session
// keeps the file's.
type Conflict struct {
	Key string
	// File is the definition the file brought, Catalogue the one kept.
	File, Catalogue Dimension
}

// Conflicts lists the custom dimensions of dims whose key the library
// already has with other content.
func (l Library) Conflicts(dims []Dimension) []Conflict {
	var out []Conflict
	for _, d := range dims {
		if !d.IsCustom() {
			continue
		}
		if have, ok := l.Dimension(d.Key); ok && have != d {
			out = append(out, Conflict{Key: d.Key, File: d, Catalogue: have})
		}
	}
	return out
}

// CustomDimensions is the custom dimensions a session uses, in its order.
func (s *Session) CustomDimensions() []Dimension {
	var out []Dimension
	for _, d := range s.Dimensions {
		if d.IsCustom() {
			out = append(out, d)
		}
	}
	return out
}
