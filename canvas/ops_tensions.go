package canvas

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// AcceptedTension is the team's deliberate decision to live with a
// tension, and why ("we sell to committees but land through a free trial
// on purpose"). It is kept by rule key while the rule stops firing (a
// slider moved) and applies again when it fires again.
//
// An acceptance whose rule this build does not know (a rule retired by a
// later Fulcrum, or one a newer Fulcrum added) is kept and ignored: it
// loads, checks, saves and exports unchanged, and marks no tension.
type AcceptedTension struct {
	Rule   string `json:"rule"`
	Reason string `json:"reason"`
}

// MaxAcceptedTensions bounds the acceptances of one session file; a
// session can accept each rule once, and a file of another build may name
// rules this one lacks, so the bound is well above the rule count.
const MaxAcceptedTensions = 200

// The errors of AcceptTension and ReopenTension: a rule key no rule has,
// an empty reason, and reopening a tension nobody accepted.
var (
	ErrUnknownTension = errors.New("unknown tension")
	ErrTensionReason  = errors.New("accepting a tension needs a reason")
	ErrNotAccepted    = errors.New("the tension is not accepted")
)

// AcceptTension accepts the tension of a rule with a reason, or changes
// the reason of one accepted before. The UI may apply it per keystroke and
// seal when the edit ends: the keystrokes merge into one undo step.
type AcceptTension struct{ Rule, Reason string }

func (o AcceptTension) parts() Part      { return PartTensions }
func (o AcceptTension) dims() []string   { return tensionDims(o.Rule) }
func (o AcceptTension) mergeKey() string { return "accept-tension/" + o.Rule }
func (o AcceptTension) apply(s *Session) error {
	if _, ok := LookupTensionRule(o.Rule); !ok {
		return fmt.Errorf("accept tension: %w %q", ErrUnknownTension, o.Rule)
	}
	if err := CheckTensionReason(o.Reason); err != nil {
		return fmt.Errorf("accept tension %q: %w", o.Rule, err)
	}
	for i := range s.AcceptedTensions {
		if s.AcceptedTensions[i].Rule == o.Rule {
			s.AcceptedTensions[i].Reason = o.Reason
			return nil
		}
	}
	s.AcceptedTensions = append(s.AcceptedTensions, AcceptedTension(o))
	return nil
}

// ReopenTension takes an acceptance back: the tension shows as open again.
type ReopenTension struct{ Rule string }

func (o ReopenTension) parts() Part    { return PartTensions }
func (o ReopenTension) dims() []string { return tensionDims(o.Rule) }
func (o ReopenTension) apply(s *Session) error {
	i := slices.IndexFunc(s.AcceptedTensions, func(a AcceptedTension) bool { return a.Rule == o.Rule })
	if i < 0 {
		return fmt.Errorf("reopen tension %q: %w", o.Rule, ErrNotAccepted)
	}
	s.AcceptedTensions = slices.Delete(s.AcceptedTensions, i, i+1)
	if len(s.AcceptedTensions) == 0 {
		// No acceptance is the same as none ever made: the store and the
		// session file leave an empty list out.
		s.AcceptedTensions = nil
	}
	return nil
}

// tensionDims is what a change to a rule's acceptance touches: the rows
// that mark the tension.
func tensionDims(rule string) []string {
	if r, ok := LookupTensionRule(rule); ok {
		return r.Dimensions()
	}
	return []string{}
}

// CheckTensionReason says why reason cannot be the reason for accepting a
// tension, or nil. The UI asks it while a person types.
func CheckTensionReason(reason string) error {
	if strings.TrimSpace(reason) == "" {
		return ErrTensionReason
	}
	return checkControl("reason", reason)
}

// Accepted returns the team's acceptance of a rule's tension, if any.
func (s *Session) Accepted(rule string) (AcceptedTension, bool) {
	for _, a := range s.AcceptedTensions {
		if a.Rule == rule {
			return a, true
		}
	}
	return AcceptedTension{}, false
}

// acceptedTensions checks what the app relies on: each acceptance names a
// rule, once, with a reason. The rule need not be one this build knows.
func (v *validator) acceptedTensions(as []AcceptedTension) {
	seen := map[string]bool{}
	for i, a := range as {
		field := fmt.Sprintf("accepted_tensions[%d]", i)
		switch {
		case a.Rule == "":
			v.ps.add(field+".rule", ProblemRequired)
		case seen[a.Rule]:
			v.ps.add(field+".rule", ProblemTensionTwice, a.Rule)
		}
		seen[a.Rule] = true
		if strings.TrimSpace(a.Reason) == "" {
			v.ps.add(field+".reason", ProblemRequired)
		}
	}
}
