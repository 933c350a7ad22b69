package store

import (
	"context"
	"fmt"
	"slices"

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
// the current parser version. The raw messages are not touched.
func (s *Store) Update(ctx context.Context, recs []Reparsed) error {
	err := s.update(ctx, func(tx *bolt.Tx) error {
		counts := counterDelta{}
		for _, u := range recs {
			if u.Result == nil {
				return fmt.Errorf("record %d: nil result", u.ID)
			}
			if err := updateOne(tx, u.ID, u.Result, counts); err != nil {
				return err
			}
		}
		return counts.apply(tx)
	})
	if err != nil {
		return fmt.Errorf("update %d records: %w", len(recs), err)
	}
	return nil
}

func updateOne(tx *bolt.Tx, id uint64, res *mailparse.Result, counts counterDelta) error {
	k := idKey(id)
	recs := tx.Bucket(bRecord)
	v := recs.Get(k)
	if v == nil {
		return fmt.Errorf("record %d: %w", id, ErrNotFound)
	}
	old, err := decodeRecord(id, v)
	if err != nil {
		return err
	}
	nr := *old
	nr.Result = *res
	nr.ParserVersion = mailparse.Version
	if nr.Truncated != "" { // the source's cut is not in the raw message: keep the flag
		markTruncated(&nr.Result)
	}
	for _, n := range longValueNotes(res) {
		if !slices.Contains(nr.Notes, n) {
			nr.Notes = append(slices.Clip(nr.Notes), n)
		}
	}
	if err := deleteIndexes(tx, indexEntries(id, old)); err != nil {
		return err
	}
	counts.add(old, -1)
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
	if err := putIndexes(tx, indexEntries(id, &nr)); err != nil {
		return err
	}
	counts.add(&nr, 1)
	// Keep the Message-ID map pointing at this record when the new parse
	// found (or changed) its Message-ID and no other record claims it.
	msgids := tx.Bucket(bMsgID)
	oldID, newID := normMsgID(old.Result.MessageID), normMsgID(nr.Result.MessageID)
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
