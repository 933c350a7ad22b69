package mailparse

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/emersion/go-message"
	"github.com/emersion/go-message/mail"
	"github.com/emersion/go-message/textproto"
)

const (
	defaultMaxSize  = 50 << 20
	defaultMaxDepth = 20
	// maxParts bounds the MIME parts walked in one message, so that a
	// message of a million empty parts costs no more than a normal one.
	maxParts = 1000
	// maxWarnings keeps a damaged message from flooding its Result.
	maxWarnings = 20
	// maxText bounds the text handed to the reading side (body, and each
	// attachment text): a real reply with the whole letter quoted is tens
	// of kilobytes, and reading is not linear in the text size.
	maxText = 256 << 10
	// maxWarnValue bounds, in bytes, each attacker-supplied string a
	// warning repeats (a charset name, a file name, a header value).
	maxWarnValue = 80
)

// decode reads the MIME structure of a raw message into text and headers
// (see decoded). It fails when the message is empty, over the size limit or
// nested deeper than the depth limit (then the partly filled decoded comes
// with the error); everything else that is damaged is worked around with a
// warning.
func decode(raw []byte, opts *Options) (*decoded, error) {
	maxSize, maxDepth := int64(defaultMaxSize), defaultMaxDepth
	if opts != nil && opts.MaxSize > 0 {
		maxSize = opts.MaxSize
	}
	if opts != nil && opts.MaxDepth > 0 {
		maxDepth = opts.MaxDepth
	}
	if int64(len(raw)) > maxSize {
		return nil, fmt.Errorf("message is %d bytes, over the %s limit", len(raw), sizeLabel(maxSize))
	}
	if len(strings.TrimSpace(string(raw[:min(len(raw), 4096)]))) == 0 {
		return nil, fmt.Errorf("message is empty")
	}
	w := &walker{maxDepth: maxDepth, d: &decoded{}, raw: raw, budget: newBudget(opts)}
	w.d.budget = w.budget
	if bytes.HasPrefix(raw, []byte("From ")) {
		// An mbox separator line left on the message by an export tool.
		if i := bytes.IndexByte(raw, '\n'); i >= 0 {
			raw = raw[i+1:]
		}
	}
	hb, body := splitMessage(raw)
	h, warn := readHeader(hb)
	w.warn(warn)
	if h.Len() == 0 {
		// Not a message at all (a pasted text, a truncated file): read
		// every byte as the body rather than return nothing.
		w.warn("no header fields found; whole input read as text")
		body = raw
	}
	d := w.d
	d.Header = mail.Header{Header: message.Header{Header: h}}
	fillHeaderFields(d, &h)

	var out textOut
	w.entity(&h, body, 0, &out)
	// A NUL is no part of what a lab wrote: dropped before reading, so
	// that it does not split words (see dropNUL).
	d.Text = dropNUL(w.capText(out.text(), "body"))
	for i, t := range d.AttachmentTexts {
		d.AttachmentTexts[i] = dropNUL(t)
	}
	d.FromHTML = out.html
	warns, reasons := w.budget.notes(true)
	d.Warnings = append(d.Warnings, warns...) // past maxWarnings: these matter
	for _, r := range reasons {
		w.review(r)
	}
	if w.tooDeep {
		// Nothing is read past the limit; what was read is returned with
		// the error, so a caller may still show the headers.
		return d, fmt.Errorf("MIME structure nested deeper than %d levels", maxDepth)
	}
	return d, nil
}

// capText cuts text longer than maxText at the last line end before the
// limit, with a warning.
func (w *walker) capText(s, what string) string {
	if len(s) <= maxText {
		return s
	}
	cut := strings.LastIndexByte(s[:maxText], '\n')
	if cut < maxText/2 {
		cut = maxText
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	w.warn(fmt.Sprintf("%s text is %d bytes; only the first %d KiB read", what, len(s), maxText>>10))
	return s[:cut] + "\n"
}

func sizeLabel(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

func fillHeaderFields(d *decoded, h *textproto.Header) {
	if ids := msgIDs(h.Get("Message-Id")); len(ids) > 0 {
		d.MessageID = ids[0]
	}
	if ids := msgIDs(h.Get("In-Reply-To")); len(ids) > 0 {
		d.InReplyTo = ids[0]
	}
	d.Thread = msgIDs(h.Get("References"))
	d.From, d.FromName = parseFrom(h.Get("From"))
	d.Date = parseDate(h.Get("Date"))
	d.Subject = dropNUL(headerText(h, "Subject"))
}

// walker carries the limits and the result through the MIME tree.
type walker struct {
	d        *decoded
	raw      []byte // the whole input, to tell a body that runs to its end
	maxDepth int
	parts    int
	tooDeep  bool
	tooMany  bool
	budget   *budget // the work left for this message
}

// review records a review reason (review.go) found while decoding.
func (w *walker) review(code string) {
	w.d.Review = addReason(w.d.Review, code)
}

func (w *walker) warn(s string) {
	if s == "" {
		return
	}
	for _, x := range w.d.Warnings {
		if x == s {
			return
		}
	}
	if len(w.d.Warnings) < maxWarnings {
		w.d.Warnings = append(w.d.Warnings, s)
	}
}

// textOut accumulates the body text of one message level: the text parts
// in order, then forwarded messages.
type textOut struct {
	parts    []string
	forwards []string
	html     bool
}

func (o *textOut) add(s string, html bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	if len(o.parts) == 0 {
		o.html = html
	}
	o.parts = append(o.parts, s)
}

func (o *textOut) text() string {
	if len(o.parts)+len(o.forwards) == 0 {
		return ""
	}
	// One copy of the message's text: Join and then "\n" made two.
	n := 0
	for _, p := range o.parts {
		n += len(p) + 2
	}
	for _, p := range o.forwards {
		n += len(p) + 2
	}
	var b strings.Builder
	b.Grow(n - 1)
	sep := ""
	for _, list := range [2][]string{o.parts, o.forwards} {
		for _, p := range list {
			b.WriteString(sep)
			b.WriteString(p)
			sep = "\n\n"
		}
	}
	b.WriteByte('\n')
	return b.String()
}
