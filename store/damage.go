package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"runtime/debug"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// A damaged store (truncated, bytes changed on disk) must give an error,
// never a crash, and must not be written to. bbolt trusts its file: it
// maps it and follows page numbers without bounds checks, so a truncated
// file faults (SIGBUS past the end of the file) and a changed byte may
// trip one of its assertions (a panic) or fault. Three defences, cheapest
// first:
//
//  1. checkFile, before every open: the two meta pages are read with
//     ReadAt (no mapping), and the file must be a whole number of pages
//     and cover every page the meta names. This is what keeps a truncated
//     file from faulting; it costs two 4 KiB reads.
//  2. guard, around every open and transaction: bbolt's panics, and
//     faults at a bad address (debug.SetPanicOnFault), become ErrDamaged.
//  3. before a write, the full structural check (walkFile, then bbolt's
//     tx.Check: checkTx) when the store
//     was not last committed by this code (the clean mark below does not
//     match the meta page), when one meta page is bad, or when verify has
//     found the store damaged (the damage mark beside the file). A store
//     that fails it is not written to.
//
// The clean mark is the transaction ID of the last commit, written by that
// commit into the meta bucket. bbolt's meta page carries the same ID, so a
// writer knows cheaply that nobody else (another tool, a restore, a torn
// copy) committed since. It does not catch bytes changed in place by the
// disk; verify does, and leaves the damage mark for the writers.

var keyClean = []byte("clean-txid")

const (
	boltMagic   = 0xED0CDAED
	boltVersion = 2
	pageHeader  = 16 // bbolt's page header precedes the meta
	noFreelist  = 0xffffffffffffffff
)

// boltMeta is the part of bbolt's meta page the checks need.
type boltMeta struct {
	pageSize                 uint64
	root, freelist, pgid, tx uint64
}

// parseMeta reads the meta at the start of page bytes b. magic tells a
// bbolt file from another file when the meta is not valid.
func parseMeta(b []byte) (m boltMeta, magic bool, err error) {
	if len(b) < pageHeader+64 {
		return m, false, errors.New("short page")
	}
	b = b[pageHeader:]
	le := binary.LittleEndian
	magic = le.Uint32(b[0:]) == boltMagic
	h := fnv.New64a()
	h.Write(b[:56])
	switch {
	case !magic:
		return m, false, errors.New("no bbolt magic")
	case le.Uint32(b[4:]) != boltVersion:
		return m, true, fmt.Errorf("bbolt version %d", le.Uint32(b[4:]))
	case le.Uint64(b[56:]) != h.Sum64():
		return m, true, errors.New("checksum mismatch")
	}
	m = boltMeta{pageSize: uint64(le.Uint32(b[8:])), root: le.Uint64(b[16:]),
		freelist: le.Uint64(b[32:]), pgid: le.Uint64(b[40:]), tx: le.Uint64(b[48:])}
	if m.pageSize < 512 || m.pageSize > 1<<24 || m.pageSize&(m.pageSize-1) != 0 {
		return m, true, fmt.Errorf("page size %d", m.pageSize)
	}
	return m, true, nil
}

// fileState is what checkFile learnt of a store file.
type fileState struct {
	empty   bool // no file yet, or 0 bytes: bbolt will initialise it
	oneMeta bool // one meta page is bad: bbolt uses the other
}

