package canvas_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// TestImportLimits: a file may carry at most 200 participants and 500
// actions; one more is refused with a message naming the list.
func TestImportLimits(t *testing.T) {
	people := func(n int) string {
		var b []string
		for i := range n {
			b = append(b, fmt.Sprintf(`{"id":"p%d","name":"P %d"}`, i, i))
		}
		return strings.Join(b, ",")
	}
	actions := func(n int) string {
		var b []string
		for i := range n {
			b = append(b, fmt.Sprintf(`{"text":"a %d"}`, i))
		}
		return strings.Join(b, ",")
	}
	file := func(p, a int) string {
		return `{"format":"fulcrum-session","version":1,"participants":[` + people(p) + `],"actions":[` + actions(a) + `]}`
	}
	now := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	if _, err := canvas.DecodeFile(strings.NewReader(file(200, 500)), now); err != nil {
		t.Fatalf("200 participants and 500 actions are refused: %v", err)
	}
	for _, c := range []struct {
		p, a  int
		field string
	}{{201, 0, "participants"}, {0, 501, "actions"}} {
		_, err := canvas.DecodeFile(strings.NewReader(file(c.p, c.a)), now)
		var inv *canvas.InvalidFileError
		if !errors.As(err, &inv) {
			t.Fatalf("%d participants, %d actions: err = %v, want an invalid file", c.p, c.a, err)
		}
		found := false
		for _, p := range inv.Problems {
			if p.Field == c.field && strings.Contains(p.Message(), "at most") {
				found = true
			}
		}
		if !found {
			t.Errorf("%d participants, %d actions: problems %v do not name %q", c.p, c.a, inv.Problems, c.field)
		}
	}
}
