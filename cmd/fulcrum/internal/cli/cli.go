// Package cli holds Fulcrum's headless subcommands: list, import, export,
// summary, compare, catalogue, template, serve, check, backup and restore (commands is the one list,
// which the help prints), and reads the bare invocation's flags for the
// window (Start). Each runs against an Env, its streams, clock, default
// file and environment, so tests run them in process. It never touches
// Fyne, so scripts and CI can use the same binary without a display.
//
// Everything it writes for people is in the language of --lang, else
// $FULCRUM_LANG, else the locale, from the "cli" messages of assets/lang;
// JSON output keeps its English keys and values in every language.
package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// Exit codes. ExitDamaged says a file the command read (the session file,
// or the backup to restore) is damaged, so a caller (the window's start-up
// check) can tell damage from other failures without reading words that
// change with the language.
const (
	ExitOK    = 0
	ExitError = 1
	ExitUsage = 2
	// ExitDamaged says a file the command read is damaged, as against
	// ExitError, that it could not be read at all (missing, locked, from a
	// newer Fulcrum). The app runs `check` as a child and tells the two
	// apart by this code alone: the message is in the reader's language.
	ExitDamaged = 3
)

// EnvDB names the environment variable that chooses the session file.
const EnvDB = "FULCRUM_DB"

// Env is what a command may touch: its streams, its clock and the default
// session file.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Now            func() time.Time
	// DefaultDB is the session file used without --db or FULCRUM_DB.
	DefaultDB string
	// Getenv reads the environment (FULCRUM_LANG and the locale); nil means
	// os.Getenv. Tests set it to run a command under any locale.
	Getenv func(string) string

	// Stop, when not nil, ends `serve` when it is closed, as SIGINT or
	// SIGTERM do; tests run serve in process with it.
	Stop <-chan struct{}

	// w is the language the command writes in, chosen by Run.
	w *lang.Words
}

type command struct {
	name, args, summary string
	run                 func(env *Env, args []string) int
}

// commands is the one list of subcommands, with their syntax (which stays
// as typed in every language) and their summary in w's language.
func commands(w *lang.Words) []command {
	return []command{
		{"list", "[--db PATH] [--json]", w.T("cli.list.summary"), runList},
		{"import", "[--db PATH] FILE...", w.T("cli.import.summary"), runImport},
		{"export", "[--db PATH] ID [--json OUT] [--pdf OUT.pdf [--paper a4|letter] [--since OLD_ID]] [--png OUT.png] [--csv OUT.csv]", w.T("cli.export.summary"), runExport},
		{"summary", "[--db PATH] ID --json", w.T("cli.summary.summary"), runSummary},
		{"compare", "[--db PATH] OLD_ID NEW_ID [--json]", w.T("cli.compare.summary"), runCompare},
		{"catalogue", "[--db PATH] [--json]", w.T("cli.catalogue.summary"), runCatalogue},
		{"template", "export [--db PATH] KEY OUT.json | import [--db PATH] FILE... | list [--db PATH] [--json]", w.T("cli.template.summary"), runTemplate},
		{"serve", "[--db PATH] ID [--addr HOST:PORT] [--participants ID,ID…] [--clear]", w.T("cli.serve.summary"), runServe},
		{"check", "[--db PATH]", w.T("cli.check.summary"), runCheck},
		{"backup", "[--db PATH] [OUT]", w.T("cli.backup.summary"), runBackup},
		{"restore", "[--db PATH] BACKUP", w.T("cli.restore.summary"), runRestore},
	}
}

func lookup(w *lang.Words, name string) (command, bool) {
	for _, c := range commands(w) {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// IsCommand reports whether name is a subcommand rather than a GUI flag.
func IsCommand(name string) bool {
	_, ok := lookup(lang.For(lang.EN), name)
	return ok || name == "help"
}

// usage writes the top-level help in w's language.
func usage(out io.Writer, w *lang.Words) {
	fmt.Fprintln(out, w.T("cli.help.intro"))
	fmt.Fprintf(out, "\n%s\n", w.T("cli.help.usage"))
	line := func(syntax, summary string) {
		fmt.Fprintf(out, "  fulcrum %-32s %s\n", syntax, summary)
	}
	line("[--db PATH]", w.T("cli.help.gui"))
	for _, c := range commands(w) {
		line(c.name+" "+c.args, c.summary)
	}
	fmt.Fprintf(out, "\n%s\n", w.T("cli.help.db", EnvDB))
	fmt.Fprintln(out, w.T("cli.help.lang", lang.EnvLang))
	fmt.Fprintln(out, w.T("cli.help.more"))
}

// Run executes a subcommand; args[0] is its name, and --lang may come
// before it. It returns the exit code.
func Run(env *Env, args []string) int {
	if env.Now == nil {
		env.Now = time.Now
	}
	stdout := &checkedWriter{w: env.Stdout}
	checked := *env
	checked.Stdout = stdout
	flagLang, args := leadingLang(args)
	name := ""
	if len(args) > 0 {
		name = args[0]
		flagLang = langIn(args[1:], flagLang)
	}
	if code, ok := checked.chooseLanguage(flagLang, name); !ok {
		return code
	}
	w := checked.w
	if name == "" || name == "help" {
		usage(stdout, w)
		return stdout.finish(env.Stderr, w, "help", ExitOK)
	}
	if c, ok := lookup(w, name); ok {
		return stdout.finish(env.Stderr, w, c.name, c.run(&checked, args[1:]))
	}
	fmt.Fprintf(env.Stderr, "fulcrum: %s\n", w.T("cli.error.unknown-command", name))
	usage(env.Stderr, w)
	return ExitUsage
}

// DBPath resolves the session file: the flag, else $FULCRUM_DB, else the
// default.
func (env *Env) DBPath(flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	if p := os.Getenv(EnvDB); p != "" {
		return p
	}
	return env.DefaultDB
}

// openStore opens the session file; readOnly commands never create it.
func openStore(path string, readOnly bool) (*store.Store, error) {
	return store.Open(path, store.Options{ReadOnly: readOnly})
}

// DefaultDBPath is where the session file lives for a user: in the Fyne
// storage root of the app id, so the GUI and the CLI agree.
func DefaultDBPath(appID string) string {
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = "."
	}
	return filepath.Join(dir, "fyne", appID, "fulcrum.db")
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
