package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
)

// flags is a FlagSet that accepts flags before, between and after the
// positional arguments: Go's flag package alone stops at the first one.
// It writes its help and its complaints itself, in the command's language:
// the flag package's own are English.
type flags struct {
	*flag.FlagSet
	cmd command
	env *Env
	// placeholder names the value of each flag that takes one, as the
	// usage lines write it (PATH, OUT).
	placeholder map[string]string
}

// newFlags makes the flags of a command, with --lang, which every command
// takes (Run has already read it; see language.go).
func newFlags(env *Env, name string) *flags {
	cmd, _ := lookup(env.w, name)
	fs := flag.NewFlagSet("fulcrum "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	f := &flags{FlagSet: fs, cmd: cmd, env: env, placeholder: map[string]string{}}
	f.str("lang", "zh|es|en", "", env.w.T("cli.flag.lang", lang.EnvLang))
	return f
}

// str declares a flag that takes a value, shown in the help as placeholder.
func (f *flags) str(name, placeholder, value, usage string) *string {
	f.placeholder[name] = placeholder
	return f.String(name, value, usage)
}

func (f *flags) usage(out io.Writer) {
	w := f.env.w
	fmt.Fprintf(out, "%s\n\n%s\n", w.T("cli.usage.command", f.cmd.name, f.cmd.args), f.cmd.summary)
	fmt.Fprintf(out, "\n%s\n", w.T("cli.usage.options"))
	f.VisitAll(func(fl *flag.Flag) {
		fmt.Fprintf(out, "  %s\n        %s\n", strings.TrimSpace("--"+fl.Name+" "+f.placeholder[fl.Name]), fl.Usage)
	})
}

// parse returns the positional arguments, or an exit code when the command
// must stop: 0 after --help, 2 on a usage error.
func (f *flags) parse(args []string) ([]string, int, bool) {
	if msg := f.check(args); msg != "" {
		return nil, f.usageError(msg), false
	}
	var pos []string
	for {
		if err := f.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				f.usage(f.env.Stdout)
				return nil, ExitOK, false
			}
			// check has said everything the flag package can find
			// wrong; this is a fallback in its words.
			return nil, f.usageError(err.Error()), false
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

// check finds what the flag package would refuse in args, reading them as
// parse does (flags anywhere, until "--"), and says it in the command's
// language; "" when the flags are right.
func (f *flags) check(args []string) string {
	w := f.env.w
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return ""
		}
		if len(a) < 2 || a[0] != '-' {
			continue
		}
		name := strings.TrimPrefix(a[1:], "-")
		if name == "" || name[0] == '-' || name[0] == '=' {
			return w.T("cli.flag.bad-syntax", a)
		}
		name, value, hasValue := strings.Cut(name, "=")
		fl := f.Lookup(name)
		switch {
		case fl == nil && (name == "h" || name == "help"):
			return "" // the help; parse prints it
		case fl == nil:
			return w.T("cli.flag.undefined", name)
		case isBool(fl):
			if _, err := strconv.ParseBool(value); hasValue && err != nil {
				return w.T("cli.flag.bad-bool", value, name)
			}
		case !hasValue && i+1 >= len(args):
			return w.T("cli.flag.needs-value", name)
		case !hasValue:
			i++ // its value, whatever it looks like
		}
	}
	return ""
}

func isBool(fl *flag.Flag) bool {
	b, ok := fl.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// usageError says what is wrong with the command line, then the command's
// help, on stderr.
func (f *flags) usageError(msg string) int {
	fmt.Fprintf(f.env.Stderr, "fulcrum %s: %s\n", f.cmd.name, msg)
	f.usage(f.env.Stderr)
	return ExitUsage
}

func (f *flags) dbFlag() *string {
	return f.str("db", "PATH", "", f.env.w.T("cli.flag.db", EnvDB, f.env.DefaultDB))
}
