package canvas

import (
	"errors"
	"fmt"
	"slices"
)

// Problem is one thing wrong with a session file, located by field path
// (for example "placements[2].value"). It is a kind and the values the
// kind speaks of, never words: the reader's language words it (see
// assets/lang's Words.Problem), so a problem in a Chinese team's file is
// told in Chinese while the field path stays as the file spells it.
type Problem struct {
	Field string
	Kind  ProblemKind
	// Args are the values the problem is about, in the order its message
	// takes them: numbers, the file's own text (quoted by the message),
	// JSONValue and JSONContext. A kind whose first argument is a count
	// is worded with that count's plural.
	Args []any
}

// ProblemKind names one kind of problem; its value is stable (it names the
// message in every language).
type ProblemKind string

// The kinds of problem a session file can have.
const (
	ProblemFileTooLarge          ProblemKind = "file-too-large"
	ProblemNotUTF8               ProblemKind = "not-utf8"
	ProblemJSONSyntax            ProblemKind = "json-syntax"
	ProblemJSONEnd               ProblemKind = "json-end"
	ProblemJSONCharacter         ProblemKind = "json-character"
	ProblemJSONEmpty             ProblemKind = "json-empty"
	ProblemJSONTruncated         ProblemKind = "json-truncated"
	ProblemJSONOther             ProblemKind = "json-other"
	ProblemExpectedInteger       ProblemKind = "expected-integer"
	ProblemExpectedString        ProblemKind = "expected-string"
	ProblemExpectedArray         ProblemKind = "expected-array"
	ProblemExpectedObject        ProblemKind = "expected-object"
	ProblemDuplicateKey          ProblemKind = "duplicate-key"
	ProblemUnknownField          ProblemKind = "unknown-field"
	ProblemUnknownFieldMeant     ProblemKind = "unknown-field-meant"
	ProblemMoreProblems          ProblemKind = "more-problems"
	ProblemEncodedTooLarge       ProblemKind = "encoded-too-large"
	ProblemEncodeFailed          ProblemKind = "encode-failed"
	ProblemFormatMissing         ProblemKind = "format-missing"
	ProblemFormatWrong           ProblemKind = "format-wrong"
	ProblemVersionMissing        ProblemKind = "version-missing"
	ProblemVersionUnsupported    ProblemKind = "version-unsupported"
	ProblemUnknownTemplate       ProblemKind = "unknown-template"
	ProblemTooManyEntries        ProblemKind = "too-many-entries"
	ProblemNoDimensions          ProblemKind = "no-dimensions"
	ProblemControlCharacter      ProblemKind = "control-character"
	ProblemBadTime               ProblemKind = "bad-time"
	ProblemTimeYear              ProblemKind = "time-year"
	ProblemYearOutOfRange        ProblemKind = "year-out-of-range"
	ProblemEmpty                 ProblemKind = "empty"
	ProblemRequired              ProblemKind = "required"
	ProblemNoKey                 ProblemKind = "no-key"
	ProblemOutOfRange            ProblemKind = "out-of-range"
	ProblemDimensionTwice        ProblemKind = "dimension-twice"
	ProblemDimensionNotInSession ProblemKind = "dimension-not-in-session"
	ProblemUnknownDimension      ProblemKind = "unknown-dimension"
	ProblemUnknownParticipant    ProblemKind = "unknown-participant"
	ProblemDuplicateParticipant  ProblemKind = "duplicate-participant-id"
	ProblemUnknownShape          ProblemKind = "unknown-shape"
	ProblemPlacedTwice           ProblemKind = "placed-twice"
	ProblemPositionTwice         ProblemKind = "position-twice"
	ProblemBadDue                ProblemKind = "bad-due"
	ProblemNotOneOf              ProblemKind = "not-one-of"
	ProblemNotInOrder            ProblemKind = "not-in-order"
	ProblemParticipantTwice      ProblemKind = "participant-twice"
	ProblemIDEmpty               ProblemKind = "id-empty"
	ProblemIDTooLong             ProblemKind = "id-too-long"
	ProblemIDStart               ProblemKind = "id-start"
	ProblemIDCharacter           ProblemKind = "id-character"
	ProblemIDSpace               ProblemKind = "id-space"
	ProblemIDControl             ProblemKind = "id-control"
	ProblemTensionTwice          ProblemKind = "tension-twice"
	ProblemKeyTooLong            ProblemKind = "key-too-long"
	ProblemKeyCharacter          ProblemKind = "key-character"
	ProblemBuiltInKey            ProblemKind = "built-in-key"
	ProblemTextTooLong           ProblemKind = "text-too-long"
	ProblemCustomTwice           ProblemKind = "custom-twice"
	ProblemCustomUnused          ProblemKind = "custom-unused"
	ProblemCustomNeedsVersion2   ProblemKind = "custom-needs-version-2"
)

