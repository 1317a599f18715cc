package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// recordGrid lays the record-votes grid out as a table: the dimension
// names' column as wide as the longest name, every person's column as wide
// as the widest cell and sharing what width is left. A room of twelve then
// fits a 1366-pixel screen, where equal columns sized to the longest name
// did not.
type recordGrid struct{ cols int }

// measure returns each column's least width and each row's height.
func (g *recordGrid) measure(objs []fyne.CanvasObject) (widths, heights []float32) {
	widths = make([]float32, g.cols)
	heights = make([]float32, (len(objs)+g.cols-1)/g.cols)
	for i, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		col, row := i%g.cols, i/g.cols
		if col == 0 {
			widths[0] = max(widths[0], m.Width)
		} else {
			widths[1] = max(widths[1], m.Width)
		}
		heights[row] = max(heights[row], m.Height)
	}
	for c := 2; c < g.cols; c++ {
		widths[c] = widths[1]
	}
	return widths, heights
}

func (g *recordGrid) MinSize(objs []fyne.CanvasObject) fyne.Size {
	widths, heights := g.measure(objs)
	pad := theme.Padding()
	var w, h float32
	for _, x := range widths {
		w += x + pad
	}
	for _, y := range heights {
		h += y + pad
	}
	return fyne.NewSize(max(0, w-pad), max(0, h-pad))
}

func (g *recordGrid) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	widths, heights := g.measure(objs)
	pad := theme.Padding()
	if g.cols > 1 {
		// The people share what the names leave, never less than a cell.
		spare := size.Width - widths[0] - float32(g.cols-1)*pad
		each := max(widths[1], spare/float32(g.cols-1))
		for c := 1; c < g.cols; c++ {
			widths[c] = each
		}
	}
	y := float32(0)
	for row, h := range heights {
		x := float32(0)
		for col := 0; col < g.cols; col++ {
			i := row*g.cols + col
			if i >= len(objs) {
				break
			}
			objs[i].Move(fyne.NewPos(x, y))
			objs[i].Resize(fyne.NewSize(widths[col], h))
			x += widths[col] + pad
		}
		y += h + pad
	}
}

// compactTheme tightens the padding of the record-votes grid, so a room's
// worth of columns and at least a dozen dimensions fit a laptop screen.
type compactTheme struct{}

func (compactTheme) base() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (t compactTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.base().Color(n, v)
}
func (t compactTheme) Font(s fyne.TextStyle) fyne.Resource     { return t.base().Font(s) }
func (t compactTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }

func (t compactTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNamePadding:
		return 2
	case theme.SizeNameInnerPadding:
		return 5
	case theme.SizeNameInlineIcon:
		return 16
	}
	return t.base().Size(n)
}
