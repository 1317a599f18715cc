package app

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// The editor's Tensions tab lists the contradictions canvas finds between
// the session's positions (canvas.Session.Tensions), each with the message
// a facilitator reads aloud and the question for the room, and lets the
// team accept one with a reason or reopen it. A marker on each row
// involved, and a count beside the ToB index, lead to it. Tensions are evaluated again on every change that
// can move a position, a slider step included, and the widgets are touched
// only where what they show changed, so a drag stays cheap.

// tensionsPanel is the Tensions tab, and the markers on the rows.
type tensionsPanel struct {
	e      *editor
	tab    *container.TabItem
	list   *fyne.Container
	scroll *container.Scroll
	empty  *widget.Label
	// badge counts the open tensions beside the ToB index, and opens the
	// first one.
	badge *keyButton
	cards map[string]*tensionCard
	// shown is what the tab and the markers show now.
	shown []canvas.Tension
	// drawn is false until the first refresh, so an empty session draws
	// its empty state once.
	drawn bool
}

func newTensionsPanel(e *editor) *tensionsPanel {
	p := &tensionsPanel{e: e, list: container.NewVBox(), cards: map[string]*tensionCard{}}
	p.empty = widget.NewLabel(e.ui.T("app.tensions.empty"))
	p.empty.Wrapping = fyne.TextWrapWord
	p.scroll = container.NewVScroll(container.NewVBox(p.empty, p.list))
	p.tab = container.NewTabItem(e.ui.N("app.tensions.tab", 0), p.scroll)
	p.badge = e.ui.newKeyButton("", openMarkIcon(), p.openFirst)
	p.badge.Importance = widget.LowImportance
	p.badge.Hide()
	return p
}

// refresh evaluates the tensions again and redraws what differs from what
// is shown: the tab's count, the cards and the rows' markers.
func (p *tensionsPanel) refresh() {
	ts := p.e.s.Tensions()
	if p.drawn && slices.EqualFunc(ts, p.shown, sameTension) {
		return
	}
	p.drawn = true
	p.shown = ts
	open := 0
	for _, t := range ts {
		if !t.Accepted {
			open++
		}
	}
	if title := p.e.ui.N("app.tensions.tab", open); p.tab.Text != title {
		p.tab.Text = title
		if p.e.tabs != nil {
			p.e.tabs.Refresh()
		}
	}
	if open == 0 {
		p.badge.Hide()
	} else {
		// The number alone: worded, it widened the Profile tab past a
		// 1366×768 screen at FYNE_SCALE=1.5 in Spanish.
		p.badge.SetText(strconv.Itoa(open))
		p.badge.Show()
	}
	p.refreshCards(ts)
	for _, r := range p.e.rows {
		if r.mark != nil {
			r.mark.refresh(ts)
		}
	}
}

func sameTension(a, b canvas.Tension) bool {
	return a.Rule == b.Rule && a.Accepted == b.Accepted && a.Reason == b.Reason &&
		slices.Equal(a.Dimensions, b.Dimensions) && slices.Equal(a.Values, b.Values)
}

// refreshCards shows one card per tension, the open ones first, each
// group in canvas's order. A card is kept while its tension fires, so the
// button a person tabbed to keeps its focus when a value moves.
func (p *tensionsPanel) refreshCards(ts []canvas.Tension) {
	objs := make([]fyne.CanvasObject, 0, len(ts))
	firing := map[string]bool{}
	ordered := slices.Clone(ts)
	slices.SortStableFunc(ordered, func(a, b canvas.Tension) int {
		switch {
		case a.Accepted == b.Accepted:
			return 0
		case b.Accepted:
			return -1
		}
		return 1
	})
	for _, t := range ordered {
		c := p.cards[t.Rule]
		if c == nil {
			c = newTensionCard(p, t.Rule)
			p.cards[t.Rule] = c
		}
		c.show(t)
		firing[t.Rule] = true
		objs = append(objs, c.box)
	}
	for rule := range p.cards {
		if !firing[rule] {
			delete(p.cards, rule)
		}
	}
	if len(ts) == 0 {
		p.empty.Show()
	} else {
		p.empty.Hide()
	}
	if !slices.Equal(objs, p.list.Objects) {
		p.list.Objects = objs
		p.list.Refresh()
	}
}

