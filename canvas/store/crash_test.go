package store_test

// Reliability tests: processes killed mid-write, backups and restores,
// damaged files, full disks, old files and leaked goroutines.

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
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

// --- backups ----------------------------------------------------------------

// backupName is the name Backup gives a backup of sessions.db taken i
// minutes and 7i milliseconds after baseTime (09:26:53 UTC, 14 March
// 2025), for i < 34, worked out by hand.
func backupName(i int) string {
	return fmt.Sprintf("sessions-20250314-09%02d53.%03d.db", 26+i, 7*i)
}

func backupTime(i int) time.Time {
	return baseTime.Add(time.Duration(i)*time.Minute + time.Duration(7*i)*time.Millisecond)
}

// sameSessions fails unless the store at path holds exactly the given
// sessions.
func sameSessions(t *testing.T, path string, want ...*canvas.Session) {
	t.Helper()
	st := openStore(t, path, store.Options{ReadOnly: true})
	sums, err := st.ListSummaries()
	must(t, err)
	if len(sums) != len(want) {
		t.Errorf("%s holds %d sessions, want %d: %s", path, len(sums), len(want), jsonOf(sums))
	}
	for _, w := range want {
		got, err := st.Load(w.ID)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		if d := sessionDiff(got, w); d != "" {
			t.Errorf("%s: session %s differs:%s", path, w.ID, d)
		}
	}
	must(t, st.Close())
}

func TestBackupsAreCheckedAndPruned(t *testing.T) {
	path := dbPath(t)
	dir := filepath.Dir(path)
	bdir := filepath.Join(dir, "backups")
	st := openStore(t, path, store.Options{})
	a := fullSession(t)
	b := newSession(t, "Segunda — 第二", "P2")
	must(t, st.Save(a))
	must(t, st.Save(b))
	wantA, wantB := deepCopy(t, a), deepCopy(t, b)

	if got := store.BackupsDir(path); got != bdir {
		t.Errorf("BackupsDir = %q, want %q", got, bdir)
	}
	p, err := st.Backup(backupTime(0))
	must(t, err)
	if want := filepath.Join(bdir, backupName(0)); p != want {
		t.Errorf("Backup wrote %q, want %q", p, want)
	}
	must(t, store.VerifyFile(p))
	sameSessions(t, p, wantA, wantB)

	for i := 1; i < 25; i++ {
		got, err := st.Backup(backupTime(i))
		must(t, err)
		if want := filepath.Join(bdir, backupName(i)); got != want {
			t.Fatalf("backup %d wrote %q, want %q", i, got, want)
		}
	}
	// The newest 20 are kept, newest first: 24 down to 5.
	var want []string
	for i := 24; i >= 5; i-- {
		want = append(want, filepath.Join(bdir, backupName(i)))
	}
	list, err := store.Backups(path)
	must(t, err)
	if !slices.Equal(list, want) {
		t.Errorf("Backups after 25 =\n%s\nwant\n%s", strings.Join(list, "\n"), strings.Join(want, "\n"))
	}
	// Nothing else is left in the folder (no temporary files).
	var names []string
	for i := 5; i < 25; i++ {
		names = append(names, backupName(i))
	}
	if got := dirNames(t, bdir); !slices.Equal(got, names) {
		t.Errorf("backup folder holds %q, want %q", got, names)
	}

	// Nothing changed since backup 24: no new backup.
	got, made, err := st.BackupIfChanged(baseTime.Add(time.Hour))
	must(t, err)
	if made || got != want[0] {
		t.Errorf("BackupIfChanged with no change = %q, %v; want %q, false", got, made, want[0])
	}
	if list, _ := store.Backups(path); !slices.Equal(list, want) {
		t.Errorf("BackupIfChanged with no change changed the list: %q", list)
	}

	// A save makes the next one back up: 11:26:53.000, and backup 5 goes.
	a.Title = "cambiada después de la copia"
	must(t, st.Save(a))
	got, made, err = st.BackupIfChanged(baseTime.Add(2 * time.Hour))
	must(t, err)
	newest := filepath.Join(bdir, "sessions-20250314-112653.000.db")
	if !made || got != newest {
		t.Errorf("BackupIfChanged after a save = %q, %v; want %q, true", got, made, newest)
	}
	want = append([]string{newest}, want[:19]...)
	list, err = store.Backups(path)
	must(t, err)
	if !slices.Equal(list, want) {
		t.Errorf("Backups after BackupIfChanged =\n%s\nwant\n%s", strings.Join(list, "\n"), strings.Join(want, "\n"))
	}
	changed := deepCopy(t, a)
	sameSessions(t, newest, changed, wantB)
	if _, made, err := st.BackupIfChanged(baseTime.Add(3 * time.Hour)); err != nil || made {
		t.Errorf("second BackupIfChanged without a change: made %v, %v", made, err)
	}

	// The newest backup is damaged in its middle: the previous one is the
	// newest good one.
	data := readBytes(t, newest)
	copy(data[len(data)/4:], garbage(len(data)/2, 7))
	writeBytes(t, newest, data)
	if err := store.VerifyFile(newest); err == nil {
		t.Fatal("VerifyFile accepted a backup with garbage in its middle")
	}
	good, err := store.NewestGoodBackup(path)
	must(t, err)
	if prev := filepath.Join(bdir, backupName(24)); good != prev {
		t.Errorf("NewestGoodBackup = %q, want %q", good, prev)
	}

	// A backup into a missing folder fails and leaves nothing behind.
	before := dirNames(t, dir)
	out := filepath.Join(dir, "missing", "out.db")
	if err := st.BackupTo(out); err == nil {
		t.Error("BackupTo into a missing folder succeeded")
	}
	assertMissing(t, out)
	assertMissing(t, filepath.Dir(out))
	if after := dirNames(t, dir); !slices.Equal(before, after) {
		t.Errorf("failed BackupTo changed the folder: %q, then %q", before, after)
	}
	// A good BackupTo writes exactly the sessions, and nothing else.
	out = filepath.Join(dir, "copy.db")
	must(t, st.BackupTo(out))
	must(t, store.VerifyFile(out))
	sameSessions(t, out, changed, wantB)
	wantNames := append(slices.Clone(before), "copy.db")
	slices.Sort(wantNames)
	if after := dirNames(t, dir); !slices.Equal(after, wantNames) {
		t.Errorf("BackupTo left %q, want %q", after, wantNames)
	}
	if _, err := store.NewestGoodBackup(filepath.Join(dir, "other.db")); !errors.Is(err, store.ErrNoBackup) {
		t.Errorf("NewestGoodBackup of a file without backups: %v, want ErrNoBackup", err)
	}
}

