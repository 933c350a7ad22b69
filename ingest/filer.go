// Package ingest reads mail from its sources (the IMAP mailbox, mbox files,
// Maildirs, .eml files) and files it: each message is parsed by mailparse and
// committed to the store in batches, so that nothing is acknowledged before
// the transaction that holds it.
package ingest

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"sync"

	"cyberintake/mailparse"
	"cyberintake/store"
)

// Incoming is one raw message read from a source.
type Incoming struct {
	Raw    []byte
	Source store.Source
	// Pos locates the message for people: "file:line" in an mbox, the
	// file path otherwise; empty means Source.Name.
	Pos string
	// Truncated, when not "", says how the source ended inside the
	// message: it is filed flagged for review (store.Message.Truncated).
	Truncated string
}

// FilerOptions tune a Filer. A nil *FilerOptions is valid.
type FilerOptions struct {
	Parse  *mailparse.Options
	Logger *slog.Logger
	// Workers is how many goroutines parse at once (the IMAP daemon's
	// parsers, reprocess); zero means GOMAXPROCS.
	Workers int
}

// Filer parses messages and commits them to the store, one transaction per
// batch. It is shared by the archive readers and the IMAP daemon.
type Filer struct {
	st   *store.Store
	opts FilerOptions
}

// NewFiler returns a Filer writing to st.
func NewFiler(st *store.Store, opts *FilerOptions) *Filer {
	f := &Filer{st: st}
	if opts != nil {
		f.opts = *opts
	}
	if f.opts.Logger == nil {
		f.opts.Logger = slog.Default()
	}
	if f.opts.Workers <= 0 {
		f.opts.Workers = runtime.GOMAXPROCS(0)
	}
	return f
}

// Parse parses one message into what the store files. It never fails: a
// message the parser cannot read is filed raw with Result.Error set.
func (f *Filer) Parse(m Incoming) store.Message {
	res := mailparse.Parse(m.Raw, f.opts.Parse) // recovers from its own panics
	res.File = m.Source.Name
	if m.Pos != "" {
		res.File = m.Pos
	}
	if res.Error != "" {
		f.opts.Logger.Debug("parse failed, filed raw", "file", res.File, "err", res.Error)
	}
	if m.Truncated != "" {
		f.opts.Logger.Warn("message cut short by the end of its input: filed flagged for review", "file", res.File, "why", m.Truncated)
	}
	return store.Message{Raw: m.Raw, Result: res, Source: m.Source, Truncated: m.Truncated}
}

// Commit files already parsed messages, together with states, in one
// transaction: when it returns nil every message is durably filed (or was a
// duplicate) and the states are saved; on error nothing of the batch is.
// One message does not fail the batch: one whose parsed result the store
// could not keep is filed raw as failed (store.Outcome.Quarantined), and
// Commit sets its msgs entry's Result to that failed result, so that
// callers count and report what was filed.
func (f *Filer) Commit(ctx context.Context, msgs []store.Message, states ...store.SourceState) ([]store.Outcome, error) {
	out, err := f.st.Put(ctx, msgs, states...)
	if err != nil {
		return nil, fmt.Errorf("file batch of %d: %w", len(msgs), err)
	}
	for i, o := range out {
		if o.Quarantined != "" {
			file := ""
			if r := msgs[i].Result; r != nil {
				file = r.File
			}
			msgs[i].Result = store.QuarantinedResult(file, o.Quarantined)
		}
	}
	return out, nil
}

// forEach calls fn(0) ... fn(n-1) on at most workers goroutines and
// returns when all are done.
func forEach(n, workers int, fn func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(workers, n) {
		wg.Go(func() {
			for i := range next {
				fn(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
