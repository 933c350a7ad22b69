package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"

	"cyberintake/mailparse"
)

// prepared is a message made ready for filing outside the write lock:
// hashing and compression are the costly parts of Put.
type prepared struct {
	key   [32]byte // contentKey
	msgID string
	raw   []byte // packed
	rec   Record // ID unset
	val   []byte // encoded rec
}

// packedRaw is what Pack computes of a message's raw bytes.
type packedRaw struct {
	key  [32]byte // contentKey
	hash string   // sha256 of the exact bytes, hex
	raw  []byte   // pack(Raw)
}

// Pack hashes and compresses Raw now, on the caller's goroutine, so that
// Put has less to do with the batch in hand: ingest packs in its parsing
// workers, which keeps the commit, the one serial step, short (hashing and
// compression were three quarters of it). Optional: Put packs whatever is
// not packed. Raw must not change afterwards.
func (m *Message) Pack() {
	sum := sha256.Sum256(m.Raw)
	m.packed = &packedRaw{key: contentKey(m.Raw), hash: hex.EncodeToString(sum[:]), raw: pack(m.Raw)}
}

func prepare(m Message, now time.Time) (*prepared, error) {
	if m.packed == nil {
		m.Pack()
	}
	p := &prepared{key: m.packed.key, raw: m.packed.raw}
	res := m.Result
	if res == nil {
		res = mailparse.Failed(m.Source.Name, fmt.Errorf("not parsed"))
	}
	p.rec = Record{
		Hash:          m.packed.hash,
		FiledAt:       now,
		Source:        m.Source,
		ParserVersion: mailparse.Version,
		Result:        *res,
	}
	p.msgID = normMsgID(res.MessageID)
	v, err := encodeRecord(&p.rec)
	if err != nil {
		return nil, err
	}
	p.val = v
	return p, nil
}

// prepareAll hashes and compresses a batch on every CPU, before the write
// lock is taken.
func prepareAll(ctx context.Context, msgs []Message, now time.Time) ([]*prepared, error) {
	preps := make([]*prepared, len(msgs))
	errs := make([]error, len(msgs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(msgs)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(msgs) && ctx.Err() == nil; i = int(next.Add(1) - 1) {
				preps[i], errs[i] = prepare(msgs[i], now)
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("message %d of batch (%s): %w", i, msgs[i].Source.Name, err)
		}
	}
	return preps, nil
}

// Put files msgs and saves states in one transaction: when it returns nil
// every message is durably stored (or was already) and the states with
// them; on error none of it is. A message is a duplicate when a stored one
// has the same content (contentKey: the bytes up to line ends, mbox
// envelope and quoting, and headers mail stores add) or, when it has one,
// the same Message-ID (the same mail read over IMAP and from an archive may
// differ in other headers). Outcomes are in the order of msgs.
func (s *Store) Put(ctx context.Context, msgs []Message, states ...SourceState) ([]Outcome, error) {
	now := time.Now().UTC().Truncate(time.Millisecond)
	preps, err := prepareAll(ctx, msgs, now)
	if err != nil {
		return nil, err
	}
	out := make([]Outcome, len(msgs))
	err = s.update(ctx, func(tx *bolt.Tx) error {
		out = out[:0] // a retried function starts over
		counts := counterDelta{}
		for _, p := range preps {
			o, err := putOne(tx, p, counts)
			if err != nil {
				return err
			}
			out = append(out, o)
		}
		if err := counts.apply(tx); err != nil {
			return err
		}
		return putStates(tx, states)
	})
	if err != nil {
		return nil, fmt.Errorf("file %d messages: %w", len(msgs), err)
	}
	return out, nil
}

func putOne(tx *bolt.Tx, p *prepared, counts counterDelta) (Outcome, error) {
	contents, msgids := tx.Bucket(bContent), tx.Bucket(bMsgID)
	if v := contents.Get(p.key[:]); v != nil {
		return Outcome{ID: keyID(v), Duplicate: true}, nil
	}
	if p.msgID != "" {
		if v := msgids.Get([]byte(p.msgID)); v != nil {
			return Outcome{ID: keyID(v), Duplicate: true}, nil
		}
	}
	raws := tx.Bucket(bRaw)
	id, err := raws.NextSequence()
	if err != nil {
		return Outcome{}, fmt.Errorf("allocate id: %w", err)
	}
	k := idKey(id)
	if err := raws.Put(k, p.raw); err != nil {
		return Outcome{}, fmt.Errorf("put raw %d: %w", id, err)
	}
	if err := tx.Bucket(bRecord).Put(k, p.val); err != nil {
		return Outcome{}, fmt.Errorf("put record %d: %w", id, err)
	}
	if err := contents.Put(p.key[:], k); err != nil {
		return Outcome{}, fmt.Errorf("put content key %d: %w", id, err)
	}
	if p.msgID != "" {
		if err := msgids.Put([]byte(p.msgID), k); err != nil {
			return Outcome{}, fmt.Errorf("put message-id %d: %w", id, err)
		}
	}
	if err := putIndexes(tx, indexEntries(id, &p.rec)); err != nil {
		return Outcome{}, err
	}
	counts.add(&p.rec, 1)
	return Outcome{ID: id}, nil
}

func putIndexes(tx *bolt.Tx, es []ixEntry) error {
	for _, e := range es {
		if err := tx.Bucket(e.bucket).Put(e.key, nil); err != nil {
			return fmt.Errorf("index %s: %w", e.bucket, err)
		}
	}
	return nil
}

func deleteIndexes(tx *bolt.Tx, es []ixEntry) error {
	for _, e := range es {
		if err := tx.Bucket(e.bucket).Delete(e.key); err != nil {
			return fmt.Errorf("index %s: %w", e.bucket, err)
		}
	}
	return nil
}

func putStates(tx *bolt.Tx, states []SourceState) error {
	b := tx.Bucket(bSource)
	for _, st := range states {
		v, err := json.Marshal(st)
		if err != nil {
			return fmt.Errorf("encode source state %s: %w", st.Key, err)
		}
		if err := b.Put([]byte(st.Key), v); err != nil {
			return fmt.Errorf("put source state %s: %w", st.Key, err)
		}
	}
	return nil
}

// SourceState returns the saved state of one source (IMAP mailbox); ok is
// false when none was saved.
func (s *Store) SourceState(ctx context.Context, key string) (st SourceState, ok bool, err error) {
	err = s.view(ctx, func(tx *bolt.Tx) error {
		v := tx.Bucket(bSource).Get([]byte(key))
		if v == nil {
			return nil
		}
		ok = true
		return json.Unmarshal(v, &st)
	})
	if err != nil {
		return SourceState{}, false, fmt.Errorf("source state %s: %w", key, err)
	}
	return st, ok, nil
}
