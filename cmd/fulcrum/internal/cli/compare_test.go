package cli_test

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/cmd/fulcrum/internal/cli"
)

// The compare fixtures; canvas's TestCompareByHand works their figures
// out by hand.
const compareFixtures = "../../../../canvas/testdata/compare/"

// compareDB imports the Q1, Q3 and "apart" sessions of Nubia CRM.
func compareDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "c.db")
	ids := importIDs(t, db, compareFixtures+"q1.json", compareFixtures+"q3.json", compareFixtures+"apart.json")
	if want := []string{"nubia-q1", "nubia-q3", "nubia-apart"}; !reflect.DeepEqual(ids, want) {
		t.Fatalf("imported %q, want the files' own ids %q", ids, want)
	}
	return db
}

// compareJSON mirrors `compare --json`; unknown fields are errors.
type compareJSON struct {
	From  string `json:"from"`
	To    string `json:"to"`
	Index struct {
		From  *float64 `json:"from"`
		To    *float64 `json:"to"`
		Shift *float64 `json:"shift"`
	} `json:"index"`
	Dimensions []struct {
		Key   string   `json:"key"`
		From  *float64 `json:"from"`
		To    *float64 `json:"to"`
		Shift *float64 `json:"shift"`
	} `json:"dimensions"`
	Added          []string `json:"added"`
	Removed        []string `json:"removed"`
	TargetsReached []string `json:"targets_reached"`
}

func cmpNum(v float64) *float64 { return &v }

// TestCompareJSON: `compare --json` gives the figures worked out by hand
// for Q1 → Q3 (see canvas's TestCompareByHand), null for what is missing,
// and the same bytes in every language.
func TestCompareJSON(t *testing.T) {
	db := compareDB(t)
	raw := mustRunCLI(t, "compare", "--db", db, "nubia-q1", "nubia-q3", "--json")
	var got compareJSON
	dec := json.NewDecoder(strings.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("compare --json: %v\n%s", err, raw)
	}
	if got.From != "nubia-q1" || got.To != "nubia-q3" {
		t.Errorf("from %q to %q", got.From, got.To)
	}
	if *got.Index.From != 50 || math.Abs(*got.Index.To-353.5/6) > 1e-9 || math.Abs(*got.Index.Shift-(353.5/6-50)) > 1e-9 {
		t.Errorf("index %v → %v (%v), want 50 → 58.92 (+8.92)", *got.Index.From, *got.Index.To, *got.Index.Shift)
	}
	type row struct {
		Key            string
		From, To, Diff *float64
	}
	want := []row{
		{"decision-makers", cmpNum(50), cmpNum(69), cmpNum(19)},
		{"customer", cmpNum(70), cmpNum(80), cmpNum(10)},
		{"acquisition", cmpNum(60), cmpNum(50), cmpNum(-10)},
		{"decision-cycle", cmpNum(30), cmpNum(22.5), cmpNum(-7.5)},
		{"value", nil, cmpNum(42), nil},
		{"revenue-source", nil, cmpNum(90), nil},
		{"data-volume", cmpNum(40), nil, nil},
	}
	var rows []row
	for _, d := range got.Dimensions {
		rows = append(rows, row{d.Key, d.From, d.To, d.Shift})
	}
	if !reflect.DeepEqual(rows, want) {
		b1, _ := json.Marshal(rows)
		b2, _ := json.Marshal(want)
		t.Errorf("dimensions\n got %s\nwant %s", b1, b2)
	}
	if !reflect.DeepEqual(got.Added, []string{"revenue-source"}) || !reflect.DeepEqual(got.Removed, []string{"data-volume"}) ||
		!reflect.DeepEqual(got.TargetsReached, []string{"customer", "value"}) {
		t.Errorf("added %q removed %q targets reached %q", got.Added, got.Removed, got.TargetsReached)
	}
	for _, frag := range []string{`"from": null`, `"to": null`, `"shift": null`} {
		if !strings.Contains(raw, frag) {
			t.Errorf("compare --json lacks %s:\n%s", frag, raw)
		}
	}
	for _, tag := range []string{"zh", "es"} {
		r := runEnv(t, langEnv(tag), "compare", "--db", db, "nubia-q1", "nubia-q3", "--json")
		if r.code != cli.ExitOK || r.stdout != raw {
			t.Errorf("%s: compare --json differs from English (exit %d):\n%s", tag, r.code, r.stdout)
		}
	}
	// With no dimension in common, empty lists are [] and shifts null.
	raw = mustRunCLI(t, "compare", "--db", db, "nubia-q1", "nubia-apart", "--json")
	if !strings.Contains(raw, `"targets_reached": []`) || strings.Contains(raw, `"shift": -`) || strings.Contains(raw, `"dimensions": []`) {
		t.Errorf("compare with nothing in common:\n%s", raw)
	}
}

