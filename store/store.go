package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Lock strategy. bbolt holds an exclusive flock for a read-write DB and a
// shared one for a read-only DB until Close. The daemon writes while
// analysts query from other processes, so a Store does not keep the file
// open: every operation (one Put batch, one query) opens the bbolt file,
// runs its transaction and closes it again. Opening costs about 0.1 ms on
// a small store and 1-2 ms on a 400 MB one, so a writer holds the lock for
// one batch (milliseconds) and a reader for one query; each waits at most Options.Timeout for the other, and the reader
// gate (gate_linux.go) keeps a writer committing batch after batch from
// starving queries.

const defaultTimeout = 2 * time.Second

// initialMmapSize is reserved address space, not memory: it saves remaps
// while a store grows during a long ingest.
const initialMmapSize = 256 << 20

// allocSize is how much the file grows at a time.
const allocSize = 2 << 20

// Store is the handle on one store file. It is safe for concurrent use.
type Store struct {
	path string
	opts Options
	log  *slog.Logger
	wmu  sync.Mutex // one writer per handle; bbolt's flock orders processes
	// checked is set once Open has checked (or migrated) the schema; from
	// then on every transaction re-checks it, as another cyberintake may
	// have migrated the file since.
	checked bool
	// preloadFreelist reads the free list at open, in the caller's
	// goroutine, where a fault on a damaged one is recovered (verify:
	// bbolt's Check would read it in a goroutine of its own).
	preloadFreelist bool
}

// Open checks the store at path and returns a handle on it. A read-write
// open creates the file (mode 0600) if needed and migrates an older schema;
// a read-only open of a missing file fails with ErrNoStore.
func Open(path string, opts *Options) (*Store, error) {
	s := &Store{path: path}
	if opts != nil {
		s.opts = *opts
	}
	if s.opts.Timeout <= 0 {
		s.opts.Timeout = defaultTimeout
	}
	s.log = s.opts.Logger
	if s.log == nil {
		s.log = slog.Default()
	}
	if s.opts.ReadOnly {
		fi, err := os.Stat(path)
		if errors.Is(err, fs.ErrNotExist) || err == nil && fi.Size() == 0 {
			return nil, &storeError{msg: fmt.Sprintf("no store at %s (run cyberintake ingest first)", path), is: ErrNoStore, err: err}
		}
		if err != nil {
			return nil, fmt.Errorf("open store %s: %w", path, err)
		}
		if err := s.view(context.Background(), s.checkSchema); err != nil {
			return nil, err
		}
		s.checked = true
		return s, nil
	}
	if err := s.update(context.Background(), s.migrate); err != nil {
		return nil, err
	}
	s.checked = true
	return s, nil
}

// Path is the store file.
func (s *Store) Path() string { return s.path }

// Close releases the handle. The file is never held between operations, so
// there is nothing to flush.
func (s *Store) Close() error { return nil }

// view runs fn in a read transaction on a freshly opened read-only DB.
func (s *Store) view(ctx context.Context, fn func(tx *bolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	leave := enterReader(s.path)
	defer leave()
	fst, err := s.checkFile()
	if err != nil {
		return err
	}
	if fst.empty {
		return &storeError{msg: fmt.Sprintf("no store at %s (run cyberintake ingest first)", s.path), is: ErrNoStore}
	}
	var db *bolt.DB
	defer func() {
		if db != nil {
			db.Close()
		}
	}()
	return s.guard(func() error {
		if db, err = s.openDB(false); err != nil {
			return err
		}
		return db.View(func(tx *bolt.Tx) error {
			if err := s.sameSchema(tx); err != nil {
				return err
			}
			return fn(tx)
		})
	})
}

// update runs fn in one read-write transaction: all of it is committed
// (and fsynced) or none of it.
func (s *Store) update(ctx context.Context, fn func(tx *bolt.Tx) error) error {
	if s.opts.ReadOnly {
		return fmt.Errorf("write %s: %w", s.path, ErrReadOnly)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	defer s.gateWriter(ctx)()
	fst, err := s.checkFile()
	if err != nil {
		return err
	}
	var db *bolt.DB
	err = s.guard(func() error {
		if db, err = s.openDB(true); err != nil {
			return err
		}
		return db.Update(func(tx *bolt.Tx) error {
			if err := s.sameSchema(tx); err != nil {
				return err
			}
			if err := s.checkBeforeWrite(tx, fst); err != nil {
				return err
			}
			packBuckets(tx)
			if err := fn(tx); err != nil {
				return err
			}
			return markClean(tx)
		})
	})
	if db == nil {
		return err
	}
	if err != nil {
		db.Close()
		return err
	}
	if err := db.Close(); err != nil {
		return fmt.Errorf("close store %s: %w", s.path, err)
	}
	return nil
}

// sameSchema refuses a store whose schema changed after Open (a newer
// cyberintake migrated it while this one was running).
func (s *Store) sameSchema(tx *bolt.Tx) error {
	if !s.checked {
		return nil
	}
	if v, ok := storedSchema(tx); !ok || v != schemaVersion {
		return &storeError{msg: fmt.Sprintf("store %s changed to schema %d while open; this cyberintake knows %d: restart it", s.path, v, schemaVersion), is: ErrSchema}
	}
	return nil
}

func (s *Store) openDB(write bool) (*bolt.DB, error) {
	bo := &bolt.Options{
		Timeout:      s.opts.Timeout,
		ReadOnly:     !write,
		FreelistType: bolt.FreelistMapType,
		NoStatistics: true,

		PreLoadFreelist: s.preloadFreelist,
	}
	if write {
		// The freelist stays synced: with NoFreelistSync every read-write
		// open would walk the whole file to rebuild it.
		bo.InitialMmapSize = initialMmapSize
	}
	db, err := bolt.Open(s.path, 0o600, bo)
	if err == nil {
		// bbolt grows the file by 16 MiB once the mapping is larger than
		// that; smaller steps keep a small store small (one truncate and
		// fsync per step).
		db.AllocSize = allocSize
		return db, nil
	}
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return nil, &storeError{msg: fmt.Sprintf("store %s busy (daemon running?): waited %v", s.path, s.opts.Timeout), is: ErrBusy, err: err}
	case errors.Is(err, fs.ErrNotExist):
		return nil, &storeError{msg: fmt.Sprintf("no store at %s (run cyberintake ingest first)", s.path), is: ErrNoStore, err: err}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) { // permissions, I/O: the file system's word
		return nil, fmt.Errorf("open store %s: %w", s.path, err)
	}
	// bbolt's own complaints (invalid meta page, version, checksum, size).
	return nil, &storeError{msg: fmt.Sprintf("store %s is not a cyberintake store (not a bbolt file, or damaged: %v)", s.path, err), is: ErrNotStore, err: err}
}

// packBuckets fills pages before splitting them (bbolt's default splits at
// half a page) in the buckets that grow at their end: records and raw
// messages (rising IDs) and indexes of few values (each value's IDs rise).
// Half-full pages there would stay half full and double the file. Buckets
// with keys inserted all over (hashes, Message-IDs, dates, labs) keep the
// default, or every insert would split a full page.
func packBuckets(tx *bolt.Tx) {
	for _, name := range [][]byte{bRaw, bRecord, ixKind, ixLang, ixTag, ixFlag, bCounters} {
		if b := tx.Bucket(name); b != nil {
			b.FillPercent = 0.95
		}
	}
}
