package app

import (
	"io"

	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/export"
)

// pdfDialog asks the PDF's language, the interface's by default (the
// report's reader may not be the facilitator), then runs next. The paper
// stays under File → PDF paper size, where it is remembered.
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
	d := u.formDialog(u.T("app.export.pdf.title"), u.T("app.export.pdf.choose"), u.T("app.dialog.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		for _, c := range langChoices {
			if c.name == language.Selected {
				job.lang = c.tag
			}
		}
		next(job)
	})
	d.Resize(u.dialogSize(440, 240))
	d.Show()
}

// writePDF writes the PDF summary of job in the language chosen for it.
func writePDF(w io.Writer, s *canvas.Session, job exportJob) error {
	return export.WritePDF(w, s, export.PDFOptions{Paper: job.paper, Words: lang.For(job.lang)})
}
