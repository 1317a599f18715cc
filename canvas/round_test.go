package canvas_test

import (
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// roundNow is the clock of the round tests; its nanoseconds must be cut.
var roundNow = time.Date(2026, 11, 20, 10, 15, 30, 987654321, time.FixedZone("CET", 60*60))

// quickWithPeople is a Quick session (customer, decision-makers,
// decision-cycle, acquisition, revenue-model, value, customization,
// release-cadence) with the named participants added in order.
func quickWithPeople(t *testing.T, names ...string) (*canvas.Session, []string) {
	t.Helper()
	s := newQuickSession(t)
	var ids []string
	for _, n := range names {
		p, err := s.AddParticipant(n, "")
		if err != nil {
			t.Fatalf("AddParticipant(%q): %v", n, err)
		}
		ids = append(ids, p.ID)
	}
	return s, ids
}

// place puts values[i] for participant ids[i] on dim.
func place(t *testing.T, s *canvas.Session, ids []string, dim string, values ...int) {
	t.Helper()
	if len(values) > len(ids) {
		t.Fatalf("place: %d values for %d participants", len(values), len(ids))
	}
	for i, v := range values {
		if err := s.SetPlacement(canvas.Placement{Dimension: dim, Participant: ids[i], Value: v}); err != nil {
			t.Fatalf("SetPlacement(%s, %s, %d): %v", dim, ids[i], v, err)
		}
	}
}

func floatPtr(v float64) *float64 { return &v }

func fmtInt(p *int) string {
	if p == nil {
		return "nil"
	}
	return strconv.Itoa(*p)
}

func itoa(v int) string { return strconv.Itoa(v) }

func fmtFloat(p *float64) string {
	if p == nil {
		return "nil"
	}
	b, _ := json.Marshal(*p)
	return string(b)
}

func eqInt(a, b *int) bool {
	return (a == nil) == (b == nil) && (a == nil || *a == *b)
}

func eqFloat(a, b *float64) bool {
	return (a == nil) == (b == nil) && (a == nil || math.Abs(*a-*b) < 1e-9)
}

// checkDimSummary compares every field of a DimensionSummary.
func checkDimSummary(t *testing.T, got, want canvas.DimensionSummary) {
	t.Helper()
	if got.Key != want.Key || got.Count != want.Count || got.Flagged != want.Flagged {
		t.Errorf("key/count/flagged = %q/%d/%v, want %q/%d/%v", got.Key, got.Count, got.Flagged, want.Key, want.Count, want.Flagged)
	}
	for _, f := range []struct {
		name      string
		got, want *int
	}{
		{"min", got.Min, want.Min}, {"max", got.Max, want.Max}, {"spread", got.Spread, want.Spread},
		{"current", got.Current, want.Current}, {"target", got.Target, want.Target},
	} {
		if !eqInt(f.got, f.want) {
			t.Errorf("%s %s = %s, want %s", want.Key, f.name, fmtInt(f.got), fmtInt(f.want))
		}
	}
	for _, f := range []struct {
		name      string
		got, want *float64
	}{
		{"median", got.Median, want.Median}, {"mean", got.Mean, want.Mean},
	} {
		if !eqFloat(f.got, f.want) {
			t.Errorf("%s %s = %s, want %s", want.Key, f.name, fmtFloat(f.got), fmtFloat(f.want))
		}
	}
}

// --- summary ----------------------------------------------------------------

func TestDimensionSummary(t *testing.T) {
	type want struct {
		count            int
		min, max, spread *int
		median, mean     *float64
		flagged          bool
	}
	full := func(count, mn, mx int, median, mean float64, spread int, flagged bool) want {
		return want{count, intPtr(mn), intPtr(mx), intPtr(spread), floatPtr(median), floatPtr(mean), flagged}
	}
	tests := []struct {
		name      string
		threshold int
		values    []int
		want      want
	}{
		// sorted 10 30 70: median 30, mean 110/3, spread 60.
		{"odd count", 0, []int{70, 10, 30}, full(3, 10, 70, 30, 110.0/3, 60, true)},
		// sorted 10 20 40 90: median (20+40)/2 = 30, mean 160/4 = 40.
		{"even count", 0, []int{40, 90, 10, 20}, full(4, 10, 90, 30, 40, 80, true)},
		// sorted 0 15 20 100: median 17.5, mean 135/4 = 33.75.
		{"even count, half median", 0, []int{100, 20, 0, 15}, full(4, 0, 100, 17.5, 33.75, 100, true)},
		{"two values", 0, []int{15, 20}, full(2, 15, 20, 17.5, 17.5, 5, false)},
		{"single placement", 0, []int{42}, full(1, 42, 42, 42, 42, 0, false)},
		{"none", 0, nil, want{}},
		{"none with threshold 25", 25, nil, want{}},
		{"all equal", 0, []int{55, 55, 55}, full(3, 55, 55, 55, 55, 0, false)},
		{"default threshold, spread 40", 0, []int{30, 70}, full(2, 30, 70, 50, 50, 40, true)},
		{"default threshold, spread 39", 0, []int{30, 69}, full(2, 30, 69, 49.5, 49.5, 39, false)},
		{"default threshold, spread 41", 0, []int{30, 71}, full(2, 30, 71, 50.5, 50.5, 41, true)},
		{"threshold 25, spread 25", 25, []int{10, 35}, full(2, 10, 35, 22.5, 22.5, 25, true)},
		{"threshold 25, spread 24", 25, []int{10, 34}, full(2, 10, 34, 22, 22, 24, false)},
		{"threshold 25, spread 39", 25, []int{10, 49, 30}, full(3, 10, 49, 30, 89.0/3, 39, true)},
		{"threshold 100, spread 100", 100, []int{0, 100}, full(2, 0, 100, 50, 50, 100, true)},
		{"threshold 100, spread 99", 100, []int{1, 100}, full(2, 1, 100, 50.5, 50.5, 99, false)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ids := quickWithPeople(t, "A", "B", "C", "D")
			s.Settings.Threshold = tt.threshold
			place(t, s, ids, "customer", tt.values...)
			// Values elsewhere must not leak into customer's figures.
			place(t, s, ids, "value", 0, 100, 3, 99)
			w := canvas.DimensionSummary{Key: "customer", Count: tt.want.count, Min: tt.want.min, Max: tt.want.max,
				Median: tt.want.median, Mean: tt.want.mean, Spread: tt.want.spread, Flagged: tt.want.flagged}
			checkDimSummary(t, s.DimensionSummary("customer"), w)
		})
	}
}

