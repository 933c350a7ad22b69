package mailparse

import (
	"bytes"
	"strings"

	"github.com/emersion/go-message/textproto"
)

// rawPart is one body part of a multipart entity, not yet decoded.
type rawPart struct {
	header textproto.Header
	body   []byte
}

// splitMultipart cuts a multipart body at its boundary lines. It is done on
// the bytes already in memory rather than with a streaming reader so that a
// damaged part header, a missing close delimiter or trailing junk affect
// only the part they are in. The bool result is false when the boundary
// never occurs.
func (w *walker) splitMultipart(body []byte, boundary string) ([]rawPart, bool) {
	delim := []byte("--" + boundary)
	var starts, ends []int // body start of each part, and where it ends
	closed := false
	pos := 0
	for pos < len(body) {
		i := bytes.Index(body[pos:], delim)
		if i < 0 {
			break
		}
		i += pos
		pos = i + len(delim)
		if i > 0 && body[i-1] != '\n' {
			continue // not at the start of a line
		}
		rest := body[pos:]
		eol := bytes.IndexByte(rest, '\n')
		line := rest
		if eol >= 0 {
			line = rest[:eol]
		}
		isClose := bytes.HasPrefix(line, []byte("--"))
		if isClose {
			line = line[2:]
		}
		if len(bytes.TrimSpace(line)) != 0 {
			continue // a longer boundary that starts with ours
		}
		// The line break before the delimiter belongs to it.
		end := i
		if end > 0 && body[end-1] == '\n' {
			end--
			if end > 0 && body[end-1] == '\r' {
				end--
			}
		}
		if len(starts) > len(ends) {
			ends = append(ends, end)
		}
		if isClose {
			closed = true
			break
		}
		if eol < 0 {
			pos = len(body)
		} else {
			pos += eol + 1
		}
		starts = append(starts, pos)
		if len(starts) > maxParts {
			break
		}
	}
	if len(starts) == 0 {
		return nil, false
	}
	if len(starts) > len(ends) {
		ends = append(ends, len(body))
		switch {
		case !closed && w.atEnd(body):
			w.truncated("multipart without its closing boundary")
		case !closed:
			w.warn("multipart without its closing boundary")
		}
	}
	parts := make([]rawPart, 0, len(starts))
	for k, s := range starts {
		e := ends[k]
		if e < s {
			e = s
		}
		hb, b := splitMessage(body[s:e])
		h, warn := readHeader(hb)
		w.warn(warn)
		parts = append(parts, rawPart{header: h, body: b})
	}
	return parts, true
}

// guessBoundary finds a boundary when the declared one is missing or wrong:
// the first line that starts with "--" and looks like a delimiter.
func guessBoundary(body []byte) string {
	for len(body) > 0 {
		line := body
		if i := bytes.IndexByte(body, '\n'); i >= 0 {
			line, body = body[:i], body[i+1:]
		} else {
			body = nil
		}
		line = bytes.TrimRight(line, " \t\r")
		if len(line) > 4 && len(line) < 200 && line[0] == '-' && line[1] == '-' && !bytes.ContainsAny(line, " \t") {
			b := string(line[2:])
			return strings.TrimSuffix(b, "--")
		}
	}
	return ""
}

func (w *walker) multipart(h *textproto.Header, p *partInfo, body []byte, depth int, out *textOut) {
	boundary := p.params["boundary"]
	var parts []rawPart
	ok := false
	if boundary != "" {
		parts, ok = w.splitMultipart(body, boundary)
	}
	if !ok {
		if g := guessBoundary(body); g != "" && g != boundary {
			parts, ok = w.splitMultipart(body, g)
			if ok {
				w.warn("multipart boundary missing or wrong; guessed from the body")
			}
		}
	}
	if !ok {
		w.warn("multipart without parts; body read as text")
		tp := partInfo{mediaType: "text/plain"}
		out.add(w.text(h, &tp, body), false)
		return
	}
	sub := p.mediaType[len("multipart/"):]
	switch sub {
	case "alternative":
		w.alternative(parts, depth, out)
	case "related":
		w.related(p, parts, depth, out)
	default:
		if sub == "report" && strings.EqualFold(p.params["report-type"], "delivery-status") {
			w.d.DeliveryStatus = true
		}
		for i := range parts {
			if sub == "signed" && i > 0 && isSignature(&parts[i].header) {
				continue
			}
			w.entity(&parts[i].header, parts[i].body, depth+1, out)
		}
	}
}

