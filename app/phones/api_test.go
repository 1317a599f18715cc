package phones_test

import (
	"encoding/json"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/app/phones"
	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// A phone's whole round through the API: the page, the round, a claim,
// answers, its own answers back, and progress that never shows values.
func TestPhoneAnswersReachTheSession(t *testing.T) {
	r := newRoom(t, canvas.TemplateQuick, 3, phones.Limits{}, lang.ZH)
	p := r.phone()

	code, page := p.do("GET", "", nil, nil)
	if code != http.StatusOK || !strings.Contains(string(page), `lang="zh"`) || strings.Contains(string(page), "__FULCRUM_") {
		t.Fatalf("page: %d, markers filled: %v", code, !strings.Contains(string(page), "__FULCRUM_"))
	}

	code, body := p.do("GET", "api/round", nil, nil)
	var info struct {
		Session      string
		Lang         string
		Dimensions   []struct{ Key, Name, Question, ToC, ToB string }
		Participants []struct {
			ID, Name string
			Claimed  bool
		}
	}
	if code != http.StatusOK || json.Unmarshal(body, &info) != nil {
		t.Fatalf("round: %d %s", code, body)
	}
	zh, _ := lang.For(lang.ZH).Dimension(r.dims[0])
	if info.Lang != "zh" || info.Session != "Q4 评审 · revisión" || len(info.Dimensions) != len(r.dims) ||
		info.Dimensions[0].Key != r.dims[0] || info.Dimensions[0].Name != zh.Name || info.Dimensions[0].ToB != zh.ToB {
		t.Fatalf("round info: %+v", info)
	}
	if len(info.Participants) != 3 || info.Participants[1].Name != "陈静" || info.Participants[1].Claimed {
		t.Fatalf("participants: %+v", info.Participants)
	}

	if code, _ := p.do("GET", "api/me", nil, nil); code != http.StatusUnauthorized {
		t.Fatalf("me before a claim: %d", code)
	}
	p.claim(r.ids[1])
	_, body = p.do("GET", "api/round", nil, nil)
	if !strings.Contains(string(body), `"id":"`+r.ids[1]+`","name":"陈静","claimed":true`) {
		t.Fatalf("the claim is not shown: %s", body)
	}

	note := "客户的采购流程很长；¿seguro?"
	code, body = p.do("PUT", "api/placements/"+r.dims[0], map[string]any{"value": 72, "confidence": 4, "note": note}, nil)
	if code != http.StatusNoContent {
		t.Fatalf("answer: %d %s", code, body)
	}
	s := r.owner.Snapshot()
	if pl, ok := s.Placement(r.ids[1], r.dims[0]); !ok || pl.Value != 72 || pl.Confidence != 4 || pl.Note != note {
		t.Fatalf("placement in the session: %+v %v", pl, ok)
	}
	if s.PlacementsVisible() {
		t.Fatal("an answer revealed the round")
	}

	_, body = p.do("GET", "api/me", nil, nil)
	var me struct {
		Participant, Name string
		Done              bool
		Placements        map[string]struct {
			Value, Confidence int
			Note              string
		}
	}
	if json.Unmarshal(body, &me) != nil || me.Participant != r.ids[1] || me.Name != "陈静" || me.Done ||
		len(me.Placements) != 1 || me.Placements[r.dims[0]].Value != 72 || me.Placements[r.dims[0]].Note != note {
		t.Fatalf("me: %s", body)
	}

	var prog phones.Progress
	_, body = p.do("GET", "api/progress", nil, nil)
	if json.Unmarshal(body, &prog) != nil || !slices.Equal(prog.Joined, []string{r.ids[1]}) || len(prog.Done) != 0 {
		t.Fatalf("progress: %s", body)
	}
	for _, k := range r.dims[1:] {
		if code, body := p.answer(k, 10); code != http.StatusNoContent {
			t.Fatalf("answer %s: %d %s", k, code, body)
		}
	}
	_, body = p.do("GET", "api/progress", nil, nil)
	if json.Unmarshal(body, &prog) != nil || !slices.Equal(prog.Done, []string{r.ids[1]}) {
		t.Fatalf("progress after every answer: %s", body)
	}
	if strings.Contains(string(body), "72") || strings.Contains(string(body), "value") {
		t.Fatalf("progress shows values: %s", body)
	}
	// Done, and still free to change an answer until the reveal.
	if code, _ := p.answer(r.dims[0], 64); code != http.StatusNoContent {
		t.Fatalf("change after done: %d", code)
	}
	if pl, _ := r.owner.Snapshot().Placement(r.ids[1], r.dims[0]); pl.Value != 64 {
		t.Fatalf("changed answer = %d", pl.Value)
	}
}

// A script may send the secret as a header instead of the cookie.
func TestSecretHeader(t *testing.T) {
	r := newRoom(t, canvas.TemplateQuick, 2, phones.Limits{}, lang.EN)
	secret := r.phone().claim(r.ids[0])
	script := r.phone() // no cookie
	if code, _ := script.answer(r.dims[0], 5); code != http.StatusUnauthorized {
		t.Fatalf("without the secret: %d", code)
	}
	code, body := script.do("PUT", "api/placements/"+r.dims[0], `{"value": 5}`, http.Header{"X-Fulcrum-Secret": {secret}})
	if code != http.StatusNoContent {
		t.Fatalf("with the header: %d %s", code, body)
	}
	code, _ = script.do("PUT", "api/placements/"+r.dims[0], `{"value": 5}`, http.Header{"X-Fulcrum-Secret": {secret + "0"}})
	if code != http.StatusUnauthorized {
		t.Fatalf("with a wrong secret: %d", code)
	}
}

// Two phones claim one name at the same moment: exactly one gets it.
func TestClaimRace(t *testing.T) {
	r := newRoom(t, canvas.TemplateQuick, 2, phones.Limits{}, lang.EN)
	for range 20 {
		a, b := r.phone(), r.phone()
		var wg sync.WaitGroup
		codes := make([]int, 2)
		for i, p := range []*phone{a, b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				codes[i], _ = p.do("POST", "api/claim", map[string]string{"participant": r.ids[0]}, nil)
			}()
		}
		wg.Wait()
		slices.Sort(codes)
		if codes[0] != http.StatusOK || codes[1] != http.StatusConflict {
			t.Fatalf("claim race: %v, want one 200 and one 409", codes)
		}
		r.srv.Release(r.ids[0])
	}
}

