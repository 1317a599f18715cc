package phones_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/app/phones"
	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// room is a session with people and a blind round open, owned, and a
// phone server for it on loopback.
type room struct {
	t     testing.TB
	owner *canvas.Owner
	srv   *phones.Server
	ids   []string
	dims  []string
}

func newRoom(t testing.TB, template string, people int, lim phones.Limits, tag lang.Tag) *room {
	t.Helper()
	return buildRoom(t, template, people, 0, lim, tag)
}

// buildRoom is newRoom with a round on the template's first ndims
// dimensions (all when 0).
func buildRoom(t testing.TB, template string, people, ndims int, lim phones.Limits, tag lang.Tag) *room {
	t.Helper()
	s, err := canvas.NewSession(template, "Q4 评审 · revisión", "Nubia CRM", time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"Ana", "陈静", "Luis", "Grace", "María José", "王磊"}
	for i := 0; i < people; i++ {
		n := names[i%len(names)]
		if i >= len(names) {
			n = fmt.Sprintf("%s %d", n, i)
		}
		if _, err := s.AddParticipant(n, ""); err != nil {
			t.Fatal(err)
		}
	}
	var dims []string
	for i, d := range s.Dimensions {
		if ndims == 0 || i < ndims {
			dims = append(dims, d.Key)
		}
	}
	o := canvas.NewOwner(s, nil)
	if err := o.Apply(canvas.StartRound{Mode: canvas.RoundBlind, Dimensions: dims, At: time.Now()}); err != nil {
		t.Fatal(err)
	}
	srv, err := phones.Start(phones.Config{Owner: o, Words: lang.For(tag), Addr: "127.0.0.1:0", Limits: lim})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	r := &room{t: t, owner: o, srv: srv}
	o.Read(func(s *canvas.Session) {
		r.ids = append(r.ids, s.Round.Order...)
		r.dims = append(r.dims, s.Round.Dimensions...)
	})
	return r
}

// phone is one participant's browser: an HTTP client with a cookie jar.
type phone struct {
	t   testing.TB
	c   *http.Client
	url string
}

func (r *room) phone() *phone {
	jar, _ := cookiejar.New(nil)
	return &phone{t: r.t, url: r.srv.URL(), c: &http.Client{
		Jar:     jar,
		Timeout: 10 * time.Second, // a hung server fails the test, never hangs it
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}}
}

// do sends a request to path under the round (or, with a leading slash,
// at the server's root) and returns the status and body; any failure to
// get a response fails the test. body is a string, bytes, or a value to
// encode as JSON; header may be nil.
func (p *phone) do(method, path string, body any, header http.Header) (int, []byte) {
	p.t.Helper()
	code, b, err := p.send(method, path, body, header)
	if err != nil {
		p.t.Fatal(err)
	}
	return code, b
}

// send is do for goroutines other than the test's: it returns the error.
func (p *phone) send(method, path string, body any, header http.Header) (int, []byte, error) {
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = bytes.NewBufferString(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			return 0, nil, err
		}
		rd = bytes.NewReader(j)
	}
	url := p.url + path
	if len(path) > 0 && path[0] == '/' {
		url = "http://" + hostOf(p.url) + path
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		return 0, nil, err
	}
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := p.c.Do(req)
	if err != nil {
		return 0, nil, fmt.Errorf("%s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, b, err
}

func hostOf(url string) string {
	rest := url[len("http://"):]
	for i, c := range rest {
		if c == '/' {
			return rest[:i]
		}
	}
	return rest
}

// claim claims participant id and fails the test unless it gets a secret.
func (p *phone) claim(id string) string {
	p.t.Helper()
	code, body := p.do("POST", "api/claim", map[string]string{"participant": id}, nil)
	if code != http.StatusOK {
		p.t.Fatalf("claim %s: %d %s", id, code, body)
	}
	var got struct{ Secret string }
	if err := json.Unmarshal(body, &got); err != nil || len(got.Secret) < 32 {
		p.t.Fatalf("claim %s: body %s", id, body)
	}
	return got.Secret
}

func (p *phone) answer(dim string, value int) (int, []byte) {
	p.t.Helper()
	return p.do("PUT", "api/placements/"+dim, map[string]int{"value": value}, nil)
}

// claimQuiet and answerQuiet are claim and answer for other goroutines.
func (p *phone) claimQuiet(id string) error {
	code, body, err := p.send("POST", "api/claim", map[string]string{"participant": id}, nil)
	if err == nil && code != http.StatusOK {
		err = fmt.Errorf("claim %s: %d %s", id, code, body)
	}
	return err
}

func (p *phone) answerQuiet(dim string, value int) (int, error) {
	code, _, err := p.send("PUT", "api/placements/"+dim, map[string]int{"value": value}, nil)
	return code, err
}
