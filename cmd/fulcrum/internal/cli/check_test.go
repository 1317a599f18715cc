package cli_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/fulcrum-workshop/fulcrum/canvas/store"
	"github.com/fulcrum-workshop/fulcrum/canvas/store/storetest"
	"github.com/fulcrum-workshop/fulcrum/cmd/fulcrum/internal/cli"
)

// The damaged files here keep their full size: bbolt panics on their pages,
// which the store recovers, but never faults, so they run in process. A
// truncated file faults (SIGBUS) and ends the process; truncations are
// TestDamagedFileEveryCommand's, in cmd/fulcrum.

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "good.db")
	importIDs(t, db, examplePath(t))

	out := mustRunCLI(t, "check", "--db", db)
	if !strings.Contains(out, "ok, 1 session\n") {
		t.Errorf("check of a good db: %q", out)
	}

	// A file full of garbage is damaged, for check and for every command
	// that opens it, and none of them changes it.
	garbage := make([]byte, 64<<10)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range garbage {
		garbage[i] = byte(rng.Uint32())
	}
	bad := filepath.Join(dir, "garbage.db")
	if err := os.WriteFile(bad, garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	small := writeJSONFile(t, filepath.Join(dir, "small.json"), indexSession())
	for _, args := range [][]string{
		{"check", "--db", bad},
		{"list", "--db", bad},
		{"list", "--json", "--db", bad},
		{"export", "--db", bad, "a-index", "--json", "-"},
		{"import", "--db", bad, small},
	} {
		r := runCLI(t, nil, args...)
		if r.code != cli.ExitDamaged {
			t.Errorf("fulcrum %q: exit %d, want %d (damaged)", args, r.code, cli.ExitDamaged)
		}
		if !strings.Contains(r.stderr, "damaged") {
			t.Errorf("fulcrum %q: stderr does not say damaged: %q", args, r.stderr)
		}
		if strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "goroutine") {
			t.Errorf("fulcrum %q: stderr mentions a panic: %q", args, r.stderr)
		}
		if args[0] == "import" && r.stdout != "" {
			t.Errorf("import into a damaged db printed ids: %q", r.stdout)
		}
	}
	if !bytes.Equal(readFile(t, bad), garbage) {
		t.Error("a command changed the damaged file")
	}

	// A good file with its freelist page overwritten passes list but not
	// check.
	data := readFile(t, db)
	broken := filepath.Join(dir, "broken.db")
	copy(data[3*4096:4*4096], garbage)
	if err := os.WriteFile(broken, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if r := runCLI(t, nil, "check", "--db", broken); r.code != cli.ExitDamaged || !strings.Contains(r.stderr, "damaged") {
		t.Errorf("check of a db with a garbage page: exit %d, stderr %q", r.code, r.stderr)
	}

	// A missing file is an error and is not created.
	missing := filepath.Join(dir, "missing.db")
	if r := runCLI(t, nil, "check", "--db", missing); r.code != 1 || !strings.Contains(r.stderr, "missing.db") {
		t.Errorf("check of a missing db: exit %d, stderr %q", r.code, r.stderr)
	}
	assertNotExist(t, missing)

	// An empty file fails cleanly, as damaged (it holds no Fulcrum data);
	// a panic would end the test binary.
	empty := writeFile(t, filepath.Join(dir, "empty.db"), "")
	if r := runCLI(t, nil, "check", "--db", empty); r.code != cli.ExitDamaged {
		t.Errorf("check of an empty file: exit %d, want %d (damaged)", r.code, cli.ExitDamaged)
	}
}

// freelistPageOf reads the freelist page id from the newer meta page of a
// bbolt file (little-endian fields: txid at 64, freelist at 48 in a page).
func freelistPageOf(data []byte, pageSize int) int {
	u64 := func(b []byte) uint64 {
		var v uint64
		for i := 7; i >= 0; i-- {
			v = v<<8 | uint64(b[i])
		}
		return v
	}
	meta := data[:pageSize]
	if u64(data[pageSize+64:]) > u64(data[64:]) {
		meta = data[pageSize : 2*pageSize]
	}
	return int(u64(meta[48:]))
}

