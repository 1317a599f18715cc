package export

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// WriteFile writes a file through a temporary file in the same folder,
// synced and then renamed over path, so readers see either the old file or
// the whole new one. path must pass CheckTarget with protected; when it is
// a symbolic link, the file it points to is replaced and the link is kept.
func WriteFile(path string, write func(io.Writer) error, protected ...string) (err error) {
	target, err := ResolveTarget(path, protected...)
	if err != nil {
		return err // it names the path and the reason already
	}
	dir := filepath.Dir(target)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(target)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	// The check above ran before the export was written, which can take a
	// while: look again, so a path replaced in the meantime by a folder, a
	// FIFO or a protected file is still refused.
	if again, err := ResolveTarget(path, protected...); err != nil {
		return err
	} else if again != target {
		return fmt.Errorf("write %s: it changed while the export was written (it now leads to %s)", path, again)
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	// Make the rename itself durable; not every filesystem supports it.
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}