// open shows the tension of rule in the tab, scrolled to it, with the
// focus on its first button so the keyboard can accept or reopen it.
func (p *tensionsPanel) open(rule string) {
	p.e.tabs.Select(p.tab)
	c := p.cards[rule]
	if c == nil {
		return
	}
	p.scroll.ScrollToOffset(fyne.NewPos(0, c.box.Position().Y))
	p.focus(rule)
}

// openFirst opens the first open tension.
func (p *tensionsPanel) openFirst() {
	for _, t := range p.shown {
		if !t.Accepted {
			p.open(t.Rule)
			return
		}
	}
	p.e.tabs.Select(p.tab)
}

// openFor opens the first tension involving dimension key, an open one
// before an accepted one, or the tab when there is none (Ctrl+T).
func (p *tensionsPanel) openFor(key string) {
	rule := ""
	for _, t := range p.shown {
		if t.Involves(key) && (rule == "" || !t.Accepted) {
			rule = t.Rule
			if !t.Accepted {
				break
			}
		}
	}
	if rule == "" {
		p.e.tabs.Select(p.tab)
		return
	}
	p.open(rule)
}

// showTensionsOfSelected opens the selected row's tension (Ctrl+T).
func (u *UI) showTensionsOfSelected() {
	e := u.editor
	if e == nil || u.onScreenChange != nil || e.selected >= len(e.rows) {
		return
	}
	e.tensions.openFor(e.rows[e.selected].dim.Key)
}

// tensionCard is one tension in the tab.
type tensionCard struct {
	p    *tensionsPanel
	rule string

	name     *widget.Label
	message  *widget.Label
	question *widget.Label
	icon     *widget.Icon
	dims     *fyne.Container
	status   *widget.Label
	accept   *keyButton
	edit     *keyButton
	reopen   *keyButton
	box      *fyne.Container
	// last is the tension the card shows.
	last canvas.Tension
}

