package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"
)

// ReviewQueue lists the messages waiting for a person (see review_api.go).
// It reads the flag, kind, lab and date indexes and the review documents
// of the messages with a disagreement; reports are decoded only for the
// parser's reasons of the messages it asks about, so a queue of 10,000
// unreviewed reports costs index scans, not 10,000 decodes.
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
	disagree = minus(minus(disagree, asks), reports)

	items := make([]QueueItem, 0, len(asks)+len(reports)+len(disagree))
	for _, g := range []struct {
		name string
		ids  []uint64
	}{{QueueParserAsks, asks}, {QueueUnreviewed, reports}, {QueueDisagreement, disagree}} {
		for _, id := range g.ids {
			items = append(items, QueueItem{ID: id, Group: g.name})
		}
	}
	if len(items) == 0 {
		return items, nil
	}
	at := map[uint64]int{}
	for i, it := range items {
		at[it.ID] = i
	}
	// One pass over each small index fills in date, lab and kind.
	eachKey(tx.Bucket(ixDate), func(k []byte) {
		if i, ok := at[keyID(k)]; ok && len(k) == 16 {
			items[i].Date = time.Unix(int64(keyID(k[:8])^(1<<63)), 0).UTC()
		}
	})
	eachKey(tx.Bucket(ixLab), func(k []byte) {
		if i, ok := at[keyID(k)]; ok && len(k) > 9 {
			items[i].Lab = string(k[:len(k)-9])
		}
	})
	eachKey(tx.Bucket(ixKind), func(k []byte) {
		if i, ok := at[keyID(k)]; ok && len(k) > 9 {
			items[i].Kind = string(k[:len(k)-9])
		}
	})
	recs := tx.Bucket(bRecord)
	for i := range items {
		it := &items[i]
		if it.Group == QueueUnreviewed {
			it.Reasons, it.Why = []string{}, []string{notReviewed}
			continue
		}
		v := recs.Get(idKey(it.ID))
		if v == nil {
			continue
		}
		r, err := loadRecord(tx, it.ID, v)
		if err != nil {
			return nil, err
		}
		it.Reasons = r.Review.Reasons
		for _, c := range it.Reasons {
			it.Why = append(it.Why, ReasonWords(c))
		}
		for _, c := range r.Review.Corrections {
			if c.Disagrees {
				it.Why = append(it.Why, fmt.Sprintf("%s: corrected to %q against %q; the parser now reads %q", c.Field, clip(c.Value), clip(c.Against), clip(c.ParserNow)))
			}
		}
		if len(it.Why) == 0 {
			it.Why = []string{notReviewed}
		}
	}
	// Oldest first within each group.
	rank := map[string]int{QueueParserAsks: 0, QueueUnreviewed: 1, QueueDisagreement: 2}
	slices.SortStableFunc(items, func(a, b QueueItem) int {
		if d := rank[a.Group] - rank[b.Group]; d != 0 {
			return d
		}
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	if f.Limit > 0 && len(items) > f.Limit {
		items = items[:f.Limit]
	}
	return items, nil
}

const (
	kindReport  = "report"
	notReviewed = "not reviewed yet"
)

func eachKey(b *bolt.Bucket, fn func(k []byte)) {
	c := b.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		fn(k)
	}
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
