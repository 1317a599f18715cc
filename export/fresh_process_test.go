//go:build linux || darwin

package export_test

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas/benchdata"
	"github.com/fulcrum-workshop/fulcrum/export"
)

// freshExportEnv makes this test binary, started again by
// BenchmarkExportPDFFreshProcess, make one export and report its cost.
const freshExportEnv = "FULCRUM_EXPORT_PDF_ONCE"

// BenchmarkExportPDFFreshProcess is the first export of a new process, as
// `fulcrum export --pdf` pays it: each iteration starts this test binary
// again to export the heavy session once. BenchmarkExportPDFCold resets
// the font caches but runs in a process whose memory is already mapped;
// a new process also pays a page fault for every page of fresh memory it
// touches, which was much of a first export's cost. Besides the wall time
// of the whole child (ns/op), it reports the export's own wall time, CPU
// time (user and system) and minor page faults, measured in the child
// around WritePDF: on a shared machine CPU time and faults move less than
// wall time.
func BenchmarkExportPDFFreshProcess(b *testing.B) {
	var wall, cpu, faults float64
	for b.Loop() {
		cmd := exec.Command(os.Args[0], "-test.run=^TestExportPDFOnce$", "-test.count=1")
		cmd.Env = append(os.Environ(), freshExportEnv+"=1")
		out, err := cmd.Output()
		if err != nil {
			b.Fatalf("child export: %v\n%s", err, out)
		}
		var w, c, f float64
		line, _, _ := strings.Cut(string(out), "\n")
		if _, err := fmt.Sscanf(line, "export %g %g %g", &w, &c, &f); err != nil {
			b.Fatalf("child export said %q: %v", out, err)
		}
		wall, cpu, faults = wall+w, cpu+c, faults+f
	}
	n := float64(b.N)
	b.ReportMetric(wall/n, "export-ms")
	b.ReportMetric(cpu/n, "export-cpu-ms")
	b.ReportMetric(faults/n, "export-minflt")
}

// TestExportPDFOnce is the child of BenchmarkExportPDFFreshProcess; run
// otherwise, it does nothing.
func TestExportPDFOnce(t *testing.T) {
	if os.Getenv(freshExportEnv) != "1" {
		t.Skip("the child of BenchmarkExportPDFFreshProcess")
	}
	s, err := benchdata.Heavy(benchdata.HeavyID)
	if err != nil {
		t.Fatal(err)
	}
	opt := export.PDFOptions{Words: lang.For(lang.EN)}
	var before, after syscall.Rusage
	must(t, syscall.Getrusage(syscall.RUSAGE_SELF, &before))
	start := time.Now()
	must(t, export.WritePDF(io.Discard, s, opt))
	elapsed := time.Since(start)
	must(t, syscall.Getrusage(syscall.RUSAGE_SELF, &after))
	cpu := time.Duration(after.Utime.Nano() - before.Utime.Nano() + after.Stime.Nano() - before.Stime.Nano())
	fmt.Printf("export %g %g %d\n", ms(elapsed), ms(cpu), after.Minflt-before.Minflt)
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
