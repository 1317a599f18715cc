package store

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// asideName matches what SetAside appends to a file's name: ".why-stamp",
// with "-n" when several were set aside in the same second.
var asideName = regexp.MustCompile(`^\.[a-z]+(-[a-z]+)*-\d{8}-\d{6}(-\d+)?$`)

// ProtectedPaths lists the files that hold a session file's sessions and
// that nothing else Fulcrum writes (an export, a copy) may replace: the
// file itself, every backup in its backups folder (the folder is shared by
// the files beside it, so their backups are listed too), and the files set
// aside after damage or before a restore. There is no lock file to
// protect: bbolt locks the session file itself (flock), so a lock is never
// a separate path. Paths that vanish meanwhile are harmless to callers,
// which compare by file identity.
func ProtectedPaths(dbPath string) []string {
	out := []string{dbPath}
	if entries, err := os.ReadDir(BackupsDir(dbPath)); err == nil {
		for _, e := range entries {
			if isBackupName(e.Name()) {
				out = append(out, filepath.Join(BackupsDir(dbPath), e.Name()))
			}
		}
	}
	dir, base := filepath.Dir(dbPath), filepath.Base(dbPath)
	if entries, err := os.ReadDir(dir); err == nil {
		for _, e := range entries {
			if rest, ok := strings.CutPrefix(e.Name(), base); ok && asideName.MatchString(rest) {
				out = append(out, filepath.Join(dir, e.Name()))
			}
		}
	}
	return out
}

// ProtectedPaths lists the files an export must not replace; see the
// function of the same name.
func (s *Store) ProtectedPaths() []string { return ProtectedPaths(s.path) }
