// Package assets embeds what Fulcrum ships inside its binary: the app icon,
// the fonts of the PDF and PNG exports, and the two pages a phone loads
// during a phone round (phone/). Nothing is read from the machine at run
// time, so every install looks the same. The fonts' licences sit beside
// them in fonts/ (they are not embedded); screenshots/ holds the README's
// pictures and is not embedded either. Every word Fulcrum writes, in each
// language, is in the subpackage lang, the phone pages' words included.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is the application icon: a beam balanced on a fulcrum.
var Icon = fyne.NewStaticResource("icon.png", iconPNG)

// Fonts for the PDF and the PNG. gofpdf needs TrueType files and takes them as bytes,
// since it mishandles absolute font paths. Noto Sans covers Latin, Greek and
// Cyrillic; Droid Sans Fallback covers Chinese, Japanese and Korean but has
// no Latin glyphs; DejaVu Sans covers the symbols both lack, including the
// placeholder shown for characters the PDF cannot carry.
var (
	//go:embed fonts/NotoSans-Regular.ttf
	NotoSansRegular []byte
	//go:embed fonts/NotoSans-Bold.ttf
	NotoSansBold []byte
	//go:embed fonts/DroidSansFallbackFull.ttf
	DroidSansFallback []byte
	//go:embed fonts/DejaVuSans.ttf
	DejaVuSans []byte
)
