package mailparse

// Why a person should look at a reading: the codes of Result.ReviewReasons
// (CONTRACT.md's review_reasons), each with the words a person reads. They
// are data kept in this one place so that the store, the CLI and a later
// web interface show the same words for the same code; scripts rely on the
// codes, so a code is never renamed.
const (
	ReasonUnreadableAttachment = "answers_in_unreadable_attachment"
	ReasonMissingAttachment    = "answers_in_missing_attachment"
	ReasonSectionsNotToldApart = "sections_not_told_apart"
	ReasonTruncated            = "truncated"
	ReasonAttachmentsSkipped   = "attachments_skipped"
	ReasonParseDeadline        = "parse_deadline"
)

// ReviewReasons lists every code with its words, in the order a queue
// shows them.
var ReviewReasons = []struct{ Code, Words string }{
	{ReasonUnreadableAttachment, "the answers seem to be in an attachment that could not be read"},
	{ReasonMissingAttachment, "the reply points to an attachment that is missing or holds no answers"},
	{ReasonSectionsNotToldApart, "the answers could not be told apart"},
	{ReasonTruncated, "the message ends early (cut in transit or when saved)"},
	{ReasonAttachmentsSkipped, "some attachments were not read (over the per-message limits)"},
	{ReasonParseDeadline, "reading stopped at the time limit for one message"},
}

// ReviewReasonWords returns the words for a code, or the code itself for
// one this version does not know (a newer store read by an older binary).
func ReviewReasonWords(code string) string {
	for _, r := range ReviewReasons {
		if r.Code == code {
			return r.Words
		}
	}
	return code
}

// review adds reasons (codes above) to r; needs_review follows them.
func (r *Result) review(codes ...string) {
	for _, c := range codes {
		r.ReviewReasons = addReason(r.ReviewReasons, c)
	}
	r.NeedsReview = len(r.ReviewReasons) > 0
}

// addReason appends code to list unless it is there already.
func addReason(list []string, code string) []string {
	for _, c := range list {
		if c == code {
			return list
		}
	}
	return append(list, code)
}
