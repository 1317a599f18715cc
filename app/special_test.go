package app

import "github.com/fulcrum-workshop/fulcrum/export/targettest"

// The special files the save dialog must refuse (see targettest).
var (
	deviceNodeOrEmpty = targettest.Device
	mkfifo            = targettest.FIFO
)
