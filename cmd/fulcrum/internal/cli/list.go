package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"text/tabwriter"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// listEntry is the JSON shape of `list --json`; scripts rely on the names.
type listEntry struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Product string   `json:"product"`
	Updated string   `json:"updated"`
	Index   *float64 `json:"index"`
	Label   string   `json:"label"`
}

func runList(env *Env, args []string) int {
	f := newFlags(env, "list")
	db := f.dbFlag()
	asJSON := f.Bool("json", false, "print JSON")
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return f.usageError("unexpected argument %q", pos[0])
	}
	path := env.DBPath(*db)
	var sums []store.Summary
	if _, err := os.Stat(path); err == nil {
		st, err := openStore(path, true)
		if err != nil {
			return env.fail("list", err)
		}
		sums, err = st.ListSummaries()
		st.Close()
		if err != nil {
			return env.fail("list", err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return env.fail("list", err)
	}
	if *asJSON {
		out := make([]listEntry, 0, len(sums))
		for _, s := range sums {
			e := listEntry{ID: s.ID, Title: s.Title, Product: s.Product, Updated: s.Updated.UTC().Format(time.RFC3339), Label: s.Label}
			if s.IndexValid {
				v := s.Index
				e.Index = &v
			}
			out = append(out, e)
		}
		return writeJSON(env, "list", out)
	}
	if len(sums) == 0 {
		fmt.Fprintln(env.Stdout, "No sessions yet.")
		return ExitOK
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tUPDATED\tINDEX\tLABEL\tTITLE\tPRODUCT")
	for _, s := range sums {
		idx := "-"
		if s.IndexValid {
			idx = fmt.Sprintf("%.0f", s.Index)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", s.ID, s.Updated.Local().Format("2006-01-02 15:04"), idx, s.Label, oneLine(s.Title), oneLine(s.Product))
	}
	tw.Flush()
	return ExitOK
}

func runSummary(env *Env, args []string) int {
	f := newFlags(env, "summary")
	db := f.dbFlag()
	asJSON := f.Bool("json", false, "print JSON (the only format)")
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return f.usageError("name exactly one session id")
	}
	if !*asJSON {
		return f.usageError("summary prints JSON: add --json")
	}
	s, code := env.loadSession("summary", *db, pos[0])
	if s == nil {
		return code
	}
	return writeJSON(env, "summary", s.Summary())
}
