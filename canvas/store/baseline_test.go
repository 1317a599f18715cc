package store_test

import (
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// TestPreviousOfFromTheList: the baseline the session list offers is
// chosen among the stored summaries by canvas's rule: the Q2 session of
// " nubia crm" is the baseline of Q3's "Nubia CRM", not the later Q4, not
// another product, and Q1 only for Q2.
func TestPreviousOfFromTheList(t *testing.T) {
	st := openStore(t, dbPath(t), store.Options{})
	defer st.Close()
	at := func(month int) time.Time { return time.Date(2026, time.Month(month), 10, 12, 0, 0, 0, time.UTC) }
	save := func(id, product string, month int) *canvas.Session {
		s, err := canvas.NewSession(canvas.TemplateQuick, id, product, at(month))
		must(t, err)
		s.ID = id
		must(t, st.Save(s))
		return s
	}
	save("q1", "Nubia CRM", 2)
	q2 := save("q2", " nubia crm", 5)
	q3 := save("q3", "Nubia CRM", 8)
	save("q4", "NUBIA CRM", 11)
	save("erp", "Nubia ERP", 7)
	sums, err := st.ListSummaries()
	must(t, err)
	if got, ok := store.PreviousOf(q3, sums); !ok || got.ID != "q2" || got.Title != "q2" {
		t.Errorf("baseline of q3 = %+v, %v; want q2", got, ok)
	}
	if got, ok := store.PreviousOf(q2, sums); !ok || got.ID != "q1" {
		t.Errorf("baseline of q2 = %q, %v; want q1", got.ID, ok)
	}
	first, err := st.Load("q1")
	must(t, err)
	if got, ok := store.PreviousOf(first, sums); ok {
		t.Errorf("q1 is the first session of its product, yet has baseline %q", got.ID)
	}
}