// Claiming again from the same phone keeps the claim; another name swaps
// it; a released name is free again and its old secret is dead.
func TestClaimAgainSwapAndRelease(t *testing.T) {
	r := newRoom(t, canvas.TemplateQuick, 3, phones.Limits{}, lang.ES)
	p := r.phone()
	first := p.claim(r.ids[0])
	if again := p.claim(r.ids[0]); again != first {
		t.Fatal("a reload got a new secret")
	}
	p.claim(r.ids[1]) // the wrong name at first
	if got := r.srv.Progress().Joined; !slices.Equal(got, []string{r.ids[1]}) {
		t.Fatalf("joined after a swap: %v", got)
	}
	r.phone().claim(r.ids[0]) // the first name is free again
	if code, _ := r.phone().do("POST", "api/claim", map[string]string{"participant": r.ids[1]}, nil); code != http.StatusConflict {
		t.Fatalf("claim of a taken name: %d", code)
	}
	r.srv.Release(r.ids[1])
	if code, _ := p.answer(r.dims[0], 50); code != http.StatusUnauthorized {
		t.Fatalf("answer after release: %d", code)
	}
	r.phone().claim(r.ids[1])
	for _, bad := range []string{`{"participant": "nobody"}`, `{"participant": 3}`, `{"who": "x"}`, `{}`, `[]`} {
		if code, body := r.phone().do("POST", "api/claim", bad, nil); code != http.StatusBadRequest || !strings.Contains(string(body), `"error"`) {
			t.Errorf("claim %s: %d %s", bad, code, body)
		}
	}
}

