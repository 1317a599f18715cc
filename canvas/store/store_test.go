package store_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
	bolt "go.etcd.io/bbolt"
)

// holdEnv names the file the helper process holds open; see
// TestHelperHoldLock.
const holdEnv = "FULCRUM_HOLD_DB"

var baseTime = time.Date(2025, 3, 14, 9, 26, 53, 0, time.UTC)

func intPtr(v int) *int { return &v }

func dbPath(t *testing.T) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "sessions.db")
}

func openStore(t *testing.T, path string, opts store.Options) *store.Store {
	t.Helper()
	st, err := store.Open(path, opts)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st
}

func newSession(t *testing.T, title, product string) *canvas.Session {
	t.Helper()
	s, err := canvas.NewSession(canvas.TemplateFull, title, product, baseTime)
	if err != nil {
		t.Fatalf("NewSession: %v", err)
	}
	return s
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// fullSession builds a session that uses every part of the model, with
// non-ASCII text everywhere a user can type.
func fullSession(t *testing.T) *canvas.Session {
	t.Helper()
	s := newSession(t, "Taller de estrategia — 产品定位研讨会", "Plataforma de pagos «Ñandú» 支付平台")
	s.Facilitator = "María José Núñez"
	var ids []string
	for _, p := range [][2]string{{"张伟", "产品经理"}, {"Begoña Ibáñez", "Ventas & <marketing>"}, {"Zoë", ""}} {
		added, err := s.AddParticipant(p[0], p[1])
		must(t, err)
		ids = append(ids, added.ID)
	}
	p0, p1, p2 := ids[0], ids[1], ids[2]
	s.Settings = canvas.Settings{Threshold: 25, Anonymous: true, TimerSeconds: 90, TimerScope: canvas.TimerPerRound}
	// A blind round on two dimensions, half way through: p0 has placed,
	// p1 is on the private screen.
	must(t, s.StartRound(canvas.RoundBlind, []string{"customer", "data"}, baseTime.Add(10*time.Minute)))
	must(t, s.BeginTurn(p0))
	must(t, s.FinishTurn(p0))
	must(t, s.BeginTurn(p1))
	must(t, s.SetCurrent("customer", 75))
	must(t, s.SetTarget("customer", intPtr(90)))
	must(t, s.SetNote("customer", "客户主要是中小企业；¿y los autónomos?"))
	must(t, s.SetCurrent("value", 0))
	must(t, s.SetTarget("value", nil))
	must(t, s.SetNote("data", "数据归属 — propiedad de los datos\nsegunda línea"))
	must(t, s.SetTarget("revenue-model", intPtr(100)))
	s.Placements = []canvas.Placement{
		{Dimension: "customer", Participant: p0, Value: 70, Confidence: 4, Note: "大客户为主"},
		{Dimension: "customer", Participant: p1, Value: 80, Confidence: 5, Note: "Sí, claramente"},
		{Dimension: "data", Participant: p0, Value: 20},
		{Dimension: "data", Participant: p1, Value: 35, Confidence: 2, Note: "no estoy segura"},
		{Dimension: "data", Participant: p2, Value: 100, Confidence: 1},
	}
	s.Actions = []canvas.Action{
		{Text: "Entrevistar a cinco clientes", Owner: "Begoña", Due: "2025-04-01", Dimension: "customer"},
		{Text: "整理竞品定价", Owner: "张伟"},
	}
	// One rule this build knows, one it does not: both are kept.
	s.AcceptedTensions = []canvas.AcceptedTension{
		{Rule: "committee-self-serve", Reason: "Vendemos a comités, pero entramos con una prueba gratuita a propósito.\n先试用，再由销售跟进"},
		{Rule: "retired-rule", Reason: "a rule a later Fulcrum may retire"},
	}
	s.Touch(baseTime.Add(90*time.Minute + 123456789*time.Nanosecond))
	return s
}

// sessionDiff names the fields in which two sessions differ, with both
// values, or returns "" when they are deeply equal.
func sessionDiff(got, want *canvas.Session) string {
	if reflect.DeepEqual(got, want) {
		return ""
	}
	if got == nil || want == nil {
		return fmt.Sprintf("got %v, want %v", got, want)
	}
	var b strings.Builder
	gv, wv := reflect.ValueOf(got).Elem(), reflect.ValueOf(want).Elem()
	for i := range gv.NumField() {
		g, w := gv.Field(i).Interface(), wv.Field(i).Interface()
		if reflect.DeepEqual(g, w) {
			continue
		}
		fmt.Fprintf(&b, "\n  %s:\n    got:  %s\n    want: %s", gv.Type().Field(i).Name, short(jsonOf(g)), short(jsonOf(w)))
		if gt, ok := g.(time.Time); ok && gt.Equal(w.(time.Time)) {
			b.WriteString("\n    (same instant: location or monotonic reading differs)")
		}
	}
	return b.String()
}

// deepCopy copies a session through JSON, independently of Session.Clone,
// so an expectation can never share memory with what a test mutates.
func deepCopy(t *testing.T, s *canvas.Session) *canvas.Session {
	t.Helper()
	b, err := json.Marshal(s)
	must(t, err)
	var c canvas.Session
	must(t, json.Unmarshal(b, &c))
	return &c
}

func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 600 {
		return s[:600] + "…"
	}
	return s
}

