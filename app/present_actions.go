package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// closingScreen is presentation mode's last screen, after the last
// dimension: every action the team agreed on, with who does it, by when
// and for which dimension, in type a room can read off the projector.
type closingScreen struct {
	title  *fynecanvas.Text
	list   *fyne.Container
	scroll *container.Scroll
	view   *container.ThemeOverride
}

// Projector type sizes of the closing screen: an action's text and the
// line under it.
const (
	presentActionSize  = 28
	presentDetailsSize = 22
)

func newClosingScreen() *closingScreen {
	c := &closingScreen{list: container.NewVBox()}
	c.title = fynecanvas.NewText("", projector.fg)
	c.title.TextSize = presentNameSize
	c.title.TextStyle.Bold = true
	c.title.Alignment = fyne.TextAlignCenter
	// Inset from the screen's edges, where a projector often cuts off.
	inset := container.NewPadded(container.NewPadded(c.list))
	c.scroll = container.NewVScroll(inset)
	body := container.NewBorder(c.title, nil, nil, nil, c.scroll)
	c.view = container.NewThemeOverride(body, projectorTheme{text: presentDetailsSize, subheading: presentActionSize})
	return c
}

// show lists the session's actions.
func (c *closingScreen) show(w *lang.Words, s *canvas.Session) {
	c.title.Text = w.T("app.present.actions")
	c.title.Refresh()
	// The lines go in at once and are laid out by the refresh below.
	var lines []fyne.CanvasObject
	if len(s.Actions) == 0 {
		lines = append(lines, projectorLine(w.T("app.present.actions.none")))
	}
	for i, a := range s.Actions {
		mark := "○"
		if a.Done {
			mark = "✓"
		}
		rt := widget.NewRichText(
			&widget.TextSegment{Text: fmt.Sprintf("%s  %d. %s", mark, i+1, a.Text),
				Style: widget.RichTextStyle{SizeName: theme.SizeNameSubHeadingText, TextStyle: fyne.TextStyle{Bold: true}}},
			&widget.TextSegment{Text: actionDetails(w, s, a),
				Style: widget.RichTextStyle{SizeName: theme.SizeNameText, ColorName: theme.ColorNamePlaceHolder}},
		)
		rt.Wrapping = fyne.TextWrapWord
		lines = append(lines, rt)
	}
	c.list.Objects = lines
	c.list.Refresh()
	// The override reaches new rows only on a refresh.
	c.view.Refresh()
}

func projectorLine(s string) *widget.RichText {
	rt := widget.NewRichText(&widget.TextSegment{Text: s, Style: widget.RichTextStyle{SizeName: theme.SizeNameText}})
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// actionDetails is the line under an action: owner, due date, dimension
// and whether it is done.
func actionDetails(w *lang.Words, s *canvas.Session, a canvas.Action) string {
	var parts []string
	if a.Owner != "" {
		parts = append(parts, a.Owner)
	} else {
		parts = append(parts, w.T("app.present.actions.no-owner"))
	}
	if a.Due != "" {
		parts = append(parts, w.T("app.present.actions.due", a.Due))
	}
	if d, ok := s.Dimension(a.Dimension); ok {
		parts = append(parts, w.DimensionOf(d).Name)
	}
	if a.Done {
		parts = append(parts, w.T("app.present.actions.done"))
	}
	return strings.Join(parts, " · ")
}

// showClosing shows the Tensions or the closing screen if p is past the
// last dimension, and the dimension's screen otherwise; it reports which.
func (p *presenter) showClosing() bool {
	e := p.u.editor
	p.closing.view.Hide()
	p.tensions.view.Hide()
	switch p.i {
	case p.closingAt():
		p.body.Hide()
		p.closing.view.Show()
		p.closing.show(p.u.words(), e.s)
		p.footer.Text = p.u.T("app.present.actions.footer")
	case p.tensionsAt():
		p.body.Hide()
		p.tensions.view.Show()
		p.tensions.show(p.u.words(), e.s)
		p.footer.Text = p.u.T("app.present.tensions.footer")
	default:
		p.body.Show()
		return false
	}
	p.footer.Refresh()
	return true
}
