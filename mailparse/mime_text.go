package mailparse

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// wordHashes is a set of words, each kept as a 64-bit hash of its
// lower-case form so that building the set allocates no strings.
type wordHashes map[uint64]struct{}

// faithful tells whether a plain-text alternative says what the HTML says:
// most distinct words of the HTML occur in the plain text. Stub plain
// parts ("This is an HTML message", "Your client does not support HTML")
// and truncated ones fail.
func faithful(plain string, htmlWords wordHashes) bool {
	have := make(wordHashes, len(htmlWords))
	addWords(have, plain)
	if len(htmlWords) < 8 {
		return strings.TrimSpace(plain) != "" && coverage(htmlWords, have) >= 0.5
	}
	return coverage(htmlWords, have) >= 0.8
}

func coverage(want, have wordHashes) float64 {
	if len(want) == 0 {
		return 1
	}
	n := 0
	for k := range want {
		if _, ok := have[k]; ok {
			n++
		}
	}
	return float64(n) / float64(len(want))
}

// addWords adds the words (runs of letters and digits, two runes or
// more) of s to set.
func addWords(set wordHashes, s string) {
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
			set[h] = struct{}{}
		}
		h, n = offset, 0
	}
	if n >= 2 {
		set[h] = struct{}{}
	}
}

// htmlWordSet collects the words of an HTML document's visible text with
// the tokenizer alone (no tree), which is enough to compare it with a
// plain-text alternative and several times cheaper than converting it.
func htmlWordSet(src string) wordHashes {
	set := make(wordHashes, len(src)/32)
	z := html.NewTokenizer(strings.NewReader(src))
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return set
		case html.TextToken:
			if skip == 0 {
				addWords(set, string(z.Text()))
			}
		case html.StartTagToken:
			name, _ := z.TagName()
			if a := atom.Lookup(name); a == atom.Style || a == atom.Script || a == atom.Title || a == atom.Head {
				skip++
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if a := atom.Lookup(name); (a == atom.Style || a == atom.Script || a == atom.Title || a == atom.Head) && skip > 0 {
				skip--
			}
		}
	}
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
		content := line[depth:]
		if strings.HasPrefix(content, " ") {
			content = content[1:]
		}
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