func jsonOf(v any) string {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Sprintf("<%v>", err)
	}
	return string(b)
}

func TestRoundTripAcrossReopen(t *testing.T) {
	path := dbPath(t)
	orig := fullSession(t)
	// Sanity: the fixture really has what the round trip is meant to cover.
	if len(orig.Positions) != 4 || orig.Positions[0].Current == nil || *orig.Positions[0].Current != 75 ||
		orig.Positions[1].Target != nil || orig.Positions[2].Current != nil || orig.Positions[3].Target == nil {
		t.Fatalf("unexpected fixture positions: %s", jsonOf(orig.Positions))
	}
	if len(orig.Placements) != 5 || orig.Round == nil || len(orig.Round.Done) != 1 || orig.Round.Current == "" ||
		len(orig.Participants) != 3 || orig.Participants[2].Shape == "" {
		t.Fatalf("unexpected fixture: round %s, participants %s", jsonOf(orig.Round), jsonOf(orig.Participants))
	}
	if want := time.Date(2025, 3, 14, 10, 56, 53, 123000000, time.UTC); !orig.Updated.Equal(want) {
		t.Fatalf("fixture Updated = %v, want %v", orig.Updated, want)
	}
	// orig itself is the expectation (Save must not change it); the copy
	// only checks that.
	want := orig
	untouched := deepCopy(t, orig)

	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Path() != path {
		t.Errorf("Path() = %q, want %q", st.Path(), path)
	}
	must(t, st.Save(orig))
	must(t, st.Close())
	if d := sessionDiff(orig, untouched); d != "" {
		t.Fatalf("Save changed the session it was given:%s", d)
	}

	st = openStore(t, path, store.Options{})
	got, err := st.Load(want.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d := sessionDiff(got, want); d != "" {
		t.Errorf("loaded session differs from saved one:%s", d)
	}
	// Times must be equal as instants too (DeepEqual would also catch
	// monotonic or location differences, this names the field).
	if !got.Created.Equal(want.Created) || !got.Updated.Equal(want.Updated) {
		t.Errorf("times: got created %v updated %v, want %v %v", got.Created, got.Updated, want.Created, want.Updated)
	}
	ok, err := exists(st, want.ID)
	if err != nil || !ok {
		t.Errorf("Exists(%s) = %v, %v; want true, nil", want.ID, ok, err)
	}
	must(t, st.Check())
}

func TestLoadUnknownID(t *testing.T) {
	st := openStore(t, dbPath(t), store.Options{})
	must(t, st.Save(newSession(t, "otra", "x")))
	_, err := st.Load("does-not-exist")
	if !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Load(unknown) error = %v, want ErrNotFound", err)
	}
	ok, err := exists(st, "does-not-exist")
	if err != nil || ok {
		t.Errorf("Exists(unknown) = %v, %v; want false, nil", ok, err)
	}
	if err := st.Delete("does-not-exist"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Delete(unknown) error = %v, want ErrNotFound", err)
	}
}

func TestSaveWithoutIDFails(t *testing.T) {
	st := openStore(t, dbPath(t), store.Options{})
	s := newSession(t, "sin id", "x")
	s.ID = ""
	if err := st.Save(s); err == nil {
		t.Fatal("Save of a session without id succeeded")
	}
	sums, err := st.ListSummaries()
	if err != nil || len(sums) != 0 {
		t.Fatalf("ListSummaries = %v, %v; want empty", sums, err)
	}
}

type wantSummary struct {
	id, title, product string
	updated            time.Time
	index              float64
	valid              bool
	band               canvas.Band
}