func assertMissing(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("%s should not exist (stat: %v)", path, err)
	}
}

// TestBackupsOfSiblingFilesStayApart: two session files in one folder share
// the backups folder; "work-old.db"'s backups start with "work-", so they
// must not count as "work.db"'s.
func TestBackupsOfSiblingFilesStayApart(t *testing.T) {
	dir := t.TempDir()
	work := filepath.Join(dir, "work.db")
	old := filepath.Join(dir, "work-old.db")
	stOld := openStore(t, old, store.Options{})
	must(t, stOld.Save(newSession(t, "vieja", "p")))
	oldBackup, err := stOld.Backup(baseTime.Add(24 * time.Hour)) // newer than all of work's
	must(t, err)
	must(t, stOld.Close())

	st := openStore(t, work, store.Options{})
	s := newSession(t, "trabajo", "p")
	must(t, st.Save(s))
	mine, err := st.Backup(baseTime)
	must(t, err)

	list, err := store.Backups(work)
	must(t, err)
	if !slices.Equal(list, []string{mine}) {
		t.Errorf("Backups(work.db) = %q, want only %q", list, mine)
	}
	if b, err := store.NewestGoodBackup(work); err != nil || b != mine {
		t.Errorf("NewestGoodBackup(work.db) = %q, %v; want %q (restoring %q would put another file's sessions in place)", b, err, mine, oldBackup)
	}
	// Pruning work.db's backups leaves work-old.db's alone.
	for i := 1; i <= store.BackupsKept; i++ {
		_, err := st.Backup(baseTime.Add(time.Duration(i) * time.Second))
		must(t, err)
	}
	if _, err := os.Stat(oldBackup); err != nil {
		t.Errorf("pruning work.db's backups removed work-old.db's: %v", err)
	}
	list, err = store.Backups(work)
	must(t, err)
	if len(list) != store.BackupsKept || slices.Contains(list, oldBackup) {
		t.Errorf("Backups(work.db) after %d more = %d entries (contains work-old's: %v)", store.BackupsKept, len(list), slices.Contains(list, oldBackup))
	}
}

