package canvas_test

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

func templateFileOf(t *testing.T, lib canvas.Library, key string) []byte {
	t.Helper()
	tf, err := lib.TemplateFile(key)
	must(t, err)
	var buf bytes.Buffer
	must(t, canvas.EncodeTemplateFile(&buf, tf))
	return buf.Bytes()
}

// TestTemplateFileRoundTrip: a template file carries the template and the
// full definitions of its custom dimensions, in the template's order, and
// reads back as it was written.
func TestTemplateFileRoundTrip(t *testing.T) {
	lib := spanishLibrary()
	data := templateFileOf(t, lib, "taller-45")
	text := string(data)
	for _, want := range []string{`"format": "fulcrum-template"`, `"version": 1`, `"key": "taller-45"`, `"name": "Taller de 45 minutos"`,
		`"key": "carga-regulatoria"`, `"key": "供给侧"`, `"group": "Mercado — oferta"`} {
		if !strings.Contains(text, want) {
			t.Errorf("template file lacks %s:\n%s", want, text)
		}
	}
	tf, err := canvas.DecodeTemplateFile(bytes.NewReader(data))
	must(t, err)
	if !reflect.DeepEqual(tf.Template, lib.Templates[0]) || !reflect.DeepEqual(tf.Custom, lib.Dimensions) {
		t.Errorf("read back %+v", tf)
	}
	var again bytes.Buffer
	must(t, canvas.EncodeTemplateFile(&again, tf))
	if !bytes.Equal(again.Bytes(), data) {
		t.Errorf("written again differs:\n%s\n---\n%s", again.Bytes(), data)
	}
	// A session started from the file's template on another laptop has
	// the same dimensions as one started at home.
	other := canvas.Library{Dimensions: tf.Custom, Templates: []canvas.Template{tf.Template}}
	a, err := lib.NewSession("taller-45", "t", "p", fileNow)
	must(t, err)
	b, err := other.NewSession("taller-45", "t", "p", fileNow)
	must(t, err)
	if !reflect.DeepEqual(a.Dimensions, b.Dimensions) {
		t.Errorf("sessions differ:\n%+v\n%+v", a.Dimensions, b.Dimensions)
	}
	if _, err := lib.TemplateFile("nope"); !errors.Is(err, canvas.ErrUnknownTemplate) {
		t.Errorf("TemplateFile(nope) = %v", err)
	}
}

