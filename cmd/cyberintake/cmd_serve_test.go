package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"cyberintake/ingest"
	"cyberintake/store"
	"cyberintake/testdata/corpus"
)

// serveCLI runs the command line in-process under ctx.
func serveCLI(ctx context.Context, args ...string) (stdout string, err error) {
	var out, errb bytes.Buffer
	root := newRootCommand()
	root.SetArgs(args)
	root.SetOut(&out)
	root.SetErr(&errb)
	err = root.ExecuteContext(ctx)
	return out.String(), err
}

func TestServeOnceCheckAndSignal(t *testing.T) {
	srv, err := ingest.StartMemServer(&ingest.MemServerOptions{User: "ql", Password: "s3cret"})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	_, raws, _ := corpus.Messages()
	srv.Deliver("INBOX", raws[:5]...)
	db := filepath.Join(t.TempDir(), "ci.db")
	pw := filepath.Join(t.TempDir(), "pw")
	os.WriteFile(pw, []byte("s3cret\n"), 0o600)
	common := []string{"--db", db, "--log-format", "text", "serve", "--imap-addr", srv.Addr, "--user", "ql", "--tls", "none", "--password-file", pw}
	ctx := context.Background()

	t.Run("check changes nothing", func(t *testing.T) {
		out, err := serveCLI(ctx, append(common, "--check")...)
		if err != nil || !strings.Contains(out, "login ok") || !strings.Contains(out, `mailbox "INBOX": 5 messages`) {
			t.Fatalf("serve --check = %v\n%s", err, out)
		}
		if _, err := os.Stat(db); !os.IsNotExist(err) {
			t.Errorf("--check created the store file (%v); it must write nothing", err)
		}
		if !strings.Contains(out, "does not exist yet") {
			t.Errorf("--check does not say the store is still to be created:\n%s", out)
		}
	})
	t.Run("check fails on a missing move-to mailbox", func(t *testing.T) {
		out, err := serveCLI(ctx, append(common, "--check", "--move-to", "Archive")...)
		if exitCode(err) != exitFailure || !strings.Contains(err.Error(), `move-to mailbox "Archive" does not exist`) {
			t.Errorf("serve --check --move-to Archive = %v (exit %d)\n%s", err, exitCode(err), out)
		}
	})
	t.Run("once files and exits 0", func(t *testing.T) {
		if _, err := serveCLI(ctx, append(common, "--once")...); exitCode(err) != exitOK {
			t.Fatalf("serve --once = %v", err)
		}
		st, _ := store.Open(db, &store.Options{ReadOnly: true})
		if recs, err := st.List(ctx, store.Filter{}); err != nil || len(recs) != 5 {
			t.Errorf("store holds %d records (%v), want 5", len(recs), err)
		}
	})
	t.Run("once fails when it cannot mark what it filed", func(t *testing.T) {
		srv.Deliver("INBOX", raws[5:7]...)
		_, err := serveCLI(ctx, append(common, "--once", "--move-to", "Archive")...)
		if exitCode(err) != exitFailure || !strings.Contains(err.Error(), "filed in the store but could not be marked") ||
			!strings.Contains(err.Error(), `"Archive"`) {
			t.Fatalf("serve --once --move-to Archive = %v (exit %d), want exit 1 saying the messages are filed", err, exitCode(err))
		}
		st, _ := store.Open(db, &store.Options{ReadOnly: true})
		if recs, err := st.List(ctx, store.Filter{}); err != nil || len(recs) != 7 {
			t.Errorf("store holds %d records (%v), want 7", len(recs), err)
		}
		// The next run retries the marking and fails again while it cannot.
		if _, err := serveCLI(ctx, append(common, "--once", "--move-to", "Archive")...); exitCode(err) != exitFailure {
			t.Errorf("second run = %v, want exit 1", err)
		}
		srv.User.Create("Archive", nil)
		if _, err := serveCLI(ctx, append(common, "--once", "--move-to", "Archive")...); exitCode(err) != exitOK {
			t.Errorf("run after creating Archive = %v, want exit 0", err)
		}
	})
	t.Run("signal stops serve with status 0", func(t *testing.T) {
		sctx, cancel := context.WithCancel(ctx)
		done := make(chan error, 1)
		go func() { _, err := serveCLI(sctx, common...); done <- err }()
		time.Sleep(300 * time.Millisecond)
		cancel()
		select {
		case err := <-done:
			if exitCode(err) != exitOK {
				t.Errorf("serve after SIGTERM = %v, want exit 0", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("serve did not stop")
		}
	})
	t.Run("usage errors", func(t *testing.T) {
		for _, args := range [][]string{
			{"serve", "--password", "x"},
			{"serve", "--imap-addr", srv.Addr, "--user", "ql", "--password-file", pw, "--tls", "sometimes", "--once"},
			{"serve", "--user", "ql", "--password-file", pw, "--once"},
		} {
			if _, err := serveCLI(ctx, append([]string{"--db", db}, args...)...); exitCode(err) != exitUsage {
				t.Errorf("%v: %v (exit %d), want exit %d", args, err, exitCode(err), exitUsage)
			}
		}
	})
	t.Run("wrong password fails clearly", func(t *testing.T) {
		t.Setenv("CYBERINTAKE_IMAP_PASSWORD", "wrong")
		_, err := serveCLI(ctx, "--db", db, "serve", "--imap-addr", srv.Addr, "--user", "ql", "--tls", "none", "--once")
		if err == nil || !strings.Contains(err.Error(), "authentication failed") || strings.Contains(err.Error(), "wrong") {
			t.Errorf("err = %v, want an authentication failure that does not show the password", err)
		}
	})
}

func TestDemo(t *testing.T) {
	out, err := serveCLI(context.Background(), "--log-level", "warn", "demo")
	if err != nil {
		t.Fatalf("demo = %v\n%s", err, out)
	}
	_, raws, _ := corpus.Messages()
	for _, want := range []string{"UID  LAB", "a second pass filed 0", "Store verify: 0 problems"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(out, "Filed "+strconv.Itoa(len(raws))+" messages") {
		t.Errorf("demo did not file all %d samples:\n%s", len(raws), out)
	}
}

// refusingProxy forwards TCP to target but closes the first refuse
// connections at once, like a server that is not up yet.
func refusingProxy(t *testing.T, target string, refuse int64) (addr string, conns *atomic.Int64) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	conns = new(atomic.Int64)
	var wg sync.WaitGroup
	t.Cleanup(func() { ln.Close(); wg.Wait() })
	wg.Go(func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			if conns.Add(1) <= refuse {
				c.Close()
				continue
			}
			wg.Go(func() {
				defer c.Close()
				s, err := net.Dial("tcp", target)
				if err != nil {
					return
				}
				defer s.Close()
				go func() { io.Copy(s, c); s.Close() }()
				io.Copy(c, s)
			})
		}
	})
	return ln.Addr().String(), conns
}

