package mailparse

import (
	"github.com/emersion/go-message/mail"
)

// decoded is the seam between MIME decoding (mime*.go, html*.go, docx*.go)
// and reading the reply (subject, kind, quotes, sections...): everything
// after decode works on text and headers only.
type decoded struct {
	Header mail.Header // top-level header, for auto-reply and list detection

	MessageID string   // without angle brackets
	From      string   // address, lower-case
	FromName  string   // display name, decoded
	Date      string   // RFC 3339, "" if none or unparsable
	Subject   string   // RFC 2047 decoded
	InReplyTo string   // without angle brackets
	Thread    []string // References, without angle brackets

	// Text is the body as plain text: the text/plain part when it is a
	// faithful rendering, else the HTML part converted with paragraphs,
	// list items and table rows kept as lines. Forwarded message/rfc822
	// parts are rendered inline as a forward (header block, then body).
	Text     string
	FromHTML bool

	// AttachmentTexts holds the text of readable attachments (.docx, .txt),
	// in order, for replies whose answers are in an attachment.
	AttachmentTexts []string
	Attachments     []Attachment
	// Unreadable lists attachments whose text could not be extracted
	// (PDF, images, damaged documents).
	Unreadable []Attachment

	// DeliveryStatus is set for multipart/report; report-type=delivery-status.
	DeliveryStatus bool

	Warnings []string
}
