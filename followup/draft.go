package followup

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"mime/quotedprintable"
	"slices"
	"strings"
	"time"

	"cyberintake/mailparse"
	"cyberintake/store"
)

// DefaultFrom is the secretariat's address, the one the letter gave.
const DefaultFrom = "QL_secretariat@sciensano.be"

// Options tune New. A nil *Options is valid and means the defaults.
type Options struct {
	// From is the sender of the draft; default DefaultFrom. A mail
	// program sending the draft from the Drafts folder may change it.
	From string
	// Language overrides the case's language (fr, nl, de, en).
	Language string
	// Now dates the draft; zero means time.Now(). Tests fix it.
	Now time.Time
	// MessageID of the draft, without brackets; "" means a random one.
	MessageID string
}

// Draft is one follow-up message, ready to be written or appended.
type Draft struct {
	Lab       string // as written in the subject
	Language  string
	To        string // the address written to; "" when the case gave none (see Warnings)
	ToName    string
	Subject   string
	InReplyTo string // the lab's last message, without brackets; "" if it had no ID
	Missing   []Item
	Raw       []byte // the message, CRLF line ends
	// Warnings are things a person should know before sending: no
	// address found, the parser asked for a review of one of the replies.
	Warnings []string
}

// ErrComplete is returned by New for a case that lacks nothing.
var ErrComplete = errors.New("nothing missing")

// New drafts the follow-up for a lab's merged case. It fails with
// ErrComplete when nothing is missing, and when the lab cannot be written
// into a subject that the parser reads back as the same lab (the answer
// would not join the case).
func New(c *store.Case, opts *Options) (*Draft, error) {
	if opts == nil {
		opts = &Options{}
	}
	missing := Missing(c)
	if len(missing) == 0 {
		return nil, fmt.Errorf("lab %s: %w", cleanText(c.Lab, maxLabLen), ErrComplete)
	}
	if len(c.Records) == 0 {
		return nil, fmt.Errorf("lab %s: the case has no message", cleanText(c.Lab, maxLabLen))
	}
	last := &c.Records[len(c.Records)-1]
	d := &Draft{Lab: cleanText(c.Lab, maxLabLen), Missing: missing}
	if d.Lab == "" {
		return nil, errors.New("the case names no lab")
	}
	d.Language = caseLanguage(c)
	if opts.Language != "" {
		if !slices.Contains(Languages, opts.Language) {
			return nil, fmt.Errorf("language %q: want one of %s", opts.Language, strings.Join(Languages, ", "))
		}
		d.Language = opts.Language
	}
	w := wordings[d.Language]

	// To the lab's contact when the case names an address for them, else
	// to whoever wrote the last message.
	if a := cleanAddress(c.Contact.Email); a != "" {
		d.To, d.ToName = a, cleanText(c.Contact.Name, maxNameLen)
	} else if a := cleanAddress(last.Result.From); a != "" {
		d.To = a
	} else {
		d.Warnings = append(d.Warnings, "no usable address in the case: the draft has no recipient")
	}
	for i := range c.Records {
		if why := unreviewedReasons(&c.Records[i]); len(why) > 0 {
			d.Warnings = append(d.Warnings, fmt.Sprintf("message %d: %s, and nobody has reviewed it: an answer asked for may be there; check before sending",
				c.Records[i].ID, strings.Join(why, "; ")))
		}
	}

	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	from := cleanAddress(opts.From)
	if from == "" {
		from = DefaultFrom
	}
	msgID := cleanMsgID(opts.MessageID)
	if msgID == "" {
		msgID = randomMsgID(now, from)
	}
	vars := map[string]string{"lab": d.Lab, "name": d.ToName, "contact": cleanText(c.Contact.Name, maxNameLen),
		"date": last.Date().Format(w["date_format"])}
	d.Subject = w.fill("subject", vars)

	var h bytes.Buffer
	writeHeader(&h, "Date", now.Format(time.RFC1123Z))
	writeHeader(&h, "From", formatAddress("", from))
	if d.To != "" {
		writeHeader(&h, "To", formatAddress(d.ToName, d.To))
	}
	writeHeader(&h, "Subject", encodeWords(d.Subject))
	writeHeader(&h, "Message-ID", "<"+msgID+">")
	if refs := threadRefs(&last.Result); len(refs) > 0 {
		d.InReplyTo = refs[len(refs)-1]
		writeHeader(&h, "In-Reply-To", "<"+d.InReplyTo+">")
		writeHeader(&h, "References", "<"+strings.Join(refs, "> <")+">")
	}
	writeHeader(&h, "Content-Language", d.Language)
	writeHeader(&h, "MIME-Version", "1.0")
	writeHeader(&h, "Content-Type", `text/plain; charset="utf-8"`)
	writeHeader(&h, "Content-Transfer-Encoding", "quoted-printable")
	h.WriteString("\r\n")

	var qp bytes.Buffer
	qw := quotedprintable.NewWriter(&qp)
	qw.Write([]byte(strings.ReplaceAll(body(w, missing, vars), "\n", "\r\n")))
	qw.Close()
	d.Raw = append(h.Bytes(), qp.Bytes()...)

	if err := checkSubject(d); err != nil {
		return nil, err
	}
	return d, nil
}

