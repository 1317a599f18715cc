package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Backups live in a "backups" folder beside the session file, named by the
// time they were taken so that sorting names sorts them by age.
const (
	BackupDir      = "backups"
	BackupsKept    = 20
	backupLayout   = "20060102-150405.000"
	backupSuffix   = ".db"
	BackupInterval = 10 * time.Minute
)

// ErrNoBackup means there is no good backup to restore.
var ErrNoBackup = errors.New("no good backup found")

// BackupsDir is the backup folder of a session file.
func BackupsDir(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), BackupDir)
}

// backupBase is the name a file's backups start with: "work" for work.db.
func backupBase(dbPath string) string {
	return strings.TrimSuffix(filepath.Base(dbPath), filepath.Ext(dbPath))
}

// Backup writes a consistent hot copy of the open file into the backup
// folder, checks it, and prunes the folder to the newest BackupsKept. It
// returns the new backup's path.
func (s *Store) Backup(now time.Time) (string, error) {
	dir := BackupsDir(s.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("backup %s: %w", s.path, err)
	}
	base := backupBase(s.path)
	name := filepath.Join(dir, base+"-"+now.UTC().Format(backupLayout)+backupSuffix)
	if err := s.BackupTo(name); err != nil {
		return "", err
	}
	if err := pruneBackups(dir, base, BackupsKept); err != nil {
		return name, fmt.Errorf("backup %s: %w", s.path, err)
	}
	return name, nil
}

// BackupTo writes a checked copy of the open file to path, atomically: a
// temporary file renamed into place once it has been verified.
func (s *Store) BackupTo(path string) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("backup %s to %s: %w", s.path, path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	err = s.view(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(tmp)
		return err
	})
	if err == nil {
		err = tmp.Sync()
	}
	if err == nil {
		err = tmp.Close()
	}
	if err == nil {
		err = s.verify(tmp.Name())
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("backup %s to %s: %w", s.path, path, err)
	}
	return nil
}

// VerifyFile opens a session file read-only and runs the full check.
func VerifyFile(path string) error {
	st, err := Open(path, Options{ReadOnly: true, LockTimeout: 2 * time.Second})
	if err != nil {
		return err
	}
	defer st.Close()
	return st.Check()
}

// pruneBackups keeps the newest keep backups of base, and removes the
// unfinished backups a crash left in the folder (leftovers.go): each is as
// large as a backup, and nine of them once filled 1.8 GB.
func pruneBackups(dir, base string, keep int) error {
	removeBackupLeftovers(dir, time.Now())
	list, err := listBackups(dir, base)
	if err != nil {
		return err
	}
	for len(list) > keep {
		if err := os.Remove(list[0]); err != nil {
			return err
		}
		list = list[1:]
	}
	return nil
}

// listBackups returns the backups of base, oldest first.
func listBackups(dir, base string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		n := e.Name()
		stamp, ok := strings.CutPrefix(n, base+"-")
		stamp, ok2 := strings.CutSuffix(stamp, backupSuffix)
		// The rest must be exactly a timestamp: "work-old-…" is not a
		// backup of "work".
		if _, err := time.Parse(backupLayout, stamp); ok && ok2 && err == nil && e.Type().IsRegular() {
			out = append(out, filepath.Join(dir, n))
		}
	}
	slices.Sort(out)
	return out, nil
}

// Backups lists a session file's backups, newest first.
func Backups(dbPath string) ([]string, error) {
	base := backupBase(dbPath)
	list, err := listBackups(BackupsDir(dbPath), base)
	slices.Reverse(list)
	return list, err
}

// NewestGoodBackup is the newest backup that passes the check.
func NewestGoodBackup(dbPath string) (string, error) {
	list, err := Backups(dbPath)
	if err != nil {
		return "", err
	}
	for _, b := range list {
		if VerifyFile(b) == nil {
			return b, nil
		}
	}
	return "", ErrNoBackup
}

// SetAside renames a file that must not be used (damaged, or replaced by a
// restore) to a name that says why and when, so nothing is ever deleted.
func SetAside(path, why string, now time.Time) (string, error) {
	aside := fmt.Sprintf("%s.%s-%s", path, why, now.UTC().Format("20060102-150405"))
	// Never replace an earlier file set aside in the same second.
	for n := 2; ; n++ {
		if _, err := os.Lstat(aside); errors.Is(err, os.ErrNotExist) {
			break
		}
		aside = fmt.Sprintf("%s.%s-%s-%d", path, why, now.UTC().Format("20060102-150405"), n)
	}
	if err := os.Rename(path, aside); err != nil {
		return "", fmt.Errorf("set %s aside: %w", path, err)
	}
	return aside, nil
}

