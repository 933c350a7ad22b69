package followup

import (
	"bytes"
	"mime"
	"net/mail"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Everything put in a draft's header (lab, names, addresses, message IDs)
// comes from mail a stranger wrote. A CR or LF would start a header of
// their choosing (Bcc:), a bidi control would make a terminal or mail
// program show another text, and a megabyte name would make a header no
// server takes. So text is cleaned and bounded, words are RFC 2047
// encoded, addresses are checked and written by net/mail, and message IDs
// keep only the characters a msg-id may hold.

// Length bounds, in runes (names, lab) or bytes (addresses, IDs).
const (
	maxLabLen     = 40
	maxNameLen    = 64
	maxAddrLen    = 254 // RFC 5321's path limit
	maxMsgIDLen   = 250
	maxReferences = 20 // the newest message IDs of a thread are enough to link it
)

// cleanText makes one line of hostile text safe to show and to encode:
// control and format characters (CR, LF, NUL, bidi overrides, zero-width
// joiners) go, runs of blanks become one space, and the result is cut to
// max runes with an ellipsis.
func cleanText(s string, max int) string {
	var b strings.Builder
	space := false
	n := 0
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			continue
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Co, r):
			continue
		}
		if n >= max {
			return strings.TrimSpace(b.String()) + "…"
		}
		if space {
			b.WriteByte(' ')
			n++
			space = false
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// cleanAddress returns a bare address (local@domain) when s holds exactly
// one plain ASCII address, else "". "Name <a@b>" forms are accepted and
// the name dropped.
func cleanAddress(s string) string {
	if len(s) > 2*maxAddrLen || strings.ContainsAny(s, "\r\n") {
		return ""
	}
	a, err := mail.ParseAddress(s)
	if err != nil || len(a.Address) > maxAddrLen || !strings.Contains(a.Address, "@") {
		return ""
	}
	for i := 0; i < len(a.Address); i++ {
		if c := a.Address[i]; c <= ' ' || c >= 0x7f || strings.IndexByte(`<>()[]\,;:"`, c) >= 0 {
			return ""
		}
	}
	return a.Address
}

// formatAddress writes an address header value: the name RFC 2047
// encoded or quoted by net/mail, the address as checked by cleanAddress.
func formatAddress(name, addr string) string {
	a := mail.Address{Name: cleanText(name, maxNameLen), Address: addr}
	return a.String()
}

// cleanMsgID returns a message ID without angle brackets when it is a
// plausible msg-id (printable ASCII, no blanks or specials, bounded),
// else "".
func cleanMsgID(s string) string {
	s = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(s), "<"), ">")
	if s == "" || len(s) > maxMsgIDLen {
		return ""
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c >= 0x7f || strings.IndexByte(`<>()\,;:"[]`, c) >= 0 {
			return ""
		}
	}
	return s
}

// encodeWords RFC 2047-encodes text for an unstructured header (Subject)
// when it is not plain ASCII.
func encodeWords(s string) string {
	return mime.QEncoding.Encode("utf-8", s)
}

// writeHeader writes "Name: value" folded at spaces so that lines stay
// within 78 characters where the value allows it, ending in CRLF.
func writeHeader(b *bytes.Buffer, name, value string) {
	line := name + ":"
	for _, w := range strings.Fields(value) {
		if len(line)+1+len(w) > 78 && len(line) > len(name)+1 {
			b.WriteString(line + "\r\n")
			line = ""
		}
		line += " " + w
	}
	b.WriteString(line + "\r\n")
}
