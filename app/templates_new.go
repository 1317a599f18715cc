package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// templateChoice is the New session dialog's choice of template: every
// template of the store's catalogue, built-in and custom, with its
// dimension count. It returns the radio, what to put in the form (the
// radio, in a scroll once there are more templates than a small screen
// shows) and the template key of each option.
func (u *UI) templateChoice(last string) (*keyRadio, fyne.CanvasObject, map[string]string) {
	var labels []string
	keyOf := map[string]string{}
	chosen := ""
	for _, t := range u.library().AllTemplates() {
		l := u.N("app.new.template", len(t.Dimensions), u.words().TemplateOf(t))
		if _, twice := keyOf[l]; twice {
			// Two custom templates may share a name; the key tells them
			// apart.
			l += " (" + t.Key + ")"
		}
		labels = append(labels, l)
		keyOf[l] = t.Key
		if t.Key == last || chosen == "" {
			chosen = l
		}
	}
	tmpl := u.newKeyRadio(labels, nil)
	tmpl.SetSelected(chosen)
	const shown = 4
	if len(labels) <= shown {
		return tmpl, tmpl, keyOf
	}
	row := tmpl.MinSize().Height / float32(len(labels))
	box := container.New(&heightLayout{h: shown*row + theme.Padding()}, container.NewVScroll(tmpl))
	return tmpl, box, keyOf
}

// heightLayout gives its one object a fixed height and the width it asks.
type heightLayout struct{ h float32 }

func (l *heightLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(objs[0].MinSize().Width, l.h)
}

func (l *heightLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(size)
}

// newSessionFrom starts a session from any template of the catalogue,
// through canvas's one rule for it (Library.NewSession), so a session
// from a custom template keeps a snapshot of its dimensions.
func (u *UI) newSessionFrom(tmpl, title, product string) (*canvas.Session, error) {
	return u.library().NewSession(tmpl, title, product, u.opt.Now())
}
