package store

import (
	"bytes"
	"context"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"cyberintake/mailparse"
)

// EachCase calls fn with the case of each lab in labs (see Case), in that
// order, all read in one transaction: the store is opened once, not once
// per lab (1,300 labs: 5 s one by one). Labs that sent nothing are
// skipped. fn runs inside the read transaction, so it should only compute
// or buffer: slow work (the network) belongs after EachCase returns.
func (s *Store) EachCase(ctx context.Context, labs []string, fn func(*Case) error) error {
	return s.view(ctx, func(tx *bolt.Tx) error {
		for _, lab := range labs {
			if err := ctx.Err(); err != nil {
				return err
			}
			members, err := caseRecords(tx, NormLab(lab))
			if err != nil {
				return fmt.Errorf("case %s: %w", lab, err)
			}
			if len(members) == 0 {
				continue
			}
			if err := fn(mergeCase(members)); err != nil {
				return err
			}
		}
		return nil
	})
}

// CaseSet is every lab's case, and the reports that belong to none (they
// name no lab and reply to no lab's message).
type CaseSet struct {
	Cases []*Case
	Loose []Record
}

// Cases returns the case of every lab (as Case builds it for one), in the
// order of their normalised lab, built from the records f matches (a zero
// Filter: all), and the reports f matches that are in no case. It reads
// in one transaction, so an overview of 200 labs costs one open of the
// file rather than 200, and decodes each record once; a lab none of whose
// records f matches has no case.
func (s *Store) Cases(ctx context.Context, f Filter) (*CaseSet, error) {
	out := &CaseSet{}
	err := s.view(ctx, func(tx *bolt.Tx) error {
		seen := map[uint64]bool{}
		var last []byte
		c := tx.Bucket(ixLab).Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			if len(k) < 9 {
				continue
			}
			lab := k[:len(k)-9]
			if last != nil && bytes.Equal(lab, last) {
				continue
			}
			last = append(last[:0], lab...)
			if len(lab) == 0 {
				continue
			}
			members, err := caseRecords(tx, string(lab))
			if err != nil {
				return err
			}
			kept := members[:0]
			for i := range members {
				if f.Matches(&members[i]) {
					kept = append(kept, members[i])
				}
			}
			for _, r := range members {
				seen[r.ID] = true
			}
			if len(kept) > 0 {
				out.Cases = append(out.Cases, mergeCase(kept))
			}
		}
		recs := tx.Bucket(bRecord)
		for _, id := range prefixIDs(tx.Bucket(ixKind), valuePrefix(string(mailparse.KindReport))) {
			if seen[id] {
				continue
			}
			v := recs.Get(idKey(id))
			if v == nil {
				continue
			}
			r, err := decodeRecord(id, v)
			if err != nil {
				return err
			}
			if f.Matches(r) && isReport(r) {
				out.Loose = append(out.Loose, *r)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("cases: %w", err)
	}
	return out, nil
}
