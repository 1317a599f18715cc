// Package app is Fulcrum's desktop UI, built with Fyne.
//
// It receives the fyne.App and the open store from cmd/fulcrum instead of
// creating them, so tests drive the real screens with fyne.io/fyne/v2/test
// and a store on a temporary file, without cgo or a display.
package app
