//go:build unix

package phones_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// chrome is one headless Chromium driven through chromedriver's W3C
// WebDriver HTTP API with plain net/http, so the browser test needs no Go
// dependency. Every command and every wait has a time limit, and the
// driver and its browsers are killed when the test ends.
type chrome struct {
	t      testing.TB
	root   string // http://127.0.0.1:PORT/
	base   string // root + "session/ID/"
	client *http.Client
}

// Mobile screens: the 390×844 phone, and the narrowest the page
// must fit.
const (
	phoneWidth, phoneHeight = 390, 844
	narrowWidth             = 360
	// elementKey is the W3C name of an element reference.
	elementKey = "element-6066-11e4-a52e-4f735466cecf"
	// waitLimit bounds every wait for the page; none should take a second.
	waitLimit = 15 * time.Second
)

// browserTools finds chromedriver and Chromium (Debian's chromium-driver
// and chromium). Without them the browser tests skip, unless
// FULCRUM_REQUIRE_BROWSER is set (make test sets it): then they fail.
func browserTools(t testing.TB) (driver, browser string) {
	t.Helper()
	driver, derr := exec.LookPath("chromedriver")
	var berr error
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if browser, berr = exec.LookPath(name); berr == nil {
			break
		}
	}
	if err := errors.Join(derr, berr); err != nil {
		if os.Getenv("FULCRUM_REQUIRE_BROWSER") != "" {
			t.Fatalf("the browser test needs chromedriver and chromium (apt-get install chromium chromium-driver): %v", err)
		}
		t.Skipf("no headless browser (%v); set FULCRUM_REQUIRE_BROWSER=1 to fail instead", err)
	}
	return driver, browser
}

