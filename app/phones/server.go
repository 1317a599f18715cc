package phones

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fulcrum-workshop/fulcrum/assets"
	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// Config is what a Server needs.
type Config struct {
	// Owner holds the open session; a blind round must be in progress.
	Owner *canvas.Owner
	// Words is the session's language: the page and api/round speak it.
	Words *lang.Words
	// Addr is "host" or "host:port". Without a port the server takes
	// DefaultPort, or any free port when that one is taken. The host is
	// required: the server never listens on every interface.
	Addr string
	// Limits are the timeouts and rate limits; zero fields take
	// DefaultLimits' values.
	Limits Limits
	// OnChange, if set, is called from the server's goroutines when who
	// has joined changes or the join code changes, so a screen can redraw.
	// Answers are heard through the Owner.
	OnChange func()
	// Now is the clock of the rate limits; nil means time.Now.
	Now func() time.Time
}

// Limits bound what one client can take from the server.
type Limits struct {
	ReadHeaderTimeout, ReadTimeout, WriteTimeout, IdleTimeout time.Duration
	// Rate is the requests a second one client may make once its Burst is
	// spent. A client is its claim when it has one, else its address.
	Rate  float64
	Burst int
	// CodeTries is how many wrong join codes one address may send a
	// minute; WrongCodes is how many wrong codes in all change the code.
	CodeTries  int
	WrongCodes int
}

// DefaultLimits suit a room of phones on one Wi-Fi: a phone sends an
// answer when a slider is let go, a few a minute, so 20 a second with a
// burst of 100 stops only a script.
func DefaultLimits() Limits {
	return Limits{
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      15 * time.Second,
		IdleTimeout:       60 * time.Second,
		Rate:              20,
		Burst:             100,
		CodeTries:         5,
		WrongCodes:        20,
	}
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	pick := func(v, def time.Duration) time.Duration {
		if v > 0 {
			return v
		}
		return def
	}
	l.ReadHeaderTimeout = pick(l.ReadHeaderTimeout, d.ReadHeaderTimeout)
	l.ReadTimeout = pick(l.ReadTimeout, d.ReadTimeout)
	l.WriteTimeout = pick(l.WriteTimeout, d.WriteTimeout)
	l.IdleTimeout = pick(l.IdleTimeout, d.IdleTimeout)
	if l.Rate <= 0 {
		l.Rate = d.Rate
	}
	if l.Burst <= 0 {
		l.Burst = d.Burst
	}
	if l.CodeTries <= 0 {
		l.CodeTries = d.CodeTries
	}
	if l.WrongCodes <= 0 {
		l.WrongCodes = d.WrongCodes
	}
	return l
}

// ErrNotBlindRound means the session has no blind round open to serve.
var ErrNotBlindRound = errors.New("a phone round needs a blind round in progress")

// Server serves one open blind round to phones.
type Server struct {
	cfg    Config
	lim    Limits
	token  string
	prefix string // "/r/<token>/"
	ln     net.Listener
	srv    *http.Server
	served chan struct{}

	// speech is the language the pages and api/round speak, with the
	// pages filled in; SetWords replaces it while phones are in.
	speech atomic.Pointer[speech]

	clients *limiter
	guesses *limiter

	mu       sync.Mutex
	code     string
	wrong    int
	claims   map[string]string // participant id → secret
	bySecret map[string]string // secret → participant id
	closed   bool
}

