package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"text/tabwriter"
	"time"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
	"github.com/fulcrum-workshop/fulcrum/export"
)

// listEntry is the JSON shape of `list --json`; scripts rely on the names.
// Band is the index's band as a stable key (null without an index); Label
// names it in words.
type listEntry struct {
	ID      string      `json:"id"`
	Title   string      `json:"title"`
	Product string      `json:"product"`
	Updated string      `json:"updated"`
	Index   *float64    `json:"index"`
	Label   string      `json:"label"`
	Band    canvas.Band `json:"band"`
}

// jsonWords is the language of the labels in JSON output: English, which
// scripts have always read, unless --lang asks for another. The locale and
// $FULCRUM_LANG leave it alone, so a script behaves the same on every
// machine; the band beside each label is the same in every language.
func (env *Env) jsonWords(flagValue string) (*lang.Words, error) {
	if flagValue == "" {
		return lang.For(lang.EN), nil
	}
	return env.words(flagValue)
}

func runList(env *Env, args []string) int {
	f := newFlags(env, "list")
	db := f.dbFlag()
	asJSON := f.Bool("json", false, "print JSON")
	langFlag := f.langFlag()
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return f.usageError("unexpected argument %q", pos[0])
	}
	words := env.words
	if *asJSON {
		words = env.jsonWords
	}
	w, err := words(*langFlag)
	if err != nil {
		return f.usageError("%v", err)
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
			e := listEntry{ID: s.ID, Title: s.Title, Product: s.Product, Updated: s.Updated.UTC().Format(time.RFC3339),
				Label: w.Band(s.Band()), Band: s.Band()}
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
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", s.ID, s.Updated.Local().Format("2006-01-02 15:04"), idx, w.Band(s.Band()), oneLine(s.Title), oneLine(s.Product))
	}
	tw.Flush()
	return ExitOK
}

func runImport(env *Env, args []string) int {
	f := newFlags(env, "import")
	db := f.dbFlag()
	files, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if len(files) == 0 {
		return f.usageError("name at least one session file")
	}
	var sessions []*canvas.Session
	bad := false
	for _, name := range files {
		s, err := env.readSessionFile(name)
		if err != nil {
			for _, line := range canvas.FileProblems(name, err) {
				fmt.Fprintln(env.Stderr, line)
			}
			bad = true
			continue
		}
		sessions = append(sessions, s)
	}
	if bad {
		fmt.Fprintln(env.Stderr, "fulcrum import: nothing was imported")
		return ExitError
	}
	st, err := openStore(env.DBPath(*db), false)
	if err != nil {
		return env.fail("import", fmt.Errorf("%w; nothing was imported", err))
	}
	defer st.Close()
	// bbolt opens many damaged files without complaint, and a write would
	// spread the damage over the pages it rewrites: only a file that
	// passes the whole check is written to.
	if err := st.Check(); err != nil {
		return env.fail("import", fmt.Errorf("%w; nothing was imported", err))
	}
	ids, err := st.Import(sessions)
	if err != nil {
		return env.fail("import", fmt.Errorf("%w; nothing was imported", err))
	}
	// The ids are printed only now that the import is committed; if they
	// cannot be, the import still happened, and saying so keeps a script
	// from importing the same files again.
	for _, id := range ids {
		if _, err := fmt.Fprintln(env.Stdout, id); err != nil {
			fmt.Fprintf(env.Stderr, "fulcrum import: imported %d sessions, but could not print their ids: %v; run 'fulcrum list' to see them (importing again would add copies)\n", len(ids), err)
			return ExitError
		}
	}
	return ExitOK
}

func (env *Env) readSessionFile(name string) (*canvas.Session, error) {
	var r io.Reader
	if name == "-" {
		r = env.Stdin
	} else {
		fh, err := export.OpenInput(name)
		if err != nil {
			return nil, fmt.Errorf("cannot read: %w", err)
		}
		defer fh.Close()
		r = fh
	}
	return canvas.DecodeFile(r, env.Now())
}

