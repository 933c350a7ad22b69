package mailparse

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Subjects travel through more gateways than bodies and come out mangled
// in a few set ways. The en dash of "Cyber attaque – labo xxxxx" is the
// usual victim, being the only non-ASCII character of the convention:
//
//   - UTF-8 bytes read as windows-1252 or Latin-1 ("â€“", "â\u0080\u0093"),
//     sometimes twice ("Ã¢Â€Â“");
//   - quoted-printable escapes left undecoded ("=E2=80=93") when a client
//     writes them without the RFC 2047 "=?UTF-8?Q?" wrapper;
//   - written as an HTML character reference ("&ndash;", "&#8211;") by a
//     web form or ticketing tool;
//   - replaced by "?" or U+FFFD by a gateway that could not convert it.
//
// repairMojibake undoes the first three; the last cannot be undone, so the
// subject parser treats a gap with no letters as a separator.

// charRefRe matches an HTML character reference, named or numeric.
var charRefRe = regexp.MustCompile(`&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[a-zA-Z]{2,10});`)

// undecodedQPRe matches a run of quoted-printable escapes.
var undecodedQPRe = regexp.MustCompile(`(?:=[0-9A-Fa-f]{2}){2,}`)

// sloppy1252 maps a rune back to the byte that windows-1252 (or Latin-1,
// for the slots windows-1252 leaves undefined) decodes to it.
var sloppy1252 = func() map[rune]byte {
	m := make(map[rune]byte, 128)
	for b := 0x80; b <= 0xFF; b++ {
		m[rune(b)] = byte(b) // Latin-1
	}
	dec := charmap.Windows1252
	for b := 0x80; b <= 0x9F; b++ {
		if r := dec.DecodeByte(byte(b)); r != utf8.RuneError && r != rune(b) {
			m[r] = byte(b)
		}
	}
	return m
}()

// repairMojibake undoes UTF-8 read as windows-1252 or Latin-1 (up to three
// times over), undecoded quoted-printable escapes of UTF-8 characters and
// HTML character references.
// Only byte sequences that decode to characters mail text uses (Latin
// letters, typographic dashes and quotes) are repaired, so genuine text
// such as "ÉTÉ\u00a0:" is left alone.
func repairMojibake(s string) string {
	if !utf8.ValidString(s) {
		return s // header decoding makes subjects valid; bytes are not guessed at twice
	}
	if strings.Contains(s, "&") {
		s = charRefRe.ReplaceAllStringFunc(s, html.UnescapeString)
	}
	if strings.Contains(s, "=") {
		s = undecodedQPRe.ReplaceAllStringFunc(s, decodeQPRun)
	}
	for range 3 {
		t := repairOnce(s)
		if t == s {
			break
		}
		s = t
	}
	return s
}

// decodeQPRun decodes "=E2=80=93" when its bytes are UTF-8 of characters
// repairMojibake accepts, and leaves it as written otherwise.
func decodeQPRun(run string) string {
	b := decodeQP([]byte(run))
	if !utf8.Valid(b) {
		return run
	}
	for _, r := range string(b) {
		if r < 0x80 || !plausibleRepair(r) {
			return run
		}
	}
	return string(b)
}

// repairOnce reads each run of non-ASCII runes back as the bytes they
// were decoded from and decodes the valid UTF-8 sequences among them.
func repairOnce(s string) string {
	if !mayBeMojibake(s) {
		return s // most subjects: nothing to read back, no copy
	}
	var out strings.Builder
	changed := false
	var run []byte // bytes of the current run of mappable non-ASCII runes
	var orig []rune
	flush := func() {
		for i := 0; i < len(run); {
			r, n := utf8.DecodeRune(run[i:])
			if n > 1 && plausibleRepair(r) {
				out.WriteRune(r)
				changed = true
				i += n
				continue
			}
			out.WriteRune(orig[i])
			i++
		}
		run, orig = run[:0], orig[:0]
	}
	for _, r := range s {
		if b, ok := sloppy1252[r]; ok {
			run = append(run, b)
			orig = append(orig, r)
			continue
		}
		flush()
		out.WriteRune(r)
	}
	flush()
	if !changed {
		return s
	}
	return out.String()
}

// mayBeMojibake tells whether s holds two non-ASCII runes in a row that
// windows-1252 or Latin-1 can encode, the least a mangled character
// leaves ("Ã©"); a lone "–" or "é" is genuine.
func mayBeMojibake(s string) bool {
	prev := false
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			prev = false
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		_, ok := sloppy1252[r]
		if ok && prev {
			return true
		}
		prev = ok
		i += n
	}
	return false
}

// plausibleRepair tells the characters a repair may produce: Latin-1 and
// Latin Extended-A (accented letters, œ, š; C1 controls only as the
// middle step of a double mojibake) and the typographic punctuation
// Windows clients insert (dashes, quotes, bullet, ellipsis, euro).
func plausibleRepair(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x17F:
		return true
	case r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x203A, r == 0x20AC, r == 0x2122:
		return true
	}
	return false
}

// mojibakeResidue are the letters a mangled dash leaves when a byte of
// it was lost ("â€" for "–"); no word is made of them alone.
const mojibakeResidue = "âÃÂ"

// noWordBetween tells a gap between two parts of the subject that holds
// no word: separators, punctuation, "?" or U+FFFD where a dash was lost,
// or mojibake residue.
func noWordBetween(s string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if strings.Trim(w, mojibakeResidue) != "" {
			return false
		}
	}
	return true
}
