package store

import (
	"bytes"
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// migrateLongKeys (schema 2 to 3) rewrites the keys written before values
// in keys were bounded (boundValue): index entries, Message-ID map
// entries and counters whose value is longer than maxKeyValue get the
// bounded form that lookups now use. Only such keys are touched; a store
// without any (nearly all) is only scanned.
func migrateLongKeys(tx *bolt.Tx) error {
	for _, ix := range indexes {
		if bytes.Equal(ix.bucket, ixDate) {
			continue // fixed-size keys
		}
		b := tx.Bucket(ix.bucket)
		if b == nil {
			continue
		}
		for _, k := range longKeys(b, 9) {
			id := keyID(k)
			if err := b.Delete(k); err != nil {
				return fmt.Errorf("index %s: %w", ix.bucket, err)
			}
			if err := b.Put(valueKey(string(k[:len(k)-9]), id), nil); err != nil {
				return fmt.Errorf("index %s: %w", ix.bucket, err)
			}
		}
	}
	if b := tx.Bucket(bMsgID); b != nil {
		for _, k := range longKeys(b, 0) {
			v := bytes.Clone(b.Get(k))
			if err := b.Delete(k); err != nil {
				return fmt.Errorf("message-id map: %w", err)
			}
			if err := b.Put(msgIDKey(string(k)), v); err != nil {
				return fmt.Errorf("message-id map: %w", err)
			}
		}
	}
	if b := tx.Bucket(bCounters); b != nil {
		for _, k := range longKeys(b, 0) {
			n := counterValue(b.Get(k))
			nk := []byte(boundValue(string(k)))
			if err := b.Delete(k); err != nil {
				return fmt.Errorf("counters: %w", err)
			}
			if err := b.Put(nk, binary.BigEndian.AppendUint64(nil, uint64(counterValue(b.Get(nk))+n))); err != nil {
				return fmt.Errorf("counters: %w", err)
			}
		}
	}
	return nil
}

// longKeys copies the keys of b whose value part (the key less suffix
// bytes) is longer than maxKeyValue.
func longKeys(b *bolt.Bucket, suffix int) [][]byte {
	var out [][]byte
	b.ForEach(func(k, _ []byte) error {
		if len(k)-suffix > maxKeyValue {
			out = append(out, bytes.Clone(k))
		}
		return nil
	})
	return out
}

func counterValue(v []byte) int64 {
	if len(v) != 8 {
		return 0
	}
	return int64(binary.BigEndian.Uint64(v))
}
