package main

import (
	"math"
	"os"
	"strconv"

	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// workArea is the usable area of the primary screen (without the desktop's
// panels) in Fyne's units, or zero when it cannot be told, for example
// with no display: the window then opens at its default size. Fyne has no
// way to ask before its window shows, so GLFW, which Fyne itself runs on,
// is asked directly; it runs on the main thread, which Fyne locks at init,
// and is shut down again before Fyne starts it.
func workArea(a fyne.App) fyne.Size {
	if err := glfw.Init(); err != nil {
		return fyne.Size{}
	}
	defer glfw.Terminate()
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return fyne.Size{}
	}
	_, _, w, h := m.GetWorkarea()
	scale := windowScale(a, m)
	return fyne.NewSize(float32(w)/scale, float32(h)/scale)
}

// windowScale is the scale Fyne will give a window on m: the user's
// (FYNE_SCALE, else the app's setting) times the screen's density against
// Fyne's baseline of 120 dpi, never below 1, rounded to a tenth, as Fyne's
// GLFW driver computes it.
func windowScale(a fyne.App, m *glfw.Monitor) float32 {
	user := a.Settings().Scale()
	if env := os.Getenv("FYNE_SCALE"); env != "" && env != "auto" {
		if v, err := strconv.ParseFloat(env, 32); err == nil && v > 0 {
			user = float32(v)
		}
	}
	if user <= 0 {
		user = 1
	}
	detected := float32(1)
	if mm, _ := m.GetPhysicalSize(); mm > 0 {
		if mode := m.GetVideoMode(); mode != nil {
			dpi := float32(mode.Width) / (float32(mm) / 25.4)
			if dpi >= 10 && dpi <= 1000 {
				detected = max(1, dpi/120)
			}
		}
	}
	return float32(math.Round(float64(user*detected*10))) / 10
}
