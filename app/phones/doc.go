// Package phones serves one blind round to the phones in the room, from
// the laptop itself: a small HTTP server that lives only while the round
// is open, answers only under the round's secret token, and changes the
// session only through its canvas.Owner (Owner.ApplyRemote), the same path
// the desktop editor uses. Nothing leaves the laptop but the page and the
// round's own words.
//
// The desktop app (package app) and the headless `fulcrum serve` command
// both start a Server; neither needs Fyne here. The HTTP API is documented
// in the README ("Phone rounds") and in api.go.
package phones
