package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"cyberintake/mailparse"
)

// The damage checks run on every open (the store is opened per batch and
// per query): these measure one small write batch and one read on a store
// of 2,000 messages. Compare with the same benchmarks before damage.go.
func damageBenchStore(b *testing.B) *Store {
	s, err := Open(filepath.Join(b.TempDir(), "b.db"), &Options{Logger: quiet})
	if err != nil {
		b.Fatal(err)
	}
	for batch := range 20 {
		var msgs []Message
		for i := range 100 {
			id := fmt.Sprintf("b%d-%d@lab", batch, i)
			msgs = append(msgs, msg(report(id, fmt.Sprint(i), "2021-02-10T09:00:00Z", "fr", mailparse.Sections{A: "x " + id}), id))
		}
		if _, err := s.Put(context.Background(), msgs); err != nil {
			b.Fatal(err)
		}
	}
	return s
}

func BenchmarkOpenWrite(b *testing.B) {
	s := damageBenchStore(b)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		m := msg(report(fmt.Sprintf("w%d@lab", i), "1", "2021-02-10T09:00:00Z", "fr", mailparse.Sections{A: "x"}), fmt.Sprint(i))
		if _, err := s.Put(context.Background(), []Message{m}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOpenRead(b *testing.B) {
	s := damageBenchStore(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.Get(context.Background(), 7); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckFile is the cheap check alone (two 4 KiB reads).
func BenchmarkCheckFile(b *testing.B) {
	s := damageBenchStore(b)
	for b.Loop() {
		if _, err := s.checkFile(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFullCheck is what a writer pays once when the clean mark does
// not match (and verify always): walkFile and bbolt's Check.
func BenchmarkFullCheck(b *testing.B) {
	s := damageBenchStore(b)
	for b.Loop() {
		s.view(context.Background(), func(tx *bolt.Tx) error {
			if p := s.checkTx(tx); len(p) > 0 {
				b.Fatal(p)
			}
			return nil
		})
	}
}
