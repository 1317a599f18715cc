package export_test

import (
	"testing"

	"github.com/fulcrum-workshop/fulcrum/export"
)

// TestOldSessionShowsCurrentWording: a session saved before issue 13
// carries the old English text of its built-in dimensions; the exports
// show the catalogue's current wording by key instead, while the team's
// own text stays as typed.
func TestOldSessionShowsCurrentWording(t *testing.T) {
	s := englishSession(t)
	for i := range s.Dimensions {
		if s.Dimensions[i].Key == "customer" {
			s.Dimensions[i].Name = "Who the customer is"
			s.Dimensions[i].Question = "Who pays for the product: a person, or an organisation?"
			s.Dimensions[i].ToB = "Companies and institutions buying for work"
			s.Dimensions[i].Guidance.ToB = "Old guidance nobody should read any more."
		}
	}
	d, _ := s.Dimension("customer")
	want := en(d)
	if want.Name == "Who the customer is" {
		t.Fatal("the catalogue still has the old wording; this test proves nothing")
	}

	_, _, rows := writeCSV(t, s)
	if got := rows["customer"][col("dimension")]; got != want.Name {
		t.Errorf("CSV names customer %q, want the current %q", got, want.Name)
	}

	path := saveTemp(t, render(t, s, export.PDFOptions{}))
	x := extractText(t, path)
	for _, old := range []string{"Who the customer is", "Old guidance nobody", "buying for work"} {
		if x.has(old) {
			t.Errorf("the PDF prints the stored old wording %q", old)
		}
	}
	if !x.has(want.Name) {
		t.Errorf("the PDF lacks the current name %q", want.Name)
	}
	if note := s.Position("customer").Note; note == "" || !x.has(note) {
		t.Errorf("the PDF lacks the team's note %q", note)
	}
}
