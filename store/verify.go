package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"sort"

	bolt "go.etcd.io/bbolt"
)

// maxProblems stops Verify from drowning its caller in a badly damaged
// store.
const maxProblems = 1000

// Verify checks the store: bbolt's own consistency check, every record
// decodes and has its raw message, every raw message has its record and
// still hashes to the record's hash, the content and Message-ID maps,
// every index entry points at a record that has it (and the other way
// round), and the stats counters equal a recount. It returns what is
// wrong and how many records it checked; an error means the check itself
// could not run.
//
// The structure is checked in one read transaction; the raw messages (the
// bulk of the file: decompressing and hashing them takes seconds on a
// large store) are then checked in batches of short transactions, so that
// a writer waits at most one batch. That is sound because a raw message
// and its hash never change once filed.
func (s *Store) Verify(ctx context.Context) ([]Problem, int, error) {
	var v verifier
	if p := walkFile(s.path); p != "" {
		// Not safe to map and read: report, and leave it to salvage.
		v.add(0, "bbolt: %s", p)
		return v.probs, 0, s.noteVerdict(v.probs)
	}
	whole := &Store{path: s.path, opts: s.opts, log: s.log, checked: s.checked, preloadFreelist: true}
	err := whole.view(ctx, func(tx *bolt.Tx) error {
		v = verifier{tx: tx, hashes: map[uint64]string{}}
		for _, p := range s.checkTx(tx) {
			v.add(0, "bbolt: %s", p)
		}
		v.run(ctx)
		return ctx.Err()
	})
	if errors.Is(err, ErrDamaged) {
		// Too damaged to read: the cheap check (a truncated file) or a
		// fault outside checkTx's walk.
		v.add(0, "%v", err)
		err = nil
	}
	if err != nil {
		return nil, 0, fmt.Errorf("verify: %w", err)
	}
	ids := make([]uint64, 0, len(v.hashes))
	for id := range v.hashes {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for len(ids) > 0 {
		n := min(len(ids), verifyBatch)
		err := s.view(ctx, func(tx *bolt.Tx) error {
			v.tx = tx
			for _, id := range ids[:n] {
				v.checkRaw(id, v.hashes[id])
			}
			return ctx.Err()
		})
		if errors.Is(err, ErrDamaged) {
			v.add(0, "%v", err)
			break
		}
		if err != nil {
			return nil, 0, fmt.Errorf("verify: %w", err)
		}
		ids = ids[n:]
	}
	if err := s.noteVerdict(v.probs); err != nil {
		return nil, 0, err
	}
	return v.probs, v.records, nil
}

// noteVerdict leaves the damage mark for writers (damage.go) when verify
// found anything wrong, and removes it when the store is sound again. Any
// problem counts: the store keeps its indexes, maps and counters in the
// transaction that files a message, so a store that disagrees with itself
// is not what cyberintake wrote (a changed byte in an index key is as
// much damage as one in a page header).
func (s *Store) noteVerdict(probs []Problem) error {
	if len(probs) > 0 {
		s.recordDamage(probs[0].What)
		return nil
	}
	if err := clearDamageMark(s.path); err != nil {
		return fmt.Errorf("verify: store is sound but %w", err)
	}
	return nil
}

// verifyBatch is how many raw messages one transaction of Verify checks.
const verifyBatch = 2000

type verifier struct {
	tx      *bolt.Tx
	probs   []Problem
	hashes  map[uint64]string // records whose raw message is still to check
	records int               // records read
}

func (v *verifier) add(id uint64, format string, args ...any) {
	if len(v.probs) < maxProblems {
		v.probs = append(v.probs, Problem{What: fmt.Sprintf(format, args...), ID: id})
	}
}

func (v *verifier) run(ctx context.Context) {
	for _, b := range allBuckets() {
		if v.tx.Bucket(b) == nil {
			v.add(0, "bucket %s missing", b)
		}
	}
	if len(v.probs) > 0 {
		return
	}
	expected := map[string]bool{} // bucket + 0 + key of every index entry
	counts := counterDelta{}
	recs, raws, contents, msgids := v.tx.Bucket(bRecord), v.tx.Bucket(bRaw), v.tx.Bucket(bContent), v.tx.Bucket(bMsgID)
	recs.ForEach(func(k, val []byte) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		v.records++
		id := keyID(k)
		r, err := loadRecord(v.tx, id, val)
		if err != nil {
			v.add(id, "%v", err)
			return nil
		}
		for _, e := range indexEntries(id, r) {
			expected[string(e.bucket)+"\x00"+string(e.key)] = true
		}
		counts.add(r, 1)
		if m := normMsgID(r.Result.MessageID); m != "" && msgids.Get(msgIDKey(m)) == nil {
			v.add(id, "Message-ID %q of record %d not in the Message-ID map", m, id)
		}
		if raws.Get(k) == nil {
			v.add(id, "record %d has no raw message", id)
			return nil
		}
		v.hashes[id] = r.Hash
		return nil
	})
	v.checkReviews()
	raws.ForEach(func(k, _ []byte) error {
		if recs.Get(k) == nil {
			v.add(keyID(k), "raw message %d has no record", keyID(k))
		}
		return nil
	})
	for name, b := range map[string]*bolt.Bucket{"content": contents, "Message-ID": msgids} {
		b.ForEach(func(k, val []byte) error {
			if recs.Get(val) == nil {
				v.add(keyID(val), "%s map entry %q points at missing record %d", name, k, keyID(val))
			}
			return nil
		})
	}
	for _, ix := range indexes {
		v.tx.Bucket(ix.bucket).ForEach(func(k, _ []byte) error {
			key := string(ix.bucket) + "\x00" + string(k)
			if !expected[key] {
				v.add(keyID(k), "index %s entry %q: no such record or value", ix.bucket, bytes.TrimRight(k[:max(0, len(k)-8)], "\x00"))
			}
			delete(expected, key)
			return nil
		})
	}
	var missing []string
	for k := range expected {
		missing = append(missing, k)
	}
	sort.Strings(missing)
	for _, k := range missing {
		v.add(keyID([]byte(k)), "index entry missing: %q", k[:max(0, len(k)-8)])
	}
	v.checkCounters(counts)
}

// checkRaw decompresses one raw message and checks it against its hash
// and the content map.
func (v *verifier) checkRaw(id uint64, hash string) {
	rv := v.tx.Bucket(bRaw).Get(idKey(id))
	if rv == nil {
		v.add(id, "record %d has no raw message", id)
		return
	}
	raw, err := unpack(rv)
	if err != nil {
		v.add(id, "raw message %d: %v", id, err)
		return
	}
	if sum := sha256.Sum256(raw); hex.EncodeToString(sum[:]) != hash {
		v.add(id, "raw message %d does not match its hash", id)
	}
	if ck := contentKey(raw); v.tx.Bucket(bContent).Get(ck[:]) == nil {
		v.add(id, "content map has no entry for record %d", id)
	}
}

func (v *verifier) checkCounters(want counterDelta) {
	have := readCounters(v.tx)
	var keys []string
	for k, n := range want {
		if have[k] != n {
			keys = append(keys, k)
		}
	}
	for k, n := range have {
		if _, ok := want[k]; !ok && n != 0 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		v.add(0, "counter %q is %d, records say %d", k, have[k], want[k])
	}
}
