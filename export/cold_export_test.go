package export

// ResetFontCaches forgets every font the package has parsed or measured,
// as a fresh process has none: BenchmarkExportPDFCold measures the first
// export of a process with it.
func ResetFontCaches() {
	pdfMu.Lock()
	defer pdfMu.Unlock()
	resetFontCaches()
}
