package canvas

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// Session file format 1: the JSON interchange format documented in
// docs/session-file.md. Field names are a public contract: add, never rename.
const (
	FileFormat  = "fulcrum-session"
	FileVersion = 1
)

// MaxFileSize bounds what DecodeFile reads, so a hostile file cannot
// exhaust memory.
const MaxFileSize = 10 << 20

// fileHeader is everything in a session file but its lists of objects, so
// DecodeFile can decode each list element on its own and say which one is
// wrong.
type fileHeader struct {
	Format      *string    `json:"format"`
	Version     *int       `json:"version"`
	ID          string     `json:"id,omitempty"`
	Title       string     `json:"title"`
	Product     string     `json:"product"`
	Created     string     `json:"created,omitempty"`
	Updated     string     `json:"updated,omitempty"`
	Facilitator string     `json:"facilitator,omitempty"`
	Template    string     `json:"template,omitempty"`
	Dimensions  []string   `json:"dimensions,omitempty"`
	Settings    *Settings  `json:"settings,omitempty"`
	Round       *fileRound `json:"round,omitempty"`
}

// fileRound is a Round as written in a file; its times are strings so a
// bad one is reported like any other field.
type fileRound struct {
	Mode       string   `json:"mode"`
	Dimensions []string `json:"dimensions"`
	Order      []string `json:"order"`
	Done       []string `json:"done,omitempty"`
	Current    string   `json:"current,omitempty"`
	Revealed   bool     `json:"revealed,omitempty"`
	Started    string   `json:"started,omitempty"`
}

type fileSession struct {
	fileHeader
	Participants []fileParticipant `json:"participants"`
	Placements   []filePlacement   `json:"placements"`
	Positions    []filePosition    `json:"positions"`
	Actions      []fileAction      `json:"actions"`
}

type rawSession struct {
	fileHeader
	Participants []json.RawMessage `json:"participants"`
	Placements   []json.RawMessage `json:"placements"`
	Positions    []json.RawMessage `json:"positions"`
	Actions      []json.RawMessage `json:"actions"`
}

type fileParticipant struct {
	ID     string `json:"id,omitempty"`
	Name   string `json:"name"`
	Role   string `json:"role,omitempty"`
	Colour *int   `json:"colour,omitempty"`
	Shape  Shape  `json:"shape,omitempty"`
}

type filePlacement struct {
	Dimension   string `json:"dimension"`
	Participant string `json:"participant"`
	Value       *int   `json:"value"`
	Confidence  *int   `json:"confidence,omitempty"`
	Note        string `json:"note,omitempty"`
}

type filePosition struct {
	Dimension string `json:"dimension"`
	Current   *int   `json:"current,omitempty"`
	Target    *int   `json:"target,omitempty"`
	Note      string `json:"note,omitempty"`
}

type fileAction struct {
	Text      string `json:"text"`
	Owner     string `json:"owner,omitempty"`
	Due       string `json:"due,omitempty"`
	Dimension string `json:"dimension,omitempty"`
}

// Problem is one thing wrong with a session file, located by field path
// (for example "placements[2].value").
type Problem struct {
	Field   string
	Message string
}

func (p Problem) String() string {
	if p.Field == "" {
		return p.Message
	}
	return p.Field + ": " + p.Message
}

// ErrInvalidFile is wrapped by every *InvalidFileError, so callers can test
// for bad input with errors.Is.
var ErrInvalidFile = errors.New("invalid session file")

// InvalidFileError lists every problem found in one file, so a user can fix
// them all in one pass.
type InvalidFileError struct {
	Problems []Problem
}

func (e *InvalidFileError) Error() string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = p.String()
	}
	return strings.Join(parts, "; ")
}

func (e *InvalidFileError) Unwrap() error { return ErrInvalidFile }

type problems []Problem

func (ps *problems) add(field, format string, args ...any) {
	*ps = append(*ps, Problem{Field: field, Message: fmt.Sprintf(format, args...)})
}

