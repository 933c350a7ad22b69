package store

import (
	"context"
	"fmt"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"cyberintake/mailparse"
)

// Reparsed is a new parse of a stored raw message.
type Reparsed struct {
	ID     uint64
	Result *mailparse.Result
}

// Update replaces the parsed results of stored records (reprocess) in one
// transaction, keeping indexes and counters in step, and stamps them with
// the current parser version. The raw messages, corrections and reviews
// are not touched (Reparse says what the new readings mean for them).
func (s *Store) Update(ctx context.Context, recs []Reparsed) error {
	_, err := s.Reparse(ctx, recs)
	return err
}

// Reparse is Update with its report: which corrected fields the parser now
// reads differently from the reading the correction was made against, and
// which reviewed messages went back to unreviewed because the parser's
// reading changed in a field nobody corrected.
func (s *Store) Reparse(ctx context.Context, recs []Reparsed) (*ReparseReport, error) {
	rep := &ReparseReport{Disagreements: []Disagreement{}, Unreviewed: []uint64{}}
	now := time.Now().UTC().Truncate(time.Millisecond)
	err := s.update(ctx, func(tx *bolt.Tx) error {
		*rep = ReparseReport{Disagreements: []Disagreement{}, Unreviewed: []uint64{}}
		counts := counterDelta{}
		for _, u := range recs {
			if u.Result == nil {
				return fmt.Errorf("record %d: nil result", u.ID)
			}
			if err := updateOne(tx, u.ID, u.Result, counts, rep, now); err != nil {
				return err
			}
		}
		return counts.apply(tx)
	})
	if err != nil {
		return nil, fmt.Errorf("update %d records: %w", len(recs), err)
	}
	return rep, nil
}

func updateOne(tx *bolt.Tx, id uint64, res *mailparse.Result, counts counterDelta, rep *ReparseReport, now time.Time) error {
	k := idKey(id)
	recs := tx.Bucket(bRecord)
	v := recs.Get(k)
	if v == nil {
		return fmt.Errorf("record %d: %w", id, ErrNotFound)
	}
	old, err := loadRecord(tx, id, v) // effective: its indexes and counters go
	if err != nil {
		return err
	}
	doc, err := getReviewDoc(tx, id)
	if err != nil {
		return err
	}
	nr := *old
	nr.Result = *res
	nr.ParserVersion = mailparse.Version
	nr.Review, nr.parsed = nil, nil
	if nr.Truncated != "" { // the source's cut is not in the raw message: keep the flag
		markTruncated(&nr.Result)
	}
	for _, n := range longValueNotes(res) {
		if !slices.Contains(nr.Notes, n) {
			nr.Notes = append(slices.Clip(nr.Notes), n)
		}
	}
	val, err := encodeRecord(&nr)
	if err != nil { // one bad result must not stop the batch: keep the error instead
		nr.Result = *QuarantinedResult(res.File, err.Error())
		if val, err = encodeRecord(&nr); err != nil {
			return err
		}
	}
	if err := recs.Put(k, val); err != nil {
		return fmt.Errorf("put record %d: %w", id, err)
	}
	// Corrections and reviews stand; the new reading may disagree with
	// what a correction was made against, or unsettle a review.
	disagree, unreview := reparseReview(old, &nr.Result, doc, now)
	rep.Disagreements = append(rep.Disagreements, disagree...)
	if unreview {
		rep.Unreviewed = append(rep.Unreviewed, id)
	}
	if len(doc.History) > 0 {
		if err := putReviewDoc(tx, id, doc); err != nil {
			return err
		}
	}
	attachReview(&nr, doc)
	if err := reindex(tx, id, old, &nr, counts); err != nil {
		return err
	}
	// Keep the Message-ID map pointing at this record when the new parse
	// found (or changed) its Message-ID and no other record claims it.
	msgids := tx.Bucket(bMsgID)
	oldID, newID := normMsgID(old.Parsed().MessageID), normMsgID(nr.Parsed().MessageID)
	if oldID == newID {
		return nil
	}
	if oldID != "" && keyID(msgids.Get(msgIDKey(oldID))) == id {
		if err := msgids.Delete(msgIDKey(oldID)); err != nil {
			return fmt.Errorf("record %d: message-id: %w", id, err)
		}
	}
	if newID != "" && msgids.Get(msgIDKey(newID)) == nil {
		if err := msgids.Put(msgIDKey(newID), k); err != nil {
			return fmt.Errorf("record %d: message-id: %w", id, err)
		}
	}
	return nil
}