// unwrapPath drops the path from an *fs.PathError: the caller already
// prints the file name first.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func runExport(env *Env, args []string) int {
	f := newFlags(env, "export")
	db := f.dbFlag()
	out := f.String("json", "", "write the session file to `OUT` (- for stdout)")
	pdfOut := f.String("pdf", "", "write the PDF summary to `OUT.pdf`")
	paper := f.String("paper", export.PaperA4, "PDF paper size: a4 or letter")
	pngOut := f.String("png", "", "write the profile chart at 2× to `OUT.png`")
	csvOut := f.String("csv", "", "write the dimension table as UTF-8 CSV to `OUT.csv`")
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return f.usageError("name exactly one session id")
	}
	if *out == "" && *pdfOut == "" && *pngOut == "" && *csvOut == "" {
		return f.usageError("choose an output: --json OUT, --pdf OUT.pdf, --png OUT.png or --csv OUT.csv")
	}
	if *paper != export.PaperA4 && *paper != export.PaperLetter {
		return f.usageError("--paper must be a4 or letter, not %q", *paper)
	}
	// Every output is checked before any is written, so a refused one
	// leaves no other half of the export behind.
	protected := store.ProtectedPaths(env.DBPath(*db))
	targets := []string{*pdfOut, *pngOut, *csvOut}
	if *out != "-" {
		targets = append(targets, *out)
	}
	for _, o := range targets {
		if o == "" {
			continue
		}
		if err := export.CheckTarget(o, protected...); err != nil {
			return env.fail("export", err)
		}
	}
	s, code := env.loadSession("export", *db, pos[0])
	if s == nil {
		return code
	}
	opt := export.PDFOptions{Paper: *paper, Generated: env.Now()}
	for _, o := range []struct {
		path  string
		write func(io.Writer) error
	}{
		{*pdfOut, func(w io.Writer) error { return export.WritePDF(w, s, opt) }},
		{*pngOut, func(w io.Writer) error { return export.WritePNG(w, s) }},
		{*csvOut, func(w io.Writer) error { return export.WriteCSV(w, s) }},
	} {
		if o.path == "" {
			continue
		}
		if err := export.WriteFile(o.path, o.write, protected...); err != nil {
			return env.fail("export", err)
		}
	}
	switch *out {
	case "":
		return ExitOK
	case "-":
		var buf bytes.Buffer
		if err := canvas.EncodeFile(&buf, s); err != nil {
			return env.fail("export", err)
		}
		if _, err := env.Stdout.Write(buf.Bytes()); err != nil {
			return env.fail("export", err)
		}
		return ExitOK
	}
	if err := export.WriteFile(*out, func(w io.Writer) error { return canvas.EncodeFile(w, s) }, protected...); err != nil {
		return env.fail("export", err)
	}
	return ExitOK
}

func runSummary(env *Env, args []string) int {
	f := newFlags(env, "summary")
	db := f.dbFlag()
	asJSON := f.Bool("json", false, "print JSON (the only format)")
	langFlag := f.langFlag()
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
	w, err := env.jsonWords(*langFlag)
	if err != nil {
		return f.usageError("%v", err)
	}
	s, code := env.loadSession("summary", *db, pos[0])
	if s == nil {
		return code
	}
	sum := s.Summary()
	return writeJSON(env, "summary", summaryJSON{Summary: sum, Label: w.Band(sum.Band)})
}

// summaryJSON is the shape of `summary --json`: canvas's figures, with the
// band named in words as "label" (English unless --lang says otherwise;
// "" without an index) beside the band's key.
type summaryJSON struct {
	canvas.Summary
	Label string `json:"label"`
}

// openExisting opens an existing session file read-only: commands that
// only read never create or change it. On failure it has printed why and
// returns the exit code.
func (env *Env) openExisting(cmd, db string) (*store.Store, int) {
	path := env.DBPath(db)
	if _, err := os.Stat(path); err != nil {
		return nil, env.fail(cmd, fmt.Errorf("session file %s: %w", path, unwrapPath(err)))
	}
	st, err := openStore(path, true)
	if err != nil {
		return nil, env.fail(cmd, err)
	}
	return st, ExitOK
}

// loadSession reads one session without changing the file.
func (env *Env) loadSession(cmd, db, id string) (*canvas.Session, int) {
	st, code := env.openExisting(cmd, db)
	if st == nil {
		return nil, code
	}
	defer st.Close()
	s, err := st.Load(id)
	if err != nil {
		return nil, env.fail(cmd, err)
	}
	return s, ExitOK
}

// catalogueJSON is the shape of `catalogue --json`; scripts rely on it.
// Keys are the same in every language; the text is in the chosen one.
type catalogueJSON struct {
	Dimensions []catalogueDim      `json:"dimensions"`
	Groups     []catalogueGroup    `json:"groups"`
	Templates  []catalogueTemplate `json:"templates"`
}

type catalogueDim struct {
	Key      string          `json:"key"`
	Group    string          `json:"group"`
	GroupKey string          `json:"group_key"`
	Name     string          `json:"name"`
	Question string          `json:"question"`
	ToC      string          `json:"toc"`
	ToB      string          `json:"tob"`
	Guidance canvas.Guidance `json:"guidance"`
}

type catalogueGroup struct {
	Key  string `json:"key"`
	Name string `json:"name"`
}

type catalogueTemplate struct {
	Key        string   `json:"key"`
	Name       string   `json:"name"`
	Dimensions []string `json:"dimensions"`
}

func catalogueOf(w *lang.Words) catalogueJSON {
	var out catalogueJSON
	for _, d := range canvas.Catalogue() {
		t := w.DimensionOf(d)
		out.Dimensions = append(out.Dimensions, catalogueDim{Key: d.Key, Group: w.Group(d.Group), GroupKey: d.Group,
			Name: t.Name, Question: t.Question, ToC: t.ToC, ToB: t.ToB, Guidance: canvas.Guidance{ToC: t.GuidanceToC, ToB: t.GuidanceToB}})
	}
	for _, g := range canvas.Groups() {
		out.Groups = append(out.Groups, catalogueGroup{Key: g.Key, Name: w.Group(g.Key)})
	}
	for _, t := range canvas.Templates() {
		out.Templates = append(out.Templates, catalogueTemplate{Key: t.Key, Name: w.Template(t.Key), Dimensions: t.Dimensions})
	}
	return out
}

