package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// serveProcess is a running `fulcrum serve` and the join URL it printed.
type serveProcess struct {
	cmd  *exec.Cmd
	url  string
	rest io.Reader
}

func startServe(t *testing.T, db, id string) *serveProcess {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel) // kills it if a test fails before it ends
	cmd := exec.CommandContext(ctx, fulcrumBin, "serve", "--db", db, id, "--addr", "127.0.0.1:0", "--clear")
	cmd.Env = baseEnv(nil)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	rd := bufio.NewReader(out)
	line, err := rd.ReadString('\n')
	if err != nil {
		t.Fatalf("serve printed no line: %v", err)
	}
	go func() { _, _ = io.Copy(io.Discard, rd) }() // keep its stdout flowing
	return &serveProcess{cmd: cmd, url: strings.TrimSpace(line), rest: rd}
}

// answerAll claims the first participant and answers every dimension.
func (p *serveProcess) answerAll(t *testing.T) (who string, values map[string]int) {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 10 * time.Second}
	resp, err := c.Get(p.url + "api/round")
	if err != nil {
		t.Fatal(err)
	}
	var round struct {
		Dimensions   []struct{ Key string }
		Participants []struct{ ID string }
	}
	if err := json.NewDecoder(resp.Body).Decode(&round); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	who = round.Participants[0].ID
	resp, err = c.Post(p.url+"api/claim", "application/json", strings.NewReader(`{"participant":"`+who+`"}`))
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("claim: %v %v", err, resp.Status)
	}
	resp.Body.Close()
	values = map[string]int{}
	for i, d := range round.Dimensions {
		v := (i * 17) % 101
		req, _ := http.NewRequest("PUT", p.url+"api/placements/"+d.Key, strings.NewReader(`{"value":`+strconv.Itoa(v)+`}`))
		resp, err := c.Do(req)
		if err != nil || resp.StatusCode != http.StatusNoContent {
			t.Fatalf("answer %s: %v %v", d.Key, err, resp.Status)
		}
		resp.Body.Close()
		values[d.Key] = v
	}
	return who, values
}

// checkSaved opens db after serve has ended and checks every answer.
func checkSaved(t *testing.T, db, id, who string, values map[string]int) {
	t.Helper()
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := st.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range values {
		if p, ok := s.Placement(who, k); !ok || p.Value != v {
			t.Fatalf("%s: saved %+v %v, want %d", k, p, ok, v)
		}
	}
	if !s.InRound() || s.PlacementsVisible() {
		t.Fatal("the round is not open and hidden")
	}
}

// SIGTERM stops serve cleanly: exit 0, answers saved, round left open,
// nothing listening.
func TestServeStopsOnSIGTERM(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	id := importIDs(t, db, exampleRel)[0]
	p := startServe(t, db, id)
	who, values := p.answerAll(t)
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Wait(); err != nil {
		t.Fatalf("serve after SIGTERM: %v", err)
	}
	if _, err := http.Get(p.url); err == nil {
		t.Fatal("something still answers at the join URL")
	}
	checkSaved(t, db, id, who, values)
}

// kill -9 loses nothing autosave had time to write (it writes within
// 1 s of an answer), and a new serve resumes the same open round.
func TestServeAnswersSurviveKill9(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	id := importIDs(t, db, exampleRel)[0]
	p := startServe(t, db, id)
	who, values := p.answerAll(t)
	time.Sleep(1500 * time.Millisecond) // the autosave bound, and a margin
	if err := p.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = p.cmd.Wait()
	checkSaved(t, db, id, who, values)

	again := startServe(t, db, id)
	if again.url == p.url {
		t.Fatal("a new serve reused the old token")
	}
	resp, err := http.Get(again.url + "api/progress")
	if err != nil {
		t.Fatal(err)
	}
	var prog struct{ Done []string }
	_ = json.NewDecoder(resp.Body).Decode(&prog)
	resp.Body.Close()
	if len(prog.Done) != 1 || prog.Done[0] != who {
		t.Fatalf("the resumed round's progress: %+v", prog)
	}
	_ = again.cmd.Process.Signal(syscall.SIGINT)
	if err := again.cmd.Wait(); err != nil {
		t.Fatalf("serve after SIGINT: %v", err)
	}
}
