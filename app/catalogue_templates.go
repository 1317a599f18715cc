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

// The catalogue's templates: Full and Quick read-only, the custom ones
// written here, each a name and an ordered list of dimensions.

func (c *catalogueScreen) templatesTab() fyne.CanvasObject {
	u := c.ui
	c.tmplList = u.newKeyPickList(func() int { return len(c.tmpls) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(c.tmpls) {
				t := c.tmpls[i]
				o.(*widget.Label).SetText(u.N("app.new.template", len(t.Dimensions), u.words().TemplateOf(t)))
			}
		})
	c.tmplList.OnSelected = func(i widget.ListItemID) { c.tmplSel = i; c.showTemplate() }
	c.tmplList.OnUnselected = func(widget.ListItemID) { c.tmplSel = -1; c.showTemplate() }
	c.tmplInfo = widget.NewRichText()
	c.tmplInfo.Wrapping = fyne.TextWrapWord
	newBtn := u.newKeyButton(u.T("app.catalogue.new-template"), theme.ContentAddIcon(), func() {
		c.editTemplate(canvas.Template{}, false)
	})
	newBtn.Importance = widget.HighImportance
	c.tmplEdit = u.newKeyButton(u.T("app.catalogue.edit"), theme.DocumentCreateIcon(), func() {
		if t, ok := c.chosenTemplate(); ok {
			c.editTemplate(t, true)
		}
	})
	c.tmplDup = u.newKeyButton(u.T("app.catalogue.duplicate"), theme.ContentCopyIcon(), func() {
		if t, ok := c.chosenTemplate(); ok {
			name := u.T("app.catalogue.copy-name", u.words().TemplateOf(t))
			c.editTemplate(canvas.Template{Name: name,
				Dimensions: slices.Clone(t.Dimensions)}, false)
		}
	})
	c.tmplDel = u.newKeyButton(u.T("app.catalogue.delete"), theme.DeleteIcon(), c.deleteTemplate)
	c.tmplSaveF = u.newKeyButton(u.T("app.catalogue.export.choose"), theme.DocumentSaveIcon(), func() {
		if t, ok := c.chosenTemplate(); ok {
			u.exportTemplate(t.Key)
		}
	})
	buttons := container.NewHBox(newBtn, c.tmplEdit, c.tmplDup, c.tmplDel, c.tmplSaveF)
	split := container.NewHSplit(c.tmplList, container.NewVScroll(c.tmplInfo))
	split.Offset = 0.45
	return container.NewBorder(buttons, nil, nil, nil, split)
}

func (c *catalogueScreen) chosenTemplate() (canvas.Template, bool) {
	if c.tmplSel < 0 || c.tmplSel >= len(c.tmpls) {
		return canvas.Template{}, false
	}
	return c.tmpls[c.tmplSel], true
}

func (c *catalogueScreen) selectTemplate(key string) bool {
	for i, t := range c.tmpls {
		if t.Key == key {
			c.tmplList.Select(i)
			c.tmplList.ScrollTo(i)
			return true
		}
	}
	return false
}

// showTemplate lists the chosen template's dimensions in order.
func (c *catalogueScreen) showTemplate() {
	t, ok := c.chosenTemplate()
	enable(c.tmplDup, ok)
	enable(c.tmplSaveF, ok)
	enable(c.tmplEdit, ok && !t.IsBuiltIn())
	enable(c.tmplDel, ok && !t.IsBuiltIn())
	if !ok {
		c.tmplInfo.Segments = nil
		c.tmplInfo.Refresh()
		return
	}
	u := c.ui
	segs := []widget.RichTextSegment{
		&widget.TextSegment{Text: u.words().TemplateOf(t), Style: widget.RichTextStyleSubHeading},
		&widget.TextSegment{Text: t.Key, Style: widget.RichTextStyleParagraph},
	}
	for i, k := range t.Dimensions {
		line := k
		if d, ok := c.lib.Dimension(k); ok {
			line = u.dimensionLine(d)
		}
		segs = append(segs, &widget.TextSegment{Text: strconv.Itoa(i+1) + ". " + line, Style: widget.RichTextStyleParagraph})
	}
	if t.IsBuiltIn() {
		segs = append(segs, &widget.TextSegment{Text: u.T("app.catalogue.built-in"), Style: widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, TextStyle: fyne.TextStyle{Italic: true}}})
	}
	c.tmplInfo.Segments = segs
	c.tmplInfo.Refresh()
}

// freeTemplateKey is key, or key with a number after it, that no template
// has.
func (c *catalogueScreen) freeTemplateKey(key string) string {
	if _, ok := c.lib.Template(key); !ok {
		return key
	}
	for n := 2; ; n++ {
		k := key + "-" + strconv.Itoa(n)
		if _, ok := c.lib.Template(k); !ok {
			return k
		}
	}
}

func (c *catalogueScreen) deleteTemplate() {
	t, ok := c.chosenTemplate()
	if !ok || t.IsBuiltIn() {
		return
	}
	u := c.ui
	u.confirm(u.T("app.catalogue.delete-template.title"), u.T("app.catalogue.delete-template.body", t.Name), func(yes bool) {
		if !yes {
			return
		}
		if err := u.store.DeleteTemplate(t.Key); err != nil {
			u.showError(u.T("app.catalogue.error.delete"), err)
		}
		c.reload()
	})
}