// checkFile is the cheap check run before bbolt maps the file.
func (s *Store) checkFile() (fileState, error) {
	f, err := os.Open(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return fileState{empty: true}, nil
	}
	if err != nil {
		return fileState{}, fmt.Errorf("open store %s: %w", s.path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fileState{}, fmt.Errorf("open store %s: %w", s.path, err)
	}
	size := uint64(fi.Size())
	if size == 0 {
		return fileState{empty: true}, nil
	}
	page := make([]byte, 4096)
	n, err := f.ReadAt(page, 0)
	if err != nil && err != io.EOF {
		return fileState{}, fmt.Errorf("open store %s: %w", s.path, err)
	}
	m0, magic0, err0 := parseMeta(page[:n])
	ps := uint64(4096) // what bbolt assumes when meta 0 is bad
	if err0 == nil {
		ps = m0.pageSize
	}
	var m1 boltMeta
	var magic1 bool
	err1 := errors.New("missing")
	if size >= 2*ps {
		p1 := make([]byte, pageHeader+64)
		if _, err := f.ReadAt(p1, int64(ps)); err == nil {
			m1, magic1, err1 = parseMeta(p1)
		}
	}
	if !magic0 && !magic1 {
		return fileState{}, &storeError{msg: fmt.Sprintf("store %s is not a cyberintake store (not a bbolt file)", s.path), is: ErrNotStore}
	}
	if err0 != nil && err1 != nil {
		return fileState{}, s.damaged(fmt.Sprintf("both meta pages are bad (%v; %v)", err0, err1))
	}
	cur := m0
	if err0 != nil || err1 == nil && m1.tx > m0.tx {
		cur = m1
	}
	switch {
	case size%ps != 0:
		return fileState{}, s.damaged(fmt.Sprintf("its size, %d bytes, is not a whole number of %d-byte pages (truncated?)", size, ps))
	case size < cur.pgid*ps:
		return fileState{}, s.damaged(fmt.Sprintf("it is %d bytes but its meta page names %d pages (%d bytes): truncated", size, cur.pgid, cur.pgid*ps))
	case cur.pgid < 4 || cur.root >= cur.pgid || cur.freelist != noFreelist && cur.freelist >= cur.pgid:
		return fileState{}, s.damaged(fmt.Sprintf("its meta page names pages past its end (root %d, freelist %d, %d pages)", cur.root, cur.freelist, cur.pgid))
	}
	return fileState{oneMeta: err0 != nil || err1 != nil}, nil
}

// damaged is the error for a store that cannot be trusted.
func (s *Store) damaged(why string) error {
	return &storeError{msg: fmt.Sprintf("store %s is damaged: %s; nothing was written to it (run cyberintake verify --salvage NEW.db)", s.path, why), is: ErrDamaged}
}

// guard runs fn, turning bbolt's panics and memory faults reading the
// mapped file into ErrDamaged. A fault is only recoverable in the
// goroutine that set SetPanicOnFault, hence a call around each use.
func (s *Store) guard(fn func() error) (err error) {
	old := debug.SetPanicOnFault(true)
	defer func() {
		debug.SetPanicOnFault(old)
		if r := recover(); r != nil {
			s.log.Debug("store read failed", "path", s.path, "panic", r, "stack", string(debug.Stack()))
			err = s.damaged(fmt.Sprintf("reading it failed (%v)", r))
		}
	}()
	return fn()
}

// checkTx is walkFile, then bbolt's full structural check (tx.Check),
// which runs in a goroutine of its own where a fault on a bad offset could
// not be recovered: walkFile must pass first. It returns the problems
// found.
func (s *Store) checkTx(tx *bolt.Tx) []string {
	if p := walkFile(s.path); p != "" {
		return []string{p}
	}
	var probs []string
	for err := range tx.Check() {
		if len(probs) < maxProblems {
			probs = append(probs, err.Error())
		}
	}
	return probs
}

// checkBeforeWrite runs in the write transaction before anything is
// written: the full check unless the clean mark vouches for the file.
func (s *Store) checkBeforeWrite(tx *bolt.Tx, fs fileState) error {
	if mark, err := readDamageMark(s.path); mark != "" || err != nil {
		if err != nil {
			return fmt.Errorf("store %s: %w", s.path, err)
		}
		return s.damaged("verify found it damaged (" + mark + ")")
	}
	if !fs.oneMeta && !fs.empty && cleanTxid(tx) == uint64(tx.ID())-1 {
		return nil
	}
	if probs := s.checkTx(tx); len(probs) > 0 {
		s.recordDamage(probs[0])
		return s.damaged(probs[0])
	}
	return nil
}

func cleanTxid(tx *bolt.Tx) uint64 {
	m := tx.Bucket(bMeta)
	if m == nil {
		return 0
	}
	if v := m.Get(keyClean); len(v) == 8 {
		return binary.BigEndian.Uint64(v)
	}
	return 0
}

// markClean records this commit's transaction ID, as its last write.
func markClean(tx *bolt.Tx) error {
	m := tx.Bucket(bMeta)
	if m == nil {
		return nil
	}
	return m.Put(keyClean, binary.BigEndian.AppendUint64(nil, uint64(tx.ID())))
}

// The damage mark is a file beside the store (PATH.damaged) saying why
// the store was found damaged: inside a damaged store it could not be
// trusted, and readers such as verify must not write into the store.
// Writers refuse while it exists; a verify that finds the store sound (a
// restored or repaired one) removes it.
func damageMarkPath(path string) string { return path + ".damaged" }

func readDamageMark(path string) (string, error) {
	b, err := os.ReadFile(damageMarkPath(path))
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read damage mark: %w", err)
	}
	mark := strings.TrimSpace(string(b))
	if mark == "" {
		mark = "no reason recorded"
	}
	return mark, nil
}

// recordDamage writes the damage mark; failing to (a read-only
// directory) is logged, as the caller reports the damage anyway.
func (s *Store) recordDamage(why string) {
	line := time.Now().UTC().Format(time.RFC3339) + " " + why + "\n"
	if err := os.WriteFile(damageMarkPath(s.path), []byte(line), 0o600); err != nil {
		s.log.Warn("cannot record that the store is damaged", "path", s.path, "err", err)
	}
}

func clearDamageMark(path string) error {
	err := os.Remove(damageMarkPath(path))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// SkippedError is returned by List and Each after they went through
// every other record: these records could not be read (damaged values).
// Each is logged as a warning when skipped.
type SkippedError struct {
	Path string
	IDs  []uint64
}

func (e *SkippedError) Error() string {
	ids := fmt.Sprint(e.IDs[:min(len(e.IDs), 20)])
	if len(e.IDs) > 20 {
		ids = ids[:len(ids)-1] + " ...]"
	}
	return fmt.Sprintf("store %s: skipped %d damaged records %s (run cyberintake verify)", e.Path, len(e.IDs), ids)
}

// skipper collects the records a listing could not read.
type skipper struct {
	s   *Store
	ids []uint64
}

func (k *skipper) skip(id uint64, err error) {
	k.s.log.Warn("damaged record skipped", "path", k.s.path, "id", id, "err", err)
	k.ids = append(k.ids, id)
}

func (k *skipper) err() error {
	if len(k.ids) == 0 {
		return nil
	}
	return &SkippedError{Path: k.s.path, IDs: k.ids}
}
