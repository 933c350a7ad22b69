package store

import (
	"context"
	"time"
)

// A person's change (correct, undo, accept) is one small commit that
// someone waits for at a prompt. bbolt polls a taken file lock only every
// 50 ms, so behind a daemon committing batch after batch (an initial sync)
// it would wait for several batches: 300 ms in the median and up to 2 s,
// measured. So a person's write goes through the reader gate (gate_linux.go)
// like a query: it announces itself, the daemon's next batch waits for it,
// and it gets the file as soon as the batch in hand is committed: it polls
// the lock every millisecond (awaitUnlocked) rather than bbolt's 50.

type personWriteKey struct{}

// personWrite marks ctx as a person's write.
func personWrite(ctx context.Context) context.Context {
	return context.WithValue(ctx, personWriteKey{}, true)
}

// gateWriter is update's turn at the gate: a person's write enters it (and
// leaves when the returned func runs); any other write first lets the
// readers and people in the gate go, as before.
func (s *Store) gateWriter(ctx context.Context) func() {
	if ctx.Value(personWriteKey{}) != nil {
		leave := enterReader(s.path)
		awaitUnlocked(ctx, s.path, s.opts.Timeout)
		return leave
	}
	waitReaders(ctx, s.path, min(s.opts.Timeout, time.Second))
	return func() {}
}
