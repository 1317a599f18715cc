package phones_test

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/app/phones"
	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// A client that sends its request slowly is cut off by the timeouts, and
// while it stalls everyone else is served.
func TestSlowClientsAreCutOff(t *testing.T) {
	r := newRoom(t, canvas.TemplateQuick, 2, phones.Limits{
		ReadHeaderTimeout: 200 * time.Millisecond,
		ReadTimeout:       400 * time.Millisecond,
		WriteTimeout:      400 * time.Millisecond,
		IdleTimeout:       400 * time.Millisecond,
	}, lang.EN)
	host := strings.TrimSuffix(strings.TrimPrefix(r.srv.Address(), "http://"), "/")
	secret := r.phone().claim(r.ids[0])

	stalls := map[string]string{
		"headers never end": "GET / HTTP/1.1\r\nHost: x\r\n",
		"body never comes": "PUT /" + strings.TrimPrefix(r.srv.URL(), r.srv.Address()) + "api/placements/" + r.dims[0] +
			" HTTP/1.1\r\nHost: x\r\nX-Fulcrum-Secret: " + secret + "\r\nContent-Length: 100\r\n\r\n{\"value\":",
		"idle after a request": "GET / HTTP/1.1\r\nHost: x\r\n\r\n",
	}
	for name, req := range stalls {
		t.Run(name, func(t *testing.T) {
			c, err := net.Dial("tcp", host)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			if _, err := io.WriteString(c, req); err != nil {
				t.Fatal(err)
			}
			// Meanwhile another phone is served.
			if code, _ := r.phone().do("GET", "api/progress", nil, nil); code != http.StatusOK {
				t.Fatalf("another client while one stalls: %d", code)
			}
			// The guard only ends a hung test; the server closes far sooner.
			_ = c.SetReadDeadline(time.Now().Add(20 * time.Second))
			rd := bufio.NewReader(c)
			for {
				_, err := rd.ReadByte()
				if err == nil {
					continue // a response (the page, or a 400 for the cut body)
				}
				var ne net.Error
				if errors.As(err, &ne) && ne.Timeout() {
					t.Fatal("the server kept the slow connection open")
				}
				return // closed by the server
			}
		})
	}
	if pl, ok := r.owner.Snapshot().Placement(r.ids[0], r.dims[0]); ok {
		t.Fatalf("a cut-off body was stored: %+v", pl)
	}
}
