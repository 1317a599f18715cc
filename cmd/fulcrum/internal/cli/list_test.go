package cli_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

func TestList(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "list.db")

	// A missing db is an empty list, and stays missing.
	if out := mustRunCLI(t, "list", "--db", db); !strings.Contains(out, "No sessions yet.") {
		t.Errorf("list of a missing db: %q", out)
	}
	if raw, _ := listJSON(t, db); strings.TrimSpace(raw) != "[]" {
		t.Errorf("list --json of a missing db: %q, want []", raw)
	}
	assertNotExist(t, db)

	a := indexSession() // updated 2026-03-01, index 56.25

	// Updated last, but with no positions or placements: no index.
	b := indexSession()
	b["id"], b["title"], b["product"] = "c-empty", "Empty one", "Nada"
	b["updated"] = "2026-05-01T10:00:00Z"
	b["placements"], b["positions"] = []any{}, []any{}

	// Updated first: customer 100 and decision-makers 81, index 90.5.
	c := indexSession()
	c["id"], c["title"], c["product"] = "b-tob", "ToB end", "Mainframe"
	c["created"], c["updated"] = "2026-01-15T08:30:00Z", "2026-01-15T08:30:00Z"
	c["placements"] = []any{}
	c["positions"] = []any{
		map[string]any{"dimension": "customer", "current": 100},
		map[string]any{"dimension": "decision-makers", "current": 81, "target": 0},
	}

	fa := writeJSONFile(t, filepath.Join(dir, "a.json"), a)
	fb := writeJSONFile(t, filepath.Join(dir, "b.json"), b)
	fc := writeJSONFile(t, filepath.Join(dir, "c.json"), c)
	ids := importIDs(t, db, fa, fc, fb)
	if !slices.Equal(ids, []string{"a-index", "b-tob", "c-empty"}) {
		t.Fatalf("import printed ids %q, want them in file order", ids)
	}

	raw, entries := listJSON(t, db)
	f := func(v float64) *float64 { return &v }
	band := func(s string) *string { return &s }
	want := []listEntry{
		{ID: "c-empty", Title: "Empty one", Product: "Nada", Updated: "2026-05-01T10:00:00Z", Index: nil, Label: ""},
		{ID: "a-index", Title: "Index check", Product: "Widget", Updated: "2026-03-01T10:00:00Z", Index: f(56.25), Label: "Hybrid", Band: band("hybrid")},
		{ID: "b-tob", Title: "ToB end", Product: "Mainframe", Updated: "2026-01-15T08:30:00Z", Index: f(90.5), Label: "Strongly ToB", Band: band("strongly-tob")},
	}
	if !reflect.DeepEqual(entries, want) {
		t.Errorf("list --json =\n%s\nwant (newest first)\n%+v", raw, want)
	}

	// The JSON types, checked on the raw document.
	var generic []map[string]any
	if err := json.Unmarshal([]byte(raw), &generic); err != nil {
		t.Fatal(err)
	}
	for _, e := range generic {
		keys := make([]string, 0, len(e))
		for k := range e {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if !slices.Equal(keys, []string{"band", "id", "index", "label", "product", "title", "updated"}) {
			t.Errorf("list entry keys = %v", keys)
		}
		for _, k := range []string{"id", "title", "product", "updated", "label"} {
			if _, ok := e[k].(string); !ok {
				t.Errorf("%s of %v is %T, want a string", k, e["id"], e[k])
			}
		}
	}
	if v, ok := generic[1]["index"].(float64); !ok || v != 56.25 {
		t.Errorf("index of a-index is %#v, want the number 56.25", generic[1]["index"])
	}
	if generic[0]["index"] != nil || generic[0]["band"] != nil {
		t.Errorf("index and band of a session without positions are %#v and %#v, want null", generic[0]["index"], generic[0]["band"])
	}

	// The human list shows every title, the rounded index and the label,
	// newest first.
	out := mustRunCLI(t, "list", "--db", db)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "ID") {
		t.Fatalf("list:\n%s", out)
	}
	for i, w := range [][]string{
		{"c-empty", " - ", "Empty one", "Nada"},
		{"a-index", " 56 ", "Hybrid", "Index check", "Widget"},
		{"b-tob", " 90 ", "Strongly ToB", "ToB end", "Mainframe"},
	} {
		for _, s := range w {
			if !strings.Contains(lines[i+1], s) {
				t.Errorf("list line %d %q lacks %q", i+1, lines[i+1], s)
			}
		}
	}
}

