package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/export"
)

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
