package classify

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Folding is how every comparison of free text in cyberintake ignores case
// and accents: the tagger's words and vocabularies, mailparse's headings,
// word lists and letter wording, and the store's text queries all fold
// both sides the same way, so "Mesures préventives", "MESURES PREVENTIVES"
// and "mesures preventives" are one text. Labs write with and without
// accents, in capitals, from keyboards that drop diacritics, and mail
// clients sometimes send decomposed letters ("e" + U+0301): all of them
// must meet the same word.

// Fold returns s lower-cased with its accents removed: every letter loses
// its combining marks ("é" and "e\u0301" are "e", "Ü" is "u", "ç" is "c",
// also outside Latin: "ά" is "α"), the letters written as two are spelt
// out ("ß" "ss", "œ" "oe", "æ" "ae", "ĳ" "ij", "ﬁ" "fi"), "ø" is "o".
// Typographic apostrophes become "'", Unicode hyphens and dashes "-" and
// the no-break space a space, so phrases fold like their typed form.
// Everything else is kept, lower-cased; invalid UTF-8 becomes U+FFFD.
//
// Plain lower-case ASCII, most of what is folded, is returned as is
// without allocating.
func Fold(s string) string {
	i := 0
	for i < len(s) {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			break
		}
		i++
	}
	if i == len(s) {
		return s
	}
	// Headings, words and names are short: fold them on the stack and
	// allocate only the result.
	var buf [128]byte
	return string(AppendFold(append(buf[:0], s[:i]...), s[i:]))
}

// AppendFold appends Fold(s) to dst, for callers that fold piece by piece
// into a buffer of their own.
func AppendFold(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch f, lig := foldRune(r); {
		case lig != "":
			dst = append(dst, lig...)
		case f != 0:
			dst = utf8.AppendRune(dst, f)
		}
	}
	return dst
}

// foldRune folds one rune the way Fold does. It returns the folded rune,
// or 0 and the letters a ligature stands for, or 0 and "" for a combining
// mark, which folding drops.
func foldRune(r rune) (rune, string) {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r, ""
	case r < tableEnd:
		// Latin, Greek and Cyrillic letters: one table look-up.
		f := foldTable[r-utf8.RuneSelf]
		if f < 0 {
			return 0, ligatures[-f-1].to
		}
		return f, ""
	}
	return foldSlow(r)
}

// tableEnd ends the runes folded by table: Latin-1, Latin Extended-A/B,
// the combining accents, Greek and Cyrillic (4.7 KB, filled at start-up).
const tableEnd = 0x530

// foldTable[r-0x80] is foldRune(r) for r below tableEnd: the folded rune,
// or -(i+1) for ligatures[i].
var foldTable = func() (t [tableEnd - utf8.RuneSelf]rune) {
	for r := rune(utf8.RuneSelf); r < tableEnd; r++ {
		f, lig := foldSlow(r)
		if lig != "" {
			for i, l := range ligatures {
				if l.to == lig {
					f = rune(-i - 1)
					break
				}
			}
		}
		t[r-utf8.RuneSelf] = f
	}
	return t
}()

// ligatures are the letters folded to two: Unicode does not decompose
// them canonically, yet "Maßnahmen"/"Massnahmen", "œuvre"/"oeuvre" and
// "ĳs"/"ijs" are the same words.
var ligatures = []struct {
	from []rune
	to   string
}{
	{[]rune{'ß', 'ẞ'}, "ss"},
	{[]rune{'œ', 'Œ'}, "oe"},
	{[]rune{'æ', 'Æ'}, "ae"},
	{[]rune{'ĳ', 'Ĳ'}, "ij"},
	{[]rune{'ﬀ'}, "ff"},
	{[]rune{'ﬁ'}, "fi"},
	{[]rune{'ﬂ'}, "fl"},
	{[]rune{'ﬃ'}, "ffi"},
	{[]rune{'ﬄ'}, "ffl"},
	{[]rune{'ﬅ', 'ﬆ'}, "st"},
}

// foldSlow folds any rune from the Unicode tables: the lower case's
// canonical decomposition without its marks. It fills foldTable and
// serves the rarer runes above it.
func foldSlow(r rune) (rune, string) {
	switch r {
	case 'ø', 'Ø':
		return 'o', "" // a letter of its own in Unicode, an accented o to a reader
	case '\u2018', '\u2019':
		return '\'', ""
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
		return '-', ""
	case '\u00a0', '\u202f':
		return ' ', ""
	}
	if r < tableEnd || r == 'ẞ' || r >= 0xfb00 && r <= 0xfb06 {
		for _, l := range ligatures {
			for _, f := range l.from {
				if f == r {
					return 0, l.to
				}
			}
		}
	}
	r = unicode.ToLower(r)
	if r >= 0x300 && unicode.Is(unicode.Mn, r) {
		return 0, ""
	}
	var buf [utf8.UTFMax]byte
	d := norm.NFD.Properties(buf[:utf8.EncodeRune(buf[:], r)]).Decomposition()
	if len(d) == 0 {
		return r, ""
	}
	// Only base + marks folds to the base: Hangul syllables decompose
	// into letters (jamo) and stay whole.
	base, n := utf8.DecodeRune(d)
	for _, m := range string(d[n:]) {
		if !unicode.Is(unicode.Mn, m) {
			return r, ""
		}
	}
	if base < utf8.RuneSelf {
		return base, ""
	}
	return foldSlow(base) // "ǣ" is "æ" with a macron, so "ae"
}
