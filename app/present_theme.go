package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// projectorTheme is the app's theme in the projector's colours with larger
// type, for the widgets of presentation mode (the reasons panel, the
// closing Actions screen). A zero size keeps the theme's own.
type projectorTheme struct{ text, subheading float32 }

func (t projectorTheme) base() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (t projectorTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNameForeground:
		return projector.fg
	case theme.ColorNamePlaceHolder, theme.ColorNameDisabled:
		return projector.muted
	case theme.ColorNamePrimary:
		return projector.primary
	case theme.ColorNameBackground:
		return projector.bg
	}
	return t.base().Color(n, v)
}

func (t projectorTheme) Font(s fyne.TextStyle) fyne.Resource     { return t.base().Font(s) }
func (t projectorTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }

func (t projectorTheme) Size(n fyne.ThemeSizeName) float32 {
	switch {
	case n == theme.SizeNameText && t.text > 0:
		return t.text
	case n == theme.SizeNameSubHeadingText && t.subheading > 0:
		return t.subheading
	}
	return t.base().Size(n)
}
