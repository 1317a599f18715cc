package canvas

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The ops that edit one field of an action. Each names only its field, so
// an edit from the desktop does not put back a field a phone changed
// meanwhile, and an undo takes back only what the person changed. Text,
// owner and due are typed: their keystrokes merge into one undo step until
// the UI seals the edit.

// SetActionText sets the text of the action at Index.
type SetActionText struct {
	Index int
	Text  string
}

func (o SetActionText) parts() Part      { return PartActions }
func (o SetActionText) dims() []string   { return []string{} }
func (o SetActionText) mergeKey() string { return "action-text/" + strconv.Itoa(o.Index) }
func (o SetActionText) apply(s *Session) error {
	return s.editAction("action text", o.Index, func(a *Action) { a.Text = o.Text })
}

// SetActionOwner sets who does the action at Index: a participant's name
// or any other name; "" for nobody yet.
type SetActionOwner struct {
	Index int
	Owner string
}

func (o SetActionOwner) parts() Part      { return PartActions }
func (o SetActionOwner) dims() []string   { return []string{} }
func (o SetActionOwner) mergeKey() string { return "action-owner/" + strconv.Itoa(o.Index) }
func (o SetActionOwner) apply(s *Session) error {
	return s.editAction("action owner", o.Index, func(a *Action) { a.Owner = o.Owner })
}

// SetActionDue sets the due date (YYYY-MM-DD) of the action at Index, or
// clears it with "".
type SetActionDue struct {
	Index int
	Due   string
}

func (o SetActionDue) parts() Part      { return PartActions }
func (o SetActionDue) dims() []string   { return []string{} }
func (o SetActionDue) mergeKey() string { return "action-due/" + strconv.Itoa(o.Index) }
func (o SetActionDue) apply(s *Session) error {
	return s.editAction("action due date", o.Index, func(a *Action) { a.Due = o.Due })
}

// SetActionDimension links the action at Index to a dimension, or unlinks
// it with "".
type SetActionDimension struct {
	Index     int
	Dimension string
}

func (o SetActionDimension) parts() Part    { return PartActions }
func (o SetActionDimension) dims() []string { return []string{} }
func (o SetActionDimension) apply(s *Session) error {
	return s.editAction("action dimension", o.Index, func(a *Action) { a.Dimension = o.Dimension })
}

// SetActionDone marks the action at Index done or open.
type SetActionDone struct {
	Index int
	Done  bool
}

func (o SetActionDone) parts() Part    { return PartActions }
func (o SetActionDone) dims() []string { return []string{} }
func (o SetActionDone) apply(s *Session) error {
	return s.editAction("action done", o.Index, func(a *Action) { a.Done = o.Done })
}

// editAction changes a copy of the action at i and stores it only if the
// result passes the action rules, so a refused edit changes nothing.
func (s *Session) editAction(what string, i int, edit func(*Action)) error {
	if i < 0 || i >= len(s.Actions) {
		return fmt.Errorf("%s: no action %d", what, i+1)
	}
	a := s.Actions[i]
	edit(&a)
	if err := s.checkAction(a); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	s.Actions[i] = a
	return nil
}

// CheckActionText says why text cannot be an action's text, or nil. The
// UI asks it while a person types, to hold back an edit the op would
// refuse.
func CheckActionText(text string) error {
	if strings.TrimSpace(text) == "" {
		return ErrActionText
	}
	return checkControl("text", text)
}

// CheckDue says why due cannot be an action's due date, or nil; "" means
// no date and is fine.
func CheckDue(due string) error {
	if due == "" {
		return nil
	}
	if _, err := ParseDue(due); err != nil {
		return fmt.Errorf("due date %q: want a date like 2026-12-15 (YYYY-MM-DD)", due)
	}
	return nil
}

// ParseDue reads a due date written YYYY-MM-DD, as midnight UTC.
func ParseDue(due string) (time.Time, error) {
	return time.Parse(DueLayout, due)
}

// checkControl refuses the control characters the session file refuses
// (see checkText): text the app stores must survive an export and import.
func checkControl(field, s string) error {
	for i, r := range s {
		if isControl(r) && r != '\n' && r != '\t' {
			return fmt.Errorf("%s contains control character U+%04X at byte %d", field, r, i)
		}
	}
	return nil
}
