package cli_test

import (
	"encoding/json"
	"math"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// summaryJSON mirrors `fulcrum summary --json`; unknown fields are errors.
type summaryJSON struct {
	ID         string    `json:"id"`
	Index      *float64  `json:"index"`
	Label      string    `json:"label"`
	Band       *string   `json:"band"`
	Threshold  int       `json:"threshold"`
	Dimensions []dimJSON `json:"dimensions"`
	Actions    []struct {
		Text      string `json:"text"`
		Owner     string `json:"owner"`
		Due       string `json:"due"`
		Dimension string `json:"dimension"`
		Done      bool   `json:"done"`
	} `json:"actions"`
	Tensions []tensionJSON `json:"tensions"`
}

type tensionJSON struct {
	Rule       string    `json:"rule"`
	Dimensions []string  `json:"dimensions"`
	Values     []float64 `json:"values"`
	Accepted   bool      `json:"accepted"`
	Reason     string    `json:"reason"`
}

type dimJSON struct {
	Key     string   `json:"key"`
	Count   int      `json:"count"`
	Min     *int     `json:"min"`
	Max     *int     `json:"max"`
	Median  *float64 `json:"median"`
	Mean    *float64 `json:"mean"`
	Spread  *int     `json:"spread"`
	Flagged bool     `json:"flagged"`
	Current *int     `json:"current"`
	Target  *int     `json:"target"`
}

// TestSummaryJSON checks `summary --json` against figures worked out by
// hand:
//
//	customer         10 20 30 80: count 4, min 10, max 80, median 25,
//	                 mean 35, spread 70 ≥ 40 flagged; target 90, no current
//	decision-makers  50 50: spread 0, not flagged; current 60
//	acquisition      no placements: all null; current 30, target 10
//	value            nothing at all
//
// The index is the mean of the positions: customer's median 25,
// decision-makers' current 60 (not its median 50) and acquisition's
// current 30; value has none. (25 + 60 + 30) / 3 = 38.33…, Leaning ToC.
func TestSummaryJSON(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "sum.db")
	file := writeJSONFile(t, filepath.Join(dir, "sum.json"), map[string]any{
		"format":     "fulcrum-session",
		"version":    1,
		"id":         "s-summary",
		"title":      "Summary check",
		"product":    "Widget",
		"created":    "2026-02-01T10:00:00Z",
		"template":   "quick",
		"dimensions": []string{"customer", "decision-makers", "acquisition", "value"},
		"participants": []any{
			map[string]any{"id": "p1", "name": "Uno"},
			map[string]any{"id": "p2", "name": "Dos"},
			map[string]any{"id": "p3", "name": "Tres"},
			map[string]any{"id": "p4", "name": "Cuatro"},
		},
		"placements": []any{
			map[string]any{"dimension": "customer", "participant": "p1", "value": 10},
			map[string]any{"dimension": "customer", "participant": "p2", "value": 20},
			map[string]any{"dimension": "customer", "participant": "p3", "value": 30},
			map[string]any{"dimension": "customer", "participant": "p4", "value": 80},
			map[string]any{"dimension": "decision-makers", "participant": "p1", "value": 50},
			map[string]any{"dimension": "decision-makers", "participant": "p3", "value": 50},
		},
		"positions": []any{
			map[string]any{"dimension": "customer", "target": 90},
			map[string]any{"dimension": "decision-makers", "current": 60},
			map[string]any{"dimension": "acquisition", "current": 30, "target": 10},
		},
		"actions": []any{
			map[string]any{"text": "Mapear el comité", "owner": "Uno", "due": "2026-03-01", "dimension": "customer", "done": true},
			map[string]any{"text": "续约数据"},
		},
	})
	if id := importIDs(t, db, file)[0]; id != "s-summary" {
		t.Fatalf("import printed %q, want s-summary", id)
	}

	raw := mustRunCLI(t, "summary", "--db", db, "s-summary", "--json")
	var got summaryJSON
	dec := json.NewDecoder(strings.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("summary --json: %v\n%s", err, raw)
	}

	ip := func(v int) *int { return &v }
	fp := func(v float64) *float64 { return &v }
	want := summaryJSON{
		ID:        "s-summary",
		Index:     fp(115.0 / 3),
		Label:     "Leaning ToC",
		Threshold: 40,
		Dimensions: []dimJSON{
			{Key: "customer", Count: 4, Min: ip(10), Max: ip(80), Median: fp(25), Mean: fp(35), Spread: ip(70), Flagged: true, Target: ip(90)},
			{Key: "decision-makers", Count: 2, Min: ip(50), Max: ip(50), Median: fp(50), Mean: fp(50), Spread: ip(0), Current: ip(60)},
			{Key: "acquisition", Current: ip(30), Target: ip(10)},
			{Key: "value"},
		},
	}
	if got.Band == nil || *got.Band != "leaning-toc" {
		t.Errorf("band = %s, want \"leaning-toc\"\n%s", jsonString(t, got.Band), raw)
	}
	if got.ID != want.ID || got.Label != want.Label || got.Threshold != want.Threshold {
		t.Errorf("id/label/threshold = %q/%q/%d, want %q/%q/%d", got.ID, got.Label, got.Threshold, want.ID, want.Label, want.Threshold)
	}
	if got.Index == nil || math.Abs(*got.Index-*want.Index) > 1e-9 {
		t.Errorf("index = %s, want 38.333…\n%s", jsonString(t, got.Index), raw)
	}
	// Every action with every key, done or not.
	if a := got.Actions; len(a) != 2 || a[0].Text != "Mapear el comité" || a[0].Owner != "Uno" || a[0].Due != "2026-03-01" ||
		a[0].Dimension != "customer" || !a[0].Done || a[1].Text != "续约数据" || a[1].Done || a[1].Owner != "" {
		t.Errorf("actions = %s", jsonString(t, got.Actions))
	}
	for _, k := range []string{`"owner":""`, `"due":""`, `"dimension":""`, `"done":false`} {
		if !strings.Contains(strings.Join(strings.Fields(raw), ""), k) {
			t.Errorf("summary --json leaves out %s for an action without it:\n%s", k, raw)
		}
	}
	// No two positions contradict each other: an empty list, not null.
	if got.Tensions == nil || len(got.Tensions) != 0 || !strings.Contains(raw, `"tensions": []`) {
		t.Errorf("tensions = %s, want []\n%s", jsonString(t, got.Tensions), raw)
	}
	// Compare dimensions without the index float: exact values all.
	if !reflect.DeepEqual(got.Dimensions, want.Dimensions) {
		t.Errorf("dimensions differ:\n got %s\nwant %s", jsonString(t, got.Dimensions), jsonString(t, want.Dimensions))
	}

	// Missing numbers are JSON null, not left out.
	var loose struct {
		Dimensions []map[string]any `json:"dimensions"`
	}
	if err := json.Unmarshal([]byte(raw), &loose); err != nil {
		t.Fatal(err)
	}
	if len(loose.Dimensions) == 4 {
		for _, k := range []string{"min", "max", "median", "mean", "spread", "current", "target"} {
			if v, ok := loose.Dimensions[3][k]; !ok || v != nil {
				t.Errorf("value.%s = %v (present %v), want null", k, v, ok)
			}
		}
	}

	// summary without --json is a usage error; an unknown id an error.
	if r := runCLI(t, nil, "summary", "--db", db, "s-summary"); r.code != 2 || r.stdout != "" || !strings.Contains(r.stderr, "--json") {
		t.Errorf("summary without --json: exit %d, stdout %q, stderr %q; want 2, nothing, a hint at --json", r.code, r.stdout, r.stderr)
	}
	if r := runCLI(t, nil, "summary", "--db", db, "no-such-id", "--json"); r.code != 1 || r.stdout != "" || r.stderr == "" {
		t.Errorf("summary of an unknown id: exit %d, stdout %q, stderr %q; want 1, nothing, a message", r.code, r.stdout, r.stderr)
	}
	if r := runCLI(t, nil, "summary", "--help"); r.code != 0 || r.stderr != "" || !strings.Contains(r.stdout, "fulcrum summary") || !strings.Contains(r.stdout, "-json") {
		t.Errorf("summary --help: exit %d, stdout %q, stderr %q; want 0 and the usage on stdout", r.code, r.stdout, r.stderr)
	}
}

