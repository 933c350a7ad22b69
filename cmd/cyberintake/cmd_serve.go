package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"cyberintake/ingest"
	"cyberintake/store"
)

// serveOptions are the serve command's own flags; the IMAP settings are
// flags named like the config file keys (ingest.ConfigKeys) and are read
// back from the flag set, so that only flags actually given override the
// environment and the config file.
type serveOptions struct {
	Config string
	Once   bool
	Check  bool
	DBMode string
}

func (o *serveOptions) AddFlags(f *pflag.FlagSet) {
	f.StringVar(&o.Config, "config", "", "config file of key = value lines (default $CYBERINTAKE_CONFIG)")
	f.BoolVar(&o.Once, "once", false, "one sync pass over every mailbox, then exit (cron); retries transient failures (--retry-for)")
	f.BoolVar(&o.Check, "check", false, "validate the configuration and try the login; change nothing")
	f.StringVar(&o.DBMode, "db-mode", "0600", "permissions of the store file, 0600 or 0640 (0640: the members of its group, e.g. analysts, may read it)")
	addIMAPConnFlags(f)
	f.StringArray("mailbox", nil, "mailbox to watch (repeatable; default INBOX)")
	f.String("keyword", ingest.DefaultKeyword, `keyword set on filed messages ("none": none)`)
	f.String("move-to", "", "move filed messages to this mailbox (default: leave them)")
	f.Bool("dry-run", false, "change nothing on the server (no keyword, no move); still files")
	f.Int("batch-size", ingest.DefaultBatchSize, "messages per fetch and per store transaction")
	f.Int64("batch-bytes", ingest.DefaultBatchBytes, "bytes per batch")
	f.Int64("max-message-size", ingest.DefaultMaxMessageSize, "larger messages are filed as their header with an error")
	f.Duration("poll-interval", 0, "check interval when the server lacks IDLE (default 1m)")
	f.Duration("idle-interval", 0, "restart IDLE (a liveness probe) at least this often (default min(10m, timeout/2))")
	f.Duration("timeout", 0, "longest silence tolerated from the server (default 2m)")
	f.Duration("backoff-min", 0, "first reconnection delay (default 1s)")
	f.Duration("backoff-max", 0, "longest reconnection delay (default 5m)")
	f.Duration("retry-for", 0, "with --once: retry transient failures with backoff, starting no attempt after this long; 0: no retry (default 5m)")
	f.Duration("stale-after", 0, "/healthz fails when the last successful sync is older")
	f.Duration("auth-retry-interval", 0, "after a refused login, wait this long before the next (default 20m: account lockouts)")
	f.String("http", "", "listen address for /healthz and /metrics, e.g. 127.0.0.1:9781")
}

