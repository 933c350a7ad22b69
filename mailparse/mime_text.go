package mailparse

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// wordHashes is a set of words, each kept as a 64-bit hash of its
// lower-case form so that building the set allocates no strings.
type wordHashes map[uint64]struct{}

// wordCover counts how many of a text's words (occurrences) a plain
// rendering has.
type wordCover struct {
	have         wordHashes
	total, found int
}

func newWordCover(plain string) *wordCover {
	c := &wordCover{have: make(wordHashes, len(plain)/8)}
	eachWord(plain, func(h uint64) { c.have[h] = struct{}{} })
	return c
}

func (c *wordCover) see(h uint64) {
	c.total++
	if _, ok := c.have[h]; ok {
		c.found++
	}
}

// faithful tells whether the plain text says what the other rendering
// says: most of its words occur in the plain text. Stub plain parts ("This
// is an HTML message", "Your client does not support HTML") and truncated
// ones fail.
func (c *wordCover) faithful() bool {
	if c.total < 8 {
		return len(c.have) > 0 && c.found*2 >= c.total
	}
	return c.found*5 >= c.total*4
}

// eachWord calls f with the hash of each word (run of letters and digits,
// two runes or more, lower-cased) of s.
func eachWord(s string, f func(uint64)) {
	const offset, prime = 14695981039346656037, 1099511628211
	h, n := uint64(offset), 0
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		var word bool
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			word = true
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
			word = true
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			r = unicode.ToLower(r)
			word = true
		}
		if word {
			h = (h ^ uint64(r)) * prime
			n++
			continue
		}
		if n >= 2 {
			f(h)
		}
		h, n = offset, 0
	}
	if n >= 2 {
		f(h)
	}
}

// htmlScan is what one pass over an HTML alternative tells.
type htmlScan struct {
	// dataRows counts table rows with two cells or more holding text:
	// a question/answer table, whose rows a plain rendering flattens.
	dataRows int
}

// scanHTML calls word with each word of an HTML document's visible text
// and counts its data rows, with a plain byte scan (tags skipped, style,
// script, title and head contents skipped, entities decoded), which is
// enough to compare it with a plain-text alternative and an order of
// magnitude cheaper than tokenizing or converting it.
func scanHTML(src string, word func(uint64)) htmlScan {
	var sc htmlScan
	textCells, cellText := 0, false
	for i := 0; i < len(src); {
		if src[i] != '<' {
			j := strings.IndexByte(src[i:], '<')
			if j < 0 {
				j = len(src) - i
			}
			t := src[i : i+j]
			if strings.IndexByte(t, '&') >= 0 {
				t = html.UnescapeString(t)
			}
			eachWord(t, word)
			if !cellText && strings.TrimFunc(t, isHTMLSpace) != "" {
				cellText = true
			}
			i += j
			continue
		}
		if strings.HasPrefix(src[i:], "<!--") {
			j := strings.Index(src[i+4:], "-->")
			if j < 0 {
				break
			}
			i += 4 + j + 3
			continue
		}
		j := strings.IndexByte(src[i:], '>')
		if j < 0 {
			break
		}
		tag := src[i+1 : i+j]
		i += j + 1
		closing := strings.HasPrefix(tag, "/")
		if closing {
			tag = tag[1:]
		}
		n := 0
		for n < len(tag) && (tag[n] >= 'a' && tag[n] <= 'z' || tag[n] >= 'A' && tag[n] <= 'Z' || tag[n] >= '0' && tag[n] <= '9') {
			n++
		}
		switch name := strings.ToLower(tag[:n]); name {
		case "style", "script", "title", "head":
			if closing {
				continue
			}
			end := indexFold(src[i:], "</"+name)
			if end < 0 {
				return sc
			}
			i += end
		case "tr":
			if closing && textCells >= 2 {
				sc.dataRows++
			}
			textCells, cellText = 0, false
		case "td", "th":
			if closing && cellText {
				textCells++
			}
			cellText = false
		}
	}
	return sc
}

// indexFold is strings.Index for a lower-case needle, ignoring the case of
// s; a needle that opens with a non-ASCII letter matches only where its
// capital has the same first byte and length ("é" and "É" do). It jumps between occurrences of the needle's first byte (in
// either case) with IndexByte, remembering where the next one of each case
// is, so long text costs one scan however often the byte occurs.
func indexFold(s, lower string) int {
	if lower == "" {
		return 0
	}
	lo, up := lower[0], lower[0]
	if 'a' <= lo && lo <= 'z' {
		up = lo - 'a' + 'A'
	}
	nextLo, nextUp := -2, -2 // next index of lo and up at or after i; -1: none left
	next := func(b byte, at, i int) int {
		if at != -1 && at < i {
			if k := strings.IndexByte(s[i:], b); k >= 0 {
				return i + k
			}
			return -1
		}
		return at
	}
	for i := 0; i+len(lower) <= len(s); {
		nextLo = next(lo, nextLo, i)
		j := nextLo
		if up != lo {
			nextUp = next(up, nextUp, i)
			if nextUp >= 0 && (j < 0 || nextUp < j) {
				j = nextUp
			}
		}
		if j < 0 || j+len(lower) > len(s) {
			return -1
		}
		if strings.EqualFold(s[j:j+len(lower)], lower) {
			return j
		}
		i = j + 1
	}
	return -1
}

