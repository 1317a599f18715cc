package cli_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/cookiejar"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
	"github.com/fulcrum-workshop/fulcrum/cmd/fulcrum/internal/cli"
)

// lockedBuffer is stdout shared by the command's goroutines and the test.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// firstLine waits for serve's first line, the join URL. The bound ends a
// hung test; serve prints it at once.
func (l *lockedBuffer) firstLine(t *testing.T) string {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if line, _, ok := strings.Cut(l.String(), "\n"); ok {
			return line
		}
	}
	t.Fatal("serve printed no line")
	return ""
}

// TestServeInProcess runs a phone round headless: the join URL first,
// then the short address, the code and the QR code; answers are saved;
// stopping leaves the round open and unrevealed for the app.
func TestServeInProcess(t *testing.T) {
	db, id := newDB(t)
	out := &lockedBuffer{}
	stop := make(chan struct{})
	env := &cli.Env{Stdout: out, Stop: stop}
	done := make(chan result, 1)
	go func() { done <- runEnv(t, env, "serve", "--db", db, id, "--addr", "127.0.0.1:0", "--clear") }()
	url := out.firstLine(t)
	if !strings.HasPrefix(url, "http://127.0.0.1:") || !strings.Contains(url, "/r/") || !strings.HasSuffix(url, "/") {
		t.Fatalf("first line %q is not the join URL", url)
	}

	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 10 * time.Second}
	resp, err := c.Get(url + "api/round")
	if err != nil {
		t.Fatal(err)
	}
	var round struct {
		Dimensions   []struct{ Key string }
		Participants []struct{ ID, Name string }
	}
	err = json.NewDecoder(resp.Body).Decode(&round)
	resp.Body.Close()
	if err != nil || len(round.Participants) == 0 || len(round.Dimensions) == 0 {
		t.Fatalf("round: %v %+v", err, round)
	}
	who, dim := round.Participants[0], round.Dimensions[0].Key
	resp, err = c.Post(url+"api/claim", "application/json", strings.NewReader(`{"participant":"`+who.ID+`"}`))
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("claim: %v %v", err, resp.Status)
	}
	resp.Body.Close()
	req, _ := http.NewRequest("PUT", url+"api/placements/"+dim, strings.NewReader(`{"value": 83, "note": "续约靠服务"}`))
	resp, err = c.Do(req)
	if err != nil || resp.StatusCode != http.StatusNoContent {
		t.Fatalf("answer: %v %v", err, resp.Status)
	}
	resp.Body.Close()
	close(stop)
	r := <-done
	if r.code != 0 {
		t.Fatalf("serve exited %d: %s", r.code, r.stderr)
	}
	lines := strings.Split(out.String(), "\n")
	if !strings.Contains(lines[1], strings.Split(url, "/r/")[0]+"/") || !strings.Contains(out.String(), "█") ||
		!strings.Contains(out.String(), who.Name+" joined") || !strings.Contains(out.String(), "Stopped: 0 of") {
		t.Fatalf("serve's output:\n%s", out.String())
	}
	if _, err := http.Get(url); err == nil {
		t.Fatal("the server still answers after serve stopped")
	}

	s := savedSession(t, db, id)
	if p, ok := s.Placement(who.ID, dim); !ok || p.Value != 83 || p.Note != "续约靠服务" {
		t.Fatalf("saved placement %+v %v", p, ok)
	}
	if !s.InRound() || s.PlacementsVisible() {
		t.Fatal("the round is not open and hidden after serve stopped")
	}
}

func TestServeRefusals(t *testing.T) {
	db, id := newDB(t)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"serve", "--db", db}, cli.ExitUsage, "give the id of one session"},
		{[]string{"serve", "--db", db, "nosuchsession", "--addr", "127.0.0.1:0"}, cli.ExitError, "cannot read session nosuchsession"},
		{[]string{"serve", "--db", db, id, "--addr", "127.0.0.1:0", "--participants", "ghost", "--clear"}, cli.ExitError, "ghost"},
		{[]string{"serve", "--db", db, id, "--addr", "not an address:x"}, cli.ExitError, "cannot listen on not an address:x"},
		{[]string{"serve", "--db", db, id, "--addr", "0.0.0.0:0"}, cli.ExitError, "not every interface"},
	} {
		r := runEnv(t, &cli.Env{Stop: make(chan struct{})}, c.args...)
		if r.code != c.code || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", c.args, r.code, r.stderr, c.code, c.want)
		}
	}
}

// A recorded round cannot go to phones, and an open blind round keeps
// its own participants.
func TestServeRefusesOtherRounds(t *testing.T) {
	db, id := newDB(t)
	setRound := func(mode string) {
		st, err := store.Open(db, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		s, err := st.Load(id)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.StartRound(mode, nil, now); err != nil {
			t.Fatal(err)
		}
		if err := st.Save(s); err != nil {
			t.Fatal(err)
		}
	}
	setRound(canvas.RoundRecord)
	r := runEnv(t, &cli.Env{Stop: make(chan struct{})}, "serve", "--db", db, id, "--addr", "127.0.0.1:0")
	if r.code != cli.ExitError || !strings.Contains(r.stderr, "a recorded round is in progress") {
		t.Fatalf("recorded round: exit %d, %q", r.code, r.stderr)
	}
	setRound(canvas.RoundBlind)
	r = runEnv(t, &cli.Env{Stop: make(chan struct{})}, "serve", "--db", db, id, "--addr", "127.0.0.1:0", "--participants", "p1")
	if r.code != cli.ExitError || !strings.Contains(r.stderr, "leave out --participants") {
		t.Fatalf("blind round with --participants: exit %d, %q", r.code, r.stderr)
	}
}

// Starting a round clears an earlier one's placements: serve does it only
// when told to, and a bad address changes nothing either.
func TestServeKeepsEarlierPlacementsUnlessTold(t *testing.T) {
	db, id := newDB(t)
	r := runEnv(t, &cli.Env{Stop: make(chan struct{})}, "serve", "--db", db, id, "--addr", "127.0.0.1:0")
	if r.code != cli.ExitError || !strings.Contains(r.stderr, "add --clear to start it anyway") {
		t.Fatalf("without --clear: exit %d, %q", r.code, r.stderr)
	}
	r = runEnv(t, &cli.Env{Stop: make(chan struct{})}, "serve", "--db", db, id, "--addr", "0.0.0.0:0", "--clear")
	if r.code != cli.ExitError || !strings.Contains(r.stderr, "not every interface") {
		t.Fatalf("every interface: exit %d, %q", r.code, r.stderr)
	}
	s := savedSession(t, db, id)
	if s.Round != nil || len(s.Placements) == 0 {
		t.Fatalf("a refused serve changed the session: round %+v, %d placements", s.Round, len(s.Placements))
	}
}

// savedSession is session id as the file at db holds it, read without
// changing the file.
func savedSession(t *testing.T, db, id string) *canvas.Session {
	t.Helper()
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := st.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
