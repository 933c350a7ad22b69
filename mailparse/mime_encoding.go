package mailparse

import (
	"bytes"
	"encoding/base64"
	"strings"
)

// decodeTransfer undoes a Content-Transfer-Encoding. It is lenient on
// purpose: base64 with junk, missing or extra padding and quoted-printable
// with stray "=" signs are decoded as far as they make sense rather than
// refused, and the second result says what was worked around. It returns
// b itself or a new buffer of its own, never part of b (decodedAnew relies
// on it). The third result says whether the encoded text ends early.
func decodeTransfer(b []byte, enc string) ([]byte, string, cutState) {
	enc = strings.ToLower(strings.TrimSpace(enc))
	switch enc {
	case "", "7bit", "8bit", "binary", "7-bit", "8-bit":
		return b, "", notCut
	case "quoted-printable", "quoted_printable", "qp":
		return decodeQP(b), "", qpCut(b)
	case "base64", "base-64":
		return decodeBase64(b)
	}
	if strings.Contains(enc, "base64") {
		return decodeBase64(b)
	}
	if strings.Contains(enc, "quoted") {
		return decodeQP(b), "", qpCut(b)
	}
	return b, "unknown transfer encoding " + warnValue(enc) + "; read as is", notCut
}

// cutState tells how an encoded body ends: whole, cut in the middle of an
// encoded unit (a base64 quantum, a "=XX" escape), or on a soft line break
// "=" with nothing after it, which is a cut only when the body is the end
// of the input (before a boundary it is a client's last soft break).
type cutState uint8

const (
	notCut cutState = iota
	cutMid
	cutIfLast
)

// qpCut reads the end of a quoted-printable body.
func qpCut(b []byte) cutState {
	b = bytes.TrimRight(b, " \t")
	switch n := len(b); {
	case n >= 2 && b[n-2] == '=' && isHex(b[n-1]):
		return cutMid
	case n >= 1 && b[n-1] == '=':
		return cutIfLast
	}
	return notCut
}

// decodeBase64 keeps only base64 alphabet bytes (URL-safe ones mapped) and
// decodes them without padding, dropping a dangling final sextet. Padding
// followed by more data (base64 blocks pasted one after the other) starts
// a new block. A last block with no padding that stops inside a quantum
// is reported cut (cutMid).
func decodeBase64(b []byte) ([]byte, string, cutState) {
	// Fast path: well-formed base64 (line breaks are ignored by Decode).
	out := make([]byte, base64.StdEncoding.DecodedLen(len(b)))
	if n, err := base64.StdEncoding.Decode(out, b); err == nil {
		return out[:n], "", notCut
	}
	out = out[:0]
	seg := make([]byte, 0, len(b))
	junk, padded := false, false
	for _, c := range b {
		switch {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '+', c == '/', c == '-', c == '_':
			if padded {
				out, junk = appendBase64(out, seg, junk)
				seg = seg[:0]
				padded = false
			}
			switch c {
			case '-':
				c = '+'
			case '_':
				c = '/'
			}
			seg = append(seg, c)
		case c == '=':
			padded = true
		case c == ' ', c == '\t', c == '\r', c == '\n':
		default:
			junk = true
		}
	}
	cut := notCut
	if !padded && len(seg)%4 != 0 {
		cut = cutMid
	}
	out, junk = appendBase64(out, seg, junk)
	if junk {
		return out, "damaged base64 decoded as far as possible", cut
	}
	return out, "", cut
}

func appendBase64(out, seg []byte, junk bool) ([]byte, bool) {
	if len(seg)%4 == 1 {
		seg = seg[:len(seg)-1]
		junk = true
	}
	n0 := len(out)
	out = append(out, make([]byte, base64.RawStdEncoding.DecodedLen(len(seg)))...)
	n, err := base64.RawStdEncoding.Decode(out[n0:], seg)
	if err != nil {
		junk = true
	}
	return out[:n0+n], junk
}

// decodeQP decodes quoted-printable: "=XX" escapes, soft line breaks
// ("=" at end of line, with trailing blanks tolerated); an "=" that starts
// neither is kept as written, as mail readers do.
func decodeQP(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c != '=' {
			j := bytes.IndexByte(b[i:], '=')
			if j < 0 {
				j = len(b) - i
			}
			out = append(out, b[i:i+j]...)
			i += j - 1
			continue
		}
		if i+2 < len(b) && isHex(b[i+1]) && isHex(b[i+2]) {
			out = append(out, unhex(b[i+1])<<4|unhex(b[i+2]))
			i += 2
			continue
		}
		// Soft line break: "=" then optional blanks then end of line.
		j := i + 1
		for j < len(b) && (b[j] == ' ' || b[j] == '\t') {
			j++
		}
		if j == len(b) {
			i = j
			continue
		}
		if b[j] == '\n' {
			i = j
			continue
		}
		if b[j] == '\r' {
			if j+1 < len(b) && b[j+1] == '\n' {
				j++
			}
			i = j
			continue
		}
		out = append(out, c)
	}
	return out
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'F' || c >= 'a' && c <= 'f'
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10
	default:
		return c - 'a' + 10
	}
}
