package canvas_test

import (
	"bytes"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// FuzzImport feeds arbitrary bytes to the session file decoder. It must
// never panic or hang, and whatever it accepts must survive an export and a
// re-import unchanged.
func FuzzImport(f *testing.F) {
	example, err := os.ReadFile("testdata/example-session.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(example)
	f.Add([]byte(`{"format":"fulcrum-session","version":1,"title":"t","template":"quick"}`))
	f.Add([]byte(`{"format":"fulcrum-session","version":1,"participants":[{"name":"李"}],"placements":[{"dimension":"customer","participant":"x","value":5}]}`))
	f.Add([]byte(`{"format":"fulcrum-session","version":1,"round":{"mode":"blind","order":[],"dimensions":["value"]},"settings":{"threshold":30}}`))
	f.Add([]byte(`[]`))
	now := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := canvas.DecodeFile(bytes.NewReader(data), now)
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := canvas.EncodeFile(&out, s); err != nil {
			t.Fatalf("an accepted session does not encode: %v", err)
		}
		again, err := canvas.DecodeFile(bytes.NewReader(out.Bytes()), now)
		if err != nil {
			t.Fatalf("the export of an accepted session is refused: %v\n%s", err, out.Bytes())
		}
		if !reflect.DeepEqual(s, again) {
			t.Fatalf("round trip changed the session:\n got %+v\nwant %+v", again, s)
		}
		var out2 bytes.Buffer
		if err := canvas.EncodeFile(&out2, again); err != nil || !bytes.Equal(out.Bytes(), out2.Bytes()) {
			t.Fatalf("re-encoding differs (%v)", err)
		}
	})
}
