package store

import (
	"bytes"
	"crypto/sha256"
)

// The same mail read from an mbox, a Maildir and over IMAP rarely has the
// same bytes: mbox has an envelope "From " line and LF line ends (and may
// quote body lines starting with "From "), IMAP servers use CRLF, and
// mail programs add status headers to their copy. Messages with a
// Message-ID are deduplicated by it; contentKey makes the others (and a
// message whose parse failed) match as well: it hashes the message with
// those differences taken out. Record.Hash stays the hash of the exact
// bytes, which Verify checks.

// volatileHeaders are added or changed by mail stores and programs, not by
// the sender. Lower case, with the colon.
var volatileHeaders = [][]byte{
	[]byte("status:"), []byte("x-status:"), []byte("x-keywords:"), []byte("x-uid:"),
	[]byte("x-imap:"), []byte("x-imapbase:"), []byte("content-length:"), []byte("lines:"),
	[]byte("x-mozilla-status:"), []byte("x-mozilla-status2:"), []byte("x-mozilla-keys:"),
	[]byte("return-path:"), []byte("delivered-to:"), []byte("x-original-to:"),
}

// contentKey is the sha256 of raw normalised: no mbox envelope line, LF
// line ends, no volatile header fields, ">From " unquoted, no trailing
// blank lines.
func contentKey(raw []byte) [32]byte {
	h := sha256.New()
	rest := raw
	first, inHeader, skipping := true, true, false
	blanks := 0 // body blank lines not yet written: trailing ones are dropped
	for len(rest) > 0 {
		var line []byte
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			line, rest = rest, nil
		}
		line = bytes.TrimSuffix(line, []byte("\r"))
		if first {
			first = false
			if bytes.HasPrefix(line, []byte("From ")) {
				continue
			}
		}
		if inHeader {
			switch {
			case len(line) == 0:
				inHeader = false
			case line[0] == ' ' || line[0] == '\t':
				if skipping {
					continue
				}
			default:
				if skipping = isVolatile(line); skipping {
					continue
				}
			}
			h.Write(line)
			h.Write([]byte{'\n'})
			continue
		}
		if len(bytes.TrimSpace(line)) == 0 {
			blanks++
			continue
		}
		for ; blanks > 0; blanks-- {
			h.Write([]byte{'\n'})
		}
		if q := bytes.TrimLeft(line, ">"); len(q) < len(line) && bytes.HasPrefix(q, []byte("From ")) {
			line = line[1:] // mboxrd/mboxo quoting of a body line
		}
		h.Write(line)
		h.Write([]byte{'\n'})
	}
	var k [32]byte
	h.Sum(k[:0])
	return k
}

func isVolatile(line []byte) bool {
	for _, v := range volatileHeaders {
		if len(line) >= len(v) && bytes.EqualFold(line[:len(v)], v) {
			return true
		}
	}
	return false
}
