package store

import (
	"context"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"cyberintake/mailparse"
)

// StatsOf counts the records f selects (stats --since/--until) the way
// Stats counts the whole store, reading each record instead of the
// counters: its cost grows with the records selected. Damaged records are
// left out: the counts of the others come with a *SkippedError.
func (s *Store) StatsOf(ctx context.Context, f Filter) (*Stats, error) {
	d := counterDelta{}
	labs := map[string]bool{}
	err := s.each(ctx, f, false, func(r *Record, _ []byte) error {
		d.add(r, 1)
		if l := r.LabKey(); l != "" && isReport(r) {
			labs[l] = true
		}
		return nil
	})
	var skipped *SkippedError
	if err != nil && !errors.As(err, &skipped) {
		return nil, fmt.Errorf("stats: %w", err)
	}
	st := statsFromCounters(d)
	st.Labs = len(labs)
	return st, err
}

// countLabs counts the distinct labs of the reports, from the lab and
// kind indexes (a failed message is filed raw and is no report).
func countLabs(tx *bolt.Tx) int {
	reports := map[uint64]bool{}
	for _, id := range prefixIDs(tx.Bucket(ixKind), valuePrefix(string(mailparse.KindReport))) {
		reports[id] = true
	}
	for _, id := range prefixIDs(tx.Bucket(ixFlag), valuePrefix(flagFailed)) {
		delete(reports, id)
	}
	labs := map[string]bool{}
	tx.Bucket(ixLab).ForEach(func(k, _ []byte) error {
		if len(k) > 9 && reports[keyID(k)] {
			labs[string(k[:len(k)-9])] = true
		}
		return nil
	})
	return len(labs)
}
