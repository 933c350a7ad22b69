package mailparse

import (
	"bufio"
	"bytes"
	"io"
	"mime"
	"net/mail"
	"strings"
	"unicode/utf8"

	"github.com/emersion/go-message/charset"
	"github.com/emersion/go-message/textproto"
)

// readHeader parses a header block (the bytes before the first empty line).
// go-message's reader refuses the whole header at the first malformed line;
// mail in the wild has such lines (a stray word, a key with a space, a
// folded first line), so on failure the block is cleaned line by line and
// read again, and the second result says so.
func readHeader(block []byte) (textproto.Header, string) {
	h, err := textproto.ReadHeader(headerReader(block))
	if err == nil {
		return h, ""
	}
	clean := sanitizeHeader(block)
	h2, err2 := textproto.ReadHeader(headerReader(clean))
	if err2 != nil && h2.Len() < h.Len() {
		return h, "malformed header: " + warnValue(err.Error())
	}
	return h2, "malformed header lines skipped"
}

// headerReader reads the block followed by the empty line that ends a
// header, so that ReadHeader stops cleanly, through a buffer no larger
// than the block (part headers are a few hundred bytes).
func headerReader(block []byte) *bufio.Reader {
	r := io.MultiReader(bytes.NewReader(block), strings.NewReader("\r\n\r\n"))
	return bufio.NewReaderSize(r, min(len(block)+8, 4096))
}

// sanitizeHeader keeps the lines that are header fields or their
// continuations and drops the rest.
func sanitizeHeader(block []byte) []byte {
	out := make([]byte, 0, len(block))
	inField := false
	for len(block) > 0 {
		line := block
		if i := bytes.IndexByte(block, '\n'); i >= 0 {
			line, block = block[:i], block[i+1:]
		} else {
			block = nil
		}
		line = bytes.TrimRight(line, "\r")
		if len(line) == 0 {
			continue
		}
		if line[0] == ' ' || line[0] == '\t' {
			if inField {
				out = append(out, line...)
				out = append(out, "\r\n"...)
			}
			continue
		}
		i := bytes.IndexByte(line, ':')
		inField = i > 0 && validKey(bytes.TrimRight(line[:i], " \t"))
		if inField {
			out = append(out, line...)
			out = append(out, "\r\n"...)
		}
	}
	return out
}

func validKey(k []byte) bool {
	if len(k) == 0 {
		return false
	}
	for _, c := range k {
		if c <= ' ' || c >= 0x7f || c == ':' {
			return false
		}
	}
	return true
}

// splitMessage cuts raw bytes at the first empty line into header block and
// body. A message with no empty line is all header.
func splitMessage(raw []byte) (header, body []byte) {
	// An empty first line means an empty header.
	if bytes.HasPrefix(raw, []byte("\r\n")) {
		return nil, raw[2:]
	}
	if len(raw) > 0 && raw[0] == '\n' {
		return nil, raw[1:]
	}
	// The first line end followed by an empty line ends the header;
	// scanning line by line stops there instead of searching the whole
	// body for "\n\n" (absent from CRLF mail).
	for i := 0; i < len(raw); {
		j := bytes.IndexByte(raw[i:], '\n')
		if j < 0 {
			break
		}
		e := i + j // a line end
		switch {
		case e+1 < len(raw) && raw[e+1] == '\n':
			return raw[:e+1], raw[e+2:]
		case e+2 < len(raw) && raw[e+1] == '\r' && raw[e+2] == '\n':
			return raw[:e+1], raw[e+3:]
		case e+2 == len(raw) && raw[e+1] == '\r':
			return raw[:e+1], nil
		}
		i = e + 1
	}
	return raw, nil
}

// decodeWords decodes RFC 2047 encoded words in a header value. Unlike
// mime.WordDecoder it joins the bytes of adjacent words of one charset
// before converting them (clients split multi-byte characters across
// words), reads a word's bytes as UTF-8 when they are valid UTF-8 whatever
// the label says, and reads raw 8-bit header bytes as UTF-8 or
// windows-1252. Malformed words are kept as written.
func decodeWords(s string) string {
	if !strings.Contains(s, "=?") {
		if utf8.ValidString(s) {
			return s
		}
		return decodeWindows1252([]byte(s))
	}
	var out strings.Builder
	var pend []byte // decoded bytes of adjacent words in pendCS
	pendCS := ""
	flush := func() {
		if len(pend) > 0 {
			out.WriteString(wordBytesToUTF8(pend, pendCS))
			pend = pend[:0]
		}
	}
	lastWasWord := false
	for len(s) > 0 {
		i := strings.Index(s, "=?")
		if i < 0 {
			flush()
			out.WriteString(fallbackText([]byte(s)))
			break
		}
		cs, enc, text, rest, ok := cutWord(s[i:])
		if !ok {
			flush()
			out.WriteString(fallbackText([]byte(s[:i+2])))
			s = s[i+2:]
			lastWasWord = false
			continue
		}
		between := s[:i]
		if !(lastWasWord && strings.TrimSpace(between) == "") {
			flush()
			out.WriteString(fallbackText([]byte(between)))
		}
		var b []byte
		if enc == 'B' || enc == 'b' {
			b, _, _ = decodeBase64([]byte(text))
		} else {
			b = decodeQWord(text)
		}
		if cs != pendCS {
			flush()
			pendCS = cs
		}
		pend = append(pend, b...)
		lastWasWord = true
		s = rest
	}
	flush()
	return out.String()
}

