package cli

import (
	"errors"
	"fmt"
	"os"

	"github.com/fulcrum-workshop/fulcrum/canvas/store"
	"github.com/fulcrum-workshop/fulcrum/export"
)

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
	st, code := env.openExisting("check", *db)
	if st == nil {
		return code
	}
	defer st.Close()
	path := st.Path()
	if err := st.Check(); err != nil {
		return env.fail("check", err)
	}
	sums, err := st.ListSummaries()
	if err != nil {
		return env.fail("check", err)
	}
	fmt.Fprintf(env.Stdout, "%s: ok, %d sessions\n", path, len(sums))
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
