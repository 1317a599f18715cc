package cli

import (
	"bytes"
	"io"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
	"github.com/fulcrum-workshop/fulcrum/export"
)

func runExport(env *Env, args []string) int {
	f := newFlags(env, "export")
	db := f.dbFlag()
	out := f.String("json", "", "write the session file to `OUT` (- for stdout)")
	pdfOut := f.String("pdf", "", "write the PDF summary to `OUT.pdf`")
	paper := f.String("paper", export.PaperA4, "PDF paper size: a4 or letter")
	pngOut := f.String("png", "", "write the profile chart at 2× to `OUT.png`")
	csvOut := f.String("csv", "", "write the dimension table as UTF-8 CSV to `OUT.csv`")
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return f.usageError("name exactly one session id")
	}
	if *out == "" && *pdfOut == "" && *pngOut == "" && *csvOut == "" {
		return f.usageError("choose an output: --json OUT, --pdf OUT.pdf, --png OUT.png or --csv OUT.csv")
	}
	if *paper != export.PaperA4 && *paper != export.PaperLetter {
		return f.usageError("--paper must be a4 or letter, not %q", *paper)
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
			return env.fail("export", err)
		}
	}
	s, code := env.loadSession("export", *db, pos[0])
	if s == nil {
		return code
	}
	opt := export.PDFOptions{Paper: *paper, Generated: env.Now()}
	for _, o := range []struct {
		path  string
		write func(io.Writer) error
	}{
		{*pdfOut, func(w io.Writer) error { return export.WritePDF(w, s, opt) }},
		{*pngOut, func(w io.Writer) error { return export.WritePNG(w, s) }},
		{*csvOut, func(w io.Writer) error { return export.WriteCSV(w, s) }},
	} {
		if o.path == "" {
			continue
		}
		if err := export.WriteFile(o.path, o.write, protected...); err != nil {
			return env.fail("export", err)
		}
	}
	switch *out {
	case "":
		return ExitOK
	case "-":
		var buf bytes.Buffer
		if err := canvas.EncodeFile(&buf, s); err != nil {
			return env.fail("export", err)
		}
		if _, err := env.Stdout.Write(buf.Bytes()); err != nil {
			return env.fail("export", err)
		}
		return ExitOK
	}
	if err := export.WriteFile(*out, func(w io.Writer) error { return canvas.EncodeFile(w, s) }, protected...); err != nil {
		return env.fail("export", err)
	}
	return ExitOK
}
