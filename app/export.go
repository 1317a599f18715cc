package app

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/export"
)

// prefPaper remembers the PDF paper size between runs.
const prefPaper = "pdf.paper"

// exportKind is one of the files the editor can export.
type exportKind struct {
	name  string // message key of its name: "app.export.kind.pdf"
	ext   string // ".pdf"
	write func(w io.Writer, s *canvas.Session, job exportJob) error
}

// exportJob is how one export is written: the PDF's paper, its date and
// its language, which may differ from the interface's (the report's reader
// may not be the facilitator).
type exportJob struct {
	paper string
	now   time.Time
	lang  lang.Tag
	since *canvas.Session // the PDF's baseline, or nil
}

var (
	exportPDF = exportKind{"app.export.kind.pdf", ".pdf", writePDF}
	exportPNG = exportKind{"app.export.kind.png", ".png", func(w io.Writer, s *canvas.Session, job exportJob) error {
		return export.WritePNG(w, s, export.PNGOptions{Words: lang.For(job.lang)})
	}}
	exportCSV = exportKind{"app.export.kind.csv", ".csv", func(w io.Writer, s *canvas.Session, job exportJob) error {
		return export.WriteCSV(w, s, export.CSVOptions{Words: lang.For(job.lang)})
	}}
	exportJSON = exportKind{"app.export.kind.json", ".json", func(w io.Writer, s *canvas.Session, _ exportJob) error {
		return canvas.EncodeFile(w, s)
	}}
)

func (u *UI) paper() string {
	return u.app.Preferences().StringWithFallback(prefPaper, export.PaperA4)
}

func (u *UI) setPaper(p string) {
	u.app.Preferences().SetString(prefPaper, p)
	u.win.SetMainMenu(u.menu())
}

// suggestedName is "<product> - <date><ext>", made safe for file systems.
func (u *UI) suggestedName(s *canvas.Session, now time.Time, ext string) string {
	base := strings.TrimSpace(s.Product)
	if base == "" {
		base = strings.TrimSpace(s.Title)
	}
	if base == "" {
		base = u.T("app.export.default-name")
	}
	base = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < 0x20 {
			return '-'
		}
		return r
	}, base)
	return base + " - " + now.Local().Format("2006-01-02") + ext
}

// exportDialog asks where to save and then exports the open session; a
// PDF's language and paper are asked first (see pdfDialog).
func (u *UI) exportDialog(kind exportKind) {
	if u.editor == nil {
		u.inform(u.T("app.export.title"), u.T("app.export.no-session"))
		return
	}
	job := exportJob{paper: u.paper(), lang: u.lang}
	if kind.ext == exportPDF.ext {
		u.pdfDialog(job, func(job exportJob) { u.saveDialog(kind, job) })
		return
	}
	u.saveDialog(kind, job)
}

// saveDialog asks where to save and then exports the open session.
func (u *UI) saveDialog(kind exportKind, job exportJob) {
	if u.editor == nil {
		return
	}
	snap := u.editor.s.Clone()
	d := dialog.NewFileSave(func(uc fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(u.T("app.export.failed", u.T(kind.name)), err)
			return
		}
		if uc == nil {
			return // cancelled
		}
		path := uc.URI().Path()
		uc.Close() // unwritten: see deferredWrites
		// The user confirmed replacing the file they chose, so that file
		// is checked too, not only the one with the extension added: the
		// session file chosen as "work.db" must be refused, not quietly
		// turned into "work.db.pdf".
		if err := export.CheckTarget(path, u.protectedPaths()...); err != nil {
			u.refuseExport(kind, err)
			return
		}
		u.lastExport = u.exportWith(kind, snap, withExtension(path, kind.ext), job)
	}, u.win)
	d.SetFileName(u.suggestedName(snap, u.opt.Now(), kind.ext))
	d.SetFilter(storage.NewExtensionFileFilter([]string{kind.ext}))
	d.Resize(u.dialogSize(820, 560))
	d.Show()
}

// withExtension appends ext when the user left it out. The save dialog
// creates nothing (see deferredWrites), so there is nothing to clean up.
func withExtension(path, ext string) string {
	if strings.EqualFold(filepath.Ext(path), ext) {
		return path
	}
	return path + ext
}

// removeIfEmpty removes an empty regular file a save dialog left behind.
// Only a regular file: an empty-looking FIFO or device (/dev/null) must
// never be removed.
func removeIfEmpty(path string) {
	if fi, err := os.Lstat(path); err == nil && fi.Mode().IsRegular() && fi.Size() == 0 {
		os.Remove(path)
	}
}

// protectedPaths are the files this window's store keeps sessions in;
// every file the app writes is checked against them with
// export.CheckTarget (exportTo does).
func (u *UI) protectedPaths() []string {
	if u.store == nil {
		return nil
	}
	return u.store.ProtectedPaths()
}

// exportTo writes snap off the UI thread, showing progress if it takes
// more than a moment. A path export.CheckTarget refuses (the session file,
// a backup, a folder, a device...) is refused at once with a dialog, and
// nothing is written. The returned channel is closed when the export is
// over and its result is on screen.
func (u *UI) exportTo(kind exportKind, snap *canvas.Session, path string) <-chan struct{} {
	return u.exportWith(kind, snap, path, exportJob{paper: u.paper(), lang: u.lang})
}

// exportWith is exportTo with the paper and language of job.
func (u *UI) exportWith(kind exportKind, snap *canvas.Session, path string, job exportJob) <-chan struct{} {
	done := make(chan struct{})
	protected := u.protectedPaths()
	if err := export.CheckTarget(path, protected...); err != nil {
		u.refuseExport(kind, err)
		close(done)
		return done
	}
	job.now = u.opt.Now()
	name := u.T(kind.name)
	finished := make(chan struct{})
	var progress dialog.Dialog
	timer := time.AfterFunc(u.opt.ProgressDelay, func() {
		fyne.Do(func() {
			select {
			case <-finished:
				return
			default:
			}
			bar := widget.NewProgressBarInfinite()
			progress = dialog.NewCustomWithoutButtons(u.T("app.export.progress", name), bar, u.win)
			progress.Show()
		})
	})
	go func() {
		defer close(done)
		err := export.WriteFile(path, func(w io.Writer) error { return kind.write(w, snap, job) }, protected...)
		timer.Stop()
		fyne.DoAndWait(func() {
			close(finished)
			if progress != nil {
				progress.Hide()
			}
			if err != nil {
				u.errorBox(fmt.Errorf("%s: %w", u.T("app.export.not-saved", name), err))
				return
			}
			u.notice(u.T("app.export.saved", name, path))
		})
	}()
	return done
}

// refuseExport says why an export was refused; nothing was written.
func (u *UI) refuseExport(kind exportKind, err error) {
	u.errorBox(fmt.Errorf("%s: %w. %s", u.T("app.export.not-saved", u.T(kind.name)), err, u.T("app.export.choose-another")))
}

// notice shows a short message in the open editor's status line.
func (u *UI) notice(msg string) {
	if u.editor != nil {
		u.editor.notice.SetText(msg)
		u.editor.notice.Show()
	}
}
