//go:build unix

package phones_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/app/phones"
	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// The browser tests load the real pages from the real server in headless
// Chromium at 390×844 and answer through real input (taps and arrow keys
// on a focused slider), then look in the session through the Owner.

// browserRoom is a session of the full template with four people and a
// blind round on every dimension, served on loopback in tag's language.
type browserRoom struct {
	owner *canvas.Owner
	srv   *phones.Server
	ids   []string
	dims  []string
}

func newBrowserRoom(t *testing.T, tag lang.Tag) *browserRoom {
	t.Helper()
	s, err := canvas.NewSession(canvas.TemplateFull, "Nubia CRM · Q4 评审", "Nubia CRM", time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"Ana García", "陈静", "María José Rodríguez-Villanueva", "Grace"} {
		if _, err := s.AddParticipant(n, ""); err != nil {
			t.Fatal(err)
		}
	}
	o := canvas.NewOwner(s, nil)
	if err := o.Apply(canvas.StartRound{Mode: canvas.RoundBlind, At: time.Now()}); err != nil {
		t.Fatal(err)
	}
	srv, err := phones.Start(phones.Config{Owner: o, Words: lang.For(tag), Addr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	r := &browserRoom{owner: o, srv: srv}
	o.Read(func(s *canvas.Session) {
		r.ids = append(r.ids, s.Round.Order...)
		r.dims = append(r.dims, s.Round.Dimensions...)
	})
	return r
}

// placement is what the session holds for one participant and dimension.
func (r *browserRoom) placement(id, dim string) (pl canvas.Placement, ok bool) {
	r.owner.Read(func(s *canvas.Session) { pl, ok = s.Placement(id, dim) })
	return pl, ok
}

// shotsDir is where screenshots go: FULCRUM_SHOTS when set, else a
// temporary directory.
func shotsDir(t *testing.T) string {
	if d := os.Getenv("FULCRUM_SHOTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

// card is the CSS selector of a dimension's card, plus sub.
func card(dim, sub string) string { return "#card-" + dim + " " + sub }

// cardSaved is a script: the card arguments[0] says its answer is saved.
const cardSaved = `var c = document.getElementById('card-' + arguments[0]);
return c !== null && c.querySelector('.st.ok') !== null`

// checkFits fails when the page is wider than the screen, or a control
// is smaller than 44×44 px, at 390 and at 360 px wide.
func checkFits(t *testing.T, c *chrome, where string) {
	t.Helper()
	for _, w := range []int{narrowWidth, phoneWidth} {
		c.width(w)
		c.waitFor(fmt.Sprintf("a %d px screen", w), `return screen.width === arguments[0]`, w)
		var problems []string
		// A mobile browser widens the page's viewport to fit content
		// wider than the screen, so innerWidth is compared too.
		c.eval(`var out = [], w = arguments[0];
var doc = document.documentElement;
var wide = Math.max(doc.scrollWidth, window.innerWidth);
if (wide > w) out.push('the page is ' + wide + ' px wide');
document.querySelectorAll('.card, .names, h1, p').forEach(function (e) {
  if (e.scrollWidth > e.clientWidth + 1) out.push((e.id || e.className || e.tagName) + ' overflows: ' + e.scrollWidth + ' > ' + e.clientWidth);
});
document.querySelectorAll('button, input, textarea').forEach(function (e) {
  var r = e.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return; // not shown
  if (r.width < 44 || r.height < 44) out.push(e.tagName + ' "' + (e.textContent || e.type) + '" is ' + Math.round(r.width) + 'x' + Math.round(r.height));
});
return out;`, &problems, w)
		for i, p := range problems {
			if i == 10 {
				t.Errorf("%s at %d px: and %d more", where, w, len(problems)-i)
				break
			}
			t.Errorf("%s at %d px: %s", where, w, p)
		}
	}
}

func TestPhonePageInBrowser(t *testing.T) {
	driver, browser := browserTools(t)
	phone := newChrome(t, startDriver(t, driver), browser)
	shots := shotsDir(t)
	for _, tag := range []lang.Tag{lang.EN, lang.ZH, lang.ES} {
		t.Run(string(tag), func(t *testing.T) {
			r := newBrowserRoom(t, tag)
			w := lang.For(tag)
			c := phone.on(t)
			c.open(r.srv.URL())
			c.waitFor("the names", `return document.querySelectorAll('.names button').length === arguments[0]`, len(r.ids))
			var title, htmlLang string
			c.eval(`return document.title`, &title)
			c.eval(`return document.documentElement.lang`, &htmlLang)
			if want := w.T("phone.round.title", "Nubia CRM · Q4 评审"); title != want {
				t.Errorf("title = %q, want %q", title, want)
			}
			if !strings.HasPrefix(htmlLang, string(tag)) {
				t.Errorf("<html lang=%q>, want %s", htmlLang, tag)
			}
			checkFits(t, c, "the names")
			c.screenshot(filepath.Join(shots, "phone-names-"+string(tag)+".png"))

			c.tap(".names button") // the first name: the round's first person
			c.waitFor("the cards", `return document.querySelectorAll('.card').length === arguments[0]`, len(r.dims))
			var size int
			c.eval(`var n = 0;
performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).forEach(function (e) { n += e.transferSize; });
return n`, &size)
			t.Logf("%s: the page, its words and data, and the claim took %d bytes", tag, size)
			if size <= 0 || size > 60<<10 {
				t.Errorf("the page took %d bytes to load; the issue allows 60 KB", size)
			}
			checkFits(t, c, "the cards")
			c.screenshot(filepath.Join(shots, "phone-round-"+string(tag)+".png"))

			// A slider moved with the keyboard: three steps right of the
			// middle.
			first, second := r.dims[0], r.dims[1]
			c.typeInto(card(first, "input[type=range]"), keyRight+keyRight+keyRight)
			c.waitFor("the slider's answer saved", cardSaved, first)
			if pl, ok := r.placement(r.ids[0], first); !ok || pl.Value != 53 {
				t.Errorf("%s in the session = %+v, %v; want value 53", first, pl, ok)
			}

			// An untouched slider answered where it is, with a confidence
			// and a reason.
			c.tap(card(second, ".place"))
			c.tap(card(second, `.conf button[data-v="4"]`))
			note := map[lang.Tag]string{lang.EN: "We sell to teams", lang.ZH: "我们卖给团队", lang.ES: "Vendemos a equipos"}[tag]
			c.typeInto(card(second, "textarea"), note)
			c.tap(card(second, "h2")) // leaving the note sends it at once
			c.waitFor("the second answer saved", `var c = document.getElementById('card-' + arguments[0]);
return c.querySelector('.st.ok') !== null && c.querySelector('textarea').value === arguments[1]`, second, note)
			if pl, ok := r.placement(r.ids[0], second); !ok || pl.Value != 50 || pl.Confidence != 4 || pl.Note != note {
				t.Errorf("%s in the session = %+v, %v; want 50, confidence 4, note %q", second, pl, ok, note)
			}
			var progress string
			c.eval(`return document.getElementById('prog').textContent`, &progress)
			if want := w.T("phone.progress", 2, len(r.dims)); progress != want {
				t.Errorf("progress reads %q, want %q", progress, want)
			}
			c.eval(`window.scrollTo(0, 0)`, nil)
			c.screenshot(filepath.Join(shots, "phone-answered-"+string(tag)+".png"))
			for _, id := range r.ids[1:] {
				for _, d := range r.dims {
					if pl, ok := r.placement(id, d); ok {
						t.Errorf("%s has a placement on %s (%+v) nobody made", id, d, pl)
					}
				}
			}
		})
	}
}
