package app

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// The catalogue screen: the built-in dimensions, read-only, beside the
// ones the facilitator wrote, and the templates (catalogue_templates.go).
// Everything is read from and written to the store (its Library and its
// Save/Delete methods); the rules (what a key may be, what a template
// needs) are canvas's. A custom dimension's text is shown as its author
// wrote it, whatever the interface's language.

// catalogueScreen is the screen on show; it is built again after every
// change and in a new language.
type catalogueScreen struct {
	ui  *UI
	lib canvas.Library

	dims    []canvas.Dimension
	dimList *keyPickList
	dimSel  int
	dimInfo *widget.RichText
	dimEdit *keyButton
	dimDup  *keyButton
	dimDel  *keyButton

	tmpls     []canvas.Template
	tmplList  *keyPickList
	tmplSel   int
	tmplInfo  *widget.RichText
	tmplEdit  *keyButton
	tmplDup   *keyButton
	tmplDel   *keyButton
	tmplSaveF *keyButton

	tabs    *container.AppTabs
	content fyne.CanvasObject
}

// ShowCatalogue leaves the open session, as the session list does, and
// shows the catalogue (File → Dimensions and templates…, and the session
// list's button).
func (u *UI) ShowCatalogue() { u.leave(u.T("app.leave.leave"), u.showCatalogue) }

func (u *UI) showCatalogue() {
	// Shown again (a new language), the screen keeps the tab and the
	// lines the person chose.
	old := u.catalogue
	c := newCatalogueScreen(u)
	u.catalogue = c
	if old != nil {
		c.tabs.SelectIndex(old.tabs.SelectedIndex())
		if d, ok := old.chosenDimension(); ok {
			c.selectDimension(d.Key)
		}
		if t, ok := old.chosenTemplate(); ok {
			c.selectTemplate(t.Key)
		}
	}
	u.showScreen(c.content)
	// The lists scroll to the chosen line once they have their size:
	// before, a list's scroll lands between lines.
	c.dimList.ScrollTo(max(c.dimSel, 0))
	c.tmplList.ScrollTo(max(c.tmplSel, 0))
	u.win.SetTitle(u.T("app.catalogue.title") + " — Fulcrum")
}

func newCatalogueScreen(u *UI) *catalogueScreen {
	c := &catalogueScreen{ui: u, dimSel: -1, tmplSel: -1}
	back := u.newKeyButton(u.T("app.editor.sessions"), theme.NavigateBackIcon(), u.ShowHome)
	heading := widget.NewLabelWithStyle(u.T("app.catalogue.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.tabs = container.NewAppTabs(
		container.NewTabItem(u.T("app.catalogue.tab.dimensions"), c.dimensionsTab()),
		container.NewTabItem(u.T("app.catalogue.tab.templates"), c.templatesTab()),
	)
	c.content = container.NewBorder(container.NewBorder(nil, nil, back, nil, heading), nil, nil, nil, c.tabs)
	c.reload()
	return c
}

// reload reads the catalogue again and redraws the lists, keeping the
// selection by key.
func (c *catalogueScreen) reload() {
	keep := ""
	if c.dimSel >= 0 && c.dimSel < len(c.dims) {
		keep = c.dims[c.dimSel].Key
	}
	keepT := ""
	if c.tmplSel >= 0 && c.tmplSel < len(c.tmpls) {
		keepT = c.tmpls[c.tmplSel].Key
	}
	c.lib = c.ui.library()
	// The facilitator's own dimensions first: they are what this screen
	// is mostly for, and the built-in ones are many.
	c.dims = append(slices.Clone(c.lib.Dimensions), canvas.Catalogue()...)
	c.tmpls = c.lib.AllTemplates()
	c.dimSel, c.tmplSel = -1, -1
	c.dimList.UnselectAll()
	c.tmplList.UnselectAll()
	c.dimList.Refresh()
	c.tmplList.Refresh()
	// Something is always chosen, so the pane beside the list is never
	// blank.
	if !c.selectDimension(keep) && len(c.dims) > 0 {
		c.dimList.Select(0)
	}
	if !c.selectTemplate(keepT) && len(c.tmpls) > 0 {
		c.tmplList.Select(0)
	}
	c.showDimension()
	c.showTemplate()
}

func (c *catalogueScreen) selectDimension(key string) bool {
	for i, d := range c.dims {
		if d.Key == key {
			c.dimList.Select(i)
			c.dimList.ScrollTo(i)
			return true
		}
	}
	return false
}

func (c *catalogueScreen) dimensionsTab() fyne.CanvasObject {
	u := c.ui
	c.dimList = u.newKeyPickList(func() int { return len(c.dims) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(c.dims) {
				o.(*widget.Label).SetText(u.dimensionLine(c.dims[i]))
			}
		})
	c.dimList.OnSelected = func(i widget.ListItemID) { c.dimSel = i; c.showDimension() }
	c.dimList.OnUnselected = func(widget.ListItemID) { c.dimSel = -1; c.showDimension() }
	c.dimInfo = widget.NewRichText()
	c.dimInfo.Wrapping = fyne.TextWrapWord
	newBtn := u.newKeyButton(u.T("app.catalogue.new-dimension"), theme.ContentAddIcon(), func() { c.editDimension(canvas.Dimension{}, false) })
	newBtn.Importance = widget.HighImportance
	c.dimEdit = u.newKeyButton(u.T("app.catalogue.edit"), theme.DocumentCreateIcon(), func() {
		if d, ok := c.chosenDimension(); ok {
			c.editDimension(d, true)
		}
	})
	c.dimDup = u.newKeyButton(u.T("app.catalogue.duplicate"), theme.ContentCopyIcon(), func() {
		if d, ok := c.chosenDimension(); ok {
			c.editDimension(c.copyOf(d), false)
		}
	})
	c.dimDel = u.newKeyButton(u.T("app.catalogue.delete"), theme.DeleteIcon(), c.deleteDimension)
	buttons := container.NewHBox(newBtn, c.dimEdit, c.dimDup, c.dimDel)
	split := container.NewHSplit(c.dimList, container.NewVScroll(c.dimInfo))
	split.Offset = 0.45
	return container.NewBorder(buttons, nil, nil, nil, split)
}

func (c *catalogueScreen) chosenDimension() (canvas.Dimension, bool) {
	if c.dimSel < 0 || c.dimSel >= len(c.dims) {
		return canvas.Dimension{}, false
	}
	return c.dims[c.dimSel], true
}

// showDimension shows the chosen dimension's text, and enables what may
// be done with it: a built-in one can only be duplicated.
func (c *catalogueScreen) showDimension() {
	d, ok := c.chosenDimension()
	enable(c.dimDup, ok)
	enable(c.dimEdit, ok && d.IsCustom())
	enable(c.dimDel, ok && d.IsCustom())
	if !ok {
		c.dimInfo.Segments = nil
		c.dimInfo.Refresh()
		return
	}
	u := c.ui
	w := u.words()
	txt := w.DimensionOf(d)
	segs := []widget.RichTextSegment{
		&widget.TextSegment{Text: txt.Name, Style: widget.RichTextStyleSubHeading},
		&widget.TextSegment{Text: w.Group(d.Group) + " · " + d.Key, Style: widget.RichTextStyleParagraph},
		&widget.TextSegment{Text: txt.Question, Style: widget.RichTextStyle{TextStyle: fyne.TextStyle{Italic: true}}},
		&widget.TextSegment{Text: w.T("app.editor.guide.toc", txt.ToC), Style: poleHeading},
		&widget.TextSegment{Text: txt.GuidanceToC, Style: widget.RichTextStyleParagraph},
		&widget.TextSegment{Text: w.T("app.editor.guide.tob", txt.ToB), Style: poleHeading},
		&widget.TextSegment{Text: txt.GuidanceToB, Style: widget.RichTextStyleParagraph},
	}
	if !d.IsCustom() {
		segs = append(segs, &widget.TextSegment{Text: u.T("app.catalogue.built-in"), Style: widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, TextStyle: fyne.TextStyle{Italic: true}}})
	}
	c.dimInfo.Segments = segs
	c.dimInfo.Refresh()
}

