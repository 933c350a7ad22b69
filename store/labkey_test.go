package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"cyberintake/mailparse"
)

// labSpellings are one lab written as labs write it.
var labSpellings = []string{"8-21045-32-117", "82104532117", "8.21045.32.117", "8 21045 32 117", "8–21045–32–117"}

func putSpellings(t *testing.T, s *Store) {
	t.Helper()
	for i, lab := range append(labSpellings, "Klinik Ourtal", "klinik-ourtal") {
		mustPut(t, s, msg(report(string(rune('a'+i))+"@x", lab, "", "fr", mailparse.Sections{A: "x"}), lab))
	}
}

// TestLabSpellings: --lab and show LAB ignore case, spaces, dots and
// dashes, in what is asked and in what was filed.
func TestLabSpellings(t *testing.T) {
	s := openTest(t)
	putSpellings(t, s)
	assertLabSpellings(t, s)
	assertVerified(t, s)
}

func assertLabSpellings(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	for _, ask := range append(labSpellings, "8-2104532-117") {
		recs, err := s.List(ctx, Filter{Lab: ask})
		if err != nil || len(recs) != len(labSpellings) {
			t.Errorf("List(lab %q) = %d records, %v; want %d", ask, len(recs), err, len(labSpellings))
		}
		if c, err := s.Case(ctx, ask); err != nil || len(c.Records) != len(labSpellings) {
			t.Errorf("Case(%q) = %v; want %d records", ask, err, len(labSpellings))
		}
	}
	for _, ask := range []string{"KLINIK.OURTAL", "klinikourtal"} {
		if recs, _ := s.List(ctx, Filter{Lab: ask}); len(recs) != 2 {
			t.Errorf("List(lab %q) = %d records, want 2", ask, len(recs))
		}
	}
}

// TestMigrateLabKeys: a schema 2 store, whose lab index kept dashes and
// spaces, is re-indexed on the first writing open.
func TestMigrateLabKeys(t *testing.T) {
	s := openTest(t)
	putSpellings(t, s)
	ctx := context.Background()
	err := s.update(ctx, func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(ixLab); err != nil {
			return err
		}
		ix, _ := tx.CreateBucket(ixLab)
		for i, lab := range []string{"8-21045-32-117", "82104532117", "8.21045.32.117", "8-21045-32-117", "8-21045-32-117", "klinik ourtal", "klinik-ourtal"} {
			ix.Put(valueKey(lab, uint64(i+1)), nil) // the schema 2 form
		}
		return tx.Bucket(bMeta).Put(keySchema, []byte{0, 0, 0, 2})
	})
	if err != nil {
		t.Fatal(err)
	}
	m, err := Open(s.path, nil)
	if err != nil {
		t.Fatalf("migrating Open: %v", err)
	}
	assertLabSpellings(t, m)
	assertVerified(t, m)
}

// TestStatsLabs: stats counts labs (cases) beside reports, and StatsOf
// over everything agrees with the counters.
func TestStatsLabs(t *testing.T) {
	s := openTest(t)
	putSpellings(t, s)
	mustPut(t, s, msg(report("old@x", "999", "2020-01-05T10:00:00Z", "nl", mailparse.Sections{A: "x"}), "old"))
	ctx := context.Background()
	all, err := s.Stats(ctx)
	if err != nil || all.Reports != 8 || all.Labs != 3 {
		t.Fatalf("Stats = %d reports, %d labs, %v; want 8 and 3", all.Reports, all.Labs, err)
	}
	of, err := s.StatsOf(ctx, Filter{})
	if a, b := fmt.Sprintf("%+v", *all), fmt.Sprintf("%+v", *of); err != nil || a != b {
		t.Errorf("StatsOf(everything) = %s, %v\nStats = %s", b, err, a)
	}
	old, _ := s.StatsOf(ctx, Filter{Until: time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)})
	if old.Reports != 1 || old.Labs != 1 || old.ByLanguage["nl"] != 1 {
		t.Errorf("StatsOf(until 2021) = %+v, want the one 2020 report", old)
	}
}