func checkSummaries(t *testing.T, st *store.Store, want []wantSummary) {
	t.Helper()
	got, err := st.ListSummaries()
	if err != nil {
		t.Fatalf("ListSummaries: %v", err)
	}
	if len(got) != len(want) {
		t.Fatalf("ListSummaries returned %d entries, want %d:\n%s", len(got), len(want), jsonOf(got))
	}
	for i, w := range want {
		g := got[i]
		if g.ID != w.id || g.Title != w.title || g.Product != w.product || !g.Updated.Equal(w.updated) ||
			g.Index != w.index || g.IndexValid != w.valid || g.Band() != w.band {
			t.Errorf("summary %d = %+v\nwant %+v", i, g, w)
		}
	}
}

func TestListSummariesFollowsChanges(t *testing.T) {
	path := dbPath(t)
	st := openStore(t, path, store.Options{})

	// A: current 80 on customer (placements there are ignored), current 90
	// on value, placements 10,30,50,70 on data (median 40):
	// index (80+90+40)/3 = 70 -> Leaning ToB.
	a := newSession(t, "Sesión A", "Producto A")
	must(t, st.Save(a)) // saved once before it has positions
	must(t, a.SetCurrent("customer", 80))
	must(t, a.SetCurrent("value", 90))
	must(t, a.SetTarget("revenue-model", intPtr(0))) // a target alone adds nothing
	a.Placements = []canvas.Placement{
		{Dimension: "customer", Participant: "p1", Value: 0},
		{Dimension: "data", Participant: "p1", Value: 70},
		{Dimension: "data", Participant: "p2", Value: 10},
		{Dimension: "data", Participant: "p3", Value: 50},
		{Dimension: "data", Participant: "p4", Value: 30},
	}
	a.Touch(baseTime.Add(1 * time.Hour))
	// B: nothing placed -> no index.
	b := newSession(t, "会话 B", "产品 B")
	b.Touch(baseTime.Add(3 * time.Hour))
	// C: only customer at 20 -> 20, which is Leaning ToC (20 is not < 20).
	c := newSession(t, "Sesión C", "Producto C")
	must(t, c.SetCurrent("customer", 20))
	c.Touch(baseTime.Add(2 * time.Hour))

	for _, s := range []*canvas.Session{a, b, c} {
		must(t, st.Save(s))
	}
	checkSummaries(t, st, []wantSummary{
		{b.ID, "会话 B", "产品 B", baseTime.Add(3 * time.Hour), 0, false, ""},
		{c.ID, "Sesión C", "Producto C", baseTime.Add(2 * time.Hour), 20, true, canvas.BandLeaningToC},
		{a.ID, "Sesión A", "Producto A", baseTime.Add(1 * time.Hour), 70, true, canvas.BandLeaningToB},
	})

	// Re-save A with a new title, value moved to 0: (80+0+40)/3 = 40 ->
	// Hybrid (40 is inside the closed middle band); newest now.
	a.Title = "Sesión A — revisada"
	must(t, a.SetCurrent("value", 0))
	a.Touch(baseTime.Add(4*time.Hour + 500*time.Millisecond))
	must(t, st.Save(a))
	checkSummaries(t, st, []wantSummary{
		{a.ID, "Sesión A — revisada", "Producto A", baseTime.Add(4*time.Hour + 500*time.Millisecond), 40, true, canvas.BandHybrid},
		{b.ID, "会话 B", "产品 B", baseTime.Add(3 * time.Hour), 0, false, ""},
		{c.ID, "Sesión C", "Producto C", baseTime.Add(2 * time.Hour), 20, true, canvas.BandLeaningToC},
	})

	// Delete B.
	must(t, st.Delete(b.ID))
	if _, err := st.Load(b.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Load after Delete: %v, want ErrNotFound", err)
	}
	checkSummaries(t, st, []wantSummary{
		{a.ID, "Sesión A — revisada", "Producto A", baseTime.Add(4*time.Hour + 500*time.Millisecond), 40, true, canvas.BandHybrid},
		{c.ID, "Sesión C", "Producto C", baseTime.Add(2 * time.Hour), 20, true, canvas.BandLeaningToC},
	})

	// Import D (customer 100, value 95: 97.5 -> Strongly ToB), oldest.
	d := newSession(t, "Sesión D", "Producto D")
	must(t, d.SetCurrent("customer", 100))
	must(t, d.SetCurrent("value", 95))
	d.Touch(baseTime.Add(30 * time.Minute))
	// E has no dimensions positioned but one placement at 61 -> Leaning ToB
	// (60 is the last Hybrid value); newest.
	e := newSession(t, "Sesión E", "Producto E")
	pe, err := e.AddParticipant("P", "")
	must(t, err)
	e.Placements = []canvas.Placement{{Dimension: "sales-team", Participant: pe.ID, Value: 61}}
	e.Touch(baseTime.Add(5 * time.Hour))
	ids, err := st.Import([]*canvas.Session{d, e})
	must(t, err)
	if len(ids) != 2 || ids[0] != d.ID || ids[1] != e.ID {
		t.Fatalf("Import ids = %v, want [%s %s]", ids, d.ID, e.ID)
	}
	want := []wantSummary{
		{e.ID, "Sesión E", "Producto E", baseTime.Add(5 * time.Hour), 61, true, canvas.BandLeaningToB},
		{a.ID, "Sesión A — revisada", "Producto A", baseTime.Add(4*time.Hour + 500*time.Millisecond), 40, true, canvas.BandHybrid},
		{c.ID, "Sesión C", "Producto C", baseTime.Add(2 * time.Hour), 20, true, canvas.BandLeaningToC},
		{d.ID, "Sesión D", "Producto D", baseTime.Add(30 * time.Minute), 97.5, true, canvas.BandStronglyToB},
	}
	checkSummaries(t, st, want)

	// The index survives a reopen.
	must(t, st.Close())
	st = openStore(t, path, store.Options{})
	checkSummaries(t, st, want)
}

