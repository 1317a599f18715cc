package cli_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/cmd/fulcrum/internal/cli"
)

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "u.db")
	small := writeJSONFile(t, filepath.Join(dir, "s.json"), indexSession())
	t.Setenv(cli.EnvDB, db)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"bogus"}, `unknown command "bogus"`},
		{[]string{"export", "a-index"}, "--json"},
		{[]string{"export", "a-index", "--json"}, "flag needs an argument"},
		{[]string{"export", "--json", "-"}, "session id"},
		{[]string{"export", "a", "b", "--json", "-"}, "session id"},
		{[]string{"import"}, "session file"},
		{[]string{"import", "--db", db}, "session file"},
		{[]string{"import", "--nope", small}, "flag provided but not defined"},
		{[]string{"list", "--bogus"}, "flag provided but not defined"},
		{[]string{"list", "extra"}, `unexpected argument "extra"`},
		{[]string{"catalogue", "extra"}, `unexpected argument "extra"`},
		{[]string{"catalogue", "--nope"}, "flag provided but not defined"},
		{[]string{"template"}, "export, import or list"},
		{[]string{"template", "--db", db, "bogus"}, `unknown template command "bogus"`},
		{[]string{"template", "export", "k"}, "template key and an output file"},
		{[]string{"template", "import", "--db", db}, "template file"},
		{[]string{"template", "export", "k", "o.json", "--json"}, "--json goes with list only"},
		{[]string{"template", "list", "extra"}, `unexpected argument "extra"`},
		{[]string{"check", "extra"}, `unexpected argument "extra"`},
	} {
		r := runCLI(t, nil, tc.args...)
		if r.code != 2 {
			t.Errorf("fulcrum %q: exit %d, want 2\nstderr: %s", tc.args, r.code, r.stderr)
		}
		if r.stdout != "" {
			t.Errorf("fulcrum %q: stdout %q, want nothing", tc.args, r.stdout)
		}
		if !strings.Contains(r.stderr, tc.want) || !strings.Contains(r.stderr, "Usage") {
			t.Errorf("fulcrum %q: stderr lacks %q and usage:\n%s", tc.args, tc.want, r.stderr)
		}
	}
	assertNotExist(t, db)
}

func TestHelp(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"help"}, []string{"fulcrum list", "fulcrum import", "fulcrum export", "fulcrum summary", "fulcrum catalogue", "fulcrum check", "fulcrum backup", "fulcrum restore", "FULCRUM_DB", "FULCRUM_LANG"}},
		{[]string{}, []string{"fulcrum list"}},
		{[]string{"list", "--help"}, []string{"fulcrum list", "-db", "-json"}},
		{[]string{"import", "--help"}, []string{"fulcrum import", "FILE...", "-db"}},
		{[]string{"export", "--help"}, []string{"fulcrum export", "-db", "-json"}},
		{[]string{"export", "a-index", "--help"}, []string{"fulcrum export"}},
		{[]string{"catalogue", "--help"}, []string{"fulcrum catalogue", "-json", "-lang", "FULCRUM_LANG"}},
		{[]string{"check", "-h"}, []string{"fulcrum check", "-db"}},
		{[]string{"backup", "--help"}, []string{"fulcrum backup", "-db"}},
		{[]string{"restore", "-h"}, []string{"fulcrum restore", "BACKUP"}},
	} {
		r := runCLI(t, nil, tc.args...)
		if r.code != 0 {
			t.Errorf("fulcrum %q: exit %d, want 0\nstderr: %s", tc.args, r.code, r.stderr)
		}
		if r.stderr != "" {
			t.Errorf("fulcrum %q: stderr %q, want nothing", tc.args, r.stderr)
		}
		for _, w := range append([]string{"Usage"}, tc.want...) {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("fulcrum %q: stdout lacks %q:\n%s", tc.args, w, r.stdout)
			}
		}
	}
}
