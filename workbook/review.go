package workbook

import (
	"time"

	"cyberintake/store"
)

// reviewInfo is what the sheets say of a message's review.
type reviewInfo struct {
	State     string
	By        string
	At        time.Time // zero when not reviewed
	Corrected []string  // corrected field keys
	Reasons   []string  // why the parser asks for a look, in words
}

// reviewOf reads the review state the store attaches to every record it
// returns (store.Record.Review); a record without one (built in memory)
// counts as unreviewed, asking for review when the parser flagged it.
func reviewOf(r *store.Record) reviewInfo {
	rv := r.Review
	if rv == nil {
		ri := reviewInfo{State: string(store.StateUnreviewed)}
		if r.Result.NeedsReview {
			ri.Reasons = []string{store.ReasonWords("needs_review")}
		}
		return ri
	}
	ri := reviewInfo{State: string(rv.State), By: rv.By, At: rv.At, Corrected: r.Corrected()}
	for _, code := range rv.Reasons {
		ri.Reasons = append(ri.Reasons, store.ReasonWords(code))
	}
	return ri
}

// waiting tells a message the parser asks about that nobody reviewed.
func (ri reviewInfo) waiting() bool {
	return len(ri.Reasons) > 0 && ri.State != string(store.StateReviewed)
}
