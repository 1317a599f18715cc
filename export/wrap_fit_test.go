package export

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func testTypesetter(tb testing.TB) *typesetter {
	tb.Helper()
	fs, err := loadFonts()
	if err != nil {
		tb.Fatal(err)
	}
	pdfMu.Lock()
	tb.Cleanup(pdfMu.Unlock)
	return newTypesetter(nil, fs)
}

func TestFit(t *testing.T) {
	ts := testTypesetter(t)
	title := strings.Repeat("Fulcrum", 3000)
	for _, w := range []float64{0, 5, 40, 300} {
		got := ts.fit(title, w, smallStyle)
		if !strings.HasSuffix(got, "…") || !strings.HasPrefix(title, strings.TrimSuffix(got, "…")) {
			t.Errorf("fit(%g) = %q; want a prefix of the title and an ellipsis", w, short(got))
		}
		if gw := ts.width(got, smallStyle); gw > w && got != "…" {
			t.Errorf("fit(%g) is %g wide", w, gw)
		}
		// The longest such prefix: one more character would not fit.
		kept := strings.TrimSuffix(got, "…")
		if longer := title[:len(kept)+1] + "…"; ts.width(longer, smallStyle) <= w {
			t.Errorf("fit(%g) = %q, but %q fits too", w, short(got), short(longer))
		}
	}
	if got := ts.fit("Fulcrum", 300, smallStyle); got != "Fulcrum" {
		t.Errorf("fit of a short text = %q; want it unchanged", got)
	}
}

func short(s string) string {
	if utf8.RuneCountInString(s) > 60 {
		return string([]rune(s)[:60]) + "…"
	}
	return s
}
