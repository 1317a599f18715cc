package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// utf8BOM makes Excel read the CSV as UTF-8, so Chinese and Spanish text
// opens correctly; other spreadsheets ignore it.
const utf8BOM = "\uFEFF"

// CSVHeader is the first row of the dimension table export.
var CSVHeader = []string{
	"group", "key", "dimension", "current", "target",
	"count", "min", "max", "median", "mean", "spread", "note",
}

// WriteCSV writes the session's dimension table as UTF-8 CSV with a BOM
// and a header row; empty cells mean "not set" or "no placements".
func WriteCSV(w io.Writer, s *canvas.Session) error {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return fmt.Errorf("write CSV of session %s: %w", s.ID, err)
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // what spreadsheets expect
	if err := cw.Write(CSVHeader); err != nil {
		return fmt.Errorf("write CSV of session %s: %w", s.ID, err)
	}
	for _, d := range s.Dimensions {
		// The figures are canvas's one summary, which the editor's rows,
		// presentation mode and `fulcrum summary` show too.
		ds := s.DimensionSummary(d.Key)
		row := []string{words().Group(d.Group), d.Key, dimText(d).Name, optInt(ds.Current), optInt(ds.Target),
			strconv.Itoa(ds.Count), optInt(ds.Min), optInt(ds.Max), optDecimal(ds.Median), optDecimal(ds.Mean),
			optInt(ds.Spread), s.Position(d.Key).Note}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("write CSV of session %s: %w", s.ID, err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write CSV of session %s: %w", s.ID, err)
	}
	return nil
}

func optInt(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

func optDecimal(p *float64) string {
	if p == nil {
		return ""
	}
	return oneDecimal(*p)
}
