package canvas_test

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

func intPtr(v int) *int { return &v }

func newQuickSession(t *testing.T) *canvas.Session {
	t.Helper()
	s, err := canvas.NewSession(canvas.TemplateQuick, "Title", "Product", time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatalf("NewSession: %v", err)
	}
	return s
}

func TestNewSession(t *testing.T) {
	loc := time.FixedZone("UTC+2", 2*60*60)
	now := time.Date(2026, 11, 20, 11, 30, 15, 987654321, loc)
	wantTime := time.Date(2026, 11, 20, 9, 30, 15, 0, time.UTC)

	s, err := canvas.NewSession(canvas.TemplateFull, "Q4 positioning", "Nubia CRM", now)
	if err != nil {
		t.Fatalf("NewSession: %v", err)
	}
	if s.Title != "Q4 positioning" || s.Product != "Nubia CRM" || s.Template != "full" {
		t.Errorf("session = %q/%q/%q, want Q4 positioning/Nubia CRM/full", s.Title, s.Product, s.Template)
	}
	if s.ID == "" {
		t.Error("session has no ID")
	}
	if !s.Created.Equal(wantTime) || s.Created.Location() != time.UTC {
		t.Errorf("Created = %v, want %v in UTC", s.Created, wantTime)
	}
	if !s.Updated.Equal(wantTime) {
		t.Errorf("Updated = %v, want %v", s.Updated, wantTime)
	}
	if want := len(canvas.Catalogue()); len(s.Dimensions) != want {
		t.Errorf("full session has %d dimensions, want %d", len(s.Dimensions), want)
	}
	if len(s.Participants) != 0 || len(s.Placements) != 0 || len(s.Positions) != 0 || len(s.Actions) != 0 {
		t.Errorf("new session is not empty: %+v", s)
	}

	other, err := canvas.NewSession(canvas.TemplateFull, "Q4 positioning", "Nubia CRM", now)
	if err != nil {
		t.Fatal(err)
	}
	if other.ID == s.ID {
		t.Errorf("two sessions share ID %q", s.ID)
	}
}

func TestNewSessionUnknownTemplate(t *testing.T) {
	for _, key := range []string{"", "Full", "QUICK", "nope"} {
		s, err := canvas.NewSession(key, "T", "P", time.Now())
		if err == nil {
			t.Errorf("NewSession(%q) = %+v, nil; want an error", key, s)
			continue
		}
		if !errors.Is(err, canvas.ErrUnknownTemplate) {
			t.Errorf("NewSession(%q) error = %v, want ErrUnknownTemplate", key, err)
		}
		if s != nil {
			t.Errorf("NewSession(%q) returned a session with its error", key)
		}
	}
}

func TestSetCurrent(t *testing.T) {
	tests := []struct {
		name    string
		key     string
		value   int
		wantErr error
	}{
		{"min", "customer", 0, nil},
		{"max", "customer", 100, nil},
		{"middle", "value", 57, nil},
		{"below range", "customer", -1, canvas.ErrValueRange},
		{"above range", "customer", 101, canvas.ErrValueRange},
		{"unknown dimension", "nope", 50, canvas.ErrUnknownDimension},
		{"catalogue dimension not in session", "buyer-user", 50, canvas.ErrUnknownDimension},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newQuickSession(t)
			err := s.SetCurrent(tt.key, tt.value)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("SetCurrent(%q, %d) error = %v, want %v", tt.key, tt.value, err, tt.wantErr)
				}
				if len(s.Positions) != 0 {
					t.Errorf("rejected SetCurrent left positions %+v", s.Positions)
				}
				return
			}
			if err != nil {
				t.Fatalf("SetCurrent(%q, %d): %v", tt.key, tt.value, err)
			}
			p := s.Position(tt.key)
			if p.Current == nil || *p.Current != tt.value {
				t.Errorf("Position(%q).Current = %v, want %d", tt.key, p.Current, tt.value)
			}
			if p.Target != nil {
				t.Errorf("Position(%q).Target = %d, want nil", tt.key, *p.Target)
			}
		})
	}
}

func TestSetCurrentReplacesExisting(t *testing.T) {
	s := newQuickSession(t)
	if err := s.SetCurrent("customer", 10); err != nil {
		t.Fatal(err)
	}
	if err := s.SetCurrent("customer", 20); err != nil {
		t.Fatal(err)
	}
	if err := s.SetCurrent("customer", 101); err == nil {
		t.Fatal("SetCurrent(101) succeeded")
	}
	if len(s.Positions) != 1 {
		t.Fatalf("Positions = %+v, want one entry", s.Positions)
	}
	if got := s.Position("customer").Current; got == nil || *got != 20 {
		t.Errorf("Current = %v, want 20", got)
	}
}

