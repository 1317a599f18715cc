package cli

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// runCompare prints how a product moved between two sessions: canvas's
// Comparison as JSON (English keys in every language), or as a table in the
// reader's language.
func runCompare(env *Env, args []string) int {
	w := env.w
	f := newFlags(env, "compare")
	db := f.dbFlag()
	asJSON := f.Bool("json", false, w.T("cli.flag.json"))
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if len(pos) != 2 {
		return f.usageError(w.T("cli.compare.two-ids"))
	}
	ss, code := env.loadSessions("compare", *db, pos...)
	if ss == nil {
		return code
	}
	from, to := ss[0], ss[1]
	c := canvas.Compare(from, to)
	if *asJSON {
		return writeJSON(env, "compare", c)
	}
	writeComparison(env.Stdout, w, from, to, c)
	return ExitOK
}

// writeComparison writes the comparison for people: the two sessions, the
// index then and now, every dimension's move (largest first), and the
// earlier targets reached.
func writeComparison(out io.Writer, w *lang.Words, from, to *canvas.Session, c canvas.Comparison) {
	session := func(key string, s *canvas.Session) string {
		title := oneLine(s.Title)
		if title == "" {
			title = w.T("cli.compare.untitled")
		}
		return w.T(key, title, s.ID, w.Date(s.Updated.Local()))
	}
	fmt.Fprintln(out, session("cli.compare.then", from))
	fmt.Fprintln(out, session("cli.compare.now", to))
	fmt.Fprintln(out, w.T("cli.compare.index", figureText(w, c.Index.From, false), figureText(w, c.Index.To, false),
		shiftText(w, c.Index.Shift)))
	fmt.Fprintln(out)

	rows := [][]string{{w.T("cli.compare.header.dimension"), w.T("cli.compare.header.then"),
		w.T("cli.compare.header.now"), w.T("cli.compare.header.shift"), w.T("cli.compare.header.note")}}
	medians := false
	for _, d := range c.Dimensions {
		then := figureText(w, d.From, d.FromKind == canvas.PositionProposed)
		now := figureText(w, d.To, d.ToKind == canvas.PositionProposed)
		medians = medians || d.FromKind == canvas.PositionProposed || d.ToKind == canvas.PositionProposed
		note := ""
		switch {
		case slices.Contains(c.Added, d.Key):
			note = w.T("cli.compare.added")
		case slices.Contains(c.Removed, d.Key):
			note = w.T("cli.compare.removed")
		}
		rows = append(rows, []string{oneLine(w.DimensionOf(d.Dimension).Name), then, now, shiftText(w, d.Shift), note})
	}
	writeTable(out, rows)
	if medians {
		fmt.Fprintln(out, w.Legend(canvas.LegendMedian))
	}
	fmt.Fprintln(out)

	writeTargets(out, w, c)
	writeTensionShift(out, w, "cli.compare.tensions.resolved", c.TensionsResolved)
	writeTensionShift(out, w, "cli.compare.tensions.new", c.TensionsNew)
}

// writeTensionShift writes one line naming the tension rules, in the
// reader's language, after the label key; "none" when there are none.
func writeTensionShift(out io.Writer, w *lang.Words, key string, rules []string) {
	names := w.T("cli.compare.tensions.none")
	if len(rules) > 0 {
		var ns []string
		for _, r := range rules {
			t, _ := w.Tension(r)
			ns = append(ns, oneLine(t.Name))
		}
		names = strings.Join(ns, w.T("cli.compare.list-separator"))
	}
	fmt.Fprintln(out, w.T(key, names))
}

// writeTargets writes how many of the earlier session's targets today's
// agreed positions reached, and which.
func writeTargets(out io.Writer, w *lang.Words, c canvas.Comparison) {
	if len(c.Targets) == 0 {
		fmt.Fprintln(out, w.T("cli.compare.targets.none-set"))
		return
	}
	line := w.T("cli.compare.targets", len(c.TargetsReached), len(c.Targets), canvas.TargetReachedWithin)
	if len(c.TargetsReached) > 0 {
		var names []string
		for _, key := range c.TargetsReached {
			for _, d := range c.Dimensions {
				if d.Key == key {
					names = append(names, oneLine(w.DimensionOf(d.Dimension).Name))
				}
			}
		}
		line = w.T("cli.compare.targets.which", line, strings.Join(names, w.T("cli.compare.list-separator")))
	}
	fmt.Fprintln(out, line)
}

// figureText writes a position or an index to one decimal at most, with
// the language's decimal sign; "~" marks a median nobody agreed, as the
// chart does, and "–" a missing figure.
func figureText(w *lang.Words, v *float64, median bool) string {
	if v == nil {
		return "–"
	}
	s := oneDecimalText(w, *v)
	if median {
		return "~" + s
	}
	return s
}

// shiftText writes a move with its sign: +19, -7.5, 0.
func shiftText(w *lang.Words, v *float64) string {
	if v == nil {
		return "–"
	}
	s := oneDecimalText(w, *v)
	if s != "0" && *v > 0 {
		return "+" + s
	}
	return s
}

func oneDecimalText(w *lang.Words, v float64) string {
	r := math.Round(v*10) / 10
	if r == 0 {
		r = 0 // no "-0"
	}
	return strings.Replace(strconv.FormatFloat(r, 'f', -1, 64), ".", w.T("cli.number.decimal-separator"), 1)
}
