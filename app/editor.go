package app

import (
	"slices"
	"strconv"
	"sync"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// editor shows one session: a row per dimension, the profile chart, the
// ToB index, guidance, participants and the discussion agenda. Every
// change goes through owner (see change.go) and is handed to an autosaver;
// nothing needs a save button.
type editor struct {
	ui *UI
	// owner holds the session and its undo history, for as long as the
	// session is open.
	owner *canvas.Owner
	// s is the UI thread's copy of the session, replaced from the owner
	// after each change (see sync). The UI reads it and never changes it:
	// the owner may change the session from another goroutine meanwhile.
	s      *canvas.Session
	saver  *store.Autosaver
	state  saveState
	closed bool

	stopListening func()
	// inbox collects the changes heard until the UI thread draws them.
	inboxMu   sync.Mutex
	inbox     canvas.Change
	inboxFull bool
	// timerSettings are the settings the timer was last configured with.
	timerSettings canvas.Settings

	rows     []*dimRow
	selected int
	scroll   *container.Scroll
	chart    *chartView
	index    *fynecanvas.Text
	// indexLine holds "ToB index", the number and its label.
	indexLine *fyne.Container
	label     *widget.Label
	status    *widget.Label
	notice    *widget.Label
	banner    *fyne.Container
	bannerTx  *widget.Label
	tabs      *container.AppTabs
	// toolbar holds the top bar's buttons, the first stop of F6.
	toolbar *fyne.Container
	title   *widget.Label
	product *widget.Label

	guideTitle *widget.Label
	guideBody  *widget.RichText

	people  *participantsPanel
	agenda  *agendaPanel
	actions *actionsPanel
	// tensions is the Tensions tab and the rows' markers (tensions.go).
	tensions *tensionsPanel
	// phones serves the open blind round to phones; nil when it does not
	// (round_phones.go).
	phones *phoneRound

	content fyne.CanvasObject
}

func newEditor(u *UI, s *canvas.Session) *editor {
	e := &editor{ui: u, owner: canvas.NewOwner(s, u.opt.Now)}
	e.s = e.owner.Snapshot()
	s = e.s
	e.timerSettings = s.Settings
	e.saver = e.newSaver()
	e.build()
	e.selectRow(0)
	e.stopListening = e.owner.Listen(e.heard)
	return e
}

// build makes the editor's widgets, in the interface's language, and draws
// the session into them (see rebuild for a language switch).
func (e *editor) build() {
	u, s := e.ui, e.s
	e.chart = newChartView(e.ui, func() *canvas.Session { return e.s })
	e.index = fynecanvas.NewText("", theme.Color(theme.ColorNamePrimary))
	e.index.TextSize = 28
	e.index.TextStyle.Bold = true
	e.label = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.status = widget.NewLabel("")
	e.notice = widget.NewLabel("")
	e.notice.Truncation = fyne.TextTruncateEllipsis
	e.notice.Hide()

	e.guideTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.guideTitle.Wrapping = fyne.TextWrapWord
	e.guideBody = widget.NewRichText()
	e.guideBody.Wrapping = fyne.TextWrapWord

	// The rows go into the box in one step: Container.Add lays the whole
	// box out again on every call, measuring every row's text each time.
	var rows []fyne.CanvasObject
	lastGroup := ""
	for i, d := range s.Dimensions {
		if d.Group != lastGroup {
			lastGroup = d.Group
			h := widget.NewLabelWithStyle(u.words().Group(d.Group), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			h.Importance = widget.HighImportance
			rows = append(rows, h)
		}
		row := e.newRow(i, d)
		e.rows = append(e.rows, row)
		rows = append(rows, row.box, widget.NewSeparator())
	}
	rows = append(rows, e.addDimensionButton())
	e.scroll = container.NewVScroll(container.NewVBox(rows...))

	// Sessions leaves through the one way out, like every other exit. The
	// toolbar's buttons pass F6 and F1 on, so the keyboard can leave it.
	back := u.newKeyButton(u.T("app.editor.sessions"), theme.NavigateBackIcon(), u.ShowHome)
	e.title = widget.NewLabelWithStyle(s.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.title.Truncation = fyne.TextTruncateEllipsis
	e.product = widget.NewLabel(s.Product)
	e.product.Truncation = fyne.TextTruncateEllipsis
	saveBtn := u.newKeyButton("", theme.DocumentSaveIcon(), e.saveNow)
	exportBtn := u.newKeyButton(u.T("app.editor.export-pdf"), theme.DocumentPrintIcon(), func() { u.exportDialog(exportPDF) })
	roundBtn := u.newKeyButton(u.T("app.editor.start-round"), theme.MediaPlayIcon(), u.startRoundDialog)
	presentBtn := u.newKeyButton(u.T("app.editor.present"), theme.ViewFullScreenIcon(), u.Present)
	settingsBtn := u.newKeyButton("", theme.SettingsIcon(), u.settingsDialog)
	top := container.NewBorder(nil, nil, back,
		container.NewHBox(u.timer.view, e.status, saveBtn, roundBtn, presentBtn, exportBtn, settingsBtn),
		container.NewGridWithColumns(2, e.title, e.product))
	e.toolbar = top

	e.bannerTx = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.banner = container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()),
		container.NewHBox(
			u.newKeyButton(u.T("app.editor.continue-round"), theme.MediaPlayIcon(), u.continueRound),
			u.newKeyButton(u.T("app.editor.reveal"), theme.VisibilityIcon(), u.reveal),
		), e.bannerTx)

	largeBtn := u.newKeyButton(u.T("app.editor.larger-chart"), theme.ZoomInIcon(), u.showLargeChart)
	// The label gives way first (…) where the panel is narrow, so the
	// index line never widens the window: 1366×768 at FYNE_SCALE=1.5 is
	// 910 units wide.
	e.label.Truncation = fyne.TextTruncateEllipsis
	e.indexLine = container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel(u.T("app.editor.index")), e.index), nil, e.label)
	// The open tensions' count stays in sight beside the index where the
	// Tensions tab's title is cut off (1366×768 at FYNE_SCALE=1.5).
	e.tensions = newTensionsPanel(e)
	indexBox := container.NewBorder(nil, nil, nil, container.NewHBox(e.tensions.badge, largeBtn), e.indexLine)
	guidance := widget.NewCard("", "", container.NewVBox(e.guideTitle, e.guideBody))
	charts := container.NewVSplit(container.NewVScroll(e.chart), container.NewVScroll(guidance))
	charts.Offset = 0.68
	e.people = newParticipantsPanel(e)
	e.agenda = newAgendaPanel(e)
	e.actions = newActionsPanel(e)
	e.tabs = container.NewAppTabs(
		container.NewTabItem(u.T("app.editor.tab.profile"), container.NewBorder(indexBox, nil, nil, nil, charts)),
		container.NewTabItem(u.T("app.editor.tab.participants"), e.people.content),
		container.NewTabItem(u.T("app.editor.tab.agenda"), e.agenda.content),
		e.actions.tab,
		e.tensions.tab,
	)
	split := container.NewHSplit(e.scroll, e.tabs)
	split.Offset = 0.55
	e.content = container.NewBorder(container.NewVBox(top, e.banner, widget.NewSeparator()), e.notice, nil, nil, split)

	e.refreshAll()
}

