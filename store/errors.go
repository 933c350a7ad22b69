package store

import "errors"

// Sentinels callers test with errors.Is. Errors returned by the store wrap
// them with the file and what was being done.
var (
	// ErrBusy: another process holds the store file longer than Options.Timeout.
	ErrBusy = errors.New("store busy (daemon running?)")
	// ErrReadOnly: a write on a store opened with Options.ReadOnly.
	ErrReadOnly = errors.New("store opened read-only")
	// ErrNotFound: no record with that ID.
	ErrNotFound = errors.New("not found")
	// ErrNoStore: a read-only open of a file that does not exist yet.
	ErrNoStore = errors.New("no store")
	// ErrNotStore: the file is not a bbolt file, or not a cyberintake store.
	ErrNotStore = errors.New("not a cyberintake store")
	// ErrSchema: the store was written by a newer cyberintake, or needs an
	// upgrade that a read-only open cannot do.
	ErrSchema = errors.New("unknown store schema")
	// ErrDamaged: the file is truncated or its pages are inconsistent
	// (damage.go); writes are refused, reads may give what is readable.
	ErrDamaged = errors.New("store damaged")
)

// storeError carries a complete one-line message while still matching its
// sentinel with errors.Is, so that messages need not end in ": sentinel".
type storeError struct {
	msg string
	is  error
	err error // underlying cause, if any
}

func (e *storeError) Error() string { return e.msg }
func (e *storeError) Is(target error) bool {
	return target == e.is
}
func (e *storeError) Unwrap() error { return e.err }
