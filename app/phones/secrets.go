package phones

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
)

// codeAlphabet leaves out the letters and digits people confuse when they
// read a code off a projector: 0 and O, 1 and I and L.
const codeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

// CodeLength is the length of a join code.
const CodeLength = 6

// newToken is the round's secret: 128 random bits, URL-safe.
func newToken() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	return base64.RawURLEncoding.EncodeToString(b)
}

// newSecret is a claim's secret: 128 random bits, hex.
func newSecret() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// newCode is a short join code, typed by hand. It only leads to the
// token, and wrong guesses are limited (see Limits.WrongCodes).
func newCode() string {
	b := make([]byte, CodeLength)
	_, _ = rand.Read(b)
	for i := range b {
		// 256 is not a multiple of 31: the first 8 letters come up a
		// little more often, which costs a guesser nothing worth having.
		b[i] = codeAlphabet[int(b[i])%len(codeAlphabet)]
	}
	return string(b)
}
