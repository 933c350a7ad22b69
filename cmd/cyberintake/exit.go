package main

import (
	"errors"

	"cyberintake/store"
)

// Documented exit statuses (see exitStatusHelp).
const (
	exitOK      = 0 // everything went through
	exitFailure = 1 // something could not be done
	exitUsage   = 2 // the command line was wrong
	exitBusy    = 3 // the store was held by another process too long
	exitPartial = 4 // some inputs were processed, others failed
	exitDamaged = 5 // the store is damaged: nothing was written to it
)

const exitStatusHelp = `
EXIT STATUS
  0  success
  1  failure: nothing, or not everything, could be done
  2  wrong usage (unknown flag, bad value)
  3  store busy: another process held it too long (daemon running?)
  4  partial: some inputs (or damaged records of the store) could not be
     read; the others were processed
  5  store damaged (truncated or inconsistent): nothing was written to it;
     run verify --salvage NEW.db
`

// errPartial wraps an error that left the other inputs processed.
type errPartial struct{ err error }

func (e errPartial) Error() string { return e.err.Error() }
func (e errPartial) Unwrap() error { return e.err }

func exitCode(err error) int {
	var p errPartial
	var sk *store.SkippedError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errUsage):
		return exitUsage
	case errors.Is(err, store.ErrBusy):
		return exitBusy
	case errors.Is(err, store.ErrDamaged):
		return exitDamaged
	case errors.As(err, &p), errors.As(err, &sk):
		return exitPartial
	}
	return exitFailure
}