func TestDimensionSummaryPosition(t *testing.T) {
	s, ids := quickWithPeople(t, "A", "B")
	place(t, s, ids, "customer", 20, 80)
	if err := s.SetCurrent("customer", 65); err != nil {
		t.Fatal(err)
	}
	if err := s.SetTarget("customer", intPtr(90)); err != nil {
		t.Fatal(err)
	}
	if err := s.SetTarget("value", intPtr(10)); err != nil {
		t.Fatal(err)
	}
	got := s.DimensionSummary("customer")
	checkDimSummary(t, got, canvas.DimensionSummary{Key: "customer", Count: 2, Min: intPtr(20), Max: intPtr(80),
		Median: floatPtr(50), Mean: floatPtr(50), Spread: intPtr(60), Flagged: true, Current: intPtr(65), Target: intPtr(90)})
	// A target without placements or current.
	checkDimSummary(t, s.DimensionSummary("value"), canvas.DimensionSummary{Key: "value", Target: intPtr(10)})

	// The summary holds copies: changing it leaves the session alone.
	*got.Current, *got.Target = 1, 2
	if p := s.Position("customer"); *p.Current != 65 || *p.Target != 90 {
		t.Errorf("changing the summary changed the position to %d/%d", *p.Current, *p.Target)
	}
}

func TestSummary(t *testing.T) {
	s, ids := quickWithPeople(t, "A", "B", "C", "D")
	// customer: 10 20 30 80 → median 25, mean 35, spread 70.
	place(t, s, ids, "customer", 10, 20, 30, 80)
	// decision-makers: 50 50, current 60 → counts 60 in the index.
	place(t, s, ids, "decision-makers", 50, 50)
	if err := s.SetCurrent("decision-makers", 60); err != nil {
		t.Fatal(err)
	}
	// value: no placements, only a target → not in the index.
	if err := s.SetTarget("value", intPtr(70)); err != nil {
		t.Fatal(err)
	}
	// Index = (25 + 60) / 2 = 42.5, Hybrid.
	sum := s.Summary()
	if sum.ID != s.ID {
		t.Errorf("ID = %q, want %q", sum.ID, s.ID)
	}
	if sum.Index == nil || *sum.Index != 42.5 {
		t.Errorf("Index = %s, want 42.5", fmtFloat(sum.Index))
	}
	if sum.Band != canvas.BandHybrid {
		t.Errorf("Band = %q, want %q", sum.Band, canvas.BandHybrid)
	}
	if sum.Threshold != 40 {
		t.Errorf("Threshold = %d, want 40", sum.Threshold)
	}
	wantKeys := []string{"customer", "decision-makers", "decision-cycle", "acquisition", "revenue-model", "value", "customization", "release-cadence"}
	var keys []string
	for _, d := range sum.Dimensions {
		keys = append(keys, d.Key)
	}
	if !slices.Equal(keys, wantKeys) {
		t.Fatalf("dimension keys = %v, want %v", keys, wantKeys)
	}
	checkDimSummary(t, sum.Dimensions[0], canvas.DimensionSummary{Key: "customer", Count: 4, Min: intPtr(10), Max: intPtr(80),
		Median: floatPtr(25), Mean: floatPtr(35), Spread: intPtr(70), Flagged: true})
	checkDimSummary(t, sum.Dimensions[1], canvas.DimensionSummary{Key: "decision-makers", Count: 2, Min: intPtr(50), Max: intPtr(50),
		Median: floatPtr(50), Mean: floatPtr(50), Spread: intPtr(0), Current: intPtr(60)})
	checkDimSummary(t, sum.Dimensions[2], canvas.DimensionSummary{Key: "decision-cycle"})
	checkDimSummary(t, sum.Dimensions[5], canvas.DimensionSummary{Key: "value", Target: intPtr(70)})

	s.Settings.Threshold = 25
	if got := s.Summary().Threshold; got != 25 {
		t.Errorf("Threshold with Settings.Threshold 25 = %d", got)
	}
	// 70 is flagged with threshold 70, not with 71.
	s.Settings.Threshold = 70
	if !s.Summary().Dimensions[0].Flagged {
		t.Error("spread 70 not flagged with threshold 70")
	}
	s.Settings.Threshold = 71
	if s.Summary().Dimensions[0].Flagged {
		t.Error("spread 70 flagged with threshold 71")
	}
}

func TestSummaryEmpty(t *testing.T) {
	s, _ := quickWithPeople(t, "A")
	sum := s.Summary()
	if sum.Index != nil || sum.Band != "" {
		t.Errorf("index/band of an empty session = %s/%q, want nil/\"\"", fmtFloat(sum.Index), sum.Band)
	}
	if len(sum.Dimensions) != 8 {
		t.Fatalf("%d dimensions, want 8", len(sum.Dimensions))
	}
	for _, d := range sum.Dimensions {
		checkDimSummary(t, d, canvas.DimensionSummary{Key: d.Key})
	}
	if a := s.Agenda(); len(a) != 0 {
		t.Errorf("Agenda of an empty session = %v", a)
	}
}

