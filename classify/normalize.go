package classify

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The tagger and the downtime reader work on a normalised copy of the text:
// lower case, accents folded (so "réseau", "reseau" and "RÉSEAU" are one
// word, and "Schulung"/"Schülung" typos too), words of letters and digits
// separated by single spaces, with every word knowing its clause (split at
// sentence punctuation, line ends, bullets and words like "mais", "but") and
// its comma segment. Negation never reaches across a clause.

// token is one word of the normalised text.
type token struct {
	start, end int32 // byte offsets in doc.norm
	clause     int32 // clause number, rising through the text
	seg        int32 // comma segment number, rising; a clause break is one too
}

// doc is a text prepared for matching.
type doc struct {
	norm   string  // " w1 w2 w3 ": words separated and surrounded by one space
	toks   []token // the words of norm, in order
	tokAt  []int32 // tokAt[i] is the token covering byte i of norm (-1 for spaces)
	clause int32
}

func (d *doc) word(i int) string { return d.norm[d.toks[i].start:d.toks[i].end] }

// clauseBreakers are words that start a new clause: what follows a "but"
// is not negated by what came before it.
var clauseBreakers = map[string]bool{
	"mais": true, "cependant": true, "toutefois": true, "neanmoins": true, "tandis": true,
	"maar": true, "echter": true, "terwijl": true, "doch": true,
	"aber": true, "jedoch": true, "wahrend": true, "sondern": true,
	"but": true, "however": true, "whereas": true, "while": true,
}

// fold lower-cases r and strips its diacritics; it returns 0 for runes that
// are not part of a word and a two-letter string for ligatures.
func fold(r rune) (rune, string) {
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'À', 'Á', 'Â', 'Ã', 'Ä', 'Å':
		return 'a', ""
	case 'ç', 'Ç':
		return 'c', ""
	case 'è', 'é', 'ê', 'ë', 'È', 'É', 'Ê', 'Ë':
		return 'e', ""
	case 'ì', 'í', 'î', 'ï', 'Ì', 'Í', 'Î', 'Ï':
		return 'i', ""
	case 'ñ', 'Ñ':
		return 'n', ""
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'Ò', 'Ó', 'Ô', 'Õ', 'Ö', 'Ø':
		return 'o', ""
	case 'ù', 'ú', 'û', 'ü', 'Ù', 'Ú', 'Û', 'Ü':
		return 'u', ""
	case 'ý', 'ÿ', 'Ý':
		return 'y', ""
	case 'ß':
		return 0, "ss"
	case 'œ', 'Œ':
		return 0, "oe"
	case 'æ', 'Æ':
		return 0, "ae"
	}
	if r < utf8.RuneSelf {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r, ""
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A', ""
		}
		return -1, ""
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return unicode.ToLower(r), ""
	}
	return -1, ""
}

// breakKind says what a non-word rune does: 2 ends a clause, 1 ends a
// comma segment, 0 only separates words.
func breakKind(text string, i int, r rune) int {
	switch r {
	case ';', '!', '?', '\n', '•', '·', '–', '—', '|':
		return 2
	case '.', ':':
		// "1.200", "09:30", "o.a." do not end clauses; ". " and ": " do.
		if i+1 >= len(text) {
			return 2
		}
		next := text[i+1]
		if next == ' ' || next == '\t' || next == '\r' || next == '\n' || next == '"' || next == ')' {
			return 2
		}
		return 0
	case '-', '*':
		// A dash or star after a line break or space-separated is a bullet.
		if i+1 < len(text) && text[i+1] == ' ' && (i == 0 || text[i-1] == ' ' || text[i-1] == '\n') {
			return 2
		}
		return 0
	case ',', '(', ')', '/':
		return 1
	}
	return 0
}

// newDoc normalises text for matching.
func newDoc(text string) *doc {
	d := &doc{}
	var b strings.Builder
	b.Grow(len(text) + 2)
	b.WriteByte(' ')
	d.toks = make([]token, 0, len(text)/5)
	inWord := false
	var clause, seg int32
	pendingClause, pendingSeg := false, false
	var cur token
	closeWord := func() {
		if !inWord {
			return
		}
		cur.end = int32(b.Len())
		inWord = false
		if cur.end == cur.start {
			return
		}
		w := b.String()[cur.start:cur.end]
		if clauseBreakers[w] {
			clause++
			seg++
			cur.clause, cur.seg = clause, seg
		}
		d.toks = append(d.toks, cur)
		b.WriteByte(' ')
	}
	for i, r := range text {
		// English contractions: "wasn't" -> "was not".
		if (r == '\'' || r == '’') && inWord && i+1 < len(text) && text[i+1] == 't' &&
			(i+2 == len(text) || !isASCIILetter(text[i+2])) && strings.HasSuffix(b.String(), "n") {
			s := b.String()
			b.Reset()
			b.WriteString(s[:len(s)-1])
			closeWord()
			b.WriteString("not")
			cur = token{start: int32(b.Len() - 3), clause: clause, seg: seg}
			inWord = true
			closeWord()
			continue
		}
		f, lig := fold(r)
		if f > 0 || lig != "" {
			if !inWord {
				if pendingClause {
					clause++
					seg++
				} else if pendingSeg {
					seg++
				}
				pendingClause, pendingSeg = false, false
				cur = token{start: int32(b.Len()), clause: clause, seg: seg}
				inWord = true
			}
			if lig != "" {
				b.WriteString(lig)
			} else {
				b.WriteRune(f)
			}
			continue
		}
		// "niet-dringende", "non-conformité": a negating prefix, not a negation.
		if r == '-' && inWord && i+1 < len(text) && isASCIILetter(text[i+1]) {
			switch b.String()[cur.start:] {
			case "non", "niet", "nicht", "not", "un", "in":
				continue
			}
		}
		closeWord()
		switch breakKind(text, i, r) {
		case 2:
			pendingClause = true
		case 1:
			pendingSeg = true
		}
	}
	closeWord()
	if b.Len() == 1 {
		b.WriteByte(' ')
	}
	d.norm = b.String()
	d.clause = clause
	d.tokAt = make([]int32, len(d.norm))
	for i := range d.tokAt {
		d.tokAt[i] = -1
	}
	for ti, t := range d.toks {
		for p := t.start; p < t.end; p++ {
			d.tokAt[p] = int32(ti)
		}
	}
	return d
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// normPattern folds a vocabulary pattern the way newDoc folds text, keeping
// the pattern syntax characters (* | & and spaces).
func normPattern(p string) string {
	var b strings.Builder
	for _, r := range p {
		switch r {
		case '*', '|', '&', ' ', '(', ')':
			b.WriteRune(r)
			continue
		case '-', '\'', '’':
			b.WriteByte(' ')
			continue
		}
		f, lig := fold(r)
		switch {
		case lig != "":
			b.WriteString(lig)
		case f > 0:
			b.WriteRune(f)
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
