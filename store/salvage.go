package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"slices"

	bolt "go.etcd.io/bbolt"

	"cyberintake/mailparse"
)

// SalvageReport says what Salvage copied and what it could not.
type SalvageReport struct {
	Copied int `json:"copied"` // messages in the new store
	// Reparse: raw message readable, parsed record not: filed as failed
	// so that reprocess parses it again.
	Reparse []uint64 `json:"reparse"`
	// Changed: the raw message no longer matches its hash (bytes changed
	// on disk); copied as it is, flagged for review with a warning.
	Changed []uint64 `json:"changed"`
	// Lost: IDs whose raw message could not be read. Their parsed record,
	// if readable, is not copied: raw mail is the source of truth.
	Lost []uint64 `json:"lost"`
	// Unknown: how many messages the store held could not be read (its
	// raw bucket is unreadable), so Lost may not list them all.
	Unknown bool `json:"unknown"`
	States  int  `json:"states"` // IMAP mailbox states copied
}

// Salvage copies every readable message of the (damaged) store file at src
// into a new store at out, keeping IDs, and rebuilds the maps, indexes and
// counters there. It never writes to src: it reads a private copy, padded
// with zeros to the length its meta page names when src was truncated,
// and every read that hits a damaged page fails alone. Messages the page
// tree no longer leads to are looked for page by page (salvage_scan.go).
func Salvage(ctx context.Context, src, out string, opts *Options) (*SalvageReport, error) {
	if _, err := os.Lstat(out); !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("salvage: %s already exists: give a new file", out)
	}
	tmp, err := paddedCopy(src, filepath.Dir(out))
	if err != nil {
		return nil, fmt.Errorf("salvage %s: %w", src, err)
	}
	defer os.Remove(tmp)
	from := &Store{path: tmp, opts: Options{ReadOnly: true, Timeout: defaultTimeout}}
	from.log = slog.New(slog.DiscardHandler)
	var recs []salvaged
	var states [][2][]byte
	rep := &SalvageReport{Reparse: []uint64{}, Changed: []uint64{}, Lost: []uint64{}}
	err = from.guard(func() error {
		db, err := from.openDB(false)
		if err != nil {
			return err
		}
		defer db.Close()
		return db.View(func(tx *bolt.Tx) error {
			recs = from.readAll(ctx, tx, rep)
			states = from.readStates(tx)
			return ctx.Err()
		})
	})
	if err != nil {
		// Not even the tree's top could be read: the page scan is all.
		rep.Unknown = true
	}
	if rep.Unknown || len(rep.Lost) > 0 {
		if recs, err = scanMissing(tmp, recs, rep); err != nil {
			return nil, fmt.Errorf("salvage %s: %w", src, err)
		}
	}
	dst, err := Open(out, opts)
	if err != nil {
		return nil, fmt.Errorf("salvage: %w", err)
	}
	defer dst.Close()
	err = dst.update(ctx, func(tx *bolt.Tx) error {
		return fileSalvaged(tx, recs, states)
	})
	if err != nil {
		return nil, fmt.Errorf("salvage into %s: %w", out, err)
	}
	rep.Copied, rep.States = len(recs), len(states)
	return rep, nil
}

// scanMissing adds the messages a page scan finds that the tree did not
// give, and settles Lost: IDs still without a raw message.
func scanMissing(path string, recs []salvaged, rep *SalvageReport) ([]salvaged, error) {
	have := map[uint64]bool{}
	for _, r := range recs {
		have[r.id] = true
	}
	sc, err := scanPages(path, func(id uint64) bool { return !have[id] })
	if err != nil {
		return nil, err
	}
	lost := map[uint64]bool{}
	for _, id := range rep.Lost {
		lost[id] = true
	}
	for _, id := range sc.ids() {
		lost[id] = true
	}
	rep.Lost = rep.Lost[:0]
	for _, id := range slices.Sorted(maps.Keys(lost)) {
		s, reparse, ok := sc.pick(id)
		if !ok {
			rep.Lost = append(rep.Lost, id)
			continue
		}
		if reparse {
			rep.Reparse = append(rep.Reparse, id)
		}
		recs = append(recs, s)
	}
	slices.Sort(rep.Reparse)
	return recs, nil
}

type salvaged struct {
	id     uint64
	raw    []byte // packed, as stored
	rec    *Record
	ck     [32]byte
	review []byte // the review document, as stored (nil: none)
}