// DecodeFile reads a format-1 session file strictly: unknown fields, wrong
// types, out-of-range values and dangling references are all problems. now
// fills in missing dates; missing ids are generated.
func DecodeFile(r io.Reader, now time.Time) (*Session, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read session file: %w", err)
	}
	if len(data) > MaxFileSize {
		return nil, &InvalidFileError{[]Problem{{Message: fmt.Sprintf("file is larger than %d MB", MaxFileSize>>20)}}}
	}
	if !utf8.Valid(data) {
		return nil, &InvalidFileError{[]Problem{{Message: "file is not valid UTF-8"}}}
	}
	if !json.Valid(data) {
		var v any
		return nil, &InvalidFileError{[]Problem{jsonProblem(json.Unmarshal(data, &v), "")}}
	}
	var ps problems
	var raw rawSession
	if err := decodeStrict(data, &raw); err != nil {
		p := jsonProblem(err, "")
		if p.Message != unknownField {
			return nil, &InvalidFileError{[]Problem{p}}
		}
		// Go on without strictness, so one pass reports every problem.
		ps = append(ps, p)
		raw = rawSession{}
		if err := json.Unmarshal(data, &raw); err != nil {
			return nil, &InvalidFileError{ps}
		}
	}
	f := fileSession{fileHeader: raw.fileHeader}
	f.Participants = decodeList[fileParticipant](&ps, "participants", raw.Participants)
	f.Placements = decodeList[filePlacement](&ps, "placements", raw.Placements)
	f.Positions = decodeList[filePosition](&ps, "positions", raw.Positions)
	f.Actions = decodeList[fileAction](&ps, "actions", raw.Actions)
	s, err := f.toSession(now)
	var inv *InvalidFileError
	if errors.As(err, &inv) {
		ps = append(ps, inv.Problems...)
	}
	if len(ps) > 0 {
		return nil, &InvalidFileError{ps}
	}
	return s, err
}

func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// decodeList decodes each element of a list on its own, so a problem is
// reported with its index. An element with a problem is still kept, as far
// as it decoded, so references to it do not add misleading problems.
func decodeList[T any](ps *problems, name string, raws []json.RawMessage) []T {
	out := make([]T, 0, len(raws))
	for i, r := range raws {
		var v T
		if err := decodeStrict(r, &v); err != nil {
			*ps = append(*ps, jsonProblem(err, fmt.Sprintf("%s[%d]", name, i)))
		}
		out = append(out, v)
	}
	return out
}

const unknownField = "unknown field"

// jsonProblem turns a decoding error into a Problem located under prefix.
func jsonProblem(err error, prefix string) Problem {
	at := func(field string) string {
		switch {
		case prefix == "":
			return field
		case field == "":
			return prefix
		}
		return prefix + "." + field
	}
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return Problem{Message: fmt.Sprintf("malformed JSON at byte %d: %v", syn.Offset, syn)}
	case errors.As(err, &typ):
		// Go names a field of an embedded struct by the struct's type too.
		field := at(strings.TrimPrefix(typ.Field, "fileHeader."))
		if field == "" {
			field = "(top level)"
		}
		return Problem{Field: field, Message: fmt.Sprintf("expected %s, got JSON %s", typeName(typ.Type.String()), typ.Value)}
	case errors.Is(err, io.EOF):
		return Problem{Message: "malformed JSON: the file is empty"}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return Problem{Message: "malformed JSON: the file ends too early"}
	}
	msg := err.Error()
	if f, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		return Problem{Field: at(strings.Trim(f, `"`)), Message: unknownField}
	}
	return Problem{Field: prefix, Message: "malformed JSON: " + strings.TrimPrefix(msg, "json: ")}
}

func typeName(goType string) string {
	switch strings.TrimPrefix(goType, "*") {
	case "int":
		return "an integer"
	case "string":
		return "a string"
	}
	if strings.HasPrefix(goType, "[]") {
		return "an array"
	}
	return "an object"
}

