package store

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"cyberintake/classify"
	"cyberintake/mailparse"
)

// Get returns one record.
func (s *Store) Get(ctx context.Context, id uint64) (*Record, error) {
	var r *Record
	err := s.view(ctx, func(tx *bolt.Tx) error {
		v := tx.Bucket(bRecord).Get(idKey(id))
		if v == nil {
			return ErrNotFound
		}
		var err error
		r, err = loadRecord(tx, id, v)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("record %d: %w", id, err)
	}
	return r, nil
}

// Raw returns the original bytes of one message, as received.
func (s *Store) Raw(ctx context.Context, id uint64) ([]byte, error) {
	var raw []byte
	err := s.view(ctx, func(tx *bolt.Tx) error {
		v := tx.Bucket(bRaw).Get(idKey(id))
		if v == nil {
			return ErrNotFound
		}
		var err error
		raw, err = unpack(v)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("raw message %d: %w", id, err)
	}
	return raw, nil
}

// List returns the records matching f, oldest message first (by Date, then
// ID), at most f.Limit of them. Indexed filters (lab, kind, language, tags,
// flags, dates) pick the candidates; only those are decoded, in batches of
// short read transactions so that a writer never waits long behind a
// listing of the whole store.
func (s *Store) List(ctx context.Context, f Filter) ([]Record, error) {
	var ids []uint64
	err := s.view(ctx, func(tx *bolt.Tx) error {
		if f.indexed() {
			ids = candidateIDs(tx, f)
		} else {
			ids = allIDs(tx)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list: %w", err)
	}
	var out []Record
	sk := skipper{s: s}
	for len(ids) > 0 {
		n := min(len(ids), listBatch)
		err := s.view(ctx, func(tx *bolt.Tx) error {
			recs := tx.Bucket(bRecord)
			for _, id := range ids[:n] {
				v := recs.Get(idKey(id))
				if v == nil {
					continue
				}
				r, err := loadRecord(tx, id, v)
				if err != nil {
					sk.skip(id, err)
					continue
				}
				if f.Matches(r) {
					out = append(out, *r)
				}
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("list: %w", err)
		}
		ids = ids[n:]
	}
	sort.SliceStable(out, func(i, j int) bool {
		ti, tj := recordTime(&out[i]), recordTime(&out[j])
		if !ti.Equal(tj) {
			return ti.Before(tj)
		}
		return out[i].ID < out[j].ID
	})
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
	}
	return out, sk.err()
}

// listBatch is how many records one transaction of List decodes.
const listBatch = 2000

// allIDs lists every record from the kind index, which holds one small key
// per record (the record bucket's pages hold the records themselves).
func allIDs(tx *bolt.Tx) []uint64 {
	var ids []uint64
	c := tx.Bucket(ixKind).Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		ids = append(ids, keyID(k))
	}
	slices.Sort(ids)
	return ids
}

// eachBatch bounds what Each holds in memory and how long it keeps the
// file open at a time.
const (
	eachBatch    = 256
	eachRawBytes = 32 << 20
)

type loaded struct {
	rec *Record
	raw []byte
}

// Each calls fn for every record matching f (zero Filter: all), in ID order,
// with its raw message; slices are copies, safe to keep. Records are read
// in bounded batches and fn runs with the store closed, so fn may call
// Update (reprocess) and a writer may file between batches.
func (s *Store) Each(ctx context.Context, f Filter, fn func(rec *Record, raw []byte) error) error {
	return s.each(ctx, f, true, fn)
}

// EachRecord is Each without the raw messages (export): nothing is
// decompressed but the records.
func (s *Store) EachRecord(ctx context.Context, f Filter, fn func(rec *Record) error) error {
	return s.each(ctx, f, false, func(rec *Record, _ []byte) error { return fn(rec) })
}

// each returns a *SkippedError after the others when records could not
// be read.
func (s *Store) each(ctx context.Context, f Filter, withRaw bool, fn func(rec *Record, raw []byte) error) error {
	sk := skipper{s: s}
	if err := s.eachRead(ctx, f, withRaw, fn, &sk); err != nil {
		return err
	}
	return sk.err()
}

func (s *Store) eachRead(ctx context.Context, f Filter, withRaw bool, fn func(rec *Record, raw []byte) error, sk *skipper) error {
	var ids []uint64 // nil: walk all records by ID
	if f.indexed() {
		if err := s.view(ctx, func(tx *bolt.Tx) error {
			ids = candidateIDs(tx, f)
			return nil
		}); err != nil {
			return fmt.Errorf("each: %w", err)
		}
		if len(ids) == 0 {
			return nil
		}
	}
	var after uint64
	sent := 0
	for {
		var batch []loaded
		err := s.view(ctx, func(tx *bolt.Tx) error {
			batch = batch[:0]
			recs, raws := tx.Bucket(bRecord), tx.Bucket(bRaw)
			size := 0
			load := func(id uint64, v []byte) error {
				after = id
				r, err := loadRecord(tx, id, v)
				if err != nil {
					sk.skip(id, err)
					return nil
				}
				if !f.Matches(r) {
					return nil
				}
				var raw []byte
				if withRaw {
					var err error
					if raw, err = unpack(raws.Get(idKey(id))); err != nil {
						sk.skip(id, fmt.Errorf("raw message %d: %w", id, err))
						return nil
					}
				}
				batch = append(batch, loaded{r, raw})
				size += len(raw)
				return nil
			}
			if ids != nil {
				for len(ids) > 0 && len(batch) < eachBatch && size < eachRawBytes {
					id := ids[0]
					ids = ids[1:]
					if v := recs.Get(idKey(id)); v != nil {
						if err := load(id, v); err != nil {
							return err
						}
					}
				}
				return nil
			}
			c := recs.Cursor()
			k, v := c.Seek(idKey(after + 1))
			for ; k != nil && len(batch) < eachBatch && size < eachRawBytes; k, v = c.Next() {
				if err := load(keyID(k), v); err != nil {
					return err
				}
			}
			if k == nil {
				ids = []uint64{} // done after this batch
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("each: %w", err)
		}
		for _, l := range batch {
			if f.Limit > 0 && sent >= f.Limit {
				return nil
			}
			if err := fn(l.rec, l.raw); err != nil {
				return err
			}
			sent++
		}
		if ids != nil && len(ids) == 0 {
			return nil
		}
	}
}

// indexed tells whether an index narrows f's candidates.
func (f Filter) indexed() bool {
	return f.Lab != "" || f.Kind != "" || f.Language != "" || len(f.Tags) > 0 ||
		f.NeedsReview || f.Failed || f.Reviewed || f.Corrected || !f.Since.IsZero() || !f.Until.IsZero() || f.incidentRange()
}

// candidateIDs intersects the index scans of f's indexed fields: a sorted
// superset of the matching IDs (Matches decides).
func candidateIDs(tx *bolt.Tx, f Filter) []uint64 {
	var sets [][]uint64
	scan := func(bucket []byte, value string) {
		sets = append(sets, prefixIDs(tx.Bucket(bucket), valuePrefix(value)))
	}
	if f.Lab != "" {
		scan(ixLab, NormLab(f.Lab))
	}
	if f.Kind != "" {
		scan(ixKind, string(f.Kind))
	}
	if f.Language != "" {
		scan(ixLang, f.Language)
	}
	for g, labels := range f.Tags {
		for _, l := range labels {
			scan(ixTag, g+"="+l)
		}
	}
	if f.Failed {
		scan(ixFlag, flagFailed)
	}
	if f.NeedsReview {
		scan(ixFlag, flagReview)
	}
	if f.Reviewed {
		scan(ixFlag, flagReviewed)
	}
	if f.Corrected {
		scan(ixFlag, flagCorrected)
	}
	if !f.Since.IsZero() || !f.Until.IsZero() {
		sets = append(sets, dateIDs(tx.Bucket(ixDate), f))
	}
	if f.incidentRange() {
		sets = append(sets, incidentIDs(tx.Bucket(ixIncident), f))
	}
	slices.SortFunc(sets, func(a, b []uint64) int { return len(a) - len(b) })
	out := sets[0]
	for _, s := range sets[1:] {
		out = intersect(out, s)
	}
	return out
}

// prefixIDs reads the IDs of the index keys starting with prefix, sorted.
func prefixIDs(b *bolt.Bucket, prefix []byte) []uint64 {
	var ids []uint64
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		if len(k) == len(prefix)+8 {
			ids = append(ids, keyID(k))
		}
	}
	return ids // keys sort by ID within one value
}

func dateIDs(b *bolt.Bucket, f Filter) []uint64 {
	var ids []uint64
	c := b.Cursor()
	k, _ := c.First()
	if !f.Since.IsZero() {
		k, _ = c.Seek(timeKey(f.Since))
	}
	var end []byte
	if !f.Until.IsZero() {
		end = timeKey(f.Until)
	}
	for ; k != nil && (end == nil || bytes.Compare(k[:8], end) < 0); k, _ = c.Next() {
		ids = append(ids, keyID(k))
	}
	slices.Sort(ids)
	return ids
}

func intersect(a, b []uint64) []uint64 {
	var out []uint64
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

// Matches tells whether r passes every condition of f (Limit aside).
func (f Filter) Matches(r *Record) bool {
	res := &r.Result
	switch {
	case f.Lab != "" && r.LabKey() != NormLab(f.Lab),
		f.Language != "" && res.Language != f.Language,
		f.Kind != "" && res.Kind != f.Kind,
		f.NeedsReview && !res.NeedsReview,
		f.Failed && !r.Failed(),
		f.Reviewed && !r.Reviewed(), f.Unreviewed && r.Reviewed(),
		f.Corrected && len(r.Corrected()) == 0,
		f.Outdated && r.ParserVersion >= mailparse.Version && !r.Failed():
		return false
	}
	if t := recordTime(r); !f.Since.IsZero() && t.Before(f.Since) || !f.Until.IsZero() && !t.Before(f.Until) {
		return false
	}
	if !f.incidentMatches(r) {
		return false
	}
	if len(f.Tags) > 0 {
		have := map[string]bool{}
		for _, t := range tagPairs(*res) {
			have[t] = true
		}
		for g, labels := range f.Tags {
			for _, l := range labels {
				if !have[g+"="+l] {
					return false
				}
			}
		}
	}
	if f.Text != "" {
		s := res.Sections
		// Both sides folded alike: "rancongiciel" finds "rançongiciel",
		// "Uberlastung" finds "Überlastung".
		hay := classify.Fold(strings.Join([]string{s.A, s.B, s.C, s.D, s.E}, "\n"))
		for _, w := range strings.Fields(classify.Fold(f.Text)) {
			if !strings.Contains(hay, w) {
				return false
			}
		}
	}
	return true
}
