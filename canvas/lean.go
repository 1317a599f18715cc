package canvas

// Lean is which pole a position leans to, and so whose guidance applies:
// the pole's own, or both where the position sits between them.
type Lean int

// The leans, from the consumer end to the business end.
const (
	LeanToC Lean = iota
	LeanHybrid
	LeanToB
)

// The thresholds of the middle band. 40 and 60 themselves are hybrid,
// matching the Hybrid band of the index.
const (
	HybridFrom = 40
	HybridTo   = 60
)

// LeanOf says which pole a value on the 0-100 scale leans to.
func LeanOf(v float64) Lean {
	switch {
	case v < HybridFrom:
		return LeanToC
	case v > HybridTo:
		return LeanToB
	default:
		return LeanHybrid
	}
}