// cutWord parses "=?charset?e?text?=" at the start of s.
func cutWord(s string) (cs string, enc byte, text, rest string, ok bool) {
	body := s[2:]
	q1 := strings.IndexByte(body, '?')
	if q1 <= 0 || q1+2 >= len(body) || body[q1+2] != '?' {
		return
	}
	enc = body[q1+1]
	if enc != 'B' && enc != 'b' && enc != 'Q' && enc != 'q' {
		return
	}
	cs = normCharset(body[:q1])
	if k := strings.IndexByte(cs, '*'); k >= 0 { // RFC 2231 language suffix
		cs = cs[:k]
	}
	tail := body[q1+3:]
	// An encoded word is at most 75 characters (RFC 2047); looking a
	// little further tolerates long ones without letting a header full of
	// unclosed "=?" cost quadratic time.
	end := strings.Index(tail[:min(len(tail), 2000)], "?=")
	if end < 0 || strings.ContainsAny(tail[:end], " \t\r\n") && enc != 'Q' && enc != 'q' {
		return
	}
	return cs, enc, tail[:end], tail[end+2:], true
}

func decodeQWord(s string) []byte {
	b := []byte(strings.ReplaceAll(s, "_", " "))
	return decodeQP(b)
}

// wordBytesToUTF8 converts the decoded bytes of encoded words. Valid UTF-8
// with multi-byte sequences is taken as UTF-8 even under a Latin label:
// Latin-1 text practically never forms such sequences by chance.
func wordBytesToUTF8(b []byte, cs string) string {
	if utf8.Valid(b) && !isASCII(b) {
		return string(b)
	}
	s, _ := toUTF8(b, cs)
	return s
}

// headerText returns a header field decoded to UTF-8 with folding
// whitespace collapsed.
func headerText(h *textproto.Header, key string) string {
	v := h.Get(key)
	if v == "" {
		return ""
	}
	return collapseSpace(decodeWords(v))
}

func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

var addrParser = mail.AddressParser{WordDecoder: &mime.WordDecoder{CharsetReader: charset.Reader}}

// parseFrom returns the lower-case address and the decoded display name of
// a From field, tolerating what net/mail refuses (unquoted dots and commas
// in names, missing angle brackets, trailing junk).
func parseFrom(v string) (addr, name string) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", ""
	}
	if a, err := addrParser.Parse(v); err == nil {
		name = a.Name
		if strings.Contains(v, "=?") || !utf8.ValidString(name) {
			name = decodeWords(rawDisplayName(v))
		}
		return strings.ToLower(a.Address), cleanName(name)
	}
	if lt := strings.LastIndexByte(v, '<'); lt >= 0 {
		rest := v[lt+1:]
		if gt := strings.IndexByte(rest, '>'); gt >= 0 {
			rest = rest[:gt]
		}
		return strings.ToLower(strings.TrimSpace(rest)), cleanName(decodeWords(v[:lt]))
	}
	for _, f := range strings.Fields(v) {
		if strings.Contains(f, "@") {
			addr = strings.Trim(f, "<>()[]\"',;")
			name = strings.TrimSpace(strings.Replace(v, f, "", 1))
			return strings.ToLower(addr), cleanName(decodeWords(name))
		}
	}
	return "", cleanName(decodeWords(v))
}

func rawDisplayName(v string) string {
	if lt := strings.LastIndexByte(v, '<'); lt >= 0 {
		return v[:lt]
	}
	return v
}

func cleanName(s string) string {
	s = collapseSpace(s)
	s = strings.Trim(s, `"' `)
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	return s
}

// msgIDs extracts message identifiers from Message-ID, In-Reply-To or
// References: the contents of each <...>, or bare tokens with an "@" when a
// client left the brackets out.
func msgIDs(v string) []string {
	var ids []string
	s := v
	for {
		lt := strings.IndexByte(s, '<')
		if lt < 0 {
			break
		}
		gt := strings.IndexByte(s[lt:], '>')
		if gt < 0 {
			break
		}
		if id := strings.TrimSpace(s[lt+1 : lt+gt]); id != "" && !strings.ContainsAny(id, " \t") {
			ids = append(ids, id)
		}
		s = s[lt+gt+1:]
	}
	if len(ids) > 0 {
		return ids
	}
	for _, f := range strings.FieldsFunc(v, func(r rune) bool { return r == ' ' || r == '\t' || r == ',' || r == '\r' || r == '\n' }) {
		if strings.Contains(f, "@") {
			ids = append(ids, strings.Trim(f, "<>\"'"))
		}
	}
	return ids
}
