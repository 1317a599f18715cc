package app

import (
	"strings"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// tensionsScreen is presentation mode's screen after the last dimension
// and before the actions: each open tension's message, read aloud, and
// its question for the room, then the tensions the team accepted with its
// reasons. → from the last dimension reaches it, and T from anywhere.
type tensionsScreen struct {
	title  *fynecanvas.Text
	list   *fyne.Container
	scroll *container.Scroll
	view   *container.ThemeOverride
}

func newTensionsScreen() *tensionsScreen {
	c := &tensionsScreen{list: container.NewVBox()}
	c.title = fynecanvas.NewText("", projector.fg)
	c.title.TextSize = presentNameSize
	c.title.TextStyle.Bold = true
	c.title.Alignment = fyne.TextAlignCenter
	inset := container.NewPadded(container.NewPadded(c.list))
	c.scroll = container.NewVScroll(inset)
	c.view = container.NewThemeOverride(container.NewBorder(c.title, nil, nil, nil, c.scroll),
		projectorTheme{text: presentDetailsSize, subheading: presentActionSize})
	return c
}

// show lists the session's tensions, the open ones first.
func (c *tensionsScreen) show(w *lang.Words, s *canvas.Session) {
	c.list.RemoveAll()
	c.title.Text = w.T("app.present.tensions")
	c.title.Refresh()
	ts := s.Tensions()
	if len(ts) == 0 {
		c.list.Add(projectorLine(w.T("app.present.tensions.none")))
	}
	heading := func(text string) *widget.RichText {
		return widget.NewRichText(&widget.TextSegment{Text: text,
			Style: widget.RichTextStyle{SizeName: theme.SizeNameSubHeadingText, ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Bold: true}}})
	}
	for _, accepted := range []bool{false, true} {
		first := true
		for _, t := range ts {
			if t.Accepted != accepted {
				continue
			}
			if first && accepted {
				if len(c.list.Objects) == 0 {
					c.list.Add(projectorLine(w.T("app.present.tensions.none-open")))
				}
				c.list.Add(widget.NewSeparator())
				c.list.Add(heading(w.T("app.present.tensions.accepted")))
			}
			first = false
			c.list.Add(presentTension(w, s, t))
		}
	}
	c.view.Refresh()
}

// presentTension is one tension on the projector: its name, then the
// message and question of an open one, or the team's reason for an
// accepted one, and the positions that make it.
func presentTension(w *lang.Words, s *canvas.Session, t canvas.Tension) *widget.RichText {
	txt, _ := w.Tension(t.Rule)
	mark := "●"
	if t.Accepted {
		mark = "✓"
	}
	big := widget.RichTextStyle{SizeName: theme.SizeNameSubHeadingText, TextStyle: fyne.TextStyle{Bold: true}}
	body := widget.RichTextStyle{SizeName: theme.SizeNameText}
	muted := widget.RichTextStyle{SizeName: theme.SizeNameText, ColorName: theme.ColorNamePlaceHolder}
	segs := []widget.RichTextSegment{&widget.TextSegment{Text: mark + "  " + txt.Name, Style: big}}
	if t.Accepted {
		segs = append(segs, &widget.TextSegment{Text: w.T("app.tensions.accepted", t.Reason), Style: body})
	} else {
		segs = append(segs,
			&widget.TextSegment{Text: txt.Message, Style: body},
			&widget.TextSegment{Text: w.T("app.tensions.question", txt.Question),
				Style: widget.RichTextStyle{SizeName: theme.SizeNameText, ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Bold: true}}})
	}
	var dims []string
	for i, key := range t.Dimensions {
		name := key
		if d, ok := s.Dimension(key); ok {
			name = w.DimensionOf(d).Name
		}
		dims = append(dims, w.T("app.tensions.dimension", name, tensionValue(s, key, t.Values[i])))
	}
	segs = append(segs, &widget.TextSegment{Text: strings.Join(dims, " · "), Style: muted})
	rt := widget.NewRichText(segs...)
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// The screens after the dimensions: the tensions, then the actions.
func (p *presenter) tensionsAt() int { return len(p.u.editor.rows) }
func (p *presenter) closingAt() int  { return len(p.u.editor.rows) + 1 }

// showTensions jumps to the tensions screen (T).
func (p *presenter) showTensions() {
	if p.i == p.tensionsAt() {
		return
	}
	p.i = p.tensionsAt()
	p.show()
}
