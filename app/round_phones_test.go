package app

import (
	"bytes"
	"image/png"
	"net"
	"net/http"
	"net/http/cookiejar"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// phoneClient is a participant's phone in a UI test: a real HTTP client.
type phoneClient struct {
	t   *testing.T
	c   *http.Client
	url string
}

func newPhoneClient(t *testing.T, url string) *phoneClient {
	jar, _ := cookiejar.New(nil)
	return &phoneClient{t: t, url: url, c: &http.Client{Jar: jar, Timeout: 10 * time.Second}}
}

func (p *phoneClient) send(method, path, body string) int {
	p.t.Helper()
	code := p.sendQuiet(method, path, body)
	if code == 0 {
		p.t.Fatalf("%s %s: no response", method, path)
	}
	return code
}

// sendQuiet returns the status, 0 when no response came.
func (p *phoneClient) sendQuiet(method, path, body string) int {
	req, err := http.NewRequest(method, p.url+path, strings.NewReader(body))
	if err != nil {
		return 0
	}
	resp, err := p.c.Do(req)
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

// waitFor polls cond on the UI thread until it holds; the bound only ends
// a hung test. Changes from the server's goroutines reach the screen
// through fyne.Do.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		ok := false
		fyne.DoAndWait(func() { ok = cond() })
		if ok {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// phoneRoundUI starts a phone round through the Start round dialog.
func phoneRoundUI(t *testing.T) *UI {
	t.Helper()
	u, st := startFacilitation(t, filepath.Join(t.TempDir(), "p.db"))
	t.Cleanup(func() { st.Close() })
	if err := u.createSession(canvas.TemplateQuick, "Ronda con teléfonos", "Nubia CRM", "Marta"); err != nil {
		t.Fatal(err)
	}
	addPeople(t, u, [2]string{"Ana García", "Ventas"}, [2]string{"李伟", "产品经理"}, [2]string{"Sam", ""})
	c := u.Window().Canvas()
	u.startRoundDialog()
	dlg := c.Overlays().Top()
	radios := renderedOf[*keyRadio](dlg)
	if len(radios) != 1 {
		t.Fatalf("%d radios in the round dialog", len(radios))
	}
	radios[0].SetSelected(u.T("app.round.mode.phones"))
	test.Tap(buttonIn(t, dlg, "Start"))
	t.Cleanup(func() { u.editor.stopPhones() })
	if !u.editor.phonesServing() || u.phoneScreen == nil {
		t.Fatalf("no phone round: %+v", u.editor.phones)
	}
	return u
}

// The join screen shows a QR code that decodes to the join URL, the short
// address and the code, and everyone's status.
func TestJoinScreen(t *testing.T) {
	u := phoneRoundUI(t)
	srv := u.editor.phones.srv
	content := u.Window().Content()
	texts := textsOf(rendered(content))
	for _, want := range []string{srv.Address(), srv.Code(), "Join the round on your phone", "0 of 3 have placed."} {
		if !hasText(texts, want) {
			t.Fatalf("join screen lacks %q: %q", want, texts)
		}
	}
	waiting := 0
	for _, l := range renderedOf[*widget.Label](content) {
		if l.Text == "waiting" {
			waiting++
		}
	}
	if waiting != 3 {
		t.Fatalf("%d people waiting, want 3: %q", waiting, texts)
	}
	qr := u.phoneScreen.qr
	if qr == nil || !slices.Contains(renderedOf[*fynecanvas.Image](content), qr) {
		t.Fatal("the join screen shows no QR code")
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, qr.Image); err != nil {
		t.Fatal(err)
	}
	zbar, err := exec.LookPath("zbarimg")
	if err != nil {
		if os.Getenv("FULCRUM_REQUIRE_TOOLS") != "" {
			t.Fatal("zbarimg is missing (Debian package zbar-tools)")
		}
		t.Skip("zbarimg is missing (Debian package zbar-tools)")
	}
	path := filepath.Join(t.TempDir(), "qr.png")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(zbar, "--quiet", "--raw", path).Output()
	if err != nil || strings.TrimSpace(string(out)) != srv.URL() {
		t.Fatalf("the QR code reads %q (%v), want %q", out, err, srv.URL())
	}
	if !strings.HasPrefix(srv.URL(), "http://127.0.0.1:") {
		t.Fatalf("the test server is not on loopback: %s", srv.URL())
	}
}

// Progress is live: a phone joining and answering shows on the join
// screen, never with a value; a release frees the name; the reveal stops
// the server, and nothing answers any more.
func TestJoinScreenLiveProgress(t *testing.T) {
	u := phoneRoundUI(t)
	e := u.editor
	srv := e.phones.srv
	ana := e.s.Round.Order[0]
	phone := newPhoneClient(t, srv.URL())
	if code := phone.send("POST", "api/claim", `{"participant":"`+ana+`"}`); code != http.StatusOK {
		t.Fatalf("claim: %d", code)
	}
	screenHas := func(want string) func() bool {
		return func() bool { return hasText(textsOf(rendered(u.Window().Content())), want) }
	}
	waitFor(t, "Ana on a phone", screenHas("on a phone"))
	for i, k := range e.s.Round.Dimensions {
		if code := phone.send("PUT", "api/placements/"+k, `{"value": `+[]string{"13", "27", "41", "55", "69", "83", "97", "11"}[i]+`}`); code != http.StatusNoContent {
			t.Fatalf("answer %s: %d", k, code)
		}
	}
	waitFor(t, "1 of 3 done", screenHas("1 of 3 have placed."))
	texts := strings.Join(textsOf(rendered(u.Window().Content())), "\n")
	for _, v := range []string{"13", "27", "41", "97"} {
		if regexp.MustCompile(`\b` + v + `\b`).MatchString(texts) {
			t.Fatalf("the join screen shows the value %s:\n%s", v, texts)
		}
	}
	if !strings.Contains(texts, "done") {
		t.Fatalf("Ana is not shown done:\n%s", texts)
	}

	// Li takes the laptop instead; the join screen comes back after.
	sam := e.s.Round.Order[2]
	phone2 := newPhoneClient(t, srv.URL())
	if code := phone2.send("POST", "api/claim", `{"participant":"`+sam+`"}`); code != http.StatusOK {
		t.Fatalf("claim: %d", code)
	}
	waitFor(t, "Sam joined", func() bool { return len(srv.Progress().Joined) == 2 })
	fyne.DoAndWait(func() { u.releaseClaim(sam) })
	dlg := u.Window().Canvas().Overlays().Top()
	test.Tap(buttonIn(t, dlg, "Yes"))
	if code := phone2.send("PUT", "api/placements/"+e.s.Round.Dimensions[0], `{"value": 5}`); code != http.StatusUnauthorized {
		t.Fatalf("answer after release: %d", code)
	}

	test.Tap(buttonIn(t, u.Window().Content(), "Reveal every marker"))
	if dlg := u.Window().Canvas().Overlays().Top(); dlg != nil {
		test.Tap(buttonIn(t, dlg, "Yes")) // not everyone has placed
	}
	if e.s.InRound() || e.phones != nil {
		t.Fatal("the reveal left the round or the server open")
	}
	if _, err := net.DialTimeout("tcp", strings.TrimSuffix(strings.TrimPrefix(srv.Address(), "http://"), "/"), time.Second); err == nil {
		t.Fatal("the phone server still listens after the reveal")
	}
	if pl, ok := e.s.Placement(ana, e.s.Round.Dimensions[0]); !ok || pl.Value != 13 {
		t.Fatalf("Ana's answer after the reveal: %+v %v", pl, ok)
	}
}

// The "done when": ten people answer on their phones while one
// takes the laptop, in the same round; the projector shows only who is
// done; the reveal shows all eleven, and afterwards nothing answers.
func TestTenPhonesAndTheLaptop(t *testing.T) {
	u, st := startFacilitation(t, filepath.Join(t.TempDir(), "p.db"))
	t.Cleanup(func() { st.Close() })
	if err := u.createSession(canvas.TemplateQuick, "Q4", "Nubia CRM", "Marta"); err != nil {
		t.Fatal(err)
	}
	e := u.editor
	names := []string{"Ana", "李伟", "Sam", "María", "王芳", "Luis", "Grace", "陈静", "Tomás", "Aiko", "Noor"}
	for _, n := range names {
		if !e.apply("add", canvas.AddParticipant{Name: n}) {
			t.Fatal("add participant")
		}
	}
	dims := []string{e.s.Dimensions[0].Key, e.s.Dimensions[1].Key}
	u.beginPhoneRound(dims, nil)
	t.Cleanup(func() { e.stopPhones() })
	srv := e.phones.srv
	order := append([]string(nil), e.s.Round.Order...)
	value := func(i, j int) int { return 12 + (i*9+j*31)%88 } // never 10 or 11, the count's numbers
	for i, id := range order[:10] {
		p := newPhoneClient(t, srv.URL())
		if code := p.send("POST", "api/claim", `{"participant":"`+id+`"}`); code != http.StatusOK {
			t.Fatalf("claim %s: %d", names[i], code)
		}
		for j, k := range dims {
			if code := p.send("PUT", "api/placements/"+k, `{"value": `+strconv.Itoa(value(i, j))+`}`); code != http.StatusNoContent {
				t.Fatalf("%s answers %s: %d", names[i], k, code)
			}
		}
	}
	waitFor(t, "ten done", func() bool { return u.phoneScreen != nil && u.phoneScreen.count.Text == "10 of 11 have placed." })
	// What the join screen says about people: names, statuses, the count.
	texts := strings.Join(textsOf(rendered(u.phoneScreen.progress)), "\n") + "\n" + u.phoneScreen.count.Text
	for i := range 10 {
		for j := range dims {
			if regexp.MustCompile(`\b` + strconv.Itoa(value(i, j)) + `\b`).MatchString(texts) {
				t.Fatalf("the projector shows the value %d:\n%s", value(i, j), texts)
			}
		}
	}

	// Noor has no phone: the laptop, from the join screen.
	fyne.DoAndWait(u.pickLaptopTurn)
	dlg := u.Window().Canvas().Overlays().Top()
	test.Tap(buttonIn(t, dlg, "Hand over"))
	c := u.Window().Canvas()
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	sliders := renderedOf[*spectrumSlider](u.Window().Content())
	if len(sliders) != 2 {
		t.Fatalf("Noor's private screen has %d sliders", len(sliders))
	}
	for j, sl := range sliders {
		sl.SetValue(float64(value(10, j)))
	}
	test.Tap(buttonIn(t, u.Window().Content(), u.T("app.round.done")))
	if u.phoneScreen == nil || u.phoneScreen.count.Text != "11 of 11 have placed." {
		t.Fatalf("after the laptop's turn the join screen is not back with everyone done: %v", textsOf(rendered(u.Window().Content())))
	}

	test.Tap(buttonIn(t, u.Window().Content(), "Reveal every marker"))
	if !e.s.PlacementsVisible() || e.phones != nil {
		t.Fatal("the reveal did not reveal, or left the server running")
	}
	for i, id := range order {
		for j, k := range dims {
			if pl, ok := e.s.Placement(id, k); !ok || pl.Value != value(i, j) {
				t.Fatalf("%s on %s after the reveal: %+v %v, want %d", names[i], k, pl, ok, value(i, j))
			}
		}
	}
	if _, err := net.DialTimeout("tcp", strings.TrimSuffix(strings.TrimPrefix(srv.Address(), "http://"), "/"), time.Second); err == nil {
		t.Fatal("an address still answers after the reveal")
	}
}