func newServeCommand(g *globals) *cobra.Command {
	o := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Watch the IMAP mailbox and file every reply as it arrives",
		Long: `serve keeps the store in step with the IMAP mailbox: it files every new
message (BODY.PEEK, so \Seen is untouched), commits it, then sets a keyword
($Filed) and optionally moves it; it waits with IDLE (or polls), reconnects
with backoff, and resumes from the stored state. SIGINT/SIGTERM finish the
batch in hand, commit, log out and exit 0.

--once makes one pass over every mailbox (filing what is new, marking what
an earlier run filed but could not mark) and exits 0, or 1 if filed
messages could not be marked or moved (they stay filed; the next run
retries the marking).
Transient failures (connection refused or reset, timeouts, BYE, NO or BAD
from the server, a mailbox missing for a moment) are retried with the
daemon's backoff for up to --retry-for (default 5m; keep it under the cron
interval), then it exits 1 naming the server and the last failure. Refused
logins, untrusted certificates and configuration errors are never retried.

Settings come from flags, else environment variables (CYBERINTAKE_ + the
flag name in upper case, e.g. CYBERINTAKE_IMAP_ADDR; the password is
CYBERINTAKE_IMAP_PASSWORD, an access token CYBERINTAKE_IMAP_TOKEN), else the
config file (--config or $CYBERINTAKE_CONFIG: "key = value" lines, keys named
like the flags, "password = ..." allowed if the file is not readable by
others). Secrets are never accepted as flags.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runServe(cmd.Context(), o, g, cmd.Flags(), cmd.OutOrStdout())
		},
	}
	o.AddFlags(cmd.Flags())
	cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return fmt.Errorf("%w: %v", errUsage, err) })
	return cmd
}

func runServe(ctx context.Context, o *serveOptions, g *globals, flags *pflag.FlagSet, out io.Writer) error {
	cfg, err := resolveIMAPConfig(flags, o.Config)
	if err != nil {
		return err
	}
	log := g.logger.With("component", "serve")
	for _, w := range cfg.Warnings {
		log.Warn(w)
	}
	if o.Check {
		return runServeCheck(ctx, cfg, g, log, out)
	}
	mode, err := parseDBMode(o.DBMode)
	if err != nil {
		return err
	}
	st, err := g.openStore(false)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := shareStore(st.Path(), mode); err != nil {
		return err
	}
	d := ingest.NewDaemon(cfg, ingest.NewFiler(st, &ingest.FilerOptions{Logger: g.logger}), &ingest.DaemonOptions{Logger: log})
	if o.Once {
		n, err := d.OnceWithRetry(ctx)
		if err != nil {
			log.Info("sync pass failed", "filed", n)
			return err
		}
		log.Info("sync pass done", "filed", n)
		return nil
	}
	log.Info("serving", "config", cfg.String())
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// The daemon runs until ctx ends (SIGINT/SIGTERM). The HTTP listener,
	// when configured, runs beside it; if it fails, the daemon stops too.
	// Without --http there is no listener: nothing may end the daemon but ctx.
	runErr := make(chan error, 1)
	go func() { runErr <- d.Run(ctx) }()
	if cfg.HTTP == "" {
		err = <-runErr
	} else {
		httpErr := make(chan error, 1)
		go func() { httpErr <- d.ServeHTTP(ctx, cfg.HTTP, nil) }()
		select {
		case err = <-runErr:
			cancel()
			<-httpErr
		case err = <-httpErr:
			cancel()
			if rerr := <-runErr; err == nil {
				err = rerr
			}
		}
	}
	log.Info("stopped")
	return err
}

// runServeCheck is serve --check: the login, the mailboxes, the move-to
// mailbox and the keyword are checked on the server; the store is only
// read (a store that does not exist yet is not created).
func runServeCheck(ctx context.Context, cfg *ingest.IMAPConfig, g *globals, log *slog.Logger, out io.Writer) error {
	var filer *ingest.Filer
	var note string
	st, err := g.openStore(true)
	switch {
	case errors.Is(err, store.ErrNoStore):
		p, _ := g.dbPath()
		note = fmt.Sprintf("store %s does not exist yet: serve will create it\n", p)
	case err != nil:
		return err
	default:
		defer st.Close()
		filer = ingest.NewFiler(st, &ingest.FilerOptions{Logger: g.logger})
	}
	rep, err := ingest.NewDaemon(cfg, filer, &ingest.DaemonOptions{Logger: log}).Check(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "login ok: %s\n", cfg)
	for _, m := range rep.Mailboxes {
		state := "never synced"
		if m.Stored != nil {
			state = fmt.Sprintf("stored uidvalidity %d, last uid %d, synced %s", m.Stored.UIDValidity, m.Stored.LastUID, m.Stored.SyncedAt.Format("2006-01-02 15:04:05Z07:00"))
			if m.Stored.Unmarked != "" {
				state += "; filed, not yet marked: UIDs " + m.Stored.Unmarked
			}
		}
		fmt.Fprintf(out, "mailbox %q: %d messages, uidvalidity %d, uidnext %d; %s\n", m.Name, m.Messages, m.UIDValidity, m.UIDNext, state)
	}
	fmt.Fprint(out, note)
	return nil
}

// parseDBMode reads --db-mode: the owner reads and writes; the group may
// read (analysts) or read and write (ops running ingest as themselves);
// others never.
func parseDBMode(s string) (os.FileMode, error) {
	n, err := strconv.ParseUint(s, 8, 32)
	mode := os.FileMode(n)
	if err != nil || mode&^0o660 != 0 || mode&0o600 != 0o600 {
		return 0, fmt.Errorf("%w: --db-mode %q: want 0600, 0640 or 0660", errUsage, s)
	}
	return mode, nil
}

// shareStore gives the store file mode and, when its group may read it,
// lets the group into its directory too (bbolt creates the file 0600, and
// the store directory 0700). Applied at every start, so an existing
// store follows a changed setting.
func shareStore(path string, mode os.FileMode) error {
	if err := os.Chmod(path, mode); err != nil {
		return fmt.Errorf("--db-mode: %w", err)
	}
	if mode&0o040 == 0 {
		return nil
	}
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("--db-mode: %w", err)
	}
	if want := fi.Mode().Perm() | 0o050; want != fi.Mode().Perm() {
		if err := os.Chmod(dir, want); err != nil {
			return fmt.Errorf("--db-mode: let the group into %s: %w", dir, err)
		}
	}
	return nil
}
