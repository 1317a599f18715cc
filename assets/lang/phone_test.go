package lang

import (
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// tCall finds the phone pages' calls of their t(key, ...) function, and
// tLiteral the ones whose key is a literal this test can check.
var (
	tCall    = regexp.MustCompile(`(?:^|[^\w.$])t\(`)
	tLiteral = regexp.MustCompile(`(?:^|[^\w.$])t\(\s*'([^']*)'`)
)

// TestPhonePageKeysAreDefined reads the pages a phone loads
// (assets/phone/*.html) and fails on a key they use that a language lacks:
// the server sends a page only the "phone." messages of the session's
// language, so a key missing in Chinese would show as the key on a
// Chinese phone. Every "phone." message must also be used by a page, since
// each one is sent to every phone, and be a plain string.
func TestPhonePageKeysAreDefined(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("..", "phone", "*.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no phone pages found (%v); the test is looking in the wrong place", err)
	}
	used := map[string]bool{}
	for _, page := range pages {
		src, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		keys, computed := phonePageKeys(string(src))
		if computed > 0 {
			t.Errorf("%s: %d t(...) calls have no literal key; write t('phone.…')", page, computed)
		}
		if len(keys) == 0 {
			t.Errorf("%s: found no t('phone...') calls", page)
		}
		for _, key := range keys {
			used[key] = true
			if !strings.HasPrefix(key, "phone.") {
				t.Errorf("%s: key %q does not start with \"phone.\", so the server does not send it", page, key)
				continue
			}
			for _, tag := range Tags() {
				if _, ok := For(tag).messages[key]; !ok {
					t.Errorf("%s: message key %q is used but %s does not define it", page, key, tag)
				}
			}
		}
	}
	for _, key := range slices.Sorted(maps.Keys(For(EN).messages)) {
		if strings.HasPrefix(key, "phone.") && !used[key] {
			t.Errorf("message %q is sent to every phone but no page uses it", key)
		}
	}
	// The page has no plural rules, and the server sends it plain strings
	// only (Words.Prefixed).
	for _, tag := range Tags() {
		for key, m := range For(tag).messages {
			if strings.HasPrefix(key, "phone.") && m.plural != nil {
				t.Errorf("%s: message %q has plural forms; the phone page takes plain strings only", tag, key)
			}
		}
	}
}

// phonePageKeys returns the literal keys of a page's t calls, and how many
// calls (other than t's own definition) take a key that is not a literal.
func phonePageKeys(src string) (keys []string, computed int) {
	calls := len(tCall.FindAllString(src, -1)) - strings.Count(src, "function t(")
	for _, m := range tLiteral.FindAllStringSubmatch(src, -1) {
		keys = append(keys, m[1])
	}
	return keys, calls - len(keys)
}

// The check itself: a key outside the phone area and a computed key are
// both seen, and a method named t is not taken for the page's function.
func TestPhonePageKeyCheckCatchesMistakes(t *testing.T) {
	src := `function t(key) {} t('phone.loading'); t( 'phone.nope', 1); t(k); x.t('not.a.call'); t('app.x')`
	keys, computed := phonePageKeys(src)
	if want := []string{"phone.loading", "phone.nope", "app.x"}; !slices.Equal(keys, want) {
		t.Errorf("keys = %q, want %q", keys, want)
	}
	if computed != 1 {
		t.Errorf("computed = %d, want 1 (the t(k) call)", computed)
	}
}
