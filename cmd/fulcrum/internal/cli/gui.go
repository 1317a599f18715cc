package cli

import (
	"fmt"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
)

// GUI is what the desktop app takes from the command line.
type GUI struct {
	// DB is the session file: --db, else $FULCRUM_DB, else the default.
	DB string
	// Lang is the language: --lang, else $FULCRUM_LANG, else the locale.
	Lang lang.Tag
}

// Start reads the whole command line. A subcommand, help or a usage error
// runs here and gives its exit code with ok false; otherwise ok is true
// and g is what the window opens with.
func Start(env *Env, args []string) (g GUI, code int, ok bool) {
	flagLang, rest := leadingLang(args)
	if len(rest) > 0 && IsCommand(rest[0]) {
		return GUI{}, Run(env, args), false
	}
	checked := *env
	flagLang = langIn(args, flagLang)
	if code, ok := checked.chooseLanguage(flagLang, ""); !ok {
		return GUI{}, code, false
	}
	f := newFlags(&checked, "")
	f.cmd = command{name: "", args: "[--db PATH]", summary: checked.w.T("cli.help.gui")}
	db := f.dbFlag()
	if msg := f.check(args); msg != "" {
		return GUI{}, checked.guiUsageError(msg), false
	}
	if err := f.Parse(args); err != nil {
		// -h or --help: the whole help, as "fulcrum help" gives it.
		return GUI{}, Run(env, []string{"--lang", string(checked.w.Tag()), "help"}), false
	}
	if f.NArg() > 0 {
		return GUI{}, checked.guiUsageError(checked.w.T("cli.error.unknown-command", f.Arg(0))), false
	}
	return GUI{DB: env.DBPath(*db), Lang: checked.w.Tag()}, ExitOK, true
}

func (env *Env) guiUsageError(msg string) int {
	fmt.Fprintf(env.Stderr, "fulcrum: %s\n", msg)
	usage(env.Stderr, env.w)
	return ExitUsage
}