// english is each kind's English sentence, for Error() strings and logs;
// people are shown the words of assets/lang, whose English is the same.
// A kind with a singular form takes a count as its first argument.
var english = map[ProblemKind]struct{ one, other string }{
	ProblemFileTooLarge:          {other: "file is larger than %[1]d MB"},
	ProblemNotUTF8:               {other: "file is not valid UTF-8 at byte %[1]d"},
	ProblemJSONSyntax:            {other: "malformed JSON at byte %[1]d: %[2]s"},
	ProblemJSONEnd:               {other: "malformed JSON at byte %[1]d: unexpected end of JSON input"},
	ProblemJSONCharacter:         {other: "malformed JSON at byte %[1]d: invalid character %[2]s %[3]s"},
	ProblemJSONEmpty:             {other: "malformed JSON: the file is empty"},
	ProblemJSONTruncated:         {other: "malformed JSON: the file ends too early"},
	ProblemJSONOther:             {other: "malformed JSON: %[1]s"},
	ProblemExpectedInteger:       {other: "expected an integer, got JSON %[1]s"},
	ProblemExpectedString:        {other: "expected a string, got JSON %[1]s"},
	ProblemExpectedArray:         {other: "expected an array, got JSON %[1]s"},
	ProblemExpectedObject:        {other: "expected an object, got JSON %[1]s"},
	ProblemDuplicateKey:          {other: "duplicate key %[1]q"},
	ProblemUnknownField:          {other: "unknown field"},
	ProblemUnknownFieldMeant:     {other: "unknown field (did you mean %[1]q?)"},
	ProblemMoreProblems:          {one: "and %[1]d more problem", other: "and %[1]d more problems"},
	ProblemEncodedTooLarge:       {other: "as Fulcrum writes it, this session takes %[1]d bytes; at most %[2]d (%[3]d MB) are allowed"},
	ProblemEncodeFailed:          {other: "the session cannot be written: %[1]s"},
	ProblemFormatMissing:         {other: "is missing; expected %[1]q"},
	ProblemFormatWrong:           {other: "is %[1]q; expected %[2]q"},
	ProblemVersionMissing:        {other: "is missing; expected %[1]d"},
	ProblemVersionUnsupported:    {other: "%[1]d is not supported; this Fulcrum reads version %[2]d"},
	ProblemUnknownTemplate:       {other: "unknown template %[1]q; expected %[2]q or %[3]q"},
	ProblemTooManyEntries:        {one: "has %[1]d entry; at most %[2]d are allowed", other: "has %[1]d entries; at most %[2]d are allowed"},
	ProblemNoDimensions:          {other: "a session needs at least one dimension"},
	ProblemControlCharacter:      {other: "contains control character U+%04[1]X at byte %[2]d"},
	ProblemBadTime:               {other: "%[1]q is not an RFC 3339 time like 2026-11-20T09:00:00Z"},
	ProblemTimeYear:              {other: "%[1]q is in the year %[2]d in UTC; times must fall in the years %04[3]d to %[4]d"},
	ProblemYearOutOfRange:        {other: "year %[1]d in UTC is outside %04[2]d to %[3]d"},
	ProblemEmpty:                 {other: "is empty"},
	ProblemRequired:              {other: "is required"},
	ProblemNoKey:                 {other: "has no key"},
	ProblemOutOfRange:            {other: "%[1]d is outside %[2]d to %[3]d"},
	ProblemDimensionTwice:        {other: "dimension %[1]q is listed twice"},
	ProblemDimensionNotInSession: {other: "dimension %[1]q is not one of this session's dimensions"},
	ProblemUnknownDimension:      {other: "unknown dimension key %[1]q"},
	ProblemUnknownParticipant:    {other: "unknown participant %[1]q"},
	ProblemDuplicateParticipant:  {other: "duplicate participant id %[1]q"},
	ProblemUnknownShape:          {other: "unknown shape %[1]q"},
	ProblemPlacedTwice:           {other: "participant %[1]q already has a placement on %[2]q"},
	ProblemPositionTwice:         {other: "dimension %[1]q has more than one position"},
	ProblemBadDue:                {other: "%[1]q is not a date like 2026-12-15"},
	ProblemNotOneOf:              {other: "must be %[1]q or %[2]q, not %[3]q"},
	ProblemNotInOrder:            {other: "participant %[1]q is not in round.order"},
	ProblemParticipantTwice:      {other: "participant %[1]q is listed twice"},
	ProblemIDEmpty:               {other: "invalid id: it is empty"},
	ProblemIDTooLong:             {other: "invalid id: it has %[1]d characters; at most %[2]d are allowed"},
	ProblemIDStart:               {other: "invalid id: it must start with a letter or a digit"},
	ProblemIDCharacter:           {other: "invalid id: character %[1]q at byte %[2]d; use only letters A-Z and a-z, digits, '.', '_' and '-'"},
	ProblemIDSpace:               {other: "invalid id: it starts or ends with white space"},
	ProblemIDControl:             {other: "invalid id: control character U+%04[1]X at byte %[2]d"},
	ProblemTensionTwice:          {other: "tension %[1]q is accepted twice"},
	ProblemKeyTooLong:            {other: "the key has %[1]d characters; at most %[2]d are allowed"},
	ProblemKeyCharacter:          {other: "character %[1]q at byte %[2]d; a key holds letters, digits, '-' and '_', and starts with a letter or a digit"},
	ProblemBuiltInKey:            {other: "%[1]q is the key of a built-in one, which cannot be redefined"},
	ProblemTextTooLong:           {other: "has %[1]d characters; at most %[2]d are allowed"},
	ProblemCustomTwice:           {other: "custom dimension %[1]q is defined twice"},
	ProblemCustomUnused:          {other: "custom dimension %[1]q is not in dimensions"},
	ProblemCustomNeedsVersion2:   {other: "custom dimensions need version 2 of the file format"},
}

