package lang

import (
	"errors"
	"fmt"
	"strings"
)

// Tag names one of the languages Fulcrum speaks.
type Tag string

// The languages, as accepted by --lang and FULCRUM_LANG.
const (
	EN Tag = "en"
	ZH Tag = "zh"
	ES Tag = "es"
)

// Tags lists every language, English first.
func Tags() []Tag { return []Tag{EN, ZH, ES} }

// EnvLang is the environment variable that chooses the language when no
// flag does.
const EnvLang = "FULCRUM_LANG"

// ErrUnknownLanguage is returned for a language Fulcrum does not speak.
var ErrUnknownLanguage = errors.New("unknown language")

// Parse reads a language as a person or a locale writes it: "zh", "ES",
// "zh-CN", "zh_CN.UTF-8", "es_ES@euro".
func Parse(s string) (Tag, error) {
	base := strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(base, "-_.@"); i >= 0 {
		base = base[:i]
	}
	switch Tag(base) {
	case EN, ZH, ES:
		return Tag(base), nil
	}
	return "", fmt.Errorf("%w %q: want zh, es or en", ErrUnknownLanguage, s)
}

// FromLocale picks the language of the POSIX locale: the first of LC_ALL,
// LC_MESSAGES and LANG that is set decides, as it does for messages in C
// programs. zh* is Chinese, es* Spanish, and anything else (C, POSIX,
// de_DE, unset) English.
func FromLocale(env func(string) string) Tag {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := env(k)
		if v == "" {
			continue
		}
		if t, err := Parse(v); err == nil {
			return t
		}
		return EN
	}
	return EN
}

// Resolve chooses the language for a run: the flag wins, then
// FULCRUM_LANG, then the locale. A bad flag or variable is an error naming
// where it came from, not a silent fall back to English.
func Resolve(flag string, env func(string) string) (Tag, error) {
	if flag != "" {
		t, err := Parse(flag)
		if err != nil {
			return "", fmt.Errorf("--lang: %w", err)
		}
		return t, nil
	}
	if v := env(EnvLang); v != "" {
		t, err := Parse(v)
		if err != nil {
			return "", fmt.Errorf("%s: %w", EnvLang, err)
		}
		return t, nil
	}
	return FromLocale(env), nil
}
