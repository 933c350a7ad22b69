package mailparse

import (
	"github.com/emersion/go-message/mail"
)

// decoded is the seam between MIME decoding (mime*.go, html*.go, docx*.go,
// charset.go) and reading the reply (subject, kind, quotes, sections...): everything
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

	// Text is the body as plain text, LF line ends, no trailing blanks:
	// the text/plain part when it is a faithful rendering (most words of
	// the HTML occur in it, and the HTML has no question/answer table),
	// else the HTML part converted. Conventions, whatever the source:
	//   - one visual line per line; at most one blank line in a row;
	//     Outlook's empty paragraphs are blank lines;
	//   - list items are "- item" ("1. item" / "a. item" for ordered HTML
	//     lists, Outlook fake bullets keep "a)" or "1." when they are
	//     letters or numbers), nested items indented two spaces per level;
	//     plain-text bullets ("·<tab>", "•", "o   ") are rewritten "- ";
	//   - a table row is one line with its non-empty cells joined by
	//     " | " ("a) Cause probable | Phishing ..."); a cell's further
	//     paragraphs and list items continue on the following lines, until
	//     the next row's line;
	//   - HTML <blockquote> lines start with ">" per level and a blank
	//     ("> ", ">> "), like plain-text quoting (not Gmail's indenting
	//     blockquote, nor the one Apple Mail puts a forward in); <hr>
	//     (Outlook Web's reply separator) is a line of 32 underscores, as
	//     Outlook's plain text has; Outlook's reply header block stays as
	//     its lines ("De : ...", "Envoyé : ...", "From: ...");
	//   - format=flowed soft breaks are joined.
	// Several inline text parts (multipart/mixed) are joined by a blank
	// line. Forwarded message/rfc822 parts (and .eml attachments) follow
	// the body, each as "-------- Forwarded message --------", then
	// "From: ", "Date: ", "Subject: ", "To: " lines (those present,
	// decoded), a blank line and the forwarded body rendered by the same
	// rules. Text (and each AttachmentTexts entry) is at most 256 KiB: a
	// longer one is cut at a line end, with a warning.
	Text string
	// FromHTML is set when the first text part came from HTML.
	FromHTML bool

	// AttachmentTexts holds the text of readable attachments (.docx,
	// .odt, .txt, .html), in order, for replies whose answers are in an
	// attachment. Docx/odt: a line per paragraph, list paragraphs as
	// "- item", table rows as in Text.
	AttachmentTexts []string
	// Attachments lists every attached file: parts with a file name or an
	// attachment disposition, and non-text parts. Not listed: images with
	// a Content-ID inside multipart/related (logos and pictures the HTML
	// shows inline), signatures of multipart/signed, report machinery
	// (message/delivery-status). Names are RFC 2231/2047 decoded; Size is
	// the decoded size in bytes.
	Attachments []Attachment
	// Unreadable lists attachments whose text could not be extracted
	// (PDF, images, .doc, archives, damaged or oversized documents such as
	// a refused zip bomb); calendar and vCard parts and images the body
	// shows inline (with a Content-ID) are not counted.
	Unreadable []Attachment

	// DeliveryStatus is set for multipart/report; report-type=delivery-status.
	DeliveryStatus bool

	// Review holds the review reasons decoding found (truncated input,
	// attachments skipped over the limits...), codes of review.go.
	Review []string

	// budget is the work left for this message, for the reading side.
	budget *budget

	// Warnings say what decoding worked around (mislabelled charset,
	// damaged base64, malformed header lines...), at most 20, no repeats.
	Warnings []string
}
