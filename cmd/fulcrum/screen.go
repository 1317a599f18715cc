package main

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// workArea is the usable area of the primary screen in pixels (without
// the desktop's panels), or zero when it cannot be told, for example with
// no display: the window then opens at its default size. Fyne has no way
// to ask before its window shows, so GLFW, which Fyne itself runs on, is
// asked directly; it runs on the main thread, which Fyne locks at init,
// and is shut down again before Fyne starts it.
func workArea() fyne.Size {
	if err := glfw.Init(); err != nil {
		return fyne.Size{}
	}
	defer glfw.Terminate()
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return fyne.Size{}
	}
	_, _, w, h := m.GetWorkarea()
	return fyne.NewSize(float32(w), float32(h))
}
