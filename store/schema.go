package store

import (
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Buckets. Keys of records are 8-byte big-endian IDs; index keys are the
// indexed value, a 0 byte and the ID, with empty values (see index.go).
var (
	bMeta     = []byte("meta")     // "schema" -> uint32 version
	bRaw      = []byte("raw")      // id -> encoded raw message (codec.go); its sequence allocates IDs
	bRecord   = []byte("record")   // id -> encoded Record
	bContent  = []byte("content")  // contentKey (dedup.go) -> id
	bMsgID    = []byte("msgid")    // Message-ID -> id
	bSource   = []byte("source")   // SourceState.Key -> JSON SourceState
	bCounters = []byte("counters") // counter name -> uint64 (stats.go)
)

// schemaVersion is what this build writes. Bump it with a migration.
const schemaVersion = 6

var keySchema = []byte("schema")

// migrations[v] upgrades a store of schema v to v+1, in the same
// transaction that records the new version.
var migrations = map[uint32]func(tx *bolt.Tx) error{
	1: migrateContentKeys,
	2: migrateLongKeys,
	3: migrateLabKeys,
	4: migrateReview,
	5: migrateIncident,
}

// migrateLabKeys (schema 3 to 4) rebuilds the lab index under the NormLab
// that ignores spaces, dots and dashes.
func migrateLabKeys(tx *bolt.Tx) error {
	if tx.Bucket(ixLab) != nil {
		if err := tx.DeleteBucket(ixLab); err != nil {
			return err
		}
	}
	ix, err := tx.CreateBucket(ixLab)
	if err != nil {
		return err
	}
	return tx.Bucket(bRecord).ForEach(func(k, v []byte) error {
		r, err := decodeRecord(keyID(k), v)
		if err != nil {
			return fmt.Errorf("record %d: %w", keyID(k), err)
		}
		if lab := r.LabKey(); lab != "" {
			return ix.Put(valueKey(lab, r.ID), nil)
		}
		return nil
	})
}

// migrateContentKeys (schema 1 to 2) replaces the map of exact sha256
// hashes by the map of content keys, which also matches the same mail
// read from another kind of mailbox.
func migrateContentKeys(tx *bolt.Tx) error {
	content, err := tx.CreateBucketIfNotExists(bContent)
	if err != nil {
		return err
	}
	err = tx.Bucket(bRaw).ForEach(func(k, v []byte) error {
		raw, err := unpack(v)
		if err != nil {
			return fmt.Errorf("raw message %d: %w", keyID(k), err)
		}
		ck := contentKey(raw)
		if content.Get(ck[:]) != nil {
			return nil // an earlier copy keeps the key
		}
		return content.Put(ck[:], append([]byte(nil), k...))
	})
	if err != nil {
		return err
	}
	if tx.Bucket([]byte("hash")) != nil {
		return tx.DeleteBucket([]byte("hash"))
	}
	return nil
}

func allBuckets() [][]byte {
	bs := [][]byte{bMeta, bRaw, bRecord, bContent, bMsgID, bSource, bCounters, bReview}
	for _, ix := range indexes {
		bs = append(bs, ix.bucket)
	}
	return bs
}

// storedSchema reads the schema version; ok is false for a bbolt file
// without our meta bucket.
func storedSchema(tx *bolt.Tx) (v uint32, ok bool) {
	m := tx.Bucket(bMeta)
	if m == nil {
		return 0, false
	}
	b := m.Get(keySchema)
	if len(b) != 4 {
		return 0, false
	}
	return binary.BigEndian.Uint32(b), true
}

// isEmpty tells a freshly created bbolt file (no buckets at all).
func isEmpty(tx *bolt.Tx) bool {
	c := tx.Cursor()
	k, _ := c.First()
	return k == nil
}

func (s *Store) newerSchemaError(v uint32) error {
	return &storeError{msg: fmt.Sprintf("store %s has schema %d, this cyberintake knows up to %d", s.path, v, schemaVersion), is: ErrSchema}
}

// checkSchema is the read-only counterpart of migrate.
func (s *Store) checkSchema(tx *bolt.Tx) error {
	v, ok := storedSchema(tx)
	switch {
	case !ok && isEmpty(tx):
		return &storeError{msg: fmt.Sprintf("no store at %s (run cyberintake ingest first)", s.path), is: ErrNoStore}
	case !ok:
		return &storeError{msg: fmt.Sprintf("store %s is not a cyberintake store (bbolt file without its meta bucket)", s.path), is: ErrNotStore}
	case v > schemaVersion:
		return s.newerSchemaError(v)
	case v < schemaVersion:
		return &storeError{msg: fmt.Sprintf("store %s has schema %d and needs an upgrade to %d: run a writing command (cyberintake ingest or reprocess) first", s.path, v, schemaVersion), is: ErrSchema}
	}
	return nil
}

// migrate creates the buckets of a new store, or brings an older one up to
// schemaVersion; it refuses a newer one.
func (s *Store) migrate(tx *bolt.Tx) error {
	v, ok := storedSchema(tx)
	switch {
	case !ok && !isEmpty(tx):
		return &storeError{msg: fmt.Sprintf("store %s is not a cyberintake store (bbolt file without its meta bucket)", s.path), is: ErrNotStore}
	case !ok:
		v = schemaVersion // a new store starts at the current schema
	case v > schemaVersion:
		return s.newerSchemaError(v)
	}
	for ; v < schemaVersion; v++ {
		m := migrations[v]
		if m == nil {
			return fmt.Errorf("store %s: no migration from schema %d", s.path, v)
		}
		if err := m(tx); err != nil {
			return fmt.Errorf("store %s: migrate schema %d to %d: %w", s.path, v, v+1, err)
		}
		s.log.Info("store schema migrated", "path", s.path, "from", v, "to", v+1)
	}
	for _, name := range allBuckets() {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("store %s: create bucket %s: %w", s.path, name, err)
		}
	}
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], schemaVersion)
	if old := tx.Bucket(bMeta).Get(keySchema); string(old) == string(b[:]) {
		return nil
	}
	return tx.Bucket(bMeta).Put(keySchema, b[:])
}
