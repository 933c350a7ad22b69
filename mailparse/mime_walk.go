package mailparse

import (
	"bytes"
	"mime"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/emersion/go-message/textproto"
)

// partInfo is what the walker needs to know of one MIME entity's header.
type partInfo struct {
	mediaType   string // lower-case type/subtype, "text/plain" when absent
	params      map[string]string
	disposition string // lower-case, "" when absent
	filename    string // decoded, "" when none
	cid         string
}

func (p *partInfo) isAttachment() bool {
	return p.disposition == "attachment" || p.filename != ""
}

// contentInfo reads Content-Type and Content-Disposition leniently.
func contentInfo(h *textproto.Header) (partInfo, string) {
	var p partInfo
	var warn string
	ct := h.Get("Content-Type")
	p.mediaType, p.params, warn = parseMediaType(ct)
	if p.mediaType == "" || !strings.Contains(p.mediaType, "/") {
		if ct != "" && warn == "" {
			warn = "unreadable Content-Type " + warnValue(ct) + "; read as text/plain"
		}
		p.mediaType = "text/plain"
	}
	if p.mediaType == "text" || p.mediaType == "plain" {
		p.mediaType = "text/plain"
	}
	cd := h.Get("Content-Disposition")
	var dparams map[string]string
	if cd != "" {
		p.disposition, dparams, _ = parseMediaType(cd)
	}
	p.filename = paramName(dparams, "filename")
	if p.filename == "" && strings.Contains(cd, "filename*") {
		// mime.ParseMediaType drops RFC 2231 values in charsets other
		// than UTF-8 and ASCII (filename*=iso-8859-1''r%E9ponse.docx).
		_, raw := looseMediaType(cd)
		p.filename = paramName(raw, "filename")
	}
	if p.filename == "" {
		p.filename = paramName(p.params, "name")
	}
	if p.filename == "" && strings.Contains(ct, "name*") {
		_, raw := looseMediaType(ct)
		p.filename = paramName(raw, "name")
	}
	if ids := msgIDs(h.Get("Content-Id")); len(ids) > 0 {
		p.cid = ids[0]
	}
	return p, warn
}

// parseMediaType is mime.ParseMediaType that keeps whatever it could read:
// the media type and the parameters before a damaged one.
func parseMediaType(v string) (string, map[string]string, string) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", nil, ""
	}
	mt, params, err := mime.ParseMediaType(v)
	if err == nil || (err == mime.ErrInvalidMediaParameter && mt != "") {
		return strings.ToLower(mt), params, ""
	}
	mt, params = looseMediaType(v)
	return mt, params, "damaged Content-Type parameters read leniently"
}

// looseMediaType hand-parses a header value with parameters: the type
// before the first ";", then key=value pairs split on ";", keys kept as
// written (so "filename*0*" survives for paramName).
func looseMediaType(v string) (string, map[string]string) {
	fields := strings.Split(v, ";")
	mt := strings.ToLower(strings.TrimSpace(fields[0]))
	mt = strings.Trim(mt, `"'`)
	if i := strings.IndexAny(mt, " \t"); i >= 0 {
		mt = mt[:i]
	}
	params := map[string]string{}
	for _, f := range fields[1:] {
		k, val, ok := strings.Cut(f, "=")
		if !ok {
			continue
		}
		k = strings.ToLower(strings.TrimSpace(k))
		val = strings.TrimSpace(val)
		val = strings.Trim(val, `"'`)
		if _, dup := params[k]; !dup && k != "" {
			params[k] = val
		}
	}
	return mt, params
}

// paramName returns a file name parameter, RFC 2231 already joined by
// mime.ParseMediaType; RFC 2231 values in charsets Go refuses (filename*=
// iso-8859-1”...) and RFC 2047 words inside quotes (Outlook) are decoded
// here.
func paramName(params map[string]string, key string) string {
	if params == nil {
		return ""
	}
	if v := params[key]; v != "" {
		return strings.TrimSpace(decodeWords(v))
	}
	if v := params[key+"*"]; v != "" {
		return decode2231(v)
	}
	if v := params[key+"*0*"]; v != "" {
		var b strings.Builder
		b.WriteString(v)
		for i := 1; i < 100; i++ {
			n := itoa(i)
			if s, ok := params[key+"*"+n+"*"]; ok {
				b.WriteString(s)
			} else if s, ok := params[key+"*"+n]; ok {
				b.WriteString(s)
			} else {
				break
			}
		}
		return decode2231(b.String())
	}
	return ""
}

// decode2231 decodes charset'lang'percent-encoded text.
func decode2231(v string) string {
	parts := strings.SplitN(v, "'", 3)
	if len(parts) != 3 {
		return v
	}
	b := make([]byte, 0, len(parts[2]))
	s := parts[2]
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
			continue
		}
		b = append(b, s[i])
	}
	out, _ := toUTF8(b, parts[0])
	return out
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// truncate cuts s to at most n bytes, at a rune start, marking the cut.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "..."
}

