package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
	"github.com/fulcrum-workshop/fulcrum/export"
)

// Errors reach the command line as Go errors from store, export and the
// operating system, written in English for logs. A command says what it
// was doing in the reader's language (the context), then the reason: the
// sentinel errors a caller can recognise are said in that language too,
// followed by their technical detail (page numbers, bbolt's words) as
// the error gave it. Any other error is shown as it is.

// sentinels are the errors the reader is told about in their language. The
// first that matches wins, so the more specific come first.
var sentinels = []struct {
	err  error
	text func(w *lang.Words) string
}{
	{store.ErrLocked, func(w *lang.Words) string { return w.T("cli.error.locked") }},
	{store.ErrDamaged, func(w *lang.Words) string { return w.T("cli.error.damaged") }},
	{store.ErrTooNew, func(w *lang.Words) string { return w.T("cli.error.too-new") }},
	{store.ErrNotSessionFile, func(w *lang.Words) string { return w.T("cli.error.not-session-file") }},
	{store.ErrNotFound, func(w *lang.Words) string { return w.T("cli.error.not-found") }},
	{store.ErrNoBackup, func(w *lang.Words) string { return w.T("cli.error.no-backup") }},
	{export.ErrProtectedTarget, func(w *lang.Words) string { return w.T("cli.error.protected") }},
	{fs.ErrNotExist, func(w *lang.Words) string { return w.T("cli.error.not-exist") }},
	{fs.ErrPermission, func(w *lang.Words) string { return w.T("cli.error.permission") }},
}

// reason is why err happened, in w's language as far as err lets it be.
func reason(w *lang.Words, err error) string {
	for _, s := range sentinels {
		if !errors.Is(err, s.err) {
			continue
		}
		text := s.text(w)
		if d := detail(err, s.err); d != "" {
			return w.T("cli.error.detail", text, d)
		}
		return text
	}
	// A session that breaks canvas's rules: its problems, worded.
	if text, ok := w.Problems(err); ok {
		return text
	}
	return err.Error()
}

// detail is what err says after the sentinel's own sentence (the damaged
// page, the backup's name): the words before it are the callee's context,
// which the command replaces with its own.
func detail(err, sentinel error) string {
	msg := err.Error()
	i := strings.Index(msg, sentinel.Error())
	if i < 0 {
		return ""
	}
	rest := msg[i+len(sentinel.Error()):]
	_, after, found := strings.Cut(rest, ": ")
	if !found {
		return ""
	}
	// store sometimes wraps the same sentinel twice; once is said already.
	return strings.TrimSpace(strings.ReplaceAll(after, sentinel.Error()+": ", ""))
}

// fail prints why a command failed: context, a sentence in the reader's
// language saying what the command was doing (or ""), then the reason. It
// returns the exit code: ExitDamaged when a file it read is damaged.
func (env *Env) fail(cmd, context string, err error) int {
	msg := reason(env.w, err)
	if context != "" {
		msg = env.w.T("cli.error.context", context, msg)
	}
	fmt.Fprintf(env.Stderr, "fulcrum %s: %s\n", cmd, msg)
	if errors.Is(err, store.ErrDamaged) {
		return ExitDamaged
	}
	return ExitError
}