// refreshAll mirrors the whole session into the screen when the editor is
// built; later changes redraw what they touch (see show).
func (e *editor) refreshAll() {
	for _, r := range e.rows {
		r.refresh()
	}
	e.refreshIndex()
	e.chart.Refresh()
	e.people.refresh()
	e.agenda.refresh()
	e.actions.refresh()
	e.tensions.refresh()
	e.refreshBanner()
}

func (e *editor) refreshBanner() {
	if !e.s.InRound() {
		e.banner.Hide()
		return
	}
	r := e.s.Round
	key := "app.editor.banner.blind"
	if r.Mode == canvas.RoundRecord {
		key = "app.editor.banner.recorded"
	}
	e.bannerTx.SetText(e.ui.T(key, len(r.Done), len(r.Order)))
	e.banner.Show()
}

// setCurrent applies a move of row i's slider. A notification that puts
// the model's value back into the slider finds it equal and applies
// nothing, so redrawing never feeds back into the history.
func (e *editor) setCurrent(i int, v int) {
	r := e.rows[i]
	if cur := e.s.Position(r.dim.Key).Current; cur == nil || *cur != v {
		e.apply(e.ui.T("app.op.set-position"), canvas.SetCurrent{Dimension: r.dim.Key, Value: &v})
	}
	e.selectRow(i)
}

