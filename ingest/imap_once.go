package ingest

import (
	"context"
	"errors"
	"fmt"
	"time"

	"cyberintake/store"
)

// Once syncs every mailbox once over one connection and returns how many
// messages it filed: for tests and the demo. It does not retry; cron runs
// OnceWithRetry.
func (d *Daemon) Once(ctx context.Context) (int, error) {
	s, err := d.connect(ctx)
	if err != nil {
		return 0, err
	}
	defer s.close()
	total := 0
	var notMarked []error
	for _, mbox := range d.cfg.Mailboxes {
		d.metrics.connState(mbox, stateSyncing)
		n, err := d.syncMailbox(ctx, s, mbox)
		total += n
		d.metrics.connState(mbox, stateDown)
		var nm *NotMarkedError
		if errors.As(err, &nm) { // filed: go on with the other mailboxes, then fail
			notMarked = append(notMarked, err)
			continue
		}
		if err != nil {
			if ctx.Err() != nil {
				return total, nil
			}
			return total, err
		}
	}
	return total, errors.Join(notMarked...)
}

// OnceWithRetry is Once for cron: transient failures (a refused or reset
// connection, a timeout, BYE, NO or BAD from the server, a mailbox missing
// for a moment) are retried over a new connection with the daemon's backoff
// and jitter; no new attempt starts once RetryFor has passed. Failures that
// retrying cannot cure (see retryable) are returned at once: a refused
// login retried in a loop only gets the account locked. What a failed
// attempt filed stays filed, and the next attempt resumes from the stored
// state, so nothing is filed twice. Cancelling ctx stops it cleanly (nil).
func (d *Daemon) OnceWithRetry(ctx context.Context) (int, error) {
	start := time.Now()
	deadline := start.Add(d.cfg.RetryFor)
	total, attempt, tries := 0, 0, 0
	for {
		n, err := d.Once(ctx)
		total += n
		tries++
		if err == nil || ctx.Err() != nil {
			return total, nil
		}
		if !retryable(err) || d.cfg.RetryFor < 0 {
			return total, err
		}
		left := time.Until(deadline)
		if left <= 0 {
			return total, fmt.Errorf("IMAP server %s: gave up after %d attempts in %v (retry-for %v); last failure: %w",
				d.cfg.Addr, tries, time.Since(start).Round(time.Millisecond), d.cfg.RetryFor, err)
		}
		if n > 0 {
			attempt = 0 // progress, as in watch: the server works again
		}
		attempt++
		delay := min(redialDelay(d.cfg.BackoffMin, d.cfg.BackoffMax, attempt), left)
		d.log.Warn("sync pass failed; will retry", "server", d.cfg.Addr, "attempt", tries,
			"retry_in", delay.Round(time.Millisecond), "err", err)
		select {
		case <-ctx.Done():
			return total, nil
		case <-time.After(delay):
		}
	}
}

// retryable reports whether another attempt may succeed. Refused logins,
// untrusted certificates and bad settings (PermanentError, ErrAuth,
// ErrConfig) will not get better and must not be hammered; a server that
// breaks the protocol (ErrHostile) does so again; a store that is not one,
// is read-only, damaged or of an unknown schema stays so. Anything else (imapclient
// reports a cut connection as a bare string) may be a blip.
func retryable(err error) bool {
	var perm *PermanentError
	if errors.As(err, &perm) {
		return false
	}
	var nm *NotMarkedError
	if errors.As(err, &nm) { // the server refused the marking: it will again
		return false
	}
	for _, target := range []error{ErrAuth, ErrConfig, ErrHostile,
		store.ErrReadOnly, store.ErrNotStore, store.ErrNoStore, store.ErrSchema, store.ErrDamaged} {
		if errors.Is(err, target) {
			return false
		}
	}
	return true
}
