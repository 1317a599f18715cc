package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/canvas/store"
	"github.com/fulcrum-workshop/fulcrum/canvas/store/storetest"
	"github.com/fulcrum-workshop/fulcrum/cmd/fulcrum/internal/cli"
)

// TestCheckExitCodes: `fulcrum check`, as a process, exits 0 on a sound
// file, ExitDamaged (3) on a damaged one, and 1 when it cannot check at
// all, in every language.
func TestCheckExitCodes(t *testing.T) {
	dir := t.TempDir()
	good, _, err := storetest.HistoryFile(dir, "good.db", 2)
	if err != nil {
		t.Fatal(err)
	}
	damaged := filepath.Join(dir, "damaged.db")
	data := readFile(t, good)
	for i := 4096; i < len(data); i++ {
		data[i] = byte(i * 7)
	}
	if err := os.WriteFile(damaged, data, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "zh", "es"} {
		env := []string{"FULCRUM_LANG=" + lang}
		for _, c := range []struct {
			path string
			want int
		}{
			{good, cli.ExitOK},
			{damaged, cli.ExitDamaged},
			{filepath.Join(dir, "missing.db"), cli.ExitError},
		} {
			if r := runEnv(t, env, "check", "--db", c.path); r.code != c.want {
				t.Errorf("%s: check %s: exit %d, want %d\nstderr: %s", lang, filepath.Base(c.path), r.code, c.want, r.stderr)
			}
		}
	}
}

// TestCheckInChildTellsDamageByExitCode: the app's start-up check, which
// runs `fulcrum check` as a child, calls a file damaged when the child
// exits with ExitDamaged, whatever language it writes in, and not because
// its output says "damaged".
func TestCheckInChildTellsDamageByExitCode(t *testing.T) {
	dir := t.TempDir()
	good, _, err := storetest.HistoryFile(dir, "good.db", 2)
	if err != nil {
		t.Fatal(err)
	}
	damaged := filepath.Join(dir, "damaged.db")
	data := readFile(t, good)
	for i := 4096; i < len(data); i++ {
		data[i] = byte(i * 7)
	}
	if err := os.WriteFile(damaged, data, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("FULCRUM_LANG", "zh")
	if err := checkWith(fulcrumBin, good); err != nil {
		t.Errorf("sound file: %v", err)
	}
	if err := checkWith(fulcrumBin, damaged); !errors.Is(err, store.ErrDamaged) {
		t.Errorf("damaged file: %v, want ErrDamaged", err)
	}
	if err := checkWith(fulcrumBin, filepath.Join(dir, "missing.db")); err == nil || errors.Is(err, store.ErrDamaged) {
		t.Errorf("missing file: %v, want an error that is not damage", err)
	}

	// Children that only say so: the code decides, not the words.
	child := func(name, script string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("#!/bin/sh\n"+script+"\n"), 0o700); err != nil {
			t.Fatal(err)
		}
		return p
	}
	zh := child("zh-damaged", "echo 'fulcrum check: 会话文件已损坏' >&2; exit 3")
	if err := checkWith(zh, good); !errors.Is(err, store.ErrDamaged) || !strings.Contains(err.Error(), "会话文件已损坏") {
		t.Errorf("child exiting 3 in Chinese: %v, want ErrDamaged with its message", err)
	}
	words := child("says-damaged", "echo 'fulcrum check: session file is damaged' >&2; exit 1")
	if err := checkWith(words, good); err == nil || errors.Is(err, store.ErrDamaged) {
		t.Errorf("child exiting 1 that says damaged: %v, want an error that is not damage", err)
	}
}
