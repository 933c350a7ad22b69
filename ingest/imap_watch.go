package ingest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-imap/v2"

	"cyberintake/store"
)

// DaemonOptions tune a Daemon. A nil *DaemonOptions is valid.
type DaemonOptions struct {
	Logger *slog.Logger
	// Metrics receives counters; nil means a private set (see NewMetrics).
	Metrics *Metrics
	// Filed, if set, is called after each committed message (tests, demo).
	Filed func(FiledMessage)
	// Connected, if set, is called after each successful login (tests).
	Connected func(mailbox string)
}

// Daemon keeps the store in step with the IMAP mailboxes of one account:
// it catches up from the stored state, then waits with IDLE (or polls), and
// reconnects with backoff whenever the connection fails.
type Daemon struct {
	cfg     *IMAPConfig
	filer   *Filer
	opts    DaemonOptions
	log     *slog.Logger
	metrics *Metrics
	fileMu  sync.Mutex
}

// NewDaemon returns a daemon filing into filer's store. cfg must have been
// through Normalize (ResolveIMAPConfig does it).
func NewDaemon(cfg *IMAPConfig, filer *Filer, opts *DaemonOptions) *Daemon {
	d := &Daemon{cfg: cfg, filer: filer}
	if opts != nil {
		d.opts = *opts
	}
	d.log = d.opts.Logger
	if d.log == nil {
		d.log = slog.Default()
	}
	d.metrics = d.opts.Metrics
	if d.metrics == nil {
		d.metrics = NewMetrics()
	}
	for _, mb := range cfg.Mailboxes {
		d.metrics.start(mb)
	}
	return d
}

// Metrics returns the daemon's counters.
func (d *Daemon) Metrics() *Metrics { return d.metrics }

func (d *Daemon) account() string {
	host, _, _ := splitAddr(d.cfg.Addr, d.cfg.TLS)
	return d.cfg.User + "@" + host
}

// stateKey names a mailbox's SourceState: account@host/mailbox.
func (d *Daemon) stateKey(mbox string) string   { return d.account() + "/" + mbox }
func (d *Daemon) sourceName(mbox string) string { return d.stateKey(mbox) }

// connect dials and logs in.
func (d *Daemon) connect(ctx context.Context) (*imapSession, error) {
	s, err := dialIMAP(ctx, d.cfg)
	if err != nil {
		return nil, err
	}
	if err := s.login(ctx, d.cfg); err != nil {
		s.c.Close()
		return nil, err
	}
	return s, nil
}

// Run watches every mailbox until ctx is done, one connection each (IDLE
// watches only the selected mailbox). It returns nil on cancellation, after
// the batches in hand are committed and the connections logged out.
func (d *Daemon) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	for _, mbox := range d.cfg.Mailboxes {
		wg.Go(func() { d.watch(ctx, mbox) })
	}
	wg.Wait()
	return nil
}

// watch runs sessions on one mailbox, redialling with exponential backoff
// and jitter. Refused logins and untrusted certificates back off much
// faster toward the longest delay: lockout policies punish login storms.
func (d *Daemon) watch(ctx context.Context, mbox string) {
	log := d.log.With("mailbox", mbox)
	attempt := 0
	for ctx.Err() == nil {
		synced, err := d.session(ctx, mbox)
		d.metrics.connState(mbox, stateDown)
		if ctx.Err() != nil {
			return
		}
		if synced {
			attempt = 0
		}
		var perm *PermanentError
		switch {
		case errors.Is(err, ErrAuth):
			// Unhealthy at once, and only a few attempts an hour.
			d.metrics.loginProblem(mbox, err)
			delay := jitter(d.cfg.AuthRetryInterval)
			log.Error("login refused; not retrying soon, to spare the account a lockout", "err", err,
				"retry_in", delay.Round(time.Second).String(), "auth_retry_interval", d.cfg.AuthRetryInterval.String())
			select {
			case <-ctx.Done():
			case <-time.After(delay):
			}
			continue
		case errors.As(err, &perm), errors.Is(err, store.ErrDamaged):
			// Neither heals by itself: unhealthy at once, and back off
			// toward the longest delay.
			d.metrics.loginProblem(mbox, err)
			attempt += 3
		default:
			attempt++
		}
		delay := redialDelay(d.cfg.BackoffMin, d.cfg.BackoffMax, attempt)
		log.Error("sync failed; will reconnect", "err", err, "retry_in", delay.Round(time.Millisecond))
		select {
		case <-ctx.Done():
		case <-time.After(delay):
		}
	}
}

// redialDelay is min·2^(attempt-1), capped at max, with ±25% jitter so that
// several daemons do not redial in step.
func redialDelay(lo, hi time.Duration, attempt int) time.Duration {
	d := lo
	for i := 1; i < attempt && d < hi; i++ {
		d *= 2
	}
	return jitter(min(d, hi))
}

// jitter is d ±25%.
func jitter(d time.Duration) time.Duration {
	return d - d/4 + time.Duration(rand.Int64N(int64(d/2)+1))
}

