package app

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// regulatory is a custom dimension written in Spanish, as a facilitator
// would.
var regulatory = canvas.Dimension{Key: "carga-regulatoria", Group: "Regulación",
	Name: "Carga regulatoria", Question: "¿Cuánto pesa la regulación en la venta?",
	ToC: "Casi ninguna", ToB: "Decide la venta",
	Guidance: canvas.Guidance{ToC: "Lance rápido.", ToB: "Hable con cumplimiento."}}

func rowKeys(e *editor) []string {
	var out []string
	for _, r := range e.rows {
		out = append(out, r.dim.Key)
	}
	return out
}

// A session gains a custom dimension from the catalogue and loses it
// again: the editor's rows follow, removing one with placements asks
// first, and undo and redo give each change back.
func TestSessionGainsAndLosesDimensions(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	if err := st.SaveDimension(regulatory); err != nil {
		t.Fatal(err)
	}
	if err := u.createSession(canvas.TemplateQuick, "Q4", "Nubia", ""); err != nil {
		t.Fatal(err)
	}
	e := u.editor
	c := u.Window().Canvas()
	before := len(e.rows)

	test.Tap(buttonIn(t, e.content, "Add dimension…"))
	dlg := c.Overlays().Top()
	if dlg == nil {
		t.Fatal("Add dimension… opened no dialog")
	}
	lists := renderedOf[*keyPickList](dlg)
	if len(lists) != 1 {
		t.Fatalf("the dialog has %d lists", len(lists))
	}
	want := -1
	offered := 0
	for i := range lists[0].Length() {
		offered++
		o := lists[0].CreateItem()
		lists[0].UpdateItem(i, o)
		if contains(textsOf(rendered(o)), "Carga regulatoria — Regulación (custom)") {
			want = i
		}
	}
	if want < 0 || offered != len(canvas.Catalogue())+1-before {
		t.Fatalf("the dialog offers %d dimensions (custom one at %d), want the %d the session lacks", offered, want, len(canvas.Catalogue())+1-before)
	}
	lists[0].Select(want)
	test.Tap(buttonIn(t, dlg, "Add"))

	if len(e.rows) != before+1 || e.rowOf(regulatory.Key) < 0 {
		t.Fatalf("after Add the editor shows %q", rowKeys(e))
	}
	if u.Window().Content() != e.content {
		t.Fatal("the window does not show the redrawn editor")
	}
	if !containsText(textsOf(onScreen(u)), "Carga regulatoria") || !containsText(textsOf(onScreen(u)), "Regulación") {
		t.Error("the new row does not show the custom dimension's name and group as written")
	}
	if d, ok := e.s.Dimension(regulatory.Key); !ok || d != regulatory {
		t.Errorf("the session holds %+v", d)
	}

	// A placement on it: removing it asks first, and No keeps it.
	e.apply("", canvas.AddParticipant{Name: "Ana"})
	e.apply("", canvas.StartRound{Mode: canvas.RoundRecord, At: time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)})
	v := 70
	e.apply("", canvas.RecordValue{Participant: e.s.Participants[0].ID, Dimension: regulatory.Key, Value: &v})
	u.backToEditor()
	row := e.rows[e.rowOf(regulatory.Key)]
	remove := row.header.Objects[len(row.header.Objects)-1].(*keyButton)
	test.Tap(remove)
	ask := c.Overlays().Top()
	if ask == nil || !containsText(textsOf(rendered(ask)), "1 person placed the product on “Carga regulatoria”") {
		t.Fatal("removing a dimension with a placement did not ask")
	}
	test.Tap(buttonIn(t, ask, "No"))
	if e.rowOf(regulatory.Key) < 0 {
		t.Fatal("No removed the dimension")
	}
	test.Tap(remove)
	test.Tap(buttonIn(t, c.Overlays().Top(), "Yes"))
	if len(e.rows) != before || e.rowOf(regulatory.Key) >= 0 || len(e.s.PlacementsFor(regulatory.Key)) != 0 {
		t.Fatalf("after Yes the editor shows %q", rowKeys(e))
	}

	u.Undo()
	if e.rowOf(regulatory.Key) < 0 || len(e.s.PlacementsFor(regulatory.Key)) != 1 {
		t.Fatalf("undo did not bring the dimension and its placement back: %q", rowKeys(e))
	}
	u.Redo()
	if e.rowOf(regulatory.Key) >= 0 {
		t.Fatal("redo did not remove the dimension again")
	}
	u.Undo() // the removal
	u.Undo() // the value
	u.Undo() // the round
	u.Undo() // Ana
	u.Undo() // the addition
	if len(e.rows) != before || e.rowOf(regulatory.Key) >= 0 {
		t.Fatalf("undoing the addition left %q", rowKeys(e))
	}

	// A dimension without placements goes without a question, and is
	// saved so: the stored session lacks it.
	first := e.rows[0].dim.Key
	test.Tap(e.rows[0].header.Objects[len(e.rows[0].header.Objects)-1].(*keyButton))
	if c.Overlays().Top() != nil || e.rowOf(first) >= 0 {
		t.Fatal("a dimension without placements was not removed at once")
	}
	u.SaveNow()
	s, err := st.Load(e.s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Dimension(first); ok || len(s.Dimensions) != before-1 {
		t.Errorf("the stored session has %d dimensions", len(s.Dimensions))
	}
}
