package canvas

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
)

// Template files share a template between facilitators: its name, its
// dimensions in order, and the full definition of each custom one, so it
// opens on a laptop whose catalogue has never seen them. They are read as
// strictly as session files (DecodeTemplateFile).
const (
	TemplateFileFormat  = "fulcrum-template"
	TemplateFileVersion = 1
)

// TemplateFile is a template with the custom dimensions it uses.
type TemplateFile struct {
	Template Template
	// Custom are the definitions of the template's custom dimensions, in
	// the template's order.
	Custom []Dimension
}

// TemplateFile gathers a template of the library and the custom
// dimensions it uses, to be written with EncodeTemplateFile.
func (l Library) TemplateFile(key string) (TemplateFile, error) {
	t, ok := l.Template(key)
	if !ok {
		return TemplateFile{}, fmt.Errorf("template file: %w %q", ErrUnknownTemplate, key)
	}
	dims, err := l.Snapshot(t.Dimensions)
	if err != nil {
		return TemplateFile{}, fmt.Errorf("template file %s: %w", key, err)
	}
	tf := TemplateFile{Template: t}
	for _, d := range dims {
		if d.IsCustom() {
			tf.Custom = append(tf.Custom, d)
		}
	}
	return tf, nil
}

type fileTemplate struct {
	Format           *string               `json:"format"`
	Version          *int                  `json:"version"`
	Key              string                `json:"key"`
	Name             string                `json:"name"`
	Dimensions       []string              `json:"dimensions"`
	CustomDimensions []fileCustomDimension `json:"custom_dimensions"`
}

// rawTemplate decodes custom_dimensions one by one, so a problem names
// its index.
type rawTemplate struct {
	fileTemplate
	CustomDimensions []json.RawMessage `json:"custom_dimensions"`
}

var templateKeys = schemaOf(reflect.TypeFor[fileTemplate]())

// EncodeTemplateFile writes a template file. A built-in template is
// written like any other; importing it is refused, as Full and Quick are
// in every Fulcrum already.
func EncodeTemplateFile(w io.Writer, tf TemplateFile) error {
	f := fileTemplate{Format: ptr(TemplateFileFormat), Version: ptr(TemplateFileVersion), Key: tf.Template.Key,
		Name: tf.Template.Name, Dimensions: tf.Template.Dimensions, CustomDimensions: []fileCustomDimension{}}
	if f.Dimensions == nil {
		f.Dimensions = []string{}
	}
	for _, d := range tf.Custom {
		f.CustomDimensions = append(f.CustomDimensions, fileCustom(d))
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&f); err != nil {
		return fmt.Errorf("encode template %s: %w", tf.Template.Key, err)
	}
	if _, err := w.Write(unescapeLineSeparators(buf.Bytes())); err != nil {
		return fmt.Errorf("write template %s: %w", tf.Template.Key, err)
	}
	return nil
}

// DecodeTemplateFile reads a template file strictly: a size cap, unknown,
// duplicate and wrongly cased keys refused, every custom dimension
// checked, every dimension the template lists either built in or defined
// in the file, and every definition used. Problems are an
// *InvalidFileError, by field path. Whether the catalogue it goes into
// already has other definitions of its keys is the store's business
// (Library.Conflicts).
func DecodeTemplateFile(r io.Reader) (TemplateFile, error) {
	data, err := readJSON(r, "template file")
	if err != nil {
		return TemplateFile{}, err
	}
	ps := problems(checkKeys(data, templateKeys))
	var raw rawTemplate
	if err := json.Unmarshal(data, &raw); err != nil {
		return TemplateFile{}, &InvalidFileError{append(ps, jsonProblem(err, ""))}
	}
	f := raw.fileTemplate
	f.CustomDimensions = decodeList[fileCustomDimension](&ps, "custom_dimensions", raw.CustomDimensions)
	switch {
	case f.Format == nil:
		ps.add("format", ProblemFormatMissing, TemplateFileFormat)
	case *f.Format != TemplateFileFormat:
		ps.add("format", ProblemFormatWrong, *f.Format, TemplateFileFormat)
	}
	switch {
	case f.Version == nil:
		ps.add("version", ProblemVersionMissing, TemplateFileVersion)
	case *f.Version != TemplateFileVersion:
		ps.add("version", ProblemVersionUnsupported, *f.Version, TemplateFileVersion)
	}
	custom := customDefinitions(&ps, "custom_dimensions", f.CustomDimensions)
	t := Template{Key: f.Key, Name: f.Name, Dimensions: f.Dimensions}
	lookup := func(k string) (Dimension, bool) {
		if d, ok := LookupDimension(k); ok {
			return d, true
		}
		d, ok := custom[k]
		return d, ok
	}
	ps = append(ps, CheckTemplate(t, lookup)...)
	used := map[string]bool{}
	for _, k := range t.Dimensions {
		used[k] = true
	}
	for i, c := range f.CustomDimensions {
		if _, ok := custom[c.Key]; ok && !used[c.Key] {
			ps.add(fmt.Sprintf("custom_dimensions[%d].key", i), ProblemCustomUnused, c.Key)
		}
	}
	if len(ps) > 0 {
		return TemplateFile{}, &InvalidFileError{ps.atMost(MaxProblems)}
	}
	// Definitions in the template's order, as TemplateFile gathers them,
	// so a file read and written again is the same file.
	tf := TemplateFile{Template: t}
	for _, k := range t.Dimensions {
		if d, ok := custom[k]; ok {
			tf.Custom = append(tf.Custom, d)
		}
	}
	return tf, nil
}