// TestCompareText: the table for people, in English, Chinese and Spanish:
// the two sessions with their dates, the index then and now, every
// dimension largest move first with medians marked "~", added and removed
// ones named, and the earlier targets reached.
func TestCompareText(t *testing.T) {
	db := compareDB(t)
	q1Date := time.Date(2026, 5, 10, 12, 0, 0, 0, time.UTC).Local()
	q3Date := time.Date(2026, 8, 20, 12, 0, 0, 0, time.UTC).Local()
	for _, tc := range []struct {
		tag   string
		lines []string
	}{
		{"en", []string{
			"Then: Q1 positioning (nubia-q1), %[1]s",
			"Now: Q3 positioning (nubia-q3), %[2]s",
			"ToB index: 50 → 58.9 (+8.9)",
			"DIMENSION THEN NOW SHIFT NOTE",
			"%[decision-makers] ~50 69 +19",
			"%[customer] 70 80 +10",
			"%[acquisition] 60 50 -10",
			"%[decision-cycle] 30 ~22.5 -7.5",
			"%[value] – 42 –",
			"%[revenue-source] – 90 – added",
			"%[data-volume] 40 – – removed",
			"~ median, not agreed",
			"Targets reached (within 5 points of the earlier target): 2 of 6: %[customer], %[value]",
			// Decision makers at 69 against a 22.5 decision cycle: a
			// committee bought on impulse, which Q1 (50, 30) was not.
			"Tensions resolved: none",
			"New tensions: %[t:committee-impulse]",
		}},
		{"zh", []string{
			"上次：Q1 positioning（nubia-q1），%[1]s",
			"本次：Q3 positioning（nubia-q3），%[2]s",
			"ToB 指数：50 → 58.9（+8.9）",
			"维度 上次 本次 变化 备注",
			"%[decision-makers] ~50 69 +19",
			"%[customer] 70 80 +10",
			"%[acquisition] 60 50 -10",
			"%[decision-cycle] 30 ~22.5 -7.5",
			"%[value] – 42 –",
			"%[revenue-source] – 90 – 新增",
			"%[data-volume] 40 – – 已移除",
			"~ 中位数，尚未达成共识",
			"已达成的目标（距上次目标 5 分以内）：2 / 6：%[customer]、%[value]",
			"已化解的矛盾：无",
			"新出现的矛盾：%[t:committee-impulse]",
		}},
		{"es", []string{
			"Ahora: Q3 positioning (nubia-q3), %[2]s",
			"Índice ToB: 50 → 58,9 (+8,9)",
			"%[decision-cycle] 30 ~22,5 -7,5",
			"%[revenue-source] – 90 – añadida",
			"Objetivos alcanzados (a 5 puntos o menos del objetivo anterior): 2 de 6: %[customer], %[value]",
			"Tensiones nuevas: %[t:committee-impulse]",
		}},
	} {
		t.Run(tc.tag, func(t *testing.T) {
			w := lang.For(lang.Tag(tc.tag))
			r := runEnv(t, langEnv(tc.tag), "compare", "--db", db, "nubia-q1", "nubia-q3")
			if r.code != cli.ExitOK || r.stderr != "" {
				t.Fatalf("exit %d, stderr %s", r.code, r.stderr)
			}
			// Columns are aligned with runs of spaces; compare words.
			var got []string
			for _, l := range strings.Split(r.stdout, "\n") {
				if l = strings.Join(strings.Fields(l), " "); l != "" {
					got = append(got, l)
				}
			}
			for _, want := range tc.lines {
				want = strings.NewReplacer("%[1]s", w.Date(q1Date), "%[2]s", w.Date(q3Date)).Replace(want)
				for _, key := range []string{"decision-makers", "customer", "acquisition", "decision-cycle", "value", "revenue-source", "data-volume"} {
					d, _ := w.Dimension(key)
					want = strings.ReplaceAll(want, "%["+key+"]", d.Name)
				}
				tension, _ := w.Tension("committee-impulse")
				want = strings.ReplaceAll(want, "%[t:committee-impulse]", tension.Name)
				if !hasLine(got, want) {
					t.Errorf("no line %q in:\n%s", want, r.stdout)
				}
			}
			if tc.tag == "en" {
				// The rows come largest move first.
				if i, j := lineStarting(got, "ToB index"), lineStarting(got, "Targets reached"); j-i != 10 {
					t.Errorf("expected the header, 7 rows and the note between the index and the targets:\n%s", r.stdout)
				}
			}
		})
	}
	// An earlier session that set no targets says so; the tension Q3 raised
	// is resolved going back to Q1.
	r := runCLI(t, nil, "compare", "--db", db, "nubia-q3", "nubia-q1")
	if r.code != cli.ExitOK || !strings.Contains(r.stdout, "The earlier session set no targets.") ||
		!strings.Contains(r.stdout, "Tensions resolved: Committee vs impulse purchase\nNew tensions: none\n") {
		t.Errorf("Q3 → Q1 (exit %d):\n%s", r.code, r.stdout)
	}
}

