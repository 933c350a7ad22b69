package ingest

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"

	"cyberintake/store"
)

// Filed messages are marked on the server (keyword, move) only after the
// transaction that files them, so a failure in between (the connection
// drops, the daemon is killed) leaves them filed but unmarked. Their UIDs
// are kept in the mailbox state (store.SourceState.Unmarked), written by the
// very transaction that files them: the set in the store is always a
// superset of what is really left to mark, at no extra fsync per batch. A
// pass that changed the set ends with one state-only commit recording what
// is still unmarked (usually nothing), and the next pass, in this process
// or after a restart, marks the rest.
//
// Deriving the set from the server instead (UID SEARCH 1:LastUID NOT
// KEYWORD $Filed) was rejected: it cannot work with keyword "none" and a
// move-to, nor when the server refuses the keyword; it misses a message
// whose keyword was set but whose MOVE failed; it needs every oversize UID
// (left unmarked on purpose) of the mailbox, which the store does not index;
// and it would mark what a dry run filed, or what a person un-flagged.

// pendingMarks are the filed but unmarked messages of the mailbox a sync
// pass works on.
type pendingMarks struct {
	d   *Daemon
	s   *imapSession
	log *slog.Logger
	// active: marking is on (no dry run, and a keyword the server accepts
	// or a move-to). A dry run carries the stored set over untouched.
	active    bool
	keywordOK bool
	uids      imap.UIDSet // filed, not known to be marked
	stored    string      // Unmarked as last written to the store
	lost      error       // the connection died while marking
	markErr   error       // the last marking failure (the server refused)
}

// NotMarkedError reports messages filed in the store but not marked or
// moved on the server (a missing move-to mailbox, a refused STORE). They
// are safe; the next pass retries the marking. The daemon logs it and goes
// on; serve --once fails with it so that cron notices.
type NotMarkedError struct {
	Mailbox string
	UIDs    string
	Err     error
}

func (e *NotMarkedError) Error() string {
	return fmt.Sprintf("mailbox %q: messages %s are filed in the store but could not be marked on the server (the next run retries): %v",
		e.Mailbox, e.UIDs, e.Err)
}

func (e *NotMarkedError) Unwrap() error { return e.Err }

// notMarked is the pass's NotMarkedError, or nil when nothing failed or
// the failed messages were marked after all.
func (p *pendingMarks) notMarked(mbox string) error {
	if p.markErr == nil || len(p.uids) == 0 {
		return nil
	}
	return &NotMarkedError{Mailbox: mbox, UIDs: p.uids.String(), Err: p.markErr}
}

// pendingMarks loads the unmarked UIDs the store holds for the selected
// mailbox; a new UIDVALIDITY makes them meaningless.
func (d *Daemon) pendingMarks(s *imapSession, log *slog.Logger, state store.SourceState, validity uint32, keywordOK bool) *pendingMarks {
	p := &pendingMarks{d: d, s: s, log: log, keywordOK: keywordOK, stored: state.Unmarked,
		active: !d.cfg.DryRun && (keywordOK || d.cfg.MoveTo != "")}
	switch {
	case state.Unmarked == "":
	case state.UIDValidity != validity:
		log.Warn("UIDVALIDITY changed: filed messages that were never marked cannot be found any more; they stay unmarked",
			"uids", state.Unmarked)
	case !p.active && !d.cfg.DryRun:
		log.Info("nothing to mark under this configuration: forgetting filed messages never marked", "uids", state.Unmarked)
	default:
		set, err := parseUIDSet(state.Unmarked)
		if err != nil {
			log.Warn("unreadable set of filed messages to mark; they stay unmarked", "unmarked", state.Unmarked, "err", err)
		}
		p.uids = set
	}
	return p
}

// retry marks what an earlier pass or process filed but could not mark.
func (p *pendingMarks) retry() {
	if !p.active || len(p.uids) == 0 {
		return
	}
	// Some may be gone: moved by a person, or by us just before a crash
	// (the stored set is a superset), and some servers refuse a MOVE of
	// missing UIDs. Without MOVE, a message we flagged \Deleted was
	// copied already: copying it again would make a duplicate.
	crit := &imap.SearchCriteria{UID: []imap.UIDSet{p.uids}}
	if p.d.cfg.MoveTo != "" && !p.s.c.Caps().Has(imap.CapMove) {
		crit.NotFlag = []imap.Flag{imap.FlagDeleted}
	}
	data, err := p.s.c.UIDSearch(crit, nil).Wait()
	if err != nil {
		p.failed(nil, fmt.Errorf("look them up: %w", err))
		return
	}
	left := data.AllUIDs()
	if len(left) == 0 {
		p.uids = nil
		return
	}
	set := imap.UIDSetNum(left...)
	if err := p.d.mark(p.s, set, p.keywordOK); err != nil {
		p.uids = set
		p.failed(nil, err)
		return
	}
	p.log.Info("marked messages filed earlier", "uids", set.String())
	p.uids = nil
}