// Restore checks backup and puts a copy of it at dbPath, setting the
// current file aside first. dbPath must not be open.
func Restore(dbPath, backup string, now time.Time) (aside string, err error) {
	if err := VerifyFile(backup); err != nil {
		return "", fmt.Errorf("restore %s from %s: the backup is not usable: %w", dbPath, backup, err)
	}
	// Copy first, next to the target, so a failure leaves the current
	// file where it was.
	tmp, err := os.CreateTemp(filepath.Dir(dbPath), "."+filepath.Base(dbPath)+".*.restore")
	if err != nil {
		return "", fmt.Errorf("restore %s: %w", dbPath, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	src, err := os.Open(backup)
	if err != nil {
		return "", fmt.Errorf("restore %s: %w", dbPath, err)
	}
	_, err = io.Copy(tmp, src)
	src.Close()
	if err == nil {
		err = tmp.Sync()
	}
	if err == nil {
		err = tmp.Close()
	}
	if err != nil {
		return "", fmt.Errorf("restore %s: %w", dbPath, err)
	}
	if _, statErr := os.Stat(dbPath); statErr == nil {
		if aside, err = SetAside(dbPath, "before-restore", now); err != nil {
			return "", err
		}
	}
	if err = os.Rename(tmp.Name(), dbPath); err != nil {
		return aside, fmt.Errorf("restore %s: %w", dbPath, err)
	}
	return aside, nil
}

// Recover replaces a damaged file at path, which must not be open: it sets
// the file aside (SetAside, "damaged"), so nothing is lost, and then puts
// the newest good backup in its place, or, without fromBackup, leaves the
// place empty for a new file. It returns where the damaged file went. With
// no good backup it returns ErrNoBackup and leaves the file where it was.
func Recover(path string, fromBackup bool, now time.Time) (aside string, err error) {
	if !fromBackup {
		return SetAside(path, "damaged", now)
	}
	b, err := NewestGoodBackup(path)
	if err != nil {
		return "", fmt.Errorf("restore %s: %w", path, err)
	}
	if aside, err = SetAside(path, "damaged", now); err != nil {
		return "", err
	}
	_, err = Restore(path, b, now)
	return aside, err
}

// BackupIfChanged makes a backup unless the newest one already holds the
// file's last committed transaction. It reports whether it made one.
func (s *Store) BackupIfChanged(now time.Time) (string, bool, error) {
	cur, err := s.txID()
	if err != nil {
		return "", false, fmt.Errorf("backup %s: %w", s.path, err)
	}
	if list, _ := Backups(s.path); len(list) > 0 {
		if id, err := fileTxID(list[0]); err == nil && id == cur {
			return list[0], false, nil
		}
	}
	p, err := s.Backup(now)
	return p, err == nil, err
}

// txID is the id of the last committed write transaction.
func (s *Store) txID() (int, error) {
	id := 0
	err := s.view(func(tx *bolt.Tx) error {
		id = int(tx.ID())
		return nil
	})
	return id, err
}

// CheckByCopy verifies the file without walking it in this process: it
// writes a consistent copy (tx.WriteTo reads the file, it does not touch
// the memory map) and checks the copy with the store's Verify. Damage in
// the file is copied with it, so a copy that fails means a damaged file,
// which is then never written. The copy becomes a backup when the file
// changed since the newest one; otherwise it is removed.
func (s *Store) CheckByCopy(now time.Time) (backup string, made bool, err error) {
	dir := BackupsDir(s.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", false, fmt.Errorf("check %s: %w", s.path, err)
	}
	base := backupBase(s.path)
	name := filepath.Join(dir, base+"-"+now.UTC().Format(backupLayout)+backupSuffix)
	if err := s.BackupTo(name); err != nil {
		if errors.Is(err, ErrDamaged) {
			s.MarkDamaged(err)
		}
		return "", false, fmt.Errorf("check %s: %w", s.path, err)
	}
	// Keep it only if it differs from the previous backup.
	list, _ := Backups(s.path)
	if len(list) > 1 && list[0] == name && sameTx(list[0], list[1]) {
		os.Remove(name)
		return list[1], false, nil
	}
	if err := pruneBackups(dir, base, BackupsKept); err != nil {
		return name, true, fmt.Errorf("check %s: %w", s.path, err)
	}
	return name, true, nil
}

// sameTx reports whether two store files hold the same last transaction.
func sameTx(a, b string) bool {
	ida, erra := fileTxID(a)
	idb, errb := fileTxID(b)
	return erra == nil && errb == nil && ida == idb
}

func fileTxID(path string) (int, error) {
	st, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		return 0, err
	}
	defer st.Close()
	return st.txID()
}

// BackupFile is one backup of a session file and when it was taken.
type BackupFile struct {
	Path  string
	Taken time.Time // UTC, from the backup's name
}

// BackupFiles lists a session file's backups with the time each was taken,
// newest first, for a person choosing one to restore.
func BackupFiles(dbPath string) ([]BackupFile, error) {
	list, err := Backups(dbPath)
	if err != nil {
		return nil, fmt.Errorf("list backups of %s: %w", dbPath, err)
	}
	prefix := backupBase(dbPath) + "-"
	out := make([]BackupFile, 0, len(list))
	for _, p := range list {
		stamp := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(p), prefix), backupSuffix)
		// listBackups kept only names that parse.
		taken, _ := time.Parse(backupLayout, stamp)
		out = append(out, BackupFile{Path: p, Taken: taken})
	}
	return out, nil
}
