package cli

import (
	"bytes"
	"io"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
	"github.com/fulcrum-workshop/fulcrum/export"
)

func runExport(env *Env, args []string) int {
	w := env.w
	f := newFlags(env, "export")
	db := f.dbFlag()
	out := f.str("json", "OUT", "", w.T("cli.export.flag.json"))
	pdfOut := f.str("pdf", "OUT.pdf", "", w.T("cli.export.flag.pdf"))
	paper := f.str("paper", "a4|letter", export.PaperA4, w.T("cli.export.flag.paper", export.PaperA4))
	pngOut := f.str("png", "OUT.png", "", w.T("cli.export.flag.png"))
	csvOut := f.str("csv", "OUT.csv", "", w.T("cli.export.flag.csv"))
	since := f.str("since", "OLD_ID", "", w.T("cli.export.flag.since"))
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return f.usageError(w.T("cli.usage.one-id"))
	}
	if *out == "" && *pdfOut == "" && *pngOut == "" && *csvOut == "" {
		return f.usageError(w.T("cli.export.no-output"))
	}
	if *paper != export.PaperA4 && *paper != export.PaperLetter {
		return f.usageError(w.T("cli.export.bad-paper", *paper))
	}
	if *since != "" && *pdfOut == "" {
		return f.usageError(w.T("cli.export.since-needs-pdf"))
	}
	// Every output is checked before any is written, so a refused one
	// leaves no other half of the export behind.
	protected := store.ProtectedPaths(env.DBPath(*db))
	targets := []string{*pdfOut, *pngOut, *csvOut}
	if *out != "-" {
		targets = append(targets, *out)
	}
	for _, o := range targets {
		if o == "" {
			continue
		}
		if err := export.CheckTarget(o, protected...); err != nil {
			return env.fail("export", w.T("cli.export.cannot-write", o), err)
		}
	}
	ids := []string{pos[0]}
	if *since != "" {
		ids = append(ids, *since)
	}
	ss, code := env.loadSessions("export", *db, ids...)
	if ss == nil {
		return code
	}
	s := ss[0]
	words := env.w
	opt := export.PDFOptions{Paper: *paper, Words: words}
	if *since != "" {
		opt.Since = ss[1]
	}
	for _, o := range []struct {
		path  string
		write func(io.Writer) error
	}{
		{*pdfOut, func(w io.Writer) error { return export.WritePDF(w, s, opt) }},
		{*pngOut, func(w io.Writer) error { return export.WritePNG(w, s, export.PNGOptions{Words: words}) }},
		{*csvOut, func(w io.Writer) error { return export.WriteCSV(w, s, export.CSVOptions{Words: words}) }},
	} {
		if o.path == "" {
			continue
		}
		if err := export.WriteFile(o.path, o.write, protected...); err != nil {
			return env.fail("export", w.T("cli.export.cannot-write", o.path), err)
		}
	}
	switch *out {
	case "":
		return ExitOK
	case "-":
		var buf bytes.Buffer
		if err := canvas.EncodeFile(&buf, s); err != nil {
			return env.fail("export", w.T("cli.export.encode", s.ID), err)
		}
		if _, err := env.Stdout.Write(buf.Bytes()); err != nil {
			return env.fail("export", w.T("cli.error.write-stdout"), err)
		}
		return ExitOK
	}
	if err := export.WriteFile(*out, func(w io.Writer) error { return canvas.EncodeFile(w, s) }, protected...); err != nil {
		return env.fail("export", w.T("cli.export.cannot-write", *out), err)
	}
	return ExitOK
}