func hasLine(lines []string, want string) bool {
	for _, l := range lines {
		if l == want {
			return true
		}
	}
	return false
}

// lineStarting is the first line that starts with prefix, or -1.
func lineStarting(lines []string, prefix string) int {
	for i, l := range lines {
		if strings.HasPrefix(l, prefix) {
			return i
		}
	}
	return -1
}

// TestCompareRefusals: an unknown id, on either side, is named and exits
// 1 with nothing on stdout; anything but two ids is a usage error; a
// session file that does not exist is not created. All in the reader's
// language, with none of the English sentences in Chinese or Spanish.
func TestCompareRefusals(t *testing.T) {
	db := compareDB(t)
	missing := filepath.Join(t.TempDir(), "missing.db")
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"nope", "nubia-q3"}, cli.ExitError, `cannot read session nope from ` + db + `: session not found`},
		{[]string{"nubia-q1", "gone-too"}, cli.ExitError, `cannot read session gone-too from ` + db + `: session not found`},
		{[]string{"nubia-q1"}, cli.ExitUsage, "name two session ids"},
		{[]string{"a", "b", "c"}, cli.ExitUsage, "name two session ids"},
		{[]string{"nubia-q1", "nubia-q3", "--bogus"}, cli.ExitUsage, "flag provided but not defined"},
	} {
		r := runCLI(t, nil, append([]string{"compare", "--db", db}, tc.args...)...)
		if r.code != tc.code || r.stdout != "" || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("compare %q: exit %d (want %d), stdout %q, stderr %q (want %q)", tc.args, r.code, tc.code, r.stdout, r.stderr, tc.want)
		}
	}
	if r := runCLI(t, nil, "compare", "--db", missing, "a", "b"); r.code != cli.ExitError {
		t.Errorf("compare on a missing file: exit %d", r.code)
	}
	assertNotExist(t, missing)

	english := englishSentences(t)
	for _, tag := range []string{"zh", "es"} {
		for _, args := range [][]string{
			{"compare", "--db", db, "nubia-q1", "nubia-q3"},
			{"compare", "--db", db, "nubia-q3", "nubia-q1"},
			{"compare", "--db", db, "nope", "nubia-q3"},
			{"compare", "--db", db, "nubia-q1"},
			{"compare", "--help"},
			{"export", "--help"},
			{"export", "--db", db, "nubia-q3", "--csv", filepath.Join(t.TempDir(), "x.csv"), "--since", "nubia-q1"},
		} {
			r := runEnv(t, langEnv(tag), args...)
			if r.stdout+r.stderr == "" {
				t.Errorf("%s %q: wrote nothing", tag, args)
			}
			for _, s := range english {
				if strings.Contains(r.stdout+r.stderr, s) {
					t.Errorf("%s %q still says %q:\n%s%s", tag, args, s, r.stdout, r.stderr)
				}
			}
		}
	}
	if r := runCLI(t, nil, "help"); !strings.Contains(r.stdout, "fulcrum compare [--db PATH] OLD_ID NEW_ID [--json]") {
		t.Errorf("help lacks compare:\n%s", r.stdout)
	}
}

