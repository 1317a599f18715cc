package app

import (
	"context"
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/app/phones"
	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// A phone round is a blind round that the laptop also serves to the
// phones in the room (package phones). The projector shows the join
// screen: a QR code, the short address and code, and who has joined and
// finished, never what anyone placed. Whoever has no phone takes the
// laptop through the usual hand-over screen, in the same round. The server
// lives on the editor and stops with the round: at the reveal, when the
// session closes, and when the app stops.

// phoneRound is the editor's running phone server and the network it
// listens on.
type phoneRound struct {
	srv    *phones.Server
	ifs    []phones.Interface
	chosen int
	err    error // why the server could not start, shown on the join screen
}

// interfaces lists the addresses phones may reach the laptop on.
func (u *UI) interfaces() ([]phones.Interface, error) {
	if u.opt.Interfaces != nil {
		return u.opt.Interfaces()
	}
	return phones.Interfaces()
}

// startPhones starts serving the open blind round on the chosen network
// (the default route's, the first time).
func (e *editor) startPhones(chosen int) {
	u := e.ui
	e.stopPhones()
	pr := &phoneRound{chosen: chosen}
	e.phones = pr
	pr.ifs, pr.err = u.interfaces()
	if pr.err != nil {
		return
	}
	if pr.chosen >= len(pr.ifs) {
		pr.chosen = 0
	}
	pr.srv, pr.err = phones.Start(phones.Config{
		Owner: e.owner,
		Words: u.words(),
		Addr:  pr.ifs[pr.chosen].IP.String(),
		// Claims and new codes are not changes to the session: the server
		// tells the screen itself.
		OnChange: func() { fyne.Do(u.phonesChanged) },
	})
}

// stopPhones stops the server, if one runs: every token, code and claim
// stops working at once. Answers already being applied finish first (a
// moment; at most a second), so none answered 204 misses the last save.
func (e *editor) stopPhones() {
	if e.phones != nil && e.phones.srv != nil {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		if err := e.phones.srv.Shutdown(ctx); err != nil {
			fyne.LogError("stop the phone server", err)
		}
	}
	e.phones = nil
}

// phonesServing reports whether phones can answer now.
func (e *editor) phonesServing() bool { return e.phones != nil && e.phones.srv != nil }

// phonesChanged redraws the join screen when someone joins or the code
// changes.
func (u *UI) phonesChanged() {
	if u.phoneScreen != nil {
		u.phoneScreen.refresh()
	}
}

// beginPhoneRound starts a blind round for people and serves it.
func (u *UI) beginPhoneRound(keys, people []string) {
	e := u.editor
	if !e.apply(u.T("app.round.start"), canvas.StartRound{Mode: canvas.RoundBlind, Dimensions: keys, Participants: people, At: u.opt.Now()}) {
		return
	}
	if e.s.Settings.TimerScope == canvas.TimerPerRound {
		u.timer.reset()
	}
	e.startPhones(0)
	u.showPhones()
}

// usePhones serves the blind round already open (one resumed after the
// app was closed, or started on the laptop alone).
func (u *UI) usePhones() {
	if e := u.editor; e != nil && e.s.InRound() && e.s.Round.Mode == canvas.RoundBlind {
		e.startPhones(0)
		u.showPhones()
	}
}

// phoneScreen is the join screen's parts that change while it shows.
type phoneScreen struct {
	u        *UI
	progress *fyne.Container
	count    *widget.Label
	code     *fynecanvas.Text
	qr       *fynecanvas.Image
	// shown is the round order and language the rows were built for.
	shown string
	rows  []*progressRow
}

// showPhones shows the join screen for the projector.
func (u *UI) showPhones() {
	e := u.editor
	pr := e.phones
	ps := &phoneScreen{u: u, progress: container.NewVBox(), count: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	back := u.newKeyButton(u.T("app.round.back"), theme.NavigateBackIcon(), u.backToEditor)
	laptop := u.newKeyButton(u.T("app.phones.laptop"), theme.ComputerIcon(), u.pickLaptopTurn)
	reveal := u.newKeyButton(u.T("app.round.reveal-all"), theme.VisibilityIcon(), u.reveal)
	reveal.Importance = widget.HighImportance

	title := widget.NewLabelWithStyle(u.T("app.phones.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	var left fyne.CanvasObject
	right := []fyne.CanvasObject{title}
	if pr.err != nil {
		msg := u.T("app.phones.failed", pr.err.Error())
		if errors.Is(pr.err, phones.ErrNoNetwork) {
			msg = u.T("app.phones.no-network")
		}
		body := widget.NewLabel(msg)
		body.Wrapping = fyne.TextWrapWord
		retry := u.newKeyButton(u.T("app.phones.retry"), theme.ViewRefreshIcon(), u.usePhones)
		left = container.NewVBox(body, container.NewHBox(retry))
	} else {
		q, err := phones.NewQR(pr.srv.URL())
		if err != nil { // a URL of 60 characters always fits
			fyne.LogError("QR code of the join URL", err)
		}
		img := fynecanvas.NewImageFromImage(q.Image(8))
		img.FillMode = fynecanvas.ImageFillContain
		img.ScaleMode = fynecanvas.ImageScalePixels
		img.SetMinSize(fyne.NewSize(240, 240))
		ps.qr = img
		ps.code = bigText(pr.srv.Code(), 40, true)
		ps.code.TextStyle = fyne.TextStyle{Monospace: true} // no theme has a bold monospace face
		left = container.NewBorder(nil, container.NewVBox(
			bigText(pr.srv.Address(), 26, true),
			container.NewCenter(container.NewHBox(bigText(u.T("app.phones.code"), 22, false), ps.code)),
		), nil, nil, img)
		steps := widget.NewLabel(u.T("app.phones.steps", pr.srv.Address(), pr.srv.Code()))
		steps.Wrapping = fyne.TextWrapWord
		right = append(right, steps)
		if len(pr.ifs) > 1 {
			right = append(right, u.networkPicker(pr))
		}
		hint := widget.NewLabel(u.T("app.phones.firewall"))
		hint.Wrapping = fyne.TextWrapWord
		right = append(right, hint)
	}
	right = append(right, widget.NewSeparator(), ps.count)
	side := container.NewBorder(container.NewVBox(right...), container.NewHBox(laptop, layout.NewSpacer(), reveal), nil, nil,
		container.NewVScroll(ps.progress))
	content := container.NewBorder(container.NewHBox(back, u.timer.view), nil, nil, nil,
		container.NewGridWithColumns(2, left, side))
	u.showScreen(content)
	u.blindScreen()
	u.phoneScreen = ps
	u.redrawScreen = u.showPhones
	round := u.onScreenChange
	u.onScreenChange = func(ch canvas.Change) {
		round(ch) // back to the editor when the round ends
		if u.phoneScreen == ps {
			ps.refresh()
		}
	}
	ps.refresh()
}

// networkPicker chooses the network the server listens on; a new choice
// starts the server again, with a new address, token and code.
func (u *UI) networkPicker(pr *phoneRound) fyne.CanvasObject {
	var labels []string
	for _, ifc := range pr.ifs {
		labels = append(labels, fmt.Sprintf("%s · %s", ifc.Name, ifc.IP))
	}
	sel := newKeySelect(labels, u.typedKey)
	sel.SetSelectedIndex(pr.chosen)
	sel.OnChanged = func(string) {
		if i := sel.SelectedIndex(); i >= 0 && i != pr.chosen {
			u.editor.startPhones(i)
			u.showPhones()
		}
	}
	return container.NewBorder(nil, nil, widget.NewLabel(u.T("app.phones.network")), nil, sel)
}

// refresh shows who has joined and who is done, and the current code.
// Every answer from a phone arrives here: the rows are built once per
// round order and language, and then only their status changes.
func (ps *phoneScreen) refresh() {
	u := ps.u
	e := u.editor
	if e == nil || e.s.Round == nil {
		return
	}
	var p phones.Progress
	if e.phonesServing() {
		p = e.phones.srv.Progress()
		if ps.code != nil && ps.code.Text != e.phones.srv.Code() {
			ps.code.Text = e.phones.srv.Code()
			ps.code.Refresh()
		}
	}
	order := e.s.Round.Order
	if key := fmt.Sprint(order, u.lang); key != ps.shown {
		ps.shown = key
		ps.rows = ps.rows[:0]
		var objs []fyne.CanvasObject
		for _, id := range order {
			r := &progressRow{id: id, icon: widget.NewIcon(nil), status: widget.NewLabel("")}
			r.release = widget.NewButton(u.T("app.phones.release"), func() { u.releaseClaim(id) })
			name := widget.NewLabel(u.name(id))
			name.Truncation = fyne.TextTruncateEllipsis
			ps.rows = append(ps.rows, r)
			objs = append(objs, container.NewBorder(nil, nil, r.icon, container.NewHBox(r.status, r.release), name))
		}
		ps.progress.Objects = objs
		ps.progress.Refresh()
	}
	done := 0
	for _, r := range ps.rows {
		status, icon := u.T("app.phones.status.waiting"), theme.RadioButtonIcon()
		switch {
		case containsID(e.s.Round.Done, r.id):
			status, icon = u.T("app.phones.status.done"), theme.ConfirmIcon()
			done++
		case containsID(p.Joined, r.id):
			status, icon = u.T("app.phones.status.joined"), theme.MailSendIcon()
		case e.s.Round.Current == r.id:
			status, icon = u.T("app.phones.status.laptop"), theme.ComputerIcon()
		}
		if r.status.Text != status {
			r.status.SetText(status)
			r.icon.SetResource(icon)
		}
		if joined := containsID(p.Joined, r.id); joined != r.release.Visible() {
			r.release.Hidden = !joined
			r.release.Refresh()
		}
	}
	ps.count.SetText(u.T("app.round.progress", done, len(order)))
}

// progressRow is one person's line on the join screen.
type progressRow struct {
	id      string
	icon    *widget.Icon
	status  *widget.Label
	release *widget.Button
}

// releaseClaim frees a name on the phones, after asking: the phone that
// holds it loses it, for a phone that was lost or picked the wrong name.
func (u *UI) releaseClaim(id string) {
	u.confirm(u.T("app.phones.release"), u.T("app.phones.release.body", u.name(id)), func(ok bool) {
		if ok && u.editor != nil && u.editor.phonesServing() {
			u.editor.phones.srv.Release(id)
		}
	})
}

// pickLaptopTurn asks who takes the laptop: someone without a phone, or
// whose phone gave up.
func (u *UI) pickLaptopTurn() {
	e := u.editor
	var joined []string
	if e.phonesServing() {
		joined = e.phones.srv.Progress().Joined
	}
	var ids, names []string
	for _, id := range e.s.Round.Order {
		if !containsID(e.s.Round.Done, id) && !containsID(joined, id) {
			ids = append(ids, id)
			names = append(names, u.name(id))
		}
	}
	if len(ids) == 0 {
		u.inform(u.T("app.phones.laptop"), u.T("app.phones.laptop.nobody"))
		return
	}
	pick := u.newKeyRadio(names, nil)
	pick.SetSelected(names[0])
	d := dialog.NewCustomConfirm(u.T("app.phones.laptop"), u.T("app.phones.laptop.start"), u.T("app.dialog.cancel"),
		container.NewVScroll(pick), func(ok bool) {
			if !ok {
				return
			}
			for i, n := range names {
				if n == pick.Selected {
					u.showHandover(ids[i])
					return
				}
			}
		}, u.win)
	d.Resize(u.dialogSize(460, 420))
	u.show(d)
}
