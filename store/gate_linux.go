package store

import (
	"context"
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// The reader gate makes bbolt's file lock fair to analysts. bbolt polls its
// flock every 50 ms, so a writer that commits batch after batch would win
// almost every race and a query could time out. Before opening the file a
// reader takes a shared open-file-description (OFD) byte-range lock on one
// byte far past the end of the store; before each batch a writer checks
// that byte and waits while readers hold it. OFD locks are independent of
// flock on Linux, are per open file (so two handles in one process see
// each other) and vanish when the holder exits, even on SIGKILL.
const gateOffset = 1 << 50

// enterReader announces a reader; the returned func leaves the gate.
func enterReader(path string) func() {
	f, err := os.Open(path)
	if err != nil {
		return func() {}
	}
	lk := unix.Flock_t{Type: unix.F_RDLCK, Whence: 0, Start: gateOffset, Len: 1}
	if err := unix.FcntlFlock(f.Fd(), unix.F_OFD_SETLK, &lk); err != nil {
		// No gate (old kernel, odd file system): bbolt's lock still
		// keeps the store consistent, the reader is just less favoured.
		f.Close()
		return func() {}
	}
	return func() { f.Close() }
}

// waitReaders lets readers in the gate go first, up to max.
func waitReaders(ctx context.Context, path string, max time.Duration) {
	f, err := os.Open(path)
	if err != nil {
		return
	}
	defer f.Close()
	deadline := time.Now().Add(max)
	for time.Now().Before(deadline) && ctx.Err() == nil {
		lk := unix.Flock_t{Type: unix.F_WRLCK, Whence: 0, Start: gateOffset, Len: 1}
		if err := unix.FcntlFlock(f.Fd(), unix.F_OFD_GETLK, &lk); err != nil || lk.Type == unix.F_UNLCK {
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
}
