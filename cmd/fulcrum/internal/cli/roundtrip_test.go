package cli_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/cmd/fulcrum/internal/cli"
)

func TestImportExportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	db1 := filepath.Join(dir, "one.db")
	db2 := filepath.Join(dir, "two.db")
	orig := examplePath(t)

	id := importIDs(t, db1, orig)[0]
	if !idRE.MatchString(id) {
		t.Fatalf("import printed id %q, want 16 hex digits", id)
	}

	out1 := filepath.Join(dir, "out1.json")
	if out := mustRunCLI(t, "export", "--db", db1, id, "--json", out1); out != "" {
		t.Errorf("export to a file wrote to stdout: %q", out)
	}
	export1 := readFile(t, out1)

	toStdout := mustRunCLI(t, "export", "--db", db1, id, "--json", "-")
	if toStdout != string(export1) {
		t.Errorf("export --json - differs from export --json FILE:\n%s\n---\n%s", toStdout, export1)
	}

	// The id is free in a fresh db, so it is kept.
	if got := importIDs(t, db2, out1)[0]; got != id {
		t.Errorf("re-import into a fresh db gave id %q, want %q", got, id)
	}
	out2 := filepath.Join(dir, "out2.json")
	mustRunCLI(t, "export", id, "--json", out2, "--db", db2)
	if export2 := readFile(t, out2); !bytes.Equal(export1, export2) {
		t.Errorf("second export differs from the first:\n%s\n---\n%s", export1, export2)
	}

	// Text is written as UTF-8, not escaped.
	for _, s := range []string{
		"Q4 positioning · 第四季度定位",
		"我们每周发布，客户并没有抱怨。",
		"Vendemos a equipos comerciales, no a personas.",
		"Ana García",
	} {
		if !bytes.Contains(export1, []byte(s)) {
			t.Errorf("export does not contain %q verbatim", s)
		}
	}

	// Compare the content with the original file.
	var want, got map[string]any
	if err := json.Unmarshal(readFile(t, orig), &want); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(export1, &got); err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
	for _, k := range []string{"format", "version", "title", "product", "created", "facilitator", "template", "placements", "positions", "actions"} {
		if !reflect.DeepEqual(got[k], want[k]) {
			t.Errorf("%s: export has\n%v\nthe original has\n%v", k, got[k], want[k])
		}
	}
	// Participants gain a colour and a shape; every original field is kept.
	gotP, _ := got["participants"].([]any)
	wantP, _ := want["participants"].([]any)
	if len(gotP) != len(wantP) {
		t.Fatalf("export has %d participants, the original %d", len(gotP), len(wantP))
	}
	for i := range wantP {
		for k, v := range wantP[i].(map[string]any) {
			if g := gotP[i].(map[string]any)[k]; !reflect.DeepEqual(g, v) {
				t.Errorf("participants[%d].%s = %v, want %v", i, k, g, v)
			}
		}
		if _, ok := gotP[i].(map[string]any)["shape"]; !ok {
			t.Errorf("participants[%d] has no shape in the export", i)
		}
	}
	if got["id"] != id {
		t.Errorf("export id = %v, want %q", got["id"], id)
	}
	// The original has no updated time: it defaults to created.
	if got["updated"] != "2026-11-20T09:00:00Z" {
		t.Errorf("export updated = %v, want the created time 2026-11-20T09:00:00Z", got["updated"])
	}
	// The original names no dimensions, so it has the Full template's, in
	// catalogue order; its positions are on the first catalogue's 23.
	full, _ := canvas.LookupTemplate(canvas.TemplateFull)
	var wantDims []any
	for _, k := range full.Dimensions {
		wantDims = append(wantDims, k)
	}
	if !reflect.DeepEqual(got["dimensions"], wantDims) {
		t.Errorf("export dimensions = %v, want %v", got["dimensions"], wantDims)
	}
	if n := len(want["positions"].([]any)); n != 23 {
		t.Errorf("the example has %d positions, want 23", n)
	}

	// Both stores list the same session with the same index: every one of
	// the 23 dimensions has a current value and they add up to 1498.
	_, l1 := listJSON(t, db1)
	_, l2 := listJSON(t, db2)
	if !reflect.DeepEqual(l1, l2) {
		t.Errorf("list differs between the stores: %+v vs %+v", l1, l2)
	}
	if len(l1) != 1 {
		t.Fatalf("list: %d sessions, want 1", len(l1))
	}
	e := l1[0]
	if e.ID != id || e.Title != "Q4 positioning · 第四季度定位" || e.Product != "Nubia CRM" || e.Updated != "2026-11-20T09:00:00Z" {
		t.Errorf("list entry = %+v", e)
	}
	if e.Index == nil || math.Abs(*e.Index-1498.0/23) > 1e-9 || e.Label != "Leaning ToB" {
		t.Errorf("list index = %v %q, want %v Leaning ToB", e.Index, e.Label, 1498.0/23)
	}

	// Importing the export where its id is taken gives a new id and keeps
	// the original.
	again := importIDs(t, db1, out1)[0]
	if again == id || !idRE.MatchString(again) {
		t.Errorf("re-import into the same db gave id %q (original %q)", again, id)
	}
	_, l1 = listJSON(t, db1)
	if len(l1) != 2 {
		t.Errorf("after re-import: %d sessions, want 2", len(l1))
	}
}