// TestSummaryJSONTensions checks the tensions of `summary --json` against
// positions worked out by hand:
//
//	decision-makers  agreed 75 (a committee)
//	decision-cycle   placements 0, 5, 40: median 5 (bought in minutes)
//	acquisition      agreed 20 (self-serve sign-up)
//	customer         agreed 80, so "individuals vs a committee" is quiet
//
// committee-impulse (75, 5) and committee-self-serve (75, 20) fire, in
// rule order; the team accepted the second with a reason, and a rule this
// build lacks is accepted too but shows nowhere. In an unrevealed blind
// round on decision-cycle, its hidden placements count for nothing, and
// only committee-self-serve is left.
func TestSummaryJSONTensions(t *testing.T) {
	reason := "we sell to committees but land through a free trial on purpose"
	session := func(id string, round any) map[string]any {
		m := map[string]any{
			"format": "fulcrum-session", "version": 1, "id": id, "title": "Tensions", "product": "Widget",
			"created":    "2026-02-01T10:00:00Z",
			"dimensions": []string{"customer", "decision-makers", "decision-cycle", "acquisition"},
			"participants": []any{
				map[string]any{"id": "p1", "name": "Uno"},
				map[string]any{"id": "p2", "name": "Dos"},
				map[string]any{"id": "p3", "name": "Tres"},
			},
			"placements": []any{
				map[string]any{"dimension": "decision-cycle", "participant": "p1", "value": 40},
				map[string]any{"dimension": "decision-cycle", "participant": "p2", "value": 0},
				map[string]any{"dimension": "decision-cycle", "participant": "p3", "value": 5},
			},
			"positions": []any{
				map[string]any{"dimension": "customer", "current": 80},
				map[string]any{"dimension": "decision-makers", "current": 75},
				map[string]any{"dimension": "acquisition", "current": 20},
			},
			"accepted_tensions": []any{
				map[string]any{"rule": "retired-rule", "reason": "from another Fulcrum"},
				map[string]any{"rule": "committee-self-serve", "reason": reason},
			},
		}
		if round != nil {
			m["round"] = round
		}
		return m
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	open := writeJSONFile(t, filepath.Join(dir, "open.json"), session("s-open", nil))
	hidden := writeJSONFile(t, filepath.Join(dir, "hidden.json"), session("s-hidden", map[string]any{
		"mode": "blind", "dimensions": []string{"decision-cycle"}, "order": []string{"p1", "p2", "p3"}, "done": []string{"p1", "p2", "p3"},
	}))
	importIDs(t, db, open, hidden)

	selfServe := tensionJSON{Rule: "committee-self-serve", Dimensions: []string{"decision-makers", "acquisition"}, Values: []float64{75, 20}, Accepted: true, Reason: reason}
	for _, tc := range []struct {
		id   string
		want []tensionJSON
	}{
		{"s-open", []tensionJSON{
			{Rule: "committee-impulse", Dimensions: []string{"decision-makers", "decision-cycle"}, Values: []float64{75, 5}},
			selfServe,
		}},
		{"s-hidden", []tensionJSON{selfServe}},
	} {
		raw := mustRunCLI(t, "summary", "--db", db, tc.id, "--json")
		var got summaryJSON
		dec := json.NewDecoder(strings.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&got); err != nil {
			t.Fatalf("%s: summary --json: %v\n%s", tc.id, err, raw)
		}
		if !reflect.DeepEqual(got.Tensions, tc.want) {
			t.Errorf("%s: tensions\n got %s\nwant %s", tc.id, jsonString(t, got.Tensions), jsonString(t, tc.want))
		}
		// An open tension still carries every key.
		if tc.id == "s-open" && !strings.Contains(strings.Join(strings.Fields(raw), ""), `"accepted":false,"reason":""`) {
			t.Errorf("an open tension leaves out accepted or reason:\n%s", raw)
		}
	}
}
