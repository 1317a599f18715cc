package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
	"github.com/fulcrum-workshop/fulcrum/export"
)

// runTemplate is `fulcrum template export|import|list`: template files
// shared between facilitators. The subcommand is the first positional
// argument, so flags may stand anywhere, before it too.
func runTemplate(env *Env, args []string) int {
	w := env.w
	f := newFlags(env, "template")
	db := f.dbFlag()
	asJSON := f.Bool("json", false, w.T("cli.template.flag.json"))
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if len(pos) == 0 {
		return f.usageError(w.T("cli.template.no-subcommand"))
	}
	sub, rest := pos[0], pos[1:]
	if *asJSON && sub != "list" {
		return f.usageError(w.T("cli.template.json-list-only"))
	}
	switch sub {
	case "export":
		if len(rest) != 2 {
			return f.usageError(w.T("cli.template.export-args"))
		}
		return env.templateExport(*db, rest[0], rest[1])
	case "import":
		if len(rest) == 0 {
			return f.usageError(w.T("cli.template.no-files"))
		}
		return env.templateImport(*db, rest)
	case "list":
		if len(rest) > 0 {
			return f.usageError(w.T("cli.usage.unexpected", rest[0]))
		}
		return env.templateList(*db, *asJSON)
	}
	return f.usageError(w.T("cli.template.unknown-subcommand", sub))
}

// library reads the catalogue of the session file without changing it.
func (env *Env) library(cmd, db string) (canvas.Library, int) {
	st, code := env.openExisting(cmd, db)
	if st == nil {
		return canvas.Library{}, code
	}
	defer st.Close()
	lib, err := st.Library()
	if err != nil {
		return canvas.Library{}, env.fail(cmd, env.w.T("cli.error.open", st.Path()), err)
	}
	return lib, ExitOK
}

func (env *Env) templateExport(db, key, out string) int {
	w := env.w
	protected := store.ProtectedPaths(env.DBPath(db))
	if out != "-" {
		if err := export.CheckTarget(out, protected...); err != nil {
			return env.fail("template", w.T("cli.export.cannot-write", out), err)
		}
	}
	lib, code := env.library("template", db)
	if code != ExitOK {
		return code
	}
	tf, err := lib.TemplateFile(key)
	if errors.Is(err, canvas.ErrUnknownTemplate) {
		fmt.Fprintf(env.Stderr, "fulcrum template: %s\n", w.T("cli.template.unknown", key, env.DBPath(db)))
		return ExitError
	}
	if err != nil {
		return env.fail("template", w.T("cli.template.cannot-export", key), err)
	}
	write := func(wr io.Writer) error { return canvas.EncodeTemplateFile(wr, tf) }
	if out == "-" {
		if err := write(env.Stdout); err != nil {
			return env.fail("template", w.T("cli.error.write-stdout"), err)
		}
		return ExitOK
	}
	if err := export.WriteFile(out, write, protected...); err != nil {
		return env.fail("template", w.T("cli.export.cannot-write", out), err)
	}
	return ExitOK
}

// templateImport reads every file first; one bad file imports nothing.
func (env *Env) templateImport(db string, names []string) int {
	w := env.w
	var files []canvas.TemplateFile
	bad := false
	for _, name := range names {
		tf, ok := env.readTemplateFile(name)
		if !ok {
			bad = true
			continue
		}
		files = append(files, tf)
	}
	if bad {
		fmt.Fprintf(env.Stderr, "fulcrum template: %s\n", w.T("cli.import.nothing"))
		return ExitError
	}
	path := env.DBPath(db)
	st, err := openForImport(path)
	if err != nil {
		return env.fail("template", w.T("cli.import.failed", path), err)
	}
	defer st.Close()
	done, err := st.ImportTemplates(files)
	if err != nil {
		return env.fail("template", w.T("cli.import.failed", path), err)
	}
	for i, d := range done {
		if d.Replaced {
			fmt.Fprintln(env.Stderr, w.T("cli.template.replaced", names[i], d.Key))
		}
		for _, c := range d.Conflicts {
			fmt.Fprintln(env.Stderr, w.T("cli.template.conflict", names[i], c.Key))
		}
	}
	keys := make([]string, len(done))
	for i, d := range done {
		keys[i] = d.Key
	}
	return env.printImported("template", w, keys)
}

// readTemplateFile reads and checks one template file ("-" is stdin),
// printing its problems, each line starting with the file's name.
func (env *Env) readTemplateFile(name string) (canvas.TemplateFile, bool) {
	var r io.Reader
	if name == "-" {
		r = env.Stdin
	} else {
		fh, err := export.OpenInput(name)
		if err != nil {
			fmt.Fprintln(env.Stderr, env.w.T("cli.import.cannot-read", name, reason(env.w, unwrapPath(err))))
			return canvas.TemplateFile{}, false
		}
		defer fh.Close()
		r = fh
	}
	tf, err := canvas.DecodeTemplateFile(r)
	if err != nil {
		for _, line := range env.w.FileProblems(name, err) {
			fmt.Fprintln(env.Stderr, line)
		}
		return canvas.TemplateFile{}, false
	}
	return tf, true
}

func (env *Env) templateList(db string, asJSON bool) int {
	w := env.w
	lib, code := env.library("template", db)
	if code != ExitOK {
		return code
	}
	list := templatesOf(w, lib)
	if asJSON {
		return writeJSON(env, "template", struct {
			Templates []catalogueTemplate `json:"templates"`
		}{list})
	}
	rows := [][]string{{w.T("cli.template.header.key"), w.T("cli.template.header.dimensions"), w.T("cli.template.header.kind"), w.T("cli.template.header.name")}}
	for _, t := range list {
		kind := w.T("cli.template.built-in")
		if t.Custom {
			kind = w.T("cli.template.custom")
		}
		rows = append(rows, []string{t.Key, strconv.Itoa(len(t.Dimensions)), kind, oneLine(t.Name)})
	}
	writeTable(env.Stdout, rows)
	return ExitOK
}

// defaultLibrary is the catalogue `fulcrum catalogue` shows without --db:
// the default session file's when there is one, read-only; the built-in
// one when there is none. A file there that cannot be read is said on
// stderr, and the built-in catalogue still shown.
func (env *Env) defaultLibrary() canvas.Library {
	path := env.DBPath("")
	if _, err := os.Stat(path); err != nil {
		return canvas.Library{}
	}
	st, err := openStore(path, true)
	if err == nil {
		defer st.Close()
		var lib canvas.Library
		if lib, err = st.Library(); err == nil {
			return lib
		}
	}
	fmt.Fprintf(env.Stderr, "fulcrum catalogue: %s\n", env.w.T("cli.catalogue.built-in-only", path, reason(env.w, err)))
	return canvas.Library{}
}
