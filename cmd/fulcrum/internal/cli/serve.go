package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/fulcrum-workshop/fulcrum/app/phones"
	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// runServe runs a phone round without a window: the same server, change
// path and autosave as the app's, until SIGINT or SIGTERM. The round stays
// open, unrevealed, for the reveal in the app. The first line of output is
// the join URL, for scripts.
func runServe(env *Env, args []string) (code int) {
	w := env.w
	f := newFlags(env, "serve")
	db := f.dbFlag()
	addr := f.str("addr", "HOST:PORT", "", w.T("cli.serve.flag.addr", phones.DefaultPort))
	people := f.str("participants", "ID,ID…", "", w.T("cli.serve.flag.participants"))
	clear := f.Bool("clear", false, w.T("cli.serve.flag.clear"))
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return f.usageError(w.T("cli.serve.one-id"))
	}
	id := pos[0]
	stopped, release := env.stopSignal()
	defer release()
	// A closed stdout (a script that read the URL and went) must not end
	// serve with SIGPIPE before the last answers are saved.
	signal.Ignore(syscall.SIGPIPE)

	path := env.DBPath(*db)
	if _, err := os.Stat(path); err != nil {
		return env.fail("serve", w.T("cli.error.session-file", path), err)
	}
	st, err := openStore(path, false)
	if err != nil {
		return env.fail("serve", w.T("cli.error.open", path), err)
	}
	defer st.Close()
	// The window's start-up check and backups, at once: serve has no
	// first frame to wait for. Damage stops the round's server, since no
	// answer could be saved any more.
	damaged := make(chan error, 1)
	keeper := store.Keep(st, store.KeepOptions{Report: func(ev store.Event) {
		switch ev.Kind {
		case store.Damaged:
			damaged <- ev.Err
		case store.CheckFailed:
			fmt.Fprintf(env.Stderr, "fulcrum serve: %s\n", w.T("cli.serve.check-failed", reason(w, ev.Err)))
		case store.BackupFailed:
			fmt.Fprintf(env.Stderr, "fulcrum serve: %s\n", w.T("cli.serve.backup-failed", reason(w, ev.Err)))
		}
	}})
	defer keeper.Stop()
	s, err := st.Load(id)
	if err != nil {
		return env.fail("serve", w.T("cli.error.load", id, path), err)
	}
	owner := canvas.NewOwner(s, env.Now)
	// A save that fails is said at once, not only at the end: the phones
	// go on getting their answers taken, and the facilitator must know
	// they are held in memory only until the disk takes them again.
	var failing atomic.Bool
	saver := store.NewAutosaver(st, 0, func(err error) {
		switch {
		case err != nil && !failing.Swap(true):
			fmt.Fprintf(env.Stderr, "fulcrum serve: %s\n", w.T("cli.serve.save-failing", reason(w, err)))
		case err == nil && failing.Swap(false):
			fmt.Fprintf(env.Stderr, "fulcrum serve: %s\n", w.T("cli.serve.save-again"))
		}
	})
	defer func() {
		if err := saver.Close(); err != nil {
			code = env.fail("serve", w.T("cli.serve.save", id, path), err)
		}
	}()
	stopSaving := saver.Follow(owner)
	defer stopSaving()

	// The address is checked before the session is touched: a mistyped
	// --addr must not start a round that clears earlier placements.
	host := *addr
	if host == "" {
		ifs, err := phones.Interfaces()
		if err != nil {
			return env.fail("serve", w.T("cli.serve.no-network"), err)
		}
		host = ifs[0].IP.String()
	}
	if err := phones.CheckAddr(host); err != nil {
		return env.fail("serve", w.T("cli.serve.listen", host), err)
	}
	if code, ok := env.openRound(owner, *people, *clear); !ok {
		return code
	}
	if err := saver.Flush(); err != nil { // a new round is on disk before any phone sees it
		return env.fail("serve", w.T("cli.serve.save", id, path), err)
	}

	pr := &progressPrinter{env: env, owner: owner}
	srv, err := phones.Start(phones.Config{Owner: owner, Words: w, Addr: host, OnChange: pr.print})
	if err != nil {
		return env.fail("serve", w.T("cli.serve.listen", host), err)
	}
	pr.mu.Lock()
	pr.srv = srv
	pr.mu.Unlock()
	stopListening := owner.Listen(func(canvas.Change) { pr.print() })
	defer stopListening()

	fmt.Fprintln(env.Stdout, srv.URL())
	fmt.Fprintln(env.Stdout, w.T("cli.serve.address", srv.Address(), srv.Code()))
	if q, err := phones.NewQR(srv.URL()); err == nil {
		fmt.Fprint(env.Stdout, q.Text())
	}
	fmt.Fprintln(env.Stdout, w.T("cli.serve.firewall"))
	fmt.Fprintln(env.Stdout, w.T("cli.serve.stop"))
	pr.print()

	var damage error
	select {
	case <-stopped:
	case damage = <-damaged:
	}
	// Answers in flight are stored; then every token and code stops.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = srv.Shutdown(ctx)
	if damage != nil {
		return env.fail("serve", w.T("cli.error.session-file", path), damage)
	}
	p := srv.Progress()
	fmt.Fprintln(env.Stdout, w.T("cli.serve.stopped", len(p.Done), len(pr.order())))
	return ExitOK
}

