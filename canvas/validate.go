package canvas

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// The rules a session obeys, written once. The model's methods keep them
// when a session is edited; Validate checks them on a session that came from
// elsewhere (a store record), and the file decoder checks them, with the
// stricter rules for untrusted input on top, on every imported file.

// Limits of a session.
const (
	// MaxActions bounds the actions of one session file.
	MaxActions = 500
	// MaxTimerSeconds is the longest timebox: a day.
	MaxTimerSeconds = 24 * 3600
	// MaxConfidence is the highest confidence; 1 is the lowest given, and
	// 0 means none was given.
	MaxConfidence = 5
	// MaxIDLength bounds session and participant ids, in characters.
	MaxIDLength = 64
)

// MinYear and MaxYear bound the years of every time in a session, in UTC:
// RFC 3339, and so the session file and the store's records, can write no
// others.
const (
	MinYear = 0
	MaxYear = 9999
)

// ErrBadID is wrapped by the errors of CheckSessionID and
// CheckParticipantID.
var ErrBadID = errors.New("invalid id")

// CheckSessionID accepts 1 to 64 ASCII letters, digits, '.', '_' and '-',
// starting with a letter or a digit. A session id is a store key, an
// argument of the command line and a column of `fulcrum list`, so it may
// hold nothing that reads as a flag, a path or a line break.
func CheckSessionID(id string) error {
	switch {
	case id == "":
		return badID(ProblemIDEmpty)
	case len(id) > MaxIDLength:
		return badID(ProblemIDTooLong, utf8.RuneCountInString(id), MaxIDLength)
	case !isAlnum(id[0]):
		return badID(ProblemIDStart)
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; !isAlnum(c) && c != '.' && c != '_' && c != '-' {
			r, _ := utf8.DecodeRuneInString(id[i:])
			return badID(ProblemIDCharacter, r, i)
		}
	}
	return nil
}

func badID(kind ProblemKind, args ...any) error {
	return &badIDError{Problem{Kind: kind, Args: args}}
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// CheckParticipantID accepts 1 to 64 characters of any script without
// control characters or white space at either end. A participant id only
// links placements and the round to a person and is never shown, so a
// team's own ids ("li", "李伟") are kept as they are.
func CheckParticipantID(id string) error {
	switch n := utf8.RuneCountInString(id); {
	case id == "":
		return badID(ProblemIDEmpty)
	case n > MaxIDLength:
		return badID(ProblemIDTooLong, n, MaxIDLength)
	case strings.TrimSpace(id) != id:
		return badID(ProblemIDSpace)
	}
	for i, r := range id {
		if isControl(r) {
			return badID(ProblemIDControl, r, i)
		}
	}
	return nil
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) }

// ValidTime reports whether t can be written in a session file and a
// store record: its year in UTC is 0000 to 9999.
func ValidTime(t time.Time) bool {
	y := t.UTC().Year()
	return y >= MinYear && y <= MaxYear
}

// Validate checks what the app relies on in a session: times it can write,
// ids present and unique, values and confidences in range, every reference
// to a participant or a dimension resolving within the session, settings in
// range and a round whose turn order is consistent. The error is an
// *InvalidFileError, whose problems name fields as the session file does.
//
// It does not apply the stricter rules of an imported file (text without
// control characters, the id syntax, the count limits): sessions saved
// before those rules existed stay valid.
func (s *Session) Validate() error {
	v := newValidator()
	v.session(s)
	if err := v.err(); err != nil {
		return fmt.Errorf("%w: %w", ErrInvalidSession, err)
	}
	return nil
}

// ErrInvalidSession is wrapped by Validate's errors, so a store tells a
// session that breaks the model's rules from one it cannot read.
var ErrInvalidSession = errors.New("invalid session")

// validator collects problems in one session, by field path.
type validator struct {
	ps     problems
	dims   map[string]bool
	people map[string]bool
}

func newValidator() *validator {
	return &validator{dims: map[string]bool{}, people: map[string]bool{}}
}

func (v *validator) err() error {
	if len(v.ps) == 0 {
		return nil
	}
	return &InvalidFileError{Problems: v.ps.atMost(MaxProblems)}
}

func (v *validator) session(s *Session) {
	v.header(s)
	v.dimensions(s.Dimensions)
	v.participants(s.Participants)
	v.placements(s.Placements)
	v.positions(s.Positions)
	v.actions(s.Actions)
	v.acceptedTensions(s.AcceptedTensions)
	v.settings(s.Settings)
	if s.Round != nil {
		v.round(s.Round)
	}
}

func (v *validator) header(s *Session) {
	if s.ID == "" {
		v.ps.add("id", ProblemEmpty)
	}
	v.time("created", s.Created)
	v.time("updated", s.Updated)
}

func (v *validator) time(field string, t time.Time) {
	if !ValidTime(t) {
		v.ps.add(field, ProblemYearOutOfRange, t.UTC().Year(), MinYear, MaxYear)
	}
}

func (v *validator) dimensions(dims []Dimension) {
	for i, d := range dims {
		field := fmt.Sprintf("dimensions[%d]", i)
		switch {
		case d.Key == "":
			v.ps.add(field, ProblemNoKey)
		case v.dims[d.Key]:
			v.ps.add(field, ProblemDimensionTwice, d.Key)
		}
		v.dims[d.Key] = true
	}
}

