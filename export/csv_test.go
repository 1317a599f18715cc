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
	var buf bytes.Buffer
	must(t, export.WriteCSV(&buf, s))
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