// unreviewedReasons are why the parser asks a person to look at r, in
// words, when nobody has reviewed it yet.
func unreviewedReasons(r *store.Record) []string {
	var codes []string
	switch {
	case r.Review == nil && r.Result.NeedsReview: // a record not read from a store
		codes = []string{"needs_review"}
	case r.Review != nil && r.Review.State != store.StateReviewed:
		codes = r.Review.Reasons
	}
	words := make([]string, len(codes))
	for i, c := range codes {
		words[i] = store.ReasonWords(c)
	}
	return words
}

// body is the text of the draft, LF line ends.
func body(w wording, missing []Item, vars map[string]string) string {
	var b strings.Builder
	if vars["name"] != "" {
		b.WriteString(w.fill("greeting_named", vars))
	} else {
		b.WriteString(w.fill("greeting", vars))
	}
	b.WriteString("\n\n" + w.fill("intro", vars) + "\n\n")
	for _, it := range missing {
		line := ""
		switch it {
		case ItemReference:
			line = question(w, "e") + " " + w.fill("e_no_reference", vars)
		case ItemContact, ItemContactDetails:
			line = w.fill(string(it), vars)
		default:
			line = question(w, string(it))
		}
		b.WriteString("- " + line + "\n")
	}
	for _, k := range []string{"outro", "closing", "signature"} {
		b.WriteString("\n" + w.fill(k, vars) + "\n")
	}
	return b.String()
}

// question is the letter's question without the comma or full stop that
// joined it to the next one in the letter's list.
func question(w wording, key string) string {
	return strings.TrimRight(w[key], ",.")
}

// caseLanguage is the language of the lab's newest message written in
// one of the four languages; French, the letter's first, when none is.
func caseLanguage(c *store.Case) string {
	for i := len(c.Records) - 1; i >= 0; i-- {
		if l := c.Records[i].Result.Language; slices.Contains(Languages, l) {
			return l
		}
	}
	return "fr"
}

// threadRefs are the References of a reply to res: its own References
// (the newest maxReferences-1 of them) and its Message-ID last. IDs that
// are not plausible msg-ids are left out.
func threadRefs(res *mailparse.Result) []string {
	own := cleanMsgID(res.MessageID)
	if own == "" {
		return nil
	}
	var refs []string
	for _, id := range res.Thread {
		if id = cleanMsgID(id); id != "" && id != own && !slices.Contains(refs, id) {
			refs = append(refs, id)
		}
	}
	if len(refs) > maxReferences-1 {
		refs = refs[len(refs)-(maxReferences-1):]
	}
	return append(refs, own)
}

func randomMsgID(now time.Time, from string) string {
	var b [12]byte
	rand.Read(b[:])
	_, domain, _ := strings.Cut(from, "@")
	return fmt.Sprintf("followup.%d.%s@%s", now.Unix(), hex.EncodeToString(b[:]), domain)
}

// ErrSubject: the lab cannot be written into a subject the parser reads
// back as the same lab, so the lab's answer would not join its case.
var ErrSubject = errors.New("subject would not be read back as the lab")

// checkSubject checks that the draft's Subject header, exactly as written,
// is read by the parser as the convention with the same lab. The draft
// itself comes from Sciensano, whose own mail the parser files as
// unrelated, so the header is parsed as the lab's answer would carry it:
// behind "RE:", from the lab, on a message of its own.
func checkSubject(d *Draft) error {
	hdr, _, _ := bytes.Cut(d.Raw, []byte("\r\n\r\n"))
	var subject []byte
	in := false
	for _, line := range bytes.SplitAfter(hdr, []byte("\r\n")) {
		folded := len(line) > 0 && (line[0] == ' ' || line[0] == '\t')
		in = bytes.HasPrefix(line, []byte("Subject:")) || in && folded
		if in {
			subject = append(subject, line...)
		}
	}
	subject = bytes.TrimRight(subject, "\r\n")
	answer := fmt.Appendf(nil, "From: <lab@example.invalid>\r\nMessage-ID: <check@example.invalid>\r\n%s\r\n\r\n",
		bytes.Replace(subject, []byte("Subject:"), []byte("Subject: RE:"), 1))
	res := mailparse.Parse(answer, nil)
	if res.Kind != mailparse.KindReport || res.Lab == nil || store.NormLab(*res.Lab) != store.NormLab(d.Lab) {
		got := "no lab"
		if res.Lab != nil {
			got = fmt.Sprintf("lab %q", *res.Lab)
		}
		return fmt.Errorf("lab %q: %w (the parser reads kind %s, %s in %q)", d.Lab, ErrSubject, res.Kind, got, d.Subject)
	}
	return nil
}
