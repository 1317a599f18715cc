package store

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// A backup, a restore or an export writes a hidden temporary file and
// renames it into place; a crash in between leaves it behind, as large as
// the file it was to become. These are removed at start-up and whenever
// backups are pruned. A temporary file is Fulcrum's own when its name is
// what os.CreateTemp makes of the patterns in backup.go and export's
// WriteFile: "." + name + "." + digits + ".tmp" or ".restore". It is a
// leftover, not work in flight, when it has not been written to for
// leftoverAge and no process holds a lock on it: a backup being checked is
// held open by bbolt, which locks it; a backup or export being written
// changes its modification time with every write.
const leftoverAge = time.Minute

// exportExts are the extensions of files Fulcrum writes beside a session
// file through a temporary file: session files, exports and copies.
var exportExts = []string{".db", ".json", ".pdf", ".png", ".csv"}

// tempTarget returns the name a temporary file was to become, if its name
// has os.CreateTemp's shape for "."+target+".*"+suffix.
func tempTarget(name, suffix string) (string, bool) {
	rest, ok := strings.CutSuffix(name, suffix)
	if !ok || !strings.HasPrefix(rest, ".") {
		return "", false
	}
	dot := strings.LastIndexByte(rest, '.')
	if dot <= 1 {
		return "", false
	}
	if _, err := strconv.ParseUint(rest[dot+1:], 10, 32); err != nil {
		return "", false
	}
	return rest[1:dot], true
}

// isBackupName reports whether name is a backup of any session file in a
// backups folder: "<base>-<timestamp>.db".
func isBackupName(name string) bool {
	stem, ok := strings.CutSuffix(name, backupSuffix)
	if !ok || len(stem) < len(backupLayout)+2 {
		return false
	}
	_, err := time.Parse(backupLayout, stem[len(stem)-len(backupLayout):])
	return err == nil && stem[len(stem)-len(backupLayout)-1] == '-'
}

// removeLeftovers removes the stale temporary files of Fulcrum's naming
// beside the session file at dbPath and in its backups folder, and returns
// how many it removed.
func removeLeftovers(dbPath string, now time.Time) int {
	n := removeStale(filepath.Dir(dbPath), now, func(name string) bool {
		if t, ok := tempTarget(name, ".restore"); ok {
			return t == filepath.Base(dbPath)
		}
		t, ok := tempTarget(name, ".tmp")
		for _, ext := range exportExts {
			if ok && strings.HasSuffix(t, ext) {
				return true
			}
		}
		return false
	})
	return n + removeBackupLeftovers(BackupsDir(dbPath), now)
}

// removeBackupLeftovers removes unfinished backups in a backups folder.
func removeBackupLeftovers(dir string, now time.Time) int {
	return removeStale(dir, now, func(name string) bool {
		t, ok := tempTarget(name, ".tmp")
		return ok && isBackupName(t)
	})
}

func removeStale(dir string, now time.Time, ours func(name string) bool) int {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	removed := 0
	for _, e := range entries {
		// Regular files only: never a link, whatever it points at.
		if !e.Type().IsRegular() || !ours(e.Name()) {
			continue
		}
		p := filepath.Join(dir, e.Name())
		fi, err := e.Info()
		if err != nil || now.Sub(fi.ModTime()) < leftoverAge || inUse(p) {
			continue
		}
		if err := os.Remove(p); err == nil || errors.Is(err, os.ErrNotExist) {
			removed++
		}
	}
	return removed
}
