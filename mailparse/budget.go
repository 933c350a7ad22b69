package mailparse

import (
	"errors"
	"fmt"
	"io"
	"time"
)

// The work one message may cause, beyond the size and nesting limits: a
// mail of hundreds of small documents is within 50 MiB but expands to
// gigabytes of XML and text to read (issue 8). Real replies attach one to
// five documents of a few hundred kilobytes.
const (
	// defaultMaxAttachmentReads is how many attachments have their text
	// extracted (documents, text, HTML); the rest are listed only.
	defaultMaxAttachmentReads = 20
	// defaultMaxAttachmentBytes bounds the decompressed bytes read from
	// all attachments together (document XML, text, HTML), in bytes.
	defaultMaxAttachmentBytes = 16 << 20
	// defaultTimeBudget is the wall-clock time one message may take to
	// parse; checked between MIME parts, while a document is
	// decompressed, and between attachments on the reading side.
	defaultTimeBudget = 2 * time.Second
	// attachmentTextRead bounds the bytes of one text or HTML attachment
	// converted at all: the text kept is cut at maxText anyway, and HTML
	// markup is a few times its text.
	attachmentTextRead = 4 * maxText
)

// errDeadline is returned by a deadlineReader once the time is up.
var errDeadline = errors.New("time budget for the message used up")

// budget is what is left of the work one message may cause.
type budget struct {
	maxReads  int
	maxBytes  int64
	allowed   time.Duration
	deadline  time.Time
	reads     int   // attachments whose text may still be extracted
	bytes     int64 // decompressed attachment bytes that may still be read
	skipped   []Attachment
	expired   bool
	expiredAt string // what was being read when the time ran out
	reported  bool   // the expiry is in the warnings already
}

func newBudget(opts *Options) *budget {
	b := &budget{reads: defaultMaxAttachmentReads, bytes: defaultMaxAttachmentBytes}
	d := defaultTimeBudget
	if opts != nil {
		if opts.MaxAttachmentReads > 0 {
			b.reads = opts.MaxAttachmentReads
		}
		if opts.MaxAttachmentBytes > 0 {
			b.bytes = opts.MaxAttachmentBytes
		}
		if opts.TimeBudget > 0 {
			d = opts.TimeBudget
		}
	}
	b.maxReads, b.maxBytes, b.allowed = b.reads, b.bytes, d
	b.deadline = time.Now().Add(d)
	return b
}

// over tells whether the time is up, remembering it once it is. A nil
// budget never is.
func (b *budget) over(what string) bool {
	if b == nil {
		return false
	}
	if !b.expired && time.Now().After(b.deadline) {
		b.expired, b.expiredAt = true, what
	}
	return b.expired
}

// take charges one attachment read of n bytes, or says why it cannot be.
func (b *budget) take(n int64) string {
	switch {
	case b.reads <= 0:
		return "over the limit of attachments read per message"
	case n > b.bytes:
		return "over the limit of attachment bytes read per message"
	}
	b.reads--
	b.bytes -= n
	return ""
}

// deadlineReader stops a decompression when the time is up: a document
// that expands slowly cannot outlast the budget.
type deadlineReader struct {
	r io.Reader
	b *budget
}

func (d deadlineReader) Read(p []byte) (int, error) {
	if d.b.over("a document") {
		return 0, errDeadline
	}
	return d.r.Read(p)
}

// skip records an attachment left unread, for one warning at the end.
func (b *budget) skip(a Attachment) {
	b.skipped = append(b.skipped, a)
}

// notes returns the warnings and review reasons for what the budget cut:
// the attachments skipped (once, at the end of decoding) and the time
// running out (once, whenever it did).
func (b *budget) notes(skipped bool) (warnings, reasons []string) {
	if b == nil {
		return nil, nil
	}
	if n := len(b.skipped); skipped && n > 0 {
		warnings = append(warnings, fmt.Sprintf("%d attachments not read (at most %d read, %s in all, per message): %s",
			n, b.maxReads, sizeLabel(b.maxBytes), nameList(b.skipped)))
		reasons = append(reasons, ReasonAttachmentsSkipped)
	}
	if b.expired && !b.reported {
		b.reported = true
		warnings = append(warnings, fmt.Sprintf("reading stopped after %s (the time allowed for one message) in %s; what follows was not read", b.allowed, b.expiredAt))
		reasons = append(reasons, ReasonParseDeadline)
	}
	return warnings, reasons
}
