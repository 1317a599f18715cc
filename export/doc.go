// Package export writes sessions out of Fulcrum: the session file, and the
// PDF summary and other formats that follow. Every format is written to an
// io.Writer; WriteFile puts it on disk atomically, so a failed export never
// leaves a partial or half-replaced file behind. CheckTarget is the one rule
// for where a file may be written: never over the session file or its
// backups, never over a folder, device, FIFO or socket; a symbolic link to a
// regular file is written through and kept.
package export