func TestFlagsBeforeAndAfterPositionals(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "f.db")
	ex := examplePath(t)
	small := writeJSONFile(t, filepath.Join(dir, "small.json"), indexSession())

	var ids []string
	for _, args := range [][]string{
		{"import", "--db", db, ex},
		{"import", ex, "--db", db},
		{"import", ex, "--db", db, small},
		{"import", "--db=" + db, small},
	} {
		out := mustRunCLI(t, args...)
		ids = append(ids, strings.Fields(out)...)
	}
	if len(ids) != 5 {
		t.Fatalf("imports printed %d ids, want 5: %q", len(ids), ids)
	}
	_, entries := listJSON(t, db)
	if len(entries) != 5 {
		t.Fatalf("db holds %d sessions, want 5", len(entries))
	}

	// A file whose name starts with "-" is a file after "--".
	writeFile(t, filepath.Join(dir, "-dash.json"), string(readFile(t, small)))
	t.Chdir(dir)
	r := runCLI(t, nil, "import", "--db", db, "--", "-dash.json")
	if r.code != 0 || len(strings.Fields(r.stdout)) != 1 {
		t.Errorf("import -- -dash.json: exit %d, stdout %q, stderr %s", r.code, r.stdout, r.stderr)
	}
	// "-" reads the session file from stdin.
	r = runEnv(t, &cli.Env{Stdin: bytes.NewReader(readFile(t, small))}, "import", "-", "--db", db)
	if r.code != 0 || len(strings.Fields(r.stdout)) != 1 {
		t.Errorf("import - from stdin: exit %d, stdout %q, stderr %s", r.code, r.stdout, r.stderr)
	}
	if _, entries = listJSON(t, db); len(entries) != 7 {
		t.Errorf("db holds %d sessions, want 7", len(entries))
	}

	id := ids[0]
	want := mustRunCLI(t, "export", "--db", db, id, "--json", "-")
	if !strings.Contains(want, `"id": "`+id+`"`) {
		t.Fatalf("export of %s does not name it:\n%s", id, want)
	}
	for i, args := range [][]string{
		{"export", "--db", db, id, "--json", "OUT"},
		{"export", id, "--json", "OUT", "--db", db},
		{"export", "--json", "OUT", id, "--db", db},
		{"export", "--db=" + db, "--json=OUT", id},
		{"export", id, "--db", db, "--json", "OUT"},
	} {
		out := filepath.Join(dir, fmt.Sprintf("out%d.json", i))
		for j := range args {
			if args[j] == "OUT" {
				args[j] = out
			}
			args[j] = strings.Replace(args[j], "=OUT", "="+out, 1)
		}
		mustRunCLI(t, args...)
		if got := string(readFile(t, out)); got != want {
			t.Errorf("fulcrum %q wrote\n%s\nwant\n%s", args, got, want)
		}
	}
}

