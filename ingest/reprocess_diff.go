package ingest

import (
	"reflect"

	"cyberintake/classify"
	"cyberintake/mailparse"
)

// Fields a reprocess report counts changes of, in the order it prints them.
var diffFields = []string{"kind", "lab", "language", "sections", "references", "contact", "tags", "downtime", "needs_review", "attachments", "warnings", "headers", "thread"}

// changedFields lists what differs between two successful parses of the
// same message. A nil and an empty list are the same: a stored result may
// have come back from JSON either way.
func changedFields(old, cur *mailparse.Result) []string {
	values := func(r *mailparse.Result) []any {
		return []any{
			r.Kind,
			deref(r.Lab),
			r.Language,
			r.Sections,
			nz(r.References),
			r.Contact,
			classify.Tags{Cause: nz(r.Tags.Cause), Impact: nz(r.Tags.Impact), Response: nz(r.Tags.Response), Prevention: nz(r.Tags.Prevention)},
			deref(r.DowntimeDays),
			r.NeedsReview,
			nz(r.Attachments),
			nz(r.Warnings),
			[4]string{r.MessageID, r.From, r.Date, r.Subject},
			[]any{r.InReplyTo, nz(r.Thread)},
		}
	}
	a, b := values(old), values(cur)
	var diff []string
	for i, name := range diffFields {
		if !reflect.DeepEqual(a[i], b[i]) {
			diff = append(diff, name)
		}
	}
	return diff
}

func nz[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// deref returns the pointed-to value, or nil for a nil pointer, so that two
// pointers to equal values compare equal.
func deref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}