func runCatalogue(env *Env, args []string) int {
	f := newFlags(env, "catalogue")
	asJSON := f.Bool("json", false, "print JSON")
	langFlag := f.langFlag()
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return f.usageError("unexpected argument %q", pos[0])
	}
	w, err := env.words(*langFlag)
	if err != nil {
		return f.usageError("%v", err)
	}
	cat := catalogueOf(w)
	if *asJSON {
		return writeJSON(env, "catalogue", cat)
	}
	group := ""
	for _, d := range cat.Dimensions {
		if d.GroupKey != group {
			group = d.GroupKey
			fmt.Fprintf(env.Stdout, "\n%s\n", d.Group)
		}
		fmt.Fprintf(env.Stdout, "  %-22s %s\n  %-22s   %s\n  %-22s %s\n", d.Key, d.Question,
			"", w.T("catalogue.pole.toc", d.ToC), "", w.T("catalogue.pole.tob", d.ToB))
	}
	fmt.Fprintf(env.Stdout, "\n%s\n", w.T("catalogue.templates"))
	for _, t := range cat.Templates {
		fmt.Fprintf(env.Stdout, "  %-22s %s\n", t.Key, w.N("catalogue.template", len(t.Dimensions), t.Name))
	}
	return ExitOK
}

func runCheck(env *Env, args []string) int {
	f := newFlags(env, "check")
	db := f.dbFlag()
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return f.usageError("unexpected argument %q", pos[0])
	}
	path, sessions, err := checkFile(env.DBPath(*db))
	if err != nil {
		env.fail("check", err)
		if errors.Is(err, store.ErrDamaged) {
			return ExitDamaged
		}
		return ExitError
	}
	fmt.Fprintf(env.Stdout, "%s: ok, %d sessions\n", path, sessions)
	return ExitOK
}

// checkFile checks an existing session file without changing it and
// counts its sessions. Damage, found on opening it or by the check, is
// store.ErrDamaged.
func checkFile(path string) (checked string, sessions int, err error) {
	if _, err := os.Stat(path); err != nil {
		return path, 0, fmt.Errorf("session file %s: %w", path, unwrapPath(err))
	}
	st, err := openStore(path, true)
	if err != nil {
		return path, 0, err
	}
	defer st.Close()
	if err := st.Check(); err != nil {
		return st.Path(), 0, err
	}
	sums, err := st.ListSummaries()
	return st.Path(), len(sums), err
}

func writeJSON(env *Env, cmd string, v any) int {
	enc := json.NewEncoder(env.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return env.fail(cmd, err)
	}
	return ExitOK
}

func runBackup(env *Env, args []string) int {
	f := newFlags(env, "backup")
	db := f.dbFlag()
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if len(pos) > 1 {
		return f.usageError("name at most one output file")
	}
	st, code := env.openExisting("backup", *db)
	if st == nil {
		return code
	}
	defer st.Close()
	var err error
	out := ""
	if len(pos) == 1 {
		// A backup is an export of the whole file: the same rule keeps
		// it off the session file, other backups and special files.
		target, terr := export.ResolveTarget(pos[0], st.ProtectedPaths()...)
		if terr != nil {
			return env.fail("backup", terr)
		}
		out = pos[0]
		err = st.BackupTo(target)
	} else {
		out, err = st.Backup(env.Now())
	}
	if err != nil {
		return env.fail("backup", err)
	}
	fmt.Fprintln(env.Stdout, out)
	return ExitOK
}

func runRestore(env *Env, args []string) int {
	f := newFlags(env, "restore")
	db := f.dbFlag()
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return f.usageError("name the backup to restore")
	}
	path := env.DBPath(*db)
	if err := export.CheckInput(pos[0]); err != nil {
		return env.fail("restore", fmt.Errorf("backup %s: %w", pos[0], err))
	}
	// Refuse while another Fulcrum has the file; a damaged file may be
	// replaced.
	if _, err := os.Stat(path); err == nil {
		st, err := store.Open(path, store.Options{ReadOnly: true})
		if errors.Is(err, store.ErrLocked) {
			return env.fail("restore", err)
		}
		if err == nil {
			st.Close()
		}
	}
	aside, err := store.Restore(path, pos[0], env.Now())
	if err != nil {
		return env.fail("restore", err)
	}
	if aside != "" {
		fmt.Fprintf(env.Stdout, "restored %s from %s; the previous file is kept as %s\n", path, pos[0], aside)
	} else {
		fmt.Fprintf(env.Stdout, "restored %s from %s\n", path, pos[0])
	}
	return ExitOK
}
