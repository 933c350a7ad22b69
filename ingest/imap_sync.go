package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"cyberintake/mailparse"
	"cyberintake/store"
)

// ErrHostile marks a server answer that breaks the protocol or our limits
// (a literal larger than announced or allowed, a missing body).
var ErrHostile = errors.New("unexpected server response")

// newMsg is a message found by the first, cheap FETCH of a sync.
type newMsg struct {
	uid  imap.UID
	size int64
}

// fetchedMsg is one message read in full (or its header only, when oversize).
type fetchedMsg struct {
	uid      imap.UID
	raw      []byte
	oversize int64 // announced size when only the header was fetched
	parse    *job  // its parsing, started as soon as it was read
}

// batch is a run of consecutive new messages, filed in one transaction.
type imapBatch struct {
	msgs    []fetchedMsg
	lastUID imap.UID // highest UID asked for: every new UID up to it is filed with the batch

	fetchTime time.Duration
}

// syncMailbox files every message of mbox newer than the stored state. It
// returns the number of messages handed to the store, and a
// *NotMarkedError when the pass succeeded but some filed messages could
// not be marked. When ctx is cancelled
// it finishes and commits the batch in hand, then returns ctx's error.
func (d *Daemon) syncMailbox(ctx context.Context, s *imapSession, mbox string) (int, error) {
	start := time.Now()
	log := d.log.With("mailbox", mbox)
	key := d.stateKey(mbox)
	state, known, err := d.filer.st.SourceState(ctx, key)
	if err != nil {
		return 0, fmt.Errorf("read state of %s: %w", key, err)
	}
	readOnly := d.cfg.DryRun || (d.cfg.Keyword == "" && d.cfg.MoveTo == "")
	sel, err := s.c.Select(mbox, &imap.SelectOptions{ReadOnly: readOnly}).Wait()
	if err != nil {
		return 0, fmt.Errorf("select %q: %w", mbox, err)
	}
	last := imap.UID(state.LastUID)
	rescan := known && state.UIDValidity != sel.UIDValidity
	if rescan {
		log.Warn("UIDVALIDITY changed: re-scanning the whole mailbox; already filed messages are recognised as duplicates",
			"stored", state.UIDValidity, "now", sel.UIDValidity)
		last = 0
	}
	newState := store.SourceState{Key: key, UIDValidity: sel.UIDValidity, LastUID: uint32(last)}
	keywordOK := d.cfg.Keyword != "" && allowsKeyword(sel.PermanentFlags, d.cfg.Keyword)
	pend := d.pendingMarks(s, log, state, sel.UIDValidity, keywordOK)
	pend.retry()
	if sel.UIDNext != 0 && sel.UIDNext <= last+1 {
		if err := pend.finish(ctx, newState, rescan || !known); err != nil {
			return 0, err
		}
		d.metrics.syncDone(mbox, time.Since(start))
		return 0, pend.notMarked(mbox)
	}
	todo, err := listNew(s, last)
	if err != nil {
		return 0, fmt.Errorf("list new messages in %q: %w", mbox, err)
	}
	d.metrics.seen(mbox, len(todo))
	if len(todo) > 0 {
		log.Info("new messages", "count", len(todo), "from_uid", todo[0].uid, "to_uid", todo[len(todo)-1].uid)
	}
	if d.cfg.Keyword != "" && !keywordOK && !d.cfg.DryRun {
		log.Warn("server does not allow the keyword on this mailbox; not setting it", "keyword", d.cfg.Keyword)
	}

	// One goroutine fetches and hands each message to the parsers as it
	// arrives, while this one commits the batch before: the network, the
	// parsing on every core and the store's fsync overlap. Filing one batch
	// after another with the parsing inside took 155 ms a batch of 500 and
	// left a core idle a third of the time.
	fctx, stop := context.WithCancel(ctx)
	defer stop()
	batches := make(chan imapBatch, 1)
	fetchErr := make(chan error, 1)
	work := make(chan *job, d.filer.opts.Workers)
	var parsers sync.WaitGroup
	startParsers(&parsers, d.filer, work, d.filer.opts.Workers)
	defer parsers.Wait()
	go func() {
		defer close(batches)
		defer close(work) // the parsers end when the fetcher does
		fetchErr <- d.fetchBatches(fctx, s, mbox, todo, batches, work)
	}()
	n := 0
	for b := range batches {
		newState.LastUID = uint32(b.lastUID)
		newState.SyncedAt = time.Now().UTC()
		newState.Unmarked = pend.with(b.msgs)
		t0 := time.Now()
		filedUIDs, err := d.fileBatch(ctx, mbox, b, newState)
		log.Debug("batch filed", "count", len(b.msgs), "last_uid", b.lastUID, "fetch", b.fetchTime, "file", time.Since(t0))
		if err != nil {
			stop()
			s.abort()
			for range batches {
			}
			return n, err
		}
		n += len(b.msgs)
		pend.markFiled(filedUIDs)
	}
	if err := <-fetchErr; err != nil {
		return n, err
	}
	if err := pend.finish(ctx, newState, len(todo) == 0 && (rescan || !known)); err != nil {
		return n, err
	}
	if ctx.Err() != nil {
		return n, ctx.Err()
	}
	d.metrics.syncDone(mbox, time.Since(start))
	return n, pend.notMarked(mbox)
}

