package mailparse

import (
	"errors"
	"io"
	"path"
	"strings"

	"github.com/emersion/go-message/textproto"
)

// attachment lists a part as an attachment and, when its text can be read
// (.docx, .odt, plain text, HTML), keeps that text for the reading side; PDFs,
// images and documents that fail to open are listed as Unreadable.
func (w *walker) attachment(h *textproto.Header, p *partInfo, body []byte) {
	b := w.content(h, body)
	name := p.filename
	a := Attachment{Name: name, ContentType: p.mediaType, Size: int64(len(b))}
	w.d.Attachments = append(w.d.Attachments, a)
	ext := strings.ToLower(path.Ext(name))
	switch {
	case ext == ".docx" || ext == ".docm" || p.mediaType == "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
		w.document(a, b, "word/document.xml", docxXMLText)
	case ext == ".odt" || p.mediaType == "application/vnd.oasis.opendocument.text":
		w.document(a, b, "content.xml", odtXMLText)
	case p.mediaType == "text/plain" || ext == ".txt":
		if b = w.textAttachment(a, b); b != nil {
			s, warn := toUTF8(b, p.params["charset"])
			w.warn(warn)
			w.addAttachmentText(normalizeNewlines(s))
		}
	case p.mediaType == "text/html" || ext == ".html" || ext == ".htm":
		if b = w.textAttachment(a, b); b != nil {
			s, _ := toUTF8(b, p.params["charset"])
			w.addAttachmentText(htmlToText(s))
		}
	case p.mediaType == "message/rfc822":
		// Listed as a file; its text is rendered by the caller.
	case isSignatureType(p.mediaType), p.mediaType == "text/calendar", p.mediaType == "text/x-vcard", p.mediaType == "text/vcard":
	case strings.HasPrefix(p.mediaType, "image/") && p.cid != "" && p.disposition != "attachment":
		// A picture the message body shows (a logo, a signature
		// banner), not a document someone has to read.
	default:
		w.d.Unreadable = append(w.d.Unreadable, a)
	}
}

// document reads the text of an Office zip (docx, odt) within the
// message's budget; one that cannot be read is listed as Unreadable, one
// over the budget as skipped.
func (w *walker) document(a Attachment, b []byte, entry string, read func(io.Reader) (string, error)) {
	bud := w.budget
	if bud.take(0) != "" || bud.bytes <= 0 {
		bud.skip(a)
		return
	}
	text, used, err := zipXMLText(b, entry, read, bud)
	bud.bytes -= used
	switch {
	case errors.Is(err, errOverBudget):
		bud.skip(a)
	case bud.expired:
		// Cut by the time budget: what was read is kept, the budget's
		// warning says the rest was not.
		w.addAttachmentText(text)
	case err != nil:
		w.warn("attachment " + warnValue(displayName(a.Name)) + " could not be read: " + err.Error())
		w.d.Unreadable = append(w.d.Unreadable, a)
	default:
		w.addAttachmentText(text)
	}
}

// textAttachment charges a text or HTML attachment to the budget and
// returns the bytes to convert (at most attachmentTextRead), or nil when
// it is skipped.
func (w *walker) textAttachment(a Attachment, b []byte) []byte {
	b = b[:min(len(b), attachmentTextRead)]
	if w.budget.take(int64(len(b))) != "" {
		w.budget.skip(a)
		return nil
	}
	return b
}

func isSignatureType(mt string) bool {
	return strings.HasSuffix(mt, "-signature")
}

func displayName(name string) string {
	if name == "" {
		return "(unnamed)"
	}
	return name
}

func (w *walker) addAttachmentText(s string) {
	s = strings.TrimSpace(s)
	if s != "" {
		w.d.AttachmentTexts = append(w.d.AttachmentTexts, w.capText(s+"\n", "attachment"))
	}
}

// forward renders an attached message (message/rfc822) the way mail
// clients show a forward: a separator line, the From/Date/Subject lines,
// then its body.
func (w *walker) forward(h *textproto.Header, p *partInfo, body []byte, depth int, out *textOut) {
	inner := w.content(h, body)
	if p.filename != "" {
		// An attached .eml is also a file the sender attached.
		w.d.Attachments = append(w.d.Attachments, Attachment{Name: p.filename, ContentType: "message/rfc822", Size: int64(len(inner))})
	}
	hb, ib := splitMessage(inner)
	ih, warn := readHeader(hb)
	w.warn(warn)
	var o textOut
	w.entity(&ih, ib, depth+1, &o)
	if ih.Len() == 0 && len(o.parts) == 0 && len(o.forwards) == 0 {
		w.warn("empty attached message skipped")
		return
	}
	var b strings.Builder
	b.WriteString("-------- Forwarded message --------\n")
	for _, k := range []string{"From", "Date", "Subject", "To"} {
		if v := headerText(&ih, k); v != "" {
			b.WriteString(k)
			b.WriteString(": ")
			b.WriteString(v)
			b.WriteByte('\n')
		}
	}
	b.WriteByte('\n')
	b.WriteString(o.text())
	out.forwards = append(out.forwards, strings.TrimSpace(b.String()))
}
