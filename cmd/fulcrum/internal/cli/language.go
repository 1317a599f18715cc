package cli

import (
	"fmt"
	"os"
	"strings"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
)

// The language is chosen before any flag is parsed, because the parser's
// own complaints (an unknown flag, a missing value) must already be in it.
// Every command also declares --lang, so it is accepted anywhere and listed
// in each command's help.

// isLangFlag reports whether arg is --lang (or -lang), with its value after
// "=" when it has one.
func isLangFlag(arg string) (value string, withValue, ok bool) {
	name := strings.TrimPrefix(strings.TrimPrefix(arg, "-"), "-")
	if name == arg {
		return "", false, false
	}
	if name == "lang" {
		return "", false, true
	}
	if v, found := strings.CutPrefix(name, "lang="); found {
		return v, true, true
	}
	return "", false, false
}

// leadingLang takes --lang options written before the command name
// ("fulcrum --lang zh list") and returns the rest.
func leadingLang(args []string) (string, []string) {
	value := ""
	for len(args) > 0 {
		v, withValue, ok := isLangFlag(args[0])
		switch {
		case !ok:
			return value, args
		case withValue:
			value, args = v, args[1:]
		case len(args) > 1:
			value, args = args[1], args[2:]
		default:
			// A bare --lang at the end: the command's parser reports it.
			return value, args
		}
	}
	return value, args
}

// langIn finds the last --lang among a command's arguments (before "--"),
// as the flag parser will see it; otherwise it returns value.
func langIn(args []string, value string) string {
	for i := 0; i < len(args); i++ {
		if args[i] == "--" {
			break
		}
		v, withValue, ok := isLangFlag(args[i])
		switch {
		case !ok:
		case withValue:
			value = v
		case i+1 < len(args):
			value = args[i+1]
			i++
		}
	}
	return value
}

func (env *Env) getenv(k string) string {
	if env.Getenv != nil {
		return env.Getenv(k)
	}
	return os.Getenv(k)
}

// chooseLanguage sets env.w: --lang, else $FULCRUM_LANG, else the locale
// (lang.Resolve). An unknown language is a usage error naming the flag or
// the variable it came from; it is written in the language that choice
// would have had without the bad value, so a Chinese locale still reads a
// Chinese complaint about a mistyped --lang.
func (env *Env) chooseLanguage(flagValue, cmd string) (int, bool) {
	t, err := lang.Resolve(flagValue, env.getenv)
	if err == nil {
		env.w = lang.For(t)
		return ExitOK, true
	}
	source, value := "--lang", flagValue
	fallback := lang.EN
	if flagValue == "" {
		source, value = lang.EnvLang, env.getenv(lang.EnvLang)
		fallback = lang.FromLocale(env.getenv)
	} else if t, err := lang.Resolve("", env.getenv); err == nil {
		fallback = t
	}
	env.w = lang.For(fallback)
	msg := env.w.T("cli.error.unknown-language", source, value)
	if c, ok := lookup(env.w, cmd); ok {
		f := newFlags(env, c.name)
		return f.usageError(msg), false
	}
	fmt.Fprintf(env.Stderr, "fulcrum: %s\n", msg)
	usage(env.Stderr, env.w)
	return ExitUsage, false
}
