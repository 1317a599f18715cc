package phones_test

import (
	"bytes"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/app/phones"
)

// requireTool finds a Debian tool a test needs: without it the test skips
// on a developer's machine, but fails under make test, which installs it
// (FULCRUM_REQUIRE_TOOLS=1).
func requireTool(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("FULCRUM_REQUIRE_TOOLS") != "" {
			t.Fatalf("%s is missing (Debian package %s); make test installs it", name, pkg)
		}
		t.Skipf("%s is missing (Debian package %s)", name, pkg)
	}
	return p
}

// decodeQR reads a QR code from a PNG with zbarimg.
func decodeQR(t *testing.T, pngData []byte) string {
	t.Helper()
	zbar := requireTool(t, "zbarimg", "zbar-tools")
	path := filepath.Join(t.TempDir(), "qr.png")
	if err := os.WriteFile(path, pngData, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(zbar, "--quiet", "--raw", path).Output()
	if err != nil {
		t.Fatalf("zbarimg could not read the code: %v", err)
	}
	return strings.TrimSpace(string(out))
}

func TestQRCodeDecodesToTheJoinURL(t *testing.T) {
	url := "http://192.168.17.203:8397/r/Zm9vYmFyYmF6cXV4cXV1dXU/"
	q, err := phones.NewQR(url)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, q.Image(6)); err != nil {
		t.Fatal(err)
	}
	if got := decodeQR(t, buf.Bytes()); got != url {
		t.Fatalf("decoded %q, want %q", got, url)
	}
}

// The terminal drawing is the same code: read back from its characters
// (light above, light below), every module matches, inside a light border.
func TestQRTextIsTheCode(t *testing.T) {
	q, err := phones.NewQR("http://10.0.0.2:8397/r/abc/")
	if err != nil {
		t.Fatal(err)
	}
	n := len(q.Dark)
	lines := strings.Split(strings.TrimSuffix(q.Text(), "\n"), "\n")
	if len(lines) != (n+8+1)/2 {
		t.Fatalf("%d lines for %d modules", len(lines), n)
	}
	for row, line := range lines {
		cells := []rune(line)
		if len(cells) != n+8 {
			t.Fatalf("line %d has %d cells, want %d", row, len(cells), n+8)
		}
		for x, c := range cells {
			top := c == '█' || c == '▀'
			bottom := c == '█' || c == '▄'
			for i, light := range []bool{top, bottom} {
				y := 2*row + i - 4
				mx := x - 4
				want := mx < 0 || y < 0 || mx >= n || y >= n || !q.Dark[y][mx]
				if y+4 >= n+8 {
					continue // the half line below the last row
				}
				if light != want {
					t.Fatalf("module (%d,%d): light %v, want %v", mx, y, light, want)
				}
			}
		}
	}
}