// listNew asks for the UIDs and sizes of the messages above last. "last+1:*"
// always matches the highest message, even an old one: filter it out. A
// literal in this answer was not asked for: it is refused unread (Collect
// would buffer whatever size the server announced).
func listNew(s *imapSession, last imap.UID) ([]newMsg, error) {
	set := imap.UIDSet{imap.UIDRange{Start: last + 1, Stop: 0}}
	cmd := s.c.Fetch(set, &imap.FetchOptions{UID: true, RFC822Size: true})
	var out []newMsg
	for msg := cmd.Next(); msg != nil; msg = cmd.Next() {
		var m newMsg
		for item := msg.Next(); item != nil; item = msg.Next() {
			switch it := item.(type) {
			case imapclient.FetchItemDataUID:
				m.uid = it.UID
			case imapclient.FetchItemDataRFC822Size:
				m.size = it.Size
			case imapclient.FetchItemDataBodySection:
				s.abort()
				if it.Literal != nil {
					_, _ = io.Copy(io.Discard, it.Literal)
				}
				return nil, fmt.Errorf("%w: a message body in answer to a UID/size FETCH", ErrHostile)
			}
		}
		if m.uid > last {
			out = append(out, m)
		}
	}
	if err := cmd.Close(); err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b newMsg) int { return int(a.uid) - int(b.uid) })
	return slices.CompactFunc(out, func(a, b newMsg) bool { return a.uid == b.uid }), nil
}

// fetchBatches reads todo in batches bounded by count and bytes and sends
// them to out, stopping between batches when ctx is done.
func (d *Daemon) fetchBatches(ctx context.Context, s *imapSession, mbox string, todo []newMsg, out chan<- imapBatch, work chan<- *job) error {
	for len(todo) > 0 {
		if ctx.Err() != nil {
			return nil
		}
		n, bytes := 0, int64(0)
		for n < len(todo) && n < d.cfg.BatchSize {
			sz := min(todo[n].size, d.cfg.MaxMessageSize)
			if n > 0 && bytes+sz > d.cfg.BatchBytes {
				break
			}
			bytes += sz
			n++
		}
		t0 := time.Now()
		msgs, err := d.fetchFull(s, mbox, todo[:n], work)
		if err != nil {
			return err
		}
		select {
		case out <- imapBatch{msgs: msgs, lastUID: todo[n-1].uid, fetchTime: time.Since(t0)}:
		case <-ctx.Done():
			// Hand over the batch in hand anyway: it is already read.
			out <- imapBatch{msgs: msgs, lastUID: todo[n-1].uid, fetchTime: time.Since(t0)}
			return nil
		}
		todo = todo[n:]
	}
	return nil
}