func TestAgenda(t *testing.T) {
	s, ids := quickWithPeople(t, "A", "B")
	place(t, s, ids, "customer", 20, 70)        // 50
	place(t, s, ids, "decision-makers", 0, 70)  // 70
	place(t, s, ids, "decision-cycle", 50, 100) // 50
	place(t, s, ids, "acquisition", 40, 70)     // 30
	place(t, s, ids, "revenue-model", 60, 20)   // 40
	place(t, s, ids, "value", 100, 30)          // 70
	place(t, s, ids, "customization", 39, 0)    // 39
	place(t, s, ids, "release-cadence", 5)      // 0

	keysOf := func(a []canvas.DimensionSummary) []string {
		var out []string
		for _, d := range a {
			out = append(out, d.Key)
		}
		return out
	}
	want := []string{"decision-makers", "value", "customer", "decision-cycle", "revenue-model"}
	agenda := s.Agenda()
	if got := keysOf(agenda); !slices.Equal(got, want) {
		t.Errorf("Agenda = %v, want %v", got, want)
	}
	for _, d := range agenda {
		if !d.Flagged || d.Spread == nil {
			t.Errorf("agenda entry %+v is not a flagged, computed dimension", d)
		}
	}
	if len(agenda) > 0 && *agenda[0].Spread != 70 {
		t.Errorf("widest spread = %d, want 70", *agenda[0].Spread)
	}

	s.Settings.Threshold = 25
	want = []string{"decision-makers", "value", "customer", "decision-cycle", "revenue-model", "customization", "acquisition"}
	if got := keysOf(s.Agenda()); !slices.Equal(got, want) {
		t.Errorf("Agenda with threshold 25 = %v, want %v", got, want)
	}
}

