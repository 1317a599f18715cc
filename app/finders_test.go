package app

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// Finders and helpers the UI tests share: what the window renders, by
// widget type and text, and the steps that set a session up.

// startFacilitation opens a store and the UI with every background clock
// pushed an hour away: no autosave, progress or timer goroutine touches a
// widget while the test runs; saves happen when the test (or a close) asks.
func startFacilitation(t *testing.T, path string) (*UI, *store.Store) {
	t.Helper()
	return startUI(t, path)
}

// rendered lists the objects the canvas draws below o: visible objects only,
// walked through each widget's live (cached) renderer, so building the list
// changes nothing about the widgets.
func rendered(o fyne.CanvasObject) []fyne.CanvasObject {
	if o == nil || !o.Visible() {
		return nil
	}
	out := []fyne.CanvasObject{o}
	switch c := o.(type) {
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(c).Objects() {
			out = append(out, rendered(child)...)
		}
	case *fyne.Container:
		for _, child := range c.Objects {
			out = append(out, rendered(child)...)
		}
	}
	return out
}

// onScreen is everything the window draws: its content and any dialogs.
func onScreen(u *UI) []fyne.CanvasObject {
	c := u.Window().Canvas()
	out := rendered(c.Content())
	for _, o := range c.Overlays().List() {
		out = append(out, rendered(o)...)
	}
	return out
}

func ofType[T any](objs []fyne.CanvasObject) []T {
	var out []T
	for _, o := range objs {
		if v, ok := o.(T); ok {
			out = append(out, v)
		}
	}
	return out
}

func renderedOf[T any](o fyne.CanvasObject) []T { return ofType[T](rendered(o)) }

// entriesIn is every rendered entry in o, Fyne's own and Fulcrum's
// keyEntry, in reading order.
func entriesIn(o fyne.CanvasObject) []*widget.Entry {
	var out []*widget.Entry
	for _, x := range rendered(o) {
		switch e := x.(type) {
		case *widget.Entry:
			out = append(out, e)
		case *keyEntry:
			out = append(out, &e.Entry)
		}
	}
	return out
}

// buttonsIn is every rendered button in o, as entriesIn.
func buttonsIn(o fyne.CanvasObject) []*widget.Button {
	var out []*widget.Button
	for _, x := range rendered(o) {
		switch b := x.(type) {
		case *widget.Button:
			out = append(out, b)
		case *keyButton:
			out = append(out, &b.Button)
		}
	}
	return out
}

// checksIn is every rendered check box in o, as entriesIn.
func checksIn(o fyne.CanvasObject) []*widget.Check {
	var out []*widget.Check
	for _, x := range rendered(o) {
		switch c := x.(type) {
		case *widget.Check:
			out = append(out, c)
		case *keyCheck:
			out = append(out, &c.Check)
		}
	}
	return out
}

// buttonIn finds a rendered button by its text.
func buttonIn(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, b := range buttonsIn(o) {
		if b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q on screen", text)
	return nil
}

// textsOf is every string the objects show: labels, canvas texts, entries,
// radio selections, buttons, checks and rich text.
func textsOf(objs []fyne.CanvasObject) []string {
	var out []string
	for _, o := range objs {
		switch v := o.(type) {
		case *widget.Label:
			out = append(out, v.Text)
		case *fynecanvas.Text:
			out = append(out, v.Text)
		case *widget.Entry:
			out = append(out, v.Text)
		case *noteEntry:
			out = append(out, v.Text)
		case *keyRadio:
			out = append(out, v.Selected)
		case *widget.Button:
			out = append(out, v.Text)
		case *keyButton:
			out = append(out, v.Text)
		case *widget.Check:
			out = append(out, v.Text)
		case *keyCheck:
			out = append(out, v.Text)
		case *keyEntry:
			out = append(out, v.Text)
		case *widget.RichText:
			out = append(out, v.String())
		}
	}
	return out
}

func sliderValues(objs []fyne.CanvasObject) []int {
	var out []int
	for _, o := range objs {
		switch v := o.(type) {
		case *spectrumSlider:
			out = append(out, int(v.Value))
		case *widget.Slider:
			out = append(out, int(v.Value))
		}
	}
	return out
}

var number = regexp.MustCompile(`\d+`)

// checkNoLeak fails if any shown text carries one of the forbidden values as
// a number of its own, or a forbidden phrase, or a slider shows a forbidden
// value.
func checkNoLeak(t *testing.T, where string, objs []fyne.CanvasObject, values []int, phrases []string) {
	t.Helper()
	seen := map[string]bool{}
	for _, tx := range textsOf(objs) {
		if seen[tx] {
			continue
		}
		seen[tx] = true
		for _, n := range number.FindAllString(tx, -1) {
			v, _ := strconv.Atoi(n)
			if slices.Contains(values, v) {
				t.Errorf("%s: %q shows %d, another participant's hidden value", where, tx, v)
			}
		}
		for _, p := range phrases {
			if p != "" && strings.Contains(tx, p) {
				t.Errorf("%s: %q shows another participant's rationale %q", where, tx, p)
			}
		}
	}
	for _, v := range sliderValues(objs) {
		if slices.Contains(values, v) {
			t.Errorf("%s: a slider sits at %d, another participant's hidden value", where, v)
		}
	}
}

func hasText(texts []string, want string) bool { return slices.Contains(texts, want) }

func containsText(texts []string, part string) bool {
	for _, tx := range texts {
		if strings.Contains(tx, part) {
			return true
		}
	}
	return false
}

func names(s *canvas.Session) []string {
	var out []string
	for _, p := range s.Participants {
		out = append(out, p.Name)
	}
	return out
}

// addPeople adds participants through the Participants tab: the name and
// role entries and the Add button (or Return in the role entry).
func addPeople(t *testing.T, u *UI, people ...[2]string) {
	t.Helper()
	e := u.editor
	e.tabs.SelectIndex(1)
	add := buttonIn(t, e.people.content, "Add")
	for _, p := range people {
		test.Type(e.people.name, p[0])
		if p[1] != "" {
			test.Type(e.people.role, p[1])
		}
		test.Tap(add)
	}
}

// personButtons returns the up, down, edit and delete buttons of the
// participant whose row label starts with name.
func personButtons(t *testing.T, e *editor, name string) (up, down, edit, del *widget.Button) {
	t.Helper()
	for _, row := range e.people.list.Objects {
		labels := renderedOf[*widget.Label](row)
		if len(labels) == 0 || !strings.HasPrefix(labels[0].Text, name) {
			continue
		}
		for _, b := range buttonsIn(row) {
			if b.Icon == nil {
				continue
			}
			switch b.Icon.Name() {
			case theme.MoveUpIcon().Name():
				up = b
			case theme.MoveDownIcon().Name():
				down = b
			case theme.DocumentCreateIcon().Name():
				edit = b
			case theme.DeleteIcon().Name():
				del = b
			}
		}
		if up == nil || down == nil || edit == nil || del == nil {
			t.Fatalf("row of %s lacks a button", name)
		}
		return
	}
	t.Fatalf("no participant row for %q", name)
	return
}

// listedPeople is the participant labels the Participants tab renders, in order.
func listedPeople(e *editor) []string {
	var out []string
	for _, row := range e.people.list.Objects {
		if labels := renderedOf[*widget.Label](row); len(labels) > 0 {
			out = append(out, labels[0].Text)
		}
	}
	return out
}