func enable(b *keyButton, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// copyOf is a new custom dimension with d's text (a built-in one's in the
// interface's language), named as a copy, under a key no dimension has.
func (c *catalogueScreen) copyOf(d canvas.Dimension) canvas.Dimension {
	txt := c.ui.words().DimensionOf(d)
	cp := canvas.Dimension{Group: d.Group, Name: c.ui.T("app.catalogue.copy-name", txt.Name),
		Question: txt.Question, ToC: txt.ToC, ToB: txt.ToB,
		Guidance: canvas.Guidance{ToC: txt.GuidanceToC, ToB: txt.GuidanceToB}}
	cp.Key = c.freeKey(canvas.KeyFromName(cp.Name), "")
	return cp
}

// freeKey is key, or key with a number after it, so that no dimension
// other than the one being edited (own) has it.
func (c *catalogueScreen) freeKey(key, own string) string {
	taken := func(k string) bool {
		_, ok := c.lib.Dimension(k)
		return ok && k != own
	}
	if !taken(key) {
		return key
	}
	for n := 2; ; n++ {
		k := key + "-" + strconv.Itoa(n)
		if !taken(k) {
			return k
		}
	}
}

// deleteDimension deletes the chosen custom dimension, asking first, and
// naming the templates that lose it.
func (c *catalogueScreen) deleteDimension() {
	d, ok := c.chosenDimension()
	if !ok || !d.IsCustom() {
		return
	}
	u := c.ui
	msg := u.T("app.catalogue.delete-dimension.body", d.Name)
	if using := c.lib.TemplatesUsing(d.Key); len(using) > 0 {
		var names []string
		for _, t := range using {
			names = append(names, u.words().TemplateOf(t))
		}
		msg = u.T("app.catalogue.delete-dimension.used", d.Name, strings.Join(names, ", "))
	}
	u.confirm(u.T("app.catalogue.delete-dimension.title"), msg, func(yes bool) {
		if !yes {
			return
		}
		if err := u.store.DeleteDimension(d.Key); err != nil {
			u.showError(u.T("app.catalogue.error.delete"), err)
		}
		c.reload()
	})
}

// catalogueButton opens the catalogue from the session list.
func (u *UI) catalogueButton() *keyButton {
	return u.newKeyButton(u.T("app.catalogue.open"), theme.ListIcon(), u.ShowCatalogue)
}