func (f *fileSession) toSession(now time.Time) (*Session, error) {
	var ps problems
	now = now.UTC().Truncate(time.Second)

	switch {
	case f.Format == nil:
		ps.add("format", "is missing; expected %q", FileFormat)
	case *f.Format != FileFormat:
		ps.add("format", "is %q; expected %q", *f.Format, FileFormat)
	}
	switch {
	case f.Version == nil:
		ps.add("version", "is missing; expected %d", FileVersion)
	case *f.Version != FileVersion:
		ps.add("version", "%d is not supported; this Fulcrum reads version %d", *f.Version, FileVersion)
	}

	s := &Session{
		ID:          f.ID,
		Title:       f.Title,
		Product:     f.Product,
		Facilitator: f.Facilitator,
		Template:    f.Template,
	}
	checkText(&ps, "id", f.ID)
	checkText(&ps, "title", f.Title)
	checkText(&ps, "product", f.Product)
	checkText(&ps, "facilitator", f.Facilitator)
	if s.ID == "" {
		s.ID = NewID()
	}
	s.Created = parseTime(&ps, "created", f.Created, now)
	s.Updated = parseTime(&ps, "updated", f.Updated, s.Created)

	keys := f.Dimensions
	tmplKey := f.Template
	if tmplKey == "" {
		tmplKey = TemplateFull
	}
	tmpl, ok := LookupTemplate(tmplKey)
	if !ok {
		ps.add("template", "unknown template %q; expected %q or %q", f.Template, TemplateFull, TemplateQuick)
	}
	if len(keys) == 0 {
		keys = tmpl.Dimensions
	}
	inSession := map[string]bool{}
	for i, k := range keys {
		field := fmt.Sprintf("dimensions[%d]", i)
		d, ok := LookupDimension(k)
		switch {
		case !ok:
			ps.add(field, "unknown dimension key %q", k)
		case inSession[k]:
			ps.add(field, "dimension %q is listed twice", k)
		default:
			inSession[k] = true
			s.Dimensions = append(s.Dimensions, d)
		}
	}
	dimRef := func(field, key string) {
		switch {
		case key == "":
			ps.add(field, "is required")
		case inSession[key]:
		case func() bool { _, ok := LookupDimension(key); return ok }():
			ps.add(field, "dimension %q is not one of this session's dimensions", key)
		default:
			ps.add(field, "unknown dimension key %q", key)
		}
	}

	people := map[string]bool{}
	for i, p := range f.Participants {
		field := fmt.Sprintf("participants[%d]", i)
		checkText(&ps, field+".id", p.ID)
		checkText(&ps, field+".name", p.Name)
		checkText(&ps, field+".role", p.Role)
		if strings.TrimSpace(p.Name) == "" {
			ps.add(field+".name", "is required")
		}
		if p.ID == "" {
			p.ID = NewID()
		}
		if people[p.ID] {
			ps.add(field+".id", "duplicate participant id %q", p.ID)
		}
		people[p.ID] = true
		pp := Participant{ID: p.ID, Name: p.Name, Role: p.Role, Colour: i % PaletteSize(), Shape: Shapes[i%len(Shapes)]}
		if p.Colour != nil {
			if *p.Colour < 0 || *p.Colour >= PaletteSize() {
				ps.add(field+".colour", "%d is outside 0 to %d", *p.Colour, PaletteSize()-1)
			}
			pp.Colour = *p.Colour
		}
		if p.Shape != "" {
			if !ValidShape(p.Shape) {
				ps.add(field+".shape", "unknown shape %q", p.Shape)
			}
			pp.Shape = p.Shape
		}
		s.Participants = append(s.Participants, pp)
	}
	if len(f.Participants) > MaxParticipants {
		ps.add("participants", "has %d entries; at most %d are allowed", len(f.Participants), MaxParticipants)
	}

	placed := map[[2]string]bool{}
	for i, p := range f.Placements {
		field := fmt.Sprintf("placements[%d]", i)
		dimRef(field+".dimension", p.Dimension)
		checkText(&ps, field+".note", p.Note)
		switch {
		case p.Participant == "":
			ps.add(field+".participant", "is required")
		case !people[p.Participant]:
			ps.add(field+".participant", "unknown participant %q", p.Participant)
		}
		if placed[[2]string{p.Dimension, p.Participant}] {
			ps.add(field, "participant %q already has a placement on %q", p.Participant, p.Dimension)
		}
		placed[[2]string{p.Dimension, p.Participant}] = true
		pl := Placement{Dimension: p.Dimension, Participant: p.Participant, Note: p.Note}
		if p.Value == nil {
			ps.add(field+".value", "is required")
		} else {
			pl.Value = checkValue(&ps, field+".value", *p.Value)
		}
		if p.Confidence != nil {
			if *p.Confidence < 1 || *p.Confidence > 5 {
				ps.add(field+".confidence", "%d is outside 1 to 5", *p.Confidence)
			}
			pl.Confidence = *p.Confidence
		}
		s.Placements = append(s.Placements, pl)
	}

	positioned := map[string]bool{}
	for i, p := range f.Positions {
		field := fmt.Sprintf("positions[%d]", i)
		dimRef(field+".dimension", p.Dimension)
		checkText(&ps, field+".note", p.Note)
		if positioned[p.Dimension] {
			ps.add(field+".dimension", "dimension %q has more than one position", p.Dimension)
		}
		positioned[p.Dimension] = true
		if p.Current != nil {
			checkValue(&ps, field+".current", *p.Current)
		}
		if p.Target != nil {
			checkValue(&ps, field+".target", *p.Target)
		}
		s.Positions = append(s.Positions, Position(p))
	}

	for i, a := range f.Actions {
		field := fmt.Sprintf("actions[%d]", i)
		checkText(&ps, field+".text", a.Text)
		checkText(&ps, field+".owner", a.Owner)
		if strings.TrimSpace(a.Text) == "" {
			ps.add(field+".text", "is required")
		}
		if a.Due != "" {
			if _, err := time.Parse(DueLayout, a.Due); err != nil {
				ps.add(field+".due", "%q is not a date like 2026-12-15", a.Due)
			}
		}
		if a.Dimension != "" {
			dimRef(field+".dimension", a.Dimension)
		}
		s.Actions = append(s.Actions, Action(a))
	}

	if len(f.Actions) > MaxActions {
		ps.add("actions", "has %d entries; at most %d are allowed", len(f.Actions), MaxActions)
	}

	if f.Settings != nil {
		st := *f.Settings
		if st.Threshold < 0 || st.Threshold > MaxValue {
			ps.add("settings.threshold", "%d is outside 0 to 100", st.Threshold)
		}
		if st.TimerSeconds < 0 || st.TimerSeconds > 24*3600 {
			ps.add("settings.timer_seconds", "%d is outside 0 to 86400", st.TimerSeconds)
		}
		if st.TimerScope != "" && st.TimerScope != TimerPerDimension && st.TimerScope != TimerPerRound {
			ps.add("settings.timer_scope", "must be %q or %q, not %q", TimerPerDimension, TimerPerRound, st.TimerScope)
		}
		s.Settings = st
	}
	if fr := f.Round; fr != nil {
		if fr.Mode != RoundBlind && fr.Mode != RoundRecord {
			ps.add("round.mode", "must be %q or %q, not %q", RoundBlind, RoundRecord, fr.Mode)
		}
		for i, k := range fr.Dimensions {
			dimRef(fmt.Sprintf("round.dimensions[%d]", i), k)
		}
		ids := func(field string, list []string) {
			for i, id := range list {
				if !people[id] {
					ps.add(fmt.Sprintf("%s[%d]", field, i), "unknown participant %q", id)
				}
			}
		}
		ids("round.order", fr.Order)
		ids("round.done", fr.Done)
		if fr.Current != "" && !people[fr.Current] {
			ps.add("round.current", "unknown participant %q", fr.Current)
		}
		checkText(&ps, "round.current", fr.Current)
		s.Round = &Round{Mode: fr.Mode, Dimensions: fr.Dimensions, Order: fr.Order, Done: fr.Done,
			Current: fr.Current, Revealed: fr.Revealed, Started: parseTime(&ps, "round.started", fr.Started, s.Created)}
	}

	if len(ps) > 0 {
		return nil, &InvalidFileError{Problems: ps}
	}
	return s, nil
}

