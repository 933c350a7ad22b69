package main

import (
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mail text is written by strangers. Printed raw, an ESC starts a terminal
// control sequence (clear the screen, set the window title, on some
// terminals write to the clipboard), a C1 byte does the same on terminals
// that read 8-bit controls, and a bidi override makes a line read in
// another order than it is stored. Everything the commands print for people
// goes through termSafe (or termLine, for one-line cells and messages);
// JSON output keeps the text as it is (the encoder escapes what JSON must).

// termSafe returns s with every character a terminal could act on escaped
// in Go notation (ESC becomes \x1b, U+202E becomes \u202e, an invalid byte
// \xNN): C0 controls but newline and tab, DEL, C1 controls and the bidi
// formatting characters. A CR before a newline is dropped.
func termSafe(s string) string {
	if !needsEscape(s) {
		return s
	}
	return escapeControls(s)
}

// termLine is termSafe for one line (a table cell, an error message):
// newlines, tabs and other white space become single spaces as well.
func termLine(s string) string {
	return termSafe(strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " "))
}

func needsEscape(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			for _, r := range s[i:] {
				if r == utf8.RuneError || unsafeRune(r) {
					return true
				}
			}
			return false
		}
	}
	return false
}

// unsafeRune reports whether a terminal could act on r (newline and tab
// are left to the caller).
func unsafeRune(r rune) bool {
	if r == '\n' || r == '\t' {
		return false
	}
	return unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029'
}

func escapeControls(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			b.WriteString(`\x`)
			b.WriteString(hex2(s[i]))
		case r == '\r' && strings.HasPrefix(s[i+1:], "\n"):
			// CRLF: the newline follows.
		case unsafeRune(r):
			q := strconv.QuoteRuneToASCII(r) // '\x1b', '\u202e'
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func hex2(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&15]})
}

// termWriter passes what is written through termSafe. Each Write must hold
// whole characters, as every fmt.Fprint call does: put it above a
// bufio.Writer, never below one.
type termWriter struct{ w io.Writer }

func (t termWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(t.w, termSafe(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}
