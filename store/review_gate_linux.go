package store

import (
	"context"
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// awaitUnlocked returns once nobody holds bbolt's flock on path (it takes
// and drops it at once, so bbolt's own open finds it free), or after max.
// The daemon, gated, does not take it again meanwhile.
func awaitUnlocked(ctx context.Context, path string, max time.Duration) {
	f, err := os.Open(path)
	if err != nil {
		return
	}
	defer f.Close()
	deadline := time.Now().Add(max)
	for ctx.Err() == nil {
		if unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB) == nil {
			unix.Flock(int(f.Fd()), unix.LOCK_UN)
			return
		}
		if time.Now().After(deadline) {
			return // bbolt's open reports the busy store
		}
		time.Sleep(time.Millisecond)
	}
}