// readAll reads message by message, each lookup from the bucket's root,
// so that a damaged page loses only the messages on it.
func (s *Store) readAll(ctx context.Context, tx *bolt.Tx, rep *SalvageReport) []salvaged {
	var ids []uint64
	seen := map[uint64]bool{}
	rawWhole := false // the raw bucket's cursor went through to its end
	for _, name := range [][]byte{bRaw, bRecord} {
		err := s.guard(func() error {
			b := tx.Bucket(name)
			if b == nil {
				return errors.New("no bucket")
			}
			c := b.Cursor()
			for k, _ := c.First(); k != nil; k, _ = c.Next() {
				if id := keyID(k); !seen[id] {
					seen[id] = true
					ids = append(ids, id)
				}
			}
			return nil
		})
		if string(name) == string(bRaw) {
			rawWhole = err == nil
		}
	}
	// When the cursor could not go through the raw bucket (a damaged
	// page), the IDs it missed are still tried by number: raw's sequence
	// is the highest ID given out.
	var seq uint64
	err := s.guard(func() error {
		if b := tx.Bucket(bRaw); b != nil {
			seq = b.Sequence()
			return nil
		}
		return errors.New("no raw bucket")
	})
	rep.Unknown = err != nil
	if !rawWhole && seq <= uint64(len(ids))+1<<20 {
		for id := uint64(1); id <= seq; id++ {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	slices.Sort(ids)
	var out []salvaged
	for _, id := range ids {
		if ctx.Err() != nil {
			return out
		}
		var rawv, recv []byte
		s.guard(func() error {
			rawv = slices.Clone(tx.Bucket(bRaw).Get(idKey(id)))
			return nil
		})
		s.guard(func() error {
			recv = slices.Clone(tx.Bucket(bRecord).Get(idKey(id)))
			return nil
		})
		var review []byte
		s.guard(func() error {
			if b := tx.Bucket(bReview); b != nil {
				review = slices.Clone(b.Get(idKey(id)))
			}
			return nil
		})
		raw, err := unpack(rawv)
		if rawv == nil || err != nil {
			// IDs are given out in sequence and never reused, so an ID
			// without its raw message lost it.
			rep.Lost = append(rep.Lost, id)
			continue
		}
		rec, err := decodeRecord(id, recv)
		if err != nil {
			rep.Reparse = append(rep.Reparse, id)
			sum := sha256.Sum256(raw)
			rec = &Record{ID: id, Hash: hex.EncodeToString(sum[:]), Source: Source{Kind: "salvage"},
				Result: *mailparse.Failed(fmt.Sprintf("message %d", id), fmt.Errorf("parsed record lost in a damaged store: %v", err))}
		} else if sum := sha256.Sum256(raw); hex.EncodeToString(sum[:]) != rec.Hash {
			// Kept, flagged for review under the hash of what is left.
			rep.Changed = append(rep.Changed, id)
			rec.Hash = hex.EncodeToString(sum[:])
			rec.Result.NeedsReview = true
			rec.Result.Warnings = append(rec.Result.Warnings, "salvage: raw message changed on disk after it was filed")
		}
		out = append(out, salvaged{id: id, raw: rawv, rec: rec, ck: contentKey(raw), review: review})
	}
	return out
}

func (s *Store) readStates(tx *bolt.Tx) [][2][]byte {
	var out [][2][]byte
	s.guard(func() error {
		b := tx.Bucket(bSource)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			if json.Valid(v) {
				out = append(out, [2][]byte{slices.Clone(k), slices.Clone(v)})
			}
			return nil
		})
	})
	return out
}

// fileSalvaged writes the salvaged messages under their IDs with
// everything Put would write beside them.
func fileSalvaged(tx *bolt.Tx, recs []salvaged, states [][2][]byte) error {
	raws, records, contents, msgids := tx.Bucket(bRaw), tx.Bucket(bRecord), tx.Bucket(bContent), tx.Bucket(bMsgID)
	counts := counterDelta{}
	var maxID uint64
	for _, r := range recs {
		k := idKey(r.id)
		val, err := encodeRecord(r.rec)
		if err != nil {
			return err
		}
		if err := raws.Put(k, r.raw); err != nil {
			return err
		}
		if err := records.Put(k, val); err != nil {
			return err
		}
		if contents.Get(r.ck[:]) == nil {
			if err := contents.Put(r.ck[:], k); err != nil {
				return err
			}
		}
		if m := normMsgID(r.rec.Result.MessageID); m != "" && msgids.Get([]byte(m)) == nil {
			if err := msgids.Put([]byte(m), k); err != nil {
				return err
			}
		}
		if err := salvageReview(tx, r); err != nil {
			return err
		}
		if err := putIndexes(tx, indexEntries(r.id, r.rec)); err != nil {
			return err
		}
		counts.add(r.rec, 1)
		maxID = max(maxID, r.id)
	}
	if err := raws.SetSequence(maxID); err != nil {
		return err
	}
	for _, st := range states {
		if err := tx.Bucket(bSource).Put(st[0], st[1]); err != nil {
			return err
		}
	}
	return counts.apply(tx)
}

// paddedCopy copies src into dir, then extends it with zeros to whole
// pages and to the length its meta page names, so that reading it faults
// nowhere (a zero page fails bbolt's checks instead).
func paddedCopy(src, dir string) (string, error) {
	in, err := os.Open(src)
	if err != nil {
		return "", err
	}
	defer in.Close()
	f, err := os.CreateTemp(dir, ".salvage-*.db")
	if err != nil {
		return "", err
	}
	if _, err := io.Copy(f, in); err != nil {
		f.Close()
		os.Remove(f.Name())
		return "", err
	}
	size, _ := f.Seek(0, io.SeekEnd)
	want := size
	page := make([]byte, 4096)
	ps := int64(4096)
	for _, off := range []int64{0, 4096} {
		if n, _ := f.ReadAt(page, off); n == len(page) {
			if m, _, err := parseMeta(page); err == nil {
				ps = int64(m.pageSize)
				want = max(want, int64(m.pgid)*ps)
			}
		}
	}
	want = max(want, 4*ps)
	if r := want % ps; r != 0 {
		want += ps - r
	}
	if want > size && want-size < 1<<34 {
		err = f.Truncate(want)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}
