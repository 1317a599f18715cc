package canvas

import (
	"encoding/json"
	"reflect"
	"strings"
)

// The session file's shape, as Go types. The key checker (file_keys.go)
// derives the names it allows at every level from these same types, so a
// field added here is allowed there without a second list.

// fileHeader is everything in a session file but its lists of objects, so
// DecodeFile can decode each list element on its own and say which one is
// wrong.
type fileHeader struct {
	Format      *string  `json:"format"`
	Version     *int     `json:"version"`
	ID          string   `json:"id,omitempty"`
	Title       string   `json:"title"`
	Product     string   `json:"product"`
	Created     string   `json:"created,omitempty"`
	Updated     string   `json:"updated,omitempty"`
	Facilitator string   `json:"facilitator,omitempty"`
	Template    string   `json:"template,omitempty"`
	Dimensions  []string `json:"dimensions,omitempty"`
	// CustomDimensions (format 2) defines the custom dimensions that
	// Dimensions names; left out when there are none, so a format-1 file
	// is written as before.
	CustomDimensions []fileCustomDimension `json:"custom_dimensions,omitempty"`
	Settings         *Settings             `json:"settings,omitempty"`
	Round            *fileRound            `json:"round,omitempty"`
}

// fileCustomDimension is a custom dimension as session and template files
// write it: the whole definition, so the file needs no catalogue to read.
type fileCustomDimension struct {
	Key      string   `json:"key"`
	Name     string   `json:"name"`
	Question string   `json:"question"`
	ToC      string   `json:"toc"`
	ToB      string   `json:"tob"`
	Guidance Guidance `json:"guidance"`
	Group    string   `json:"group"`
}

func fileCustom(d Dimension) fileCustomDimension {
	return fileCustomDimension{Key: d.Key, Name: d.Name, Question: d.Question, ToC: d.ToC, ToB: d.ToB, Guidance: d.Guidance, Group: d.Group}
}

func (f fileCustomDimension) dimension() Dimension {
	return Dimension{Key: f.Key, Name: f.Name, Question: f.Question, ToC: f.ToC, ToB: f.ToB, Guidance: f.Guidance, Group: f.Group}
}

// fileRound is a Round as written in a file; its times are strings so a
// bad one is reported like any other field.
type fileRound struct {
	Mode       string   `json:"mode"`
	Dimensions []string `json:"dimensions"`
	Order      []string `json:"order"`
	Done       []string `json:"done,omitempty"`
	Current    string   `json:"current,omitempty"`
	Revealed   bool     `json:"revealed,omitempty"`
	Started    string   `json:"started,omitempty"`
}

type fileSession struct {
	fileHeader
	Participants []fileParticipant `json:"participants"`
	Placements   []filePlacement   `json:"placements"`
	Positions    []filePosition    `json:"positions"`
	Actions      []fileAction      `json:"actions"`
	// AcceptedTensions is left out when empty, so a file written before
	// tensions existed exports byte for byte as it did.
	AcceptedTensions []fileAcceptedTension `json:"accepted_tensions,omitempty"`
}

// rawSession holds each list as raw elements, decoded one by one so a
// problem names its index. Its custom_dimensions, being shallower, takes
// the place of fileHeader's in encoding/json.
type rawSession struct {
	fileHeader
	CustomDimensions []json.RawMessage `json:"custom_dimensions"`
	Participants     []json.RawMessage `json:"participants"`
	Placements       []json.RawMessage `json:"placements"`
	Positions        []json.RawMessage `json:"positions"`
	Actions          []json.RawMessage `json:"actions"`
	AcceptedTensions []json.RawMessage `json:"accepted_tensions"`
}

type fileParticipant struct {
	ID     string `json:"id,omitempty"`
	Name   string `json:"name"`
	Role   string `json:"role,omitempty"`
	Colour *int   `json:"colour,omitempty"`
	Shape  Shape  `json:"shape,omitempty"`
}

type filePlacement struct {
	Dimension   string `json:"dimension"`
	Participant string `json:"participant"`
	Value       *int   `json:"value"`
	Confidence  *int   `json:"confidence,omitempty"`
	Note        string `json:"note,omitempty"`
}

type filePosition struct {
	Dimension string `json:"dimension"`
	Current   *int   `json:"current,omitempty"`
	Target    *int   `json:"target,omitempty"`
	Note      string `json:"note,omitempty"`
}

type fileAcceptedTension struct {
	Rule   string `json:"rule"`
	Reason string `json:"reason"`
}

type fileAction struct {
	Text      string `json:"text"`
	Owner     string `json:"owner,omitempty"`
	Due       string `json:"due,omitempty"`
	Dimension string `json:"dimension,omitempty"`
	Done      bool   `json:"done,omitempty"`
}

// keySchema is the names an object of the file may hold, found from the
// json tags of the Go type it decodes into.
type keySchema struct {
	fields map[string]*keySchema // an object's fields; nil if not an object
	elem   *keySchema            // an array's elements
}

var fileKeys = schemaOf(reflect.TypeFor[fileSession]())

func schemaOf(t reflect.Type) *keySchema {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		k := &keySchema{fields: map[string]*keySchema{}}
		addFields(k, t)
		return k
	case reflect.Slice:
		return &keySchema{elem: schemaOf(t.Elem())}
	}
	return &keySchema{}
}

// addFields adds a struct's fields as encoding/json names them, with the
// fields of an untagged embedded struct at the same level.
func addFields(k *keySchema, t reflect.Type) {
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		switch {
		case name == "-" && tag == "-":
			continue
		case f.Anonymous && tag == "":
			addFields(k, f.Type)
			continue
		case !f.IsExported():
			continue
		case name == "":
			name = f.Name
		}
		k.fields[name] = schemaOf(f.Type)
	}
}
