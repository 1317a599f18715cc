package store

import "github.com/fulcrum-workshop/fulcrum/canvas"

// Listed is what canvas's baseline rule needs of this summary.
func (s Summary) Listed() canvas.Listed {
	return canvas.Listed{ID: s.ID, Product: s.Product, Updated: s.Updated}
}

// PreviousOf is the summary of the session to compare sess with by
// default, chosen among sums by canvas.PreviousOf: the most recent earlier
// session of the same product. ok is false when there is none.
func PreviousOf(sess *canvas.Session, sums []Summary) (Summary, bool) {
	list := make([]canvas.Listed, len(sums))
	for i, s := range sums {
		list[i] = s.Listed()
	}
	prev, ok := canvas.PreviousOf(sess, list)
	if !ok {
		return Summary{}, false
	}
	for _, s := range sums {
		if s.ID == prev.ID {
			return s, true
		}
	}
	return Summary{}, false
}
