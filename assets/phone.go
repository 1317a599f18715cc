package assets

import _ "embed"

// The pages a phone loads during a phone round, served by the laptop
// itself: one HTML file each, with their styles and scripts inside, so the
// room needs no internet and nothing leaves the laptop. The server replaces
// __FULCRUM_LANG__ with the session's language tag and __FULCRUM_WORDS__
// with that language's "phone." messages as JSON.
var (
	// PhoneJoinPage asks for the join code shown on the projector.
	//go:embed phone/join.html
	PhoneJoinPage []byte
	// PhoneRoundPage is where a participant claims their name and places
	// their own markers.
	//go:embed phone/round.html
	PhoneRoundPage []byte
)