// Bad answers are refused with the field named, and nothing is stored.
func TestBadAnswers(t *testing.T) {
	r := newRoom(t, canvas.TemplateQuick, 2, phones.Limits{}, lang.EN)
	p := r.phone()
	p.claim(r.ids[0])
	dim := "api/placements/" + r.dims[0]
	for _, c := range []struct {
		body  string
		code  int
		field string
	}{
		{`{"value": 101}`, 400, "value"},
		{`{"value": -1}`, 400, "value"},
		{`{"value": 50.5}`, 400, "value"},
		{`{"value": "50"}`, 400, "value"},
		{`{"value": 1e2}`, 400, "value"},
		{`{"value": 99999999999999999999}`, 400, "value"},
		{`{"value": 50, "confidence": 6}`, 400, "confidence"},
		{`{"value": 50, "confidence": -1}`, 400, "confidence"},
		{`{"value": 50, "note": 7}`, 400, "note"},
		{`{"value": 50, "value": 60}`, 400, "value"},
		{`{"VALUE": 50}`, 400, "VALUE"},
		{`{"confidence": 3}`, 400, "value"},
		{`{"value": 50} {"value": 60}`, 400, ""},
		{`{"value": 50`, 400, ""},
		{`[50]`, 400, ""},
		{`null`, 400, ""},
		{``, 400, ""},
		{`{"value": {"value": 50}}`, 400, "value"},
		{`{"value": 50, "note": "a\u0001b"}`, 400, "note"},
		{`{"value": 50, "note": "` + strings.Repeat("长", canvas.MaxAnswerNote+1) + `"}`, 400, "note"},
		{`{"value": 50, "note": "` + strings.Repeat("长", 30000) + `"}`, 413, ""},
	} {
		code, body := p.do("PUT", dim, c.body, nil)
		var fe phones.FieldError
		_ = json.Unmarshal(body, &fe)
		if code != c.code || fe.Field != c.field || fe.Problem == "" {
			short := c.body
			if len(short) > 40 {
				short = short[:40]
			}
			t.Errorf("%s: %d %s, want %d field %q", short, code, body, c.code, c.field)
		}
	}
	if code, _ := p.answer("no-such-dimension", 50); code != http.StatusNotFound {
		t.Errorf("unknown dimension: %d", code)
	}
	if code, _ := p.do("GET", dim, nil, nil); code != http.StatusMethodNotAllowed {
		t.Errorf("GET on a placement: %d", code)
	}
	if n := len(r.owner.Snapshot().Placements); n != 0 {
		t.Fatalf("%d placements stored from bad answers", n)
	}
}

// A wrong token says nothing; so does any path outside the API.
func TestWrongTokenSaysNothing(t *testing.T) {
	r := newRoom(t, canvas.TemplateQuick, 2, phones.Limits{}, lang.EN)
	p := r.phone()
	base := r.srv.Address()
	for _, path := range []string{"r/wrongtoken/", "r/wrongtoken/api/round", "r/" + strings.Repeat("A", 22) + "/api/progress", "r/", "etc/passwd", "r/../r/"} {
		resp, err := p.c.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		b := make([]byte, 512)
		n, _ := resp.Body.Read(b)
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound || strings.Contains(string(b[:n]), "Ana") || strings.Contains(string(b[:n]), "Nubia") {
			t.Errorf("%s: %d %q", path, resp.StatusCode, b[:n])
		}
	}
	if code, _ := p.do("GET", "api/nothing", nil, nil); code != http.StatusNotFound {
		t.Errorf("unknown API path: %d", code)
	}
	// The right token under a domain name (DNS rebinding) says nothing
	// either; the address by IP or localhost works.
	for host, want := range map[string]int{"evil.example": 404, "evil.example:8397": 404, "localhost": 200, hostOf(r.srv.URL()): 200} {
		req, _ := http.NewRequest("GET", r.srv.URL()+"api/progress", nil)
		req.Host = host
		resp, err := p.c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %s: %d, want %d", host, resp.StatusCode, want)
		}
	}
}

