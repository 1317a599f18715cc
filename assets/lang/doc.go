// Package lang holds every word Fulcrum writes, in Chinese (Simplified),
// Spanish and English: one message catalogue per language and the text of
// the built-in dimension catalogue, embedded as JSON (zh.json, es.json,
// en.json).
//
// It is written by hand rather than on Fyne's lang package because Fyne
// keeps one language per process, while the PDF and the command line must
// be able to speak a language other than the interface's. A *Words is one
// language's view; callers hold the one they need and ask it for text by
// key. canvas keeps only keys, so a session shows its built-in dimensions
// in whatever language the reader chose.
//
// A missing key never panics (T returns the key itself), and the package's
// tests make a key missing from any language a test failure.
//
// Each part of Fulcrum keeps its messages in files of its own,
// messages/<area>.<tag>.json (app, export, cli, values, problems, common,
// tensions, phone): flat maps from key to message, merged with the main
// file's "messages". A key defined twice is an error. The phone area holds
// the words of the pages a phone loads in a phone round (assets/phone),
// plain strings only, since the page formats them itself.
//
// Each main file has four sections. "messages" maps a dotted key, named for
// where it is shown ("catalogue.templates", "editor.tab.actions"), to a
// string, or for a count to one string per CLDR plural category
// ({"one": ..., "other": ...} in English and Spanish, {"other": ...} in
// Chinese). Arguments are written with explicit indexes (%[1]s, %[2]d) and
// every language must take the same ones. "groups" and "templates" map a
// canvas key to its name. "dimensions" maps a dimension key to its name,
// question, poles (toc, tob) and guidance (guidance_toc, guidance_tob),
// written for readers of that language rather than translated word for
// word; canvas/catalogue.go names the articles each one rests on.
package lang
