package canvas

import (
	"fmt"
	"strings"
	"time"
)

// toSession turns a decoded file into a session, one part of the file at a
// time. Each part checks what only a file can get wrong (a missing field, a
// key the catalogue lacks, text or an id an imported file may not hold);
// the session's own rules (Validate) then run on the result, so a file
// obeys exactly what the app relies on, and a little more.
func (f *fileSession) toSession(now time.Time) (*Session, error) {
	var ps problems
	s := f.header(&ps, now.UTC().Truncate(time.Second))
	s.Dimensions = f.dimensions(&ps)
	s.Participants = f.participants(&ps)
	s.Placements = f.placements(&ps)
	s.Positions = f.positions(&ps)
	s.Actions = f.actions(&ps)
	s.AcceptedTensions = f.acceptedTensions(&ps)
	if f.Settings != nil {
		s.Settings = *f.Settings
	}
	s.Round = f.round(&ps, s.Created)

	v := newValidator()
	v.session(s)
	if len(s.Dimensions) == 0 {
		// A file must place the product on something; the store keeps
		// sessions saved before this rule, so Validate does not apply it.
		v.ps.add("dimensions", ProblemNoDimensions)
	}
	ps = append(ps, v.ps...)
	if len(ps) > 0 {
		return nil, &InvalidFileError{Problems: ps}
	}
	s.Positions = dropEmptyPositions(s.Positions)
	return s, nil
}

func (f *fileSession) header(ps *problems, now time.Time) *Session {
	switch {
	case f.Format == nil:
		ps.add("format", ProblemFormatMissing, FileFormat)
	case *f.Format != FileFormat:
		ps.add("format", ProblemFormatWrong, *f.Format, FileFormat)
	}
	switch {
	case f.Version == nil:
		ps.add("version", ProblemVersionMissing, FileVersion)
	case *f.Version != FileVersion && *f.Version != FileVersion2:
		ps.add("version", ProblemVersionUnsupported, *f.Version, FileVersion2)
	}
	s := &Session{ID: f.ID, Title: f.Title, Product: f.Product, Facilitator: f.Facilitator, Template: f.Template}
	if s.ID == "" {
		s.ID = NewID()
	} else if err := CheckSessionID(s.ID); err != nil {
		*ps = append(*ps, withField("id", idProblem(err)))
	}
	checkText(ps, "title", f.Title)
	checkText(ps, "product", f.Product)
	checkText(ps, "facilitator", f.Facilitator)
	s.Created = parseTime(ps, "created", f.Created, now)
	s.Updated = parseTime(ps, "updated", f.Updated, s.Created)
	return s
}

// dimensions resolves the file's dimension keys, or its template's, in the
// catalogue and in the file's own custom dimensions. Keys that fail are
// left out, so references to the good ones still check.
func (f *fileSession) dimensions(ps *problems) []Dimension {
	custom := f.customDimensions(ps)
	keys := f.Dimensions
	tmplKey := f.Template
	if tmplKey == "" {
		tmplKey = TemplateFull
	}
	tmpl, ok := LookupTemplate(tmplKey)
	// Format 2 names the custom template a session started from; the file
	// lists its dimensions, so the template need not exist here.
	customTemplate := !ok && f.version() == FileVersion2 && len(keys) > 0 && CheckKey(tmplKey) == nil
	if !ok && !customTemplate {
		ps.add("template", ProblemUnknownTemplate, f.Template, TemplateFull, TemplateQuick)
	}
	if len(keys) == 0 {
		keys = tmpl.Dimensions
	}
	var dims []Dimension
	seen := map[string]bool{}
	for i, k := range keys {
		field := fmt.Sprintf("dimensions[%d]", i)
		d, ok := LookupDimension(k)
		if !ok {
			d, ok = custom[k]
		}
		switch {
		case !ok:
			ps.add(field, ProblemUnknownDimension, k)
		case seen[k]:
			ps.add(field, ProblemDimensionTwice, k)
		default:
			seen[k] = true
			dims = append(dims, d)
		}
	}
	// A definition the session does not use would be dropped on the next
	// export, and the file would not come back as it was.
	for i, c := range f.CustomDimensions {
		if _, ok := custom[c.Key]; ok && !seen[c.Key] {
			ps.add(fmt.Sprintf("custom_dimensions[%d].key", i), ProblemCustomUnused, c.Key)
		}
	}
	return dims
}

func (f *fileSession) version() int {
	if f.Version == nil {
		return 0
	}
	return *f.Version
}

// customDimensions checks the file's custom dimensions and returns the
// good ones by key.
func (f *fileSession) customDimensions(ps *problems) map[string]Dimension {
	if len(f.CustomDimensions) > 0 && f.version() == FileVersion {
		ps.add("custom_dimensions", ProblemCustomNeedsVersion2)
	}
	return customDefinitions(ps, "custom_dimensions", f.CustomDimensions)
}

// customDefinitions checks the custom dimensions of a session or template
// file under field, and returns the good ones by key.
func customDefinitions(ps *problems, field string, defs []fileCustomDimension) map[string]Dimension {
	if len(defs) > MaxCustom {
		ps.add(field, ProblemTooManyEntries, len(defs), MaxCustom)
	}
	out := map[string]Dimension{}
	for i, c := range defs {
		at := fmt.Sprintf("%s[%d]", field, i)
		d := c.dimension()
		bad := CheckCustomDimension(d)
		for _, p := range bad {
			*ps = append(*ps, withField(at+"."+p.Field, p))
		}
		if _, twice := out[d.Key]; twice && d.Key != "" {
			ps.add(at+".key", ProblemCustomTwice, d.Key)
			continue
		}
		if len(bad) == 0 {
			out[d.Key] = d
		}
	}
	return out
}

