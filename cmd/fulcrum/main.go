// Command fulcrum runs a ToB/ToC positioning workshop: the desktop app by
// default, or a headless subcommand (list, import, export, summary,
// compare, catalogue, template, serve, check, backup, restore; "fulcrum
// help" lists them).
package main

import (
	"errors"
	"fmt"
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
	gui, code, ok := cli.Start(env, os.Args[1:])
	if !ok {
		os.Exit(code)
	}

	a := fyneapp.NewWithID(appID)
	a.SetIcon(assets.Icon)
	l := app.Launch(a, gui.DB, app.Options{BackgroundDelay: 2 * time.Second, Verify: checkInChild, Screen: workArea(a), Lang: gui.Lang})
	a.Run()
	l.Shutdown()
}

// checkInChild runs 'fulcrum check' on a copy of the session file in a
// separate process, so walking every page of a large file never adds to
// the window's own memory. Damage is told by the exit code: the child's
// words are in whatever language its environment chose.
func checkInChild(path string) error {
	exe, err := os.Executable()
	if err != nil {
		return store.VerifyFile(path)
	}
	return checkWith(exe, path)
}

// checkWith runs exe's check on path: nil when the file is sound, an error
// wrapping store.ErrDamaged when check says it is damaged.
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
