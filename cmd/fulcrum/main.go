// Command fulcrum runs a ToB/ToC positioning workshop: the desktop app by
// default, or a headless subcommand for scripts (list, import, export,
// summary, catalogue, check, backup, restore; "fulcrum help" lists them).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"

	fyneapp "fyne.io/fyne/v2/app"

	"github.com/fulcrum-workshop/fulcrum/app"
	"github.com/fulcrum-workshop/fulcrum/assets"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
	"github.com/fulcrum-workshop/fulcrum/cmd/fulcrum/internal/cli"
	_ "github.com/fulcrum-workshop/fulcrum/cmd/fulcrum/internal/locale" // before Fyne reads the locale
)

// appID must match FyneApp.toml: it names the preferences and the folder
// of the default session file.
const appID = "io.github.fulcrum_workshop.fulcrum"

func main() {
	env := &cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, DefaultDB: cli.DefaultDBPath(appID)}
	if len(os.Args) > 1 && cli.IsCommand(os.Args[1]) {
		os.Exit(cli.Run(env, os.Args[1:]))
	}

	fs := flag.NewFlagSet("fulcrum", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	db := fs.String("db", "", "session file")
	if err := fs.Parse(os.Args[1:]); err != nil {
		if err == flag.ErrHelp {
			os.Exit(cli.Run(env, []string{"help"})) // exits 1 if the help cannot be written
		}
		fmt.Fprintf(os.Stderr, "fulcrum: %v\n", err)
		cli.Usage(os.Stderr)
		os.Exit(cli.ExitUsage)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "fulcrum: unknown command %q\n", fs.Arg(0))
		cli.Usage(os.Stderr)
		os.Exit(cli.ExitUsage)
	}

	a := fyneapp.NewWithID(appID)
	a.SetIcon(assets.Icon)
	l := app.Launch(a, env.DBPath(*db), app.Options{BackgroundDelay: 2 * time.Second, Verify: checkInChild, Screen: workArea(a)})
	a.Run()
	l.Shutdown()
}

// checkInChild runs 'fulcrum check' on a copy of the session file in a
// separate process, so walking every page of a large file never adds to
// the window's own memory.
func checkInChild(path string) error {
	exe, err := os.Executable()
	if err != nil {
		return store.VerifyFile(path)
	}
	return checkWith(exe, path)
}

// checkWith runs exe's check of path. Damage is told by the exit code
// alone: the child writes its message in the user's language.
func checkWith(exe, path string) error {
	out, err := exec.Command(exe, "check", "--db", path).CombinedOutput()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &exit) && exit.ExitCode() == cli.ExitDamaged:
		return fmt.Errorf("%w: %s", store.ErrDamaged, strings.TrimSpace(string(out)))
	default:
		return fmt.Errorf("check %s: %v: %s", path, err, strings.TrimSpace(string(out)))
	}
}