func isSignature(h *textproto.Header) bool {
	mt, _, _ := parseMediaType(h.Get("Content-Type"))
	return strings.HasSuffix(mt, "signature") || strings.HasSuffix(mt, "pkcs7-signature")
}

// related renders the root part (the "start" one, else the first) and the
// other parts: resources the HTML shows inline (an image with a
// Content-ID and no attachment disposition) are not user attachments and
// are not listed; anything else is handled as in multipart/mixed.
func (w *walker) related(p *partInfo, parts []rawPart, depth int, out *textOut) {
	root := 0
	if start := strings.Trim(p.params["start"], "<> "); start != "" {
		for i := range parts {
			if ids := msgIDs(parts[i].header.Get("Content-Id")); len(ids) > 0 && ids[0] == start {
				root = i
				break
			}
		}
	}
	w.entity(&parts[root].header, parts[root].body, depth+1, out)
	for i := range parts {
		if i == root {
			continue
		}
		ci, _ := contentInfo(&parts[i].header)
		if ci.cid != "" && ci.disposition != "attachment" && !strings.HasPrefix(ci.mediaType, "text/") {
			w.parts++
			continue
		}
		w.entity(&parts[i].header, parts[i].body, depth+1, out)
	}
}

// alternative picks one rendering: the plain text when it says what the
// HTML says, else the HTML converted to text. The HTML is only converted
// when it is used; the comparison reads its words with the tokenizer.
// Parts that are neither (calendar, a nested related) are rendered when no
// text was chosen.
func (w *walker) alternative(parts []rawPart, depth int, out *textOut) {
	var plain, rendered *textOut
	var other []*textOut
	htmlSrc, haveHTML := "", false
	for i := range parts {
		h := &parts[i].header
		ci, _ := contentInfo(h)
		if ci.mediaType == "text/html" && !ci.isAttachment() && !haveHTML {
			w.parts++
			htmlSrc, haveHTML = w.htmlSource(h, &ci, parts[i].body), true
			continue
		}
		o := &textOut{}
		w.entity(h, parts[i].body, depth+1, o)
		if len(o.parts) == 0 && len(o.forwards) == 0 {
			continue
		}
		switch {
		case o.html:
			rendered = o
		case plain == nil:
			plain = o
		default:
			other = append(other, o)
		}
	}
	if haveHTML {
		// A plain rendering flattens question/answer tables into one
		// cell per line; the HTML keeps them as rows.
		var cover *wordCover
		see := func(uint64) {}
		if plain != nil {
			cover = newWordCover(plain.text())
			see = cover.see
		}
		sc := scanHTML(htmlSrc, see)
		if plain != nil && sc.dataRows < 2 && cover.faithful() {
			rendered = nil
		} else if t := htmlToText(htmlSrc); strings.TrimSpace(t) != "" {
			rendered = &textOut{parts: []string{t}, html: true}
		}
	}
	var chosen *textOut
	switch {
	case plain != nil && rendered != nil:
		if rendered.html && !haveHTML && faithfulText(plain.text(), rendered.text()) {
			chosen = plain
		} else {
			chosen = rendered
			if !faithfulText(plain.text(), rendered.text()) {
				w.warn("plain-text alternative does not match the HTML; HTML used")
			}
		}
	case plain != nil:
		chosen = plain
	case rendered != nil:
		chosen = rendered
	case len(other) > 0:
		chosen = other[0]
	}
	if chosen == nil {
		return
	}
	for _, s := range chosen.parts {
		out.add(s, chosen.html)
	}
	out.forwards = append(out.forwards, chosen.forwards...)
}

// faithfulText compares a plain part with an HTML rendering already made
// (an HTML part nested in multipart/related).
func faithfulText(plain, htmlText string) bool {
	c := newWordCover(plain)
	eachWord(htmlText, c.see)
	return c.faithful()
}
