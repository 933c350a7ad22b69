package mailparse

import (
	"strings"
	"unicode"
)

// faithful tells whether a plain-text alternative says what the HTML says:
// most distinct words of the HTML rendering occur in the plain text. Stub
// plain parts ("This is an HTML message", "Your client does not support
// HTML") and truncated ones fail.
func faithful(plain, html string) bool {
	hw := wordSet(html)
	if len(hw) < 8 {
		return len(strings.TrimSpace(plain)) > 0 && coverage(hw, wordSet(plain)) >= 0.5
	}
	return coverage(hw, wordSet(plain)) >= 0.8
}

func coverage(want, have map[string]struct{}) float64 {
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

// wordSet returns the distinct lower-case words of two letters or more.
func wordSet(s string) map[string]struct{} {
	set := make(map[string]struct{}, len(s)/8)
	start := -1
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			addWord(set, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		addWord(set, s[start:])
	}
	return set
}

func addWord(set map[string]struct{}, w string) {
	if len(w) >= 2 {
		set[strings.ToLower(w)] = struct{}{}
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
		if prevSoft && depth == prevDepth {
			// continuation: nothing to write before it
		} else if i > 0 {
			b.WriteByte('\n')
			if depth > 0 {
				b.WriteString(strings.Repeat(">", depth))
				b.WriteByte(' ')
			}
		} else if depth > 0 {
			b.WriteString(strings.Repeat(">", depth))
			b.WriteByte(' ')
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
