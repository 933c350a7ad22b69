package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"runtime"
	"sync"

	"github.com/klauspost/compress/zstd"
)

// Stored values start with one format byte so that the encoding can change
// without a schema migration.
const (
	fmtPlain byte = 'p' // the bytes as they are
	fmtZstd  byte = 'z' // one zstd frame
)

// zstd encoders and decoders are costly to build (allocations, tables) and
// safe for concurrent EncodeAll/DecodeAll: one of each per process.
var (
	zenc = sync.OnceValue(func() *zstd.Encoder {
		// SpeedFastest. On 10,000 generated messages (text plus base64
		// attachments) on one core, Fastest stored 0.72 of the raw size in
		// 0.49 s, Default 0.69 in 0.75 s, Better 0.60 in 2.16 s. Inside the
		// ingest pipeline, with parsing busy on the other core, the gap
		// widens: Default's larger tables took 2.0 s of CPU against
		// Fastest's 0.9 s, and local ingest went 3.34 s -> 2.57 s. The
		// initial IMAP sync is CPU-bound on two cores, so 4% more disk buys
		// a quarter of the wall time.
		e, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest),
			zstd.WithEncoderConcurrency(runtime.GOMAXPROCS(0)), zstd.WithWindowSize(1<<20))
		if err != nil {
			panic(err) // only for invalid options
		}
		return e
	})
	zdec = sync.OnceValue(func() *zstd.Decoder {
		d, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(2), zstd.WithDecoderMaxMemory(1<<30))
		if err != nil {
			panic(err)
		}
		return d
	})
)

// pack compresses b when that saves space.
func pack(b []byte) []byte {
	out := make([]byte, 1, len(b)+64) // room for the worst case: no regrowth
	out[0] = fmtZstd
	out = zenc().EncodeAll(b, out)
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
