// Package canvas is the workshop itself, in plain Go: the ToB/ToC dimension
// catalogue, sessions with their participants, placements, agreed positions
// and actions, the ToB index, the session file format, and the geometry of
// the profile chart that both the screen and the PDF paint.
//
// Nothing here knows about Fyne, bbolt or PDF, so every rule of the workshop
// can be tested on its own and shared by the UI, the CLI and the exports.
package canvas
