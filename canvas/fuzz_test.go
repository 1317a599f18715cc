package canvas_test

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/edgefiles"
)

// FuzzImport feeds arbitrary bytes to the session file decoder. It must
// never panic or hang, and whatever it accepts must be a valid session
// that the store's record format (JSON, RFC 3339 times) can hold, and must
// survive an export and a re-import unchanged. The seeds sit on both sides
// of the edge of every field's range (package edgefiles); the store's own
// round trip is FuzzImportThroughStore in canvas/store.
func FuzzImport(f *testing.F) {
	example, err := os.ReadFile("testdata/example-session.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(example)
	f.Add([]byte(`{"format":"fulcrum-session","version":1,"title":"t","template":"quick"}`))
	f.Add([]byte(`{"format":"fulcrum-session","version":1,"participants":[{"name":"李"}],"placements":[{"dimension":"customer","participant":"x","value":5}]}`))
	f.Add([]byte(`{"format":"fulcrum-session","version":1,"round":{"mode":"blind","order":[],"dimensions":["value"]},"settings":{"threshold":30}}`))
	f.Add([]byte(`[]`))
	// Format 2: a custom dimension, placed, from a custom template.
	f.Add([]byte(`{"format":"fulcrum-session","version":2,"template":"t-45","dimensions":["customer","x"],"custom_dimensions":[{"key":"x","name":"X","question":"?","toc":"a","tob":"b","guidance":{"toc":"","tob":"g"},"group":"Nuevo"}],"participants":[{"id":"p","name":"P"}],"placements":[{"dimension":"x","participant":"p","value":40}]}`))
	for _, e := range edgefiles.Files() {
		f.Add(e.Data)
	}
	now := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := canvas.DecodeFile(bytes.NewReader(data), now)
		if err != nil {
			return
		}
		if err := s.Validate(); err != nil {
			t.Fatalf("an accepted session is not valid: %v", err)
		}
		// The store keeps sessions as JSON: what encoding/json cannot
		// write or read back (a time outside RFC 3339) could never be
		// loaded again.
		rec, err := json.Marshal(s)
		if err != nil {
			t.Fatalf("an accepted session cannot be stored as JSON: %v", err)
		}
		var stored canvas.Session
		if err := json.Unmarshal(rec, &stored); err != nil {
			t.Fatalf("an accepted session's JSON cannot be read back: %v\n%s", err, rec)
		}
		var out bytes.Buffer
		if err := canvas.EncodeFile(&out, s); err != nil {
			t.Fatalf("an accepted session does not encode: %v", err)
		}
		if out.Len() > canvas.MaxFileSize {
			t.Fatalf("the export of an accepted session takes %d bytes, over the %d-byte cap", out.Len(), canvas.MaxFileSize)
		}
		again, err := canvas.DecodeFile(bytes.NewReader(out.Bytes()), now)
		if err != nil {
			t.Fatalf("the export of an accepted session is refused: %v\n%s", err, out.Bytes())
		}
		if !reflect.DeepEqual(s, again) {
			t.Fatalf("round trip changed the session:\n got %+v\nwant %+v", again, s)
		}
		var out2 bytes.Buffer
		if err := canvas.EncodeFile(&out2, again); err != nil || !bytes.Equal(out.Bytes(), out2.Bytes()) {
			t.Fatalf("re-encoding differs (%v)", err)
		}
	})
}

// TestEdgeFiles holds each edge file to its side of the edge: the ones
// inside every range are accepted, the first step past one is refused.
func TestEdgeFiles(t *testing.T) {
	now := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	for _, e := range edgefiles.Files() {
		t.Run(e.Name, func(t *testing.T) {
			_, err := canvas.DecodeFile(bytes.NewReader(e.Data), now)
			switch {
			case e.Valid && err != nil:
				t.Errorf("refused: %v", err)
			case !e.Valid && err == nil:
				t.Errorf("accepted:\n%s", e.Data)
			}
		})
	}
}

// TestEdgeFilesFillEveryField: the accepted edge files, together, hold
// every field of the file format, so the round trips above cover the whole
// format. A field added to the format needs edge files of its own.
func TestEdgeFilesFillEveryField(t *testing.T) {
	filled := map[string]bool{}
	var walk func(v any, path string)
	walk = func(v any, path string) {
		switch v := v.(type) {
		case map[string]any:
			for k, child := range v {
				p := k
				if path != "" {
					p = path + "." + k
				}
				filled[p] = true
				walk(child, p)
			}
		case []any:
			for _, child := range v {
				walk(child, path+"[]")
			}
		}
	}
	for _, e := range edgefiles.Files() {
		var v any
		if err := json.Unmarshal(e.Data, &v); err != nil {
			t.Fatalf("%s: %v", e.Name, err)
		}
		if e.Valid {
			walk(v, "")
		}
	}
	paths := canvas.FileKeyPaths()
	if len(paths) < 40 {
		t.Fatalf("only %d key paths: %q", len(paths), paths)
	}
	for _, p := range paths {
		if !filled[p] {
			t.Errorf("no accepted edge file fills %s", p)
		}
	}
}