func TestCheckDamagedDataPage(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "good.db")
	ex := examplePath(t)
	importIDs(t, db, ex, ex, ex, ex, ex, ex)
	data := readFile(t, db)
	ps := os.Getpagesize()
	if len(data)%ps != 0 {
		t.Fatalf("file of %d bytes is not in %d-byte pages", len(data), ps)
	}
	pages := len(data) / ps
	free := freelistPageOf(data, ps)
	rng := rand.New(rand.NewPCG(5, 6))
	found := 0
	for d := 0; d < pages && found < 3; d++ {
		pg := pages/2 + d
		if d%2 == 1 {
			pg = pages/2 - d
		}
		if pg < 2 || pg >= pages || pg == free {
			continue
		}
		broken := slices.Clone(data)
		for i := pg * ps; i < (pg+1)*ps; i++ {
			broken[i] = byte(rng.Uint32())
		}
		p := filepath.Join(dir, fmt.Sprintf("page-%d.db", pg))
		if err := os.WriteFile(p, broken, 0o600); err != nil {
			t.Fatal(err)
		}
		// Only pages the check can find: a free page is no damage.
		st, err := store.Open(p, store.Options{ReadOnly: true})
		if err != nil {
			continue
		}
		cerr := st.Check()
		st.Close()
		if cerr == nil {
			continue
		}
		found++
		r := runCLI(t, nil, "check", "--db", p)
		if r.code != cli.ExitDamaged || r.stdout != "" || !strings.Contains(r.stderr, "damaged") {
			t.Errorf("check with page %d damaged: exit %d, stdout %q, stderr %q; want 3, nothing, damaged", pg, r.code, r.stdout, r.stderr)
		}
		if strings.Contains(r.stderr, "goroutine ") || strings.Contains(r.stderr, "panic(") {
			t.Errorf("check with page %d damaged printed a trace:\n%s", pg, r.stderr)
		}
		if !bytes.Equal(readFile(t, p), broken) {
			t.Errorf("check changed the file with page %d damaged", pg)
		}
	}
	if found == 0 {
		t.Fatal("no damaged page made the check fail")
	}
}

// TestFileFailingFulcrumsCheck: a file whose pages are sound but whose
// records the app cannot use (a summary without a session) fails `check`,
// is refused by `restore` as a backup and by `import` as a target, and is
// left as it was. Its pages are sound, so it runs in process.
func TestFileFailingFulcrumsCheck(t *testing.T) {
	dir := t.TempDir()
	goodPath, _, err := storetest.HistoryFile(dir, "good.db", 2)
	if err != nil {
		t.Fatal(err)
	}
	good := readFile(t, goodPath)
	bad := filepath.Join(dir, "bad.db")
	if err := os.WriteFile(bad, good, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(bad, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("summaries")).Put([]byte("fantasma"), []byte{2, 0, 0, 0, 0})
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	broken := readFile(t, bad)
	session := examplePath(t)
	for _, args := range [][]string{
		{"check", "--db", bad},
		{"restore", "--db", goodPath, bad},
		{"import", "--db", bad, session},
	} {
		r := runCLI(t, nil, args...)
		if r.code != cli.ExitDamaged || !strings.Contains(r.stderr, "damaged") || !strings.Contains(r.stderr, "fantasma") {
			t.Errorf("%s: exit %d, stderr %q; want 3 and the damage named", args[0], r.code, r.stderr)
		}
	}
	if !bytes.Equal(readFile(t, bad), broken) {
		t.Error("the file that fails the check changed")
	}
	if !bytes.Equal(readFile(t, goodPath), good) {
		t.Error("a refused restore changed the target")
	}
}