// startDriver runs chromedriver on a free loopback port until the test ends.
func startDriver(t testing.TB, driver string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	cmd := exec.Command(driver, "--port="+strconv.Itoa(port), "--allowed-ips=127.0.0.1")
	// Its own process group, so the browsers it starts die with it.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", driver, err)
	}
	t.Cleanup(func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		_ = cmd.Wait()
	})
	root := fmt.Sprintf("http://127.0.0.1:%d/", port)
	c := &chrome{t: t, root: root, client: &http.Client{Timeout: 30 * time.Second}}
	deadline := time.Now().Add(waitLimit)
	for {
		var st struct {
			Ready bool `json:"ready"`
		}
		if err := c.call(http.MethodGet, root+"status", nil, &st); err == nil && st.Ready {
			return root
		}
		if time.Now().After(deadline) {
			t.Fatalf("chromedriver was not ready after %v", waitLimit)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// newChrome opens a browser emulating a 390×844 phone with touch. The
// page's language is the session's, whatever the browser's.
func newChrome(t testing.TB, driverRoot, browser string) *chrome {
	t.Helper()
	c := &chrome{t: t, root: driverRoot, client: &http.Client{Timeout: 60 * time.Second}}
	caps := map[string]any{"capabilities": map[string]any{"alwaysMatch": map[string]any{
		"browserName": "chrome",
		"goog:chromeOptions": map[string]any{
			"binary": browser,
			"args": []string{"--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--no-first-run", "--disable-extensions"},
			"mobileEmulation": map[string]any{"deviceMetrics": map[string]any{
				"width": phoneWidth, "height": phoneHeight, "pixelRatio": 2, "touch": true, "mobile": true}},
		},
	}}}
	var sess struct {
		SessionID string `json:"sessionId"`
	}
	if err := c.call(http.MethodPost, driverRoot+"session", caps, &sess); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	c.base = driverRoot + "session/" + sess.SessionID + "/"
	t.Cleanup(func() { _ = c.call(http.MethodDelete, c.base, nil, nil) })
	return c
}

// on is the same browser reporting to t, for a subtest: starting Chromium
// takes seconds, so the subtests of one test share it. Each subtest's
// server listens on a port of its own, so their pages share no storage.
func (c *chrome) on(t testing.TB) *chrome {
	d := *c
	d.t = t
	return &d
}

// call sends one WebDriver command and decodes the reply's "value" into out.
func (c *chrome) call(method, url string, in, out any) error {
	var body io.Reader
	if in != nil {
		j, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(j)
	}
	ctx, cancel := context.WithTimeout(context.Background(), c.client.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, url, body)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	var reply struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(raw, &reply); err != nil || resp.StatusCode != http.StatusOK {
		return fmt.Errorf("webdriver %s %s: %d %.300s", method, url[len(c.root)-1:], resp.StatusCode, raw)
	}
	if out != nil {
		return json.Unmarshal(reply.Value, out)
	}
	return nil
}

func (c *chrome) do(method, path string, in, out any) {
	c.t.Helper()
	if err := c.call(method, c.base+path, in, out); err != nil {
		c.t.Fatal(err)
	}
}

func (c *chrome) open(url string) {
	c.t.Helper()
	c.do(http.MethodPost, "url", map[string]string{"url": url}, nil)
}

func (c *chrome) find(css string) string {
	c.t.Helper()
	var el map[string]string
	c.do(http.MethodPost, "element", map[string]string{"using": "css selector", "value": css}, &el)
	return el[elementKey]
}

// tap clicks an element as a person would: WebDriver scrolls it into view
// and sends the pointer events to its centre.
func (c *chrome) tap(css string) {
	c.t.Helper()
	c.do(http.MethodPost, "element/"+c.find(css)+"/click", map[string]any{}, nil)
}

// typeInto focuses an element and types keys into it; WebDriver's key
// codes (keyRight) press keys that are not characters.
func (c *chrome) typeInto(css, keys string) {
	c.t.Helper()
	c.do(http.MethodPost, "element/"+c.find(css)+"/value", map[string]string{"text": keys}, nil)
}

// clear empties a text field as WebDriver's Element Clear does.
func (c *chrome) clear(css string) {
	c.t.Helper()
	c.do(http.MethodPost, "element/"+c.find(css)+"/clear", map[string]any{}, nil)
}

const (
	keyRight = "\uE014"
	keyLeft  = "\uE012"
)

// eval runs script in the page and decodes what it returns into out.
func (c *chrome) eval(script string, out any, args ...any) {
	c.t.Helper()
	if args == nil {
		args = []any{}
	}
	c.do(http.MethodPost, "execute/sync", map[string]any{"script": script, "args": args}, out)
}

// waitFor polls script until it returns true. A page that never gets
// there fails the test after waitLimit rather than hanging it.
func (c *chrome) waitFor(what, script string, args ...any) {
	c.t.Helper()
	if args == nil {
		args = []any{}
	}
	deadline := time.Now().Add(waitLimit)
	for {
		var ok bool
		err := c.call(http.MethodPost, c.base+"execute/sync", map[string]any{"script": script, "args": args}, &ok)
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			var text string
			_ = c.call(http.MethodPost, c.base+"execute/sync", map[string]any{"script": "return document.body.innerText", "args": []any{}}, &text)
			c.t.Fatalf("waited %v for %s (last error: %v); the page shows:\n%s", waitLimit, what, err, text)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// screenshot writes the viewport as a PNG.
func (c *chrome) screenshot(path string) {
	c.t.Helper()
	var b64 string
	c.do(http.MethodGet, "screenshot", nil, &b64)
	png, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		c.t.Fatal(err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		c.t.Fatal(err)
	}
}

// width emulates a phone screen width in CSS pixels (the height stays).
func (c *chrome) width(w int) {
	c.t.Helper()
	c.do(http.MethodPost, "goog/cdp/execute", map[string]any{"cmd": "Emulation.setDeviceMetricsOverride", "params": map[string]any{
		"width": w, "height": phoneHeight, "deviceScaleFactor": 2, "mobile": true}}, nil)
}
