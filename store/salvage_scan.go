package store

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"slices"

	"cyberintake/mailparse"
)

// When the page tree is cut (a truncated file loses the pages written
// last, the root among them), the messages on the pages that remain are
// found by reading every page: raw messages and records are the only
// values stored under 8-byte keys (IDs); index entries have longer keys
// and no value, maps and counters other keys. A freed page may hold an
// older copy of a record (before a reprocess): the record whose hash
// matches the raw message and whose parser is newest wins.

// scanned is what scanPages found for the IDs it was asked about.
type scanned struct {
	raws map[uint64][][]byte  // packed raw messages
	recs map[uint64][]*Record // decoded records
}

// scanPages reads every leaf page of the file at path and keeps the
// values of the IDs want accepts.
func scanPages(path string, want func(uint64) bool) (*scanned, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size, err := f.Seek(0, io.SeekEnd)
	if err != nil {
		return nil, err
	}
	ps := int64(4096)
	head := make([]byte, 4096)
	if _, err := f.ReadAt(head, 0); err == nil {
		if m, _, err := parseMeta(head); err == nil {
			ps = int64(m.pageSize)
		}
	}
	sc := &scanned{raws: map[uint64][][]byte{}, recs: map[uint64][]*Record{}}
	page := make([]byte, ps)
	for id := int64(2); (id+1)*ps <= size; id++ {
		if _, err := f.ReadAt(page, id*ps); err != nil {
			return nil, err
		}
		le := binary.LittleEndian
		if int64(le.Uint64(page)) != id || le.Uint16(page[8:])&flagLeaf == 0 {
			continue
		}
		p := page
		if ov := int64(le.Uint32(page[12:])); ov > 0 {
			if (id+1+ov)*ps > size {
				continue
			}
			p = make([]byte, (1+ov)*ps)
			if _, err := f.ReadAt(p, id*ps); err != nil {
				return nil, err
			}
			id += ov
		}
		sc.leaf(p, want)
	}
	return sc, nil
}

// leaf keeps the ID-keyed values of one leaf page.
func (sc *scanned) leaf(p []byte, want func(uint64) bool) {
	le := binary.LittleEndian
	n := uint64(le.Uint16(p[10:]))
	if pageHeader+n*elemSize > uint64(len(p)) {
		return
	}
	for i := range n {
		at := pageHeader + i*elemSize
		e := p[at:]
		flags, pos, ksize, vsize := le.Uint32(e), uint64(le.Uint32(e[4:])), uint64(le.Uint32(e[8:])), uint64(le.Uint32(e[12:]))
		if flags&leafBucket != 0 || ksize != 8 || vsize == 0 || at+pos+ksize+vsize > uint64(len(p)) {
			continue
		}
		id := binary.BigEndian.Uint64(p[at+pos:])
		v := p[at+pos+ksize : at+pos+ksize+vsize]
		if id == 0 || !want(id) {
			continue
		}
		if r, err := decodeRecord(id, v); err == nil && len(r.Hash) == 64 {
			sc.recs[id] = append(sc.recs[id], r)
		} else if _, err := unpack(v); err == nil {
			sc.raws[id] = append(sc.raws[id], slices.Clone(v))
		}
	}
}

// pick matches the scanned raw messages and records of one ID. ok is
// false when no raw message of id was found.
func (sc *scanned) pick(id uint64) (s salvaged, reparse, ok bool) {
	for _, packed := range sc.raws[id] {
		raw, err := unpack(packed)
		if err != nil {
			continue
		}
		sum := sha256.Sum256(raw)
		hash := hex.EncodeToString(sum[:])
		var best *Record
		for _, r := range sc.recs[id] {
			if r.Hash == hash && (best == nil || r.ParserVersion > best.ParserVersion) {
				best = r
			}
		}
		if best == nil {
			best = &Record{ID: id, Hash: hash, Source: Source{Kind: "salvage"},
				Result: *mailparse.Failed(fmt.Sprintf("message %d", id), fmt.Errorf("parsed record lost in a damaged store"))}
			reparse = true
		}
		return salvaged{id: id, raw: packed, rec: best, ck: contentKey(raw)}, reparse, true
	}
	return salvaged{}, false, false
}

// ids lists every ID the scan saw, raw or record.
func (sc *scanned) ids() []uint64 {
	var out []uint64
	for id := range sc.raws {
		out = append(out, id)
	}
	for id := range sc.recs {
		if _, ok := sc.raws[id]; !ok {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}