// Start checks that the session has a blind round open, listens on
// cfg.Addr and serves the round until Close.
func Start(cfg Config) (*Server, error) {
	open := false
	cfg.Owner.Read(func(s *canvas.Session) { open = s.InRound() && s.Round.Mode == canvas.RoundBlind })
	if !open {
		return nil, ErrNotBlindRound
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	ln, err := listen(cfg.Addr)
	if err != nil {
		return nil, err
	}
	s := &Server{
		cfg:      cfg,
		lim:      cfg.Limits.withDefaults(),
		token:    newToken(),
		ln:       ln,
		served:   make(chan struct{}),
		code:     newCode(),
		claims:   map[string]string{},
		bySecret: map[string]string{},
	}
	s.prefix = "/r/" + s.token + "/"
	s.clients = newLimiter(s.lim.Rate, s.lim.Burst, cfg.Now)
	s.guesses = newLimiter(float64(s.lim.CodeTries)/60, s.lim.CodeTries, cfg.Now)
	s.SetWords(cfg.Words)
	s.srv = &http.Server{
		Handler:           s,
		ReadHeaderTimeout: s.lim.ReadHeaderTimeout,
		ReadTimeout:       s.lim.ReadTimeout,
		WriteTimeout:      s.lim.WriteTimeout,
		IdleTimeout:       s.lim.IdleTimeout,
		MaxHeaderBytes:    16 << 10,
	}
	go func() {
		defer close(s.served)
		_ = s.srv.Serve(ln) // ends with ErrServerClosed on Close
	}()
	return s, nil
}

// speech is one language's words and the pages filled with them.
type speech struct {
	words          *lang.Words
	page, joinPage []byte
}

// SetWords makes the pages and api/round speak w from the next request
// on, for a facilitator who switches the app's language mid-round; a page
// already open keeps its words until it is reloaded.
func (s *Server) SetWords(w *lang.Words) {
	s.speech.Store(&speech{words: w, page: fill(assets.PhoneRoundPage, w), joinPage: fill(assets.PhoneJoinPage, w)})
}

// fill puts the language and its phone words into a page.
func fill(page []byte, w *lang.Words) []byte {
	words, _ := json.Marshal(w.Prefixed("phone.")) // a map of strings always marshals
	page = bytes.ReplaceAll(page, []byte("__FULCRUM_LANG__"), []byte(w.Tag()))
	return bytes.ReplaceAll(page, []byte("__FULCRUM_WORDS__"), words)
}

// Close stops the server at once: open connections are cut, and the
// token, the code and every claim stop working. It is safe to call twice.
func (s *Server) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	s.claims, s.bySecret = map[string]string{}, map[string]string{}
	s.mu.Unlock()
	err := s.srv.Close()
	<-s.served
	if err != nil {
		return fmt.Errorf("stop the phone server: %w", err)
	}
	return nil
}

// Shutdown stops accepting, lets requests in flight finish (an answer
// being stored is stored) and then closes, within ctx.
func (s *Server) Shutdown(ctx context.Context) error {
	err := s.srv.Shutdown(ctx)
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	return err
}

// URL is the full join address, carrying the round's token: what the QR
// code holds.
func (s *Server) URL() string { return s.Address() + s.prefix[1:] }

// Address is the short address a person types: http://host:port/.
func (s *Server) Address() string {
	a := s.ln.Addr().(*net.TCPAddr)
	return "http://" + net.JoinHostPort(a.IP.String(), strconv.Itoa(a.Port)) + "/"
}

// Code is the join code to type at Address.
func (s *Server) Code() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.code
}

// Progress is who has claimed a name and who has answered everything, in
// the round's order. It never holds what anyone placed.
type Progress struct {
	Joined []string `json:"joined"`
	Done   []string `json:"done"`
}

// Progress reports the round's progress as the projector shows it.
func (s *Server) Progress() Progress {
	var order, done []string
	s.cfg.Owner.Read(func(ss *canvas.Session) {
		if ss.Round != nil {
			order = append(order, ss.Round.Order...)
			done = append(done, ss.Round.Done...)
		}
	})
	p := Progress{Joined: []string{}, Done: []string{}}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, id := range order {
		if _, ok := s.claims[id]; ok {
			p.Joined = append(p.Joined, id)
		}
	}
	for _, id := range order {
		for _, d := range done {
			if d == id {
				p.Done = append(p.Done, id)
			}
		}
	}
	return p
}

// Release frees the name id, for a phone that picked the wrong name or
// was lost: its secret stops working and the name can be claimed again.
func (s *Server) Release(id string) {
	s.mu.Lock()
	secret, ok := s.claims[id]
	if ok {
		delete(s.claims, id)
		delete(s.bySecret, secret)
	}
	s.mu.Unlock()
	if ok {
		s.changed()
	}
}

func (s *Server) changed() {
	if s.cfg.OnChange != nil {
		s.cfg.OnChange()
	}
}
