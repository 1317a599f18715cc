package phones

import (
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// The HTTP API, every path under the round's secret token:
//
//	GET  /r/{token}/                        the page
//	GET  /r/{token}/api/round               the round's title, language, dimensions and names
//	POST /r/{token}/api/claim               {"participant": id} → {"secret"}, 409 if taken
//	PUT  /r/{token}/api/placements/{key}    {"value", "confidence"?, "note"?} → 204
//	GET  /r/{token}/api/me                  the claimant's own answers
//	GET  /r/{token}/api/progress            who has joined and who is done, never values
//	GET  /                                  the page to type the join code on
//	POST /join                              {"code"} → 303 to the round
//
// A wrong token gets a bare 404. No path is ever mapped to a file.

// secretCookie carries a claim's secret; X-Fulcrum-Secret may carry it
// instead, for scripts.
const (
	secretCookie = "fulcrum_secret"
	secretHeader = "X-Fulcrum-Secret"
)

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	// The page needs nothing from anywhere but this server, and no other
	// site may frame it or learn the token from a referrer.
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")

	if !ipHost(r.Host) {
		// Phones come by the address on the projector, an IP. A name
		// would mean a page elsewhere pointing its own domain at this
		// laptop (DNS rebinding) to reach the server from a visitor's
		// browser: it is told nothing.
		w.WriteHeader(http.StatusNotFound)
		return
	}
	who, claimant := s.client(r)
	if !s.clients.allow(who) {
		writeError(w, http.StatusTooManyRequests, "", "too many requests: wait a moment")
		return
	}
	path := r.URL.Path
	switch {
	case path == "/":
		if allow(w, r, http.MethodGet, http.MethodHead) {
			writePage(w, s.speech.Load().joinPage)
		}
		return
	case path == "/join":
		if allow(w, r, http.MethodPost) {
			s.join(w, r)
		}
		return
	}
	rest, ok := strings.CutPrefix(path, "/r/")
	if !ok {
		http.NotFound(w, r)
		return
	}
	token, rest, slash := strings.Cut(rest, "/")
	if subtle.ConstantTimeCompare([]byte(token), []byte(s.token)) != 1 {
		w.WriteHeader(http.StatusNotFound)
		return
	}
	if !slash {
		http.Redirect(w, r, s.prefix, http.StatusMovedPermanently)
		return
	}
	s.serveRound(w, r, rest, claimant)
}

// serveRound answers a request under the round's token; rest is the
// path after /r/{token}/.
func (s *Server) serveRound(w http.ResponseWriter, r *http.Request, rest, claimant string) {
	if rest == "" {
		if allow(w, r, http.MethodGet, http.MethodHead) {
			writePage(w, s.speech.Load().page)
		}
		return
	}
	if !s.open() {
		writeError(w, http.StatusGone, "", "the round is closed")
		return
	}
	switch {
	case rest == "api/round":
		if allow(w, r, http.MethodGet) {
			s.round(w)
		}
	case rest == "api/claim":
		if allow(w, r, http.MethodPost) {
			s.claim(w, r, claimant)
		}
	case rest == "api/me":
		if allow(w, r, http.MethodGet) {
			s.me(w, claimant)
		}
	case rest == "api/progress":
		if allow(w, r, http.MethodGet) {
			writeJSON(w, http.StatusOK, s.Progress())
		}
	case strings.HasPrefix(rest, "api/placements/"):
		if allow(w, r, http.MethodPut) {
			s.place(w, r, claimant, strings.TrimPrefix(rest, "api/placements/"))
		}
	default:
		http.NotFound(w, r)
	}
}

// ipHost reports whether a request's Host is an IP address (with or
// without a port) or localhost.
func ipHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	return host == "localhost" || net.ParseIP(strings.Trim(host, "[]")) != nil
}