// --- restore ----------------------------------------------------------------

func TestRestore(t *testing.T) {
	path := dbPath(t)
	dir := filepath.Dir(path)
	st, err := store.Open(path, store.Options{})
	must(t, err)
	a := fullSession(t)
	b := newSession(t, "Segunda", "P2")
	must(t, st.Save(a))
	must(t, st.Save(b))
	wantA, wantB := deepCopy(t, a), deepCopy(t, b)
	backup, err := st.Backup(baseTime)
	must(t, err)
	// The file moves on after the backup.
	c := newSession(t, "Tercera, después de la copia", "P3")
	must(t, st.Save(c))
	must(t, st.Delete(a.ID))
	must(t, st.Close())
	before := readBytes(t, path)
	backupBytes := readBytes(t, backup)

	aside, err := store.Restore(path, backup, baseTime)
	must(t, err)
	if want := path + ".before-restore-20250314-092653"; aside != want {
		t.Errorf("aside = %q, want %q", aside, want)
	}
	if got, err := os.ReadFile(aside); err != nil || !bytes.Equal(got, before) {
		t.Errorf("the file set aside is not the previous file byte for byte (read: %v)", err)
	}
	if got := readBytes(t, path); !bytes.Equal(got, backupBytes) {
		t.Error("the restored file is not a copy of the backup")
	}
	if got := readBytes(t, backup); !bytes.Equal(got, backupBytes) {
		t.Error("Restore changed the backup")
	}
	if names := dirNames(t, dir); !slices.Equal(names, []string{"backups", "sessions.db", "sessions.db.before-restore-20250314-092653"}) {
		t.Errorf("folder after restore: %q", names)
	}
	st = openStore(t, path, store.Options{})
	must(t, st.Check())
	must(t, st.Close())
	sameSessions(t, path, wantA, wantB)

	// A damaged backup is refused and nothing changes.
	damaged := filepath.Join(dir, "damaged.db")
	data := slices.Clone(backupBytes)
	copy(data[len(data)/4:], garbage(len(data)/2, 11))
	writeBytes(t, damaged, data)
	junk := filepath.Join(dir, "junk.db")
	writeBytes(t, junk, garbage(64<<10, 12))
	for _, bad := range []string{damaged, junk, filepath.Join(dir, "missing.db")} {
		before := readBytes(t, path)
		names := dirNames(t, dir)
		if aside, err := store.Restore(path, bad, baseTime.Add(time.Hour)); err == nil {
			t.Errorf("Restore from %s succeeded (aside %q)", filepath.Base(bad), aside)
		}
		if !bytes.Equal(readBytes(t, path), before) {
			t.Errorf("Restore from %s changed the file", filepath.Base(bad))
		}
		if after := dirNames(t, dir); !slices.Equal(after, names) {
			t.Errorf("Restore from %s changed the folder: %q, then %q", filepath.Base(bad), names, after)
		}
	}
	assertMissing(t, path+".before-restore-20250314-102653")
}

// TestRestoreTwiceInOneSecondKeepsBoth: SetAside promises that nothing is
// ever deleted, so a second restore within the same second must not
// replace the file the first one set aside.
func TestRestoreTwiceInOneSecondKeepsBoth(t *testing.T) {
	path := dbPath(t)
	st, err := store.Open(path, store.Options{})
	must(t, err)
	must(t, st.Save(newSession(t, "uno", "p")))
	backup, err := st.Backup(baseTime)
	must(t, err)
	must(t, st.Save(newSession(t, "dos", "p")))
	must(t, st.Close())
	first := readBytes(t, path)

	aside1, err := store.Restore(path, backup, baseTime)
	must(t, err)
	st, err = store.Open(path, store.Options{})
	must(t, err)
	must(t, st.Save(newSession(t, "tres", "p")))
	must(t, st.Close())
	second := readBytes(t, path)

	aside2, err := store.Restore(path, backup, baseTime.Add(300*time.Millisecond))
	must(t, err)
	if aside2 == aside1 {
		t.Errorf("both restores set the previous file aside as %s", aside1)
	}
	if got, err := os.ReadFile(aside1); err != nil || !bytes.Equal(got, first) {
		t.Errorf("the file set aside by the first restore was replaced by the second (%v)", err)
	}
	if got, err := os.ReadFile(aside2); err != nil || !bytes.Equal(got, second) {
		t.Errorf("the file set aside by the second restore is not the file it replaced (%v)", err)
	}
}

