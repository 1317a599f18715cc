//go:build unix

package phones_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/app/phones"
	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// TestJoinPageInBrowser types a wrong code, then the right one in lower
// case, on the page at the short address, and lands on the round.
func TestJoinPageInBrowser(t *testing.T) {
	driver, browser := browserTools(t)
	phone := newChrome(t, startDriver(t, driver), browser)
	shots := shotsDir(t)
	for _, tag := range []lang.Tag{lang.EN, lang.ZH, lang.ES} {
		t.Run(string(tag), func(t *testing.T) {
			r := newBrowserRoom(t, tag)
			w := lang.For(tag)
			c := phone.on(t)
			c.open(r.srv.Address())
			c.waitFor("the join page", `return document.getElementById('go').textContent === arguments[0]`, w.T("phone.join.submit"))
			checkFits(t, c, "the join page")
			c.screenshot(filepath.Join(shots, "phone-join-"+string(tag)+".png"))

			wrong := "ZZZZZZ"
			if r.srv.Code() == wrong {
				wrong = "YYYYYY"
			}
			c.typeInto("#code", strings.ToLower(wrong))
			c.tap("#go")
			c.waitFor("the wrong-code message", `return document.getElementById('msg').textContent === arguments[0]`, w.T("phone.join.wrong"))
			c.screenshot(filepath.Join(shots, "phone-join-wrong-"+string(tag)+".png"))

			c.clear("#code")
			c.typeInto("#code", strings.ToLower(r.srv.Code()))
			c.tap("#go")
			c.waitFor("the round's names", `return location.pathname.indexOf('/r/') === 0 && document.querySelectorAll('.names button').length === arguments[0]`, len(r.ids))
			var href string
			c.eval(`return location.href`, &href)
			if href != r.srv.URL() {
				t.Errorf("the join page led to %s, want %s", href, r.srv.URL())
			}
		})
	}
}

// TestPhonePageResumesAndRecovers: a reload shows the laptop's answers and
// what the phone had not sent; a released name leads back to the names,
// and claiming it again sends the answer that was refused.
func TestPhonePageResumesAndRecovers(t *testing.T) {
	driver, browser := browserTools(t)
	r := newBrowserRoom(t, lang.EN)
	w := lang.For(lang.EN)
	c := newChrome(t, startDriver(t, driver), browser)
	c.open(r.srv.URL())
	c.waitFor("the names", `return document.querySelectorAll('.names button').length > 0`)
	c.tap(".names button")
	c.waitFor("the cards", `return document.querySelectorAll('.card').length === arguments[0]`, len(r.dims))
	first, second := r.dims[0], r.dims[1]
	c.typeInto(card(first, "input[type=range]"), keyLeft+keyLeft)
	c.waitFor("the answer saved", cardSaved, first)
	// A confidence without a position is kept on the phone, not sent.
	c.tap(card(second, `.conf button[data-v="2"]`))
	c.waitFor("the draft's status", `return document.querySelector('#card-' + arguments[0] + ' .st').textContent === arguments[1]`, second, w.T("phone.status.draft"))
	if pl, ok := r.placement(r.ids[0], second); ok {
		t.Errorf("a confidence alone reached the session: %+v", pl)
	}

	c.open(r.srv.URL())
	c.waitFor("the cards again", `return document.querySelectorAll('.card').length === arguments[0]`, len(r.dims))
	var got struct {
		Value, Progress, Status string
		Unset, Pressed          bool
	}
	c.eval(`var a = document.getElementById('card-' + arguments[0]), b = document.getElementById('card-' + arguments[1]);
return {Value: a.querySelector('input[type=range]').value, Progress: document.getElementById('prog').textContent,
  Status: b.querySelector('.st').textContent, Unset: b.classList.contains('unset'),
  Pressed: b.querySelector('.conf button[data-v="2"]').getAttribute('aria-pressed') === 'true'}`, &got, first, second)
	if want := w.T("phone.progress", 1, len(r.dims)); got.Value != "48" || got.Progress != want {
		t.Errorf("after a reload: %s at %s and %q; want 48 and %q", first, got.Value, got.Progress, want)
	}
	if !got.Unset || !got.Pressed || got.Status != w.T("phone.status.draft") {
		t.Errorf("after a reload the draft on %s is unset %v, confidence 2 pressed %v, status %q", second, got.Unset, got.Pressed, got.Status)
	}

	r.srv.Release(r.ids[0])
	c.typeInto(card(first, "input[type=range]"), keyRight)
	c.waitFor("the names, saying why", `var m = document.querySelector('.msg');
return document.querySelector('.names') !== null && m !== null && m.textContent === arguments[0]`, w.T("phone.names.released"))
	c.screenshot(filepath.Join(shotsDir(t), "phone-released-en.png"))
	if pl, _ := r.placement(r.ids[0], first); pl.Value != 48 {
		t.Fatalf("a released name's answer reached the session: %+v", pl)
	}
	c.tap(".names button")
	c.waitFor("the kept answer saved", cardSaved, first)
	if pl, _ := r.placement(r.ids[0], first); pl.Value != 49 {
		t.Errorf("after claiming again %s = %+v, want 49", first, pl)
	}
}

