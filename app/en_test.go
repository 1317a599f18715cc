package app

import "github.com/fulcrum-workshop/fulcrum/assets/lang"

// The tests run in English (quietOptions sets it): these are the words
// they look for, read from the catalogue rather than copied.
var (
	en             = lang.For(lang.EN)
	noDimension    = en.T("app.actions.no-dimension")
	modeBlindLabel = en.T("app.round.mode.blind")
)
