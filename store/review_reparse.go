package store

import (
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"cyberintake/mailparse"
)

// byReprocess is who reprocess's history events are recorded as.
const byReprocess = "reprocess"

// CheckReparse says what storing res as the new parser reading of rec (an
// effective record read from the store) would do to its review: the
// corrected fields the parser would now read differently from the reading
// each correction was made against, and whether a reviewed message would
// go back to unreviewed. Reprocess's dry run reports it; Reparse does it.
func CheckReparse(rec *Record, res *mailparse.Result) ([]Disagreement, bool) {
	doc := &reviewDoc{State: StateUnreviewed}
	if rec.Review != nil {
		doc.State = rec.Review.State
		doc.Corrections = slices.Clone(rec.Review.Corrections)
	}
	return reparseReview(rec, res, doc, time.Time{})
}

// reparseReview updates doc for a new parser reading res of old (the
// effective record before) and records what it did in doc's history.
func reparseReview(old *Record, res *mailparse.Result, doc *reviewDoc, now time.Time) ([]Disagreement, bool) {
	var out []Disagreement
	for i := range doc.Corrections {
		c := &doc.Corrections[i]
		pv, _ := resultValue(res, c.Field)
		switch {
		case pv != c.Against && (!c.Disagrees || c.ParserNow != pv):
			c.ParserNow, c.Disagrees = pv, true
			doc.event(Event{At: now, By: byReprocess, Action: ActDisagree, Field: c.Field, Old: c.Against, New: pv, Against: c.Against,
				Reason: "the parser now reads this field differently from the reading the correction was made against; the correction stands"})
		case pv == c.Against && c.Disagrees:
			c.ParserNow, c.Disagrees = "", false
			doc.event(Event{At: now, By: byReprocess, Action: ActAgreeing, Field: c.Field, New: pv, Against: c.Against})
		}
		if c.Disagrees {
			out = append(out, Disagreement{ID: old.ID, Field: c.Field, Value: c.Value, Against: c.Against, ParserNow: c.ParserNow})
		}
	}
	if doc.State != StateReviewed {
		return out, false
	}
	var changed []string
	for _, f := range readingFields(old.Parsed(), res) {
		a, _ := resultValue(old.Parsed(), f)
		b, _ := resultValue(res, f)
		if a != b && !slices.ContainsFunc(doc.Corrections, func(c Correction) bool { return c.Field == f }) {
			changed = append(changed, f)
		}
	}
	if len(changed) == 0 {
		return out, false
	}
	doc.State, doc.By, doc.At = StateUnreviewed, "", time.Time{}
	doc.event(Event{At: now, By: byReprocess, Action: ActUnreview,
		Reason: "the parser's reading changed in " + strings.Join(changed, ", ")})
	return out, true
}

// readingFields are the keys compared between two parser readings: every
// plain field, and every tag label either reading has.
func readingFields(a, b *mailparse.Result) []string {
	var out []string
	for _, f := range Fields() {
		if !strings.HasPrefix(f, FieldTagsPrefix) {
			out = append(out, f)
		}
	}
	for _, g := range TagGroups {
		la, _, _ := tagGroup(a, g)
		lb, _, _ := tagGroup(b, g)
		for _, l := range union(la, lb) {
			out = append(out, TagField(g, l))
		}
	}
	return out
}

func union(a, b []string) []string {
	out := slices.Concat(a, b)
	slices.Sort(out)
	return slices.Compact(out)
}

// reviewNewReading is reparseReview for a new reading filed another way (a
// complete copy replacing a truncated one, replace.go): it records what
// the new reading means for the review and makes nr, holding the new
// parser reading, the effective record. old is the effective record before.
func reviewNewReading(tx *bolt.Tx, id uint64, old, nr *Record, now time.Time) error {
	doc, err := getReviewDoc(tx, id)
	if err != nil {
		return err
	}
	reparseReview(old, &nr.Result, doc, now)
	if len(doc.History) > 0 {
		if err := putReviewDoc(tx, id, doc); err != nil {
			return err
		}
	}
	attachReview(nr, doc)
	return nil
}