// --- damaged files ------------------------------------------------------------

func TestDamagedFileIsNeverWritten(t *testing.T) {
	path, ids := sessionsDB(t, 12)
	orig := readBytes(t, path)
	ps := boltPageSize(t, orig)

	t.Run("both meta pages", func(t *testing.T) {
		for _, how := range []string{"garbage", "one byte"} {
			data := slices.Clone(orig)
			for _, m := range []int{0, ps} {
				if how == "garbage" {
					copy(data[m+16:m+ps], garbage(ps-16, uint32(m+1)))
				} else {
					data[m+metaTxidOff] ^= 0x40 // the checksum no longer matches
				}
			}
			p := filepath.Join(t.TempDir(), "meta.db")
			writeBytes(t, p, data)
			for _, opts := range []store.Options{{LockTimeout: 200 * time.Millisecond}, {ReadOnly: true, LockTimeout: 200 * time.Millisecond}} {
				noPanic(t, "Open", func() {
					st, err := store.Open(p, opts)
					if err == nil {
						st.Close()
						t.Errorf("%s: Open(%+v) of a file with both meta pages broken succeeded", how, opts)
						return
					}
					if !errors.Is(err, store.ErrDamaged) {
						t.Errorf("%s: Open(%+v) = %v, want ErrDamaged", how, opts, err)
					}
				})
				if !bytes.Equal(readBytes(t, p), data) {
					t.Errorf("%s: failed Open(%+v) changed the file", how, opts)
				}
			}
		}
	})

	t.Run("data page", func(t *testing.T) {
		found := damagedCopies(t, path, 6, func(p string, page int) bool {
			var st *store.Store
			var err error
			noPanic(t, fmt.Sprintf("Open (page %d)", page), func() {
				st, err = store.Open(p, store.Options{LockTimeout: 200 * time.Millisecond})
			})
			if st == nil {
				if err != nil && !errors.Is(err, store.ErrDamaged) {
					t.Errorf("page %d: Open = %v, want ErrDamaged", page, err)
				}
				return false
			}
			defer st.Close()
			var cerr error
			noPanic(t, fmt.Sprintf("Check (page %d)", page), func() { cerr = st.Check() })
			if cerr == nil {
				return false // a free page: nothing reads it
			}
			if !errors.Is(cerr, store.ErrDamaged) {
				t.Errorf("page %d: Check = %v, want ErrDamaged", page, cerr)
			}
			before := readBytes(t, p)
			s := newSession(t, "no debe escribirse", "p")
			if err := st.Save(s); !errors.Is(err, store.ErrDamaged) {
				t.Errorf("page %d: Save after a failed check = %v, want ErrDamaged", page, err)
			}
			if _, err := st.Import([]*canvas.Session{newSession(t, "tampoco", "p")}); !errors.Is(err, store.ErrDamaged) {
				t.Errorf("page %d: Import after a failed check = %v, want ErrDamaged", page, err)
			}
			if err := st.Delete(ids[0]); !errors.Is(err, store.ErrDamaged) {
				t.Errorf("page %d: Delete after a failed check = %v, want ErrDamaged", page, err)
			}
			a := store.NewAutosaver(st, time.Hour, nil)
			a.Changed(s)
			if err := a.Flush(); !errors.Is(err, store.ErrDamaged) || !a.Pending() {
				t.Errorf("page %d: autosave after a failed check = %v, pending %v; want ErrDamaged, true", page, err, a.Pending())
			}
			a.Discard()
			for _, id := range ids {
				noPanic(t, fmt.Sprintf("Load(%s) (page %d)", id, page), func() {
					got, err := st.Load(id)
					// A damaged branch page can hide a key, so "not found"
					// is possible too; a panic or another error is not.
					if err != nil && !errors.Is(err, store.ErrDamaged) && !errors.Is(err, store.ErrNotFound) {
						t.Errorf("page %d: Load(%s) = %v, want nil, ErrDamaged or ErrNotFound", page, id, err)
					}
					if err == nil && got.ID != id {
						t.Errorf("page %d: Load(%s) returned session %s", page, id, got.ID)
					}
				})
			}
			noPanic(t, "ListSummaries", func() { _, _ = st.ListSummaries() })
			if !bytes.Equal(readBytes(t, p), before) {
				t.Errorf("page %d: the damaged file changed after the check found it damaged", page)
			}
			must(t, st.Close())
			if !bytes.Equal(readBytes(t, p), before) {
				t.Errorf("page %d: Close changed the damaged file", page)
			}
			return true
		})
		if found == 0 {
			t.Fatal("no damaged page made Check fail")
		}
	})

	// Open commits a transaction before anyone can check the file, so
	// opening a damaged file for writing already writes to it: it replaces
	// the older meta page, the one a rescue could roll back to.
	t.Run("open writes nothing to a damaged file", func(t *testing.T) {
		found := damagedCopies(t, path, 1, func(p string, page int) bool {
			// Only pages that Check finds, read-only so this probe writes
			// nothing.
			ro, err := store.Open(p, store.Options{ReadOnly: true})
			if err != nil {
				return false
			}
			cerr := ro.Check()
			ro.Close()
			if cerr == nil {
				return false
			}
			before := readBytes(t, p)
			st, err := store.Open(p, store.Options{LockTimeout: 200 * time.Millisecond})
			if err == nil {
				st.Close()
			}
			if !bytes.Equal(readBytes(t, p), before) {
				t.Errorf("page %d: a writable Open of a damaged file changed it (Open: %v)", page, err)
			}
			return true
		})
		if found == 0 {
			t.Fatal("no damaged page made Check fail")
		}
	})

	// A freelist page bbolt cannot read makes it panic inside Open; the
	// file must still be reported as damaged, not as locked, on a second
	// try in the same process.
	t.Run("freelist page", func(t *testing.T) {
		data := slices.Clone(orig)
		free := freelistPage(t, data)
		copy(data[free*ps:(free+1)*ps], garbage(ps, 99))
		p := filepath.Join(t.TempDir(), "freelist.db")
		writeBytes(t, p, data)
		for try := 1; try <= 2; try++ {
			noPanic(t, "Open", func() {
				st, err := store.Open(p, store.Options{LockTimeout: 200 * time.Millisecond})
				if err == nil {
					st.Close()
					t.Errorf("try %d: Open of a file with a garbage freelist succeeded", try)
					return
				}
				if !errors.Is(err, store.ErrDamaged) {
					t.Errorf("try %d: Open = %v, want ErrDamaged", try, err)
				}
			})
		}
		if !bytes.Equal(readBytes(t, p), data) {
			t.Error("a failed Open changed the file")
		}
	})
}