func TestSummaryJSONShape(t *testing.T) {
	s, ids := quickWithPeople(t, "A", "B", "C")
	place(t, s, ids, "customer", 10, 40, 25)
	if err := s.SetTarget("customer", intPtr(90)); err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(s.Summary())
	if err != nil {
		t.Fatal(err)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		t.Fatal(err)
	}
	topKeys := []string{}
	for k := range top {
		topKeys = append(topKeys, k)
	}
	sort.Strings(topKeys)
	if want := []string{"actions", "band", "dimensions", "id", "index", "tensions", "threshold"}; !slices.Equal(topKeys, want) {
		t.Errorf("summary JSON keys = %v, want %v\n%s", topKeys, want, data)
	}
	var head struct {
		ID        string
		Index     float64
		Band      string
		Threshold int
	}
	if err := json.Unmarshal(data, &head); err != nil {
		t.Fatal(err)
	}
	// customer median 25 is the only position: Leaning ToC.
	if head.ID != s.ID || head.Index != 25 || head.Band != string(canvas.BandLeaningToC) || head.Threshold != 40 {
		t.Errorf("summary head = %+v\n%s", head, data)
	}

	var dims []map[string]json.RawMessage
	if err := json.Unmarshal(top["dimensions"], &dims); err != nil {
		t.Fatal(err)
	}
	if len(dims) != 8 {
		t.Fatalf("%d dimensions in JSON, want 8", len(dims))
	}
	wantDimKeys := []string{"count", "current", "flagged", "key", "max", "mean", "median", "min", "spread", "target"}
	for i, d := range dims {
		var keys []string
		for k := range d {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		if !slices.Equal(keys, wantDimKeys) {
			t.Errorf("dimensions[%d] keys = %v, want %v", i, keys, wantDimKeys)
		}
	}
	wantCustomer := map[string]string{
		"key": `"customer"`, "count": "3", "min": "10", "max": "40", "median": "25", "mean": "25",
		"spread": "30", "flagged": "false", "current": "null", "target": "90",
	}
	wantEmpty := map[string]string{
		"key": `"value"`, "count": "0", "min": "null", "max": "null", "median": "null", "mean": "null",
		"spread": "null", "flagged": "false", "current": "null", "target": "null",
	}
	for i, want := range map[int]map[string]string{0: wantCustomer, 5: wantEmpty} {
		for k, v := range want {
			if got := string(dims[i][k]); got != v {
				t.Errorf("dimensions[%d].%s = %s, want %s", i, k, got, v)
			}
		}
	}

	// Without any position the index and the band are null.
	empty, _ := quickWithPeople(t)
	data, err = json.Marshal(empty.Summary())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"index":null`) || !strings.Contains(string(data), `"band":null`) {
		t.Errorf("summary of an empty session lacks a null index and band: %s", data)
	}
}

// --- rounds -----------------------------------------------------------------

func TestStartRoundErrors(t *testing.T) {
	t.Run("no participants", func(t *testing.T) {
		s := newQuickSession(t)
		if err := s.StartRound(canvas.RoundBlind, nil, roundNow); !errors.Is(err, canvas.ErrNoParticipants) {
			t.Errorf("StartRound = %v, want ErrNoParticipants", err)
		}
		if s.Round != nil {
			t.Errorf("a failed StartRound left a round: %+v", s.Round)
		}
	})
	for _, tt := range []struct {
		name string
		mode string
		dims []string
		want error
	}{
		{"unknown dimension", canvas.RoundBlind, []string{"customer", "nope"}, canvas.ErrUnknownDimension},
		{"dimension outside the session", canvas.RoundRecord, []string{"data"}, canvas.ErrUnknownDimension},
		{"mode x", "x", nil, canvas.ErrRoundMode},
		{"empty mode", "", []string{"customer"}, canvas.ErrRoundMode},
		{"mode in capitals", "Blind", nil, canvas.ErrRoundMode},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, ids := quickWithPeople(t, "A", "B")
			place(t, s, ids, "customer", 10, 90)
			err := s.StartRound(tt.mode, tt.dims, roundNow)
			if !errors.Is(err, tt.want) {
				t.Errorf("StartRound(%q, %v) = %v, want %v", tt.mode, tt.dims, err, tt.want)
			}
			if s.Round != nil {
				t.Errorf("a failed StartRound left a round: %+v", s.Round)
			}
			if len(s.Placements) != 2 {
				t.Errorf("a failed StartRound left %d placements, want 2", len(s.Placements))
			}
		})
	}
}

func TestStartRoundClearsRoundDimensionsOnly(t *testing.T) {
	s, ids := quickWithPeople(t, "A", "B", "C")
	place(t, s, ids, "customer", 10, 20, 30)
	place(t, s, ids, "value", 40, 50)
	place(t, s, ids, "acquisition", 60)
	if err := s.SetCurrent("customer", 33); err != nil {
		t.Fatal(err)
	}
	dims := []string{"value", "customer"}
	if n := s.PlacementsInRound(dims); n != 5 {
		t.Errorf("PlacementsInRound(%v) = %d, want 5", dims, n)
	}
	if n := s.PlacementsInRound(nil); n != 6 {
		t.Errorf("PlacementsInRound(nil) = %d, want 6", n)
	}
	if err := s.StartRound(canvas.RoundRecord, dims, roundNow); err != nil {
		t.Fatal(err)
	}
	dims[0] = "changed" // the round keeps its own copy
	want := []canvas.Placement{{Dimension: "acquisition", Participant: ids[0], Value: 60}}
	if !reflect.DeepEqual(s.Placements, want) {
		t.Errorf("placements after StartRound = %+v, want %+v", s.Placements, want)
	}
	if p := s.Position("customer"); p.Current == nil || *p.Current != 33 {
		t.Errorf("StartRound changed the agreed position: %s", fmtInt(p.Current))
	}
	wantRound := &canvas.Round{Mode: canvas.RoundRecord, Dimensions: []string{"value", "customer"}, Order: ids,
		Started: time.Date(2026, 11, 20, 9, 15, 30, 0, time.UTC)}
	if !reflect.DeepEqual(s.Round, wantRound) {
		t.Errorf("Round = %+v, want %+v", s.Round, wantRound)
	}
	if s.Round.Started.Location() != time.UTC {
		t.Errorf("Round.Started in %v, want UTC", s.Round.Started.Location())
	}

	// Without dimensions a round covers all and clears all.
	if err := s.StartRound(canvas.RoundBlind, nil, roundNow); err != nil {
		t.Fatal(err)
	}
	if len(s.Placements) != 0 {
		t.Errorf("a round over every dimension left placements %+v", s.Placements)
	}
	var all []string
	for _, d := range s.Dimensions {
		all = append(all, d.Key)
	}
	if !slices.Equal(s.Round.Dimensions, all) {
		t.Errorf("Round.Dimensions = %v, want %v", s.Round.Dimensions, all)
	}
}

func TestRoundTurns(t *testing.T) {
	s, ids := quickWithPeople(t, "A", "B", "C")
	a, b, c := ids[0], ids[1], ids[2]

	// Before any round.
	if got := s.NextInRound(); got != "" {
		t.Errorf("NextInRound without a round = %q", got)
	}
	if s.RoundComplete() || s.InRound() {
		t.Error("RoundComplete or InRound true without a round")
	}
	if !s.PlacementsVisible() {
		t.Error("PlacementsVisible false without a round")
	}
	if err := s.BeginTurn(a); !errors.Is(err, canvas.ErrNoRound) {
		t.Errorf("BeginTurn without a round = %v", err)
	}
	if err := s.FinishTurn(a); !errors.Is(err, canvas.ErrNoRound) {
		t.Errorf("FinishTurn without a round = %v", err)
	}
	if err := s.Reveal(); !errors.Is(err, canvas.ErrNoRound) {
		t.Errorf("Reveal without a round = %v", err)
	}

	// Turn order is participant order: c moves to the front.
	if err := s.MoveParticipant(c, -2); err != nil {
		t.Fatal(err)
	}
	if err := s.StartRound(canvas.RoundBlind, []string{"customer"}, roundNow); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(s.Round.Order, []string{c, a, b}) {
		t.Errorf("Round.Order = %v, want c, a, b", s.Round.Order)
	}
	late, err := s.AddParticipant("Late", "")
	if err != nil {
		t.Fatal(err)
	}
	if !s.InRound() || s.PlacementsVisible() || s.RoundComplete() {
		t.Errorf("after StartRound: InRound %v PlacementsVisible %v RoundComplete %v, want true false false",
			s.InRound(), s.PlacementsVisible(), s.RoundComplete())
	}

	steps := []struct {
		do       func() error
		wantErr  error
		next     string
		current  string
		done     []string
		complete bool
	}{
		{func() error { return nil }, nil, c, "", nil, false},
		{func() error { return s.BeginTurn(c) }, nil, c, c, nil, false},
		{func() error { return s.FinishTurn(c) }, nil, a, "", []string{c}, false},
		{func() error { return s.BeginTurn(late.ID) }, canvas.ErrUnknownParticipant, a, "", []string{c}, false},
		{func() error { return s.FinishTurn("nobody") }, canvas.ErrUnknownParticipant, a, "", []string{c}, false},
		// b finishes out of turn; a is still next.
		{func() error { return s.BeginTurn(b) }, nil, a, b, []string{c}, false},
		{func() error { return s.FinishTurn(b) }, nil, a, "", []string{c, b}, false},
		{func() error { return s.FinishTurn(b) }, nil, a, "", []string{c, b}, false},
		{func() error { return s.BeginTurn(a) }, nil, a, a, []string{c, b}, false},
		{func() error { return s.FinishTurn(a) }, nil, "", "", []string{c, b, a}, true},
	}
	for i, st := range steps {
		err := st.do()
		if !errors.Is(err, st.wantErr) || (st.wantErr == nil && err != nil) {
			t.Errorf("step %d: err = %v, want %v", i, err, st.wantErr)
		}
		if got := s.NextInRound(); got != st.next {
			t.Errorf("step %d: NextInRound = %q, want %q", i, got, st.next)
		}
		if s.Round.Current != st.current {
			t.Errorf("step %d: Current = %q, want %q", i, s.Round.Current, st.current)
		}
		if !slices.Equal(s.Round.Done, st.done) {
			t.Errorf("step %d: Done = %v, want %v", i, s.Round.Done, st.done)
		}
		if s.RoundComplete() != st.complete {
			t.Errorf("step %d: RoundComplete = %v, want %v", i, s.RoundComplete(), st.complete)
		}
		if s.PlacementsVisible() {
			t.Errorf("step %d: placements visible before the reveal", i)
		}
	}

	if err := s.Reveal(); err != nil {
		t.Fatal(err)
	}
	if !s.PlacementsVisible() || s.InRound() || !s.Round.Revealed {
		t.Errorf("after Reveal: PlacementsVisible %v InRound %v Revealed %v", s.PlacementsVisible(), s.InRound(), s.Round.Revealed)
	}
	if err := s.BeginTurn(a); !errors.Is(err, canvas.ErrNoRound) {
		t.Errorf("BeginTurn after the reveal = %v, want ErrNoRound", err)
	}
	if err := s.FinishTurn(a); !errors.Is(err, canvas.ErrNoRound) {
		t.Errorf("FinishTurn after the reveal = %v, want ErrNoRound", err)
	}
}

func TestReveal(t *testing.T) {
	s, ids := quickWithPeople(t, "A", "B", "C")
	// Outside the round: a placement and no current; must stay so.
	place(t, s, ids, "revenue-model", 30)
	// Agreed before the round: must not be overwritten.
	if err := s.SetCurrent("value", 77); err != nil {
		t.Fatal(err)
	}
	dims := []string{"customer", "decision-makers", "value", "acquisition", "customization"}
	if err := s.StartRound(canvas.RoundBlind, dims, roundNow); err != nil {
		t.Fatal(err)
	}
	place(t, s, ids, "customer", 10, 15)            // median 12.5 → 13
	place(t, s, ids, "decision-makers", 41, 20, 30) // median 30
	place(t, s, ids, "value", 0, 100)               // median 50, but current 77
	place(t, s, ids, "customization", 100, 75, 100) // median 100
	// acquisition: nobody placed → no current.
	if err := s.BeginTurn(ids[1]); err != nil {
		t.Fatal(err)
	}
	if err := s.Reveal(); err != nil {
		t.Fatal(err)
	}
	if s.Round.Current != "" || !s.Round.Revealed {
		t.Errorf("after Reveal: Current %q Revealed %v", s.Round.Current, s.Round.Revealed)
	}
	// The reveal agrees nothing: the medians are proposals, and a value
	// agreed before the round stays.
	for _, tt := range []struct {
		dim      string
		current  *int
		kind     canvas.PositionKind
		proposal *int
	}{
		{"customer", nil, canvas.PositionProposed, intPtr(13)},
		{"decision-makers", nil, canvas.PositionProposed, intPtr(30)},
		{"value", intPtr(77), canvas.PositionAgreed, nil},
		{"customization", nil, canvas.PositionProposed, intPtr(100)},
		{"acquisition", nil, canvas.PositionNone, nil},
		{"revenue-model", nil, canvas.PositionProposed, intPtr(30)},
		{"decision-cycle", nil, canvas.PositionNone, nil},
	} {
		if got := s.Position(tt.dim).Current; !eqInt(got, tt.current) {
			t.Errorf("%s current after Reveal = %s, want %s", tt.dim, fmtInt(got), fmtInt(tt.current))
		}
		if got := s.PositionOf(tt.dim).Kind; got != tt.kind {
			t.Errorf("%s PositionOf kind after Reveal = %d, want %d", tt.dim, got, tt.kind)
		}
		v, ok := s.Proposal(tt.dim)
		var got *int
		if ok {
			got = &v
		}
		if !eqInt(got, tt.proposal) {
			t.Errorf("%s proposal after Reveal = %s, want %s", tt.dim, fmtInt(got), fmtInt(tt.proposal))
		}
	}
	// Placements are not touched by the reveal.
	if st := s.DimensionStats("customer"); st.Count != 2 || st.Median != 12.5 {
		t.Errorf("customer stats after Reveal = %+v", st)
	}
}

func TestProposalRoundsHalfUp(t *testing.T) {
	s, ids := quickWithPeople(t, "A", "B")
	if err := s.StartRound(canvas.RoundRecord, []string{"customer"}, roundNow); err != nil {
		t.Fatal(err)
	}
	place(t, s, ids, "customer", 87, 88) // median 87.5 → 88
	if err := s.Reveal(); err != nil {
		t.Fatal(err)
	}
	if got := s.Position("customer").Current; got != nil {
		t.Errorf("current after Reveal = %d, want none", *got)
	}
	if v, ok := s.Proposal("customer"); !ok || v != 88 {
		t.Errorf("Proposal = %d, %v, want 88, true", v, ok)
	}
}

// --- participants -------------------------------------------------------------

func TestRemoveAndRestoreParticipant(t *testing.T) {
	s, ids := quickWithPeople(t, "A", "B", "C")
	a, b, c := ids[0], ids[1], ids[2]
	if err := s.StartRound(canvas.RoundBlind, []string{"customer"}, roundNow); err != nil {
		t.Fatal(err)
	}
	place(t, s, ids, "customer", 10, 20, 30)
	place(t, s, ids, "value", 40, 50, 60)
	for _, step := range []func() error{
		func() error { return s.FinishTurn(a) },
		func() error { return s.FinishTurn(b) },
		func() error { return s.BeginTurn(b) },
	} {
		if err := step(); err != nil {
			t.Fatal(err)
		}
	}
	beforeParticipants := slices.Clone(s.Participants)
	beforePlacements := slices.Clone(s.Placements)

	if _, err := s.RemoveParticipant("nobody"); !errors.Is(err, canvas.ErrUnknownParticipant) {
		t.Errorf("RemoveParticipant(nobody) = %v", err)
	}
	r, err := s.RemoveParticipant(b)
	if err != nil {
		t.Fatal(err)
	}
	if r.Index != 1 || r.Participant != beforeParticipants[1] {
		t.Errorf("Removed = index %d %+v, want index 1 %+v", r.Index, r.Participant, beforeParticipants[1])
	}
	wantRemoved := []canvas.Placement{
		{Dimension: "customer", Participant: b, Value: 20},
		{Dimension: "value", Participant: b, Value: 50},
	}
	if !reflect.DeepEqual(r.Placements, wantRemoved) {
		t.Errorf("Removed.Placements = %+v, want %+v", r.Placements, wantRemoved)
	}
	if s.ParticipantIndex(b) != -1 || len(s.Participants) != 2 || s.HasPlacements(b) {
		t.Errorf("b is still there: index %d, %d participants, placements %v", s.ParticipantIndex(b), len(s.Participants), s.HasPlacements(b))
	}
	if len(s.Placements) != 4 {
		t.Errorf("%d placements left, want 4", len(s.Placements))
	}
	if !slices.Equal(s.Round.Order, []string{a, c}) || !slices.Equal(s.Round.Done, []string{a}) || s.Round.Current != "" {
		t.Errorf("round after removal: order %v done %v current %q, want [a c] [a] \"\"", s.Round.Order, s.Round.Done, s.Round.Current)
	}
	if got := s.NextInRound(); got != c {
		t.Errorf("NextInRound after removal = %q, want c", got)
	}
	if st := s.DimensionStats("customer"); st.Count != 2 || st.Min != 10 || st.Max != 30 {
		t.Errorf("customer stats after removal = %+v", st)
	}

	s.Restore(r)
	if !reflect.DeepEqual(s.Participants, beforeParticipants) {
		t.Errorf("participants after Restore = %+v, want %+v", s.Participants, beforeParticipants)
	}
	sortPl := func(ps []canvas.Placement) []canvas.Placement {
		ps = slices.Clone(ps)
		sort.Slice(ps, func(i, j int) bool {
			if ps[i].Dimension != ps[j].Dimension {
				return ps[i].Dimension < ps[j].Dimension
			}
			return ps[i].Participant < ps[j].Participant
		})
		return ps
	}
	if !reflect.DeepEqual(sortPl(s.Placements), sortPl(beforePlacements)) {
		t.Errorf("placements after Restore = %+v, want %+v", s.Placements, beforePlacements)
	}

	// Removing the last and restoring puts them back last.
	r, err = s.RemoveParticipant(c)
	if err != nil {
		t.Fatal(err)
	}
	if r.Index != 2 {
		t.Errorf("Removed.Index of the last = %d, want 2", r.Index)
	}
	s.Restore(r)
	if got := s.ParticipantIndex(c); got != 2 {
		t.Errorf("restored last participant at %d, want 2", got)
	}
}

func TestAddParticipant(t *testing.T) {
	s := newQuickSession(t)
	for _, name := range []string{"", "   ", "\t\n"} {
		if _, err := s.AddParticipant(name, "role"); !errors.Is(err, canvas.ErrNameRequired) {
			t.Errorf("AddParticipant(%q) = %v, want ErrNameRequired", name, err)
		}
	}
	if len(s.Participants) != 0 {
		t.Fatalf("refused names added participants: %+v", s.Participants)
	}
	p, err := s.AddParticipant("  Ana  ", "  Sales ")
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "Ana" || p.Role != "Sales" || p.ID == "" || p.Colour != 0 || p.Shape != canvas.ShapeCircle {
		t.Errorf("first participant = %+v, want Ana/Sales, colour 0, circle", p)
	}
	if !reflect.DeepEqual(s.Participants, []canvas.Participant{p}) {
		t.Errorf("Participants = %+v", s.Participants)
	}
	for i := 1; i < 12; i++ {
		if _, err := s.AddParticipant("P"+itoa(i), ""); err != nil {
			t.Fatal(err)
		}
	}
	checkDistinct := func() {
		t.Helper()
		pairs := map[[2]string]string{}
		ids := map[string]bool{}
		for _, p := range s.Participants {
			if p.Colour < 0 || p.Colour >= canvas.PaletteSize() || !canvas.ValidShape(p.Shape) {
				t.Errorf("%s has colour %d shape %q", p.Name, p.Colour, p.Shape)
			}
			k := [2]string{itoa(p.Colour), string(p.Shape)}
			if other, ok := pairs[k]; ok {
				t.Errorf("%s and %s share colour %d and shape %s", other, p.Name, p.Colour, p.Shape)
			}
			pairs[k] = p.Name
			if ids[p.ID] {
				t.Errorf("duplicate id %q", p.ID)
			}
			ids[p.ID] = true
		}
	}
	if len(s.Participants) != 12 {
		t.Fatalf("%d participants, want 12", len(s.Participants))
	}
	checkDistinct()
	// With 8 colours and 6 shapes, participant i gets colour i%8 and shape
	// i%6: 7 → (7, square), 8 → (0, triangle), 11 → (3, hexagon).
	for _, tt := range []struct {
		i      int
		colour int
		shape  canvas.Shape
	}{{1, 1, canvas.ShapeSquare}, {7, 7, canvas.ShapeSquare}, {8, 0, canvas.ShapeTriangle}, {11, 3, canvas.ShapeHexagon}} {
		if p := s.Participants[tt.i]; p.Colour != tt.colour || p.Shape != tt.shape {
			t.Errorf("participant %d = (%d, %s), want (%d, %s)", tt.i, p.Colour, p.Shape, tt.colour, tt.shape)
		}
	}
	// After a removal a newcomer still gets a pair nobody has.
	if _, err := s.RemoveParticipant(s.Participants[1].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddParticipant("Newcomer", ""); err != nil {
		t.Fatal(err)
	}
	checkDistinct()
}

func TestMoveParticipant(t *testing.T) {
	for _, tt := range []struct {
		who   int // index into the original order a b c d
		delta int
		want  string
	}{
		{1, -10, "bacd"},
		{0, 99, "bcda"},
		{3, 1, "abcd"},
		{0, -1, "abcd"},
		{2, 0, "abcd"},
		{2, -1, "acbd"},
		{0, 2, "bcad"},
		{3, -3, "dabc"},
	} {
		s, ids := quickWithPeople(t, "a", "b", "c", "d")
		if err := s.MoveParticipant(ids[tt.who], tt.delta); err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, p := range s.Participants {
			got += p.Name
		}
		if got != tt.want {
			t.Errorf("move %s by %d: order %s, want %s", "abcd"[tt.who:tt.who+1], tt.delta, got, tt.want)
		}
	}
	s, _ := quickWithPeople(t, "a")
	if err := s.MoveParticipant("nobody", 1); !errors.Is(err, canvas.ErrUnknownParticipant) {
		t.Errorf("MoveParticipant(nobody) = %v", err)
	}
}

func TestSetPlacement(t *testing.T) {
	s, ids := quickWithPeople(t, "A")
	a := ids[0]
	for _, tt := range []struct {
		name    string
		pl      canvas.Placement
		wantErr error // nil: must succeed; errAny: any error
	}{
		{"value -1", canvas.Placement{Dimension: "customer", Participant: a, Value: -1}, canvas.ErrValueRange},
		{"value 101", canvas.Placement{Dimension: "customer", Participant: a, Value: 101}, canvas.ErrValueRange},
		{"confidence -1", canvas.Placement{Dimension: "customer", Participant: a, Value: 50, Confidence: -1}, errAny},
		{"confidence 6", canvas.Placement{Dimension: "customer", Participant: a, Value: 50, Confidence: 6}, errAny},
		{"unknown participant", canvas.Placement{Dimension: "customer", Participant: "nobody", Value: 50}, canvas.ErrUnknownParticipant},
		{"dimension outside the session", canvas.Placement{Dimension: "data", Participant: a, Value: 50}, canvas.ErrUnknownDimension},
		{"value 0", canvas.Placement{Dimension: "customer", Participant: a, Value: 0}, nil},
		{"value 100", canvas.Placement{Dimension: "customer", Participant: a, Value: 100}, nil},
		{"confidence 0", canvas.Placement{Dimension: "customer", Participant: a, Value: 50, Confidence: 0}, nil},
		{"confidence 1", canvas.Placement{Dimension: "customer", Participant: a, Value: 50, Confidence: 1}, nil},
		{"confidence 5", canvas.Placement{Dimension: "customer", Participant: a, Value: 50, Confidence: 5, Note: "sure"}, nil},
	} {
		before := slices.Clone(s.Placements)
		err := s.SetPlacement(tt.pl)
		switch {
		case tt.wantErr == nil:
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
			want := []canvas.Placement{tt.pl}
			if !reflect.DeepEqual(s.Placements, want) {
				t.Errorf("%s: placements = %+v, want %+v (one, replaced)", tt.name, s.Placements, want)
			}
			if got, ok := s.Placement(a, "customer"); !ok || got != tt.pl {
				t.Errorf("%s: Placement = %+v, %v", tt.name, got, ok)
			}
		case err == nil:
			t.Errorf("%s: SetPlacement succeeded, want an error", tt.name)
		case tt.wantErr != errAny && !errors.Is(err, tt.wantErr):
			t.Errorf("%s: err = %v, want %v", tt.name, err, tt.wantErr)
		default:
			if !reflect.DeepEqual(s.Placements, before) {
				t.Errorf("%s: a refused placement changed placements to %+v", tt.name, s.Placements)
			}
		}
	}
}

var errAny = errors.New("any error")

func TestUpgrade(t *testing.T) {
	s := newQuickSession(t)
	for i := 0; i < 9; i++ {
		s.Participants = append(s.Participants, canvas.Participant{ID: "p" + itoa(i), Name: "P", Colour: 4, Shape: canvas.ShapePentagon})
	}
	for _, i := range []int{0, 2, 8} {
		s.Participants[i].Shape = ""
		s.Participants[i].Colour = 0
	}
	s.Participants[8].Colour = 5
	s.Upgrade()
	for i, p := range s.Participants {
		wantC, wantS := 4, canvas.ShapePentagon
		switch i {
		case 0:
			wantC, wantS = 0, canvas.ShapeCircle
		case 2:
			wantC, wantS = 2, canvas.ShapeTriangle
		case 8: // 8 % 8 = 0, 8 % 6 = 2
			wantC, wantS = 0, canvas.ShapeTriangle
		}
		if p.Colour != wantC || p.Shape != wantS {
			t.Errorf("participant %d after Upgrade = (%d, %s), want (%d, %s)", i, p.Colour, p.Shape, wantC, wantS)
		}
	}
	// Upgrading again changes nothing.
	before := slices.Clone(s.Participants)
	s.Upgrade()
	if !reflect.DeepEqual(s.Participants, before) {
		t.Errorf("second Upgrade changed participants")
	}
}

// --- session file -------------------------------------------------------------

func TestFileRoundTripsRoundAndSettings(t *testing.T) {
	s, ids := quickWithPeople(t, "Ana", "Ben", "Cy")
	if err := s.MoveParticipant(ids[2], -1); err != nil {
		t.Fatal(err)
	}
	s.Participants[0].Colour, s.Participants[0].Shape = 6, canvas.ShapePentagon
	s.Settings = canvas.Settings{Threshold: 25, Anonymous: true, TimerSeconds: 120, TimerScope: canvas.TimerPerRound}
	if err := s.StartRound(canvas.RoundBlind, []string{"value", "customer"}, roundNow); err != nil {
		t.Fatal(err)
	}
	place(t, s, []string{s.Participants[0].ID, s.Participants[1].ID}, "customer", 15, 85)
	if err := s.FinishTurn(s.Participants[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := s.BeginTurn(s.Participants[1].ID); err != nil {
		t.Fatal(err)
	}
	if err := s.SetTarget("customer", intPtr(90)); err != nil {
		t.Fatal(err)
	}

	var buf strings.Builder
	if err := canvas.EncodeFile(&buf, s); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"shape": "pentagon"`, `"colour": 6`, `"threshold": 25`, `"timer_scope": "round"`,
		`"mode": "blind"`, `"started": "2026-11-20T09:15:30Z"`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("encoded file lacks %s:\n%s", want, buf.String())
		}
	}
	got, err := canvas.DecodeFile(strings.NewReader(buf.String()), roundNow)
	if err != nil {
		t.Fatalf("DecodeFile: %v\n%s", err, buf.String())
	}
	if !reflect.DeepEqual(got, s) {
		t.Errorf("round trip differs:\n got %+v\n     round %+v\nwant %+v\n     round %+v", got, got.Round, s, s.Round)
	}
	if got.InRound() != true || got.NextInRound() != s.Participants[1].ID {
		t.Errorf("decoded round: InRound %v NextInRound %q", got.InRound(), got.NextInRound())
	}
}

