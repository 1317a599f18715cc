// Package canvas is the workshop itself, in plain Go: the ToB/ToC dimension
// catalogue (keys, groups, order and templates; the words for them, in
// each language, are in assets/lang), the custom dimensions and templates
// a facilitator writes beside it (custom.go: a Library; template files in
// template_file.go), sessions with their participants,
// placements, agreed positions and actions, rounds, the ToB index, the
// tensions between positions (rules as data in tension_rules.go, evaluated
// in tensions.go on the index's own positions, accepted through the ops in
// ops_tensions.go), the comparison of two sessions of one product and the
// default baseline (compare.go), the session file formats 1 and 2 (file.go), and the
// geometry of the profile chart that the screen, the PDF and the PNG paint
// (chart.go, chart_labels.go, chart_markers.go, chart_compare.go for a
// comparison's earlier positions, paint.go).
//
// It returns figures, keys and typed values, never words: an index Band,
// a Lean, chart Labels and LegendKinds, and a file's Problems as a
// ProblemKind with its arguments (problem.go). assets/lang names them in the
// reader's language, so the interface, the PDF and the command line can
// each speak their own.
//
// An open session changes through one path: an Owner (owner.go) takes
// each change as an Op (ops.go), validates and applies it, records it for
// undo and redo, and tells its listeners what changed as a Change
// (change.go). The Session methods the ops call hold the rules themselves.
// A session's dimensions change through AddDimension and RemoveDimension
// (ops_dimensions.go); it keeps a copy of each custom dimension it uses,
// so the catalogue can change without changing it. A phone's answer is
// an Answer op applied with ApplyRemote (ops_answer.go): validated and
// told like any other, but never the facilitator's to undo.
//
// Nothing here knows about Fyne, bbolt or PDF, so every rule of the workshop
// can be tested on its own and shared by the UI, the CLI and the exports.
// Package store (canvas/store) keeps sessions on disk.
package canvas
