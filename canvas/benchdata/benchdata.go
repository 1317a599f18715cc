// Package benchdata builds the sessions that Fulcrum's benchmarks measure:
// one heavy workshop and many ordinary ones, the same in the Go benchmarks
// and in the start-up measurement of make bench.
package benchdata

import (
	"fmt"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// HeavyID is the id of the heavy session in every generated file.
const HeavyID = "heavy-session"

// Heavy is the Full template with 12 participants, each placed on every
// dimension with a note in Spanish and Chinese, and every position agreed
// with a note.
func Heavy(id string) (*canvas.Session, error) {
	s, err := canvas.NewSession(canvas.TemplateFull, "Benchmark · 基准", "Nubia CRM", time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC))
	if err != nil {
		return nil, err
	}
	s.ID = id
	for i := range 12 {
		p, err := s.AddParticipant(fmt.Sprintf("Participante %d", i+1), "Ventas")
		if err != nil {
			return nil, err
		}
		for j, d := range s.Dimensions {
			pl := canvas.Placement{Dimension: d.Key, Participant: p.ID, Value: (i*37 + j*11) % 101, Confidence: 1 + (i+j)%5,
				Note: "Nota en español con razones, 以及一些中文说明。"}
			if err := s.SetPlacement(pl); err != nil {
				return nil, err
			}
		}
	}
	for j, d := range s.Dimensions {
		if err := s.SetCurrent(d.Key, (j*13)%101); err != nil {
			return nil, err
		}
		if err := s.SetNote(d.Key, "Acordado tras la discusión · 讨论后达成一致"); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Mixed is the i-th ordinary session: Quick or Full, with 0 to 12
// participants placed on every dimension.
func Mixed(i int) (*canvas.Session, error) {
	tmpl := canvas.TemplateQuick
	if i%3 == 0 {
		tmpl = canvas.TemplateFull
	}
	s, err := canvas.NewSession(tmpl, fmt.Sprintf("Session %d", i), fmt.Sprintf("Product %d", i%97), time.Unix(1.7e9+int64(i)*60, 0))
	if err != nil {
		return nil, err
	}
	s.ID = fmt.Sprintf("s%07d", i)
	for k := range i % 13 {
		p, err := s.AddParticipant(fmt.Sprintf("P%d", k), "")
		if err != nil {
			return nil, err
		}
		for j, d := range s.Dimensions {
			if err := s.SetPlacement(canvas.Placement{Dimension: d.Key, Participant: p.ID, Value: (i + k*7 + j*3) % 101}); err != nil {
				return nil, err
			}
		}
	}
	for j, d := range s.Dimensions {
		if err := s.SetCurrent(d.Key, (i+j*5)%101); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// WriteFile creates a store at path with n sessions, the heavy one among
// them, imported in batches.
func WriteFile(path string, n int) error {
	st, err := store.Open(path, store.Options{})
	if err != nil {
		return err
	}
	const batch = 1000
	for start := 0; start < n; start += batch {
		var ss []*canvas.Session
		for i := start; i < min(n, start+batch); i++ {
			var s *canvas.Session
			if i == n/2 {
				s, err = Heavy(HeavyID)
			} else {
				s, err = Mixed(i)
			}
			if err != nil {
				st.Close()
				return err
			}
			ss = append(ss, s)
		}
		if _, err := st.Import(ss); err != nil {
			st.Close()
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	return st.Close()
}
