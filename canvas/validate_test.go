package canvas_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// validSession is built only through the model's own methods, so it is
// what the app can produce.
func validSession(t *testing.T) *canvas.Session {
	t.Helper()
	now := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	s, err := canvas.NewSession(canvas.TemplateQuick, "T", "P", now)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := s.AddParticipant("Ann", "")
	b, _ := s.AddParticipant("Ben", "")
	if err := s.StartRound(canvas.RoundBlind, nil, now); err != nil {
		t.Fatal(err)
	}
	must(t, s.BeginTurn(a.ID))
	must(t, s.SetPlacement(canvas.Placement{Dimension: "customer", Participant: a.ID, Value: 100, Confidence: 5}))
	must(t, s.FinishTurn(a.ID))
	must(t, s.BeginTurn(b.ID))
	must(t, s.SetCurrent("customer", 0))
	must(t, s.SetTarget("customer", intPtr(100)))
	s.Actions = append(s.Actions, canvas.Action{Text: "x", Due: "9999-12-31", Dimension: "customer"})
	s.Settings = canvas.Settings{Threshold: 100, TimerSeconds: canvas.MaxTimerSeconds, TimerScope: canvas.TimerPerRound}
	return s
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestValidateAcceptsWhatTheModelBuilds(t *testing.T) {
	s := validSession(t)
	if err := s.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	// An id from before the id rule, and text the import would refuse,
	// are no damage in a session already saved.
	s.ID = "my session\n"
	s.Title = "a\x01b"
	if err := s.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
}

func TestValidateNamesWhatIsWrong(t *testing.T) {
	for _, tt := range []struct {
		field  string
		damage func(s *canvas.Session)
	}{
		{"id", func(s *canvas.Session) { s.ID = "" }},
		{"created", func(s *canvas.Session) { s.Created = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) }},
		{"updated", func(s *canvas.Session) { s.Updated = time.Date(-1, 12, 31, 0, 0, 0, 0, time.UTC) }},
		{"dimensions[1]", func(s *canvas.Session) { s.Dimensions[1] = s.Dimensions[0] }},
		{"participants[1].id", func(s *canvas.Session) { s.Participants[1].ID = s.Participants[0].ID }},
		{"participants[0].colour", func(s *canvas.Session) { s.Participants[0].Colour = canvas.PaletteSize() }},
		{"participants[0].shape", func(s *canvas.Session) { s.Participants[0].Shape = "star" }},
		{"placements[0].value", func(s *canvas.Session) { s.Placements[0].Value = 101 }},
		{"placements[0].confidence", func(s *canvas.Session) { s.Placements[0].Confidence = 6 }},
		{"placements[0].participant", func(s *canvas.Session) { s.Placements[0].Participant = "ghost" }},
		{"placements[0].dimension", func(s *canvas.Session) { s.Placements[0].Dimension = "nope" }},
		{"positions[0].current", func(s *canvas.Session) { *s.Positions[0].Current = -1 }},
		{"positions[0].target", func(s *canvas.Session) { *s.Positions[0].Target = 101 }},
		{"actions[0].due", func(s *canvas.Session) { s.Actions[0].Due = "10000-01-01" }},
		{"actions[0].dimension", func(s *canvas.Session) { s.Actions[0].Dimension = "data" }},
		{"settings.threshold", func(s *canvas.Session) { s.Settings.Threshold = 101 }},
		{"settings.timer_seconds", func(s *canvas.Session) { s.Settings.TimerSeconds = -1 }},
		{"settings.timer_scope", func(s *canvas.Session) { s.Settings.TimerScope = "x" }},
		{"round.mode", func(s *canvas.Session) { s.Round.Mode = "" }},
		{"round.order[2]", func(s *canvas.Session) { s.Round.Order = append(s.Round.Order, s.Round.Order[0]) }},
		{"round.done[0]", func(s *canvas.Session) { s.Round.Done = []string{"ghost"} }},
		{"round.current", func(s *canvas.Session) { s.Round.Order = s.Round.Order[:1] }},
		{"round.started", func(s *canvas.Session) { s.Round.Started = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) }},
	} {
		t.Run(tt.field, func(t *testing.T) {
			s := validSession(t)
			tt.damage(s)
			err := s.Validate()
			var inv *canvas.InvalidFileError
			if !errors.As(err, &inv) {
				t.Fatalf("Validate = %v, want an *InvalidFileError", err)
			}
			var fields []string
			for _, p := range inv.Problems {
				fields = append(fields, p.Field)
			}
			if !slices.Contains(fields, tt.field) {
				t.Errorf("problems %v do not name %s", inv.Problems, tt.field)
			}
		})
	}
}
