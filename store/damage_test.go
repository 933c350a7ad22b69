package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	bolt "go.etcd.io/bbolt"

	"cyberintake/mailparse"
)

// sampleStore is a small real store file: 60 messages filed in three
// batches, so that it has branch pages, freed pages and overflow values.
var sampleStore = sync.OnceValues(func() ([]byte, error) {
	dir, err := os.MkdirTemp("", "damage")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	s, err := Open(filepath.Join(dir, "s.db"), &Options{Logger: quiet})
	if err != nil {
		return nil, err
	}
	for b := range 3 {
		var msgs []Message
		for i := range 20 {
			id := fmt.Sprintf("m%d-%d@lab", b, i)
			// Text S2 cannot shrink, 0.5 to 6 KiB: some values span pages.
			r := rand.New(rand.NewPCG(uint64(b), uint64(i)))
			body := fmt.Sprintf("%x", r.Uint64()) + strings.Repeat(fmt.Sprintf(" %x", r.Uint64()), 30*(1+i%12))
			msgs = append(msgs, msg(report(id, fmt.Sprint(1000+i), "2021-02-10T09:00:00Z", "fr", mailparse.Sections{A: "phishing " + id}), body))
		}
		if _, err := s.Put(context.Background(), msgs); err != nil {
			return nil, err
		}
	}
	return os.ReadFile(s.path)
})

var quiet = slog.New(slog.DiscardHandler)

// flip applies (offset, xor) pairs, 5 bytes each, to a copy of data.
func flip(data, pairs []byte) []byte {
	b := bytes.Clone(data)
	for ; len(pairs) >= 5; pairs = pairs[5:] {
		off := int(binary.LittleEndian.Uint32(pairs)) % len(b)
		b[off] ^= pairs[4] | 1
	}
	return b
}

// checkDamaged runs verify in-process on one damaged copy, then a write:
// neither may panic or fault (either kills the test binary), errors are
// ErrDamaged (or a clean verdict), and a store verify calls damaged is not
// written to.
func checkDamaged(t *testing.T, data []byte) (damaged bool) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "d.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	s, err := Open(path, &Options{ReadOnly: true, Logger: quiet})
	if err == nil {
		var probs []Problem
		probs, _, err = s.Verify(ctx)
		damaged = len(probs) > 0
	} else {
		damaged = true
	}
	if err != nil && !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrNotStore) && !errors.Is(err, ErrSchema) {
		t.Fatalf("verify: %v, want ErrDamaged", err)
	}
	w, err := Open(path, &Options{Logger: quiet})
	if err == nil {
		_, err = w.Put(ctx, []Message{msg(report("new@lab", "9", "", "fr", mailparse.Sections{A: "x"}), "new")})
	}
	if damaged {
		if err == nil {
			t.Fatal("a store verify called damaged was written to")
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(after, data) {
			t.Fatal("the damaged store changed")
		}
	}
	return damaged
}

// TestVerifyFlippedBytes flips bytes of a real store under many seeds.
func TestVerifyFlippedBytes(t *testing.T) {
	data, err := sampleStore()
	if err != nil {
		t.Fatal(err)
	}
	seeds, found := 300, 0
	if testing.Short() {
		seeds = 50
	}
	for seed := range seeds {
		r := rand.New(rand.NewPCG(uint64(seed), 7))
		pairs := make([]byte, 5*(1+r.IntN(16)))
		for i := range pairs {
			pairs[i] = byte(r.Uint32())
		}
		// Most of the file is page tails and free space: aim half the
		// flips at the used pages.
		if seed%2 == 0 {
			for i := 0; i < len(pairs); i += 5 {
				binary.LittleEndian.PutUint32(pairs[i:], r.Uint32()%uint32(usedBytes(data)))
			}
		}
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			if checkDamaged(t, flip(data, pairs)) {
				found++
			}
		})
	}
	t.Logf("%d of %d copies found damaged", found, seeds)
	if found == 0 {
		t.Error("no flipped copy was found damaged: the test flips nothing that matters")
	}
}

func TestTruncatedStoreRefused(t *testing.T) {
	data, err := sampleStore()
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{100, 4096, 8192, 16384, usedBytes(data) - 4096, usedBytes(data) - 1} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			if !checkDamaged(t, data[:n]) {
				t.Error("verify found a truncated store sound")
			}
		})
	}
}