// ProblemKinds lists every kind, so a test can check each has words.
func ProblemKinds() []ProblemKind {
	kinds := make([]ProblemKind, 0, len(english))
	for k := range english {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	return kinds
}

// FieldTopLevel is the field of a problem with the whole document (a file
// that is an array, not an object).
const FieldTopLevel = "(top level)"

// JSONValue is what a file held where another type was expected, as
// encoding/json describes it: a JSON type ("string", "number", "bool",
// "array", "object"), for a number followed by the number ("number 1.5").
type JSONValue string

// JSONContext is where in a JSON document encoding/json found a character
// it did not expect, in its own words ("looking for beginning of value",
// "in literal true (expecting 'r')").
type JSONContext string

// Message is the problem in English, for errors and logs.
func (p Problem) Message() string {
	e, ok := english[p.Kind]
	if !ok {
		return string(p.Kind)
	}
	text := e.other
	if e.one != "" && len(p.Args) > 0 && p.Args[0] == 1 {
		text = e.one
	}
	return fmt.Sprintf(text, p.Args...)
}

func (p Problem) String() string {
	if p.Field == "" {
		return p.Message()
	}
	return p.Field + ": " + p.Message()
}

type problems []Problem

func (ps *problems) add(field string, kind ProblemKind, args ...any) {
	*ps = append(*ps, Problem{Field: field, Kind: kind, Args: args})
}

// badIDError is the error of CheckSessionID and CheckParticipantID: it
// carries the problem, so a file's problem with an id is a kind like any
// other.
type badIDError struct{ p Problem }

func (e *badIDError) Error() string { return e.p.Message() }
func (e *badIDError) Unwrap() error { return ErrBadID }

// idProblem is the problem with an id CheckSessionID or
// CheckParticipantID refused; they give only *badIDError.
func idProblem(err error) Problem {
	var e *badIDError
	errors.As(err, &e)
	return e.p
}

// withField places a problem found without a field (an id's, a setting's)
// at field.
func withField(field string, p Problem) Problem {
	p.Field = field
	return p
}
