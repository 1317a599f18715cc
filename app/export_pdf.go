package app

import (
	"io"
	"strings"

	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
	"github.com/fulcrum-workshop/fulcrum/export"
)

// pdfDialog asks the PDF's language, the interface's by default (the
// report's reader may not be the facilitator), and, when the product had
// an earlier session, whether to compare with it (the report's "Since"
// section), then runs next. The paper stays under File → PDF paper size,
// where it is remembered.
func (u *UI) pdfDialog(job exportJob, next func(exportJob)) {
	var names []string
	for _, c := range langChoices {
		names = append(names, c.name)
	}
	language := u.newKeyRadio(names, nil)
	for _, c := range langChoices {
		if c.tag == job.lang {
			language.SetSelected(c.name)
		}
	}
	items := []*widget.FormItem{
		widget.NewFormItem(u.T("app.export.pdf.language"), language),
	}
	prev, since := u.baselineChoice()
	if since != nil {
		items = append(items, widget.NewFormItem(u.T("app.export.pdf.since"), since))
	}
	d := u.formDialog(u.T("app.export.pdf.title"), u.T("app.export.pdf.choose"), u.T("app.dialog.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		for _, c := range langChoices {
			if c.name == language.Selected {
				job.lang = c.tag
			}
		}
		job.since = nil
		if since != nil && since.Selected == since.Options[0] {
			base, err := u.store.Load(prev.ID)
			if err != nil {
				u.showError(u.T("app.export.failed", u.T(exportPDF.name)), err)
				return
			}
			job.since = base
		}
		next(job)
	})
	h := float32(240)
	if since != nil {
		h = 320
	}
	d.Resize(u.dialogSize(440, h))
	d.Show()
}

// baselineChoice offers the previous session of the open session's
// product (store.PreviousOf) as the report's baseline, chosen by default,
// or no comparison. It offers nothing when the product has no earlier
// session, or the list of sessions cannot be read: the comparison is an
// extra, and the export goes on without it.
func (u *UI) baselineChoice() (store.Summary, *keyRadio) {
	if u.store == nil || u.editor == nil {
		return store.Summary{}, nil
	}
	sums, err := u.store.ListSummaries()
	if err != nil {
		return store.Summary{}, nil
	}
	prev, ok := store.PreviousOf(u.editor.s, sums)
	if !ok {
		return store.Summary{}, nil
	}
	name := strings.TrimSpace(prev.Title)
	if name == "" {
		name = prev.ID
	}
	offer := u.T("app.export.pdf.since.session", name, u.dateTime(prev.Updated))
	r := u.newKeyRadio([]string{offer, u.T("app.export.pdf.since.none")}, nil)
	r.SetSelected(offer)
	return prev, r
}

// writePDF writes the PDF summary of job in the language chosen for it.
func writePDF(w io.Writer, s *canvas.Session, job exportJob) error {
	return export.WritePDF(w, s, export.PDFOptions{Paper: job.paper, Words: lang.For(job.lang), Since: job.since})
}