func TestListSummariesTieBreaksByID(t *testing.T) {
	st := openStore(t, dbPath(t), store.Options{})
	x := newSession(t, "x", "p")
	y := newSession(t, "y", "p")
	x.ID, y.ID = "bbbb", "aaaa"
	for _, s := range []*canvas.Session{x, y} {
		s.Touch(baseTime)
		must(t, st.Save(s))
	}
	sums, err := st.ListSummaries()
	must(t, err)
	if len(sums) != 2 || sums[0].ID != "aaaa" || sums[1].ID != "bbbb" {
		t.Fatalf("order = %s, want aaaa then bbbb", jsonOf(sums))
	}
}

func TestLockTimeoutInProcess(t *testing.T) {
	path := dbPath(t)
	first := openStore(t, path, store.Options{})

	start := time.Now()
	second, err := store.Open(path, store.Options{LockTimeout: 200 * time.Millisecond})
	elapsed := time.Since(start)
	if err == nil {
		second.Close()
		t.Fatal("second Open of a locked file succeeded")
	}
	if !errors.Is(err, store.ErrLocked) {
		t.Errorf("error = %v, want ErrLocked", err)
	}
	if !strings.Contains(err.Error(), "open in another Fulcrum window") {
		t.Errorf("error text %q does not tell the user why", err)
	}
	if elapsed > 20*time.Second { // a hang guard, not a speed check
		t.Errorf("second Open hung for %v; it should give up after its lock timeout", elapsed)
	}

	s := newSession(t, "después del bloqueo", "p")
	must(t, first.Save(s))
	got, err := first.Load(s.ID)
	must(t, err)
	if got.Title != s.Title {
		t.Errorf("Load title = %q, want %q", got.Title, s.Title)
	}
}

// TestHelperHoldLock is not a test: TestLockAcrossProcesses runs the test
// binary again with only this test selected and holdEnv set, so it opens
// the store in a separate process and holds it until stdin closes.
func TestHelperHoldLock(t *testing.T) {
	path := os.Getenv(holdEnv)
	if path == "" {
		t.Skip("helper process only")
	}
	st, err := store.Open(path, store.Options{})
	if err != nil {
		fmt.Println("open failed:", err)
		os.Exit(3)
	}
	fmt.Println("ready")
	_, _ = io.Copy(io.Discard, os.Stdin)
	_ = st.Close()
}