// usedBytes is the length of the pages the current meta page names.
func usedBytes(data []byte) int {
	m0, _, _ := parseMeta(data)
	m1, _, _ := parseMeta(data[m0.pageSize:])
	if m1.tx > m0.tx {
		m0 = m1
	}
	return int(m0.pgid * m0.pageSize)
}

func FuzzVerifyDamaged(f *testing.F) {
	data, err := sampleStore()
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte{16, 0, 0, 0, 0xff})                  // meta 0 magic
	f.Add([]byte{0, 0x10, 0, 0, 1, 0, 0x20, 0, 0, 2}) // both meta pages
	f.Add([]byte{0x10, 0x30, 0, 0, 0x40})
	f.Fuzz(func(t *testing.T, pairs []byte) {
		if len(pairs) > 5*64 {
			return
		}
		checkDamaged(t, flip(data, pairs))
	})
}

// TestSalvageRecoversReadable: after a truncation, every message whose
// raw value is still wholly in the file is in the salvaged store, and
// the salvaged store verifies clean.
func TestSalvageRecoversReadable(t *testing.T) {
	data, err := sampleStore()
	if err != nil {
		t.Fatal(err)
	}
	orig := filepath.Join(t.TempDir(), "orig.db")
	os.WriteFile(orig, data, 0o600)
	src, err := Open(orig, &Options{ReadOnly: true, Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	packed := map[uint64][]byte{}
	src.view(context.Background(), func(tx *bolt.Tx) error {
		return tx.Bucket(bRaw).ForEach(func(k, v []byte) error {
			packed[keyID(k)] = bytes.Clone(v)
			return nil
		})
	})
	used := usedBytes(data)
	for _, n := range []int{16384, used / 4 &^ 4095, used / 2 &^ 4095, used - 4096, used - 100} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			dir := t.TempDir()
			db, out := filepath.Join(dir, "d.db"), filepath.Join(dir, "s.db")
			os.WriteFile(db, data[:n], 0o600)
			rep, err := Salvage(context.Background(), db, out, &Options{Logger: quiet})
			if err != nil {
				t.Fatal(err)
			}
			s, err := Open(out, &Options{ReadOnly: true, Logger: quiet})
			if err != nil {
				t.Fatal(err)
			}
			if probs, _, err := s.Verify(context.Background()); err != nil || len(probs) > 0 {
				t.Fatalf("salvaged store: %v %v", probs, err)
			}
			want := 0
			for id, v := range packed {
				if !bytes.Contains(data[:n], v) {
					continue
				}
				want++
				if raw, err := s.Raw(context.Background(), id); err != nil {
					t.Errorf("message %d is readable in the damaged file but not salvaged: %v", id, err)
				} else if u, _ := unpack(v); !bytes.Equal(raw, u) {
					t.Errorf("message %d salvaged with other bytes", id)
				}
			}
			t.Logf("%d bytes: %d of %d messages readable, report %+v", n, want, len(packed), rep.Copied)
		})
	}
}

// TestDamageMark: verify finding an undecodable record (which the cheap
// check cannot see) keeps writers out until a verify finds the store
// sound again, here after the file was restored.
func TestDamageMark(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	out := mustPut(t, s, msg(report("a@lab", "1", "", "fr", mailparse.Sections{A: "x"}), "a"))
	good, _ := os.ReadFile(s.path)
	s.update(ctx, func(tx *bolt.Tx) error { return tx.Bucket(bRecord).Put(idKey(out[0].ID), []byte("s\xff")) })
	if probs, _, err := s.Verify(ctx); err != nil || len(probs) == 0 {
		t.Fatalf("verify: %v %v, want a problem", probs, err)
	}
	before, _ := os.ReadFile(s.path)
	_, err := s.Put(ctx, []Message{msg(report("b@lab", "2", "", "fr", mailparse.Sections{A: "y"}), "b")})
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "verify found it damaged") {
		t.Fatalf("Put into a store verify called damaged: %v", err)
	}
	if after, _ := os.ReadFile(s.path); !bytes.Equal(before, after) {
		t.Fatal("the refused Put changed the file")
	}
	os.WriteFile(s.path, good, 0o600) // restored from a backup
	if probs, _, err := s.Verify(ctx); err != nil || len(probs) > 0 {
		t.Fatalf("verify of the restored store: %v %v", probs, err)
	}
	if _, err := os.Stat(damageMarkPath(s.path)); err == nil {
		t.Fatal("a sound verify left the damage mark")
	}
	mustPut(t, s, msg(report("b@lab", "2", "", "fr", mailparse.Sections{A: "y"}), "b"))
}
