package store

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"
)

// ReviewQueue lists the messages waiting for a person (see review_api.go).
// It is answered from the flag, kind, lab and date indexes (the parser's
// reasons are flags too) and the review documents of the messages with a
// disagreement: a queue of 10,000 unreviewed reports costs index scans,
// not 10,000 decodes of reports.
func (s *Store) ReviewQueue(ctx context.Context, f QueueFilter) ([]QueueItem, error) {
	var items []QueueItem
	err := s.view(ctx, func(tx *bolt.Tx) error {
		var err error
		items, err = reviewQueue(tx, f)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("review queue: %w", err)
	}
	return items, nil
}

func reviewQueue(tx *bolt.Tx, f QueueFilter) ([]QueueItem, error) {
	flags := tx.Bucket(ixFlag)
	asks := prefixIDs(flags, valuePrefix(flagReview))
	reports := prefixIDs(tx.Bucket(ixKind), valuePrefix(kindReport))
	disagree := prefixIDs(flags, valuePrefix(flagDisagree))
	reviewed := prefixIDs(flags, valuePrefix(flagReviewed))
	if f.Lab != "" {
		lab := prefixIDs(tx.Bucket(ixLab), valuePrefix(NormLab(f.Lab)))
		asks, reports, disagree = intersect(asks, lab), intersect(reports, lab), intersect(disagree, lab)
	}
	asks = minus(asks, reviewed)
	reports = minus(minus(reports, reviewed), asks)
	anyDisagree := disagree
	disagree = minus(minus(disagree, asks), reports)
	n := len(asks) + len(reports) + len(disagree)
	if n == 0 {
		return []QueueItem{}, nil
	}
	// group[id] is the item's queue group (0, 1, 2); the date index, in
	// date then ID order, deals the items out to their groups already
	// sorted oldest first.
	groupNames := [3]string{QueueParserAsks, QueueUnreviewed, QueueDisagreement}
	group := make(map[uint64]int, n)
	for g, ids := range [3][]uint64{asks, reports, disagree} {
		for _, id := range ids {
			group[id] = g
		}
	}
	byGroup := [3][]QueueItem{make([]QueueItem, 0, len(asks)), make([]QueueItem, 0, len(reports)), make([]QueueItem, 0, len(disagree))}
	c := tx.Bucket(ixDate).Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		if len(k) != 16 {
			continue
		}
		id := keyID(k)
		g, ok := group[id]
		if !ok {
			continue
		}
		delete(group, id) // one date per record; a stray second entry is Verify's
		byGroup[g] = append(byGroup[g], QueueItem{ID: id, Group: groupNames[g],
			Date: dateOfKey(k), Reasons: []string{}})
	}
	items := make([]QueueItem, 0, n)
	for _, g := range byGroup {
		items = append(items, g...)
	}
	at := make(map[uint64]int, len(items))
	for i, it := range items {
		at[it.ID] = i
	}
	// One pass over the lab and kind indexes names each item's lab and
	// kind; the reason flags give the parser's reasons.
	eachKey(tx.Bucket(ixLab), nil, func(k []byte) {
		if i, ok := at[keyID(k)]; ok && len(k) > 9 {
			items[i].Lab = string(k[:len(k)-9])
		}
	})
	eachKey(tx.Bucket(ixKind), nil, func(k []byte) {
		if i, ok := at[keyID(k)]; ok && len(k) > 9 {
			items[i].Kind = string(k[:len(k)-9])
		}
	})
	eachKey(flags, []byte(flagReasonPrefix), func(k []byte) {
		if i, ok := at[keyID(k)]; ok && len(k) > 9+len(flagReasonPrefix) {
			code := string(k[len(flagReasonPrefix) : len(k)-9])
			items[i].Reasons = append(items[i].Reasons, code)
			items[i].Why = append(items[i].Why, ReasonWords(code))
		}
	})
	for i := range items {
		it := &items[i]
		if contains(anyDisagree, it.ID) {
			doc, err := getReviewDoc(tx, it.ID)
			if err != nil {
				return nil, err
			}
			for _, c := range doc.Corrections {
				if c.Disagrees {
					it.Why = append(it.Why, fmt.Sprintf("%s: corrected to %q against %q; the parser now reads %q", c.Field, clip(c.Value), clip(c.Against), clip(c.ParserNow)))
				}
			}
		}
		if len(it.Why) == 0 {
			it.Why = []string{notReviewed}
		}
	}
	if f.Limit > 0 && len(items) > f.Limit {
		items = items[:f.Limit]
	}
	return items, nil
}

const (
	kindReport  = "report"
	notReviewed = "not reviewed yet"
)

// dateOfKey reads the time of a date index key (index.go's timeKey).
func dateOfKey(k []byte) (t time.Time) {
	return time.Unix(int64(keyID(k[:8])^(1<<63)), 0).UTC()
}

// eachKey calls fn for every key of b starting with prefix (nil: all).
func eachKey(b *bolt.Bucket, prefix []byte, fn func(k []byte)) {
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		fn(k)
	}
}

// contains tells whether sorted ids holds id.
func contains(ids []uint64, id uint64) bool {
	_, ok := slices.BinarySearch(ids, id)
	return ok
}

// minus returns the sorted a without the sorted b.
func minus(a, b []uint64) []uint64 {
	var out []uint64
	j := 0
	for _, x := range a {
		for j < len(b) && b[j] < x {
			j++
		}
		if j < len(b) && b[j] == x {
			continue
		}
		out = append(out, x)
	}
	return out
}

// clip shortens a value quoted in a one-line reason.
func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "..."
	}
	return s
}
