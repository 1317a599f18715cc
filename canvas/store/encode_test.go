package store

import (
	"encoding/binary"
	"encoding/json"
	"math"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// TestHandEncodingMatchesEncodingJSON decodes the hand-written record and
// the one encoding/json writes for the same session, and requires the same
// result: the hand encoder must know every field of a session.
func TestHandEncodingMatchesEncodingJSON(t *testing.T) {
	now := time.Date(2026, 11, 22, 9, 30, 15, 123456789, time.UTC)
	s, err := canvas.NewSession(canvas.TemplateQuick, "Título \"con\" comillas\\ y\ttab\n<b>&</b> \u2028 \x01", "产品 · Nubia", now)
	if err != nil {
		t.Fatal(err)
	}
	s.Facilitator = "José"
	a, _ := s.AddParticipant("Ana García", "Ventas")
	b, _ := s.AddParticipant("李伟", "")
	_ = s.SetPlacement(canvas.Placement{Dimension: "customer", Participant: a.ID, Value: 85, Confidence: 4, Note: "bien \"así\""})
	_ = s.SetPlacement(canvas.Placement{Dimension: "customer", Participant: b.ID, Value: 0})
	_ = s.SetCurrent("customer", 80)
	v := 90
	_ = s.SetTarget("customer", &v)
	_ = s.SetNote("value", "只有备注")
	s.Actions = []canvas.Action{{Text: "Llamar", Owner: "Ana", Due: "2026-12-15", Dimension: "customer", Done: true}, {Text: "整理"}}
	s.Settings = canvas.Settings{Threshold: 30, Anonymous: true, TimerSeconds: 90, TimerScope: canvas.TimerPerRound}
	s.AcceptedTensions = []canvas.AcceptedTension{{Rule: "committee-impulse", Reason: "a \"trial\" first\n先试用"}, {Rule: "retired-rule", Reason: "\x01"}}
	if err := s.StartRound(canvas.RoundBlind, []string{"value"}, now); err != nil {
		t.Fatal(err)
	}
	_ = s.FinishTurn(a.ID)
	s.Round.Current = b.ID
	bare := canvas.Session{ID: "x", Title: "t", Created: now, Updated: now}

	for name, sess := range map[string]*canvas.Session{"rich": s, "bare": &bare} {
		t.Run(name, func(t *testing.T) {
			shallow := *sess
			shallow.Dimensions = nil
			want, err := json.Marshal(recordV2{Version: SchemaVersion, Session: &shallow, Dims: "ref"})
			if err != nil {
				t.Fatal(err)
			}
			got := appendRecord(nil, sess, "ref")
			var g, w recordV2
			if err := json.Unmarshal(got, &g); err != nil {
				t.Fatalf("hand-encoded record is not JSON: %v\n%s", err, got)
			}
			if err := json.Unmarshal(want, &w); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(g, w) {
				t.Errorf("hand encoding decodes differently:\n got %+v\nwant %+v", g.Session, w.Session)
			}
			var gm, wm map[string]any
			_ = json.Unmarshal(got, &gm)
			_ = json.Unmarshal(want, &wm)
			if !reflect.DeepEqual(gm, wm) {
				t.Errorf("hand encoding has other fields:\n got %v\nwant %v", gm, wm)
			}
		})
	}
}

// FuzzAppendString holds the hand-written string encoder to what
// encoding/json reads back for any input, valid UTF-8 or not, including
// the special bytes at every offset of the eight-byte scan.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "plain ascii text!", "Título \"con\" comillas\\ y\ttab\n", "以及一些中文说明。",
		"12345678\"", "1234567\x1f8", "abcdefg\\", "abcdefgh\xff\xfe", "\u2028\u2029 <&> \x7f", "ñ1234567\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := appendString(nil, s)
		var g string
		if err := json.Unmarshal(got, &g); err != nil {
			t.Fatalf("appendString(%q) = %s: not a JSON string: %v", s, got, err)
		}
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var w string
		if err := json.Unmarshal(want, &w); err != nil {
			t.Fatal(err)
		}
		if g != w {
			t.Errorf("appendString(%q) reads back as %q; encoding/json's as %q", s, g, w)
		}
	})
}

// TestSummaryLayouts: a summary reads back as written for the earliest and
// latest times and holds figures, not words; summaries of schemas 2 and 3,
// which held an English label, still read, their band from their index.
func TestSummaryLayouts(t *testing.T) {
	for _, at := range []time.Time{
		time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(1600, 2, 29, 1, 2, 3, 4, time.UTC),
		time.Date(2026, 11, 28, 7, 30, 0, 123, time.UTC),
		time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC),
	} {
		want := Summary{ID: "id", Title: "Título", Product: "产品", Updated: at, Index: 61.5, IndexValid: true}
		raw := encodeSummary(want)
		got, err := decodeSummary(raw)
		if err != nil || !got.Updated.Equal(at) || got.Title != want.Title || got.Index != want.Index || !got.IndexValid || got.Band() != canvas.BandLeaningToB {
			t.Errorf("%v: decoded %+v, %v", at, got, err)
		}
		if raw[0] != summaryV4 {
			t.Errorf("written as layout %d, want %d", raw[0], summaryV4)
		}
		// id, title and product, and nothing but figures after them.
		if n := 1 + 3 + len("id") + len("Título") + len("产品") + summaryV3Tail; len(raw) != n {
			t.Errorf("a summary takes %d bytes, want %d: only its three strings and figures", len(raw), n)
		}
	}

	// The layouts of schemas 2 and 3, as those builds wrote them, with the
	// English label the list used to show. The label is read past: the
	// band comes from the index (30 is leaning-toc, whatever it says).
	at := time.Date(2026, 11, 21, 10, 0, 0, 5, time.UTC)
	withLabel := func(version byte, label string) []byte {
		b := []byte{version}
		for _, s := range []string{"id", "t", "p", label} {
			b = binary.AppendUvarint(b, uint64(len(s)))
			b = append(b, s...)
		}
		if version == summaryV2 {
			b = binary.LittleEndian.AppendUint64(b, uint64(at.UnixNano()))
		} else {
			b = binary.LittleEndian.AppendUint64(b, uint64(at.Unix()))
			b = binary.LittleEndian.AppendUint32(b, uint32(at.Nanosecond()))
		}
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(30))
		return append(b, 1)
	}
	v2, v3 := withLabel(summaryV2, "Leaning ToC"), withLabel(summaryV3, "Leaning ToC")
	for name, raw := range map[string][]byte{"schema 2": v2, "schema 3": v3} {
		got, err := decodeSummary(raw)
		if err != nil || got.ID != "id" || got.Product != "p" || !got.Updated.Equal(at) || got.Index != 30 || !got.IndexValid || got.Band() != canvas.BandLeaningToC {
			t.Errorf("%s summary decoded as %+v (band %q), %v", name, got, got.Band(), err)
		}
	}
	// A version 4 summary is as long as a version 3 one without its label:
	// one read with the other's string count must fail, not misread.
	v4 := encodeSummary(Summary{ID: "id", Title: "t", Product: "p", Updated: at, Index: 30, IndexValid: true})
	v3as4 := append([]byte{summaryV4}, v3[1:]...)
	v4as3 := append([]byte{summaryV3}, v4[1:]...)
	for _, bad := range [][]byte{v2[:len(v2)-1], append(slices.Clone(v2), 0), {summaryV3}, {summaryV4}, v4[:len(v4)-1], v3as4, v4as3, {5}, {9}} {
		if _, err := decodeSummary(bad); err == nil {
			t.Errorf("decodeSummary(%x) succeeded", bad)
		}
	}
}