// participants fills in a missing id and the marker of the participant's
// position, as AddParticipant would.
func (f *fileSession) participants(ps *problems) []Participant {
	if len(f.Participants) > MaxParticipants {
		ps.add("participants", ProblemTooManyEntries, len(f.Participants), MaxParticipants)
	}
	var out []Participant
	for i, p := range f.Participants {
		field := fmt.Sprintf("participants[%d]", i)
		if p.ID == "" {
			p.ID = NewID()
		} else if err := CheckParticipantID(p.ID); err != nil {
			*ps = append(*ps, withField(field+".id", idProblem(err)))
		}
		checkText(ps, field+".name", p.Name)
		checkText(ps, field+".role", p.Role)
		if strings.TrimSpace(p.Name) == "" {
			ps.add(field+".name", ProblemRequired)
		}
		pp := Participant{ID: p.ID, Name: p.Name, Role: p.Role, Colour: i % PaletteSize(), Shape: Shapes[i%len(Shapes)]}
		if p.Colour != nil {
			pp.Colour = *p.Colour
		}
		if p.Shape != "" {
			pp.Shape = p.Shape
		}
		out = append(out, pp)
	}
	return out
}

func (f *fileSession) placements(ps *problems) []Placement {
	var out []Placement
	for i, p := range f.Placements {
		field := fmt.Sprintf("placements[%d]", i)
		checkText(ps, field+".note", p.Note)
		pl := Placement{Dimension: p.Dimension, Participant: p.Participant, Note: p.Note}
		if p.Value == nil {
			ps.add(field+".value", ProblemRequired)
		} else {
			pl.Value = *p.Value
		}
		// In the session 0 means "none given"; in a file "none" is
		// leaving the field out, so a 0 written out is a mistake.
		if c := p.Confidence; c != nil {
			if *c < 1 || *c > MaxConfidence {
				ps.add(field+".confidence", ProblemOutOfRange, *c, 1, MaxConfidence)
			} else {
				pl.Confidence = *c
			}
		}
		out = append(out, pl)
	}
	return out
}

func (f *fileSession) positions(ps *problems) []Position {
	var out []Position
	for i, p := range f.Positions {
		checkText(ps, fmt.Sprintf("positions[%d].note", i), p.Note)
		out = append(out, Position(p))
	}
	return out
}

// dropEmptyPositions leaves out positions that say nothing: Position gives
// the same for a dimension without one, and EncodeFile does not write them.
func dropEmptyPositions(pos []Position) []Position {
	var out []Position
	for _, p := range pos {
		if p.Current != nil || p.Target != nil || p.Note != "" {
			out = append(out, p)
		}
	}
	return out
}

func (f *fileSession) actions(ps *problems) []Action {
	if len(f.Actions) > MaxActions {
		ps.add("actions", ProblemTooManyEntries, len(f.Actions), MaxActions)
	}
	var out []Action
	for i, a := range f.Actions {
		field := fmt.Sprintf("actions[%d]", i)
		checkText(ps, field+".text", a.Text)
		checkText(ps, field+".owner", a.Owner)
		if strings.TrimSpace(a.Text) == "" {
			ps.add(field+".text", ProblemRequired)
		}
		out = append(out, Action(a))
	}
	return out
}

// acceptedTensions reads the tensions the team accepted. A rule key this
// build does not know is kept, not refused: a file from a Fulcrum with
// other rules still imports, and its acceptances mark nothing here.
func (f *fileSession) acceptedTensions(ps *problems) []AcceptedTension {
	if len(f.AcceptedTensions) > MaxAcceptedTensions {
		ps.add("accepted_tensions", ProblemTooManyEntries, len(f.AcceptedTensions), MaxAcceptedTensions)
	}
	var out []AcceptedTension
	for i, a := range f.AcceptedTensions {
		field := fmt.Sprintf("accepted_tensions[%d]", i)
		checkText(ps, field+".rule", a.Rule)
		checkText(ps, field+".reason", a.Reason)
		out = append(out, AcceptedTension(a))
	}
	return out
}

// round reads the round; a round without a start time started when the
// session was created.
func (f *fileSession) round(ps *problems, created time.Time) *Round {
	fr := f.Round
	if fr == nil {
		return nil
	}
	r := &Round{Mode: fr.Mode, Dimensions: fr.Dimensions, Order: fr.Order, Done: nilIfEmpty(fr.Done),
		Current: fr.Current, Revealed: fr.Revealed, Started: parseTime(ps, "round.started", fr.Started, created)}
	return r
}

// nilIfEmpty makes an empty list the same as none where EncodeFile and the
// store leave an empty list out.
func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

// checkText refuses control characters other than newline and tab: they
// are invisible on screen and break the PDF and CSV exports. A U+FFFD
// written in the file is text like any other; the file as a whole has
// already been checked to be valid UTF-8.
func checkText(ps *problems, field, s string) {
	for i, r := range s {
		if isControl(r) && r != '\n' && r != '\t' {
			ps.add(field, ProblemControlCharacter, r, i)
			return
		}
	}
}

// parseTime reads an RFC 3339 time in UTC. A time whose year in UTC falls
// outside 0000 to 9999 is refused here, with the text as written: RFC 3339
// cannot write it, so neither the store nor an export could.
func parseTime(ps *problems, field, value string, fallback time.Time) time.Time {
	if value == "" {
		return fallback
	}
	t, err := time.Parse(time.RFC3339Nano, value)
	if err != nil {
		ps.add(field, ProblemBadTime, value)
		return fallback
	}
	if !ValidTime(t) {
		ps.add(field, ProblemTimeYear, value, t.UTC().Year(), MinYear, MaxYear)
		return fallback
	}
	return t.UTC()
}