func TestTemplateFileProblems(t *testing.T) {
	good := string(templateFileOf(t, spanishLibrary(), "taller-45"))
	for _, tt := range []struct {
		name, from, to string
		field          string
		kind           canvas.ProblemKind
	}{
		{"wrong format", `"fulcrum-template"`, `"fulcrum-session"`, "format", canvas.ProblemFormatWrong},
		{"version 2", `"version": 1`, `"version": 2`, "version", canvas.ProblemVersionUnsupported},
		{"built-in key", `"key": "taller-45"`, `"key": "quick"`, "key", canvas.ProblemBuiltInKey},
		{"no name", `"name": "Taller de 45 minutos"`, `"name": ""`, "name", canvas.ProblemRequired},
		{"undefined dimension", `"carga-regulatoria",`, `"nope",`, "dimensions[1]", canvas.ProblemUnknownDimension},
		{"dimension twice", `"decision-makers",`, `"customer",`, "dimensions[2]", canvas.ProblemDimensionTwice},
		{"unknown field", `"name": "Taller de 45 minutos"`, `"name": "Taller de 45 minutos", "author": "Ana"`, "author", canvas.ProblemUnknownField},
		{"unknown field in a definition", `"group": "value-money"`, `"group": "value-money", "extra": 1`, "custom_dimensions[0].extra", canvas.ProblemUnknownField},
		{"duplicate key", `"name": "Taller de 45 minutos"`, `"name": "a", "name": "b"`, "", canvas.ProblemDuplicateKey},
		{"definition without a question", `"question": "¿Cuánto pesa la regulación?"`, `"question": " "`, "custom_dimensions[0].question", canvas.ProblemRequired},
		{"wrong type", `"dimensions": [`, `"dimensions": 3, "x": [`, "dimensions", canvas.ProblemExpectedArray},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc := strings.Replace(good, tt.from, tt.to, 1)
			if doc == good {
				t.Fatalf("%q not in the file", tt.from)
			}
			_, err := canvas.DecodeTemplateFile(strings.NewReader(doc))
			var inv *canvas.InvalidFileError
			if !errors.As(err, &inv) {
				t.Fatalf("DecodeTemplateFile = %v, want problems", err)
			}
			found := false
			for _, p := range inv.Problems {
				found = found || (p.Field == tt.field && p.Kind == tt.kind)
			}
			if !found {
				t.Errorf("problems %v lack %s at %q", inv.Problems, tt.kind, tt.field)
			}
		})
	}
	for name, doc := range map[string]string{
		"too large": `{"name":"` + strings.Repeat("x", canvas.MaxFileSize) + `"}`,
		"not JSON":  `{"format":`,
		"not UTF-8": "{\"name\":\"\xff\"}",
	} {
		if _, err := canvas.DecodeTemplateFile(strings.NewReader(doc)); !errors.Is(err, canvas.ErrInvalidFile) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// FuzzTemplate feeds arbitrary bytes to the template file decoder: it
// never panics, and what it accepts is a template the catalogue can hold
// that writes back to a file read as the same template, byte for byte.
func FuzzTemplate(f *testing.F) {
	lib := spanishLibrary()
	var buf bytes.Buffer
	tf, err := lib.TemplateFile("taller-45")
	if err != nil {
		f.Fatal(err)
	}
	if err := canvas.EncodeTemplateFile(&buf, tf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte(`{"format":"fulcrum-template","version":1,"key":"k","name":"n","dimensions":["customer"],"custom_dimensions":[]}`))
	f.Add([]byte(`{"format":"fulcrum-template","version":1,"key":"k","name":"n","dimensions":["x"],"custom_dimensions":[{"key":"x","name":"X","question":"?","toc":"a","tob":"b","guidance":{"toc":"","tob":""},"group":"g"}]}`))
	f.Add([]byte(`{"format":"fulcrum-template","version":1,"key":"quick","name":"n","dimensions":["x","x"],"custom_dimensions":[{"key":"customer"}]}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		tf, err := canvas.DecodeTemplateFile(bytes.NewReader(data))
		if err != nil {
			if !errors.Is(err, canvas.ErrInvalidFile) {
				t.Fatalf("an error that is not a problem list: %v", err)
			}
			return
		}
		lib := canvas.Library{Dimensions: tf.Custom, Templates: []canvas.Template{tf.Template}}
		if ps := canvas.CheckTemplate(tf.Template, lib.Dimension); len(ps) > 0 {
			t.Fatalf("an accepted template does not check: %v", ps)
		}
		for _, d := range tf.Custom {
			if ps := canvas.CheckCustomDimension(d); len(ps) > 0 {
				t.Fatalf("an accepted definition does not check: %v", ps)
			}
		}
		var out bytes.Buffer
		if err := canvas.EncodeTemplateFile(&out, tf); err != nil {
			t.Fatal(err)
		}
		again, err := canvas.DecodeTemplateFile(bytes.NewReader(out.Bytes()))
		if err != nil {
			t.Fatalf("the file written again is refused: %v\n%s", err, out.Bytes())
		}
		if !reflect.DeepEqual(again, tf) {
			t.Fatalf("round trip changed the template:\n got %+v\nwant %+v", again, tf)
		}
		var out2 bytes.Buffer
		if err := canvas.EncodeTemplateFile(&out2, again); err != nil || !bytes.Equal(out.Bytes(), out2.Bytes()) {
			t.Fatalf("writing again differs (%v)", err)
		}
	})
}
