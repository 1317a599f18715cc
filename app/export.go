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

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/export"
)

// prefPaper remembers the PDF paper size between runs.
const prefPaper = "pdf.paper"

// exportKind is one of the files the editor can export.
type exportKind struct {
	name  string // for messages: "PDF summary"
	ext   string // ".pdf"
	write func(w io.Writer, s *canvas.Session, paper string, now time.Time) error
}

var (
	exportPDF = exportKind{"PDF summary", ".pdf", func(w io.Writer, s *canvas.Session, paper string, now time.Time) error {
		return export.WritePDF(w, s, export.PDFOptions{Paper: paper, Generated: now})
	}}
	exportPNG = exportKind{"chart image", ".png", func(w io.Writer, s *canvas.Session, _ string, _ time.Time) error {
		return export.WritePNG(w, s, export.PNGOptions{})
	}}
	exportCSV = exportKind{"dimension table", ".csv", func(w io.Writer, s *canvas.Session, _ string, _ time.Time) error {
		return export.WriteCSV(w, s, export.CSVOptions{})
	}}
	exportJSON = exportKind{"session file", ".json", func(w io.Writer, s *canvas.Session, _ string, _ time.Time) error {
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
func suggestedName(s *canvas.Session, now time.Time, ext string) string {
	base := strings.TrimSpace(s.Product)
	if base == "" {
		base = strings.TrimSpace(s.Title)
	}
	if base == "" {
		base = "Fulcrum session"
	}
	base = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < 0x20 {
			return '-'
		}
		return r
	}, base)
	return base + " - " + now.Local().Format("2006-01-02") + ext
}

// exportDialog asks where to save and then exports the open session.
func (u *UI) exportDialog(kind exportKind) {
	if u.editor == nil {
		u.show(dialog.NewInformation("Export", "Open a session first.", u.win))
		return
	}
	snap := u.editor.s.Clone()
	d := dialog.NewFileSave(func(uc fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError("Export "+kind.name, err)
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
		u.lastExport = u.exportTo(kind, snap, withExtension(path, kind.ext))
	}, u.win)
	d.SetFileName(suggestedName(snap, u.opt.Now(), kind.ext))
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
	done := make(chan struct{})
	protected := u.protectedPaths()
	if err := export.CheckTarget(path, protected...); err != nil {
		u.refuseExport(kind, err)
		close(done)
		return done
	}
	paper, now := u.paper(), u.opt.Now()
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
			progress = dialog.NewCustomWithoutButtons("Exporting "+kind.name+"…", bar, u.win)
			progress.Show()
		})
	})
	go func() {
		defer close(done)
		err := export.WriteFile(path, func(w io.Writer) error { return kind.write(w, snap, paper, now) }, protected...)
		timer.Stop()
		fyne.DoAndWait(func() {
			close(finished)
			if progress != nil {
				progress.Hide()
			}
			if err != nil {
				u.show(dialog.NewError(fmt.Errorf("the %s was not saved: %w", kind.name, err), u.win))
				return
			}
			u.notice(fmt.Sprintf("Saved %s to %s", kind.name, path))
		})
	}()
	return done
}

// refuseExport says why an export was refused; nothing was written.
func (u *UI) refuseExport(kind exportKind, err error) {
	u.show(dialog.NewError(fmt.Errorf("the %s was not saved: %w; choose another file", kind.name, err), u.win))
}

// notice shows a short message in the open editor's status line.
func (u *UI) notice(msg string) {
	if u.editor != nil {
		u.editor.notice.SetText(msg)
		u.editor.notice.Show()
	}
}
