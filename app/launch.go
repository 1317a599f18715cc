package app

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// Launch opens the session file at path and shows the main window. When the
// file cannot be opened (another Fulcrum has it, it is damaged, or it is
// from a newer version) it says so plainly and lets the user pick another
// file instead of failing silently. The returned func closes the store; call
// it after the app has stopped.
func Launch(a fyne.App, path string, opt Options) (shutdown func()) {
	var st *store.Store
	var open func(path string)
	open = func(path string) {
		s, err := store.Open(path, store.Options{})
		if err != nil {
			showOpenProblem(a, path, err, open)
			return
		}
		st = s
		u := New(a, st, opt)
		u.Window().Show()
	}
	open(path)
	return func() {
		if st != nil {
			_ = st.Close()
		}
	}
}

func showOpenProblem(a fyne.App, path string, err error, open func(string)) {
	w := a.NewWindow("Fulcrum")
	msg := fmt.Sprintf("Fulcrum could not open the session file\n%s\n\n%v", path, err)
	if errors.Is(err, store.ErrLocked) {
		msg = fmt.Sprintf("This session file is open in another Fulcrum window:\n%s\n\nSwitch to that window, or choose another file.", path)
	}
	text := widget.NewLabel(msg)
	text.Wrapping = fyne.TextWrapWord
	choose := widget.NewButtonWithIcon("Choose another file…", theme.FolderOpenIcon(), func() {
		d := dialog.NewFileSave(func(uc fyne.URIWriteCloser, err error) {
			if err != nil || uc == nil {
				return
			}
			p := uc.URI().Path()
			uc.Close()
			w.Close()
			open(p)
		}, w)
		d.SetFileName("fulcrum.db")
		d.SetFilter(storage.NewExtensionFileFilter([]string{".db"}))
		d.Show()
	})
	choose.Importance = widget.HighImportance
	quit := widget.NewButton("Quit", a.Quit)
	w.SetContent(container.NewPadded(container.NewBorder(nil, container.NewHBox(choose, quit), nil, nil, text)))
	w.Resize(fyne.NewSize(560, 260))
	w.Show()
}
