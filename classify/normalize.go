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
	sent       int32 // sentence number: clauses split only by punctuation
}

// doc is a text prepared for matching.
type doc struct {
	norm   string  // " w1 w2 w3 ": words separated and surrounded by one space
	toks   []token // the words of norm, in order
	clause int32
	steps  int // work done reading the doc, for the scaling test
}

func (d *doc) word(i int) string { return d.norm[d.toks[i].start:d.toks[i].end] }

// tokenAt returns the token covering byte p of norm, or -1 for a space.
// Matches arrive in text order, so the search starts from the last answer.
func (d *doc) tokenAt(p int, hint int) int {
	i := max(hint, 0)
	for i < len(d.toks) && int(d.toks[i].end) <= p {
		i++
	}
	for i > 0 && int(d.toks[i].start) > p {
		i--
	}
	if i >= len(d.toks) || int(d.toks[i].start) > p || int(d.toks[i].end) <= p {
		return -1
	}
	return i
}

// isClauseBreaker says whether w starts a new clause: what follows a "but"
// is not negated by what came before it. (A switch is cheaper than a map
// for a check made on every word.)
func isClauseBreaker(w []byte) bool {
	switch string(w) {
	case "mais", "cependant", "toutefois", "neanmoins", "tandis",
		"maar", "echter", "terwijl", "doch",
		"aber", "jedoch", "wahrend", "sondern",
		"but", "however", "whereas", "while":
		return true
	}
	return false
}

// articles after a comma start a new clause: in "le réseau était coupé,
// les automates ont continué" the second half has its own subject.
func isArticle(w []byte) bool {
	switch string(w) {
	case "le", "la", "les", "l", "de", "het", "der", "die", "das", "the", "un", "une", "een", "ein", "eine":
		return true
	}
	return false
}

// wordRune folds r as Fold does when r belongs to a word (a letter or a
// digit); it returns -1 for runes that separate words, 0 with the letters
// of a ligature, and 0 with "" for combining marks, which belong to the
// word but fold to nothing.
func wordRune(r rune) (rune, string) {
	if r < utf8.RuneSelf {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r, ""
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A', ""
		}
		return -1, ""
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
		return foldRune(r)
	}
	return -1, ""
}

// breakKind says what a non-word rune does: 2 ends a clause, 1 ends a
// comma segment, 0 only separates words.
func breakKind(text string, i int, r rune) int {
	switch r {
	case ';', '!', '?', '\n', '•', '·', '–', '—', '|':
		return 2
	case ':':
		// "Messagerie : non concernée" is one statement; "09:30" no break.
		return 1
	case '.':
		// "1.200", "o.a." do not end clauses; ". " does.
		if i+1 >= len(text) {
			return 2
		}
		// Dotted abbreviations ("o.a.", "z.B.", "e.g.", "p.ex.") are not
		// sentence ends: short letter runs joined by dots.
		if j := i - 1; j >= 0 && isASCIILetter(text[j]) {
			for j > 0 && i-j < 3 && isASCIILetter(text[j-1]) {
				j--
			}
			k := j - 1 // the inner dot; the part before it is short too ("labo.be." ends)
			for k > 0 && j-k <= 4 && isASCIILetter(text[k-1]) {
				k--
			}
			if j >= 2 && text[j-1] == '.' && j-1-k >= 1 && j-1-k <= 3 && (k == 0 || !isASCIILetter(text[k-1])) {
				return 0
			}
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
	buf := make([]byte, 1, len(text)+8)
	buf[0] = ' '
	d.toks = make([]token, 0, len(text)/5)
	inWord := false
	var clause, seg, sent int32
	pendingClause, pendingSeg := false, false
	afterComma := false // the last separator was a comma
	var cur token
	closeWord := func() {
		if !inWord {
			return
		}
		cur.end = int32(len(buf))
		inWord = false
		if cur.end == cur.start {
			return
		}
		w := buf[cur.start:cur.end]
		if isClauseBreaker(w) || afterComma && isArticle(w) {
			clause++
			seg++
			cur.clause, cur.seg = clause, seg
		}
		d.toks = append(d.toks, cur)
		buf = append(buf, ' ')
		afterComma = false
	}
	for i := 0; i < len(text); {
		// Fast path: ASCII letters and digits inside a word.
		if c := asciiWord[text[i]]; c != 0 && inWord {
			buf = append(buf, c)
			i++
			continue
		}
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		next := i + size
		// English contractions: "wasn't" -> "was not".
		if (r == '\'' || r == '’') && inWord && next < len(text) && text[next] == 't' &&
			(next+1 == len(text) || !isASCIILetter(text[next+1])) && buf[len(buf)-1] == 'n' {
			buf = buf[:len(buf)-1]
			closeWord()
			cur = token{start: int32(len(buf)), clause: clause, seg: seg, sent: sent}
			buf = append(buf, "not"...)
			inWord = true
			closeWord()
			i = next + 1
			continue
		}
		f, lig := wordRune(r)
		if f == 0 && lig == "" && inWord {
			i = next // a combining accent: "re\u0301seau" is "reseau"
			continue
		}
		if f > 0 || lig != "" {
			if !inWord {
				if pendingClause {
					clause++
					seg++
					sent++
				} else if pendingSeg {
					seg++
				}
				pendingClause, pendingSeg = false, false
				cur = token{start: int32(len(buf)), clause: clause, seg: seg, sent: sent}
				inWord = true
			}
			if lig != "" {
				buf = append(buf, lig...)
			} else {
				buf = utf8.AppendRune(buf, f)
			}
			i = next
			continue
		}
		// "niet-dringende", "non-conformité": a negating prefix, not a negation.
		if r == '-' && inWord && next < len(text) && isASCIILetter(text[next]) {
			switch string(buf[cur.start:]) {
			case "non", "niet", "nicht", "not", "un", "in":
				i = next
				continue
			}
		}
		closeWord()
		switch breakKind(text, i, r) {
		case 2:
			pendingClause = true
		case 1:
			pendingSeg = true
			afterComma = r == ','
		}
		i = next
	}
	closeWord()
	if len(buf) == 1 {
		buf = append(buf, ' ')
	}
	d.norm = string(buf)
	d.clause = clause
	return d
}

// asciiWord maps ASCII letters and digits to their folded form, others to 0.
var asciiWord = func() (t [256]byte) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = byte(c)
		t[c-'a'+'A'] = byte(c)
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c)
	}
	return t
}()

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
		f, lig := wordRune(r)
		switch {
		case lig != "":
			b.WriteString(lig)
		case f > 0:
			b.WriteRune(f)
		case f == 0:
			// a combining accent: dropped
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
