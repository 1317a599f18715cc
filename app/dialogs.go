package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// newSessionDialog asks for the template, title and product of a session.
func (u *UI) newSessionDialog() {
	var labels []string
	keyOf := map[string]string{}
	for _, t := range canvas.Templates() {
		l := fmt.Sprintf("%s — %d dimensions", t.Name, len(t.Dimensions))
		labels = append(labels, l)
		keyOf[l] = t.Key
	}
	tmpl := widget.NewRadioGroup(labels, nil)
	tmpl.Required = true
	tmpl.SetSelected(labels[0])
	title := widget.NewEntry()
	title.SetPlaceHolder("e.g. Q4 positioning")
	title.Validator = requiredText("a title")
	product := widget.NewEntry()
	product.SetPlaceHolder("e.g. Nubia CRM")
	facilitator := widget.NewEntry()
	facilitator.SetPlaceHolder("optional")

	items := []*widget.FormItem{
		widget.NewFormItem("Template", tmpl),
		widget.NewFormItem("Title", title),
		widget.NewFormItem("Product", product),
		widget.NewFormItem("Facilitator", facilitator),
	}
	d := dialog.NewForm("New session", "Create", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		err := u.createSession(keyOf[tmpl.Selected], strings.TrimSpace(title.Text),
			strings.TrimSpace(product.Text), strings.TrimSpace(facilitator.Text))
		if err != nil {
			u.showError("Create session", err)
		}
	}, u.win)
	d.Resize(fyne.NewSize(520, 320))
	d.Show()
	u.win.Canvas().Focus(title)
}