// TestPhonePageAfterTheRound: after the reveal the page says the round is
// closed; when the laptop cannot be reached, the answer waits on the phone.
func TestPhonePageAfterTheRound(t *testing.T) {
	driver, browser := browserTools(t)
	phone := newChrome(t, startDriver(t, driver), browser)
	shots := shotsDir(t)
	claimed := func(t *testing.T, tag lang.Tag) (*browserRoom, *chrome) {
		r := newBrowserRoom(t, tag)
		c := phone.on(t)
		c.open(r.srv.URL())
		c.waitFor("the names", `return document.querySelectorAll('.names button').length > 0`)
		c.tap(".names button")
		c.waitFor("the cards", `return document.querySelectorAll('.card').length === arguments[0]`, len(r.dims))
		return r, c
	}
	t.Run("revealed", func(t *testing.T) {
		r, c := claimed(t, lang.ZH)
		w := lang.For(lang.ZH)
		if err := r.owner.Apply(canvas.Reveal{}); err != nil {
			t.Fatal(err)
		}
		c.typeInto(card(r.dims[0], "input[type=range]"), keyRight)
		c.waitFor("the closed screen", `var p = document.querySelector('main .msg');
return document.querySelector('h1').textContent === arguments[0] && p !== null && p.textContent === arguments[1]`,
			w.T("phone.closed.heading"), w.T("phone.closed.unsent", 1))
		c.screenshot(filepath.Join(shots, "phone-closed-zh.png"))
	})
	t.Run("laptop gone", func(t *testing.T) {
		r, c := claimed(t, lang.ES)
		w := lang.For(lang.ES)
		if err := r.srv.Close(); err != nil {
			t.Fatal(err)
		}
		c.typeInto(card(r.dims[0], "input[type=range]"), keyRight)
		c.waitFor("the unreachable message", `return document.getElementById('net').textContent === arguments[0] &&
  document.querySelector('#card-' + arguments[1] + ' .st').textContent === arguments[2]`,
			w.T("phone.unreachable"), r.dims[0], w.T("phone.status.retrying"))
		var kept string
		c.eval(`for (var i = 0; i < localStorage.length; i++) {
  var k = localStorage.key(i);
  if (k.indexOf(':p:') > 0) return localStorage.getItem(k);
}
return ''`, &kept)
		if !strings.Contains(kept, `"`+r.dims[0]+`":{"value":51`) {
			t.Errorf("the unsent answer is not kept on the phone: localStorage holds %s", kept)
		}
		c.screenshot(filepath.Join(shots, "phone-unreachable-es.png"))

		// The laptop serves the round again, on the same address with a
		// new token (the app restarted): the phone scans the new code,
		// takes its name, and the answer it kept is sent.
		addr := strings.TrimSuffix(strings.TrimPrefix(r.srv.Address(), "http://"), "/")
		again, err := phones.Start(phones.Config{Owner: r.owner, Words: w, Addr: addr})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = again.Close() })
		c.open(again.URL())
		c.waitFor("the names", `return document.querySelectorAll('.names button').length > 0`)
		c.tap(".names button")
		c.waitFor("the kept answer sent", cardSaved, r.dims[0])
		if pl, ok := r.placement(r.ids[0], r.dims[0]); !ok || pl.Value != 51 {
			t.Errorf("after a new token the kept answer = %+v, %v; want 51", pl, ok)
		}
	})
}

// TestPhonePageWrongName: a phone that took the wrong name and answered
// nothing goes back to the list and takes the right one, which gives the
// wrong one back; once it answers, the way back is gone.
func TestPhonePageWrongName(t *testing.T) {
	driver, browser := browserTools(t)
	r := newBrowserRoom(t, lang.EN)
	c := newChrome(t, startDriver(t, driver), browser)
	c.open(r.srv.URL())
	c.waitFor("the names", `return document.querySelectorAll('.names button').length > 0`)
	c.tap(".names button")
	c.waitFor("the cards", `return document.querySelectorAll('.card').length === arguments[0]`, len(r.dims))
	c.tap(".other")
	c.waitFor("the names, with this phone's own open", `var b = document.querySelectorAll('.names button');
return b.length > 1 && !b[0].disabled`)
	c.tap(".names button:nth-child(2)")
	c.waitFor("the cards of the second name", `return document.querySelectorAll('.card').length === arguments[0] && document.querySelector('.other') !== null`, len(r.dims))
	if p := r.srv.Progress(); len(p.Joined) != 1 || p.Joined[0] != r.ids[1] {
		t.Errorf("joined = %v, want only %s: the first name should be given back", p.Joined, r.ids[1])
	}
	c.typeInto(card(r.dims[0], "input[type=range]"), keyRight)
	c.waitFor("the answer saved", cardSaved, r.dims[0])
	if pl, ok := r.placement(r.ids[1], r.dims[0]); !ok || pl.Value != 51 {
		t.Errorf("the second name's answer = %+v, %v; want 51", pl, ok)
	}
	if pl, ok := r.placement(r.ids[0], r.dims[0]); ok {
		t.Errorf("the first name has an answer: %+v", pl)
	}
	var other bool
	c.eval(`return document.querySelector('.other') !== null`, &other)
	if other {
		t.Error("after an answer the page still offers to choose another name")
	}
}