// openRound serves the blind round in progress, or starts one over every
// dimension with people (a comma-separated list of ids; everyone when
// empty). A new round clears the placements of an earlier one, so it
// starts over them only with clear, as the app asks first. On failure it
// has printed why.
func (env *Env) openRound(o *canvas.Owner, people string, clear bool) (int, bool) {
	w := env.w
	var r *canvas.Round
	o.Read(func(s *canvas.Session) {
		if s.InRound() {
			r = s.Round
		}
	})
	var ids []string
	for _, p := range strings.Split(people, ",") {
		if p = strings.TrimSpace(p); p != "" {
			ids = append(ids, p)
		}
	}
	switch {
	case r != nil && r.Mode != canvas.RoundBlind:
		return env.fail("serve", "", errors.New(w.T("cli.serve.recorded-round"))), false
	case r != nil && len(ids) > 0:
		return env.fail("serve", "", errors.New(w.T("cli.serve.round-open"))), false
	case r != nil:
		return ExitOK, true
	}
	n := 0
	o.Read(func(s *canvas.Session) { n = s.PlacementsInRound(nil) })
	if n > 0 && !clear {
		return env.fail("serve", "", errors.New(w.N("cli.serve.would-clear", n))), false
	}
	if err := o.Apply(canvas.StartRound{Mode: canvas.RoundBlind, Participants: ids, At: env.Now()}); err != nil {
		return env.fail("serve", w.T("cli.serve.start"), err), false
	}
	return ExitOK, true
}

// stopSignal returns a channel closed on SIGINT or SIGTERM, or env.Stop
// in tests. It is set up before the join URL is printed, so a script
// that stops serve as soon as it reads the URL stops it cleanly.
func (env *Env) stopSignal() (<-chan struct{}, func()) {
	if env.Stop != nil {
		return env.Stop, func() {}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	return ctx.Done(), stop
}

// progressPrinter prints who has joined and who is done, as it changes,
// never what anyone placed; and a new join code when wrong guesses
// changed it.
type progressPrinter struct {
	env   *Env
	owner *canvas.Owner
	srv   *phones.Server

	mu           sync.Mutex
	joined, done []string
	code         string
}

func (pr *progressPrinter) order() []string {
	var ids []string
	pr.owner.Read(func(s *canvas.Session) {
		if s.Round != nil {
			ids = slices.Clone(s.Round.Order)
		}
	})
	return ids
}

func (pr *progressPrinter) print() {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	if pr.srv == nil {
		return
	}
	w, out := pr.env.w, pr.env.Stdout
	name := func(id string) string {
		n := id
		pr.owner.Read(func(s *canvas.Session) {
			if p, ok := s.Participant(id); ok {
				n = oneLine(p.Name)
			}
		})
		return n
	}
	p := pr.srv.Progress()
	for _, id := range p.Joined {
		if !slices.Contains(pr.joined, id) {
			fmt.Fprintln(out, w.T("cli.serve.joined", name(id)))
		}
	}
	for _, id := range p.Done {
		if !slices.Contains(pr.done, id) {
			fmt.Fprintln(out, w.T("cli.serve.done", name(id), len(p.Done), len(pr.order())))
		}
	}
	pr.joined, pr.done = p.Joined, p.Done
	if c := pr.srv.Code(); pr.code != "" && c != pr.code {
		fmt.Fprintln(out, w.T("cli.serve.new-code", c))
	}
	pr.code = pr.srv.Code()
}