// --- full disk and read-only files ----------------------------------------

func TestFullDiskKeepsEditInMemory(t *testing.T) {
	path := dbPath(t)
	st, err := store.Open(path, store.Options{})
	must(t, err)
	s := fullSession(t)
	must(t, st.Save(s))
	must(t, st.Close())
	fi, err := os.Stat(path)
	must(t, err)
	limit := int(fi.Size()) + 2*os.Getpagesize() // just above the file
	saved := deepCopy(t, s)

	st, err = store.Open(path, store.Options{MaxSize: limit})
	must(t, err)
	a, clk, log := newFakeAutosaver(t, st, time.Hour)
	edit := bigSession(t, s) // same id, ~1 MiB more
	edit.Title = "editada con el disco lleno"
	a.Changed(edit)
	err = a.Flush()
	if err == nil {
		t.Fatalf("Flush of a session far over MaxSize %d succeeded", limit)
	}
	if !errors.Is(err, bolterrors.ErrMaxSizeReached) {
		t.Errorf("Flush error = %v, want ErrMaxSizeReached", err)
	}
	if !a.Pending() {
		t.Error("Pending() = false after the failed save: the edit was dropped")
	}
	if calls := log.calls(); len(calls) != 1 || calls[0] == nil {
		t.Errorf("onSaved calls = %v, want one error", calls)
	}
	if clk.scheduled() != 2 {
		t.Errorf("%d timers scheduled, want 2 (the change and a retry)", clk.scheduled())
	}
	got, err := st.Load(s.ID)
	must(t, err)
	if d := sessionDiff(got, saved); d != "" {
		t.Errorf("the failed save changed the stored session:%s", d)
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() > int64(limit) {
		t.Errorf("file size %d exceeds MaxSize %d (%v)", fi.Size(), limit, err)
	}
	// A retry after the store is closed fails too and keeps the edit.
	must(t, st.Close())
	clk.fire(t, 1)
	if !a.Pending() {
		t.Error("Pending() = false after a retry on a closed store")
	}
	a.Discard()

	// Room again: the edit, still in memory, saves.
	want := deepCopy(t, edit)
	st2 := openStore(t, path, store.Options{})
	a2, _, log2 := newFakeAutosaver(t, st2, time.Hour)
	a2.Changed(edit)
	must(t, a2.Flush())
	if a2.Pending() {
		t.Error("Pending() after a successful save")
	}
	if calls := log2.calls(); len(calls) != 1 || calls[0] != nil {
		t.Errorf("onSaved calls = %v, want one nil", calls)
	}
	got, err = st2.Load(s.ID)
	must(t, err)
	if d := sessionDiff(got, want); d != "" {
		t.Errorf("the edit made while the disk was full was not saved:%s", d)
	}
	must(t, st2.Check())

	t.Run("read-only store", func(t *testing.T) {
		before := readBytes(t, path)
		must(t, st2.Close())
		ro := openStore(t, path, store.Options{ReadOnly: true})
		e := want.Clone()
		e.Title = "no cabe en un archivo de sólo lectura"
		noPanic(t, "Save on a read-only store", func() {
			if err := ro.Save(e); !errors.Is(err, bolterrors.ErrDatabaseReadOnly) {
				t.Errorf("Save on a read-only store = %v, want ErrDatabaseReadOnly", err)
			}
		})
		a, _, _ := newFakeAutosaver(t, ro, time.Hour)
		a.Changed(e)
		noPanic(t, "Flush on a read-only store", func() {
			if err := a.Flush(); err == nil {
				t.Error("autosave on a read-only store succeeded")
			}
		})
		if !a.Pending() {
			t.Error("Pending() = false after a failed save on a read-only store")
		}
		a.Discard()
		got, err := ro.Load(s.ID)
		must(t, err)
		if got.Title != want.Title {
			t.Errorf("title %q after failed saves, want %q", got.Title, want.Title)
		}
		must(t, ro.Close())
		if !bytes.Equal(readBytes(t, path), before) {
			t.Error("a read-only store changed the file")
		}
	})

	t.Run("read-only folder", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root ignores file permissions")
		}
		dir := t.TempDir()
		p := filepath.Join(dir, "ro.db")
		st, err := store.Open(p, store.Options{})
		must(t, err)
		must(t, st.Save(newSession(t, "guardada", "p")))
		must(t, st.Close())
		before := readBytes(t, p)
		must(t, os.Chmod(p, 0o400))
		must(t, os.Chmod(dir, 0o500))
		t.Cleanup(func() { os.Chmod(dir, 0o700); os.Chmod(p, 0o600) })
		noPanic(t, "Open", func() {
			st, err := store.Open(p, store.Options{})
			if err == nil {
				st.Close()
				t.Error("writable Open of a read-only file succeeded")
			} else if !errors.Is(err, fs.ErrPermission) {
				t.Errorf("Open = %v, want a permission error", err)
			}
			fresh := filepath.Join(dir, "new.db")
			if st, err := store.Open(fresh, store.Options{}); err == nil {
				st.Close()
				t.Error("Open of a new file in a read-only folder succeeded")
			}
			assertMissing(t, fresh)
		})
		if !bytes.Equal(readBytes(t, p), before) {
			t.Error("a failed Open changed the file")
		}
	})
}

