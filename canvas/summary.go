package canvas

import (
	"math"
	"sort"
)

// DimensionSummary is the room's figures for one dimension. Pointers are
// nil where there is nothing to compute, which JSON shows as null.
type DimensionSummary struct {
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

// Summary is the one computation of a session's figures that the UI, the
// PDF and `fulcrum summary --json` all show. It holds figures and keys
// only: Band is where the index sits (null without an index), and each
// reader names it in their own language.
type Summary struct {
	ID         string             `json:"id"`
	Index      *float64           `json:"index"`
	Band       Band               `json:"band"`
	Threshold  int                `json:"threshold"`
	Dimensions []DimensionSummary `json:"dimensions"`
	Actions    []ActionSummary    `json:"actions"`
	// Tensions are the rules that fire, in rule order; [] when none does.
	Tensions []Tension `json:"tensions"`
}

// ActionSummary is an action with every field present, so a script reads
// the same keys whatever the team filled in; "" means not given.
type ActionSummary struct {
	Text      string `json:"text"`
	Owner     string `json:"owner"`
	Due       string `json:"due"`
	Dimension string `json:"dimension"`
	Done      bool   `json:"done"`
}

// Summary computes the session's figures, dimensions in session order.
func (s *Session) Summary() Summary {
	out := Summary{ID: s.ID, Threshold: s.Settings.DiscussThreshold()}
	if idx := s.Index(); idx.Valid {
		v := idx.Value
		out.Index, out.Band = &v, idx.Band()
	}
	for _, d := range s.Dimensions {
		out.Dimensions = append(out.Dimensions, s.DimensionSummary(d.Key))
	}
	out.Actions = make([]ActionSummary, 0, len(s.Actions))
	for _, a := range s.Actions {
		out.Actions = append(out.Actions, ActionSummary(a))
	}
	out.Tensions = s.Tensions()
	if out.Tensions == nil {
		out.Tensions = []Tension{}
	}
	return out
}

// DimensionSummary computes one dimension's figures.
func (s *Session) DimensionSummary(key string) DimensionSummary {
	st := s.DimensionStats(key)
	pos := s.Position(key)
	ds := DimensionSummary{Key: key, Count: st.Count, Current: cloneInt(pos.Current), Target: cloneInt(pos.Target)}
	// Before a blind round's reveal the figures would give individual
	// values away (with one placement, min is that person's value): only
	// how many have placed is told.
	if st.Count > 0 && s.PlacementsVisible() {
		mn, mx, sp := st.Min, st.Max, st.Spread()
		med, mean := st.Median, st.Mean
		ds.Min, ds.Max, ds.Spread, ds.Median, ds.Mean = &mn, &mx, &sp, &med, &mean
		ds.Flagged = sp >= s.Settings.DiscussThreshold()
	}
	return ds
}

// Agenda lists the flagged dimensions, widest spread first (catalogue order
// among equals): where the discussion should go.
func (s *Session) Agenda() []DimensionSummary {
	var out []DimensionSummary
	for _, d := range s.Dimensions {
		if ds := s.DimensionSummary(d.Key); ds.Flagged {
			out = append(out, ds)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return *out[i].Spread > *out[j].Spread })
	return out
}

// RoundHalf rounds a figure for display.
func RoundHalf(f float64) int { return int(math.Round(f)) }
