//go:build !unix

package store

func closeFD(int) {}
