// Package locale replaces the POSIX "C" locale with English before Fyne's
// lang package reads it during initialisation; otherwise every run, even a
// headless subcommand, logs "Error parsing user locale C".
//
// It has no dependencies beyond the standard library and an import path that
// sorts before Fyne's dependencies, so Go's package initialisation order runs
// its init first.
package locale

import (
	"os"
	"strings"
)

func init() {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(k)
		if v == "" {
			continue
		}
		if v == "C" || v == "POSIX" || strings.HasPrefix(v, "C.") {
			os.Setenv(k, "en_US.UTF-8")
			continue
		}
		return // the first set variable decides the locale
	}
	if os.Getenv("LANG") == "" && os.Getenv("LC_ALL") == "" && os.Getenv("LC_MESSAGES") == "" {
		os.Setenv("LANG", "en_US.UTF-8")
	}
}
