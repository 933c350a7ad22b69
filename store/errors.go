package store

import "errors"

var (
	// ErrBusy: another process holds the store file longer than Options.Timeout.
	ErrBusy = errors.New("store busy (daemon running?)")
	// ErrReadOnly: a write on a store opened with Options.ReadOnly.
	ErrReadOnly = errors.New("store opened read-only")
	// ErrNotFound: no record with that ID.
	ErrNotFound = errors.New("not found")
	// ErrNotImplemented marks the API sketch; removed once implemented.
	ErrNotImplemented = errors.New("not implemented")
)
