// Package app is Fulcrum's desktop UI, built with Fyne.
//
// Launch opens the session file itself: it shows the main window, has
// store.Keep check the file and keep its backups after the first frame,
// and when the file
// cannot be used (locked by another Fulcrum, damaged, or from a newer
// version) it says so and offers a way on. cmd/fulcrum only creates the
// fyne.App and hands it the path. The fyne.App comes from the caller, so
// tests drive the real screens with fyne.io/fyne/v2/test and a file in a
// temporary directory, without cgo or a display.
//
// Every word on screen comes from assets/lang in the interface's language
// (words.go): the choice under Settings → Language, else Options.Lang
// (--lang, FULCRUM_LANG), else the locale. Switching redraws the menu and
// the screen on show from the session's Owner (language.go), and Fyne's
// own widgets follow it too.
//
// The open session changes only through its canvas.Owner: widgets apply
// ops, and the editor redraws from the Owner's notifications (change.go),
// so undo, redo and changes from other goroutines are drawn the same way.
//
// A phone round (round_phones.go) serves the open blind round to the
// phones in the room through the subpackage phones, whose answers reach
// the same Owner; the join screen shows the QR code and who is done.
package app