// templateForm is the dialog that writes a custom template.
type templateForm struct {
	c       *catalogueScreen
	editing bool
	key     string
	name    *keyEntry
	dims    []string
	rows    *fyne.Container
	pick    *keySelect
	keyOf   map[string]string
	form    *widget.Form
}

// editTemplate opens the template dialog: editing t, or writing a new
// one (empty or a copy). The key is made from the name of a new template
// and stays once it exists: sessions name the template they came from.
func (c *catalogueScreen) editTemplate(t canvas.Template, editing bool) {
	u := c.ui
	f := &templateForm{c: c, editing: editing, key: t.Key, dims: slices.Clone(t.Dimensions)}
	f.name = u.newKeyEntry()
	f.name.SetText(t.Name)
	f.name.Validator = requiredText(u.T("app.catalogue.required"))
	f.rows = container.NewVBox()
	f.pick = newKeySelect(nil, u.typedKey)
	f.pick.PlaceHolder = u.T("app.catalogue.template.pick")
	add := u.newKeyButton(u.T("app.catalogue.template.add"), theme.ContentAddIcon(), func() {
		if k, ok := f.keyOf[f.pick.Selected]; ok {
			f.dims = append(f.dims, k)
			f.redraw()
		}
	})
	f.redraw()
	items := []*widget.FormItem{
		widget.NewFormItem(u.T("app.catalogue.field.name"), f.name),
		widget.NewFormItem(u.T("app.catalogue.template.dimensions"), f.rows),
		widget.NewFormItem("", container.NewBorder(nil, nil, nil, add, f.pick)),
	}
	title := u.T("app.catalogue.template.new-title")
	if editing {
		title = u.T("app.catalogue.template.edit-title")
	}
	d, form, _ := u.scrollFormDialog(title, u.T("app.dialog.save"), items, f.save)
	f.form = form
	d.Resize(u.dialogSize(680, 620))
	d.Show()
	u.win.Canvas().Focus(f.name)
}

// redraw lists the template's dimensions, each with buttons to move it
// up or down or take it out, and offers the others to add.
func (f *templateForm) redraw() {
	u := f.c.ui
	var objs []fyne.CanvasObject
	for i, k := range f.dims {
		line := k
		if d, ok := f.c.lib.Dimension(k); ok {
			line = u.dimensionLine(d)
		}
		label := widget.NewLabel(strconv.Itoa(i+1) + ". " + line)
		label.Truncation = fyne.TextTruncateEllipsis
		up := u.newKeyButton("", theme.MoveUpIcon(), func() { f.move(i, -1) })
		down := u.newKeyButton("", theme.MoveDownIcon(), func() { f.move(i, 1) })
		out := u.newKeyButton("", theme.DeleteIcon(), func() {
			f.dims = slices.Delete(f.dims, i, i+1)
			f.redraw()
		})
		enable(up, i > 0)
		enable(down, i < len(f.dims)-1)
		for _, b := range []*keyButton{up, down, out} {
			b.Importance = widget.LowImportance
		}
		objs = append(objs, container.NewBorder(nil, nil, nil, container.NewHBox(up, down, out), label))
	}
	if len(objs) == 0 {
		empty := widget.NewLabelWithStyle(u.T("app.catalogue.template.empty"), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		objs = append(objs, empty)
	}
	f.rows.Objects = objs
	f.rows.Refresh()
	f.keyOf = map[string]string{}
	var opts []string
	for _, d := range f.c.lib.AllDimensions() {
		if slices.Contains(f.dims, d.Key) {
			continue
		}
		l := u.dimensionLine(d)
		if _, twice := f.keyOf[l]; twice {
			l += " (" + d.Key + ")"
		}
		opts = append(opts, l)
		f.keyOf[l] = d.Key
	}
	f.pick.Options = opts
	f.pick.ClearSelected()
	f.pick.Refresh()
	if f.form != nil {
		f.form.Refresh()
	}
}

func (f *templateForm) move(i, by int) {
	j := i + by
	if j < 0 || j >= len(f.dims) {
		return
	}
	f.dims[i], f.dims[j] = f.dims[j], f.dims[i]
	f.redraw()
}

// save writes the template; false keeps the dialog open (an empty list,
// or what the store refused).
func (f *templateForm) save() bool {
	u := f.c.ui
	t := canvas.Template{Key: f.key, Name: strings.TrimSpace(f.name.Text), Dimensions: slices.Clone(f.dims)}
	if !f.editing && t.Key == "" {
		t.Key = f.c.freeTemplateKey(canvas.KeyFromName(t.Name))
	}
	if len(t.Dimensions) == 0 {
		u.inform(u.T("app.catalogue.template.new-title"), u.T("app.catalogue.template.empty"))
		return false
	}
	if err := u.store.SaveTemplate(t); err != nil {
		u.showError(u.T("app.catalogue.error.save"), err)
		return false
	}
	f.c.reload()
	f.c.selectTemplate(t.Key)
	return true
}
