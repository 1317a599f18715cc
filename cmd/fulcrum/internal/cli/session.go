package cli

import (
	"encoding/json"
	"os"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// openExisting opens an existing session file read-only: commands that
// only read never create or change it. On failure it has printed why and
// returns the exit code.
func (env *Env) openExisting(cmd, db string) (*store.Store, int) {
	path := env.DBPath(db)
	if _, err := os.Stat(path); err != nil {
		return nil, env.fail(cmd, env.w.T("cli.error.session-file", path), err)
	}
	st, err := openStore(path, true)
	if err != nil {
		return nil, env.fail(cmd, env.w.T("cli.error.open", path), err)
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
		return nil, env.fail(cmd, env.w.T("cli.error.load", id, st.Path()), err)
	}
	return s, ExitOK
}

// loadSessions reads several sessions from one opening of the file,
// without changing it; the first that cannot be read is named.
func (env *Env) loadSessions(cmd, db string, ids ...string) ([]*canvas.Session, int) {
	st, code := env.openExisting(cmd, db)
	if st == nil {
		return nil, code
	}
	defer st.Close()
	out := make([]*canvas.Session, 0, len(ids))
	for _, id := range ids {
		s, err := st.Load(id)
		if err != nil {
			return nil, env.fail(cmd, env.w.T("cli.error.load", id, st.Path()), err)
		}
		out = append(out, s)
	}
	return out, ExitOK
}

func writeJSON(env *Env, cmd string, v any) int {
	enc := json.NewEncoder(env.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return env.fail(cmd, env.w.T("cli.error.write-json"), err)
	}
	return ExitOK
}