func newTensionCard(p *tensionsPanel, rule string) *tensionCard {
	u := p.e.ui
	txt, _ := u.words().Tension(rule)
	c := &tensionCard{p: p, rule: rule}
	c.name = widget.NewLabelWithStyle(txt.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.name.Wrapping = fyne.TextWrapWord
	c.message = widget.NewLabel(txt.Message)
	c.message.Wrapping = fyne.TextWrapWord
	c.question = widget.NewLabelWithStyle(u.T("app.tensions.question", txt.Question), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	c.question.Wrapping = fyne.TextWrapWord
	c.dims = container.NewVBox()
	c.status = widget.NewLabel("")
	c.status.Wrapping = fyne.TextWrapWord
	c.status.Importance = widget.SuccessImportance
	c.accept = u.newKeyButton(u.T("app.tensions.accept"), theme.ConfirmIcon(), func() { p.acceptDialog(rule) })
	c.accept.Importance = widget.HighImportance
	c.edit = u.newKeyButton(u.T("app.tensions.edit-reason"), theme.DocumentCreateIcon(), func() { p.acceptDialog(rule) })
	c.reopen = u.newKeyButton(u.T("app.tensions.reopen"), theme.ViewRefreshIcon(), func() { p.reopen(rule) })
	c.edit.Importance, c.reopen.Importance = widget.LowImportance, widget.LowImportance
	c.icon = widget.NewIcon(openMarkIcon())
	c.box = container.NewVBox(
		container.NewBorder(nil, nil, c.icon, nil, c.name),
		c.message,
		c.question,
		c.dims,
		c.status,
		container.NewHBox(c.accept, c.edit, c.reopen),
		widget.NewSeparator(),
	)
	return c
}

// show draws t into the card, touching only what changed.
func (c *tensionCard) show(t canvas.Tension) {
	if len(c.dims.Objects) > 0 && sameTension(t, c.last) {
		return
	}
	c.last = t
	c.showDimensions(t)
	u := c.p.e.ui
	if t.Accepted {
		c.icon.SetResource(acceptedMarkIcon())
		c.status.SetText(u.T("app.tensions.accepted", t.Reason))
		c.status.Show()
		c.accept.Hide()
		c.edit.Show()
		c.reopen.Show()
	} else {
		c.icon.SetResource(openMarkIcon())
		c.status.Hide()
		c.accept.Show()
		c.edit.Hide()
		c.reopen.Hide()
	}
}

// showDimensions lists the tension's dimensions with their positions; each
// is a button to the dimension's row, where the team may move a slider.
func (c *tensionCard) showDimensions(t canvas.Tension) {
	e := c.p.e
	if len(c.dims.Objects) != len(t.Dimensions) {
		c.dims.Objects = nil
		for _, key := range t.Dimensions {
			b := e.ui.newKeyButton("", theme.NavigateNextIcon(), func() { e.focusRow(e.rowOf(key)) })
			b.Importance = widget.LowImportance
			b.Alignment = widget.ButtonAlignLeading
			c.dims.Objects = append(c.dims.Objects, b)
		}
		c.dims.Refresh()
	}
	for i, key := range t.Dimensions {
		b := c.dims.Objects[i].(*keyButton)
		label := e.ui.T("app.tensions.dimension", c.dimName(key), tensionValue(e.s, key, t.Values[i]))
		if b.Text != label {
			b.SetText(label)
		}
	}
}

func (c *tensionCard) dimName(key string) string {
	if d, ok := c.p.e.s.Dimension(key); ok {
		return c.p.e.ui.dimText(d).Name
	}
	return key
}

// tensionValue is a tension's position of a dimension as the row shows it:
// the agreed value, or "~" and the median not yet agreed.
func tensionValue(s *canvas.Session, key string, v float64) string {
	n := strconv.Itoa(canvas.RoundHalf(v))
	if s.PositionOf(key).Kind == canvas.PositionProposed {
		return "~" + n
	}
	return n
}

func (c *tensionCard) firstButton() fyne.Focusable {
	for _, b := range []*keyButton{c.accept, c.edit} {
		if b.Visible() {
			return b
		}
	}
	return nil
}

// acceptDialog asks why the team accepts the tension of rule, or lets it
// change the reason of one accepted before. The reason is checked as it is
// typed (canvas.CheckTensionReason); Enter accepts, Esc cancels. Accepting
// is one undo step.
func (p *tensionsPanel) acceptDialog(rule string) {
	e, u := p.e, p.e.ui
	txt, _ := u.words().Tension(rule)
	before, was := e.s.Accepted(rule)
	reason := u.newKeyEntry()
	reason.SetPlaceHolder(u.T("app.tensions.reason.placeholder"))
	reason.Validator = func(s string) error {
		switch err := canvas.CheckTensionReason(s); {
		case err == nil:
			return nil
		case errors.Is(err, canvas.ErrTensionReason):
			return errors.New(u.T("app.tensions.reason.required"))
		default:
			return errors.New(u.T("app.tensions.reason.control"))
		}
	}
	if was {
		reason.SetText(before.Reason)
		// Editing a reason most often adds to it: the cursor starts at its end.
		reason.CursorColumn = len([]rune(before.Reason))
	}
	message := widget.NewLabel(txt.Message)
	message.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{
		widget.NewFormItem(u.T("app.tensions.dialog.tension"), message),
		{Text: u.T("app.tensions.dialog.reason"), Widget: reason, HintText: u.T("app.tensions.reason.hint")},
	}
	confirm := u.T("app.tensions.dialog.accept")
	if was {
		confirm = u.T("app.dialog.save")
	}
	d := u.formDialog(u.T("app.tensions.dialog.title", txt.Name), confirm, u.T("app.dialog.cancel"), items, func(ok bool) {
		why := strings.TrimSpace(reason.Text)
		if !ok || (was && why == before.Reason) {
			return
		}
		if e.apply(u.T("app.op.accept-tension"), canvas.AcceptTension{Rule: rule, Reason: why}) {
			e.owner.Seal()
			p.focus(rule)
		}
	})
	d.Resize(u.dialogSize(560, 280))
	d.Show()
	u.win.Canvas().Focus(reason)
}

// reopen takes the team's acceptance back, one undo step.
func (p *tensionsPanel) reopen(rule string) {
	if p.e.apply(p.e.ui.T("app.op.reopen-tension"), canvas.ReopenTension{Rule: rule}) {
		p.e.owner.Seal()
		p.focus(rule)
	}
}

// focus puts the focus on the first button of rule's card, whose button
// pressed last may have just hidden.
func (p *tensionsPanel) focus(rule string) {
	if c := p.cards[rule]; c != nil {
		if b := c.firstButton(); b != nil {
			p.e.ui.win.Canvas().Focus(b)
		}
	}
}
