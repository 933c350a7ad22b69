package store

import (
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	bolt "go.etcd.io/bbolt"

	"cyberintake/mailparse"
)

// bucketDigest hashes every key and value of the named buckets of a bbolt
// file, read with bbolt alone (the store may not read it yet).
func bucketDigest(t *testing.T, path string, names ...[]byte) map[string]string {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	out := map[string]string{}
	db.View(func(tx *bolt.Tx) error {
		for _, n := range names {
			h := sha256.New()
			if b := tx.Bucket(n); b != nil {
				b.ForEach(func(k, v []byte) error { fmt.Fprintf(h, "%q=%q\n", k, v); return nil })
				fmt.Fprintf(h, "seq %d", b.Sequence())
			}
			out[string(n)] = fmt.Sprintf("%x", h.Sum(nil))
		}
		return nil
	})
	return out
}

// TestMigrateToReview opens stores written by the code before reviews
// existed (testdata/README.md): schema 2 (ceb366a) and schema 4 (cdd965b).
// The migration adds the review bucket and the reason flags and leaves
// every record, the other indexes and the counters as they were; the store
// then checks clean, and corrections and reviews work on it.
func TestMigrateToReview(t *testing.T) {
	// Everything but meta (its schema version changes) and the flags (they
	// gain the parser's review reasons); schema 2 also has its lab index
	// rebuilt (migrateLabKeys) and long keys bounded (migrateLongKeys).
	common := [][]byte{bRaw, bRecord, bContent, bSource, bCounters, ixDate, ixKind, ixLang, ixTag, ixRef}
	for _, tc := range []struct {
		file      string
		unchanged [][]byte
		reasons   []string // of the message the parser asks about
	}{
		{"schema2-ceb366a.db", common, []string{"needs_review"}},
		{"schema4-cdd965b.db", append(common, ixLab, bMsgID), []string{mailparse.ReasonUnreadableAttachment}},
	} {
		t.Run(tc.file, func(t *testing.T) { migrateToReview(t, tc.file, tc.unchanged, tc.reasons) })
	}
}

func migrateToReview(t *testing.T, file string, unchanged [][]byte, reasons []string) {
	ctx := context.Background()
	src, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "old.db")
	if err := os.WriteFile(path, src, 0o600); err != nil {
		t.Fatal(err)
	}
	before := bucketDigest(t, path, unchanged...)
	if _, err := Open(path, &Options{ReadOnly: true}); err == nil {
		t.Fatal("a read-only open of an old store succeeded")
	}
	s, err := Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	after := bucketDigest(t, path, unchanged...)
	for _, n := range unchanged {
		if before[string(n)] != after[string(n)] {
			t.Errorf("migration changed bucket %s", n)
		}
	}
	s.view(ctx, func(tx *bolt.Tx) error {
		if v, _ := storedSchema(tx); v != schemaVersion || tx.Bucket(bReview) == nil {
			t.Errorf("schema %d, review bucket %v", v, tx.Bucket(bReview) != nil)
		}
		return nil
	})
	mustVerify(t, s)
	all, err := s.List(ctx, Filter{})
	if err != nil || len(all) != 40 {
		t.Fatalf("List = %d records, %v", len(all), err)
	}
	for _, r := range all {
		if r.Review == nil || r.Review.State != StateUnreviewed || len(r.Review.Corrections) != 0 {
			t.Fatalf("record %d review = %+v", r.ID, r.Review)
		}
	}
	items, err := s.ReviewQueue(ctx, QueueFilter{})
	if err != nil || len(items) != 37 || items[0].Group != QueueParserAsks || !slices.Equal(items[0].Reasons, reasons) {
		t.Errorf("queue of the migrated store: %d items (%v), first %+v", len(items), err, items[0])
	}
	r := all[0]
	mustCorrect(t, s, r.ID, ana, "lab=99999", "tags.prevention+=mfa")
	if got, _ := s.List(ctx, Filter{Lab: "99999"}); len(got) != 1 || got[0].ID != r.ID {
		t.Errorf("corrected lab lists %v", got)
	}
	if _, err := s.Accept(ctx, []uint64{r.ID}, ana); err != nil {
		t.Fatal(err)
	}
	id := mustPut(t, s, msg(report("new@lab", "1", "2021-03-01T00:00:00Z", "fr", mailparse.Sections{A: "x"}), "new"))[0].ID
	if id != 41 {
		t.Errorf("next ID = %d, want 41", id)
	}
	mustVerify(t, s)
}
