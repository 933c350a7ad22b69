// Package ingest reads mail from its sources (the IMAP mailbox, mbox files,
// Maildirs, .eml files) and files it: each message is parsed by mailparse and
// committed to the store in batches, so that nothing is acknowledged before
// the transaction that holds it.
package ingest

import (
	"context"
	"fmt"
	"log/slog"

	"cyberintake/mailparse"
	"cyberintake/store"
)

// Incoming is one raw message read from a source.
type Incoming struct {
	Raw    []byte
	Source store.Source
}

// FilerOptions tune a Filer. A nil *FilerOptions is valid.
type FilerOptions struct {
	Parse  *mailparse.Options
	Logger *slog.Logger
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
	return f
}

// FileBatch parses msgs and commits them, together with states, in one
// transaction: when it returns nil every message is durably filed (or was a
// duplicate) and the states are saved; on error nothing of the batch is.
func (f *Filer) FileBatch(ctx context.Context, msgs []Incoming, states ...store.SourceState) ([]store.Outcome, []*mailparse.Result, error) {
	sm := make([]store.Message, len(msgs))
	results := make([]*mailparse.Result, len(msgs))
	for i, m := range msgs {
		res := mailparse.Parse(m.Raw, f.opts.Parse)
		res.File = m.Source.Name
		results[i] = res
		sm[i] = store.Message{Raw: m.Raw, Result: res, Source: m.Source}
	}
	out, err := f.st.Put(ctx, sm, states...)
	if err != nil {
		return nil, nil, fmt.Errorf("file batch of %d: %w", len(msgs), err)
	}
	return out, results, nil
}