// --- schema 1 files ---------------------------------------------------------

// schemaFixture is a store file written by the first schema. It is
// committed and never regenerated by a later schema.
const schemaFixture = "testdata/schema-v1.db"

// schemaFixtureSessions builds the three sessions of the fixture from the
// example file:
//
//	schema1-a  the example as it is: all 23 dimensions have a current
//	           value, summing to 1498: index 1498/23 = 65.13, Leaning ToB;
//	           6 placements. Updated 2026-11-21 10:00.
//	schema1-b  no current values; placements customer 10, 20 (median 15)
//	           and release-cadence 80, 30, 45 (median 45): index
//	           (15+45)/2 = 30, Leaning ToC; 5 placements. Updated
//	           2026-11-22 10:00.
//	schema1-c  no positions and no placements: no index; 0 placements.
//	           Updated 2026-11-20 12:00.
func schemaFixtureSessions(t *testing.T) []*canvas.Session {
	t.Helper()
	raw := readBytes(t, "../testdata/example-session.json")
	variant := func(change func(m map[string]any)) *canvas.Session {
		var m map[string]any
		must(t, json.Unmarshal(raw, &m))
		change(m)
		data, err := json.Marshal(m)
		must(t, err)
		s, err := canvas.DecodeFile(bytes.NewReader(data), time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
		must(t, err)
		return s
	}
	a := variant(func(m map[string]any) {
		m["id"] = "schema1-a"
		m["updated"] = "2026-11-21T10:00:00Z"
	})
	b := variant(func(m map[string]any) {
		m["id"] = "schema1-b"
		m["title"] = "Segunda sesión — 第二"
		m["product"] = "Widget Pro"
		m["updated"] = "2026-11-22T10:00:00Z"
		for _, p := range m["positions"].([]any) {
			delete(p.(map[string]any), "current")
		}
		m["placements"] = []any{
			map[string]any{"dimension": "customer", "participant": "ana", "value": 10},
			map[string]any{"dimension": "customer", "participant": "li", "value": 20, "confidence": 2},
			map[string]any{"dimension": "release-cadence", "participant": "ana", "value": 80},
			map[string]any{"dimension": "release-cadence", "participant": "li", "value": 30, "note": "每周"},
			map[string]any{"dimension": "release-cadence", "participant": "sam", "value": 45},
		}
	})
	c := variant(func(m map[string]any) {
		m["id"] = "schema1-c"
		m["title"] = "Tercera, sin datos"
		m["product"] = "Nada"
		m["updated"] = "2026-11-20T12:00:00Z"
		m["positions"] = []any{}
		m["placements"] = []any{}
		m["actions"] = []any{}
	})
	return []*canvas.Session{a, b, c}
}

// TestSchemaV1FileStillOpens must stay forever: every later Fulcrum has to
// read files the first schema wrote. Do not regenerate the fixture with a
// later schema; add a new fixture for a new schema instead. To write it
// (once, with schema 1): UPDATE_SCHEMA_FIXTURE=1 go test -run
// TestSchemaV1FileStillOpens ./canvas/store/
func TestSchemaV1FileStillOpens(t *testing.T) {
	if os.Getenv("UPDATE_SCHEMA_FIXTURE") == "1" {
		if store.SchemaVersion != 1 {
			t.Fatalf("this build writes schema %d; the fixture must stay a schema-1 file", store.SchemaVersion)
		}
		must(t, os.MkdirAll(filepath.Dir(schemaFixture), 0o755))
		tmp := filepath.Join(t.TempDir(), "schema-v1.db")
		st, err := store.Open(tmp, store.Options{})
		must(t, err)
		ids, err := st.Import(schemaFixtureSessions(t))
		must(t, err)
		if !slices.Equal(ids, []string{"schema1-a", "schema1-b", "schema1-c"}) {
			t.Fatalf("fixture ids %v", ids)
		}
		// A compact copy: only the pages in use.
		must(t, st.BackupTo(schemaFixture))
		must(t, st.Close())
		must(t, os.Chmod(schemaFixture, 0o644))
	}

	fixture := readBytes(t, schemaFixture)
	path := filepath.Join(t.TempDir(), "old.db")
	writeBytes(t, path, fixture)

	// The file really is a schema-1 file.
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	must(t, err)
	must(t, db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket([]byte("meta"))
		if meta == nil {
			return errors.New("no meta bucket")
		}
		if v := string(meta.Get([]byte("schema"))); v != "1" {
			return fmt.Errorf("fixture schema %q, want 1", v)
		}
		return nil
	}))
	must(t, db.Close())

	check := func(t *testing.T, st *store.Store) {
		t.Helper()
		must(t, st.Check())
		checkSummaries(t, st, []wantSummary{
			{"schema1-b", "Segunda sesión — 第二", "Widget Pro", time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC), 30, true, canvas.BandLeaningToC},
			{"schema1-a", "Q4 positioning · 第四季度定位", "Nubia CRM", time.Date(2026, 11, 21, 10, 0, 0, 0, time.UTC), 1498.0 / 23, true, canvas.BandLeaningToB},
			{"schema1-c", "Tercera, sin datos", "Nada", time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC), 0, false, ""},
		})
		for _, w := range []struct {
			id, title  string
			placements int
			created    time.Time
		}{
			{"schema1-a", "Q4 positioning · 第四季度定位", 6, time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)},
			{"schema1-b", "Segunda sesión — 第二", 5, time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)},
			{"schema1-c", "Tercera, sin datos", 0, time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)},
		} {
			s, err := st.Load(w.id)
			if err != nil {
				t.Errorf("Load(%s): %v", w.id, err)
				continue
			}
			withCurrent := 0
			for _, p := range s.Positions {
				if p.Current != nil {
					withCurrent++
				}
			}
			if want := map[string]int{"schema1-a": 23}[w.id]; withCurrent != want {
				t.Errorf("%s: %d positions with a current value, want %d", w.id, withCurrent, want)
			}
			if s.ID != w.id || s.Title != w.title || len(s.Placements) != w.placements || !s.Created.Equal(w.created) ||
				len(s.Dimensions) != 23 || len(s.Participants) != 3 || s.Participants[1].Name != "李伟" {
				t.Errorf("Load(%s) = id %q title %q, %d placements, %d dimensions, created %v, participants %s; want %q, %d placements, 23 dimensions, created %v",
					w.id, s.ID, s.Title, len(s.Placements), len(s.Dimensions), s.Created, jsonOf(s.Participants), w.title, w.placements, w.created)
			}
		}
	}
	t.Run("read-only", func(t *testing.T) {
		st := openStore(t, path, store.Options{ReadOnly: true})
		check(t, st)
		must(t, st.Close())
		if !bytes.Equal(readBytes(t, path), fixture) {
			t.Error("a read-only open changed the file")
		}
	})
	t.Run("writable", func(t *testing.T) {
		st := openStore(t, path, store.Options{})
		check(t, st)
		// And it takes new writes.
		s := newSession(t, "nueva en un archivo viejo", "p")
		must(t, st.Save(s))
		must(t, st.Check())
	})
}

