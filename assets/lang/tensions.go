package lang

import "github.com/fulcrum-workshop/fulcrum/canvas"

// TensionText is what a reader sees of one tension rule: its short name,
// the message a facilitator reads aloud, and a question for the room.
type TensionText struct {
	Name     string
	Message  string
	Question string
}

// Tension is the text of a canvas tension rule by key, from
// messages/tensions.<tag>.json ("tensions.<key>.name", ".message",
// ".question"). ok is false for a key canvas has no rule for, such as an
// acceptance a newer Fulcrum stored; its name is then the key itself, so
// nothing shows blank.
func (w *Words) Tension(key string) (text TensionText, ok bool) {
	if _, ok := canvas.LookupTensionRule(key); !ok {
		return TensionText{Name: key}, false
	}
	prefix := "tensions." + key
	return TensionText{
		Name:     w.T(prefix + ".name"),
		Message:  w.T(prefix + ".message"),
		Question: w.T(prefix + ".question"),
	}, true
}
