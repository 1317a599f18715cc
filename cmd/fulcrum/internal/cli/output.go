package cli

import (
	"fmt"
	"io"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
)

// checkedWriter remembers the first error writing to a stream, so a
// command whose output went nowhere (a full disk, a closed pipe) can still
// exit non-zero: fmt.Fprint* results are easy to drop, this is not.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	if err != nil {
		c.err = err
	}
	return n, err
}

// finish turns a failed write into exit code 1 for a command that would
// have succeeded; a command that failed already said why on stderr.
func (c *checkedWriter) finish(stderr io.Writer, w *lang.Words, cmd string, code int) int {
	if c.err == nil || code != ExitOK {
		return code
	}
	fmt.Fprintf(stderr, "fulcrum %s: %s\n", cmd, w.T("cli.error.stdout", reason(w, c.err)))
	return ExitError
}
