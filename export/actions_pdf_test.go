package export_test

import (
	"regexp"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/export"
)

// A done action carries a tick in its row, an open one none, so a reader
// sees what is still to do.
func TestPDFActionsShowWhatIsDone(t *testing.T) {
	s := chineseSession(t)
	s.Actions = []canvas.Action{
		{Text: "Llamar al comité de compras", Owner: "Ana", Done: true},
		{Text: "整理续约数据", Owner: "李伟"},
	}
	x := extractText(t, saveTemp(t, render(t, s, export.PDFOptions{})))
	done := regexp.MustCompile(`Llamar al comité de compras\s+Ana\s+✓`)
	open := regexp.MustCompile(`整理续约数据\s+李伟\s*\n`)
	if !done.MatchString(x.layout) {
		t.Errorf("the done action's row has no tick:\n%s", x.layout)
	}
	if !open.MatchString(x.layout) {
		t.Errorf("the open action's row is not plain:\n%s", x.layout)
	}
}
