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

// Session file formats 1 and 2: the JSON interchange format documented in
// the README ("The session file"). Field names are a public contract: add,
// never rename. Version 2 adds custom_dimensions and a custom template key;
// EncodeFile writes it only for a session that needs it, so an older
// Fulcrum keeps reading every other session.
const (
	FileFormat   = "fulcrum-session"
	FileVersion  = 1
	FileVersion2 = 2
)

// MaxFileSize bounds what DecodeFile reads, so a hostile file cannot
// exhaust memory, and also the session as EncodeFile writes it, so every
// file DecodeFile accepts exports to one it accepts again.
const MaxFileSize = 10 << 20

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

// DecodeFile reads a session file of format 1 or 2 strictly: unknown, duplicate
// and wrongly cased keys, wrong types, out-of-range values and dangling
// references are all problems. now fills in missing dates; missing ids are
// generated. What it accepts, EncodeFile writes back within MaxFileSize,
// and DecodeFile reads that again as the same session.
func DecodeFile(r io.Reader, now time.Time) (*Session, error) {
	data, err := readJSON(r, "session file")
	if err != nil {
		return nil, err
	}
	// encoding/json fills fields case-insensitively and lets the last of
	// two equal keys win, so the keys are checked first, at every level.
	ps := problems(checkKeys(data, fileKeys))
	var raw rawSession
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, &InvalidFileError{append(ps, jsonProblem(err, ""))}
	}
	f := fileSession{fileHeader: raw.fileHeader}
	f.Participants = decodeList[fileParticipant](&ps, "participants", raw.Participants)
	f.Placements = decodeList[filePlacement](&ps, "placements", raw.Placements)
	f.Positions = decodeList[filePosition](&ps, "positions", raw.Positions)
	f.Actions = decodeList[fileAction](&ps, "actions", raw.Actions)
	f.AcceptedTensions = decodeList[fileAcceptedTension](&ps, "accepted_tensions", raw.AcceptedTensions)
	f.CustomDimensions = decodeList[fileCustomDimension](&ps, "custom_dimensions", raw.CustomDimensions)
	s, err := f.toSession(now)
	var inv *InvalidFileError
	if errors.As(err, &inv) {
		ps = append(ps, inv.Problems...)
	}
	if len(ps) == 0 && err == nil {
		ps = checkEncodedSize(s)
	}
	if len(ps) > 0 {
		return nil, &InvalidFileError{ps.atMost(MaxProblems)}
	}
	return s, err
}

// readJSON reads a whole file of JSON of at most MaxFileSize bytes; a
// file too large, not UTF-8 or not JSON is an *InvalidFileError.
func readJSON(r io.Reader, what string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", what, err)
	}
	if len(data) > MaxFileSize {
		return nil, &InvalidFileError{[]Problem{{Kind: ProblemFileTooLarge, Args: []any{MaxFileSize >> 20}}}}
	}
	if !utf8.Valid(data) {
		return nil, &InvalidFileError{[]Problem{{Kind: ProblemNotUTF8, Args: []any{invalidUTF8At(data)}}}}
	}
	if !json.Valid(data) {
		var v any
		return nil, &InvalidFileError{[]Problem{jsonProblem(json.Unmarshal(data, &v), "")}}
	}
	return data, nil
}

// MaxProblems bounds the problems listed for one file: a hostile file can
// hold a million duplicate keys, and a person fixes a file a screen at a
// time anyway.
const MaxProblems = 100

// atMost keeps the first n problems and says how many more there were.
func (ps problems) atMost(n int) problems {
	if len(ps) <= n {
		return ps
	}
	more := len(ps) - n
	return append(ps[:n:n], Problem{Kind: ProblemMoreProblems, Args: []any{more}})
}

// checkEncodedSize refuses a session whose own export would exceed
// MaxFileSize: a compact file under the cap can grow past it when written
// indented and with every default filled in, and then could not be
// imported again.
func checkEncodedSize(s *Session) problems {
	var n countingWriter
	if err := EncodeFile(&n, s); err != nil {
		return problems{{Kind: ProblemEncodeFailed, Args: []any{err.Error()}}}
	}
	if n > MaxFileSize {
		return problems{{Kind: ProblemEncodedTooLarge, Args: []any{int(n), MaxFileSize, MaxFileSize >> 20}}}
	}
	return nil
}

type countingWriter int

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}

func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// EncodeFile writes s as a session file: format 2 when the session uses a
// custom dimension or a custom template, format 1 otherwise.
func EncodeFile(w io.Writer, s *Session) error {
	version := FileVersion
	custom := s.CustomDimensions()
	if len(custom) > 0 || (s.Template != "" && !(Template{Key: s.Template}).IsBuiltIn()) {
		version = FileVersion2
	}
	f := fileSession{
		fileHeader: fileHeader{
			Format:      ptr(FileFormat),
			Version:     ptr(version),
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
	for _, d := range custom {
		f.CustomDimensions = append(f.CustomDimensions, fileCustom(d))
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
	for _, a := range s.AcceptedTensions {
		f.AcceptedTensions = append(f.AcceptedTensions, fileAcceptedTension(a))
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&f); err != nil {
		return fmt.Errorf("encode session %s: %w", s.ID, err)
	}
	if _, err := w.Write(unescapeLineSeparators(buf.Bytes())); err != nil {
		return fmt.Errorf("write session %s: %w", s.ID, err)
	}
	return nil
}

// unescapeLineSeparators writes U+2028 and U+2029 as themselves, which
// encoding/json escapes for JavaScript's sake. JSON allows them as they
// are, and as six-byte escapes they would double the size of a text made
// of them, pushing a file under MaxFileSize over it on export.
func unescapeLineSeparators(b []byte) []byte {
	if !bytes.Contains(b, []byte(`\u202`)) {
		return b
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' || i+1 == len(b) {
			out = append(out, b[i])
			continue
		}
		// A backslash always starts a two-byte escape or \uXXXX, so
		// skipping whole escapes never mistakes the "u2028" after an
		// escaped backslash for an escape.
		if esc := b[i:min(i+6, len(b))]; string(esc) == `\u2028` || string(esc) == `\u2029` {
			out = utf8.AppendRune(out, 0x2028+rune(esc[5]-'8'))
			i += 5
			continue
		}
		out = append(out, b[i], b[i+1])
		i++
	}
	return out
}

func ptr[T any](v T) *T { return &v }