// session logs in, catches up and waits for news until the connection fails
// or ctx is done. synced reports whether at least one sync succeeded (which
// resets the backoff).
func (d *Daemon) session(ctx context.Context, mbox string) (synced bool, err error) {
	s, err := d.connect(ctx)
	if err != nil {
		return false, err
	}
	defer s.close()
	d.metrics.loginOK(mbox)
	if d.opts.Connected != nil {
		d.opts.Connected(mbox)
	}
	d.log.Info("connected", "mailbox", mbox, "server", d.cfg.Addr, "idle", s.c.Caps().Has(imap.CapIdle))
	for {
		d.metrics.connState(mbox, stateSyncing)
		_, err := d.syncMailbox(ctx, s, mbox)
		var nm *NotMarkedError
		if err != nil && !errors.As(err, &nm) { // unmarked: logged, retried at the next pass
			if ctx.Err() != nil {
				return synced, nil
			}
			return synced, err
		}
		synced = true
		if ctx.Err() != nil {
			return true, nil
		}
		d.metrics.connState(mbox, stateIdle)
		if err := d.wait(ctx, s); err != nil {
			return true, err
		}
	}
}

// wait returns when the mailbox may have news: the server announced new
// messages (IDLE), the IDLE restart interval passed (restarting IDLE is
// also our liveness probe: a dead server does not answer DONE, and the
// connection's read deadline fires), or the poll interval passed (then a
// NOOP probes the connection).
func (d *Daemon) wait(ctx context.Context, s *imapSession) error {
	if !s.c.Caps().Has(imap.CapIdle) {
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(d.cfg.PollInterval):
		case <-s.c.Closed():
			return errors.New("connection closed by the server")
		}
		if err := s.c.Noop().Wait(); err != nil {
			return fmt.Errorf("NOOP probe: %w", err)
		}
		return nil
	}
	idle, err := s.c.Idle()
	if err != nil {
		return fmt.Errorf("IDLE: %w", err)
	}
	timer := time.NewTimer(d.cfg.IdleInterval)
	defer timer.Stop()
	select {
	case <-ctx.Done():
	case <-s.exists:
	case <-timer.C:
	case <-s.c.Closed():
	}
	if err := idle.Close(); err != nil {
		return fmt.Errorf("end IDLE: %w", err)
	}
	if err := idle.Wait(); err != nil {
		return fmt.Errorf("IDLE: %w", err)
	}
	return nil
}

// CheckReport is what Check found on the server.
type CheckReport struct {
	Caps      []string
	Mailboxes []MailboxCheck
}

// MailboxCheck describes one mailbox as the daemon sees it.
type MailboxCheck struct {
	Name        string
	Messages    uint32
	UIDValidity uint32
	UIDNext     uint32
	Stored      *store.SourceState // nil: never synced
}

// Check validates the configuration end to end, changing nothing on the
// server or in the store: it connects, logs in, checks that the move-to
// mailbox exists, and opens each mailbox, read-only unless the keyword is
// to be set: a server reports the flags it lets a client store
// (PERMANENTFLAGS) only on a read-write SELECT, which changes nothing by
// itself (selecting another mailbox or logging out does not expunge). With
// a nil filer (no store yet) the stored state is not shown.
func (d *Daemon) Check(ctx context.Context) (*CheckReport, error) {
	s, err := d.connect(ctx)
	if err != nil {
		return nil, err
	}
	defer s.close()
	rep := &CheckReport{}
	for c := range s.c.Caps() {
		rep.Caps = append(rep.Caps, string(c))
	}
	marking := !d.cfg.DryRun
	if marking && d.cfg.MoveTo != "" {
		if err := checkMoveTarget(s, d.cfg.MoveTo); err != nil {
			return rep, err
		}
	}
	for _, mbox := range d.cfg.Mailboxes {
		readOnly := !marking || d.cfg.Keyword == ""
		sel, err := s.c.Select(mbox, &imap.SelectOptions{ReadOnly: readOnly}).Wait()
		if err != nil {
			return rep, fmt.Errorf("open mailbox %q: %w", mbox, err)
		}
		if !readOnly && !allowsKeyword(sel.PermanentFlags, d.cfg.Keyword) {
			return rep, fmt.Errorf("%w: mailbox %q: the server does not let the keyword %q be stored (PERMANENTFLAGS %v): set keyword = none (with move-to), or another keyword",
				ErrConfig, mbox, d.cfg.Keyword, sel.PermanentFlags)
		}
		mc := MailboxCheck{Name: mbox, Messages: sel.NumMessages, UIDValidity: sel.UIDValidity, UIDNext: uint32(sel.UIDNext)}
		if d.filer != nil {
			st, ok, err := d.filer.st.SourceState(ctx, d.stateKey(mbox))
			if err != nil {
				return rep, fmt.Errorf("read state of %s: %w", mbox, err)
			}
			if ok {
				mc.Stored = &st
			}
		}
		rep.Mailboxes = append(rep.Mailboxes, mc)
	}
	return rep, nil
}

// checkMoveTarget makes sure the move-to mailbox exists and can hold
// messages: otherwise every MOVE fails (TRYCREATE) after the filing.
func checkMoveTarget(s *imapSession, name string) error {
	list, err := s.c.List("", name, nil).Collect()
	if err != nil {
		return fmt.Errorf("look up move-to mailbox %q: %w", name, err)
	}
	for _, l := range list {
		if l.Mailbox != name && !strings.EqualFold(name, "INBOX") {
			continue
		}
		if slices.Contains(l.Attrs, imap.MailboxAttrNoSelect) || slices.Contains(l.Attrs, imap.MailboxAttrNonExistent) {
			return fmt.Errorf("%w: move-to mailbox %q cannot hold messages (%v)", ErrConfig, name, l.Attrs)
		}
		return nil
	}
	return fmt.Errorf("%w: move-to mailbox %q does not exist on the server: create it, or correct move-to", ErrConfig, name)
}
