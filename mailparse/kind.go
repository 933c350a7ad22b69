package mailparse

import (
	"regexp"
	"strings"

	"github.com/emersion/go-message/mail"
)

// Telling a report from the rest: automatic replies (out of office) and
// bounces often carry the convention's subject, and a bounce may even
// return a whole report; newsletters talk about cyber-attacks too. The
// headers decide first (RFC 3834, list headers, delivery-status reports),
// then the wording, then the subject convention and the letter.

// letterRefRe is the reference of the letter labs answer. It is tried
// only on a short window around each "2021" (citesLetter).
var letterRefRe = regexp.MustCompile(`(?i)sciensano[\s\-_]*ac[\s\-_]*2021[\s\-_]*0?4`)

// Bytes of the window citesLetter reads before and after a "2021": the
// name, "ac" and their separators; the month and its separators.
const (
	letterRefBefore = len("sciensano") + len("ac") + 30
	letterRefAfter  = len("2021") + 20
)

// citesLetter tells text naming the letter's reference. With (?i) Go's
// regexp cannot skip ahead to a literal prefix and steps every rune of the
// text through its machine: on long mail that mentions Sciensano in a
// signature this was a quarter of all ingest CPU. The year has no case, so
// strings.Index finds it (vectorised) and the regexp reads only the window
// around it, in any case: "SciEnsano" as well as "SCIENSANO".
func citesLetter(s string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], "2021")
		if i < 0 {
			return false
		}
		i += off
		if letterRefRe.MatchString(s[max(0, i-letterRefBefore):min(len(s), i+letterRefAfter)]) {
			return true
		}
		off = i + len("2021")
	}
}

// autoWordingRe is the wording of out-of-office replies in the four
// languages, for replies sent without the RFC 3834 headers.
var autoWordingRe = regexp.MustCompile(`(?i)(r[ée]ponse automatique|automatisch(e)? (antwoord|antwort)|abwesenheitsnotiz|automatic reply|auto-?reply|out of (the )?office|absente? du bureau|afwezig(heid)?\b|ik ben (momenteel )?afwezig|je suis (actuellement )?absente?|ich bin (derzeit )?(nicht im b[üu]ro|abwesend)|i am (currently )?(out of|away|absent))`)

// bounceFromRe matches the senders of delivery status notifications.
var bounceFromRe = regexp.MustCompile(`(?i)^(mailer-daemon|postmaster|mail delivery (subsystem|system)|microsoftexchange[0-9a-f]*)\b|mailer-daemon@|postmaster@`)

// kindInfo gathers what decides the kind.
type kindInfo struct {
	Header   mail.Header
	From     string
	FromName string
	Subject  subjectInfo
	Delivery bool
	OwnText  string // the sender's own words (quotes removed)
	Answered int    // how many questions the reply answers under headings
	Prose    int    // how many it answers in unlabelled sentences
	IsReply  bool   // In-Reply-To or a reply prefix: an answer to someone
	Relevant int    // answers that speak of an attack (cause, impact, response...)
	CitesRef bool   // the letter's reference appears
}

// classifyKind returns the kind and, for a report recognised without the
// subject convention, a warning saying so.
func classifyKind(k kindInfo) (Kind, string) {
	h := k.Header
	from := strings.ToLower(k.From + " " + k.FromName)
	if k.Delivery || k.Subject.Bounce || bounceFromRe.MatchString(k.FromName) || bounceFromRe.MatchString(k.From) ||
		h.Get("X-MS-Exchange-Message-Is-Ndr") != "" && h.Has("X-MS-Exchange-Message-Is-Ndr") ||
		strings.Contains(from, "mailer-daemon") {
		return KindBounce, ""
	}
	if isAutoReply(h, k.Subject, k.OwnText, k.Answered) {
		return KindAutoReply, ""
	}
	// Sciensano's own mail (acknowledgments, reminders) is no report,
	// unless it forwards a lab's answers.
	if isSciensanoAddress(k.From) && k.Answered == 0 {
		return KindUnrelated, ""
	}
	bulk := isBulk(h)
	if bulk && !k.CitesRef {
		return KindUnrelated, ""
	}
	if k.Subject.Convention {
		return KindReport, ""
	}
	if k.CitesRef && (k.Answered >= 1 || !bulk) {
		return KindReport, "subject does not follow the convention; recognised as a report by the letter's reference"
	}
	if k.Answered >= 3 && k.Relevant >= 2 {
		return KindReport, "subject does not follow the convention; recognised as a report because it answers the letter's questions"
	}
	// A reply in plain prose that speaks to four of the questions; a
	// newsletter is no reply, so prose alone never makes one a report.
	if k.IsReply && !bulk && k.Prose >= 4 && k.Relevant >= 2 {
		return KindReport, "subject does not follow the convention; recognised as a report because its sentences answer the letter's questions"
	}
	return KindUnrelated, ""
}

// isAutoReply applies RFC 3834 and the de-facto headers, then wording in
// the subject or at the start of a short body.
func isAutoReply(h mail.Header, s subjectInfo, own string, answered int) bool {
	if v := strings.ToLower(strings.TrimSpace(h.Get("Auto-Submitted"))); v != "" && v != "no" {
		return true
	}
	if h.Has("X-Autoreply") || h.Has("X-Autorespond") || h.Has("X-Auto-Reply") {
		return true
	}
	if strings.EqualFold(strings.TrimSpace(h.Get("Precedence")), "auto_reply") {
		return true
	}
	if v := strings.ToLower(h.Get("X-Auto-Response-Suppress")); v != "" && (strings.Contains(v, "all") || strings.Contains(v, "oof")) && s.AutoReply {
		return true
	}
	if s.AutoReply || autoWordingRe.MatchString(s.Rest) {
		return true
	}
	// A short body opening with absence wording, without answers ("dr. X
	// is deze week afwezig" inside a real report must not count).
	if answered == 0 && len(own) < 1500 {
		head := own
		if len(head) > 400 {
			head = head[:400]
		}
		if autoWordingRe.MatchString(head) {
			return true
		}
	}
	return false
}

// isBulk tells mailing-list and newsletter mail.
func isBulk(h mail.Header) bool {
	p := strings.ToLower(strings.TrimSpace(h.Get("Precedence")))
	if p == "bulk" || p == "list" || p == "junk" {
		return true
	}
	return h.Has("List-Unsubscribe") || h.Has("List-Id") || h.Has("X-Campaign-Id") || h.Has("X-Mailchimp-Campaign")
}
