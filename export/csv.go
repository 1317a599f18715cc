package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// utf8BOM makes Excel read the CSV as UTF-8, so Chinese and Spanish text
// opens correctly; other spreadsheets ignore it.
const utf8BOM = "\uFEFF"

// CSVOptions choose the language of the CSV's header row and of the
// dimension and group names in it.
type CSVOptions struct {
	Words *lang.Words // nil is English
}

// CSVHeader is the first row of the dimension table export, in the
// language of w (nil is English). The columns keep their order in every
// language, and the key column holds the language-independent dimension
// keys, so a script can find its columns by position and its rows by key.
func CSVHeader(w *lang.Words) []string {
	w = wordsOr(w)
	return []string{
		w.T("export.csv.group"), w.T("export.csv.key"), w.T("export.csv.dimension"),
		w.T("export.csv.current"), w.T("export.csv.target"), w.T("export.csv.count"),
		w.T("export.csv.min"), w.T("export.csv.max"), w.T("export.csv.median"),
		w.T("export.csv.mean"), w.T("export.csv.spread"), w.T("export.csv.note"),
	}
}

// WriteCSV writes the session's dimension table as UTF-8 CSV with a BOM
// and a header row; empty cells mean "not set" or "no placements". The
// figures keep a decimal point in every language, as spreadsheets and
// scripts read them.
func WriteCSV(w io.Writer, s *canvas.Session, opt CSVOptions) error {
	words := wordsOr(opt.Words)
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return fmt.Errorf("write CSV of session %s: %w", s.ID, err)
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // what spreadsheets expect
	if err := cw.Write(CSVHeader(words)); err != nil {
		return fmt.Errorf("write CSV of session %s: %w", s.ID, err)
	}
	for _, d := range s.Dimensions {
		// The figures are canvas's one summary, which the editor's rows,
		// presentation mode and `fulcrum summary` show too.
		ds := s.DimensionSummary(d.Key)
		row := []string{words.Group(d.Group), d.Key, words.DimensionOf(d).Name, optInt(ds.Current), optInt(ds.Target),
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
