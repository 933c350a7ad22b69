package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/klauspost/compress/s2"
	"github.com/klauspost/compress/zstd"
)

// Stored values start with one format byte so that the encoding can change
// without a schema migration.
const (
	fmtPlain byte = 'p' // the bytes as they are
	fmtZstd  byte = 'z' // one zstd frame (what stores before S2 wrote)
	fmtS2    byte = 's' // one S2 block
)

// Values are compressed with S2 (klauspost/compress/s2, Snappy's format
// extended). On the 10,000-message generated mailbox zstd's fastest level
// stored raw mail at 0.83 of its size on disk and S2 at 0.94, but zstd ran
// at 175 MB/s on the text of small mails (a fifth of the daemon's CPU in the
// initial sync) where S2 runs at 460 MB/s, and the sync, CPU-bound on two
// cores, took 0.5 s more CPU with zstd. Neither compresses base64
// attachments, most of the bytes. zstd frames written by earlier versions
// are still read.
var zdec = sync.OnceValue(func() *zstd.Decoder {
	d, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(2), zstd.WithDecoderMaxMemory(1<<30))
	if err != nil {
		panic(err) // only for invalid options
	}
	return d
})

// pack compresses b when that saves space.
func pack(b []byte) []byte {
	out := make([]byte, 1+s2.MaxEncodedLen(len(b)))
	out[0] = fmtS2
	out = out[:1+len(s2.Encode(out[1:], b))]
	if len(out) >= len(b)+1 {
		out = append(out[:0], fmtPlain)
		out = append(out, b...)
	}
	return out
}

// unpack returns a fresh slice (safe to keep after the transaction).
func unpack(v []byte) ([]byte, error) {
	if len(v) == 0 {
		return nil, fmt.Errorf("empty value")
	}
	switch v[0] {
	case fmtPlain:
		return append([]byte(nil), v[1:]...), nil
	case fmtS2:
		n, err := s2.DecodedLen(v[1:])
		if err != nil {
			return nil, fmt.Errorf("decompress: %w", err)
		}
		if n > 1<<30 {
			return nil, fmt.Errorf("decompress: S2 block claims %d bytes", n)
		}
		b, err := s2.Decode(make([]byte, n), v[1:])
		if err != nil {
			return nil, fmt.Errorf("decompress: %w", err)
		}
		return b, nil
	case fmtZstd:
		b, err := zdec().DecodeAll(v[1:], nil)
		if err != nil {
			return nil, fmt.Errorf("decompress: %w", err)
		}
		return b, nil
	}
	return nil, fmt.Errorf("unknown value format %q", v[0])
}

// encodeRecord packs a Record; its ID is the key, not part of the value.
func encodeRecord(r *Record) ([]byte, error) {
	c := *r
	c.ID = 0
	c.Review, c.parsed = nil, nil // the parser's reading only (review.go)
	b, err := json.Marshal(&c)
	if err != nil {
		return nil, fmt.Errorf("encode record: %w", err)
	}
	return pack(b), nil
}

func decodeRecord(id uint64, v []byte) (*Record, error) {
	b, err := unpack(v)
	if err != nil {
		return nil, fmt.Errorf("record %d: %w", id, err)
	}
	r := new(Record)
	if err := json.Unmarshal(b, r); err != nil {
		return nil, fmt.Errorf("record %d: decode: %w", id, err)
	}
	r.ID = id
	return r, nil
}

func idKey(id uint64) []byte {
	var k [8]byte
	binary.BigEndian.PutUint64(k[:], id)
	return k[:]
}

func keyID(k []byte) uint64 {
	if len(k) < 8 {
		return 0
	}
	return binary.BigEndian.Uint64(k[len(k)-8:])
}
