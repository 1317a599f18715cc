// Package app is Fulcrum's desktop UI, built with Fyne.
//
// It receives the fyne.App and the open store from cmd/fulcrum instead of
// creating them, so tests drive the real screens with fyne.io/fyne/v2/test
// and a store on a temporary file, without cgo or a display.
//
// The open session changes only through its canvas.Owner: widgets apply
// ops, and the editor redraws from the Owner's notifications (change.go),
// so undo, redo and changes from other goroutines are drawn the same way.
package app
