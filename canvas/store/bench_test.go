package store_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/benchdata"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

func heavySession(tb testing.TB, id string) *canvas.Session {
	tb.Helper()
	s, err := benchdata.Heavy(id)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

const heavyID = benchdata.HeavyID

var (
	benchDir  string
	benchOnce sync.Once
	benchMu   sync.Mutex
	benchDBs  = map[int]string{}
)

// benchFile returns a real store file holding n sessions, the heavy one
// among them, built once per test binary run and shared by benchmarks.
func benchFile(b *testing.B, n int) string {
	b.Helper()
	benchOnce.Do(func() {
		d, err := os.MkdirTemp("", "fulcrum-bench-")
		if err != nil {
			b.Fatal(err)
		}
		benchDir = d
	})
	benchMu.Lock()
	defer benchMu.Unlock()
	if p, ok := benchDBs[n]; ok {
		return p
	}
	p := filepath.Join(benchDir, fmt.Sprintf("sessions-%d.db", n))
	if err := benchdata.WriteFile(p, n); err != nil {
		b.Fatal(err)
	}
	benchDBs[n] = p
	return p
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// BenchmarkFsyncBaseline is the physical limit of a durable save: the bytes
// of one encoded session written to a file and fsynced.
func BenchmarkFsyncBaseline(b *testing.B) {
	data, err := json.Marshal(heavySession(b, heavyID))
	if err != nil {
		b.Fatal(err)
	}
	f, err := os.Create(filepath.Join(b.TempDir(), "baseline"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := f.WriteAt(data, 0); err != nil {
			b.Fatal(err)
		}
		if err := f.Sync(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStoreSave is one durable save of the heavy session.
func BenchmarkStoreSave(b *testing.B) {
	st, err := store.Open(filepath.Join(b.TempDir(), "save.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	s := heavySession(b, heavyID)
	if err := st.Save(s); err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		i++
		_ = s.SetCurrent("customer", i%101) // a real edit each time
		if err := st.Save(s); err != nil {
			b.Fatal(err)
		}
	}
}

var sizes = []int{1000, 10000, 100000}

// BenchmarkStoreLoad loads the heavy session by id from files of growing
// size; it must stay flat.
func BenchmarkStoreLoad(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("sessions=%d", n), func(b *testing.B) {
			st, err := store.Open(benchFile(b, n), store.Options{ReadOnly: true})
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			for b.Loop() {
				s, err := st.Load(heavyID)
				if err != nil || len(s.Placements) != 12*len(s.Dimensions) {
					b.Fatalf("load: %v", err)
				}
			}
		})
	}
}

// BenchmarkStoreList10k opens a file and lists every session's summary, as
// the home screen does at start; it may grow linearly at most.
func BenchmarkStoreList10k(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("sessions=%d", n), func(b *testing.B) {
			path := benchFile(b, n)
			for b.Loop() {
				st, err := store.Open(path, store.Options{ReadOnly: true})
				if err != nil {
					b.Fatal(err)
				}
				sums, err := st.ListSummaries()
				if err != nil || len(sums) != n {
					b.Fatalf("list: %d, %v", len(sums), err)
				}
				st.Close()
			}
		})
	}
}