// The join code leads to the round; wrong codes are limited, and enough of
// them change the code.
func TestJoinCode(t *testing.T) {
	r := newRoom(t, canvas.TemplateQuick, 2, phones.Limits{CodeTries: 3}, lang.EN)
	p := r.phone()
	if code, page := p.do("GET", "/", nil, nil); code != http.StatusOK || !strings.Contains(string(page), `lang="en"`) {
		t.Fatalf("join page: %d", code)
	}
	code := r.srv.Code()
	if len(code) != phones.CodeLength {
		t.Fatalf("code %q", code)
	}
	status, _ := p.do("POST", "/join", map[string]string{"code": strings.ToLower(code)}, nil)
	if status != http.StatusSeeOther {
		t.Fatalf("right code: %d", status)
	}
	resp, err := p.c.Post(r.srv.Address()+"join", "application/json", strings.NewReader(`{"code":"`+code+`"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if loc := resp.Header.Get("Location"); r.srv.Address()+strings.TrimPrefix(loc, "/") != r.srv.URL() {
		t.Fatalf("redirect to %q, want %q", loc, r.srv.URL())
	}
	for i := range 3 {
		if status, _ := p.do("POST", "/join", map[string]string{"code": "AAAAAA"}, nil); status != http.StatusForbidden {
			t.Fatalf("wrong code %d: %d", i, status)
		}
	}
	if status, _ := p.do("POST", "/join", map[string]string{"code": "AAAAAA"}, nil); status != http.StatusTooManyRequests {
		t.Fatalf("fourth wrong code in a minute: %d", status)
	}
	// A client past its tries learns nothing, not even from the right
	// code; another address is not held back by it.
	if status, _ := p.do("POST", "/join", map[string]string{"code": code}, nil); status != http.StatusTooManyRequests {
		t.Fatalf("right code from a limited client: %d", status)
	}
	other := r.phone()
	other.c.Transport = &http.Transport{DialContext: (&net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 2)}}).DialContext}
	if status, _ := other.do("POST", "/join", map[string]string{"code": code}, nil); status != http.StatusSeeOther {
		t.Fatalf("right code from another address: %d", status)
	}
}

func TestWrongCodesChangeTheCode(t *testing.T) {
	// Five tries a minute: the wrong codes refused with 429 count too, or
	// a guesser past the limit would keep the code for good.
	r := newRoom(t, canvas.TemplateQuick, 2, phones.Limits{CodeTries: 5, WrongCodes: 20}, lang.EN)
	p := r.phone()
	old := r.srv.Code()
	wrong := "AAAAAA"
	if wrong == old {
		wrong = "BBBBBB"
	}
	for range 19 {
		p.do("POST", "/join", map[string]string{"code": wrong}, nil)
	}
	if r.srv.Code() != old {
		t.Fatal("the code changed before 20 wrong codes")
	}
	p.do("POST", "/join", map[string]string{"code": wrong}, nil)
	if r.srv.Code() == old {
		t.Fatal("the code did not change after 20 wrong codes")
	}
	other := r.phone()
	other.c.Transport = &http.Transport{DialContext: (&net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 3)}}).DialContext}
	if status, _ := other.do("POST", "/join", map[string]string{"code": old}, nil); status != http.StatusForbidden {
		t.Fatalf("the old code still works: %d", status)
	}
}

// One client past its burst gets 429; another is not affected.
func TestRateLimit(t *testing.T) {
	r := newRoom(t, canvas.TemplateQuick, 2, phones.Limits{Rate: 0.001, Burst: 5}, lang.EN)
	a := r.phone()
	a.claim(r.ids[0])
	for i := range 5 {
		if code, _ := a.answer(r.dims[0], i); code != http.StatusNoContent {
			t.Fatalf("answer %d: %d", i, code)
		}
	}
	if code, _ := a.answer(r.dims[0], 9); code != http.StatusTooManyRequests {
		t.Fatalf("past the burst: %d", code)
	}
	if pl, _ := r.owner.Snapshot().Placement(r.ids[0], r.dims[0]); pl.Value != 4 {
		t.Fatalf("a limited answer was stored: %d", pl.Value)
	}
	b := r.phone()
	b.claim(r.ids[1]) // the claim counts against the address, answers against the claim
	if code, _ := b.answer(r.dims[0], 1); code != http.StatusNoContent {
		t.Fatalf("another phone: %d", code)
	}
}

// After the reveal the API answers 410; after Close nothing answers.
func TestClosedRound(t *testing.T) {
	r := newRoom(t, canvas.TemplateQuick, 2, phones.Limits{}, lang.EN)
	p := r.phone()
	p.claim(r.ids[0])
	if err := r.owner.Apply(canvas.Reveal{}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ method, path string }{
		{"PUT", "api/placements/" + r.dims[0]}, {"GET", "api/round"}, {"GET", "api/me"}, {"POST", "api/claim"}, {"GET", "api/progress"},
	} {
		if code, _ := p.do(c.method, c.path, `{"value": 1}`, nil); code != http.StatusGone {
			t.Errorf("%s %s after the reveal: %d", c.method, c.path, code)
		}
	}
	if err := r.srv.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := p.c.Get(r.srv.URL()); err == nil {
		t.Fatal("the server still answers after Close")
	}
	if err := r.srv.Close(); err != nil {
		t.Fatal("second Close:", err)
	}
}

func TestStartNeedsABlindRound(t *testing.T) {
	s, _ := canvas.NewSession(canvas.TemplateQuick, "t", "p", time.Now())
	_, _ = s.AddParticipant("Ana", "")
	o := canvas.NewOwner(s, nil)
	if _, err := phones.Start(phones.Config{Owner: o, Words: lang.For(lang.EN), Addr: "127.0.0.1:0"}); err != phones.ErrNotBlindRound {
		t.Fatalf("no round: %v", err)
	}
	if err := o.Apply(canvas.StartRound{Mode: canvas.RoundRecord, At: time.Now()}); err != nil {
		t.Fatal(err)
	}
	if _, err := phones.Start(phones.Config{Owner: o, Words: lang.For(lang.EN), Addr: "127.0.0.1:0"}); err != phones.ErrNotBlindRound {
		t.Fatalf("recorded round: %v", err)
	}
}

// Without a port the server takes the fixed default, so the address stays
// the same from round to round, and any free port when that one is taken;
// it never listens on every interface.
func TestDefaultPortAndFallback(t *testing.T) {
	s, _ := canvas.NewSession(canvas.TemplateQuick, "t", "p", time.Now())
	_, _ = s.AddParticipant("Ana", "")
	o := canvas.NewOwner(s, nil)
	if err := o.Apply(canvas.StartRound{Mode: canvas.RoundBlind, At: time.Now()}); err != nil {
		t.Fatal(err)
	}
	hold, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(phones.DefaultPort))
	if err == nil {
		defer hold.Close()
	} // else another process has it: taken either way
	srv, err := phones.Start(phones.Config{Owner: o, Words: lang.For(lang.EN), Addr: "127.0.0.1"})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if strings.Contains(srv.Address(), ":"+strconv.Itoa(phones.DefaultPort)+"/") || !strings.HasPrefix(srv.Address(), "http://127.0.0.1:") {
		t.Fatalf("with the default port taken the server is at %s", srv.Address())
	}
	if hold != nil {
		hold.Close()
		srv2, err := phones.Start(phones.Config{Owner: o, Words: lang.For(lang.EN), Addr: "127.0.0.1"})
		if err != nil {
			t.Fatal(err)
		}
		defer srv2.Close()
		if srv2.Address() != "http://127.0.0.1:"+strconv.Itoa(phones.DefaultPort)+"/" {
			// Another test process may have taken the port meanwhile;
			// if it is still free, the server should have had it.
			if l, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(phones.DefaultPort)); err == nil {
				l.Close()
				t.Fatalf("with the default port free the server is at %s", srv2.Address())
			}
		}
	}
	if _, err := phones.Start(phones.Config{Owner: o, Words: lang.For(lang.EN), Addr: ":0"}); err == nil {
		t.Fatal("the server listened on every interface")
	}
}

// A name taken out of the round on the laptop loses its claim: the phone
// is told so, and cannot answer.
func TestClaimOfANameTakenOutOfTheRound(t *testing.T) {
	r := newRoom(t, canvas.TemplateQuick, 3, phones.Limits{}, lang.EN)
	p := r.phone()
	p.claim(r.ids[1])
	if code, _ := p.answer(r.dims[0], 30); code != http.StatusNoContent {
		t.Fatalf("answer: %d", code)
	}
	if err := r.owner.Apply(canvas.NotPlacing{ID: r.ids[1]}); err != nil {
		t.Fatal(err)
	}
	if code, _ := p.do("GET", "api/me", nil, nil); code != http.StatusUnauthorized {
		t.Fatalf("me after being taken out: %d", code)
	}
	if code, _ := p.answer(r.dims[0], 40); code != http.StatusUnauthorized {
		t.Fatalf("answer after being taken out: %d", code)
	}
	if got := r.srv.Progress().Joined; len(got) != 0 {
		t.Fatalf("still joined: %v", got)
	}
}

// A language switch on the laptop reaches the next page and api/round.
func TestSetWords(t *testing.T) {
	r := newRoom(t, canvas.TemplateQuick, 2, phones.Limits{}, lang.EN)
	p := r.phone()
	r.srv.SetWords(lang.For(lang.ES))
	_, page := p.do("GET", "", nil, nil)
	_, round := p.do("GET", "api/round", nil, nil)
	es, _ := lang.For(lang.ES).Dimension(r.dims[0])
	if !strings.Contains(string(page), `lang="es"`) || !strings.Contains(string(round), `"lang":"es"`) || !strings.Contains(string(round), es.Name) {
		t.Fatalf("after SetWords(es): page lang %v, round %s", strings.Contains(string(page), `lang="es"`), round)
	}
}
