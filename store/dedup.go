package store

import (
	"bytes"
	"crypto/sha256"
	"hash"
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
	c, _ := digest(raw, false)
	return c
}

// senderKey decides whether two messages with the same Message-ID are one
// message (issue 8: a Message-ID is chosen by the sender's software, and
// two labs' replies may carry the same one, e.g. "<1@localhost>"). It hashes
// what the sender wrote and no mail store or transport changes: the
// header fields of senderHeaders (unfolded, blanks trimmed) and the body
// normalised as contentKey does. Received, Return-Path, X- fields added on
// the way or by the server, and line ends do not count, so the same mail
// read over IMAP and from an mbox export still matches.
func senderKey(raw []byte) [32]byte {
	_, s := digest(raw, true)
	return s
}

// senderHeaders are the fields senderKey hashes. Lower case, with the colon.
var senderHeaders = [][]byte{
	[]byte("from:"), []byte("to:"), []byte("cc:"), []byte("subject:"), []byte("date:"),
}

func digest(raw []byte, withSender bool) (content, sender [32]byte) {
	h := sha256.New()
	var sh hash.Hash
	if withSender {
		sh = sha256.New()
	}
	rest := raw
	first, inHeader, skipping, senderField := true, true, false, false
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
				if sh != nil {
					sh.Write([]byte{'\n', '\n'})
				}
			case line[0] == ' ' || line[0] == '\t':
				if sh != nil && senderField {
					sh.Write([]byte{' '})
					sh.Write(bytes.TrimSpace(line))
				}
				if skipping {
					continue
				}
			default:
				if sh != nil {
					if senderField = hasFieldName(line, senderHeaders); senderField {
						name, value, _ := bytes.Cut(line, []byte(":"))
						sh.Write([]byte{'\n'})
						sh.Write(bytes.ToLower(name))
						sh.Write([]byte{':'})
						sh.Write(bytes.TrimSpace(value))
					}
				}
				if skipping = hasFieldName(line, volatileHeaders); skipping {
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
			if sh != nil {
				sh.Write([]byte{'\n'})
			}
		}
		if q := bytes.TrimLeft(line, ">"); len(q) < len(line) && bytes.HasPrefix(q, []byte("From ")) {
			line = line[1:] // mboxrd/mboxo quoting of a body line
		}
		h.Write(line)
		h.Write([]byte{'\n'})
		if sh != nil {
			sh.Write(line)
			sh.Write([]byte{'\n'})
		}
	}
	h.Sum(content[:0])
	if sh != nil {
		sh.Sum(sender[:0])
	}
	return content, sender
}

// hasFieldName tells whether the header line starts one of the fields
// names (lower case, with the colon).
func hasFieldName(line []byte, names [][]byte) bool {
	for _, v := range names {
		if len(line) >= len(v) && bytes.EqualFold(line[:len(v)], v) {
			return true
		}
	}
	return false
}
