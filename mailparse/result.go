// Package mailparse reads one e-mail reply to the Sciensano-AC-2021-04 letter
// the way an analyst would: it decodes the MIME structure to text, drops quoted
// mail and signatures, recognises the subject convention and tells the kind of
// message, and splits the lab's own words into the answers to questions a) to
// e), with contact, references, language and tags (from package classify).
// It knows nothing of mailboxes or storage: bytes in, a Result out.
package mailparse

import "cyberintake/classify"

// Version identifies the parser's behaviour. Bump it whenever a change may
// alter a Result, so that the store can tell which reports a reprocess would
// refresh.
const Version = 1

// Kind tells what a message is.
type Kind string

const (
	KindReport    Kind = "report"
	KindAutoReply Kind = "auto_reply"
	KindBounce    Kind = "bounce"
	KindUnrelated Kind = "unrelated"
)

// Sections are the lab's answers to questions a) to e), as written.
type Sections struct {
	A string `json:"a"`
	B string `json:"b"`
	C string `json:"c"`
	D string `json:"d"`
	E string `json:"e"`
}

// Answers returns the sections in order, for package classify.
func (s Sections) Answers() classify.Answers {
	return classify.Answers{s.A, s.B, s.C, s.D, s.E}
}

// Contact is the contact person a lab names.
type Contact struct {
	Name  string `json:"name"`
	Email string `json:"email"`
	Phone string `json:"phone"`
}

// Attachment describes one attached file.
type Attachment struct {
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
}

// Result is the object of CONTRACT.md that `cyberintake parse --json` prints,
// field for field; fields after Error are extensions (the contract allows
// new fields only).
type Result struct {
	File         string        `json:"file"`
	MessageID    string        `json:"message_id"`
	From         string        `json:"from"`
	Date         string        `json:"date"`
	Subject      string        `json:"subject"`
	Kind         Kind          `json:"kind"`
	Lab          *string       `json:"lab"`
	Language     string        `json:"language"`
	Sections     Sections      `json:"sections"`
	References   []string      `json:"references"`
	Contact      Contact       `json:"contact"`
	Tags         classify.Tags `json:"tags"`
	DowntimeDays *float64      `json:"downtime_days"`
	// IncidentDate is when the attack began, "YYYY-MM-DD" or "YYYY-MM";
	// nil when the reply does not say or the message is no report.
	IncidentDate *string `json:"incident_date"`
	NeedsReview  bool    `json:"needs_review"`
	// ReviewReasons says why NeedsReview is set, as codes of review.go;
	// empty (never null) when it is not.
	ReviewReasons []string `json:"review_reasons"`
	// OwnText is the sender's own text: quoted and forwarded mail,
	// signature and disclaimers removed.
	OwnText     string       `json:"own_text"`
	Attachments []Attachment `json:"attachments"`
	Warnings    []string     `json:"warnings"`
	Error       string       `json:"error,omitempty"`

	// InReplyTo and Thread are the In-Reply-To and References message IDs
	// (without angle brackets), so the store can link a follow-up to the
	// reply it completes.
	InReplyTo string   `json:"in_reply_to,omitempty"`
	Thread    []string `json:"thread,omitempty"`
}
