package store_test

// Processes killed mid-write, and the helpers the reliability tests share
// (damaged copies, raw pages, a file of sessions).

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// --- helpers ------------------------------------------------------------------

// crashEnv names the file TestHelperCrashWriter writes to.
const crashEnv = "FULCRUM_CRASH_DB"

// crashID is the session the crash writer keeps editing.
const crashID = "crash-edit"

// garbage returns n pseudo-random bytes, the same for the same seed.
func garbage(n int, seed uint32) []byte {
	out := make([]byte, n)
	x := seed | 1
	for i := range out {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		out[i] = byte(x >> 3)
	}
	return out
}

func readBytes(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func writeBytes(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// dirNames lists a folder's entries by name.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// Offsets in a bbolt file: a page starts with a 16-byte header; a meta page
// then holds magic, version, page size, flags (4 bytes each), the root
// bucket (16), the freelist page id, the high water mark, the transaction
// id and the checksum (8 each).
const (
	metaPageSizeOff = 16 + 8
	metaFreelistOff = 16 + 32
	metaTxidOff     = 16 + 48
)

// boltPageSize reads the page size from the first meta page of a good file.
func boltPageSize(t *testing.T, data []byte) int {
	t.Helper()
	ps := int(binary.LittleEndian.Uint32(data[metaPageSizeOff:]))
	if ps < 512 || ps > 1<<16 || ps&(ps-1) != 0 || len(data)%ps != 0 {
		t.Fatalf("implausible page size %d for a file of %d bytes", ps, len(data))
	}
	return ps
}

// freelistPage is the freelist page id named by the newer meta page.
func freelistPage(t *testing.T, data []byte) int {
	t.Helper()
	ps := boltPageSize(t, data)
	m0, m1 := data[:ps], data[ps:2*ps]
	m := m0
	if binary.LittleEndian.Uint64(m1[metaTxidOff:]) > binary.LittleEndian.Uint64(m0[metaTxidOff:]) {
		m = m1
	}
	return int(binary.LittleEndian.Uint64(m[metaFreelistOff:]))
}

// noPanic runs f and turns a panic into a test error.
func noPanic(t *testing.T, what string, f func()) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("%s panicked: %v", what, r)
		}
	}()
	f()
}

// sessionsDB makes a closed store file holding n full sessions with ids
// s00, s01, …, and returns its path and the ids.
func sessionsDB(t *testing.T, n int) (string, []string) {
	t.Helper()
	path := dbPath(t)
	st, err := store.Open(path, store.Options{})
	must(t, err)
	var ids []string
	for i := range n {
		s := fullSession(t)
		s.ID = fmt.Sprintf("s%02d", i)
		s.Title = fmt.Sprintf("sesión %d", i)
		must(t, st.Save(s))
		ids = append(ids, s.ID)
	}
	must(t, st.Close())
	return path, ids
}

// damagedCopies writes copies of the file at path with one page at a time
// overwritten with garbage, from the middle of the file outwards, and calls
// try with each copy until try has returned true max times. Meta pages and
// the freelist page are left alone. It returns how many copies try
// accepted.
func damagedCopies(t *testing.T, path string, max int, try func(copyPath string, page int) bool) int {
	t.Helper()
	orig := readBytes(t, path)
	ps := boltPageSize(t, orig)
	pages := len(orig) / ps
	free := freelistPage(t, orig)
	mid := pages / 2
	var order []int
	for d := 0; d < pages; d++ {
		for _, pg := range []int{mid + d, mid - d - 1} {
			if pg >= 2 && pg < pages && pg != free {
				order = append(order, pg)
			}
		}
	}
	found := 0
	for _, pg := range order {
		data := slices.Clone(orig)
		copy(data[pg*ps:(pg+1)*ps], garbage(ps, uint32(pg)*2654435761))
		p := filepath.Join(t.TempDir(), fmt.Sprintf("page-%d.db", pg))
		writeBytes(t, p, data)
		if try(p, pg) {
			if found++; found == max {
				break
			}
		}
	}
	return found
}

// --- crash at random moments ----------------------------------------------