// TestExportSince: `export --since OLD_ID` reads the baseline from the
// same file for the PDF. An unknown baseline is named and nothing is
// written; --since without a PDF is a usage error; a known one exports.
// (The section the PDF then holds: TestExportSinceWritesTheSection.)
func TestExportSince(t *testing.T) {
	db := compareDB(t)
	dir := t.TempDir()
	pdf := filepath.Join(dir, "q3.pdf")
	csv := filepath.Join(dir, "q3.csv")

	r := runCLI(t, nil, "export", "--db", db, "nubia-q3", "--pdf", pdf, "--csv", csv, "--since", "nope")
	if r.code != cli.ExitError || !strings.Contains(r.stderr, "cannot read session nope from "+db+": session not found") {
		t.Errorf("unknown baseline: exit %d, stderr %q", r.code, r.stderr)
	}
	assertNotExist(t, pdf)
	assertNotExist(t, csv)

	r = runCLI(t, nil, "export", "--db", db, "nubia-q3", "--csv", csv, "--since", "nubia-q1")
	if r.code != cli.ExitUsage || !strings.Contains(r.stderr, "--since compares in the PDF: add --pdf OUT.pdf") {
		t.Errorf("--since without --pdf: exit %d, stderr %q", r.code, r.stderr)
	}
	assertNotExist(t, csv)

	r = runCLI(t, nil, "export", "--db", db, "nubia-q3", "--pdf", pdf, "--since")
	if r.code != cli.ExitUsage || !strings.Contains(r.stderr, "flag needs an argument: -since") {
		t.Errorf("--since without an id: exit %d, stderr %q", r.code, r.stderr)
	}

	mustRunCLI(t, "export", "--db", db, "nubia-q3", "--pdf", pdf, "--since", "nubia-q1")
	if b, err := os.ReadFile(pdf); err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Errorf("export with a known baseline wrote no PDF: %v", err)
	}
	if r := runCLI(t, nil, "export", "--help"); !strings.Contains(r.stdout, "--since OLD_ID") {
		t.Errorf("export --help lacks --since:\n%s", r.stdout)
	}
}

// A row whose last cells are empty (no note) ends at its last word: the
// table pads columns between cells, never after the last.
func TestCompareTableHasNoTrailingSpaces(t *testing.T) {
	out := mustRunCLI(t, "compare", "--db", compareDB(t), "nubia-q1", "nubia-q3")
	for _, l := range strings.Split(out, "\n") {
		if strings.HasSuffix(l, " ") {
			t.Errorf("line %q ends in spaces", l)
		}
	}
}
