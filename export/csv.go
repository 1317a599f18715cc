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
		pos := s.Position(d.Key)
		st := s.DimensionStats(d.Key)
		row := []string{canvas.GroupName(d.Group), d.Key, d.Name, optInt(pos.Current), optInt(pos.Target),
			strconv.Itoa(st.Count), "", "", "", "", "", pos.Note}
		if st.Count > 0 {
			row[6], row[7] = strconv.Itoa(st.Min), strconv.Itoa(st.Max)
			row[8], row[9] = oneDecimal(st.Median), oneDecimal(st.Mean)
			row[10] = strconv.Itoa(st.Spread())
		}
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
