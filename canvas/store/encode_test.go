package store

import (
	"encoding/json"
	"reflect"
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
	s.Actions = []canvas.Action{{Text: "Llamar", Owner: "Ana", Due: "2026-12-15", Dimension: "customer"}, {Text: "整理"}}
	s.Settings = canvas.Settings{Threshold: 30, Anonymous: true, TimerSeconds: 90, TimerScope: canvas.TimerPerRound}
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