// dimRef checks a reference to one of the session's dimensions. A key the
// catalogue knows is told apart from one it does not, so a typo and a
// dimension the session left out read differently.
func (v *validator) dimRef(field, key string) {
	switch {
	case key == "":
		v.ps.add(field, ProblemRequired)
	case v.dims[key]:
	case isCatalogueKey(key):
		v.ps.add(field, ProblemDimensionNotInSession, key)
	default:
		v.ps.add(field, ProblemUnknownDimension, key)
	}
}

func isCatalogueKey(key string) bool { _, ok := LookupDimension(key); return ok }

func (v *validator) personRef(field, id string) {
	switch {
	case id == "":
		v.ps.add(field, ProblemRequired)
	case !v.people[id]:
		v.ps.add(field, ProblemUnknownParticipant, id)
	}
}

func (v *validator) participants(people []Participant) {
	for i, p := range people {
		field := fmt.Sprintf("participants[%d]", i)
		switch {
		case p.ID == "":
			v.ps.add(field+".id", ProblemEmpty)
		case v.people[p.ID]:
			v.ps.add(field+".id", ProblemDuplicateParticipant, p.ID)
		}
		v.people[p.ID] = true
		if p.Colour < 0 || p.Colour >= PaletteSize() {
			v.ps.add(field+".colour", ProblemOutOfRange, p.Colour, 0, PaletteSize()-1)
		}
		if !ValidShape(p.Shape) {
			v.ps.add(field+".shape", ProblemUnknownShape, p.Shape)
		}
	}
}

func (v *validator) value(field string, n int) {
	if n < MinValue || n > MaxValue {
		v.ps.add(field, ProblemOutOfRange, n, MinValue, MaxValue)
	}
}

func (v *validator) placements(pls []Placement) {
	placed := map[[2]string]bool{}
	for i, p := range pls {
		field := fmt.Sprintf("placements[%d]", i)
		v.dimRef(field+".dimension", p.Dimension)
		v.personRef(field+".participant", p.Participant)
		if placed[[2]string{p.Dimension, p.Participant}] {
			v.ps.add(field, ProblemPlacedTwice, p.Participant, p.Dimension)
		}
		placed[[2]string{p.Dimension, p.Participant}] = true
		v.value(field+".value", p.Value)
		if p.Confidence < 0 || p.Confidence > MaxConfidence {
			v.ps.add(field+".confidence", ProblemOutOfRange, p.Confidence, 1, MaxConfidence)
		}
	}
}

func (v *validator) positions(pos []Position) {
	seen := map[string]bool{}
	for i, p := range pos {
		field := fmt.Sprintf("positions[%d]", i)
		v.dimRef(field+".dimension", p.Dimension)
		if seen[p.Dimension] {
			v.ps.add(field+".dimension", ProblemPositionTwice, p.Dimension)
		}
		seen[p.Dimension] = true
		if p.Current != nil {
			v.value(field+".current", *p.Current)
		}
		if p.Target != nil {
			v.value(field+".target", *p.Target)
		}
	}
}

func (v *validator) actions(as []Action) {
	for i, a := range as {
		field := fmt.Sprintf("actions[%d]", i)
		if a.Due != "" {
			if _, err := time.Parse(DueLayout, a.Due); err != nil {
				v.ps.add(field+".due", ProblemBadDue, a.Due)
			}
		}
		if a.Dimension != "" {
			v.dimRef(field+".dimension", a.Dimension)
		}
	}
}

// Check reports settings out of range, by their field in the session file,
// as an *InvalidFileError.
func (st Settings) Check() error {
	v := newValidator()
	v.settings(st)
	return v.err()
}

// settings reports what Settings.Problems finds, the one rule the settings
// dialog shares.
func (v *validator) settings(st Settings) {
	for _, p := range st.Problems() {
		v.ps = append(v.ps, withField("settings."+p.Field, p))
	}
}

// round checks the turn order as StartRound, BeginTurn and FinishTurn
// keep it: everyone in it once, the finished ones among them, and the one
// at the screen one of them.
func (v *validator) round(r *Round) {
	if r.Mode != RoundBlind && r.Mode != RoundRecord {
		v.ps.add("round.mode", ProblemNotOneOf, RoundBlind, RoundRecord, r.Mode)
	}
	for i, k := range r.Dimensions {
		field := fmt.Sprintf("round.dimensions[%d]", i)
		v.dimRef(field, k)
		if slices.Index(r.Dimensions, k) < i {
			v.ps.add(field, ProblemDimensionTwice, k)
		}
	}
	v.turns("round.order", r.Order)
	v.turns("round.done", r.Done)
	for i, id := range r.Done {
		if v.people[id] && !slices.Contains(r.Order, id) {
			v.ps.add(fmt.Sprintf("round.done[%d]", i), ProblemNotInOrder, id)
		}
	}
	if r.Current != "" {
		v.personRef("round.current", r.Current)
		if v.people[r.Current] && !slices.Contains(r.Order, r.Current) {
			v.ps.add("round.current", ProblemNotInOrder, r.Current)
		}
	}
	v.time("round.started", r.Started)
}

// turns checks a list of participant ids: each known and none twice.
func (v *validator) turns(field string, ids []string) {
	for i, id := range ids {
		f := fmt.Sprintf("%s[%d]", field, i)
		v.personRef(f, id)
		if slices.Index(ids, id) < i {
			v.ps.add(f, ProblemParticipantTwice, id)
		}
	}
}