// roundFile is a valid session file with settings, a round and marker
// colours and shapes; TestDecodeRoundAndSettingsInvalid breaks one field at
// a time.
const roundFile = `{"format": "fulcrum-session", "version": 1, "title": "T", "product": "P", "template": "quick",
"participants": [{"id": "a", "name": "Ann", "colour": 2, "shape": "square"}, {"id": "b", "name": "Ben"}],
"placements": [{"dimension": "customer", "participant": "a", "value": 40}],
"settings": {"threshold": 30, "timer_seconds": 60, "timer_scope": "dimension"},
"round": {"mode": "blind", "dimensions": ["customer"], "order": ["a", "b"], "done": ["a"], "current": "b", "started": "2026-11-20T09:05:00Z"}}`

func TestDecodeRoundAndSettings(t *testing.T) {
	s, err := canvas.DecodeFile(strings.NewReader(roundFile), roundNow)
	if err != nil {
		t.Fatal(err)
	}
	wantPeople := []canvas.Participant{
		{ID: "a", Name: "Ann", Colour: 2, Shape: canvas.ShapeSquare},
		// Without colour and shape: those of position 1.
		{ID: "b", Name: "Ben", Colour: 1, Shape: canvas.ShapeSquare},
	}
	if !reflect.DeepEqual(s.Participants, wantPeople) {
		t.Errorf("participants = %+v, want %+v", s.Participants, wantPeople)
	}
	if want := (canvas.Settings{Threshold: 30, TimerSeconds: 60, TimerScope: canvas.TimerPerDimension}); s.Settings != want {
		t.Errorf("settings = %+v, want %+v", s.Settings, want)
	}
	wantRound := &canvas.Round{Mode: canvas.RoundBlind, Dimensions: []string{"customer"}, Order: []string{"a", "b"},
		Done: []string{"a"}, Current: "b", Started: time.Date(2026, 11, 20, 9, 5, 0, 0, time.UTC)}
	if !reflect.DeepEqual(s.Round, wantRound) {
		t.Errorf("round = %+v, want %+v", s.Round, wantRound)
	}
	if s.PlacementsVisible() {
		t.Error("placements visible in an unrevealed round from a file")
	}
}

