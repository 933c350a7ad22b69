package mailparse

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/emersion/go-message/charset"
	"golang.org/x/text/encoding/charmap"
)

// toUTF8 converts a body in the labelled charset to UTF-8. It never fails:
// mail in the wild is often mislabelled (8-bit Latin text sent as
// "us-ascii", windows-1252 sent as "utf-8", labels nobody knows), so a label
// that does not fit the bytes is overruled and a warning is returned instead.
// The rule for anything doubtful is the one browsers use: valid UTF-8 is
// UTF-8, anything else is windows-1252.
func toUTF8(b []byte, label string) (string, string) {
	return decodeCharset(b, label, false)
}

// toUTF8Owned is toUTF8 for a buffer that transfer decoding has just made
// and nothing else holds or changes: valid UTF-8 (or ASCII) becomes the
// string without a second copy of the text.
func toUTF8Owned(b []byte, label string) (string, string) {
	return decodeCharset(b, label, true)
}

func decodeCharset(b []byte, label string, owned bool) (string, string) {
	str := func(b []byte) string {
		if owned {
			return unsafe.String(unsafe.SliceData(b), len(b))
		}
		return string(b)
	}
	label = normCharset(label)
	switch label {
	case "", "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us", "cp367", "utf-8", "utf8", "unicode-1-1-utf-8":
		if utf8.Valid(b) {
			return str(b), ""
		}
		warn := ""
		if label != "" {
			warn = "text labelled " + warnValue(label) + " is not; read as windows-1252"
		}
		return decodeWindows1252(b), warn
	case "iso-8859-1", "latin1", "latin-1", "l1", "iso8859-1", "iso_8859-1", "windows-1252", "cp1252", "x-cp1252":
		// windows-1252 is a superset of the printable ISO-8859-1 range and
		// is what Windows clients really send under the Latin-1 label.
		if isASCII(b) {
			return str(b), ""
		}
		return decodeWindows1252(b), ""
	}
	if isASCII(b) {
		return str(b), ""
	}
	r, err := charset.Reader(label, bytes.NewReader(b))
	if err != nil {
		return fallbackText(b), "unknown charset " + warnValue(label) + "; read as utf-8 or windows-1252"
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return fallbackText(b), "charset " + warnValue(label) + " could not be decoded; read as utf-8 or windows-1252"
	}
	if bytes.Contains(out, []byte("\uFFFD")) && !bytes.Contains(b, []byte("\uFFFD")) {
		// The label does not fit the bytes (a 7-bit or Asian charset
		// announced over Latin text): read them the browsers' way.
		return fallbackText(b), "text labelled " + warnValue(label) + " is not; read as utf-8 or windows-1252"
	}
	return strings.ToValidUTF8(string(out), "\uFFFD"), ""
}

// fallbackText reads bytes of unknown charset: UTF-8 when valid, else
// windows-1252.
func fallbackText(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return decodeWindows1252(b)
}

func decodeWindows1252(b []byte) string {
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return string(out)
}

func normCharset(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.Trim(s, `"'`)
	return strings.TrimSpace(s)
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// normalizeNewlines turns CRLF and lone CR into LF and drops a leading
// byte-order mark.
func normalizeNewlines(s string) string {
	s = strings.TrimPrefix(s, "\uFEFF")
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
