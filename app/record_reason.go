package app

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// A cell of the record-votes grid also takes the person's confidence and
// rationale, as the blind round's private screen does: a small button
// beside the value opens a compact editor. The button is off until the
// cell holds a value, since a reason belongs to a placement.

// cell puts the reason button beside a cell's value entry.
func (v *recordView) cell(pid, key string, ent *editEntry) fyne.CanvasObject {
	b := v.u.newKeyButton("", theme.DocumentCreateIcon(), func() { v.editReason(pid, key) })
	if v.reasonBtns == nil {
		v.reasonBtns = map[[2]string]*keyButton{}
	}
	v.reasonBtns[[2]string{pid, key}] = b
	return container.NewBorder(nil, nil, nil, b, ent)
}

// refreshReasons enables each reason button where a value is recorded and
// marks the ones that hold a reason.
func (v *recordView) refreshReasons() {
	s := v.u.editor.s
	for k, b := range v.reasonBtns {
		pl, ok := s.Placement(k[0], k[1])
		imp := widget.MediumImportance
		if ok && (pl.Confidence > 0 || pl.Note != "") {
			imp = widget.HighImportance
		}
		if b.Importance != imp {
			b.Importance = imp
			b.Refresh()
		}
		if ok {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// confidenceChoices are the confidence radio's options, 1 to the most.
func confidenceChoices() []string {
	out := make([]string, canvas.MaxConfidence)
	for i := range out {
		out[i] = strconv.Itoa(i + 1)
	}
	return out
}

// editReason asks for a person's confidence and rationale on a dimension;
// Save applies both as one step.
func (v *recordView) editReason(pid, key string) {
	e := v.u.editor
	pl, ok := e.s.Placement(pid, key)
	if !ok {
		return
	}
	d, _ := e.s.Dimension(key)
	conf := v.u.newKeyRadio(confidenceChoices(), nil)
	conf.Horizontal = true
	if pl.Confidence > 0 {
		conf.SetSelected(strconv.Itoa(pl.Confidence))
	}
	why := v.u.newKeyTextArea()
	why.SetMinRowsVisible(3)
	why.SetPlaceHolder(v.u.T("app.round.why"))
	why.SetText(pl.Note)
	items := []*widget.FormItem{
		widget.NewFormItem(v.u.T("app.record.value"), widget.NewLabel(strconv.Itoa(pl.Value))),
		widget.NewFormItem(v.u.T("app.round.confidence"), conf),
		widget.NewFormItem(v.u.T("app.record.rationale"), why),
	}
	dlg := v.u.formDialog(v.u.name(pid)+" · "+v.u.dimText(d).Name, v.u.T("app.dialog.save"), v.u.T("app.dialog.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		c, _ := strconv.Atoi(conf.Selected)
		if cur, _ := e.s.Placement(pid, key); cur.Confidence == c && cur.Note == why.Text {
			return
		}
		if e.apply(v.u.T("app.op.record-reason"), canvas.RecordReason{Participant: pid, Dimension: key, Confidence: c, Note: why.Text}) {
			e.owner.Seal()
		}
	})
	dlg.Resize(fyne.NewSize(480, 300))
	dlg.Show()
	v.u.win.Canvas().Focus(why)
}