// fetchFull reads the messages of one batch with BODY.PEEK[], which leaves
// \Seen alone for the people who read the mailbox too, and sends each to
// the parsers on work as soon as it is read. Oversize messages get
// BODY.PEEK[HEADER] only.
func (d *Daemon) fetchFull(s *imapSession, mbox string, items []newMsg, work chan<- *job) ([]fetchedMsg, error) {
	var whole, heads imap.UIDSet
	sizes := make(map[imap.UID]int64, len(items))
	for _, it := range items {
		sizes[it.uid] = it.size
		if it.size > d.cfg.MaxMessageSize {
			heads.AddNum(it.uid)
		} else {
			whole.AddNum(it.uid)
		}
	}
	var out []fetchedMsg
	for _, part := range []struct {
		set  imap.UIDSet
		spec imap.PartSpecifier
	}{{whole, imap.PartSpecifierNone}, {heads, imap.PartSpecifierHeader}} {
		if len(part.set) == 0 {
			continue
		}
		sect := &imap.FetchItemBodySection{Specifier: part.spec, Peek: true}
		cmd := s.c.Fetch(part.set, &imap.FetchOptions{UID: true, BodySection: []*imap.FetchItemBodySection{sect}})
		for msg := cmd.Next(); msg != nil; msg = cmd.Next() {
			f, err := readFetched(s, msg, d.cfg.MaxMessageSize)
			if err != nil {
				return nil, err
			}
			if part.spec == imap.PartSpecifierHeader {
				f.oversize = sizes[f.uid]
			}
			f.parse = &job{in: d.incoming(mbox, f), done: make(chan struct{})}
			work <- f.parse // a parser always drains work, so this cannot block forever
			out = append(out, f)
		}
		if err := cmd.Close(); err != nil {
			return nil, fmt.Errorf("fetch %v: %w", part.set, err)
		}
	}
	slices.SortFunc(out, func(a, b fetchedMsg) int { return int(a.uid) - int(b.uid) })
	if len(out) < len(items) {
		if err := checkGone(s, items, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// checkGone makes sure that messages the server did not return were
// expunged meanwhile: the batch's state would otherwise skip them.
func checkGone(s *imapSession, items []newMsg, got []fetchedMsg) error {
	var missing imap.UIDSet
	for _, it := range items {
		if !slices.ContainsFunc(got, func(f fetchedMsg) bool { return f.uid == it.uid }) {
			missing.AddNum(it.uid)
		}
	}
	data, err := s.c.UIDSearch(&imap.SearchCriteria{UID: []imap.UIDSet{missing}}, nil).Wait()
	if err != nil {
		return fmt.Errorf("check messages %v the server did not return: %w", missing, err)
	}
	if still := data.AllUIDs(); len(still) > 0 {
		return fmt.Errorf("%w: messages %v exist but the server did not return them", ErrHostile, imap.UIDSetNum(still...))
	}
	return nil
}

// readFetched reads one FETCH response, refusing literals over limit
// whatever size the server announced, so memory stays bounded. On error it
// has already dropped the connection, and the caller must not touch the
// command again: imapclient would re-read a cut literal concurrently with
// its own reader goroutine.
func readFetched(s *imapSession, msg *imapclient.FetchMessageData, limit int64) (fetchedMsg, error) {
	var f fetchedMsg
	got := false
	for item := msg.Next(); item != nil; item = msg.Next() {
		switch it := item.(type) {
		case imapclient.FetchItemDataUID:
			f.uid = it.UID
		case imapclient.FetchItemDataBodySection:
			if it.Literal == nil {
				s.abort()
				return f, fmt.Errorf("%w: UID %d: empty body", ErrHostile, f.uid)
			}
			size := it.Literal.Size()
			if size > limit {
				// Unblock the client's reader (it waits for the literal to be
				// consumed) by reading from the dropped connection.
				s.abort()
				_, _ = io.Copy(io.Discard, it.Literal)
				return f, fmt.Errorf("%w: UID %d: body literal of %d bytes exceeds the limit of %d", ErrHostile, f.uid, size, limit)
			}
			// One allocation of the announced size (bounded just above):
			// bytes.Buffer.ReadFrom would double it to look for the end.
			raw := make([]byte, size)
			n, err := io.ReadFull(it.Literal, raw)
			if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) && size > 0 {
				err = fmt.Errorf("literal cut short: %d of %d bytes", n, size)
			}
			if err != nil {
				s.abort()
				return f, fmt.Errorf("read body of UID %d: %w", f.uid, err)
			}
			f.raw, got = raw, true
		}
	}
	if f.uid == 0 || !got {
		return f, fmt.Errorf("%w: FETCH response without UID or body", ErrHostile)
	}
	return f, nil
}

// incoming is what the Filer needs of a fetched message.
func (d *Daemon) incoming(mbox string, m fetchedMsg) *Incoming {
	return &Incoming{
		Raw:    m.raw,
		Source: store.Source{Kind: "imap", Name: d.sourceName(mbox), UID: uint32(m.uid)},
		Pos:    fmt.Sprintf("imap://%s/%s;UID=%d", d.account(), mbox, m.uid),
	}
}

// fileBatch commits one batch, parsed meanwhile, together with the mailbox
// state, and returns the UIDs that may now be marked on the server.
func (d *Daemon) fileBatch(ctx context.Context, mbox string, b imapBatch, st store.SourceState) ([]imap.UID, error) {
	// The commit must happen even when a signal arrives meanwhile.
	outs, filed, err := d.file(context.WithoutCancel(ctx), b, st)
	if err != nil {
		d.metrics.failed(mbox, len(b.msgs))
		return nil, err
	}
	var marks []imap.UID
	for i, m := range b.msgs {
		res := filed[i].Result
		if m.oversize > 0 {
			d.log.Warn("message too large: filed its header only, left unmarked on the server",
				"mailbox", mbox, "uid", m.uid, "size", m.oversize, "limit", d.cfg.MaxMessageSize)
		} else {
			marks = append(marks, m.uid)
		}
		d.metrics.filed(mbox, res, outs[i].Duplicate)
		d.logFiled(mbox, m.uid, res, outs[i])
		if d.opts.Filed != nil {
			d.opts.Filed(FiledMessage{Mailbox: mbox, UID: uint32(m.uid), Outcome: outs[i], Result: res})
		}
	}
	return marks, nil
}

// logFiled writes the one info line per message that ops grep for: where
// it came from, what it is, and where it went in the store. The
// Message-ID and lab come from the mail: they are cut to a bounded length
// (slog quotes or escapes control characters).
func (d *Daemon) logFiled(mbox string, uid imap.UID, res *mailparse.Result, out store.Outcome) {
	msg := "filed"
	if out.Duplicate {
		msg = "duplicate: already filed"
	}
	lab := ""
	if res.Lab != nil {
		lab = clip(*res.Lab)
	}
	attrs := []any{"mailbox", mbox, "uid", uid, "message_id", clip(res.MessageID), "kind", res.Kind, "lab", lab, "id", out.ID}
	if res.Error != "" {
		attrs = append(attrs, "error", clip(res.Error))
	}
	d.log.Info(msg, attrs...)
}

// clip cuts s to at most 200 bytes, on a rune boundary, marking the cut.
func clip(s string) string {
	const limit = 200
	if len(s) <= limit {
		return s
	}
	cut := limit
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// file runs one store transaction; one at a time, since every mailbox's
// watcher shares the store file. An oversize message, of which only the
// header was fetched, is filed with an error saying so.
func (d *Daemon) file(ctx context.Context, b imapBatch, st store.SourceState) ([]store.Outcome, []store.Message, error) {
	msgs := make([]store.Message, len(b.msgs))
	for i, m := range b.msgs {
		<-m.parse.done
		msgs[i] = m.parse.msg
		if m.oversize > 0 {
			msgs[i].Result.Error = fmt.Sprintf("message of %d bytes exceeds max-message-size %d: only its header was fetched; it is still on the server",
				m.oversize, d.cfg.MaxMessageSize)
		}
	}
	d.fileMu.Lock()
	defer d.fileMu.Unlock()
	outs, err := d.filer.Commit(ctx, msgs, st)
	return outs, msgs, err
}

// saveState records the mailbox state alone (a new UIDVALIDITY with no
// message to file).
func (d *Daemon) saveState(ctx context.Context, st store.SourceState) error {
	d.fileMu.Lock()
	defer d.fileMu.Unlock()
	_, err := d.filer.Commit(context.WithoutCancel(ctx), nil, st)
	return err
}

// FiledMessage reports one message the daemon filed.
type FiledMessage struct {
	Mailbox string
	UID     uint32
	Outcome store.Outcome
	Result  *mailparse.Result
}

// abort drops the connection at once. Closing the socket first unblocks the
// client's reader if it waits for us to drain a literal we refused.
func (s *imapSession) abort() { _ = s.conn.Conn.Close() }