// TestHelperCrashWriter is not a test: TestCrashAtRandomMoments runs the
// test binary again with only this test selected and crashEnv set, and
// kills it at a random moment. It edits one session forever, printing
// "saved N" once the save of title "edit N" has returned, and every fifth
// time imports two sessions and prints "imported ID1 ID2" once the import
// has returned. Every line is written with a single Write, so a kill never
// leaves half a line.
func TestHelperCrashWriter(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		t.Skip("helper process for TestCrashAtRandomMoments")
	}
	say := func(format string, a ...any) {
		if _, err := os.Stdout.Write(fmt.Appendf(nil, format, a...)); err != nil {
			os.Exit(4)
		}
	}
	fail := func(format string, a ...any) {
		say("error: "+format+"\n", a...)
		os.Exit(3)
	}
	st, err := store.Open(path, store.Options{})
	if err != nil {
		fail("open: %v", err)
	}
	sess, err := st.Load(crashID)
	if err != nil {
		fail("load: %v", err)
	}
	var n int
	if _, err := fmt.Sscanf(sess.Title, "edit %d", &n); err != nil {
		fail("title %q: %v", sess.Title, err)
	}
	say("ready %d\n", n)
	for i := 1; ; i++ {
		n++
		sess.Title = fmt.Sprintf("edit %d", n)
		sess.Touch(baseTime.Add(time.Duration(n) * time.Second))
		if err := st.Save(sess); err != nil {
			fail("save %d: %v", n, err)
		}
		say("saved %d\n", n)
		if i%5 == 0 {
			// Small sessions, so checking the ever bigger file stays quick.
			now := baseTime.Add(time.Duration(n) * time.Second)
			a := &canvas.Session{ID: canvas.NewID(), Title: fmt.Sprintf("import %d a", n), Product: "crash", Created: now, Updated: now}
			b := &canvas.Session{ID: canvas.NewID(), Title: fmt.Sprintf("import %d b", n), Product: "crash", Created: now, Updated: now}
			ids, err := st.Import([]*canvas.Session{a, b})
			if err != nil || len(ids) != 2 {
				fail("import after %d: %v %v", n, ids, err)
			}
			say("imported %s %s\n", ids[0], ids[1])
		}
	}
}

// childOutput collects the complete lines a child writes.
type childOutput struct {
	mu    sync.Mutex
	lines []string
	ready chan struct{} // closed at the first "ready" line
	done  chan struct{} // closed at end of file
}

func collect(r io.Reader) *childOutput {
	o := &childOutput{ready: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(o.done)
		br := bufio.NewReader(r)
		seenReady := false
		for {
			line, err := br.ReadString('\n')
			if err != nil {
				return // a partial last line is not a complete report
			}
			o.mu.Lock()
			o.lines = append(o.lines, strings.TrimSuffix(line, "\n"))
			o.mu.Unlock()
			if !seenReady && strings.HasPrefix(line, "ready ") {
				seenReady = true
				close(o.ready)
			}
		}
	}()
	return o
}

