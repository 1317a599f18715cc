package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// listEntry is the JSON shape of `list --json`; scripts rely on the names.
// Band is the index's band as a stable key (null without an index); Label
// names it in English, whatever the language, so a script reads the same
// JSON on every machine.
type listEntry struct {
	ID      string      `json:"id"`
	Title   string      `json:"title"`
	Product string      `json:"product"`
	Updated string      `json:"updated"`
	Index   *float64    `json:"index"`
	Label   string      `json:"label"`
	Band    canvas.Band `json:"band"`
}

// jsonWords names typed values in JSON output: English, in every language.
var jsonWords = lang.For(lang.EN)

func runList(env *Env, args []string) int {
	f := newFlags(env, "list")
	db := f.dbFlag()
	asJSON := f.Bool("json", false, env.w.T("cli.flag.json"))
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return f.usageError(env.w.T("cli.usage.unexpected", pos[0]))
	}
	path := env.DBPath(*db)
	var sums []store.Summary
	if _, err := os.Stat(path); err == nil {
		st, err := openStore(path, true)
		if err != nil {
			return env.fail("list", env.w.T("cli.error.open", path), err)
		}
		sums, err = st.ListSummaries()
		st.Close()
		if err != nil {
			return env.fail("list", env.w.T("cli.error.list", path), err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return env.fail("list", env.w.T("cli.error.open", path), err)
	}
	if *asJSON {
		out := make([]listEntry, 0, len(sums))
		for _, s := range sums {
			e := listEntry{ID: s.ID, Title: s.Title, Product: s.Product, Updated: s.Updated.UTC().Format(time.RFC3339),
				Label: jsonWords.Band(s.Band()), Band: s.Band()}
			if s.IndexValid {
				v := s.Index
				e.Index = &v
			}
			out = append(out, e)
		}
		return writeJSON(env, "list", out)
	}
	w := env.w
	if len(sums) == 0 {
		fmt.Fprintln(env.Stdout, w.T("cli.list.empty"))
		return ExitOK
	}
	rows := [][]string{{w.T("cli.list.header.id"), w.T("cli.list.header.updated"), w.T("cli.list.header.index"),
		w.T("cli.list.header.label"), w.T("cli.list.header.title"), w.T("cli.list.header.product")}}
	for _, s := range sums {
		idx := "-"
		if s.IndexValid {
			idx = fmt.Sprintf("%.0f", s.Index)
		}
		rows = append(rows, []string{s.ID, s.Updated.Local().Format("2006-01-02 15:04"), idx, indexLabel(w, s),
			oneLine(s.Title), oneLine(s.Product)})
	}
	writeTable(env.Stdout, rows)
	return ExitOK
}

func runSummary(env *Env, args []string) int {
	f := newFlags(env, "summary")
	db := f.dbFlag()
	asJSON := f.Bool("json", false, env.w.T("cli.flag.json-only"))
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return f.usageError(env.w.T("cli.usage.one-id"))
	}
	if !*asJSON {
		return f.usageError(env.w.T("cli.summary.json-only"))
	}
	s, code := env.loadSession("summary", *db, pos[0])
	if s == nil {
		return code
	}
	sum := s.Summary()
	return writeJSON(env, "summary", summaryJSON{Summary: sum, Label: jsonWords.Band(sum.Band)})
}

// summaryJSON is the shape of `summary --json`: canvas's figures, with the
// band also named in English as "label" ("" without an index).
type summaryJSON struct {
	canvas.Summary
	Label string `json:"label"`
}

// indexLabel names where a session's index sits, for the table, in the
// reader's language.
func indexLabel(w *lang.Words, s store.Summary) string { return w.Band(s.Band()) }