// entity renders one MIME entity (header h, raw body) into out, listing
// attachments in w.d.
func (w *walker) entity(h *textproto.Header, body []byte, depth int, out *textOut) {
	if w.budget.over("MIME part " + itoa(w.parts+1)) {
		return
	}
	w.parts++
	if w.parts > maxParts {
		if !w.tooMany {
			w.tooMany = true
			w.warn("more than 1000 MIME parts; the rest skipped")
		}
		return
	}
	if depth > w.maxDepth {
		if !w.tooDeep {
			w.tooDeep = true
			w.warn("MIME nesting deeper than the limit; inner parts skipped")
		}
		return
	}
	p, warn := contentInfo(h)
	w.warn(warn)
	switch {
	case strings.HasPrefix(p.mediaType, "multipart/"):
		w.multipart(h, &p, body, depth, out)
	case p.mediaType == "message/rfc822" || p.mediaType == "message/global":
		if b, _, _ := decodeTransfer(body, h.Get("Content-Transfer-Encoding")); p.disposition == "attachment" && p.filename != "" && !looksLikeMessage(b) {
			w.attachment(h, &p, body)
			return
		}
		w.forward(h, &p, body, depth, out)
	case strings.HasSuffix(strings.ToLower(p.filename), ".eml") && (p.mediaType == "application/octet-stream" || strings.HasPrefix(p.mediaType, "message/")):
		// Mail clients attach saved messages with a generic type.
		if b, _, _ := decodeTransfer(body, h.Get("Content-Transfer-Encoding")); looksLikeMessage(b) {
			w.forward(h, &p, body, depth, out)
		} else {
			w.attachment(h, &p, body)
		}
	case p.mediaType == "message/delivery-status", p.mediaType == "message/global-delivery-status",
		p.mediaType == "text/rfc822-headers", p.mediaType == "message/disposition-notification":
		// Machine-readable report parts: the flag on the report says it.
	case p.mediaType == "text/plain" && !p.isAttachment():
		s := w.text(h, &p, body)
		if looksLikeHTML(s) {
			// Some senders (ticket systems, scripts) label HTML as plain.
			w.warn("HTML labelled text/plain; converted")
			out.add(htmlToText(s), true)
			return
		}
		out.add(s, false)
	case p.mediaType == "text/html" && !p.isAttachment():
		out.add(w.html(h, &p, body), true)
	case p.mediaType == "text/enriched" && !p.isAttachment(), p.mediaType == "text/richtext" && !p.isAttachment():
		out.add(w.text(h, &p, body), false)
	default:
		w.attachment(h, &p, body)
	}
}

// looksLikeHTML tells an HTML document by its start.
func looksLikeHTML(s string) bool {
	s = strings.TrimLeft(s, " \t\n")
	if len(s) < 6 || s[0] != '<' {
		return false
	}
	head := strings.ToLower(s[:min(len(s), 14)])
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html")
}

func looksLikeMessage(b []byte) bool {
	hb, _ := splitMessage(b[:min(len(b), 8192)])
	return bytes.IndexByte(hb, ':') > 0
}

// content returns the transfer-decoded bytes of a leaf part.
func (w *walker) content(h *textproto.Header, body []byte) []byte {
	b, warn, cut := decodeTransfer(body, h.Get("Content-Transfer-Encoding"))
	w.warn(warn)
	if cut == cutMid || cut == cutIfLast && w.atEnd(body) {
		w.truncated("encoded part cut in the middle")
	}
	return b
}

// atEnd tells a body that runs to the last byte of the message (only
// bodies that are part of the raw input can: not those of a forwarded
// message that was itself transfer-encoded).
func (w *walker) atEnd(body []byte) bool {
	if len(body) == 0 || len(w.raw) == 0 {
		return false
	}
	// Addresses compared as numbers: a pointer one past the end of an
	// allocation is invalid (checkptr, -race), its address is not.
	end := uintptr(unsafe.Pointer(unsafe.SliceData(body))) + uintptr(len(body))
	return end == uintptr(unsafe.Pointer(unsafe.SliceData(w.raw)))+uintptr(len(w.raw))
}

// truncated records that the input ends early, with what showed it.
func (w *walker) truncated(what string) {
	w.warn("message ends early: " + what)
	w.review(ReasonTruncated)
}

// decodedAnew tells a transfer decoding's output from the part's bytes
// themselves: decodeTransfer returns either body or a buffer of its own.
func decodedAnew(b, body []byte) bool {
	return len(b) > 0 && (len(body) == 0 || unsafe.SliceData(b) != unsafe.SliceData(body))
}

// text returns a text part decoded to UTF-8 with LF line ends.
func (w *walker) text(h *textproto.Header, p *partInfo, body []byte) string {
	b := w.content(h, body)
	conv := toUTF8
	if decodedAnew(b, body) {
		conv = toUTF8Owned
	}
	s, warn := conv(b, p.params["charset"])
	w.warn(warn)
	s = normalizeNewlines(s)
	if strings.EqualFold(p.params["format"], "flowed") {
		s = unflow(s, strings.EqualFold(p.params["delsp"], "yes"))
	}
	return normalizeBullets(s)
}

// html returns an HTML part converted to text.
func (w *walker) html(h *textproto.Header, p *partInfo, body []byte) string {
	return htmlToText(w.htmlSource(h, p, body))
}

// htmlSource returns an HTML part decoded to UTF-8, its charset taken from
// Content-Type or else from its <meta> tag.
func (w *walker) htmlSource(h *textproto.Header, p *partInfo, body []byte) string {
	b := w.content(h, body)
	cs := p.params["charset"]
	if cs == "" {
		cs = metaCharset(b)
	}
	s, warn := toUTF8(b, cs)
	w.warn(warn)
	return s
}
