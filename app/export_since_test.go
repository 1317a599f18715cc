package app

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// importFixture puts a session file of canvas/testdata/compare in the
// store, as File → Import does.
func importFixture(t *testing.T, u *UI, name string) {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "canvas", "testdata", "compare", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := canvas.DecodeFile(f, time.Now())
	if err != nil {
		t.Fatalf("decode %s: %v", name, err)
	}
	if _, err := u.store.Import([]*canvas.Session{s}); err != nil {
		t.Fatalf("import %s: %v", name, err)
	}
}

// TestPDFDialogOffersThePreviousSession: exporting the PDF of a session
// whose product had an earlier session (the product named in another case,
// with spaces) offers that session as the baseline, chosen by default; the
// export then carries it, and "No comparison" leaves it out. A product
// without an earlier session is offered no comparison.
func TestPDFDialogOffersThePreviousSession(t *testing.T) {
	u, _ := startUIIn(t, filepath.Join(t.TempDir(), "f.db"), lang.EN)
	importFixture(t, u, "q1.json")
	if err := u.createSession(canvas.TemplateQuick, "Q4", " NUBIA crm ", ""); err != nil {
		t.Fatal(err)
	}
	export := func(choose string) exportJob {
		t.Helper()
		var got []exportJob
		u.pdfDialog(exportJob{lang: u.lang}, func(j exportJob) { got = append(got, j) })
		dlg := u.Window().Canvas().Overlays().Top()
		radios := renderedOf[*keyRadio](dlg)
		if len(radios) != 2 {
			t.Fatalf("the PDF dialog has %d choices, want the language and the baseline", len(radios))
		}
		since := radios[1]
		if want := []string{"Q1 positioning (" + u.dateTime(time.Date(2026, 5, 10, 12, 0, 0, 0, time.UTC)) + ")", "No comparison"}; since.Options[0] != want[0] || since.Options[1] != want[1] {
			t.Fatalf("the baseline choices are %q, want %q", since.Options, want)
		}
		if since.Selected != since.Options[0] {
			t.Errorf("the baseline chosen by default is %q, want the previous session", since.Selected)
		}
		if choose != "" {
			since.SetSelected(choose)
		}
		test.Tap(buttonIn(t, dlg, u.T("app.export.pdf.choose")))
		if len(got) != 1 {
			t.Fatalf("the dialog asked for %d exports", len(got))
		}
		return got[0]
	}
	j := export("")
	if j.since == nil || j.since.ID != "nubia-q1" || j.since.Title != "Q1 positioning" {
		t.Fatalf("the export's baseline is %+v, want nubia-q1", j.since)
	}
	// The PDF written for that job compares with it.
	if _, err := exec.LookPath("pdftotext"); err == nil {
		var buf bytes.Buffer
		if err := writePDF(&buf, u.editor.s, j); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "q4.pdf")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), "Since 10 May 2026") {
			t.Errorf("the PDF exported with the baseline has no Since section:\n%s", out)
		}
	}
	if j := export("No comparison"); j.since != nil {
		t.Errorf("with no comparison chosen, the export's baseline is %s", j.since.ID)
	}

	if err := u.createSession(canvas.TemplateQuick, "Kickoff", "Ledgerline", ""); err != nil {
		t.Fatal(err)
	}
	u.pdfDialog(exportJob{lang: u.lang}, func(exportJob) {})
	if radios := renderedOf[*keyRadio](u.Window().Canvas().Overlays().Top()); len(radios) != 1 {
		t.Errorf("a product without an earlier session is offered %d choices, want the language only", len(radios))
	}
}