func TestSetTarget(t *testing.T) {
	s := newQuickSession(t)
	if err := s.SetCurrent("customer", 40); err != nil {
		t.Fatal(err)
	}
	target := 75
	if err := s.SetTarget("customer", &target); err != nil {
		t.Fatal(err)
	}
	target = 1 // the session must keep its own copy
	p := s.Position("customer")
	if p.Target == nil || *p.Target != 75 {
		t.Fatalf("Target = %v, want 75", p.Target)
	}

	for _, bad := range []int{-1, 101} {
		if err := s.SetTarget("customer", intPtr(bad)); !errors.Is(err, canvas.ErrValueRange) {
			t.Errorf("SetTarget(%d) error = %v, want ErrValueRange", bad, err)
		}
	}
	if err := s.SetTarget("nope", intPtr(50)); !errors.Is(err, canvas.ErrUnknownDimension) {
		t.Errorf("SetTarget(nope) error = %v, want ErrUnknownDimension", err)
	}
	if p := s.Position("customer"); p.Target == nil || *p.Target != 75 {
		t.Errorf("Target after rejected calls = %v, want 75", p.Target)
	}

	if err := s.SetTarget("customer", nil); err != nil {
		t.Fatalf("SetTarget(nil): %v", err)
	}
	p = s.Position("customer")
	if p.Target != nil {
		t.Errorf("Target after SetTarget(nil) = %d, want nil", *p.Target)
	}
	if p.Current == nil || *p.Current != 40 {
		t.Errorf("SetTarget(nil) changed Current to %v, want 40", p.Current)
	}
}

func TestPositionUntouched(t *testing.T) {
	s := newQuickSession(t)
	want := canvas.Position{Dimension: "value"}
	if got := s.Position("value"); !reflect.DeepEqual(got, want) {
		t.Errorf("Position(value) = %+v, want %+v", got, want)
	}
}

func TestCloneIsDeep(t *testing.T) {
	build := func(t *testing.T) *canvas.Session {
		s := newQuickSession(t)
		s.Facilitator = "Ana"
		s.Participants = []canvas.Participant{{ID: "ana", Name: "Ana", Role: "Sales"}, {ID: "bo", Name: "Bo"}}
		s.Placements = []canvas.Placement{
			{Dimension: "customer", Participant: "ana", Value: 70, Confidence: 3, Note: "n"},
			{Dimension: "customer", Participant: "bo", Value: 20},
		}
		s.Actions = []canvas.Action{{Text: "Call", Owner: "Bo", Due: "2026-12-01", Dimension: "customer"}}
		if err := s.SetCurrent("customer", 60); err != nil {
			t.Fatal(err)
		}
		if err := s.SetTarget("customer", intPtr(80)); err != nil {
			t.Fatal(err)
		}
		if err := s.SetNote("value", "later"); err != nil {
			t.Fatal(err)
		}
		return s
	}
	tests := []struct {
		name   string
		mutate func(t *testing.T, c *canvas.Session)
	}{
		{"current via setter", func(t *testing.T, c *canvas.Session) {
			if err := c.SetCurrent("customer", 5); err != nil {
				t.Fatal(err)
			}
		}},
		{"current via pointer", func(t *testing.T, c *canvas.Session) { *c.Positions[0].Current = 5 }},
		{"target via pointer", func(t *testing.T, c *canvas.Session) { *c.Positions[0].Target = 5 }},
		{"target cleared", func(t *testing.T, c *canvas.Session) {
			if err := c.SetTarget("customer", nil); err != nil {
				t.Fatal(err)
			}
		}},
		{"note", func(t *testing.T, c *canvas.Session) {
			if err := c.SetNote("value", "changed"); err != nil {
				t.Fatal(err)
			}
		}},
		{"new position", func(t *testing.T, c *canvas.Session) {
			if err := c.SetCurrent("acquisition", 33); err != nil {
				t.Fatal(err)
			}
		}},
		{"placement", func(t *testing.T, c *canvas.Session) { c.Placements[0].Value = 1 }},
		{"placement note", func(t *testing.T, c *canvas.Session) { c.Placements[1].Note = "x" }},
		{"participant", func(t *testing.T, c *canvas.Session) { c.Participants[0].Name = "Someone else" }},
		{"action", func(t *testing.T, c *canvas.Session) { c.Actions[0].Text = "changed" }},
		{"dimension snapshot", func(t *testing.T, c *canvas.Session) { c.Dimensions[0].Guidance.ToB = "changed" }},
		{"scalar field", func(t *testing.T, c *canvas.Session) { c.Title = "changed" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			orig := build(t)
			reference := build(t)
			reference.ID = orig.ID

			c := orig.Clone()
			if c == orig {
				t.Fatal("Clone returned the same pointer")
			}
			if !reflect.DeepEqual(c, orig) {
				t.Fatalf("clone differs from original:\n%+v\n%+v", c, orig)
			}
			tt.mutate(t, c)
			if reflect.DeepEqual(c, orig) {
				t.Fatal("mutation did not change the clone; test is broken")
			}
			if !reflect.DeepEqual(orig, reference) {
				t.Errorf("changing the clone changed the original:\n got %+v\nwant %+v", orig, reference)
			}
		})
	}
}

func TestCloneKeepsNil(t *testing.T) {
	s := newQuickSession(t)
	c := s.Clone()
	if !reflect.DeepEqual(c, s) {
		t.Errorf("Clone of an empty session = %+v, want %+v", c, s)
	}
	if c.Positions != nil {
		t.Errorf("Clone turned nil Positions into %#v", c.Positions)
	}
}

func TestTouch(t *testing.T) {
	s := newQuickSession(t)
	loc := time.FixedZone("X", -3*60*60)
	s.Touch(time.Date(2026, 12, 1, 8, 0, 0, 123456789, loc))
	want := time.Date(2026, 12, 1, 11, 0, 0, 123000000, time.UTC)
	if !s.Updated.Equal(want) || s.Updated.Location() != time.UTC {
		t.Errorf("Updated = %v, want %v (UTC, milliseconds)", s.Updated, want)
	}
}
