package export_test

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/export"
)

// limitsSession is a session at the session file's limits: the Full
// template, canvas.MaxParticipants people who each placed every dimension
// with a note, canvas.MaxActions actions, and fieldLen-character texts
// without spaces in the title, the product, every position note and one
// action in fifty.
func limitsSession(tb testing.TB, fieldLen int) *canvas.Session {
	tb.Helper()
	long := func(seed string) string {
		return string([]rune(strings.Repeat(seed, fieldLen/len([]rune(seed))+1))[:fieldLen])
	}
	s := fullSession(tb)
	s.Title = long("全量评估Evaluación")
	s.Product = long("NubiaCRM")
	s.Participants, s.Placements = nil, nil
	for i := range canvas.MaxParticipants {
		n := fullNames[i%len(fullNames)]
		addParticipant(tb, s, fmt.Sprintf("p%03d", i), fmt.Sprintf("%s %d", n[0], i), n[1])
	}
	for d, dim := range s.Dimensions {
		for i := range canvas.MaxParticipants {
			note := zhNotes[(d+i)%len(zhNotes)]
			if i%2 == 1 {
				note = esNotes[(d+i)%len(esNotes)]
			}
			addPlacement(s, dim.Key, fmt.Sprintf("p%03d", i), (i*37+d*11)%101, 1+(i+d)%5, note)
		}
		must(tb, s.SetNote(dim.Key, long(zhNotes[d%len(zhNotes)])))
	}
	s.Actions = nil
	for i := range canvas.MaxActions {
		text := fmt.Sprintf("%d. %s %s", i+1, esNotes[i%len(esNotes)], zhNotes[i%len(zhNotes)])
		if i%50 == 0 {
			text = long(text)
		}
		s.Actions = append(s.Actions, canvas.Action{
			Text: text, Owner: fullNames[i%len(fullNames)][0], Due: "2027-01-10",
			Dimension: s.Dimensions[i%len(s.Dimensions)].Key,
		})
	}
	return s
}

// BenchmarkExportPDFLimits exports a session at the file's limits with
// 10,000-character fields, which took 48 s when wrapping and fitting
// re-measured growing prefixes.
func BenchmarkExportPDFLimits(b *testing.B) {
	s := limitsSession(b, 10_000)
	opt := export.PDFOptions{}
	for b.Loop() {
		if err := export.WritePDF(io.Discard, s, opt); err != nil {
			b.Fatal(err)
		}
	}
}
