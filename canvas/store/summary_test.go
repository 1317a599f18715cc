package store_test

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
	bolt "go.etcd.io/bbolt"
)

// TestListSummariesAcrossEveryYear: list dates stay right and in order for
// every time a session may hold, not only 1678-2262, where Unix
// nanoseconds fit: 9999-12-31 used to read back as 1816, and 1600 sorted
// as the newest session.
func TestListSummariesAcrossEveryYear(t *testing.T) {
	st := openStore(t, dbPath(t), store.Options{})
	defer st.Close()
	times := map[string]time.Time{
		"y0000": time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC),
		"y0001": time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC),
		"y1600": time.Date(1600, 6, 1, 12, 0, 0, 5, time.UTC),
		"y1677": time.Date(1677, 9, 21, 0, 12, 43, 0, time.UTC),
		"y2026": time.Date(2026, 11, 28, 7, 30, 0, 0, time.UTC),
		"y2263": time.Date(2263, 1, 1, 0, 0, 0, 0, time.UTC),
		"y9999": time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC),
	}
	for id, at := range times {
		s, err := canvas.NewSession(canvas.TemplateQuick, "Session "+id, "P", at)
		must(t, err)
		s.ID = id
		s.Updated = at
		must(t, st.Save(s))
	}
	sums, err := st.ListSummaries()
	must(t, err)
	var ids []string
	for _, sum := range sums {
		ids = append(ids, sum.ID)
		if want := times[sum.ID]; !sum.Updated.Equal(want) {
			t.Errorf("summary %s: updated %v, want %v", sum.ID, sum.Updated, want)
		}
	}
	if want := []string{"y9999", "y2263", "y2026", "y1677", "y1600", "y0001", "y0000"}; !slices.Equal(ids, want) {
		t.Errorf("order %v, want newest first %v", ids, want)
	}
}

// TestSchemaFixtureListsTheSameSessions: the committed schema-1 file lists
// its three sessions with their dates after this build rewrites one
// summary in its own layout, beside summaries it did not touch.
func TestSchemaFixtureListsTheSameSessions(t *testing.T) {
	path := dbPath(t)
	writeBytes(t, path, readBytes(t, schemaFixture))
	st := openStore(t, path, store.Options{})
	defer st.Close()
	want := map[string]time.Time{
		"schema1-a": time.Date(2026, 11, 21, 10, 0, 0, 0, time.UTC),
		"schema1-b": time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC),
		"schema1-c": time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC),
	}
	check := func(when string) {
		t.Helper()
		sums, err := st.ListSummaries()
		must(t, err)
		var got []string
		for _, s := range sums {
			got = append(got, s.ID)
			if !s.Updated.Equal(want[s.ID]) {
				t.Errorf("%s: %s updated %v, want %v", when, s.ID, s.Updated, want[s.ID])
			}
		}
		if !slices.Equal(got, []string{"schema1-b", "schema1-a", "schema1-c"}) {
			t.Errorf("%s: order %v", when, got)
		}
	}
	check("as committed")
	s, err := st.Load("schema1-c")
	must(t, err)
	must(t, st.Save(s))
	check(fmt.Sprintf("after a schema %d save", store.SchemaVersion))
}

// summaryV3Bytes is a summary as the schema 3 build wrote it: id, title,
// product and the English index label, then the time, the index and
// whether it is valid.
func summaryV3Bytes(sum store.Summary, label string) string {
	b := []byte{3}
	for _, s := range []string{sum.ID, sum.Title, sum.Product, label} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = binary.LittleEndian.AppendUint64(b, uint64(sum.Updated.Unix()))
	b = binary.LittleEndian.AppendUint32(b, uint32(sum.Updated.Nanosecond()))
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(sum.Index))
	valid := byte(0)
	if sum.IndexValid {
		valid = 1
	}
	return string(append(b, valid))
}

// TestSchema3SummariesStillList: a file whose summaries hold the English
// label (schema 3) lists the same sessions with their bands, passes the
// check, and after a save lists them still, the saved one in the layout
// without words. Nothing saved is lost.
func TestSchema3SummariesStillList(t *testing.T) {
	path := dbPath(t)
	st, err := store.Open(path, store.Options{})
	must(t, err)
	tob := newSession(t, "Sesión ToB", "Nubia CRM")
	must(t, tob.SetCurrent("customer", 70))
	none := newSession(t, "会话", "产品")
	none.Touch(baseTime.Add(time.Hour))
	must(t, st.Save(tob))
	must(t, st.Save(none))
	must(t, st.Close())
	// As the schema 3 build left the file. The labels say something else
	// on purpose: the band comes from the index, never from stored words.
	setRaw(t, path, "summaries", tob.ID, summaryV3Bytes(store.Summarize(tob), "Strongly ToC"))
	setRaw(t, path, "summaries", none.ID, summaryV3Bytes(store.Summarize(none), ""))
	setRaw(t, path, "meta", "schema", "3")

	st = openStore(t, path, store.Options{})
	want := []wantSummary{
		{none.ID, "会话", "产品", baseTime.Add(time.Hour), 0, false, ""},
		{tob.ID, "Sesión ToB", "Nubia CRM", baseTime, 70, true, canvas.BandLeaningToB},
	}
	checkSummaries(t, st, want)
	must(t, st.Check())

	s, err := st.Load(tob.ID)
	must(t, err)
	must(t, st.Save(s))
	checkSummaries(t, st, want)
	must(t, st.Check())
	must(t, st.Close())

	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	must(t, err)
	defer db.Close()
	must(t, db.View(func(tx *bolt.Tx) error {
		if v := string(tx.Bucket([]byte("meta")).Get([]byte("schema"))); v != fmt.Sprint(store.SchemaVersion) {
			t.Errorf("schema after a save = %q, want %d", v, store.SchemaVersion)
		}
		saved := tx.Bucket([]byte("summaries")).Get([]byte(tob.ID))
		if strings.Contains(string(saved), "Strongly") || strings.Contains(string(saved), "Leaning") || saved[0] != 4 {
			t.Errorf("the saved summary is layout %d and holds words: %q", saved[0], saved)
		}
		return nil
	}))
}