// containsAnyFold tells whether s holds one of the lower-case stems in any
// case (see indexFold): the cheap test in front of a (?i) regexp must fold case the
// way the regexp does, or "VOIR SIGNATURE" never reaches it.
func containsAnyFold(s string, lowerStems []string) bool {
	for _, w := range lowerStems {
		if indexFold(s, w) >= 0 {
			return true
		}
	}
	return false
}

// normalizeBullets rewrites the bullets plain-text renderings of lists
// use ("·	item", "•  item", "o	item", "-	item" from Outlook's Symbol,
// Courier and dash bullets) as "- item", the list convention of decoded
// text, and closes the wide gap after list numbers ("1.	item",
// "a)      item") to one space.
func normalizeBullets(s string) string {
	// Lines are rewritten into b only from the first change on: most text
	// has no list to normalise and costs no copy (nor a slice of lines).
	var b strings.Builder
	done := 0 // s[:done] is in b once b is in use
	put := func(start, end int, line string) {
		if b.Cap() == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[done:start])
		b.WriteString(line)
		done = end
	}
	for start := 0; start <= len(s); {
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		l := s[start:end]
		lineStart := start
		start = end + 1
		rest := strings.TrimLeft(l, " \t")
		indent := l[:len(l)-len(rest)]
		r, size := utf8.DecodeRuneInString(rest)
		if size == 0 || size >= len(rest) {
			continue
		}
		if m := listNumberLen(rest); m > 0 {
			body := strings.TrimLeft(rest[m:], " \t\u00a0")
			if gap := rest[m : len(rest)-len(body)]; body != "" && (strings.Contains(gap, "\t") || len(gap) >= 3) {
				put(lineStart, end, indent+rest[:m]+" "+body)
			}
			continue
		}
		after := rest[size:]
		body := strings.TrimLeft(after, " \t\u00a0")
		if body == "" || len(body) == len(after) {
			continue
		}
		gap := after[:len(after)-len(body)]
		switch r {
		case '·', '•', '▪', '◦', '‣', '∙', '●':
		case 'o', '§', 'Ø', '-':
			// Signs that are bullets only with a wide gap.
			if !strings.Contains(gap, "\t") && len(gap) < 2 {
				continue
			}
		default:
			continue
		}
		put(lineStart, end, indent+"- "+body)
	}
	if b.Cap() == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// listNumberLen returns the length of a list number at the start of s
// ("1.", "12)", "a.", "B)"), or 0.
func listNumberLen(s string) int {
	n := 0
	for n < len(s) && n < 3 && (s[n] >= '0' && s[n] <= '9' || s[n] >= 'a' && s[n] <= 'z' || s[n] >= 'A' && s[n] <= 'Z') {
		n++
	}
	if n == 0 || n >= len(s) || (s[n] != '.' && s[n] != ')') {
		return 0
	}
	// Letters are list markers only alone ("a)"), not words ("Dr.").
	if n > 1 && (s[0] < '0' || s[0] > '9') {
		return 0
	}
	return n + 1
}

// unflow joins the soft line breaks of format=flowed text (RFC 3676): a
// line ending in a space continues on the next line of the same quote
// depth. Space-stuffing is removed; the signature separator "-- " is kept.
func unflow(s string, delsp bool) string {
	lines := strings.Split(s, "\n")
	var b strings.Builder
	b.Grow(len(s))
	prevSoft, prevDepth := false, 0
	for i, line := range lines {
		depth := 0
		for depth < len(line) && line[depth] == '>' {
			depth++
		}
		content := strings.TrimPrefix(line[depth:], " ")
		if !(prevSoft && depth == prevDepth) {
			if i > 0 {
				b.WriteByte('\n')
			}
			if depth > 0 {
				b.WriteString(strings.Repeat(">", depth))
				b.WriteByte(' ')
			}
		}
		soft := strings.HasSuffix(content, " ") && content != "-- "
		if soft && delsp {
			content = content[:len(content)-1]
		}
		b.WriteString(content)
		prevSoft, prevDepth = soft, depth
	}
	return b.String()
}