func TestDecodeRoundAndSettingsInvalid(t *testing.T) {
	for _, tt := range []struct {
		old, new, field string
	}{
		{`"mode": "blind"`, `"mode": "x"`, "round.mode"},
		{`"order": ["a", "b"]`, `"order": ["a", "b", "zz"]`, "round.order[2]"},
		{`"done": ["a"]`, `"done": ["zz"]`, "round.done[0]"},
		{`"current": "b"`, `"current": "zz"`, "round.current"},
		{`"dimensions": ["customer"]`, `"dimensions": ["data"]`, "round.dimensions[0]"},
		{`"started": "2026-11-20T09:05:00Z"`, `"started": "yesterday"`, "round.started"},
		{`"threshold": 30`, `"threshold": 101`, "settings.threshold"},
		{`"threshold": 30`, `"threshold": -1`, "settings.threshold"},
		{`"timer_scope": "dimension"`, `"timer_scope": "y"`, "settings.timer_scope"},
		{`"timer_seconds": 60`, `"timer_seconds": 86401`, "settings.timer_seconds"},
		{`"shape": "square"`, `"shape": "star"`, "participants[0].shape"},
		{`"colour": 2`, `"colour": 9`, "participants[0].colour"},
		{`"colour": 2`, `"colour": 8`, "participants[0].colour"},
		{`"colour": 2`, `"colour": -1`, "participants[0].colour"},
	} {
		t.Run(tt.field+" "+tt.new, func(t *testing.T) {
			if !strings.Contains(roundFile, tt.old) {
				t.Fatalf("%q not in roundFile", tt.old)
			}
			doc := strings.Replace(roundFile, tt.old, tt.new, 1)
			s, err := canvas.DecodeFile(strings.NewReader(doc), roundNow)
			if err == nil {
				t.Fatalf("DecodeFile succeeded: %+v", s)
			}
			if s != nil {
				t.Error("DecodeFile returned a session with its error")
			}
			var inv *canvas.InvalidFileError
			if !errors.As(err, &inv) || !errors.Is(err, canvas.ErrInvalidFile) {
				t.Fatalf("error %T %v is not an *InvalidFileError", err, err)
			}
			var fields []string
			for _, p := range inv.Problems {
				fields = append(fields, p.Field)
			}
			if !slices.Equal(fields, []string{tt.field}) {
				t.Errorf("problem fields = %q, want [%q]; %v", fields, tt.field, err)
			}
			if !strings.Contains(err.Error(), tt.field+": ") {
				t.Errorf("Error() = %q does not name %s", err, tt.field)
			}
		})
	}
}

// Before the reveal a summary says how many placed, never what: with one
// placement the minimum would be that person's value.
func TestSummaryHidesFiguresUntilReveal(t *testing.T) {
	s, err := canvas.NewSession(canvas.TemplateQuick, "t", "p", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	a, _ := s.AddParticipant("Ana", "")
	if err := s.StartRound(canvas.RoundBlind, []string{"customer"}, time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := s.SetPlacement(canvas.Placement{Dimension: "customer", Participant: a.ID, Value: 83}); err != nil {
		t.Fatal(err)
	}
	ds := s.DimensionSummary("customer")
	if ds.Count != 1 || ds.Min != nil || ds.Max != nil || ds.Median != nil || ds.Mean != nil || ds.Spread != nil || ds.Flagged {
		t.Errorf("before the reveal: %+v", ds)
	}
	if err := s.Reveal(); err != nil {
		t.Fatal(err)
	}
	if ds := s.DimensionSummary("customer"); ds.Min == nil || *ds.Min != 83 {
		t.Errorf("after the reveal: %+v", ds)
	}
}
