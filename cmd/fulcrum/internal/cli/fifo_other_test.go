//go:build !unix

package cli_test

func releaseFIFO(string) {}
