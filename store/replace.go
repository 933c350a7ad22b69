package store

import (
	"bytes"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"

	"cyberintake/mailparse"
)

// Issue 12: a message the source ended inside (an mbox cut in its last
// message, a .gz that ends early) is filed flagged "truncated"; when the
// complete message comes later (the same Message-ID, the truncated bytes a
// prefix of it) it replaces the truncated raw message and its reading in
// the same record, instead of being taken for a duplicate, and the record
// lists what it replaced. A truncated copy read after the complete one is
// its duplicate.

// markTruncated flags a result for review as truncated.
func markTruncated(res *mailparse.Result) {
	if !slices.Contains(res.ReviewReasons, mailparse.ReasonTruncated) {
		res.ReviewReasons = append(slices.Clip(res.ReviewReasons), mailparse.ReasonTruncated)
	}
	res.NeedsReview = true
}

// prefixRelation compares the stored raw message of a record with a new
// copy that has its Message-ID, line ends aside: +1 when the new copy is
// the stored one continued (the stored one was cut), -1 when it is a cut
// of the stored one, 0 otherwise.
func prefixRelation(stored, cur []byte) int {
	s, c := lfOnly(stored), lfOnly(cur)
	switch {
	case len(c) > len(s) && bytes.HasPrefix(c, s):
		return 1
	case len(s) > len(c) && bytes.HasPrefix(s, c):
		return -1
	}
	return 0
}

// lfOnly is b with CRLF line ends made LF (IMAP servers send CRLF, mbox
// files hold LF), without trailing blank lines (an mbox reader drops them).
func lfOnly(b []byte) []byte {
	if bytes.Contains(b, []byte("\r\n")) {
		b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	}
	for bytes.HasSuffix(b, []byte("\n\n")) {
		b = b[:len(b)-1]
	}
	return b
}

// replaceTruncated files p in place of record id, a truncated copy of it:
// the raw message, the record (keeping its ID and filing time, adding
// what it replaced) and its indexes and counters. The truncated copy's
// content key stays mapped to the record, so reading it again is a
// duplicate.
func replaceTruncated(tx *bolt.Tx, id uint64, old *Record, oldSize int, p *prepared, counts counterDelta) error {
	k := idKey(id)
	nr := p.rec
	nr.FiledAt = old.FiledAt
	nr.Notes = append(slices.Clip(old.Notes), p.rec.Notes...)
	nr.Replaced = append(slices.Clip(old.Replaced), ReplacedCopy{
		At: p.now, Hash: old.Hash, Size: oldSize, Source: old.Source, FiledAt: old.FiledAt, Truncated: old.Truncated,
	})
	val, err := encodeRecord(&nr)
	if err != nil {
		return fmt.Errorf("record %d: %w", id, err)
	}
	if err := deleteIndexes(tx, indexEntries(id, old)); err != nil {
		return err
	}
	counts.add(old, -1)
	if err := tx.Bucket(bRaw).Put(k, p.raw); err != nil {
		return fmt.Errorf("put raw %d: %w", id, err)
	}
	if err := tx.Bucket(bRecord).Put(k, val); err != nil {
		return fmt.Errorf("put record %d: %w", id, err)
	}
	if err := tx.Bucket(bContent).Put(p.key[:], k); err != nil {
		return fmt.Errorf("put content key %d: %w", id, err)
	}
	if err := reviewNewReading(tx, id, old, &nr, p.now); err != nil {
		return err
	}
	if err := putIndexes(tx, indexEntries(id, &nr)); err != nil {
		return err
	}
	counts.add(&nr, 1)
	return nil
}
