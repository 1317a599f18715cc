//go:build race

package app

// raceEnabled lets the slowest UI loops run outside the race detector,
// where they take a fifth of the time; make test runs them separately.
const raceEnabled = true
