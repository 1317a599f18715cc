package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
)

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

func (f *flags) dbFlag() *string {
	return f.String("db", "", "session file (default $"+EnvDB+", else "+f.env.DefaultDB+")")
}
