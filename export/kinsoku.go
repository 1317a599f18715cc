package export

// The punctuation rules of Chinese and Japanese typesetting (kinsoku
// shori): characters that must not start a line and characters that must
// not end one. UAX #14 already keeps most of them in place through their
// line break classes; these sets are checked on top for the marks whose
// class allows a break on the wrong side, such as the fullwidth tilde ～
// (class ID) or a percent sign after a space (class PO, and LB18 breaks
// after every space), and so that the rule does not hang on the version of
// the segmenter's class tables. The sets follow JIS X 4051 as listed in the W3C's
// "Requirements for Japanese Text Layout" (classes cl-01 to cl-12) and
// "Requirements for Chinese Text Layout" (§3.1.7 Prohibition rules), with
// the Western and Spanish marks that behave the same way.

// lineStartForbidden holds the closing marks and what follows like them:
// closing brackets and quotes, commas and full stops, colons and
// semicolons, question and exclamation marks, middle dots, hyphens, the
// ellipsis, iteration marks, the prolonged sound mark, small kana and the
// percent signs.
const lineStartForbidden = "" +
	"）］｝〕〉》」』】〙〗〟’”｠»›" + ")]}" + "｣" + // closing brackets and quotes
	"、。，．､｡" + ",." + // commas and full stops
	"：；・･" + ":;" + // colons, semicolons, middle dots
	"？！‼⁇⁈⁉" + "?!" + // dividing punctuation
	"‐゠–〜～" + // hyphens
	"…‥〳〴〵" + // inseparable marks
	"ヽヾゝゞ々〻" + // iteration marks
	"ーｰ" + // prolonged sound mark
	"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ" +
	"ㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｬｭｮｯ" + // small kana
	"％‰‱℃°" + "%"

// lineEndForbidden holds the opening marks: opening brackets and quotes,
// and the Spanish inverted question and exclamation marks, which belong to
// the word that follows them.
const lineEndForbidden = "" +
	"（［｛〔〈《「『【〘〖〝‘“｟«‹" + "([{" + "｢" +
	"¿¡"

var noStart, noEnd = runeSet(lineStartForbidden), runeSet(lineEndForbidden)

func runeSet(s string) map[rune]bool {
	m := make(map[rune]bool)
	for _, r := range s {
		m[r] = true
	}
	return m
}

// noLineStart reports whether r must not start a line.
func noLineStart(r rune) bool { return r > 0x20 && noStart[r] }

// noLineEnd reports whether r must not end a line.
func noLineEnd(r rune) bool { return r > 0x20 && noEnd[r] }
