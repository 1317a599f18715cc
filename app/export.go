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
		return export.WritePNG(w, s)
	}}
	exportCSV = exportKind{"dimension table", ".csv", func(w io.Writer, s *canvas.Session, _ string, _ time.Time) error {
		return export.WriteCSV(w, s)
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
		dialog.ShowInformation("Export", "Open a session first.", u.win)
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
		uc.Close()
		u.lastExport = u.exportTo(kind, snap, withExtension(path, kind.ext))
	}, u.win)
	d.SetFileName(suggestedName(snap, u.opt.Now(), kind.ext))
	d.SetFilter(storage.NewExtensionFileFilter([]string{kind.ext}))
	d.Resize(fyne.NewSize(820, 560))
	d.Show()
}

// withExtension appends ext when the user left it out. The save dialog
// has already created the file it offered, empty; that one is removed so
// the export leaves a single file behind.
func withExtension(path, ext string) string {
	if strings.EqualFold(filepath.Ext(path), ext) {
		return path
	}
	removeIfEmpty(path)
	return path + ext
}

func removeIfEmpty(path string) {
	if fi, err := os.Stat(path); err == nil && fi.Size() == 0 {
		os.Remove(path)
	}
}

// exportTo writes snap off the UI thread, showing progress if it takes
// more than a moment. The returned channel is closed when the export is
// over and its result is on screen.
func (u *UI) exportTo(kind exportKind, snap *canvas.Session, path string) <-chan struct{} {
	done := make(chan struct{})
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
		err := export.WriteFile(path, func(w io.Writer) error { return kind.write(w, snap, paper, now) })
		if err != nil {
			removeIfEmpty(path)
		}
		timer.Stop()
		fyne.DoAndWait(func() {
			close(finished)
			if progress != nil {
				progress.Hide()
			}
			if err != nil {
				dialog.ShowError(fmt.Errorf("the %s was not saved: %w", kind.name, err), u.win)
				return
			}
			u.notice(fmt.Sprintf("Saved %s to %s", kind.name, path))
		})
	}()
	return done
}

// notice shows a short message in the open editor's status line.
func (u *UI) notice(msg string) {
	if u.editor != nil {
		u.editor.notice.SetText(msg)
		u.editor.notice.Show()
	}
}