// --- goroutines -------------------------------------------------------------

func TestNoGoroutineLeakOverOpenClose(t *testing.T) {
	path := dbPath(t)
	s := newSession(t, "ciclo", "p")
	// 100 cycles keep the test's power. The check below allows 2 goroutines
	// of noise, so a leak of one goroutine per cycle shows as 100 extra,
	// fifty times the allowance, and a leak in as few as 3 of the 100 cycles
	// fails the test. Check runs every 10th cycle, 10 times, so a leak of
	// one goroutine per Check is caught too. The 1,000 cycles this ran
	// before could only add leaks rarer than that, at ten times the cost.
	const cycles = 100
	baseline := runtime.NumGoroutine()
	for i := range cycles {
		st, err := store.Open(path, store.Options{})
		if err != nil {
			t.Fatalf("cycle %d: %v", i, err)
		}
		s.Title = fmt.Sprintf("ciclo %d", i)
		if err := st.Save(s); err != nil {
			t.Fatalf("cycle %d: %v", i, err)
		}
		got, err := st.Load(s.ID)
		if err != nil || got.Title != s.Title {
			t.Fatalf("cycle %d: Load = %v, %v", i, got, err)
		}
		if i%10 == 0 {
			must(t, st.Check()) // Check reads its findings from a goroutine
		}
		a := store.NewAutosaver(st, 0, nil)
		s.Title = fmt.Sprintf("ciclo %d autosave", i)
		a.Changed(s)
		if err := a.Close(); err != nil {
			t.Fatalf("cycle %d: autosaver Close: %v", i, err)
		}
		if err := st.Close(); err != nil {
			t.Fatalf("cycle %d: %v", i, err)
		}
	}
	n := runtime.NumGoroutine()
	for deadline := time.Now().Add(500 * time.Millisecond); n > baseline+2 && time.Now().Before(deadline); n = runtime.NumGoroutine() {
		time.Sleep(5 * time.Millisecond)
	}
	if n > baseline+2 {
		buf := make([]byte, 1<<20)
		buf = buf[:runtime.Stack(buf, true)]
		t.Errorf("%d goroutines after %d open/close cycles, %d before\n%s", n, cycles, baseline, buf)
	}
	st := openStore(t, path, store.Options{ReadOnly: true})
	got, err := st.Load(s.ID)
	must(t, err)
	if want := fmt.Sprintf("ciclo %d autosave", cycles-1); got.Title != want {
		t.Errorf("title after the cycles %q, want %q", got.Title, want)
	}
}