func TestLockAcrossProcesses(t *testing.T) {
	path := dbPath(t)
	// Create the file first, with a session, then release it.
	st, err := store.Open(path, store.Options{})
	must(t, err)
	s := newSession(t, "compartida", "p")
	must(t, st.Save(s))
	must(t, st.Close())

	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperHoldLock$", "-test.count=1")
	cmd.Env = append(os.Environ(), holdEnv+"="+path)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	must(t, err)
	stdout, err := cmd.StdoutPipe()
	must(t, err)
	must(t, cmd.Start())
	// exited is closed once the child has been waited for; waitErr is
	// its result.
	exited := make(chan struct{})
	var waitErr error
	t.Cleanup(func() {
		_ = stdin.Close()
		select {
		case <-exited:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
	})

	lines := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
		// Only wait once stdout is drained, as exec.Cmd requires.
		waitErr = cmd.Wait()
		close(exited)
	}()

	ready := false
	deadline := time.After(30 * time.Second) // bound on the child's start-up
	for !ready {
		select {
		case line, ok := <-lines:
			if !ok {
				t.Fatal("helper exited before it was ready")
			}
			if line == "ready" {
				ready = true
			} else if strings.HasPrefix(line, "open failed") {
				t.Fatalf("helper: %s", line)
			}
		case <-deadline:
			t.Fatal("helper never reported ready")
		}
	}
	go func() {
		for range lines { // keep draining so the child never blocks on stdout
		}
	}()

	start := time.Now()
	other, err := store.Open(path, store.Options{})
	elapsed := time.Since(start)
	if err == nil {
		other.Close()
		t.Fatal("Open succeeded while another process holds the file")
	}
	if !errors.Is(err, store.ErrLocked) {
		t.Errorf("error = %v, want ErrLocked", err)
	}
	// Only a hang guard: the default timeout is 1 s, and a loaded
	// machine may take longer to notice it.
	if elapsed > 20*time.Second {
		t.Errorf("Open hung for %v with the default lock timeout", elapsed)
	}

	// Once the other process lets go, the file opens and is intact.
	must(t, stdin.Close())
	select {
	case <-exited:
		if waitErr != nil {
			t.Fatalf("helper process: %v", waitErr)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("helper did not exit after stdin closed")
	}
	st2 := openStore(t, path, store.Options{})
	got, err := st2.Load(s.ID)
	must(t, err)
	if got.Title != "compartida" {
		t.Errorf("title = %q", got.Title)
	}
}

func TestImportCollidingIDGetsNewID(t *testing.T) {
	st := openStore(t, dbPath(t), store.Options{})
	existing := newSession(t, "Existente", "P1")
	must(t, st.Save(existing))

	dup := existing.Clone()
	dup.Title = "Importada con el mismo id 同一ID"
	fresh := newSession(t, "Importada nueva", "P2")
	freshID := fresh.ID
	noID := newSession(t, "Sin id", "P3")
	noID.ID = ""

	ids, err := st.Import([]*canvas.Session{dup, fresh, noID})
	must(t, err)
	if len(ids) != 3 {
		t.Fatalf("ids = %v, want 3", ids)
	}
	if ids[0] == existing.ID || ids[0] == "" {
		t.Errorf("colliding session kept id %q", ids[0])
	}
	if ids[1] != freshID {
		t.Errorf("non-colliding session id changed: %q, want %q", ids[1], freshID)
	}
	if ids[2] == "" || ids[2] == ids[0] || ids[2] == ids[1] || ids[2] == existing.ID {
		t.Errorf("session without id got %q (ids %v)", ids[2], ids)
	}

	// The existing session is untouched.
	got, err := st.Load(existing.ID)
	must(t, err)
	if d := sessionDiff(got, existing); d != "" {
		t.Errorf("existing session changed by import:%s", d)
	}
	for i, title := range []string{dup.Title, "Importada nueva", "Sin id"} {
		got, err := st.Load(ids[i])
		if err != nil {
			t.Errorf("Load(%s): %v", ids[i], err)
			continue
		}
		if got.Title != title || got.ID != ids[i] {
			t.Errorf("imported %d: id %q title %q, want %q %q", i, got.ID, got.Title, ids[i], title)
		}
	}
	sums, err := st.ListSummaries()
	must(t, err)
	if len(sums) != 4 {
		t.Errorf("ListSummaries has %d entries, want 4", len(sums))
	}
	must(t, st.Check())
}

func TestImportDuplicateWithinBatch(t *testing.T) {
	st := openStore(t, dbPath(t), store.Options{})
	a := newSession(t, "uno", "p")
	b := a.Clone()
	b.Title = "dos"
	ids, err := st.Import([]*canvas.Session{a, b})
	must(t, err)
	if len(ids) != 2 || ids[0] == ids[1] {
		t.Fatalf("ids = %v, want two distinct ids", ids)
	}
	for i, title := range []string{"uno", "dos"} {
		got, err := st.Load(ids[i])
		must(t, err)
		if got.Title != title {
			t.Errorf("session %d title %q, want %q", i, got.Title, title)
		}
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	st := openStore(t, dbPath(t), store.Options{})
	existing := newSession(t, "Existente", "P")
	must(t, st.Save(existing))

	good := newSession(t, "buena", "P")
	// bbolt refuses keys over 32 KiB, so this session cannot be stored and
	// makes the whole import fail after good was written in the same tx.
	bad := newSession(t, "mala", "P")
	bad.ID = strings.Repeat("x", 40000)

	ids, err := st.Import([]*canvas.Session{good, bad})
	if err == nil {
		t.Fatalf("Import with an unstorable session succeeded: %v", ids)
	}
	if ids != nil {
		t.Errorf("failed Import returned ids %v", ids)
	}
	if ok, err := exists(st, good.ID); err != nil || ok {
		t.Errorf("Exists(good) after failed import = %v, %v; want false", ok, err)
	}
	sums, err := st.ListSummaries()
	must(t, err)
	if len(sums) != 1 || sums[0].ID != existing.ID {
		t.Errorf("summaries after failed import: %s", jsonOf(sums))
	}
	must(t, st.Check())
}

// setRaw writes a key with bbolt directly, bypassing the store.
func setRaw(t *testing.T, path, bucket, key, value string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	must(t, err)
	defer db.Close()
	must(t, db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists([]byte(bucket))
		if err != nil {
			return err
		}
		return b.Put([]byte(key), []byte(value))
	}))
}

