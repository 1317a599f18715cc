package store_test

import (
	"bytes"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/edgefiles"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// FuzzImportThroughStore: whatever DecodeFile accepts is saved, loaded,
// checked, listed, exported and imported again, unchanged. The seeds are
// the edge files (every field at both ends of its range, and the first
// step past each end) and the example file; the fuzzer mutates from there.
// canvas's FuzzImport covers the file round trip alone, much faster.
func FuzzImportThroughStore(f *testing.F) {
	example, err := os.ReadFile("../testdata/example-session.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(example)
	for _, e := range edgefiles.Files() {
		f.Add(e.Data)
	}
	// One store for every input: opening a file per input would be most
	// of the work. Each input's session is deleted again after it.
	st, err := store.Open(f.TempDir()+"/fuzz.db", store.Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { st.Close() })
	now := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)

	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := canvas.DecodeFile(bytes.NewReader(data), now)
		if err != nil {
			return
		}
		want := s.Clone()
		ids, err := st.Import([]*canvas.Session{s})
		if err != nil {
			t.Fatalf("an accepted session cannot be imported: %v", err)
		}
		defer func() {
			if err := st.Delete(ids[0]); err != nil {
				t.Fatal(err)
			}
		}()
		want.ID = ids[0]

		got, err := st.Load(ids[0])
		if err != nil {
			t.Fatalf("an imported session cannot be loaded: %v", err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("the store changed the session:\n got %+v\nwant %+v", got, want)
		}
		if err := st.Check(); err != nil {
			t.Fatalf("the store fails its check after an import: %v", err)
		}
		if err := got.Validate(); err != nil {
			t.Fatalf("a loaded session is not valid: %v", err)
		}
		sums, err := st.ListSummaries()
		if err != nil {
			t.Fatalf("list after an import: %v", err)
		}
		if len(sums) != 1 {
			t.Fatalf("%d summaries, want 1", len(sums))
		}
		wantSum := store.Summarize(want)
		if sum := sums[0]; !sum.Updated.Equal(want.Updated) || sum.ID != wantSum.ID || sum.Title != wantSum.Title ||
			sum.Product != wantSum.Product || sum.Band() != wantSum.Band() || sum.IndexValid != wantSum.IndexValid || sum.Index != wantSum.Index {
			t.Fatalf("summary %+v, want %+v", sum, wantSum)
		}

		var out bytes.Buffer
		if err := canvas.EncodeFile(&out, got); err != nil {
			t.Fatalf("a loaded session cannot be exported: %v", err)
		}
		again, err := canvas.DecodeFile(bytes.NewReader(out.Bytes()), now)
		if err != nil {
			t.Fatalf("the export of a loaded session is refused: %v\n%s", err, out.Bytes())
		}
		if !reflect.DeepEqual(again, want) {
			t.Fatalf("export and import changed the session:\n got %+v\nwant %+v", again, want)
		}
	})
}
