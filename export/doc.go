// Package export writes sessions out of Fulcrum: the session file, and the
// PDF summary and other formats that follow. Every format is written to an
// io.Writer; WriteFile puts it on disk atomically, so a failed export never
// leaves a partial or half-replaced file behind.
package export
