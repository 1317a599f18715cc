package assets

import _ "embed"

// The phone round's pages, served by the laptop to the phones in the room
// (see app/phones). The server fills in the language and the words.
var (
	//go:embed phone/round.html
	PhoneRoundPage []byte
	//go:embed phone/join.html
	PhoneJoinPage []byte
)
