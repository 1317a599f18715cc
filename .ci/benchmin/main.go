// Command benchmin is the baseline of make bench: the smallest Fyne program,
// one window with one label, built from the same Fyne version as Fulcrum.
// Fulcrum's start-up time and memory are measured against it.
package main

import (
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := fyneapp.NewWithID("io.github.fulcrum_workshop.benchmin")
	w := a.NewWindow("Minimal")
	w.SetContent(widget.NewLabel("Hello"))
	w.ShowAndRun()
}