func TestFulcrumDBEnv(t *testing.T) {
	dir := t.TempDir()
	envDB := filepath.Join(dir, "env.db")
	other := filepath.Join(dir, "other.db")
	// A default of its own, so the file this test must not create is easy
	// to look for.
	def := filepath.Join(dir, "default", "fulcrum.db")
	run := func(args ...string) result {
		t.Helper()
		return runEnv(t, &cli.Env{DefaultDB: def}, args...)
	}
	t.Setenv(cli.EnvDB, envDB)
	small := writeJSONFile(t, filepath.Join(dir, "small.json"), indexSession())

	r := run("import", small)
	if r.code != 0 || strings.TrimSpace(r.stdout) != "a-index" {
		t.Fatalf("import with FULCRUM_DB: exit %d, stdout %q, stderr %s", r.code, r.stdout, r.stderr)
	}
	if _, entries := listJSON(t, envDB); len(entries) != 1 || entries[0].ID != "a-index" {
		t.Errorf("FULCRUM_DB file holds %+v, want the imported session", entries)
	}

	r = run("list", "--json")
	if r.code != 0 || !strings.Contains(r.stdout, `"a-index"`) {
		t.Errorf("list with FULCRUM_DB: exit %d, stdout %q", r.code, r.stdout)
	}
	r = run("export", "a-index", "--json", "-")
	if r.code != 0 || !strings.Contains(r.stdout, `"title": "Index check"`) {
		t.Errorf("export with FULCRUM_DB: exit %d, stdout %q, stderr %s", r.code, r.stdout, r.stderr)
	}
	r = run("check")
	if r.code != 0 || !strings.Contains(r.stdout, envDB) {
		t.Errorf("check with FULCRUM_DB: exit %d, stdout %q, stderr %s", r.code, r.stdout, r.stderr)
	}

	// --db wins over FULCRUM_DB.
	r = run("list", "--json", "--db", other)
	if r.code != 0 || strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("list --db other with FULCRUM_DB set: exit %d, stdout %q", r.code, r.stdout)
	}
	r = run("import", "--db", other, small)
	if r.code != 0 {
		t.Fatalf("import --db other: exit %d, stderr %s", r.code, r.stderr)
	}
	if _, entries := listJSON(t, envDB); len(entries) != 1 {
		t.Errorf("import --db other changed the FULCRUM_DB file: %d sessions", len(entries))
	}

	// Nothing touched the default db.
	assertNotExist(t, filepath.Dir(def))

	// Without --db and FULCRUM_DB the default is used. (That main passes
	// the file under XDG_CONFIG_HOME is TestDefaultDBUnderConfigHome's
	// part, in cmd/fulcrum.)
	t.Setenv(cli.EnvDB, "")
	r = run("import", small)
	if r.code != 0 {
		t.Fatalf("import into the default db: exit %d, stderr %s", r.code, r.stderr)
	}
	if _, entries := listJSON(t, def); len(entries) != 1 {
		t.Errorf("default db %s holds %d sessions, want 1", def, len(entries))
	}
	if _, entries := listJSON(t, envDB); len(entries) != 1 {
		t.Errorf("the import into the default changed the FULCRUM_DB file: %d sessions", len(entries))
	}

	// The default is in Fyne's storage folder for the app id, so the app
	// and the commands find the same file.
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	if got, want := cli.DefaultDBPath("app.id"), filepath.Join(dir, "config", "fyne", "app.id", "fulcrum.db"); got != want {
		t.Errorf("DefaultDBPath = %s, want %s", got, want)
	}
}
