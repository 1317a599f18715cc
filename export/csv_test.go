package export_test

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/export"
)

// csvHeader is the header row scripts and spreadsheets rely on: columns
// are added, never renamed.
var csvHeader = []string{
	"group", "key", "dimension", "current", "target",
	"count", "min", "max", "median", "mean", "spread", "note",
}

// writeCSV exports s and returns the raw bytes and the parsed records,
// keyed by dimension key.
func writeCSV(t *testing.T, s *canvas.Session) (raw string, header []string, rows map[string][]string) {
	t.Helper()
	return writeCSVIn(t, s, export.CSVOptions{})
}

// writeCSVIn is writeCSV with options, such as a language.
func writeCSVIn(t *testing.T, s *canvas.Session, opt export.CSVOptions) (raw string, header []string, rows map[string][]string) {
	t.Helper()
	var buf bytes.Buffer
	must(t, export.WriteCSV(&buf, s, opt))
	raw = buf.String()
	body, ok := strings.CutPrefix(raw, "\uFEFF")
	if !ok {
		t.Fatalf("the CSV does not start with the UTF-8 BOM Excel needs: starts % x", buf.Bytes()[:min(3, buf.Len())])
	}
	records, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse: %v", err)
	}
	if len(records) != 1+len(s.Dimensions) {
		t.Fatalf("%d records, want a header and %d dimensions", len(records), len(s.Dimensions))
	}
	rows = map[string][]string{}
	for i, r := range records[1:] {
		if r[1] != s.Dimensions[i].Key {
			t.Errorf("record %d is %q, want dimension %q in session order", i+1, r[1], s.Dimensions[i].Key)
		}
		rows[r[1]] = r
	}
	return raw, records[0], rows
}

func col(name string) int { return slices.Index(csvHeader, name) }

func checkRow(t *testing.T, rows map[string][]string, key string, want map[string]string) {
	t.Helper()
	r, ok := rows[key]
	if !ok {
		t.Fatalf("no row for %s", key)
	}
	for name, w := range want {
		if got := r[col(name)]; got != w {
			t.Errorf("%s %s = %q, want %q", key, name, got, w)
		}
	}
}

func TestCSVSpanish(t *testing.T) {
	s := spanishSession(t)
	// A note with a line break, quotes and a comma must survive quoting.
	note := "Línea uno, con coma\n«Dos» y \"comillas\""
	must(t, s.SetNote("data", note))
	raw, header, rows := writeCSV(t, s)

	if !slices.Equal(header, csvHeader) {
		t.Errorf("header %q, want %q", header, csvHeader)
	}
	checkRow(t, rows, "customer", map[string]string{
		"group": "Customer & decision", "current": "82", "target": "90",
		"count": "3", "min": "72", "max": "88", "median": "80", "mean": "80", "spread": "16",
		"note": "Cooperativas agrícolas de 20 a 300 socios.",
	})
	checkRow(t, rows, "decision-makers", map[string]string{
		"current": "70", "target": "60", "count": "0", "min": "", "median": "", "spread": "",
		"note": "¿Quién firma? El gerente y el comité de compras.",
	})
	checkRow(t, rows, "onboarding", map[string]string{
		"current": "55", "target": "", "count": "3", "min": "25", "max": "85", "median": "60", "mean": "56.7",
	})
	checkRow(t, rows, "data", map[string]string{"note": note})

	// Records end in CRLF, as RFC 4180 and Excel on Windows have them; the
	// line break inside the quoted note is written as CRLF too, and every
	// reader turns it back into one newline.
	if !strings.HasSuffix(raw, "\r\n") {
		t.Errorf("the CSV does not end in CRLF: %q", raw[max(0, len(raw)-10):])
	}
	if lf, crlf := strings.Count(raw, "\n"), strings.Count(raw, "\r\n"); lf != crlf {
		t.Errorf("%d line feeds, only %d of them after a carriage return", lf, crlf)
	}
	if lines := strings.Count(raw, "\r\n"); lines != 1+len(s.Dimensions)+1 {
		t.Errorf("%d CRLFs, want one per record plus one in the note", lines)
	}
}

func TestCSVChinese(t *testing.T) {
	s := chineseSession(t)
	_, _, rows := writeCSV(t, s)
	checkRow(t, rows, "customer", map[string]string{
		"current": "80", "target": "90", "count": "3", "min": "70", "max": "90", "median": "85", "mean": "81.7",
		"note": "客户是五十到五百人的中型企业。",
	})
	checkRow(t, rows, "release-cadence", map[string]string{
		"count": "3", "min": "30", "max": "80", "median": "45", "spread": "50",
		"note": "每月发布一次，提前通知并提供培训。",
	})
	if d, ok := canvas.LookupDimension("customer"); !ok || rows["customer"][col("dimension")] != en(d).Name {
		t.Errorf("customer's dimension cell %q, want the catalogue name", rows["customer"][col("dimension")])
	}
}

// en is the English text of one of a session's dimensions, as the exports
// print it while they write English.
func en(d canvas.Dimension) lang.DimensionText { return lang.For(lang.EN).DimensionOf(d) }

// TestCSVInEachLanguage: the header row, the group and the dimension names
// are in the language asked for; the column order, the keys, the team's
// notes and the figures (with a decimal point, which spreadsheets and
// scripts read) stay as they are.
func TestCSVInEachLanguage(t *testing.T) {
	for _, tc := range []struct {
		tag    lang.Tag
		s      *canvas.Session
		header []string
		note   string
	}{
		{lang.ZH, chineseSession(t),
			[]string{"分组", "键", "维度", "当前", "目标", "定位人数", "最低", "最高", "中位数", "平均数", "分歧", "备注"},
			"客户是五十到五百人的中型企业。"},
		{lang.ES, spanishSession(t),
			[]string{"grupo", "clave", "dimensión", "actual", "objetivo", "cantidad", "mínimo", "máximo", "mediana", "media", "dispersión", "nota"},
			"Cooperativas agrícolas de 20 a 300 socios."},
	} {
		t.Run(string(tc.tag), func(t *testing.T) {
			w := lang.For(tc.tag)
			_, header, rows := writeCSVIn(t, tc.s, export.CSVOptions{Words: w})
			if !slices.Equal(header, tc.header) {
				t.Errorf("header %q, want %q", header, tc.header)
			}
			if !slices.Equal(header, export.CSVHeader(w)) {
				t.Errorf("header %q differs from CSVHeader %q", header, export.CSVHeader(w))
			}
			d, _ := tc.s.Dimension("customer")
			got := rows["customer"]
			want := map[string]string{
				"key": "customer", "group": w.Group(d.Group), "dimension": w.DimensionOf(d).Name, "note": tc.note,
			}
			for name, v := range want {
				if got[col(name)] != v {
					t.Errorf("customer %s = %q, want %q", name, got[col(name)], v)
				}
			}
			if got[col("dimension")] == en(d).Name || got[col("group")] == lang.For(lang.EN).Group(d.Group) {
				t.Errorf("customer's names are in English: %q", got)
			}
			for _, r := range rows {
				if strings.Contains(r[col("mean")], ",") {
					t.Errorf("mean %q has a decimal comma; figures keep the point", r[col("mean")])
				}
			}
		})
	}
}
