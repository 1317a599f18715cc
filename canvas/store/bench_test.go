package store_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// The benchmark session: the Full template, 12 participants each placed on
// every dimension with a note, positions and notes set.
func heavySession(tb testing.TB, id string) *canvas.Session {
	tb.Helper()
	s, err := canvas.NewSession(canvas.TemplateFull, "Benchmark · 基准", "Nubia CRM", time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC))
	if err != nil {
		tb.Fatal(err)
	}
	s.ID = id
	for i := range 12 {
		p, err := s.AddParticipant(fmt.Sprintf("Participante %d", i+1), "Ventas")
		if err != nil {
			tb.Fatal(err)
		}
		for j, d := range s.Dimensions {
			pl := canvas.Placement{Dimension: d.Key, Participant: p.ID, Value: (i*37 + j*11) % 101, Confidence: 1 + (i+j)%5,
				Note: "Nota en español con razones, 以及一些中文说明。"}
			if err := s.SetPlacement(pl); err != nil {
				tb.Fatal(err)
			}
		}
	}
	for j, d := range s.Dimensions {
		_ = s.SetCurrent(d.Key, (j*13)%101)
		_ = s.SetNote(d.Key, "Acordado tras la discusión · 讨论后达成一致")
	}
	return s
}

// mixedSession is one of the many sessions that fill the large files:
// Quick or Full, with 0 to 12 participants.
func mixedSession(tb testing.TB, i int) *canvas.Session {
	tmpl := canvas.TemplateQuick
	if i%3 == 0 {
		tmpl = canvas.TemplateFull
	}
	s, err := canvas.NewSession(tmpl, fmt.Sprintf("Session %d", i), fmt.Sprintf("Product %d", i%97), time.Unix(1.7e9+int64(i)*60, 0))
	if err != nil {
		tb.Fatal(err)
	}
	s.ID = fmt.Sprintf("s%07d", i)
	for k := range i % 13 {
		p, _ := s.AddParticipant(fmt.Sprintf("P%d", k), "")
		for j, d := range s.Dimensions {
			_ = s.SetPlacement(canvas.Placement{Dimension: d.Key, Participant: p.ID, Value: (i + k*7 + j*3) % 101})
		}
	}
	for j, d := range s.Dimensions {
		_ = s.SetCurrent(d.Key, (i+j*5)%101)
	}
	return s
}

const heavyID = "heavy-session"

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
	st, err := store.Open(p, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	const batch = 1000
	for start := 0; start < n; start += batch {
		var ss []*canvas.Session
		for i := start; i < min(n, start+batch); i++ {
			if i == n/2 {
				ss = append(ss, heavySession(b, heavyID))
				continue
			}
			ss = append(ss, mixedSession(b, i))
		}
		if _, err := st.Import(ss); err != nil {
			b.Fatal(err)
		}
	}
	if err := st.Close(); err != nil {
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
				if err != nil || len(s.Placements) != 12*23 {
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
