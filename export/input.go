package export

import (
	"errors"
	"fmt"
	"os"
)

// ErrNotRegularInput means a file to read is a FIFO, a device, a socket or
// a folder: opening a FIFO blocks until someone writes to it, and reading
// a device such as /dev/zero never ends. The command line and the app
// both read session files and backups through OpenInput.
var ErrNotRegularInput = errors.New("not a regular file; Fulcrum reads only regular files")

// OpenInput opens name for reading if it is a regular file. The type is
// checked before the open, so a FIFO is never opened, and again on the
// open handle, so a file swapped for a FIFO in between is refused too;
// O_NONBLOCK keeps that swapped-in FIFO's open from blocking. Errors do
// not repeat the path: callers print the file name first.
func OpenInput(name string) (*os.File, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return nil, unwrapPathErr(err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("it is %s: %w", FileKind(fi.Mode()), ErrNotRegularInput)
	}
	f, err := os.OpenFile(name, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, unwrapPathErr(err)
	}
	if fi, err = f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close()
		if err != nil {
			return nil, unwrapPathErr(err)
		}
		return nil, fmt.Errorf("it is %s: %w", FileKind(fi.Mode()), ErrNotRegularInput)
	}
	return f, nil
}

// CheckInput refuses what OpenInput refuses, for a file another function
// reads.
func CheckInput(name string) error {
	f, err := OpenInput(name)
	if err != nil {
		return err
	}
	return f.Close()
}
