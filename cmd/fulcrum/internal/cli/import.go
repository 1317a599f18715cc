package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
	"github.com/fulcrum-workshop/fulcrum/export"
)

func runImport(env *Env, args []string) int {
	w := env.w
	f := newFlags(env, "import")
	db := f.dbFlag()
	files, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if len(files) == 0 {
		return f.usageError(w.T("cli.import.no-files"))
	}
	var sessions []*canvas.Session
	bad := false
	for _, name := range files {
		s, ok := env.readSessionFile(name)
		if !ok {
			bad = true
			continue
		}
		sessions = append(sessions, s)
	}
	if bad {
		fmt.Fprintf(env.Stderr, "fulcrum import: %s\n", w.T("cli.import.nothing"))
		return ExitError
	}
	path := env.DBPath(*db)
	st, err := openForImport(path)
	if err != nil {
		return env.fail("import", w.T("cli.import.failed", path), err)
	}
	defer st.Close()
	done, err := st.ImportSessions(sessions)
	if err != nil {
		return env.fail("import", w.T("cli.import.failed", path), err)
	}
	// A custom dimension the catalogue has with other content: the
	// catalogue kept its own and the session its file's, which the
	// facilitator should know before starting the next session from it.
	for i, d := range done {
		for _, c := range d.Conflicts {
			fmt.Fprintln(env.Stderr, w.T("cli.import.conflict", files[i], c.Key))
		}
	}
	ids := make([]string, len(done))
	for i, d := range done {
		ids[i] = d.ID
	}
	return env.printImported("import", w, ids)
}

// printImported prints the ids (or keys) of what an import committed. They
// are printed only once it is committed; if they cannot be, the import
// still happened, and saying so keeps a script from importing the same
// files again.
func (env *Env) printImported(cmd string, w *lang.Words, ids []string) int {
	for _, id := range ids {
		if _, err := fmt.Fprintln(env.Stdout, id); err != nil {
			fmt.Fprintf(env.Stderr, "fulcrum %s: %s\n", cmd, w.N("cli.import.ids-unprinted", len(ids), reason(w, err)))
			return ExitError
		}
	}
	return ExitOK
}

// readSessionFile reads and checks one file to import ("-" is stdin). A
// file that cannot be used has its problems printed, one a line, each
// starting with the file's name, and gives false.
func (env *Env) readSessionFile(name string) (*canvas.Session, bool) {
	var r io.Reader
	if name == "-" {
		r = env.Stdin
	} else {
		fh, err := export.OpenInput(name)
		if err != nil {
			fmt.Fprintln(env.Stderr, env.w.T("cli.import.cannot-read", name, reason(env.w, unwrapPath(err))))
			return nil, false
		}
		defer fh.Close()
		r = fh
	}
	s, err := canvas.DecodeFile(r, env.Now())
	if err != nil {
		// The field paths are the file's; the problems are told in the
		// reader's language.
		for _, line := range env.w.FileProblems(name, err) {
			fmt.Fprintln(env.Stderr, line)
		}
		return nil, false
	}
	return s, true
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

// openForImport opens the session file an import writes to. bbolt opens
// many damaged files without complaint, and a write would spread the
// damage over the pages it rewrites: only a file that passes the whole
// check is written to.
func openForImport(path string) (*store.Store, error) {
	st, err := openStore(path, false)
	if err != nil {
		return nil, err
	}
	if err := st.Check(); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}
