package export

import (
	"bytes"
	"testing"

	"github.com/jung-kurt/gofpdf"

	"github.com/fulcrum-workshop/fulcrum/assets"
)

// TestAdvancesMatchGofpdf measures every Basic Multilingual Plane
// character of every embedded font both ways: the report's own reading of
// the fonts' tables must give gofpdf's width exactly, or wrapping and
// layout would differ from what gofpdf draws.
func TestAdvancesMatchGofpdf(t *testing.T) {
	fs, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	pdf := gofpdf.New("P", "pt", "A4", "")
	for i, ttf := range [][]byte{assets.NotoSansRegular, assets.DroidSansFallback, assets.DejaVuSans, assets.NotoSansBold} {
		family := string(rune('a' + i))
		pdf.AddUTF8FontFromBytes(family, "", bytes.Clone(ttf))
		pdf.SetFont(family, "", 1000)
		if err := pdf.Error(); err != nil {
			t.Fatal(err)
		}
		bad := 0
		for r := rune(1); r < 0xFFFF; r++ {
			if r >= 0xD800 && r < 0xE000 {
				continue // surrogates are no characters
			}
			want := pdf.GetStringWidth(string(r))
			if got := fs.adv[i].width(r); got != want {
				if bad++; bad <= 5 {
					t.Errorf("font %d, %U: width %v; gofpdf measures %v", i, r, got, want)
				}
			}
		}
		if bad > 5 {
			t.Errorf("font %d: %d characters differ in all", i, bad)
		}
	}
}