func TestServeOnceRetries(t *testing.T) {
	srv, err := ingest.StartMemServer(&ingest.MemServerOptions{User: "ql", Password: "s3cret"})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	_, raws, _ := corpus.Messages()
	srv.Deliver("INBOX", raws...)
	pw := filepath.Join(t.TempDir(), "pw")
	os.WriteFile(pw, []byte("s3cret\n"), 0o600)
	ctx := context.Background()

	t.Run("server up after refusals: exit 0, all filed once", func(t *testing.T) {
		addr, conns := refusingProxy(t, srv.Addr, 3)
		db := filepath.Join(t.TempDir(), "ci.db")
		_, err := serveCLI(ctx, "--db", db, "--log-level", "error", "serve", "--imap-addr", addr, "--user", "ql", "--tls", "none",
			"--password-file", pw, "--once", "--backoff-min", "20ms", "--retry-for", "30s")
		if exitCode(err) != exitOK {
			t.Fatalf("serve --once = %v", err)
		}
		if conns.Load() != 4 {
			t.Errorf("%d connections, want 3 refused and 1 good", conns.Load())
		}
		st, _ := store.Open(db, &store.Options{ReadOnly: true})
		recs, err := st.List(ctx, store.Filter{})
		if err != nil || len(recs) != len(raws) {
			t.Errorf("store holds %d records (%v), want %d", len(recs), err, len(raws))
		}
		if n, _ := ingest.CountFlag(srv.Addr, "ql", "s3cret", "INBOX", "$Filed"); n != len(raws) {
			t.Errorf("%d messages marked, want %d", n, len(raws))
		}
	})
	t.Run("server never up: exit 1 naming it", func(t *testing.T) {
		addr, _ := refusingProxy(t, srv.Addr, 1_000_000)
		_, err := serveCLI(ctx, "--db", filepath.Join(t.TempDir(), "ci.db"), "--log-level", "error", "serve", "--imap-addr", addr,
			"--user", "ql", "--tls", "none", "--password-file", pw, "--once", "--backoff-min", "20ms", "--retry-for", "300ms")
		if exitCode(err) != exitFailure || !strings.Contains(err.Error(), "IMAP server "+addr+": gave up after") {
			t.Errorf("serve --once = %v (exit %d), want exit 1 naming %s", err, exitCode(err), addr)
		}
	})
	t.Run("wrong password: one login, at once", func(t *testing.T) {
		t.Setenv("CYBERINTAKE_IMAP_PASSWORD", "wrong")
		srv.Logins.Store(0)
		start := time.Now()
		_, err := serveCLI(ctx, "--db", filepath.Join(t.TempDir(), "ci.db"), "serve", "--imap-addr", srv.Addr, "--user", "ql",
			"--tls", "none", "--once", "--backoff-min", "20ms", "--retry-for", "1m")
		if exitCode(err) != exitFailure || !strings.Contains(err.Error(), "authentication failed") {
			t.Errorf("serve --once = %v, want an authentication failure", err)
		}
		if n := srv.Logins.Load(); n != 1 {
			t.Errorf("%d login attempts, want 1", n)
		}
		if el := time.Since(start); el > 5*time.Second {
			t.Errorf("failed after %v, want at once", el)
		}
	})
}
