package canvas_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

func TestBandOf(t *testing.T) {
	tests := []struct {
		v    float64
		want canvas.Band
	}{
		{0, canvas.BandStronglyToC},
		{10, canvas.BandStronglyToC},
		{19.99, canvas.BandStronglyToC},
		{20, canvas.BandLeaningToC},
		{39.99, canvas.BandLeaningToC},
		{40, canvas.BandHybrid},
		{50, canvas.BandHybrid},
		{60, canvas.BandHybrid},
		{60.01, canvas.BandLeaningToB},
		{80, canvas.BandLeaningToB},
		{80.01, canvas.BandStronglyToB},
		{100, canvas.BandStronglyToB},
	}
	for _, tt := range tests {
		if got := canvas.BandOf(tt.v); got != tt.want {
			t.Errorf("BandOf(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
	// The keys are stored in JSON output and read by scripts: they must
	// never change.
	keys := map[canvas.Band]string{
		canvas.BandStronglyToC: "strongly-toc",
		canvas.BandLeaningToC:  "leaning-toc",
		canvas.BandHybrid:      "hybrid",
		canvas.BandLeaningToB:  "leaning-tob",
		canvas.BandStronglyToB: "strongly-tob",
	}
	for got, want := range keys {
		if string(got) != want {
			t.Errorf("band key = %q, want %q", got, want)
		}
	}
	if len(canvas.Bands()) != len(keys) {
		t.Errorf("Bands() lists %d bands, want %d", len(canvas.Bands()), len(keys))
	}
}

func TestIndexBandMethod(t *testing.T) {
	tests := []struct {
		x    canvas.Index
		want canvas.Band
	}{
		{canvas.Index{}, ""},
		{canvas.Index{Value: 50, Valid: false}, ""},
		{canvas.Index{Value: 0, Valid: true}, canvas.BandStronglyToC},
		{canvas.Index{Value: 50, Valid: true}, canvas.BandHybrid},
		{canvas.Index{Value: 100, Valid: true}, canvas.BandStronglyToB},
	}
	for _, tt := range tests {
		if got := tt.x.Band(); got != tt.want {
			t.Errorf("%+v.Band() = %q, want %q", tt.x, got, tt.want)
		}
	}
}

func TestComputeStats(t *testing.T) {
	tests := []struct {
		name   string
		values []int
		want   canvas.Stats
		spread int
	}{
		{"none", nil, canvas.Stats{}, 0},
		{"empty", []int{}, canvas.Stats{}, 0},
		{"one", []int{42}, canvas.Stats{Count: 1, Min: 42, Max: 42, Median: 42, Mean: 42}, 0},
		// sorted: 10 20 90; median 20, mean 120/3 = 40
		{"odd", []int{90, 10, 20}, canvas.Stats{Count: 3, Min: 10, Max: 90, Median: 20, Mean: 40}, 80},
		// sorted: 1 2 4 100; median (2+4)/2 = 3, mean 107/4 = 26.75
		{"even", []int{100, 2, 1, 4}, canvas.Stats{Count: 4, Min: 1, Max: 100, Median: 3, Mean: 26.75}, 99},
		// sorted: 0 5 6 100; median (5+6)/2 = 5.5, mean 111/4 = 27.75
		{"even half median", []int{6, 100, 0, 5}, canvas.Stats{Count: 4, Min: 0, Max: 100, Median: 5.5, Mean: 27.75}, 100},
		{"two", []int{100, 0}, canvas.Stats{Count: 2, Min: 0, Max: 100, Median: 50, Mean: 50}, 100},
		{"all equal", []int{70, 70, 70, 70, 70}, canvas.Stats{Count: 5, Min: 70, Max: 70, Median: 70, Mean: 70}, 0},
		// sorted: 0 0 30 100 100; median 30, mean 230/5 = 46
		{"duplicates", []int{100, 0, 30, 0, 100}, canvas.Stats{Count: 5, Min: 0, Max: 100, Median: 30, Mean: 46}, 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := append([]int(nil), tt.values...)
			got := canvas.ComputeStats(tt.values)
			if got != tt.want {
				t.Errorf("ComputeStats(%v) = %+v, want %+v", before, got, tt.want)
			}
			if got.Spread() != tt.spread {
				t.Errorf("Spread() = %d, want %d", got.Spread(), tt.spread)
			}
			if !reflect.DeepEqual(tt.values, before) && len(before) > 0 {
				t.Errorf("ComputeStats mutated its input: %v, was %v", tt.values, before)
			}
		})
	}
}

func TestSessionIndex(t *testing.T) {
	now := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	place := func(s *canvas.Session, dim string, values ...int) {
		for i, v := range values {
			s.Placements = append(s.Placements, canvas.Placement{
				Dimension: dim, Participant: string(rune('a' + i)), Value: v,
			})
		}
	}
	mustSetCurrent := func(t *testing.T, s *canvas.Session, dim string, v int) {
		t.Helper()
		if err := s.SetCurrent(dim, v); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name      string
		setup     func(t *testing.T, s *canvas.Session)
		wantValid bool
		wantValue float64
		wantBand  canvas.Band
	}{
		{
			name:      "nothing set",
			setup:     func(t *testing.T, s *canvas.Session) {},
			wantValid: false, wantValue: 0, wantBand: "",
		},
		{
			name: "only target and note",
			setup: func(t *testing.T, s *canvas.Session) {
				v := 90
				if err := s.SetTarget("customer", &v); err != nil {
					t.Fatal(err)
				}
				if err := s.SetNote("value", "discuss"); err != nil {
					t.Fatal(err)
				}
			},
			wantValid: false, wantValue: 0, wantBand: "",
		},
		{
			name: "current of zero counts",
			setup: func(t *testing.T, s *canvas.Session) {
				mustSetCurrent(t, s, "customer", 0)
			},
			wantValid: true, wantValue: 0, wantBand: canvas.BandStronglyToC,
		},
		{
			name: "current only",
			setup: func(t *testing.T, s *canvas.Session) {
				mustSetCurrent(t, s, "customer", 100)
				mustSetCurrent(t, s, "value", 50)
			},
			// (100 + 50) / 2
			wantValid: true, wantValue: 75, wantBand: canvas.BandLeaningToB,
		},
		{
			name: "median of placements, odd count",
			setup: func(t *testing.T, s *canvas.Session) {
				// sorted 10 20 90: median 20 (mean would be 40)
				place(s, "decision-cycle", 90, 10, 20)
			},
			wantValid: true, wantValue: 20, wantBand: canvas.BandLeaningToC,
		},
		{
			name: "median of placements, even count",
			setup: func(t *testing.T, s *canvas.Session) {
				// sorted 30 50 70 100: median 60 (mean would be 62.5)
				place(s, "acquisition", 100, 30, 70, 50)
			},
			wantValid: true, wantValue: 60, wantBand: canvas.BandHybrid,
		},
		{
			name: "current wins over placements",
			setup: func(t *testing.T, s *canvas.Session) {
				place(s, "customer", 0, 10, 20)
				mustSetCurrent(t, s, "customer", 90)
			},
			wantValid: true, wantValue: 90, wantBand: canvas.BandStronglyToB,
		},
		{
			name: "mixed, untouched dimensions left out",
			setup: func(t *testing.T, s *canvas.Session) {
				mustSetCurrent(t, s, "customer", 80)
				place(s, "customer", 10, 20)             // ignored: current is set
				place(s, "decision-makers", 30, 50, 100) // median 50
				place(s, "decision-cycle", 20, 40)       // median 30
				v := 95
				if err := s.SetTarget("acquisition", &v); err != nil { // target only: left out
					t.Fatal(err)
				}
				if err := s.SetNote("value", "no value yet"); err != nil { // note only: left out
					t.Fatal(err)
				}
			},
			// (80 + 50 + 30) / 3 = 53.33...
			wantValid: true, wantValue: 160.0 / 3, wantBand: canvas.BandHybrid,
		},
		{
			name: "mean of positions crosses a band",
			setup: func(t *testing.T, s *canvas.Session) {
				mustSetCurrent(t, s, "customer", 61)
				mustSetCurrent(t, s, "value", 60)
				place(s, "customization", 59, 60, 61, 100) // median 60.5
			},
			// (61 + 60 + 60.5) / 3 = 60.5
			wantValid: true, wantValue: 60.5, wantBand: canvas.BandLeaningToB,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := canvas.NewSession(canvas.TemplateQuick, "T", "P", now)
			if err != nil {
				t.Fatal(err)
			}
			tt.setup(t, s)
			got := s.Index()
			if got.Valid != tt.wantValid {
				t.Fatalf("Index().Valid = %v, want %v (index %+v)", got.Valid, tt.wantValid, got)
			}
			if got.Value != tt.wantValue {
				t.Errorf("Index().Value = %v, want %v", got.Value, tt.wantValue)
			}
			if got.Band() != tt.wantBand {
				t.Errorf("Index().Band() = %q, want %q", got.Band(), tt.wantBand)
			}
		})
	}
}

func TestEffectivePositionAndDimensionStats(t *testing.T) {
	s, err := canvas.NewSession(canvas.TemplateQuick, "T", "P", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	s.Placements = []canvas.Placement{
		{Dimension: "customer", Participant: "a", Value: 40},
		{Dimension: "value", Participant: "a", Value: 10},
		{Dimension: "customer", Participant: "b", Value: 80},
	}
	if err := s.SetCurrent("value", 65); err != nil {
		t.Fatal(err)
	}
	st := s.DimensionStats("customer")
	want := canvas.Stats{Count: 2, Min: 40, Max: 80, Median: 60, Mean: 60}
	if st != want {
		t.Errorf("DimensionStats(customer) = %+v, want %+v", st, want)
	}
	tests := []struct {
		key    string
		want   float64
		wantOK bool
	}{
		{"customer", 60, true},
		{"value", 65, true},
		{"acquisition", 0, false},
	}
	for _, tt := range tests {
		got, ok := s.EffectivePosition(tt.key)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("EffectivePosition(%q) = %v, %v; want %v, %v", tt.key, got, ok, tt.want, tt.wantOK)
		}
	}
}