func TestTooNewSchemaIsRefusedUntouched(t *testing.T) {
	path := dbPath(t)
	st, err := store.Open(path, store.Options{})
	must(t, err)
	s := newSession(t, "vieja", "p")
	must(t, st.Save(s))
	must(t, st.Close())

	setRaw(t, path, "meta", "schema", "99")
	before, err := os.ReadFile(path)
	must(t, err)

	for _, opts := range []store.Options{{}, {ReadOnly: true}} {
		st, err := store.Open(path, opts)
		if err == nil {
			st.Close()
			t.Fatalf("Open(%+v) of a schema-99 file succeeded", opts)
		}
		if !errors.Is(err, store.ErrTooNew) {
			t.Errorf("Open(%+v) error = %v, want ErrTooNew", opts, err)
		}
		after, err := os.ReadFile(path)
		must(t, err)
		if !bytes.Equal(before, after) {
			t.Errorf("Open(%+v) changed the too-new file", opts)
		}
	}

	// The refused Open released its lock.
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatalf("file still locked after refused Open: %v", err)
	}
	db.Close()
}

func TestCurrentSchemaIsAccepted(t *testing.T) {
	path := dbPath(t)
	st, err := store.Open(path, store.Options{})
	must(t, err)
	must(t, st.Close())
	setRaw(t, path, "meta", "schema", fmt.Sprint(store.SchemaVersion))
	st = openStore(t, path, store.Options{})
	must(t, st.Check())
}

func TestGarbageSchemaIsDamaged(t *testing.T) {
	path := dbPath(t)
	st, err := store.Open(path, store.Options{})
	must(t, err)
	must(t, st.Close())
	setRaw(t, path, "meta", "schema", "not-a-number")
	st, err = store.Open(path, store.Options{})
	if err == nil {
		st.Close()
		t.Fatal("Open with a garbage schema version succeeded")
	}
	if !errors.Is(err, store.ErrDamaged) {
		t.Errorf("error = %v, want ErrDamaged", err)
	}
}

func TestTooNewRecordIsRefused(t *testing.T) {
	path := dbPath(t)
	st, err := store.Open(path, store.Options{})
	must(t, err)
	must(t, st.Close())
	rec := fmt.Sprintf(`{"v":%d,"session":{"id":"future","title":"t"}}`, store.SchemaVersion+1)
	setRaw(t, path, "sessions", "future", rec)
	st = openStore(t, path, store.Options{})
	if _, err := st.Load("future"); !errors.Is(err, store.ErrTooNew) {
		t.Errorf("Load of a newer record: %v, want ErrTooNew", err)
	}
}

