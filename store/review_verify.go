package store

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	bolt "go.etcd.io/bbolt"

	"cyberintake/mailparse"
)

// migrateReview (schema 2 to 3) adds the review bucket and indexes the
// parser's review reasons of the messages it flagged. Stores written
// before it have no reviews or corrections: every message starts
// unreviewed, and records, the other indexes and counters stay as they
// are, since the effective record of a message nobody corrected is the
// parser's reading.
func migrateReview(tx *bolt.Tx) error {
	if _, err := tx.CreateBucketIfNotExists(bReview); err != nil {
		return err
	}
	recs := tx.Bucket(bRecord)
	for _, id := range prefixIDs(tx.Bucket(ixFlag), valuePrefix(flagReview)) {
		v := recs.Get(idKey(id))
		if v == nil {
			continue // Verify reports the stray index entry
		}
		r, err := decodeRecord(id, v)
		if err != nil {
			return err
		}
		var es []ixEntry
		for _, c := range parserReasons(&r.Result) {
			es = append(es, ixEntry{ixFlag, valueKey(flagReasonPrefix+c, id)})
		}
		if err := putIndexes(tx, es); err != nil {
			return err
		}
	}
	return nil
}

// checkReviews checks every review document: it belongs to a record, its
// history is numbered 1, 2, ... and replays to the corrections and the
// review state it holds, and every correction names a field.
func (v *verifier) checkReviews() {
	b := v.tx.Bucket(bReview)
	if b == nil {
		return
	}
	recs := v.tx.Bucket(bRecord)
	b.ForEach(func(k, val []byte) error {
		id := keyID(k)
		if len(k) != 8 || recs.Get(k) == nil {
			v.add(id, "review of message %d: no such record", id)
			return nil
		}
		var doc reviewDoc
		if err := json.Unmarshal(val, &doc); err != nil {
			v.add(id, "review of message %d: %v", id, err)
			return nil
		}
		for _, p := range reviewProblems(&doc) {
			v.add(id, "review of message %d: %s", id, p)
		}
		return nil
	})
}

// reviewProblems replays doc's history and compares it with what doc says
// stands.
func reviewProblems(doc *reviewDoc) []string {
	var probs []string
	standing := map[string]string{}
	disagrees := map[string]bool{}
	state := StateUnreviewed
	for i, e := range doc.History {
		if e.Seq != i+1 {
			probs = append(probs, fmt.Sprintf("history event %d numbered %d", i+1, e.Seq))
		}
		switch e.Action {
		case ActCorrect:
			standing[e.Field] = e.New
			delete(disagrees, e.Field)
		case ActUndo:
			if _, ok := standing[e.Field]; !ok {
				probs = append(probs, fmt.Sprintf("history event %d undoes %s, which was not corrected", e.Seq, e.Field))
			}
			delete(standing, e.Field)
			delete(disagrees, e.Field)
		case ActDisagree:
			disagrees[e.Field] = true
		case ActAgreeing:
			delete(disagrees, e.Field)
		case ActAccept:
			if e.Field != "" {
				delete(disagrees, e.Field)
			} else {
				state = StateReviewed
			}
		case ActUnreview:
			state = StateUnreviewed
		case ActMigration:
		default:
			probs = append(probs, fmt.Sprintf("history event %d: unknown action %q", e.Seq, e.Action))
		}
	}
	have := map[string]string{}
	for _, c := range doc.Corrections {
		if _, err := resultValue(new(mailparse.Result), c.Field); err != nil {
			probs = append(probs, fmt.Sprintf("correction of unknown field %q", c.Field))
		}
		if _, dup := have[c.Field]; dup {
			probs = append(probs, fmt.Sprintf("two corrections of %s", c.Field))
		}
		have[c.Field] = c.Value
		if c.Disagrees != disagrees[c.Field] {
			probs = append(probs, fmt.Sprintf("correction of %s: disagreement flag %v, history says %v", c.Field, c.Disagrees, disagrees[c.Field]))
		}
	}
	if !maps.Equal(have, standing) {
		probs = append(probs, fmt.Sprintf("standing corrections %v do not match the history's %v", sortedPairs(have), sortedPairs(standing)))
	}
	if doc.State != state {
		probs = append(probs, fmt.Sprintf("state %q, history says %q", doc.State, state))
	}
	return probs
}

func sortedPairs(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k, v := range m {
		out = append(out, k+"="+v)
	}
	slices.Sort(out)
	return out
}

// salvageReview keeps the review document of a salvaged message when it
// still reads and replays consistently, and makes r.rec the effective
// record for the indexes and counters that follow. A damaged document is
// dropped: the message is back to unreviewed, its raw mail and parser
// reading kept.
func salvageReview(tx *bolt.Tx, r salvaged) error {
	if r.review == nil {
		return nil
	}
	var doc reviewDoc
	if json.Unmarshal(r.review, &doc) != nil || len(reviewProblems(&doc)) > 0 {
		return nil
	}
	if err := putReviewDoc(tx, r.id, &doc); err != nil {
		return err
	}
	attachReview(r.rec, &doc)
	return nil
}
