package cli

import (
	"errors"
	"fmt"
	"os"

	"github.com/fulcrum-workshop/fulcrum/export"
)

// errNotRegularInput means a file to read is a FIFO, a device, a socket or
// a folder: opening a FIFO blocks until someone writes to it, and reading
// a device such as /dev/zero never ends.
var errNotRegularInput = errors.New("not a regular file; Fulcrum reads only regular files")

// openInput opens name for reading if it is a regular file. The type is
// checked before the open, so a FIFO is never opened, and again on the
// open handle, so a file swapped for a FIFO in between is refused too;
// O_NONBLOCK keeps that swapped-in FIFO's open from blocking.
func openInput(name string) (*os.File, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return nil, unwrapPath(err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("it is %s: %w", export.FileKind(fi.Mode()), errNotRegularInput)
	}
	f, err := os.OpenFile(name, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, unwrapPath(err)
	}
	if fi, err = f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close()
		if err != nil {
			return nil, unwrapPath(err)
		}
		return nil, fmt.Errorf("it is %s: %w", export.FileKind(fi.Mode()), errNotRegularInput)
	}
	return f, nil
}

// checkInput refuses what openInput refuses, for a file another function
// reads.
func checkInput(name string) error {
	f, err := openInput(name)
	if err != nil {
		return err
	}
	return f.Close()
}
