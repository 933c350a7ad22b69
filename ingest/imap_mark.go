package ingest

import (
	"fmt"
	"log/slog"

	"github.com/emersion/go-imap/v2"
)

// markFiled sets the keyword on the filed messages and moves them. They
// are already committed, so a failure only postpones this: the UIDs are
// kept (in memory) and marked at the next sync of the mailbox.
func (d *Daemon) markFiled(s *imapSession, log *slog.Logger, key string, validity uint32, uids []imap.UID, keywordOK bool) {
	if len(uids) == 0 {
		return
	}
	if err := d.mark(s, imap.UIDSetNum(uids...), keywordOK); err != nil {
		log.Warn("could not mark filed messages; will retry at the next sync", "uids", imap.UIDSetNum(uids...).String(), "err", err)
		d.unmarkedMu.Lock()
		u := d.unmarked[key]
		if u.validity != validity {
			u = unmarked{validity: validity}
		}
		u.uids = append(u.uids, uids...)
		d.unmarked[key] = u
		d.unmarkedMu.Unlock()
	}
}

// unmarked are UIDs filed but not yet marked on the server.
type unmarked struct {
	validity uint32
	uids     []imap.UID
}

// retryMarks marks what an earlier session filed but could not mark.
func (d *Daemon) retryMarks(s *imapSession, log *slog.Logger, key string, validity uint32, keywordOK bool) {
	d.unmarkedMu.Lock()
	u := d.unmarked[key]
	delete(d.unmarked, key)
	d.unmarkedMu.Unlock()
	if u.validity == validity && len(u.uids) > 0 {
		d.markFiled(s, log, key, validity, u.uids, keywordOK)
	}
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