// client names who is asking, for the rate limit: their claim when they
// have a valid one (phones in one room may share an address behind a
// router), else their address. claimant is the claimed participant, "".
func (s *Server) client(r *http.Request) (who, claimant string) {
	secret := r.Header.Get(secretHeader)
	if secret == "" {
		if c, err := r.Cookie(secretCookie); err == nil {
			secret = c.Value
		}
	}
	if secret != "" {
		s.mu.Lock()
		claimant = s.bySecret[secret]
		s.mu.Unlock()
		if claimant != "" {
			return "claim " + secret, claimant
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	return "addr " + host, ""
}

// open reports whether the round still takes answers.
func (s *Server) open() bool {
	s.mu.Lock()
	closed := s.closed
	s.mu.Unlock()
	if closed {
		return false
	}
	open := false
	s.cfg.Owner.Read(func(ss *canvas.Session) { open = ss.InRound() && ss.Round.Mode == canvas.RoundBlind })
	return open
}

type roundDimension struct {
	Key      string `json:"key"`
	Name     string `json:"name"`
	Question string `json:"question"`
	ToC      string `json:"toc"`
	ToB      string `json:"tob"`
}

type roundPerson struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Claimed bool   `json:"claimed"`
}

type roundInfo struct {
	// ID is the session's, so a page keeps unsent answers across tokens.
	ID           string           `json:"id"`
	Session      string           `json:"session"`
	Lang         string           `json:"lang"`
	Dimensions   []roundDimension `json:"dimensions"`
	Participants []roundPerson    `json:"participants"`
}

func (s *Server) round(w http.ResponseWriter) {
	words := s.speech.Load().words
	info := roundInfo{Lang: string(words.Tag()), Dimensions: []roundDimension{}, Participants: []roundPerson{}}
	s.cfg.Owner.Read(func(ss *canvas.Session) {
		info.ID, info.Session = ss.ID, ss.Title
		if ss.Round == nil { // undone since open() looked
			return
		}
		for _, k := range ss.Round.Dimensions {
			d, _ := ss.Dimension(k)
			t := words.DimensionOf(d)
			info.Dimensions = append(info.Dimensions, roundDimension{Key: k, Name: t.Name, Question: t.Question, ToC: t.ToC, ToB: t.ToB})
		}
		for _, id := range ss.Round.Order {
			p, _ := ss.Participant(id)
			info.Participants = append(info.Participants, roundPerson{ID: id, Name: p.Name})
		}
	})
	s.mu.Lock()
	for i, p := range info.Participants {
		_, info.Participants[i].Claimed = s.claims[p.ID]
	}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, info)
}

func (s *Server) claim(w http.ResponseWriter, r *http.Request, claimant string) {
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	id, err := decodeString(body, "participant")
	if err != nil {
		writeFieldError(w, err)
		return
	}
	inRound := false
	s.cfg.Owner.Read(func(ss *canvas.Session) { inRound = ss.Round != nil && slices.Contains(ss.Round.Order, id) })
	if !inRound {
		writeError(w, http.StatusBadRequest, "participant", "not a participant of this round")
		return
	}
	s.mu.Lock()
	secret, taken := s.claims[id]
	switch {
	case taken && claimant == id:
		// The same phone asking again (a reload): its claim stands.
	case taken:
		s.mu.Unlock()
		writeError(w, http.StatusConflict, "participant", "this name is taken")
		return
	default:
		if claimant != "" {
			// A phone that picked the wrong name gives it back.
			delete(s.bySecret, s.claims[claimant])
			delete(s.claims, claimant)
		}
		secret = newSecret()
		s.claims[id] = secret
		s.bySecret[secret] = id
	}
	s.mu.Unlock()
	http.SetCookie(w, &http.Cookie{
		Name: secretCookie, Value: secret, Path: s.prefix,
		HttpOnly: true, SameSite: http.SameSiteStrictMode, MaxAge: 12 * 3600,
	})
	writeJSON(w, http.StatusOK, map[string]string{"secret": secret})
	if !taken {
		s.changed()
	}
}

type myAnswer struct {
	Value      int    `json:"value"`
	Confidence int    `json:"confidence"`
	Note       string `json:"note"`
}

type me struct {
	Participant string              `json:"participant"`
	Name        string              `json:"name"`
	Done        bool                `json:"done"`
	Placements  map[string]myAnswer `json:"placements"`
}

func (s *Server) me(w http.ResponseWriter, claimant string) {
	if claimant == "" {
		writeError(w, http.StatusUnauthorized, "", "claim a name first")
		return
	}
	m := me{Participant: claimant, Placements: map[string]myAnswer{}}
	inRound := false
	s.cfg.Owner.Read(func(ss *canvas.Session) {
		if inRound = ss.Round != nil && slices.Contains(ss.Round.Order, claimant); !inRound {
			return
		}
		p, _ := ss.Participant(claimant)
		m.Name = p.Name
		m.Done = slices.Contains(ss.Round.Done, claimant)
		for _, k := range ss.Round.Dimensions {
			if pl, ok := ss.Placement(claimant, k); ok {
				m.Placements[k] = myAnswer{Value: pl.Value, Confidence: pl.Confidence, Note: pl.Note}
			}
		}
	})
	if !inRound {
		// Taken out of the round on the laptop: the name is gone.
		s.Release(claimant)
		writeError(w, http.StatusUnauthorized, "", "this name is no longer in the round")
		return
	}
	writeJSON(w, http.StatusOK, m)
}

