// Package cli holds Fulcrum's headless subcommands: list, import, export,
// summary, catalogue, check, backup and restore (commands is the one list,
// which the help prints). Each runs against an Env, its streams, clock and
// default file, so tests run them in process. It never touches Fyne, so
// scripts and CI can use the same binary without a display.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// Exit codes.
const (
	ExitOK    = 0
	ExitError = 1
	ExitUsage = 2
	// ExitDamaged is `check`'s answer that the file is damaged, as against
	// ExitError, that it could not be checked (missing, locked, from a
	// newer Fulcrum). The app runs the check as a child and tells the two
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
}

type command struct {
	name, args, summary string
	run                 func(env *Env, args []string) int
}

func commands() []command {
	return []command{
		{"list", "[--db PATH] [--json] [--lang zh|es|en]", "sessions: id, title, product, updated, ToB index", runList},
		{"import", "[--db PATH] FILE...", "validate every file, import all in one transaction, print the new ids", runImport},
		{"export", "[--db PATH] ID [--json OUT] [--pdf OUT.pdf [--paper a4|letter]] [--png OUT.png] [--csv OUT.csv]", "write the session file (OUT may be - for stdout), the PDF summary, the chart or the table", runExport},
		{"summary", "[--db PATH] ID --json [--lang zh|es|en]", "the ToB index and each dimension's placement figures", runSummary},
		{"catalogue", "[--lang zh|es|en] [--json]", "the dimension catalogue with keys and templates", runCatalogue},
		{"check", "[--db PATH]", "integrity check of the session file (exit 3: damaged)", runCheck},
		{"backup", "[--db PATH] [OUT]", "write a checked copy (default: into backups/ beside the file)", runBackup},
		{"restore", "[--db PATH] BACKUP", "check BACKUP and put it in place, keeping the current file aside", runRestore},
	}
}

// IsCommand reports whether name is a subcommand rather than a GUI flag.
func IsCommand(name string) bool {
	if name == "help" {
		return true
	}
	for _, c := range commands() {
		if c.name == name {
			return true
		}
	}
	return false
}

// Usage writes the top-level help.
func Usage(w io.Writer) {
	fmt.Fprintln(w, "Fulcrum places a product between ToC and ToB, dimension by dimension.")
	fmt.Fprintln(w, "\nUsage:")
	fmt.Fprintf(w, "  fulcrum %-32s %s\n", "[--db PATH]", "open the desktop app")
	for _, c := range commands() {
		fmt.Fprintf(w, "  fulcrum %-32s %s\n", c.name+" "+c.args, c.summary)
	}
	fmt.Fprintf(w, "\nThe session file is --db PATH, else $%s, else the default for this user.\n", EnvDB)
	fmt.Fprintf(w, "The language (zh, es or en) is --lang, else $%s, else the locale (LC_ALL, LC_MESSAGES, LANG).\n", lang.EnvLang)
	fmt.Fprintln(w, "Run 'fulcrum COMMAND --help' for a command's options.")
}

// Run executes a subcommand; args[0] is its name. It returns the exit code.
func Run(env *Env, args []string) int {
	if env.Now == nil {
		env.Now = time.Now
	}
	stdout := &checkedWriter{w: env.Stdout}
	checked := *env
	checked.Stdout = stdout
	if len(args) == 0 || args[0] == "help" {
		Usage(stdout)
		return stdout.finish(env.Stderr, "help", ExitOK)
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return stdout.finish(env.Stderr, c.name, c.run(&checked, args[1:]))
		}
	}
	fmt.Fprintf(env.Stderr, "fulcrum: unknown command %q\n", args[0])
	Usage(env.Stderr)
	return ExitUsage
}

// flags is a FlagSet that accepts flags before, between and after the
// positional arguments: Go's flag package alone stops at the first one.
type flags struct {
	*flag.FlagSet
	cmd command
	env *Env
}

func newFlags(env *Env, name string) *flags {
	var cmd command
	for _, c := range commands() {
		if c.name == name {
			cmd = c
		}
	}
	fs := flag.NewFlagSet("fulcrum "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return &flags{FlagSet: fs, cmd: cmd, env: env}
}

func (f *flags) usage(w io.Writer) {
	fmt.Fprintf(w, "Usage: fulcrum %s %s\n\n%s\n", f.cmd.name, f.cmd.args, f.cmd.summary)
	hasFlags := false
	f.VisitAll(func(*flag.Flag) { hasFlags = true })
	if hasFlags {
		fmt.Fprintln(w, "\nOptions:")
		f.SetOutput(w)
		f.PrintDefaults()
		f.SetOutput(io.Discard)
	}
}

// parse returns the positional arguments, or an exit code when the command
// must stop: 0 after --help, 2 on a usage error.
func (f *flags) parse(args []string) ([]string, int, bool) {
	var pos []string
	for {
		if err := f.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				f.usage(f.env.Stdout)
				return nil, ExitOK, false
			}
			fmt.Fprintf(f.env.Stderr, "fulcrum %s: %v\n", f.cmd.name, err)
			f.usage(f.env.Stderr)
			return nil, ExitUsage, false
		}
		rest := f.Args()
		if len(rest) == 0 {
			return pos, 0, true
		}
		// "--" ends the flags: everything after it is positional.
		if consumed := args[:len(args)-len(rest)]; len(consumed) > 0 && consumed[len(consumed)-1] == "--" {
			return append(pos, rest...), 0, true
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func (f *flags) usageError(format string, a ...any) int {
	fmt.Fprintf(f.env.Stderr, "fulcrum %s: %s\n", f.cmd.name, fmt.Sprintf(format, a...))
	f.usage(f.env.Stderr)
	return ExitUsage
}

func (f *flags) langFlag() *string {
	return f.String("lang", "", "language of the text: zh, es or en (default $"+lang.EnvLang+", else the locale)")
}

// words resolves the language a command writes in: --lang, else
// $FULCRUM_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG).
func (env *Env) words(flagValue string) (*lang.Words, error) {
	getenv := env.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	t, err := lang.Resolve(flagValue, getenv)
	if err != nil {
		return nil, err
	}
	return lang.For(t), nil
}

func (f *flags) dbFlag() *string {
	return f.String("db", "", "session file (default $"+EnvDB+", else "+f.env.DefaultDB+")")
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

func (env *Env) fail(cmd string, err error) int {
	fmt.Fprintf(env.Stderr, "fulcrum %s: %v\n", cmd, err)
	return ExitError
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
