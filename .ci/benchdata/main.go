// Command benchdata writes the session file make bench starts Fulcrum on.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/fulcrum-workshop/fulcrum/canvas/benchdata"
)

func main() {
	n := flag.Int("n", 10000, "sessions")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: benchdata [-n N] OUT.db")
		os.Exit(2)
	}
	if err := benchdata.WriteFile(flag.Arg(0), *n); err != nil {
		fmt.Fprintln(os.Stderr, "benchdata:", err)
		os.Exit(1)
	}
}
