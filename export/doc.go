// Package export writes a session out of Fulcrum for people outside the
// workshop: the PDF summary (WritePDF, with its own text wrapping and
// Chinese line-breaking rules), the profile chart as a PNG (WritePNG) and
// the dimension table as CSV for spreadsheets (WriteCSV). The chart in the
// PDF and the PNG is painted from canvas.LayoutChart's geometry, as on
// screen. The session file itself, which Fulcrum reads back, is canvas's
// (EncodeFile and DecodeFile).
//
// The PDF's page 1 answers on its own, for up to 12 participants and 30
// dimensions: the chart's rows shrink to leave room for where the team
// disagreed and what it decided. An outline lists the sections; fonts are
// embedded as tagged subsets; the document properties keep any Unicode.
// gofpdf writes the document, and finishPDF then names the subsets and
// compresses the pages (see there for why).
//
// Each format writes in the language its options name (a *lang.Words; nil
// is English), which need not be the interface's: the reader of a report
// may not be the facilitator. Headings, table headers, the footer, dates,
// decimal commas and plurals follow that language, and table columns are
// sized from the words they hold; the team's own text is printed as typed.
// The CSV's figures keep a decimal point in every language, for
// spreadsheets and scripts.
//
// Every format is written to an io.Writer; WriteFile puts it on disk
// atomically, so a failed export never leaves a partial or half-replaced
// file behind. CheckTarget is the one rule for where a file may be written:
// never over the session file or its backups, never over a folder, device,
// FIFO or socket; a symbolic link to a regular file is written through and
// kept.
package export