func TestCrashAtRandomMoments(t *testing.T) {
	if os.Getenv(crashEnv) != "" {
		t.Skip("inside the helper process")
	}
	const iterations = 60
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 0x5eed))

	path := dbPath(t)
	st, err := store.Open(path, store.Options{})
	must(t, err)
	edit := newSession(t, "edit 0", "crash")
	edit.ID = crashID
	must(t, st.Save(edit))
	must(t, st.Close())

	title := 0 // the title number found in the file after the last crash
	count := 1 // sessions in the file after the last crash
	var imported []string
	var startup, verify time.Duration // time spent starting children and checking the file
	start := time.Now()
	for it := range iterations {
		// Most kills land while the child saves; every tenth may land
		// while it starts, opens or initialises the file.
		early := it%10 == 9
		delay := time.Duration(10+rng.IntN(141)) * time.Millisecond
		if early {
			delay = time.Duration(rng.IntN(80)) * time.Millisecond
		}

		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperCrashWriter$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashEnv+"="+path)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		r, w, err := os.Pipe()
		must(t, err)
		cmd.Stdout = w
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		w.Close()
		out := collect(r)
		started := time.Now()
		if !early {
			select {
			case <-out.ready:
			case <-out.done:
			case <-time.After(30 * time.Second):
				cmd.Process.Kill()
				cmd.Wait()
				r.Close()
				t.Fatalf("iteration %d: child did not start within 30 s", it)
			}
			startup += time.Since(started)
		}
		time.Sleep(delay)
		_ = cmd.Process.Kill()
		werr := cmd.Wait()
		<-out.done
		r.Close()
		if cmd.ProcessState.Exited() {
			t.Fatalf("iteration %d: child exited by itself (%v) instead of being killed\nstdout: %q\nstderr: %s",
				it, werr, out.lines, stderr.String())
		}

		// What the child reported before it died.
		lastSaved, seenImports, ready := title, 0, -1
		for _, line := range out.lines {
			f := strings.Fields(line)
			switch {
			case len(f) == 2 && f[0] == "ready":
				ready, _ = strconv.Atoi(f[1])
			case len(f) == 2 && f[0] == "saved":
				n, err := strconv.Atoi(f[1])
				if err != nil || n != lastSaved+1 {
					t.Fatalf("iteration %d: line %q after saved %d", it, line, lastSaved)
				}
				lastSaved = n
			case len(f) == 3 && f[0] == "imported":
				imported = append(imported, f[1], f[2])
				seenImports++
			default:
				t.Fatalf("iteration %d: unexpected line %q (stderr: %s)", it, line, stderr.String())
			}
		}
		if len(out.lines) > 0 && ready != title {
			t.Fatalf("iteration %d: child started from edit %d, the file had edit %d", it, ready, title)
		}

		// The file opens, passes the check and lost at most the write
		// in flight.
		verifying := time.Now()
		st, err := store.Open(path, store.Options{})
		if err != nil {
			t.Fatalf("iteration %d (killed after %v, %d lines): reopen: %v", it, delay, len(out.lines), err)
		}
		if err := st.Check(); err != nil {
			st.Close()
			t.Fatalf("iteration %d (killed after %v): %v", it, delay, err)
		}
		got, err := st.Load(crashID)
		if err != nil {
			st.Close()
			t.Fatalf("iteration %d: Load(%s): %v", it, crashID, err)
		}
		var n int
		if _, err := fmt.Sscanf(got.Title, "edit %d", &n); err != nil {
			t.Errorf("iteration %d: title %q", it, got.Title)
		}
		if n < lastSaved || n > lastSaved+1 {
			t.Errorf("iteration %d: title is edit %d, last reported save was edit %d (only the one in flight may be lost)", it, n, lastSaved)
		}
		for _, id := range imported {
			if s, err := st.Load(id); err != nil || s.ID != id {
				t.Errorf("iteration %d: imported session %s: %v", it, id, err)
			}
		}
		sums, err := st.ListSummaries()
		must(t, err)
		// The sessions added are the reported imports plus at most the one
		// in flight; and only one write can be in flight.
		extra := len(sums) - count - 2*seenImports
		if extra != 0 && extra != 2 {
			t.Errorf("iteration %d: %d sessions, had %d and %d imports were reported", it, len(sums), count, seenImports)
		}
		if extra == 2 && n == lastSaved+1 {
			t.Errorf("iteration %d: both a save and an import were in flight", it)
		}
		must(t, st.Close())
		verify += time.Since(verifying)
		title, count = n, len(sums)
		if t.Failed() {
			t.FailNow()
		}
	}
	fi, err := os.Stat(path)
	must(t, err)
	t.Logf("%d crashes in %v (children starting %v, checking the file %v): %d saves, %d sessions, file %d KiB",
		iterations, time.Since(start).Round(time.Millisecond), startup.Round(time.Millisecond), verify.Round(time.Millisecond), title, count, fi.Size()>>10)
	if title < iterations/2 {
		t.Errorf("only %d saves landed in %d runs: the kills came too early to test much", title, iterations)
	}
}