func TestCheck(t *testing.T) {
	t.Run("fresh", func(t *testing.T) {
		st := openStore(t, dbPath(t), store.Options{})
		must(t, st.Check())
		must(t, st.Save(fullSession(t)))
		must(t, st.Check())
	})

	for _, tc := range []struct{ name, bucket, key, value string }{
		{"undecodable session", "sessions", "bad", "{not json"},
		{"session without summary", "sessions", "lonely", `{"v":1,"session":{"id":"lonely"}}`},
		{"null session", "sessions", "null", `{"v":1,"session":null}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := dbPath(t)
			st, err := store.Open(path, store.Options{})
			must(t, err)
			must(t, st.Save(newSession(t, "ok", "p")))
			must(t, st.Close())
			setRaw(t, path, tc.bucket, tc.key, tc.value)
			st = openStore(t, path, store.Options{})
			if err := st.Check(); !errors.Is(err, store.ErrDamaged) {
				t.Errorf("Check = %v, want ErrDamaged", err)
			}
			if tc.key != "lonely" {
				if _, err := st.Load(tc.key); !errors.Is(err, store.ErrDamaged) {
					t.Errorf("Load(%s) = %v, want ErrDamaged", tc.key, err)
				}
			}
		})
	}
}

func TestGarbageHeaderIsDamaged(t *testing.T) {
	for _, fill := range []string{"pattern", "zeros"} {
		t.Run(fill, func(t *testing.T) {
			path := dbPath(t)
			st, err := store.Open(path, store.Options{})
			must(t, err)
			must(t, st.Save(fullSession(t)))
			must(t, st.Close())

			garbage := make([]byte, 8<<10)
			if fill == "pattern" {
				x := uint32(2463534242)
				for i := range garbage {
					x ^= x << 13
					x ^= x >> 17
					x ^= x << 5
					garbage[i] = byte(x)
				}
			}
			f, err := os.OpenFile(path, os.O_WRONLY, 0)
			must(t, err)
			_, err = f.WriteAt(garbage, 0)
			must(t, err)
			must(t, f.Close())

			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Fatalf("Open panicked: %v", r)
					}
				}()
				st, err := store.Open(path, store.Options{LockTimeout: 200 * time.Millisecond})
				if err == nil {
					st.Close()
					t.Fatal("Open of a file with a garbage header succeeded")
				}
				if !errors.Is(err, store.ErrDamaged) {
					t.Errorf("error = %v, want ErrDamaged", err)
				}
			}()
		})
	}
}

func TestReadOnlyMissingFile(t *testing.T) {
	dir := t.TempDir()
	for _, path := range []string{
		filepath.Join(dir, "missing.db"),
		filepath.Join(dir, "sub", "missing.db"),
	} {
		st, err := store.Open(path, store.Options{ReadOnly: true})
		if err == nil {
			st.Close()
			t.Fatalf("ReadOnly Open of %s succeeded", path)
		}
		if !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("error = %v, want ErrNotExist", err)
		}
		if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("ReadOnly Open created %s (stat: %v)", path, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "sub")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadOnly Open created the directory (stat: %v)", err)
	}
}

func TestReadOnlyEmptyFile(t *testing.T) {
	path := dbPath(t)
	must(t, os.WriteFile(path, nil, 0o600))
	st, err := store.Open(path, store.Options{ReadOnly: true})
	if err == nil {
		st.Close()
		t.Fatal("ReadOnly Open of an empty file succeeded")
	}
	if !errors.Is(err, store.ErrDamaged) {
		t.Errorf("error = %v, want ErrDamaged", err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() != 0 {
		t.Errorf("ReadOnly Open changed the empty file (stat %v, %v)", fi, err)
	}
	// A writable Open of the same empty file makes it a store.
	st = openStore(t, path, store.Options{})
	must(t, st.Check())
}

func TestReadOnlyExistingFile(t *testing.T) {
	path := dbPath(t)
	st, err := store.Open(path, store.Options{})
	must(t, err)
	s := newSession(t, "sólo lectura", "p")
	must(t, st.Save(s))
	must(t, st.Close())
	before, err := os.ReadFile(path)
	must(t, err)

	ro := openStore(t, path, store.Options{ReadOnly: true})
	got, err := ro.Load(s.ID)
	must(t, err)
	if got.Title != s.Title {
		t.Errorf("title %q", got.Title)
	}
	if err := ro.Save(newSession(t, "nueva", "p")); err == nil {
		t.Error("Save through a read-only store succeeded")
	}
	must(t, ro.Close())
	after, err := os.ReadFile(path)
	must(t, err)
	if !bytes.Equal(before, after) {
		t.Error("read-only use changed the file")
	}
}

// bigSession returns a session whose record is far larger than smallMax.
func bigSession(t *testing.T, s *canvas.Session) *canvas.Session {
	t.Helper()
	big := s.Clone()
	big.Title = "enorme"
	must(t, big.SetNote("customer", strings.Repeat("ñ漢", 200<<10))) // ~1 MiB of UTF-8
	return big
}

const smallMax = 256 << 10

func TestMaxSizeKeepsPreviousVersion(t *testing.T) {
	path := dbPath(t)
	st := openStore(t, path, store.Options{MaxSize: smallMax})
	orig := fullSession(t)
	want := deepCopy(t, orig)
	must(t, st.Save(orig))

	big := bigSession(t, orig)
	if err := st.Save(big); err == nil {
		t.Fatal("Save of a session larger than MaxSize succeeded")
	}
	got, err := st.Load(want.ID)
	must(t, err)
	if d := sessionDiff(got, want); d != "" {
		t.Errorf("previous version changed by failed save:%s", d)
	}
	sums, err := st.ListSummaries()
	must(t, err)
	if len(sums) != 1 || sums[0].Title != want.Title {
		t.Errorf("summaries after failed save: %s", jsonOf(sums))
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() > smallMax {
		t.Errorf("file size %v (err %v) exceeds MaxSize %d", fi.Size(), err, smallMax)
	}

	// The store is still usable, and the data survives a reopen.
	orig.Title = "pequeña otra vez"
	must(t, st.Save(orig))
	must(t, st.Check())
	must(t, st.Close())
	st = openStore(t, path, store.Options{})
	got, err = st.Load(want.ID)
	must(t, err)
	if got.Title != "pequeña otra vez" {
		t.Errorf("title after reopen %q", got.Title)
	}
}

func TestLoadGivesOldParticipantsMarkers(t *testing.T) {
	path := dbPath(t)
	st, err := store.Open(path, store.Options{})
	must(t, err)
	must(t, st.Close())
	// A record from before participants had colours and shapes; the third
	// already has a shape and must keep its own colour.
	rec := `{"v":1,"session":{"id":"old","title":"antigua","product":"p","created":"2025-01-02T03:04:05Z","updated":"2025-01-02T03:04:05Z",` +
		`"dimensions":[],"participants":[{"id":"a","name":"Ana"},{"id":"b","name":"Bo"},{"id":"c","name":"Cy","colour":5,"shape":"hexagon"}],"settings":{}}}`
	setRaw(t, path, "sessions", "old", rec)
	st = openStore(t, path, store.Options{})
	got, err := st.Load("old")
	must(t, err)
	want := []canvas.Participant{
		{ID: "a", Name: "Ana", Colour: 0, Shape: canvas.ShapeCircle},
		{ID: "b", Name: "Bo", Colour: 1, Shape: canvas.ShapeSquare},
		{ID: "c", Name: "Cy", Colour: 5, Shape: canvas.ShapeHexagon},
	}
	if !reflect.DeepEqual(got.Participants, want) {
		t.Errorf("participants = %s\nwant %s", jsonOf(got.Participants), jsonOf(want))
	}
}

// Save reuses its encode buffer: each record stored must still be its own
// after later saves of other sessions, sequential or concurrent.
func TestSavesKeepEachRecordTheirOwn(t *testing.T) {
	path := dbPath(t)
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	big := fullSession(t)
	want := map[string]*canvas.Session{big.ID: deepCopy(t, big)}
	must(t, st.Save(big))
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := range 8 {
		s, err := canvas.NewSession(canvas.TemplateQuick, fmt.Sprintf("Sesión %d · 会话", i), "Producto", big.Updated)
		must(t, err)
		want[s.ID] = deepCopy(t, s)
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- st.Save(s)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		must(t, err)
	}
	must(t, st.Close())

	st = openStore(t, path, store.Options{})
	for id, w := range want {
		got, err := st.Load(id)
		if err != nil {
			t.Fatalf("load %s: %v", id, err)
		}
		if d := sessionDiff(got, w); d != "" {
			t.Errorf("session %s differs from what was saved:%s", id, d)
		}
	}
}

// exists reports whether a session id is taken, as Load tells it.
func exists(st *store.Store, id string) (bool, error) {
	_, err := st.Load(id)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, store.ErrNotFound):
		return false, nil
	}
	return false, err
}