func (e *editor) setTarget(i int, v int) {
	r := e.rows[i]
	if cur := e.s.Position(r.dim.Key).Target; cur == nil || *cur != v {
		e.apply(e.ui.T("app.op.set-target"), canvas.SetTarget{Dimension: r.dim.Key, Value: &v})
	}
	e.selectRow(i)
}

// setNote applies each keystroke, so autosave keeps every letter; the
// owner merges them into one undo step until the note loses focus.
func (e *editor) setNote(i int, text string) {
	key := e.rows[i].dim.Key
	if e.s.Position(key).Note != text {
		e.apply(e.ui.T("app.op.set-note"), canvas.SetNote{Dimension: key, Note: text})
	}
}

func (e *editor) refreshIndex() {
	idx := e.s.Index()
	number, band := "–", e.ui.T("app.editor.index.none")
	if idx.Valid {
		number, band = strconv.Itoa(canvas.RoundHalf(idx.Value)), e.ui.words().Band(idx.Band())
	}
	// Every step of a slider comes here, and most leave the rounded index
	// as it was: laying the line out again costs more than the rest of
	// the step.
	if number == e.index.Text && band == e.label.Text {
		return
	}
	e.index.Text = number
	e.label.Text = band
	// The number's width changes with it ("–" to "49"): lay the line out
	// again, or the label overlaps it. This refreshes the three texts too.
	e.indexLine.Refresh()
}

// selectRow shows the guidance of row i for the pole its position leans to.
func (e *editor) selectRow(i int) {
	if i < 0 || i >= len(e.rows) {
		return
	}
	if i != e.selected {
		e.ui.timer.dimensionChanged()
	}
	e.selected = i
	d := e.rows[i].dim
	txt := e.ui.dimText(d)
	// The guidance follows the position the index counts: the agreed
	// value, or else the median, said as such.
	pos := e.s.PositionOf(d.Key)
	ok := pos.Kind != canvas.PositionNone
	val := canvas.RoundHalf(pos.Value)
	v := &val
	w := e.ui.words()
	shown := strconv.Itoa(val)
	if pos.Kind == canvas.PositionProposed {
		shown = w.T("app.editor.guide.median", val)
	}
	lean := w.T("app.editor.guide.not-placed")
	var segs []widget.RichTextSegment
	tocPart := []widget.RichTextSegment{
		&widget.TextSegment{Text: w.T("app.editor.guide.toc", txt.ToC), Style: poleHeading},
		&widget.TextSegment{Text: txt.GuidanceToC, Style: widget.RichTextStyleParagraph},
	}
	tobPart := []widget.RichTextSegment{
		&widget.TextSegment{Text: w.T("app.editor.guide.tob", txt.ToB), Style: poleHeading},
		&widget.TextSegment{Text: txt.GuidanceToB, Style: widget.RichTextStyleParagraph},
	}
	switch {
	case !ok:
		segs = append(tocPart, tobPart...)
	case canvas.LeanOf(float64(*v)) == canvas.LeanToC:
		lean = w.T("app.editor.guide.leans-toc", shown)
		segs = tocPart
	case canvas.LeanOf(float64(*v)) == canvas.LeanToB:
		lean = w.T("app.editor.guide.leans-tob", shown)
		segs = tobPart
	default:
		lean = w.T("app.editor.guide.hybrid", shown)
		segs = append(tocPart, tobPart...)
	}
	setText(e.guideTitle, w.T("app.editor.guide.title", txt.Name, lean))
	// The body changes only with the dimension or the side it leans to;
	// wrapping its paragraphs again at every step of a slider was a third
	// of the step.
	if !sameTexts(e.guideBody.Segments, segs) {
		e.guideBody.Segments = segs
		e.guideBody.Refresh()
	}
}