// MaxActions bounds the actions of one session file.
const MaxActions = 500

func checkValue(ps *problems, field string, v int) int {
	if v < MinValue || v > MaxValue {
		ps.add(field, "%d is outside 0 to 100", v)
	}
	return v
}

// checkText refuses control characters other than newline and tab: they
// are invisible on screen and break the PDF and CSV exports.
func checkText(ps *problems, field, s string) {
	for i, r := range s {
		if r == utf8.RuneError {
			ps.add(field, "is not valid UTF-8 at byte %d", i)
			return
		}
		if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			ps.add(field, "contains control character U+%04X at byte %d", r, i)
			return
		}
	}
}

func parseTime(ps *problems, field, value string, fallback time.Time) time.Time {
	if value == "" {
		return fallback
	}
	t, err := time.Parse(time.RFC3339Nano, value)
	if err != nil {
		ps.add(field, "%q is not an RFC 3339 time like 2026-11-20T09:00:00Z", value)
		return fallback
	}
	return t.UTC()
}

// EncodeFile writes s as a format-1 session file.
func EncodeFile(w io.Writer, s *Session) error {
	f := fileSession{
		fileHeader: fileHeader{
			Format:      ptr(FileFormat),
			Version:     ptr(FileVersion),
			ID:          s.ID,
			Title:       s.Title,
			Product:     s.Product,
			Created:     s.Created.UTC().Format(time.RFC3339Nano),
			Updated:     s.Updated.UTC().Format(time.RFC3339Nano),
			Facilitator: s.Facilitator,
			Template:    s.Template,
		},
		Participants: []fileParticipant{},
		Placements:   []filePlacement{},
		Positions:    []filePosition{},
		Actions:      []fileAction{},
	}
	for _, d := range s.Dimensions {
		f.Dimensions = append(f.Dimensions, d.Key)
	}
	for _, p := range s.Participants {
		f.Participants = append(f.Participants, fileParticipant{ID: p.ID, Name: p.Name, Role: p.Role, Colour: ptr(p.Colour), Shape: p.Shape})
	}
	if s.Settings != (Settings{}) {
		f.Settings = ptr(s.Settings)
	}
	if r := s.Round; r != nil {
		f.Round = &fileRound{Mode: r.Mode, Dimensions: r.Dimensions, Order: r.Order, Done: r.Done,
			Current: r.Current, Revealed: r.Revealed, Started: r.Started.UTC().Format(time.RFC3339Nano)}
	}
	for _, p := range s.Placements {
		fp := filePlacement{Dimension: p.Dimension, Participant: p.Participant, Value: ptr(p.Value), Note: p.Note}
		if p.Confidence != 0 {
			fp.Confidence = ptr(p.Confidence)
		}
		f.Placements = append(f.Placements, fp)
	}
	for _, p := range s.Positions {
		if p.Current == nil && p.Target == nil && p.Note == "" {
			continue
		}
		f.Positions = append(f.Positions, filePosition(p))
	}
	for _, a := range s.Actions {
		f.Actions = append(f.Actions, fileAction(a))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&f); err != nil {
		return fmt.Errorf("encode session %s: %w", s.ID, err)
	}
	return nil
}

func ptr[T any](v T) *T { return &v }
