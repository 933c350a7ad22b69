package workbook

import "cyberintake/store"

// reviewInfo is what the reports sheet says of a message's review.
type reviewInfo struct {
	State     string
	Corrected []string
	Reasons   []string
}

func reviewOf(r *store.Record) reviewInfo {
	ri := reviewInfo{State: "unreviewed"}
	if r.Result.NeedsReview {
		ri.Reasons = []string{"needs_review"}
	}
	return ri
}