// sameTexts says whether two lists of segments read the same.
func sameTexts(a, b []widget.RichTextSegment) bool {
	return slices.EqualFunc(a, b, func(x, y widget.RichTextSegment) bool { return x.Textual() == y.Textual() })
}

// focusRow scrolls row i into view, selects it and focuses its slider, as
// the agenda does when the facilitator clicks a dimension.
func (e *editor) focusRow(i int) {
	if i < 0 || i >= len(e.rows) {
		return
	}
	r := e.rows[i]
	e.scroll.Offset = fyne.NewPos(0, r.box.Position().Y)
	e.scroll.Refresh()
	e.tabs.SelectIndex(0)
	e.selectRow(i)
	e.ui.win.Canvas().Focus(r.slider)
}

// rowFocused selects row i when one of its fields gains focus, and
// scrolls the row into view, so Tab never leaves the focus off screen.
func (e *editor) rowFocused(i int) {
	e.selectRow(i)
	box := e.rows[i].box
	y, h := box.Position().Y, box.Size().Height
	view := e.scroll.Size().Height
	switch {
	case view <= 0:
	case i == 0 && e.scroll.Offset.Y > 0:
		// The first row's group heading sits above it.
		e.scroll.Offset.Y = 0
		e.scroll.Refresh()
	case y < e.scroll.Offset.Y:
		e.scroll.Offset.Y = y
		e.scroll.Refresh()
	case y+h > e.scroll.Offset.Y+view:
		e.scroll.Offset.Y = min(y, y+h-view)
		e.scroll.Refresh()
	}
}

// editorKeys are the editor's keys that Fyne's focus traversal handles.
var editorKeys = []keyHelp{
	{"Tab", "app.keys.tab"},
	{"Shift+Tab", "app.keys.shift-tab"},
	{"Space", "app.keys.space"},
}

func (e *editor) rowOf(key string) int {
	for i, r := range e.rows {
		if r.dim.Key == key {
			return i
		}
	}
	return -1
}

// poleHeading starts a pole's guidance on its own line.
var poleHeading = widget.RichTextStyle{TextStyle: fyne.TextStyle{Bold: true}, ColorName: theme.ColorNamePrimary}

// spectrumLayout gives the outer objects a quarter of the width each, or
// minSide if more, and the slider the rest, so sliders line up from row
// to row. minSide is the target check box's width: at 1024 pixels or at
// scale 1.5 a quarter was too narrow for it and its label ran under the
// slider.
type spectrumLayout struct{ minSide float32 }

func (l *spectrumLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(max(320, 2*l.minSide+120), h)
}

func (l *spectrumLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	side := max(size.Width/4, l.minSide)
	mid := size.Width - 2*side - 2*pad
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(side, size.Height))
	sh := objs[1].MinSize().Height
	objs[1].Move(fyne.NewPos(side+pad, (size.Height-sh)/2))
	objs[1].Resize(fyne.NewSize(mid, sh))
	objs[2].Move(fyne.NewPos(side+mid+2*pad, 0))
	objs[2].Resize(fyne.NewSize(side, size.Height))
}
