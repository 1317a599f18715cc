package lang

import (
	"strings"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// TestEveryTensionHasWords: every tension rule canvas knows has a name, a
// message and a question in every language, Chinese and Spanish are not
// left in English, and no language words a rule canvas does not have.
func TestEveryTensionHasWords(t *testing.T) {
	rules := canvas.TensionRules()
	if len(rules) < 15 {
		t.Fatalf("%d tension rules; the issue asks for at least 15", len(rules))
	}
	known := map[string]bool{}
	for _, r := range rules {
		known[r.Key] = true
	}
	en := For(EN)
	for _, tag := range Tags() {
		w := For(tag)
		for _, r := range rules {
			got, ok := w.Tension(r.Key)
			if !ok {
				t.Errorf("%s: Tension(%q) is not found", tag, r.Key)
			}
			want, _ := en.Tension(r.Key)
			for field, pair := range map[string][2]string{
				"name": {got.Name, want.Name}, "message": {got.Message, want.Message}, "question": {got.Question, want.Question},
			} {
				text := pair[0]
				if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "tensions.") || strings.Contains(text, "%") {
					t.Errorf("%s: tension %q has no %s: %q", tag, r.Key, field, text)
				}
				if tag != EN && text == pair[1] {
					t.Errorf("%s: the %s of tension %q is still in English: %q", tag, field, r.Key, text)
				}
			}
		}
		for key := range w.messages {
			rest, ok := strings.CutPrefix(key, "tensions.")
			if !ok {
				continue
			}
			rule, field, _ := strings.Cut(rest, ".")
			if !known[rule] {
				t.Errorf("%s: %q words a tension rule canvas does not have", tag, key)
			}
			if field != "name" && field != "message" && field != "question" {
				t.Errorf("%s: %q is not a name, message or question", tag, key)
			}
		}
	}
}

// TestTensionOfAnUnknownRule: an acceptance of a rule this build lacks
// shows its key, never a blank or a panic.
func TestTensionOfAnUnknownRule(t *testing.T) {
	got, ok := For(ZH).Tension("retired-rule")
	if ok || got.Name != "retired-rule" || got.Message != "" {
		t.Errorf("Tension(retired-rule) = %+v, %v; want the key as its name, not found", got, ok)
	}
}

// TestTheIssuesExampleIsReadAloud pins the message the issue quotes for a
// buying committee that signs up by itself.
func TestTheIssuesExampleIsReadAloud(t *testing.T) {
	got, _ := For(EN).Tension("committee-self-serve")
	if want := "A five-role buying committee rarely arrives through self-serve sign-up: who meets the budget holder?"; got.Message != want {
		t.Errorf("message = %q, want %q", got.Message, want)
	}
}
