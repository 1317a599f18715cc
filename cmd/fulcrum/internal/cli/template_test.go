package cli_test

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
	"github.com/fulcrum-workshop/fulcrum/cmd/fulcrum/internal/cli"
)

// Spanish custom dimensions of a fintech workshop.
var (
	cargaRegulatoria = canvas.Dimension{Key: "carga-regulatoria", Group: "Regulación", Name: "Carga regulatoria",
		Question: "¿Cuánto pesa la regulación en el producto?", ToC: "Casi nada", ToB: "Auditorías constantes",
		Guidance: canvas.Guidance{ToC: "Lance rápido", ToB: "Presupueste el cumplimiento"}}
	ladoOferta = canvas.Dimension{Key: "lado-oferta", Group: "market-scale", Name: "Lado de la oferta",
		Question: "¿Quién ofrece: comercios o particulares?", ToC: "Particulares", ToB: "Comercios",
		Guidance: canvas.Guidance{ToC: "Confianza entre pares", ToB: "Contratos y soporte"}}
	taller45 = canvas.Template{Key: "taller-45", Name: "Taller de 45 minutos",
		Dimensions: []string{"customer", "carga-regulatoria", "decision-makers", "lado-oferta", "value", "revenue-model"}}
)

// facilitatorDB is a session file with the two custom dimensions, the
// six-dimension template and a session started from it, with a placement
// on a custom dimension. It returns the file and the session's id.
func facilitatorDB(t *testing.T) (string, string) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "ana.db")
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, d := range []canvas.Dimension{cargaRegulatoria, ladoOferta} {
		if err := st.SaveDimension(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.SaveTemplate(taller45); err != nil {
		t.Fatal(err)
	}
	lib, err := st.Library()
	if err != nil {
		t.Fatal(err)
	}
	s, err := lib.NewSession("taller-45", "Taller fintech", "Pagos", now)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddParticipant("Ana", ""); err != nil {
		t.Fatal(err)
	}
	if err := s.SetPlacement(canvas.Placement{Dimension: "carga-regulatoria", Participant: s.Participants[0].ID, Value: 85}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetCurrent("lado-oferta", 30); err != nil {
		t.Fatal(err)
	}
	if err := st.Save(s); err != nil {
		t.Fatal(err)
	}
	return db, s.ID
}

// TestTemplateAndSessionToAnotherLaptop is the story: a template
// with two custom dimensions, in Spanish, exported for a colleague who
// imports it on another laptop, and a session of it that opens there with
// its custom dimensions intact.
func TestTemplateAndSessionToAnotherLaptop(t *testing.T) {
	home, id := facilitatorDB(t)
	dir := t.TempDir()
	tmplFile := filepath.Join(dir, "taller.json")
	// Flags before, between and after the arguments.
	mustRunCLI(t, "template", "--db", home, "export", "taller-45", tmplFile)
	text := string(readFile(t, tmplFile))
	for _, want := range []string{`"format": "fulcrum-template"`, `"key": "taller-45"`, `"name": "Lado de la oferta"`, `"group": "Regulación"`} {
		if !strings.Contains(text, want) {
			t.Errorf("template file lacks %s:\n%s", want, text)
		}
	}

	other := filepath.Join(dir, "colega.db")
	if out := mustRunCLI(t, "template", "import", tmplFile, "--db", other); out != "taller-45\n" {
		t.Errorf("template import printed %q", out)
	}
	var listed struct {
		Templates []struct {
			Key, Name  string
			Dimensions []string
			Custom     bool
		}
	}
	if err := json.Unmarshal([]byte(mustRunCLI(t, "template", "list", "--json", "--db", other)), &listed); err != nil {
		t.Fatal(err)
	}
	if n := len(listed.Templates); n != 3 || listed.Templates[2].Key != "taller-45" || !listed.Templates[2].Custom ||
		listed.Templates[2].Name != "Taller de 45 minutos" || len(listed.Templates[2].Dimensions) != 6 || listed.Templates[0].Custom {
		t.Errorf("template list --json = %+v", listed)
	}
	if out := mustRunCLI(t, "template", "list", "--db", other); !strings.Contains(out, "taller-45") || !strings.Contains(out, "custom") ||
		!strings.Contains(out, "Taller de 45 minutos") || !strings.Contains(out, "built-in") {
		t.Errorf("template list:\n%s", out)
	}
	// The colleague's export of the template is the same file.
	again := filepath.Join(dir, "again.json")
	mustRunCLI(t, "template", "export", "--db", other, "taller-45", again)
	if !bytes.Equal(readFile(t, again), readFile(t, tmplFile)) {
		t.Errorf("the template exported on the other laptop differs:\n%s", readFile(t, again))
	}

	// The session file: format 2, and the same file after the trip.
	sessFile := filepath.Join(dir, "taller-session.json")
	mustRunCLI(t, "export", id, "--db", home, "--json", sessFile)
	if !strings.Contains(string(readFile(t, sessFile)), `"version": 2`) {
		t.Fatalf("a session with custom dimensions exported as:\n%s", readFile(t, sessFile))
	}
	ids := importIDs(t, other, sessFile)
	r := runCLI(t, nil, "import", "--db", other, sessFile)
	if r.code != cli.ExitOK || r.stderr != "" {
		t.Errorf("importing the same session again: exit %d, stderr %q", r.code, r.stderr)
	}
	back := filepath.Join(dir, "back.json")
	mustRunCLI(t, "export", "--db", other, ids[0], "--json", back)
	if !bytes.Equal(readFile(t, back), readFile(t, sessFile)) {
		t.Errorf("export, import, export differs:\n%s\n---\n%s", readFile(t, back), readFile(t, sessFile))
	}
	// The CSV shows a custom dimension like a built-in one, with its group.
	csvFile := filepath.Join(dir, "t.csv")
	mustRunCLI(t, "export", "--db", other, ids[0], "--csv", csvFile, "--lang", "zh")
	csv := string(readFile(t, csvFile))
	if !strings.Contains(csv, "Regulación,carga-regulatoria,Carga regulatoria") || !strings.Contains(csv, "Lado de la oferta") {
		t.Errorf("CSV:\n%s", csv)
	}
}

// TestImportConflictNotice: a session whose custom dimension the
// catalogue has with other content imports, keeps its own, leaves the
// catalogue alone, and the import says so, naming the file and the key.
func TestImportConflictNotice(t *testing.T) {
	home, id := facilitatorDB(t)
	dir := t.TempDir()
	sessFile := filepath.Join(dir, "s.json")
	mustRunCLI(t, "export", "--db", home, id, "--json", sessFile)

	other := filepath.Join(dir, "colega.db")
	st, err := store.Open(other, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	theirs := cargaRegulatoria
	theirs.Question = "¿Regulación? (versión del colega)"
	if err := st.SaveDimension(theirs); err != nil {
		t.Fatal(err)
	}
	st.Close()

	r := runCLI(t, nil, "import", "--db", other, sessFile)
	if r.code != cli.ExitOK || !idRE.MatchString(strings.TrimSpace(r.stdout)) {
		t.Fatalf("import: exit %d, stdout %q, stderr %s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stderr, sessFile+`: custom dimension "carga-regulatoria" differs`) || strings.Contains(r.stderr, "lado-oferta") {
		t.Errorf("stderr does not tell of the conflict, or tells of the wrong one:\n%s", r.stderr)
	}
	var cat struct {
		Dimensions []struct {
			Key, Question string
			Custom        bool
		}
	}
	if err := json.Unmarshal([]byte(mustRunCLI(t, "catalogue", "--json", "--db", other)), &cat); err != nil {
		t.Fatal(err)
	}
	found := map[string]string{}
	for _, d := range cat.Dimensions {
		if d.Custom {
			found[d.Key] = d.Question
		}
	}
	if !reflect.DeepEqual(found, map[string]string{"carga-regulatoria": theirs.Question, "lado-oferta": ladoOferta.Question}) {
		t.Errorf("catalogue after the import: %v", found)
	}
	back := filepath.Join(dir, "back.json")
	mustRunCLI(t, "export", "--db", other, strings.TrimSpace(r.stdout), "--json", back)
	if !bytes.Equal(readFile(t, back), readFile(t, sessFile)) {
		t.Errorf("the imported session lost its own definition:\n%s", readFile(t, back))
	}
	// In Chinese too, with the file and the key as they are.
	r = runEnv(t, &cli.Env{}, "import", "--lang", "zh", "--db", other, sessFile)
	if !strings.Contains(r.stderr, sessFile+":自定义维度 \"carga-regulatoria\"") {
		t.Errorf("zh notice:\n%s", r.stderr)
	}
}

// TestTemplateImportAllOrNothing: one bad file among good ones imports
// nothing and leaves the session file as it was; its problems name the
// file and the field.
func TestTemplateImportAllOrNothing(t *testing.T) {
	home, _ := facilitatorDB(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	mustRunCLI(t, "template", "export", "--db", home, "taller-45", good)
	badText := strings.Replace(string(readFile(t, good)), `"key": "taller-45"`, `"key": "taller 45", "author": "Ana"`, 1)
	bad := writeFile(t, filepath.Join(dir, "bad.json"), badText)

	other := filepath.Join(dir, "colega.db")
	importIDs(t, other, examplePath(t))
	before := hashOf(t, other)
	r := runCLI(t, nil, "template", "import", "--db", other, good, bad)
	if r.code != cli.ExitError || r.stdout != "" {
		t.Errorf("exit %d, stdout %q", r.code, r.stdout)
	}
	for _, want := range []string{bad + ": key: ", bad + ": author: unknown field", "nothing was imported"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if strings.Contains(r.stderr, good+":") {
		t.Errorf("stderr blames the good file:\n%s", r.stderr)
	}
	if hashOf(t, other) != before {
		t.Error("a refused template import changed the session file")
	}
	// A template that redefines a built-in one is refused too.
	full := filepath.Join(dir, "full.json")
	mustRunCLI(t, "template", "export", "--db", home, "full", full)
	r = runCLI(t, nil, "template", "import", "--db", other, full)
	if r.code != cli.ExitError || !strings.Contains(r.stderr, full+": key: \"full\" is the key of a built-in one") {
		t.Errorf("importing Full: exit %d\n%s", r.code, r.stderr)
	}
	// An unknown key to export names the file it looked in.
	r = runCLI(t, nil, "template", "export", "--db", home, "nope", filepath.Join(dir, "n.json"))
	if r.code != cli.ExitError || !strings.Contains(r.stderr, `no template "nope" in `+home) {
		t.Errorf("export of an unknown template: exit %d\n%s", r.code, r.stderr)
	}
	assertNotExist(t, filepath.Join(dir, "n.json"))
}

// TestCatalogueIncludesTheStore: catalogue marks the store's own
// dimensions, groups and templates custom, with --db and, without it, from
// the default session file; with no default file it shows the built-in
// catalogue and creates nothing.
func TestCatalogueIncludesTheStore(t *testing.T) {
	home, _ := facilitatorDB(t)
	type catalogue struct {
		Dimensions []struct {
			Key, Name, Group string
			GroupKey         string `json:"group_key"`
			Custom           bool
		}
		Groups []struct {
			Key, Name string
			Custom    bool
		}
		Templates []struct {
			Key, Name string
			Custom    bool
		}
	}
	read := func(out string) catalogue {
		var c catalogue
		if err := json.Unmarshal([]byte(out), &c); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		return c
	}
	withDB := read(mustRunCLI(t, "catalogue", "--json", "--db", home, "--lang", "zh"))
	fromDefault := read(runEnv(t, &cli.Env{DefaultDB: home}, "catalogue", "--lang", "zh", "--json").stdout)
	if !reflect.DeepEqual(withDB, fromDefault) {
		t.Errorf("catalogue from the default file differs from --db")
	}
	n := len(withDB.Dimensions)
	if n != len(canvas.Catalogue())+2 {
		t.Fatalf("%d dimensions", n)
	}
	last := withDB.Dimensions[n-2:]
	if last[0].Key != "carga-regulatoria" || !last[0].Custom || last[0].Name != "Carga regulatoria" || last[0].Group != "Regulación" ||
		last[1].Key != "lado-oferta" || last[1].GroupKey != "market-scale" || last[1].Group == "market-scale" || withDB.Dimensions[0].Custom {
		t.Errorf("custom dimensions: %+v", last)
	}
	if g := withDB.Groups[len(withDB.Groups)-1]; g.Key != "Regulación" || !g.Custom || len(withDB.Groups) != len(canvas.Groups())+1 {
		t.Errorf("groups: %+v", withDB.Groups)
	}
	if tm := withDB.Templates; len(tm) != 3 || tm[2].Key != "taller-45" || !tm[2].Custom || tm[2].Name != "Taller de 45 minutos" {
		t.Errorf("templates: %+v", tm)
	}
	text := runEnv(t, &cli.Env{DefaultDB: home}, "catalogue").stdout
	for _, want := range []string{"carga-regulatoria (custom)", "Regulación", "¿Cuánto pesa la regulación en el producto?", "taller-45 (custom)"} {
		if !strings.Contains(text, want) {
			t.Errorf("catalogue lacks %q:\n%s", want, text)
		}
	}

	missing := filepath.Join(t.TempDir(), "none.db")
	r := runEnv(t, &cli.Env{DefaultDB: missing}, "catalogue", "--json")
	if r.code != cli.ExitOK || r.stderr != "" || len(read(r.stdout).Dimensions) != len(canvas.Catalogue()) {
		t.Errorf("catalogue without a default file: exit %d, stderr %q", r.code, r.stderr)
	}
	assertNotExist(t, missing)
	r = runCLI(t, nil, "catalogue", "--db", missing)
	if r.code != cli.ExitError {
		t.Errorf("catalogue --db of a missing file: exit %d", r.code)
	}
	assertNotExist(t, missing)
}

// TestCustomDimensionInPDFAndPNG: the PDF of a session with custom
// dimensions shows them as written, with their own group, in a Chinese
// report; the PNG chart is written too.
func TestCustomDimensionInPDFAndPNG(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skipf("pdftotext is not on PATH (install poppler-utils): %v", err)
	}
	home, id := facilitatorDB(t)
	dir := t.TempDir()
	pdf, png := filepath.Join(dir, "r.pdf"), filepath.Join(dir, "r.png")
	mustRunCLI(t, "export", "--db", home, id, "--pdf", pdf, "--png", png, "--lang", "zh")
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	flat := strings.Join(strings.Fields(string(text)), "")
	for _, want := range []string{"Cargaregulatoria", "Regulación", "Ladodelaoferta", "市场与规模", "Presupuesteelcumplimiento"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}
	if b := readFile(t, png); !bytes.HasPrefix(b, []byte("\x89PNG")) {
		t.Errorf("the PNG is not a PNG (%d bytes)", len(b))
	}
}
