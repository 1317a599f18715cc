// Package assets embeds what Fulcrum ships inside its binary: the app icon
// and, for the PDF export, the fonts with their licence files. Nothing is
// read from the machine at run time, so every install looks the same.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is the application icon: a beam balanced on a fulcrum.
var Icon = fyne.NewStaticResource("icon.png", iconPNG)
