package export

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

var (
	// ErrProtectedTarget means the output path is a file Fulcrum keeps
	// sessions in (store.ProtectedPaths: the session file, its backups, the
	// files set aside): an export there would replace every session with
	// one exported file.
	ErrProtectedTarget = errors.New("this file holds Fulcrum's sessions (the session file, a backup or a file set aside) and an export never replaces it")
	// ErrNotRegularFile means the output path exists and is not a regular
	// file (a folder, a device, a FIFO, a socket, or a link to none of
	// these): renaming a file over it would replace it, and opening it
	// could block or write nowhere.
	ErrNotRegularFile = errors.New("not a regular file")
)

// CheckTarget reports whether an export may write path. A new name is
// always fine: it cannot be anything that already exists. An existing path
// must be a regular file, or a symbolic link to one, and must not be the
// same file as any of protected (compared by identity, so another spelling,
// a hard link or a symbolic link to a protected file is refused too).
// Protected paths that do not exist are ignored.
func CheckTarget(path string, protected ...string) error {
	_, err := ResolveTarget(path, protected...)
	return err
}

// ResolveTarget applies CheckTarget's rule and returns the path to write:
// path itself, or the file a symbolic link at path points to. Writing
// through a link keeps the link and replaces the file it names, so a link
// is never silently turned into a file.
func ResolveTarget(path string, protected ...string) (string, error) {
	if path == "" {
		return "", errors.New("no output file named")
	}
	lfi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return path, nil
	}
	if err != nil {
		return "", fmt.Errorf("output %s: %w", path, err)
	}
	target, fi := path, lfi
	if lfi.Mode()&fs.ModeSymlink != 0 {
		resolved, err := filepath.EvalSymlinks(path)
		if err != nil {
			// A link to nothing would create a file wherever it points,
			// which the user never named.
			to, _ := os.Readlink(path)
			return "", fmt.Errorf("output %s is a symbolic link to %s, which cannot be used (%v): %w", path, to, unwrapPathErr(err), ErrNotRegularFile)
		}
		if fi, err = os.Stat(resolved); err != nil {
			return "", fmt.Errorf("output %s (a link to %s): %w", path, resolved, err)
		}
		target = resolved
	}
	if !fi.Mode().IsRegular() {
		where := path
		if target != path {
			where = fmt.Sprintf("%s (a link to %s)", path, target)
		}
		return "", fmt.Errorf("output %s is %s: %w", where, FileKind(fi.Mode()), ErrNotRegularFile)
	}
	for _, p := range protected {
		pfi, err := os.Stat(p)
		if err != nil {
			continue // nothing there to protect
		}
		if os.SameFile(fi, pfi) {
			if p == path {
				return "", fmt.Errorf("output %s: %w", path, ErrProtectedTarget)
			}
			return "", fmt.Errorf("output %s is the same file as %s: %w", path, p, ErrProtectedTarget)
		}
	}
	return target, nil
}

// FileKind names a file's type for a message: "a folder", "a FIFO (named
// pipe)"...
func FileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO (named pipe)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m.IsRegular():
		return "a regular file"
	default:
		return "a special file (" + m.Type().String() + ")"
	}
}

func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
