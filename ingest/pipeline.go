package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"sync"
	"time"

	"cyberintake/mailparse"
	"cyberintake/store"
)

// Options tune Ingest. A nil *Options is valid and means the defaults.
type Options struct {
	// Workers is the number of parsing goroutines; zero means GOMAXPROCS.
	Workers int
	// BatchSize and BatchBytes bound one transaction: it is committed when
	// either is reached. Zero means 500 messages and 4 MiB. Bigger batches
	// amortise bbolt's fsyncs (a commit costs ~10 ms); smaller ones bound
	// memory (a batch is held about four times: raw, compressed, in bbolt's
	// dirty pages, plus the parse results) and the work a crash throws away.
	BatchSize  int
	BatchBytes int64
	// Reader tunes the archive readers (message size limit, stdin).
	Reader *ReaderOptions
	// Parse tunes the parser.
	Parse *mailparse.Options
	// Progress, if not nil, gets a progress line redrawn with \r; give it
	// only a terminal.
	Progress io.Writer
	// Logger receives one warning per unreadable input or message; nil
	// means slog.Default().
	Logger *slog.Logger
}

func (o *Options) withDefaults() Options {
	var r Options
	if o != nil {
		r = *o
	}
	if r.Workers <= 0 {
		r.Workers = runtime.GOMAXPROCS(0)
	}
	if r.BatchSize <= 0 {
		r.BatchSize = 500
	}
	if r.BatchBytes <= 0 {
		r.BatchBytes = 4 << 20
	}
	if r.Logger == nil {
		r.Logger = slog.Default()
	}
	ro := r.Reader.withDefaults()
	ro.Logger = r.Logger
	r.Reader = &ro
	return r
}

// ErrInterrupted is returned (wrapped) by Ingest when its context was
// cancelled: what was read before is committed, the rest is not read.
var ErrInterrupted = errors.New("interrupted")

// job is one message (or one read error) on its way through the pipeline.
// The reader sends it to the committer in input order and to a worker for
// parsing; done is closed when msg is ready.
type job struct {
	in   *Incoming
	msg  store.Message
	err  error
	done chan struct{}
}

// Ingest files every message of paths (see Open for what a path may be) in
// input order: a reader goroutine streams the inputs, a pool of workers
// parses, and the calling goroutine commits batches through a Filer, so the
// store assigns IDs in input order whatever the parsing order.
//
// Unreadable inputs and messages are logged and listed in the Summary; the
// error return is for what stops the run: the store failing, or ctx being
// cancelled (then the messages already read are committed first and the
// error wraps ErrInterrupted).
func Ingest(ctx context.Context, st *store.Store, paths []string, opts *Options) (*Summary, error) {
	o := opts.withDefaults()
	filer := NewFiler(st, &FilerOptions{Parse: o.Parse, Logger: o.Logger, Workers: o.Workers})
	sum := newSummary()
	var in *inputBytes
	if total, ok := inputSize(paths); ok && o.Progress != nil {
		in = &inputBytes{total: total}
		o.Reader.counted = &in.read
	}
	prog := startProgress(o.Progress, sum, in)

	readCtx, stopReading := context.WithCancel(ctx)
	defer stopReading()
	order := make(chan *job, 4*o.Workers+16)
	work := make(chan *job, o.Workers)
	var wg sync.WaitGroup
	var complete bool // every input read to its end; written before order closes
	wg.Go(func() { complete = readInputs(readCtx, paths, o.Reader, order, work) })
	startParsers(&wg, filer, work, o.Workers)

	c := committer{ctx: context.WithoutCancel(ctx), filer: filer, sum: sum, log: o.Logger, max: o.BatchSize, maxBytes: o.BatchBytes}
	for j := range order {
		<-j.done
		if c.err != nil {
			continue // drain: the reader stops, the workers finish
		}
		if j.err != nil {
			sum.addError(j.err)
			o.Logger.Debug("skipped", "err", j.err.Error()) // the summary lists it
			continue
		}
		c.add(j.msg)
		if c.err != nil {
			stopReading()
		}
	}
	wg.Wait()
	c.flush()
	prog.stop()
	sum.finish()
	s := sum.Summary()
	switch {
	case c.err != nil:
		return s, c.err
	case !complete:
		s.Interrupted = true
		return s, fmt.Errorf("%w after %d messages: the rest was not read", ErrInterrupted, s.Read)
	}
	return s, nil
}

// startParsers starts n goroutines that parse the jobs sent on work until
// it is closed; the caller owns them through wg.
func startParsers(wg *sync.WaitGroup, filer *Filer, work <-chan *job, n int) {
	for range n {
		wg.Go(func() {
			for j := range work {
				j.msg = filer.Parse(*j.in)
				j.msg.Pack() // here, on every core, not in the serial commit
				j.in = nil
				close(j.done)
			}
		})
	}
}

// readInputs streams every input to the committer (order) and the parsers
// (work), then closes both. It stops early when ctx is done, and reports
// whether it read everything.
func readInputs(ctx context.Context, paths []string, ro *ReaderOptions, order, work chan<- *job) bool {
	defer close(work)
	defer close(order)
	send := func(j *job) bool {
		select {
		case order <- j:
		case <-ctx.Done():
			return false
		}
		if j.in == nil {
			close(j.done)
			return true
		}
		work <- j // a worker always drains work, so this cannot block forever
		return true
	}
	for _, p := range paths {
		r, err := Open(p, ro)
		if err != nil {
			if !send(&job{err: err, done: make(chan struct{})}) {
				return false
			}
			continue
		}
		ok := readAll(ctx, r, send)
		r.Close()
		if !ok {
			return false
		}
	}
	return true
}

func readAll(ctx context.Context, r Reader, send func(*job) bool) bool {
	for ctx.Err() == nil {
		in, err := r.Next()
		if err == io.EOF {
			return true
		}
		var skip *SkipError
		if !send(&job{in: in, err: err, done: make(chan struct{})}) {
			return false
		}
		if err != nil && !errors.As(err, &skip) {
			return true // the rest of this input is unreadable; go on with the next
		}
	}
	return false
}

// committer gathers parsed messages into batches and commits them.
type committer struct {
	ctx      context.Context // not cancelled: see flush
	filer    *Filer
	sum      *counter
	log      *slog.Logger
	max      int
	maxBytes int64

	batch []store.Message
	bytes int64
	err   error
}

func (c *committer) add(m store.Message) {
	c.batch = append(c.batch, m)
	c.bytes += int64(len(m.Raw))
	if len(c.batch) >= c.max || c.bytes >= c.maxBytes {
		c.flush()
	}
}

// flush commits the batch in hand. It ignores cancellation: on SIGINT the
// batch already read is still filed, and a commit takes milliseconds.
func (c *committer) flush() {
	if len(c.batch) == 0 || c.err != nil {
		return
	}
	start := time.Now()
	out, err := c.filer.Commit(c.ctx, c.batch)
	if err != nil {
		c.err = err
		return
	}
	c.log.Debug("batch committed", "messages", len(c.batch), "bytes", c.bytes, "took", time.Since(start))
	c.sum.addBatch(c.batch, out)
	clear(c.batch)
	c.batch, c.bytes = c.batch[:0], 0
}
