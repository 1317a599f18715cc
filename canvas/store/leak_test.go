package store_test

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

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
