package store

import (
	"bytes"
	"context"
	"fmt"

	bolt "go.etcd.io/bbolt"
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

// Cases returns the case of every lab (as Case builds it for one), in the
// order of their normalised lab, built from the records f matches (a zero
// Filter: all). It reads in one transaction, so an overview of 200 labs
// costs one open of the file rather than 200; a lab none of whose records
// f matches has no case.
func (s *Store) Cases(ctx context.Context, f Filter) ([]*Case, error) {
	var out []*Case
	err := s.view(ctx, func(tx *bolt.Tx) error {
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
			if len(kept) > 0 {
				out = append(out, mergeCase(kept))
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("cases: %w", err)
	}
	return out, nil
}
