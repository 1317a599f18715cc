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
		return f.usageError(env.w.T("cli.usage.unexpected", pos[0]))
	}
	st, code := env.openExisting("check", *db)
	if st == nil {
		return code
	}
	defer st.Close()
	path := st.Path()
	if err := st.Check(); err != nil {
		return env.fail("check", env.w.T("cli.check.failed", path), err)
	}
	sums, err := st.ListSummaries()
	if err != nil {
		return env.fail("check", env.w.T("cli.check.failed", path), err)
	}
	fmt.Fprintln(env.Stdout, env.w.N("cli.check.ok", len(sums), path))
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
		return f.usageError(env.w.T("cli.backup.too-many"))
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
			return env.fail("backup", env.w.T("cli.export.cannot-write", pos[0]), terr)
		}
		out = pos[0]
		err = st.BackupTo(target)
	} else {
		out, err = st.Backup(env.Now())
	}
	if err != nil {
		return env.fail("backup", env.w.T("cli.backup.failed", st.Path()), err)
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
		return f.usageError(env.w.T("cli.restore.no-backup"))
	}
	path := env.DBPath(*db)
	if err := export.CheckInput(pos[0]); err != nil {
		return env.fail("restore", env.w.T("cli.restore.cannot-read", pos[0]), err)
	}
	// Refuse while another Fulcrum has the file; a damaged file may be
	// replaced.
	if _, err := os.Stat(path); err == nil {
		st, err := store.Open(path, store.Options{ReadOnly: true})
		if errors.Is(err, store.ErrLocked) {
			return env.fail("restore", env.w.T("cli.restore.failed", path, pos[0]), err)
		}
		if err == nil {
			st.Close()
		}
	}
	aside, err := store.Restore(path, pos[0], env.Now())
	switch {
	case errors.Is(err, store.ErrDamaged), errors.Is(err, store.ErrNotSessionFile), errors.Is(err, store.ErrTooNew):
		// Restore opens only the backup before it replaces anything,
		// so these are about the backup.
		return env.fail("restore", env.w.T("cli.restore.unusable", pos[0]), err)
	case err != nil:
		return env.fail("restore", env.w.T("cli.restore.failed", path, pos[0]), err)
	case aside != "":
		fmt.Fprintln(env.Stdout, env.w.T("cli.restore.done-aside", path, pos[0], aside))
	default:
		fmt.Fprintln(env.Stdout, env.w.T("cli.restore.done", path, pos[0]))
	}
	return ExitOK
}
