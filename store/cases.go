package store

import (
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