func (s *Server) place(w http.ResponseWriter, r *http.Request, claimant, key string) {
	if claimant == "" {
		writeError(w, http.StatusUnauthorized, "", "claim a name first")
		return
	}
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	a, err := decodeAnswer(body)
	if err != nil {
		writeFieldError(w, err)
		return
	}
	// The body may have taken seconds to arrive: the claim must still be
	// this phone's, not released and given to someone else meanwhile.
	if _, now := s.client(r); now != claimant {
		writeError(w, http.StatusUnauthorized, "", "claim a name first")
		return
	}
	err = s.cfg.Owner.ApplyRemote(canvas.Answer{Placement: canvas.Placement{
		Participant: claimant, Dimension: key, Value: a.Value, Confidence: a.Confidence, Note: a.Note,
	}})
	switch {
	case err == nil:
		w.WriteHeader(http.StatusNoContent)
	case errors.Is(err, canvas.ErrValueRange):
		writeError(w, http.StatusBadRequest, "value", "must be a whole number from 0 to 100")
	case errors.Is(err, canvas.ErrConfidenceRange):
		writeError(w, http.StatusBadRequest, "confidence", "must be 1 to 5, or left out")
	case errors.Is(err, canvas.ErrBadNote):
		writeError(w, http.StatusBadRequest, "note", fmt.Sprintf("must be at most %d characters, without control characters", canvas.MaxAnswerNote))
	case errors.Is(err, canvas.ErrUnknownDimension), errors.Is(err, canvas.ErrNotInRound):
		writeError(w, http.StatusNotFound, "", "no such dimension in this round")
	case errors.Is(err, canvas.ErrNoRound):
		writeError(w, http.StatusGone, "", "the round is closed")
	case errors.Is(err, canvas.ErrUnknownParticipant):
		// Taken out of the round on the laptop after claiming.
		writeError(w, http.StatusUnauthorized, "", "this name is no longer in the round")
	default:
		writeError(w, http.StatusBadRequest, "", err.Error())
	}
}

func (s *Server) join(w http.ResponseWriter, r *http.Request) {
	who, _ := s.client(r)
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	code, err := decodeString(body, "code")
	if err != nil {
		writeFieldError(w, err)
		return
	}
	code = strings.ToUpper(strings.TrimSpace(code))
	// A client past its tries learns nothing, the right code included:
	// otherwise it could go on guessing at the general rate.
	limited := !s.guesses.has(who)
	s.mu.Lock()
	right := subtle.ConstantTimeCompare([]byte(code), []byte(s.code)) == 1
	renewed := false
	if !right {
		s.wrong++
		if renewed = s.wrong >= s.lim.WrongCodes; renewed {
			// Someone may be guessing from many addresses: a new code
			// on the projector makes everything they learnt worthless.
			s.code, s.wrong = newCode(), 0
		}
	}
	s.mu.Unlock()
	if renewed {
		s.changed()
	}
	switch {
	case limited:
		writeError(w, http.StatusTooManyRequests, "code", "too many wrong codes: wait a minute")
	case right:
		http.Redirect(w, r, s.prefix, http.StatusSeeOther)
	default:
		s.guesses.allow(who)
		writeError(w, http.StatusForbidden, "code", "wrong code")
	}
}

// allow answers 405 for any other method.
func allow(w http.ResponseWriter, r *http.Request, methods ...string) bool {
	if slices.Contains(methods, r.Method) {
		return true
	}
	w.Header().Set("Allow", strings.Join(methods, ", "))
	writeError(w, http.StatusMethodNotAllowed, "", "method not allowed")
	return false
}

// readBody reads at most MaxBody bytes, answering 413 for more.
func readBody(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, "", "the body is over 64 KB")
		} else {
			writeError(w, http.StatusBadRequest, "", "the body could not be read")
		}
		return nil, false
	}
	return b, true
}

func writePage(w http.ResponseWriter, page []byte) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write(page)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, field, problem string) {
	writeJSON(w, status, FieldError{Field: field, Problem: problem})
}

func writeFieldError(w http.ResponseWriter, err error) {
	var fe *FieldError
	if errors.As(err, &fe) {
		writeJSON(w, http.StatusBadRequest, fe)
		return
	}
	writeError(w, http.StatusBadRequest, "", err.Error())
}