// with is the Unmarked value to commit with a batch: the pending UIDs and
// those of the batch that will be marked once it is committed. Oversize
// messages are left unmarked on purpose (fileBatch leaves them out too). A
// failed commit ends the pass, which then never reads stored again.
func (p *pendingMarks) with(msgs []fetchedMsg) string {
	set := slices.Clone(p.uids)
	if p.active {
		for _, m := range msgs {
			if m.oversize == 0 {
				set.AddNum(m.uid)
			}
		}
	}
	p.stored = set.String()
	return p.stored
}

// markFiled sets the keyword on the filed messages of a batch and moves
// them. They are already committed, so a failure only postpones this.
func (p *pendingMarks) markFiled(uids []imap.UID) {
	if !p.active || len(uids) == 0 {
		return
	}
	set := imap.UIDSetNum(uids...)
	if p.lost != nil {
		p.uids.AddSet(set) // a batch fetched before the connection died
		return
	}
	if err := p.d.mark(p.s, set, p.keywordOK); err != nil {
		p.failed(set, err)
	}
}

// failed keeps set for a later pass and notes whether the connection is
// still usable: marks also fail for reasons of their own (a missing move-to
// mailbox), which must not stop the filing.
func (p *pendingMarks) failed(set imap.UIDSet, err error) {
	p.uids.AddSet(set)
	p.markErr = err
	p.log.Warn("could not mark filed messages; will retry at the next sync", "uids", p.uids.String(), "err", err)
	if p.lost == nil && p.s.c.Noop().Wait() != nil {
		p.lost = fmt.Errorf("connection lost before filed messages %s were marked: %w", p.uids, err)
	}
}

// finish ends a pass: it records the state if the set of unmarked UIDs
// changed since the last commit, or if force (a new mailbox or UIDVALIDITY
// with nothing to file). It returns an error if the connection died while
// marking, so that Once retries and marks over a new one.
func (p *pendingMarks) finish(ctx context.Context, st store.SourceState, force bool) error {
	cur := p.uids.String()
	if force || cur != p.stored {
		st.Unmarked = cur
		st.SyncedAt = time.Now().UTC()
		if err := p.d.saveState(ctx, st); err != nil {
			return err
		}
		p.stored = cur
	}
	return p.lost
}

// parseUIDSet reads a sequence set of UIDs without "*" ("3:7,9") without
// expanding the ranges.
func parseUIDSet(s string) (imap.UIDSet, error) {
	var set imap.UIDSet
	if s == "" {
		return set, nil
	}
	uid := func(v string) (imap.UID, error) {
		n, err := strconv.ParseUint(v, 10, 32)
		if err != nil || n == 0 {
			return 0, fmt.Errorf("bad UID %q in %q", v, s)
		}
		return imap.UID(n), nil
	}
	for part := range strings.SplitSeq(s, ",") {
		lo, hi, isRange := strings.Cut(part, ":")
		a, err := uid(lo)
		if err != nil {
			return nil, err
		}
		b := a
		if isRange {
			if b, err = uid(hi); err != nil {
				return nil, err
			}
		}
		set.AddRange(min(a, b), max(a, b))
	}
	return set, nil
}

func (d *Daemon) mark(s *imapSession, set imap.UIDSet, keywordOK bool) error {
	if keywordOK {
		flags := &imap.StoreFlags{Op: imap.StoreFlagsAdd, Silent: true, Flags: []imap.Flag{imap.Flag(d.cfg.Keyword)}}
		if err := s.c.Store(set, flags, nil).Close(); err != nil {
			return fmt.Errorf("set keyword: %w", err)
		}
	}
	if d.cfg.MoveTo == "" {
		return nil
	}
	caps := s.c.Caps()
	if caps.Has(imap.CapMove) {
		if _, err := s.c.Move(set, d.cfg.MoveTo).Wait(); err != nil {
			return fmt.Errorf("move to %q: %w", d.cfg.MoveTo, err)
		}
		return nil
	}
	if _, err := s.c.Copy(set, d.cfg.MoveTo).Wait(); err != nil {
		return fmt.Errorf("copy to %q: %w", d.cfg.MoveTo, err)
	}
	del := &imap.StoreFlags{Op: imap.StoreFlagsAdd, Silent: true, Flags: []imap.Flag{imap.FlagDeleted}}
	if err := s.c.Store(set, del, nil).Close(); err != nil {
		return fmt.Errorf("flag copied messages deleted: %w", err)
	}
	// A plain EXPUNGE would also remove what people flagged \Deleted.
	if !caps.Has(imap.CapUIDPlus) {
		d.log.Warn("server lacks MOVE and UIDPLUS: copied messages are left flagged \\Deleted", "uids", set.String())
		return nil
	}
	if err := s.c.UIDExpunge(set).Close(); err != nil {
		return fmt.Errorf("expunge moved messages: %w", err)
	}
	return nil
}

// allowsKeyword reports whether PERMANENTFLAGS lets us store kw.
func allowsKeyword(perm []imap.Flag, kw string) bool {
	for _, f := range perm {
		if f == imap.FlagWildcard || string(f) == kw {
			return true
		}
	}
	return false
}
