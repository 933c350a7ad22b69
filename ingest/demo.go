package ingest

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/emersion/go-imap/v2"

	"cyberintake/mailparse"
	"cyberintake/store"
	"cyberintake/testdata/corpus"
)

// DemoOptions tune RunDemo. A nil *DemoOptions is valid.
type DemoOptions struct {
	Logger *slog.Logger
	// DB is the store file to fill; "" means a temporary one, removed after.
	DB string
}

// RunDemo shows the daemon at work without any setup: it starts go-imap's
// in-memory IMAP server on loopback, delivers the bundled sample replies to
// its INBOX, runs the same sync pass as `serve --once` into a store, runs
// it again to show that nothing is filed twice, and prints what was filed.
func RunDemo(ctx context.Context, w io.Writer, opts *DemoOptions) error {
	var o DemoOptions
	if opts != nil {
		o = *opts
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	names, raws, err := corpus.Messages()
	if err != nil {
		return fmt.Errorf("read the bundled samples: %w", err)
	}
	srv, err := StartMemServer(&MemServerOptions{User: "ql_secretariat", Password: "demo"})
	if err != nil {
		return err
	}
	defer srv.Close()
	if err := srv.Deliver("INBOX", raws...); err != nil {
		return err
	}
	dbPath := o.DB
	if dbPath == "" {
		dir, err := os.MkdirTemp("", "cyberintake-demo-")
		if err != nil {
			return fmt.Errorf("temporary store: %w", err)
		}
		defer os.RemoveAll(dir)
		dbPath = filepath.Join(dir, "demo.db")
	}
	st, err := store.Open(dbPath, &store.Options{Logger: o.Logger})
	if err != nil {
		return fmt.Errorf("open store %s: %w", dbPath, err)
	}
	defer st.Close()

	cfg := &IMAPConfig{Addr: srv.Addr, User: "ql_secretariat", Password: "demo", TLS: "none"}
	if err := cfg.Normalize(); err != nil {
		return err
	}
	var mu sync.Mutex
	var filed []FiledMessage
	d := NewDaemon(cfg, NewFiler(st, &FilerOptions{Logger: o.Logger}), &DaemonOptions{
		Logger: o.Logger,
		Filed: func(m FiledMessage) {
			mu.Lock()
			filed = append(filed, m)
			mu.Unlock()
		},
	})
	fmt.Fprintf(w, "In-memory IMAP server on %s: %d sample replies delivered to INBOX.\n", srv.Addr, len(names))
	fmt.Fprintf(w, "Syncing into %s (the code path of `cyberintake serve --once`)...\n\n", dbPath)
	n, err := d.Once(ctx)
	if err != nil {
		return fmt.Errorf("sync: %w", err)
	}
	printFiled(w, filed)
	again, err := d.Once(ctx)
	if err != nil {
		return fmt.Errorf("second sync: %w", err)
	}
	marked, err := CountFlag(srv.Addr, cfg.User, cfg.Password, "INBOX", imap.Flag(cfg.Keyword))
	if err != nil {
		return err
	}
	seen, err := CountFlag(srv.Addr, cfg.User, cfg.Password, "INBOX", imap.FlagSeen)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nFiled %d messages; a second pass filed %d (state is kept per mailbox, UIDVALIDITY and last UID).\n", n, again)
	fmt.Fprintf(w, "%d of %d messages on the server now carry the keyword %s; %d are \\Seen (BODY.PEEK leaves it alone).\n", marked, len(names), cfg.Keyword, seen)
	if probs, _, err := st.Verify(ctx); err != nil {
		fmt.Fprintf(w, "store verify: %v\n", err)
	} else {
		fmt.Fprintf(w, "Store verify: %d problems.\n", len(probs))
	}
	return nil
}

// printFiled prints one line per filed message.
func printFiled(w io.Writer, filed []FiledMessage) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "UID\tLAB\tKIND\tLANG\tANSWERS\tSUMMARY")
	for _, m := range filed {
		r := m.Result
		lab := "-"
		if r.Lab != nil && *r.Lab != "" {
			lab = *r.Lab
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", m.UID, lab, orDash(string(r.Kind)), orDash(r.Language), answered(r), summary(r))
	}
	tw.Flush()
}

// answered shows which of questions a) to e) got an answer: "ab-de".
func answered(r *mailparse.Result) string {
	var sb strings.Builder
	for i, a := range r.Sections.Answers() {
		if strings.TrimSpace(a) != "" {
			sb.WriteByte(byte('a' + i))
		} else {
			sb.WriteByte('-')
		}
	}
	return sb.String()
}

// summary is the start of answer a), or the parse error.
func summary(r *mailparse.Result) string {
	s := r.Sections.A
	if r.Error != "" {
		s = "error: " + r.Error
	}
	if s == "" {
		s = r.Subject
	}
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > 60 {
		s = string([]rune(s)[:59]) + "…"
	}
	return s
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