func TestCatalogueJSON(t *testing.T) {
	out := mustRunCLI(t, "catalogue", "--json")
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("catalogue --json: %v\n%s", err, out)
	}
	var dims []map[string]any
	if err := json.Unmarshal(raw["dimensions"], &dims); err != nil {
		t.Fatalf("dimensions: %v", err)
	}
	if len(dims) != len(canvas.Catalogue()) {
		t.Fatalf("%d dimensions, want the catalogue's %d", len(dims), len(canvas.Catalogue()))
	}
	var keys []string
	seen := map[string]bool{}
	for i, d := range dims {
		for _, k := range []string{"key", "group", "name", "question", "toc", "tob"} {
			if s, ok := d[k].(string); !ok || strings.TrimSpace(s) == "" {
				t.Errorf("dimensions[%d].%s = %#v, want a non-empty string", i, k, d[k])
			}
		}
		g, ok := d["guidance"].(map[string]any)
		if !ok {
			t.Errorf("dimensions[%d].guidance = %#v, want an object", i, d["guidance"])
			continue
		}
		for _, k := range []string{"toc", "tob"} {
			if s, ok := g[k].(string); !ok || strings.TrimSpace(s) == "" {
				t.Errorf("dimensions[%d].guidance.%s = %#v, want a non-empty string", i, k, g[k])
			}
		}
		key, _ := d["key"].(string)
		if seen[key] {
			t.Errorf("dimension key %q appears twice", key)
		}
		seen[key] = true
		keys = append(keys, key)
	}
	for _, k := range []string{"customer", "release-cadence", "pm-expertise", "buyer-user"} {
		if !seen[k] {
			t.Errorf("dimension %q is missing", k)
		}
	}

	type template struct {
		Key        string   `json:"key"`
		Name       string   `json:"name"`
		Dimensions []string `json:"dimensions"`
	}
	var templates []template
	dec := json.NewDecoder(bytes.NewReader(raw["templates"]))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&templates); err != nil {
		t.Fatalf("templates: %v", err)
	}
	if len(templates) != 2 || templates[0].Key != "full" || templates[1].Key != "quick" {
		t.Fatalf("templates = %+v, want full and quick", templates)
	}
	for _, tm := range templates {
		if tm.Name == "" {
			t.Errorf("template %s has no name", tm.Key)
		}
	}
	if !slices.Equal(templates[0].Dimensions, keys) {
		t.Errorf("full template = %v, want every dimension in order %v", templates[0].Dimensions, keys)
	}
	quick := []string{"customer", "decision-makers", "decision-cycle", "acquisition", "revenue-model", "value", "customization", "release-cadence"}
	if !slices.Equal(templates[1].Dimensions, quick) {
		t.Errorf("quick template = %v, want %v", templates[1].Dimensions, quick)
	}

	human := mustRunCLI(t, "catalogue")
	for _, s := range []string{"customer", "release-cadence", "Templates", fmt.Sprintf("Full, %d dimensions", len(dims)), "Quick, 8 dimensions",
		"Whom does the product serve", "0 ToC: Individual people", "100 ToB: Companies and institutions", "Customer & decision"} {
		if !strings.Contains(human, s) {
			t.Errorf("catalogue lacks %q", s)
		}
	}
}
