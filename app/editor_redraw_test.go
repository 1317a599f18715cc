package app

import (
	"strings"
	"testing"
)

// guideText is what the guidance panel's body says.
func guideText(e *editor) string {
	var b strings.Builder
	for _, s := range e.guideBody.Segments {
		b.WriteString(s.Textual())
		b.WriteString("\n")
	}
	return b.String()
}

// TestSliderStepsRedrawWhatTheyChange: a step of a slider redraws only the
// parts whose text or shape it changes, so each part must still follow:
// the guidance body as the position crosses from ToC to hybrid to ToB and
// back, the index and its band, and the name line when Clear appears and
// goes.
func TestSliderStepsRedrawWhatTheyChange(t *testing.T) {
	u, _, e := newUndoSession(t)
	r := e.rows[0]
	txt := u.dimText(r.dim)
	e.selectRow(0)
	for _, step := range []struct {
		value    float64
		toc, tob bool
		band     string
	}{
		{10, true, false, "Strongly ToC"},
		{11, true, false, "Strongly ToC"},
		{50, true, true, "Hybrid"},
		{90, false, true, "Strongly ToB"},
		{12, true, false, "Strongly ToC"},
	} {
		r.slider.SetValue(step.value)
		body := guideText(e)
		if strings.Contains(body, txt.GuidanceToC) != step.toc || strings.Contains(body, txt.GuidanceToB) != step.tob {
			t.Errorf("at %v the guidance reads %q; want ToC's guidance %v, ToB's %v", step.value, body, step.toc, step.tob)
		}
		// Only this dimension has a position, so the index is its value.
		if e.index.Text != r.value.Text || e.label.Text != step.band {
			t.Errorf("at %v the index shows %q %q, the row %q; want %s", step.value, e.index.Text, e.label.Text, r.value.Text, step.band)
		}
	}

	// Agreed now: Clear shows, laid out beside the name, not over it.
	clear := r.agreement.clear
	nameEnd := func() float32 {
		name := r.headLine.Objects[0]
		return name.Position().X + name.Size().Width
	}
	if !clear.Visible() || clear.Size().Width == 0 || r.header.Position().X < nameEnd() {
		t.Errorf("after a move Clear is visible %v, %v wide, header at %v, name ends at %v",
			clear.Visible(), clear.Size().Width, r.header.Position().X, nameEnd())
	}
	// Undone to no position at all, the line is laid out without it.
	for range 5 {
		undoKey(u)
	}
	if e.s.Position(r.dim.Key).Current != nil {
		t.Fatalf("five undos left the position at %v", *e.s.Position(r.dim.Key).Current)
	}
	if clear.Visible() || e.index.Text != "–" {
		t.Errorf("after undoing every move Clear is visible %v and the index shows %q", clear.Visible(), e.index.Text)
	}
	if w := r.header.MinSize().Width; r.header.Size().Width != w {
		t.Errorf("the header is %v wide and needs %v: the name line was not laid out again", r.header.Size().Width, w)
	}
}
