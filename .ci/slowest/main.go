// Command slowest reads `go test -json` on stdin and prints what a plain
// `go test` would: a line per package, and the whole output of every test
// that failed (or never finished, when a test binary crashed or timed out).
// At the end it lists the ten slowest tests, so the next slow test is seen
// when it arrives rather than when the suite has become slow. It exits 1
// when any test, package or build failed.
//
// It lives under .ci, which ./... leaves out; make unit builds it into
// bin/tools and pipes go test -json through it.
package main

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// event is one line of `go test -json` (see `go doc test2json`).
type event struct {
	Action  string
	Package string
	Test    string
	Elapsed float64 // seconds
	Output  string
}

// timing is one finished top-level test.
type timing struct {
	pkg, test string
	elapsed   float64
}

// run is the output of one test or subtest, and how it ended ("" while it
// runs).
type run struct {
	name, status string
	out          strings.Builder
}

// report turns the event stream into the terminal output. The output of a
// test and its subtests is held until the top-level test ends, and the
// failed ones are printed only if it failed, as a plain go test does.
type report struct {
	out     io.Writer
	pending map[string][]*run   // package + "\x00" + top-level test -> its runs, in start order
	order   map[string][]string // package -> pending keys, in start order
	timings []timing
	failed  bool
}

func main() {
	r := &report{out: os.Stdout, pending: map[string][]*run{}, order: map[string][]string{}}
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 64<<20) // a test may print long lines
	for sc.Scan() {
		r.line(sc.Bytes())
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintf(os.Stderr, "slowest: read go test -json: %v\n", err)
		os.Exit(1)
	}
	r.slowest(10)
	if r.failed {
		os.Exit(1)
	}
}

func (r *report) line(b []byte) {
	var e event
	if len(b) == 0 || b[0] != '{' || json.Unmarshal(b, &e) != nil {
		// Not an event (the go command itself): pass it on.
		fmt.Fprintf(r.out, "%s\n", b)
		return
	}
	switch e.Action {
	case "build-output":
		fmt.Fprint(r.out, e.Output)
	case "build-fail":
		r.failed = true
	case "run":
		r.run(e) // so a test's output comes before its subtests'
	case "output":
		if e.Test == "" {
			r.packageOutput(e.Package, e.Output)
		} else if !strings.HasPrefix(e.Output, "=== ") { // -json's framing (=== RUN ...)
			r.run(e).out.WriteString(e.Output)
		}
	case "pass", "fail", "skip":
		r.end(e)
	}
}

// packageOutput prints the package's own lines ("ok  pkg 1.2s", "FAIL
// pkg"), without the "PASS" that a plain go test does not show either.
func (r *report) packageOutput(pkg, s string) {
	if s == "PASS\n" || strings.HasPrefix(s, "=== ") {
		return
	}
	if strings.HasPrefix(s, "FAIL") {
		r.flush(pkg)
	}
	fmt.Fprint(r.out, s)
}

// flush prints the output of pkg's tests that are still pending: they
// never ended, because their binary crashed or timed out, and their output
// says why.
func (r *report) flush(pkg string) {
	for _, k := range r.order[pkg] {
		for _, t := range r.pending[k] {
			fmt.Fprint(r.out, t.out.String())
		}
		delete(r.pending, k)
	}
	delete(r.order, pkg)
}

func top(test string) string {
	name, _, _ := strings.Cut(test, "/")
	return name
}

func key(pkg, test string) string { return pkg + "\x00" + top(test) }

// run finds or starts the record of e's test.
func (r *report) run(e event) *run {
	k := key(e.Package, e.Test)
	runs, ok := r.pending[k]
	if !ok {
		r.order[e.Package] = append(r.order[e.Package], k)
	}
	for _, t := range runs {
		if t.name == e.Test {
			return t
		}
	}
	t := &run{name: e.Test}
	r.pending[k] = append(runs, t)
	return t
}

func (r *report) end(e event) {
	if e.Action == "fail" {
		r.failed = true
	}
	if e.Test == "" {
		r.flush(e.Package)
		return
	}
	r.run(e).status = e.Action
	if e.Test != top(e.Test) {
		return // a subtest: its top-level test's end decides
	}
	k := key(e.Package, e.Test)
	if e.Action == "fail" {
		for _, t := range r.pending[k] {
			if t.status == "fail" {
				fmt.Fprint(r.out, failFirst(t.out.String()))
			}
		}
	}
	delete(r.pending, k)
	if e.Action != "skip" {
		r.timings = append(r.timings, timing{e.Package, e.Test, e.Elapsed})
	}
}

// failFirst moves a test's "--- FAIL" line before its log, where a plain
// go test prints it; -json streams the log first.
func failFirst(s string) string {
	lines := strings.SplitAfter(s, "\n")
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimLeft(l, " "), "--- FAIL: ") {
			return l + strings.Join(lines[:i], "") + strings.Join(lines[i+1:], "")
		}
	}
	return s
}

func (r *report) slowest(n int) {
	if len(r.timings) == 0 {
		return
	}
	slices.SortStableFunc(r.timings, func(a, b timing) int { return cmp.Compare(b.elapsed, a.elapsed) })
	n = min(n, len(r.timings))
	fmt.Fprintf(r.out, "\nThe %d slowest of %d tests:\n", n, len(r.timings))
	for _, t := range r.timings[:n] {
		fmt.Fprintf(r.out, "%8.2fs  %-50s %s\n", t.elapsed, t.test, t.pkg)
	}
}
