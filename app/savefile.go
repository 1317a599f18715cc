package app

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"
)

// fileRepository is what Fyne's own "file" repository does.
type fileRepository interface {
	repository.Repository
	repository.WritableRepository
	repository.AppendableRepository
	repository.DeleteAllRepository
	repository.HierarchicalRepository
	repository.ListableRepository
	repository.CopyableRepository
	repository.MovableRepository
}

// deferredWrites is Fyne's file repository with one change: a Writer does
// not open the file until something is written to it. Fyne's save dialog
// opens the chosen file with os.Create, truncating it, before its callback
// runs: choosing the session file emptied it before Fulcrum could refuse.
// Fulcrum's save dialogs only take the path from the writer and close it
// unwritten; the export then checks the path (export.CheckTarget) and
// writes atomically.
type deferredWrites struct{ fileRepository }

// deferSaveDialogWrites installs deferredWrites for the "file" scheme. A
// Fyne driver registers its own file repository when it starts (a test app
// does so for each new app), so this runs whenever a window is built.
func deferSaveDialogWrites() {
	repo, err := repository.ForScheme("file")
	if err != nil {
		return
	}
	if _, done := repo.(deferredWrites); done {
		return
	}
	if fr, ok := repo.(fileRepository); ok {
		repository.Register("file", deferredWrites{fr})
	}
}

func (r deferredWrites) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	return &deferredWriter{uri: u, open: r.fileRepository.Writer}, nil
}

// deferredWriter opens its file on the first Write.
type deferredWriter struct {
	uri  fyne.URI
	open func(fyne.URI) (fyne.URIWriteCloser, error)

	mu  sync.Mutex
	w   fyne.URIWriteCloser
	err error
}

func (d *deferredWriter) URI() fyne.URI { return d.uri }

func (d *deferredWriter) Write(p []byte) (int, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.w == nil && d.err == nil {
		d.w, d.err = d.open(d.uri)
	}
	if d.err != nil {
		return 0, d.err
	}
	return d.w.Write(p)
}

func (d *deferredWriter) Close() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.w == nil {
		return nil
	}
	return d.w.Close()
}

// Reader, like Writer, opens nothing until the first Read: Fyne's open
// dialog opens the chosen file before its callback runs, and opening a
// FIFO blocks until someone writes to it. Fulcrum's open dialogs take the
// path and read it through export.OpenInput, which refuses special files.
func (r deferredWrites) Reader(u fyne.URI) (fyne.URIReadCloser, error) {
	return &deferredReader{uri: u, open: r.fileRepository.Reader}, nil
}

// deferredReader opens its file on the first Read.
type deferredReader struct {
	uri  fyne.URI
	open func(fyne.URI) (fyne.URIReadCloser, error)

	mu  sync.Mutex
	r   fyne.URIReadCloser
	err error
}

func (d *deferredReader) URI() fyne.URI { return d.uri }

func (d *deferredReader) Read(p []byte) (int, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.r == nil && d.err == nil {
		d.r, d.err = d.open(d.uri)
	}
	if d.err != nil {
		return 0, d.err
	}
	return d.r.Read(p)
}

func (d *deferredReader) Close() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.r == nil {
		return nil
	}
	return d.r.Close()
}
