package ingest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2/imapclient"

	"cyberintake/internal/testcerts"
	"cyberintake/store"
)

// OnceWithRetry rides out a server that is not up yet (connections closed
// at once), a connection cut mid-fetch and a mailbox missing for a while,
// and files everything exactly once.
func TestOnceWithRetryRidesOutFailures(t *testing.T) {
	backends(t, func(t *testing.T, srv *testIMAP) {
		raws := samples(t)
		srv.deliver(t, "INBOX", raws...)
		st := newTestStore(t)

		t.Run("refused then up", func(t *testing.T) {
			px := startCutProxy(t, srv.cfg.Addr, -1)
			px.refuse.Store(3)
			d, log := newTestDaemon(t, srv.config(t, func(c *IMAPConfig) { c.Addr = px.addr; c.RetryFor = 10 * time.Second }), st)
			n, err := d.OnceWithRetry(context.Background())
			if err != nil || n != len(raws) {
				t.Fatalf("OnceWithRetry = %d, %v; want %d, nil", n, err, len(raws))
			}
			if got := px.conns.Load(); got != 4 {
				t.Errorf("%d connections, want 3 refused and 1 good", got)
			}
			if log.fresh() != len(raws) {
				t.Errorf("filed %d fresh messages, want %d", log.fresh(), len(raws))
			}
			assertFiledOnce(t, st, raws)
			if got := srv.countFlag(t, "INBOX", "$Filed"); got != len(raws) {
				t.Errorf("%d messages marked, want %d", got, len(raws))
			}
		})

		t.Run("cut mid-fetch", func(t *testing.T) {
			var more [][]byte
			for i := range 10 {
				more = append(more, fmt.Appendf(nil, "Message-ID: <more-%d@x>\r\nSubject: Cyber attaque - labo %d\r\n\r\n%s\r\n", i, 10000+i, strings.Repeat("phishing ", 700)))
			}
			srv.deliver(t, "INBOX", more...)
			px := startCutProxy(t, srv.cfg.Addr, 30_000)
			d, _ := newTestDaemon(t, srv.config(t, func(c *IMAPConfig) { c.Addr = px.addr; c.BatchSize = 3; c.RetryFor = 10 * time.Second }), st)
			if _, err := d.OnceWithRetry(context.Background()); err != nil {
				t.Fatal(err)
			}
			if px.cuts.Load() != 1 || px.conns.Load() != 2 {
				t.Errorf("%d cuts over %d connections, want 1 over 2", px.cuts.Load(), px.conns.Load())
			}
			raws = append(raws, more...)
			assertFiledOnce(t, st, raws)
		})

		t.Run("server restarted mid-sync", func(t *testing.T) {
			var more [][]byte
			for i := range 12 {
				more = append(more, fmt.Appendf(nil, "Message-ID: <restart-%d@x>\r\nSubject: Cyber attaque - labo %d\r\n\r\nbody\r\n", i, 20000+i))
			}
			srv.deliver(t, "INBOX", more...)
			d, log := newTestDaemon(t, srv.config(t, func(c *IMAPConfig) { c.BatchSize = 4; c.RetryFor = 30 * time.Second }), st)
			var once atomic.Bool
			restarted := make(chan struct{})
			log.hook = func(FiledMessage) {
				if !once.Swap(true) {
					// Dovecot says BYE to its sessions, then refuses
					// connections for half a second.
					go func() { defer close(restarted); srv.restart(t, 500*time.Millisecond) }()
				}
			}
			if _, err := d.OnceWithRetry(context.Background()); err != nil {
				t.Fatal(err)
			}
			<-restarted
			raws = append(raws, more...)
			assertFiledOnce(t, st, raws)
			if got := srv.countFlag(t, "INBOX", "$Filed"); got != len(raws) {
				t.Errorf("%d messages marked, want %d", got, len(raws))
			}
		})
	})
}

func TestOnceWithRetryMailboxAppearsLater(t *testing.T) {
	srv := newTestIMAP(t, "")
	raws := samples(t)[:3]
	st := newTestStore(t)
	d, log := newTestDaemon(t, srv.config(t, func(c *IMAPConfig) { c.Mailboxes = []string{"Later"}; c.RetryFor = 10 * time.Second }), st)
	go func() {
		time.Sleep(300 * time.Millisecond) // SELECT answers NO meanwhile
		c, err := imapclient.DialInsecure(srv.adminAddr, nil)
		if err != nil {
			return
		}
		defer c.Close()
		if c.Login(srv.user, srv.pass).Wait() == nil && c.Create("Later", nil).Wait() == nil {
			for _, r := range raws {
				cmd := c.Append("Later", int64(len(r)), nil)
				cmd.Write(r)
				cmd.Close()
				cmd.Wait()
			}
		}
	}()
	if _, err := d.OnceWithRetry(context.Background()); err != nil {
		t.Fatal(err)
	}
	// The mailbox may have been seen between its creation and the appends:
	// a second pass files what the first did not see.
	if _, err := d.Once(context.Background()); err != nil {
		t.Fatal(err)
	}
	if log.fresh() != len(raws) {
		t.Errorf("filed %d, want %d", log.fresh(), len(raws))
	}
	assertFiledOnce(t, st, raws)
}

// Refused logins, untrusted certificates and a broken store are not
// retried; a server that stays down is given up on within RetryFor, with
// an error naming it and the last failure.
func TestOnceWithRetryGivesUp(t *testing.T) {
	t.Run("wrong password: one login", func(t *testing.T) {
		srv, err := StartMemServer(&MemServerOptions{User: "ql", Password: "right"})
		if err != nil {
			t.Fatal(err)
		}
		defer srv.Close()
		cfg := &IMAPConfig{Addr: srv.Addr, User: "ql", Password: "wrong", TLS: "none", RetryFor: time.Minute, BackoffMin: 10 * time.Millisecond}
		if err := cfg.Normalize(); err != nil {
			t.Fatal(err)
		}
		d, _ := newTestDaemon(t, cfg, newTestStore(t))
		start := time.Now()
		_, err = d.OnceWithRetry(context.Background())
		if !errors.Is(err, ErrAuth) || srv.Logins.Load() != 1 {
			t.Errorf("OnceWithRetry = %v after %d logins, want ErrAuth after 1", err, srv.Logins.Load())
		}
		if el := time.Since(start); el > 5*time.Second {
			t.Errorf("took %v to fail", el)
		}
	})

	t.Run("untrusted certificate: one connection", func(t *testing.T) {
		srv, _ := tlsMemServer(t)
		px := startCutProxy(t, srv.Addr, -1)
		otherCA := filepath.Join(t.TempDir(), "other.pem")
		_, _, der := newCA(t, "someone else")
		writeFile(t, otherCA, pemCert(der))
		cfg := &IMAPConfig{Addr: px.addr, User: "ql", Password: "pw", TLS: "implicit", CAFile: otherCA, RetryFor: time.Minute, BackoffMin: 10 * time.Millisecond}
		if err := cfg.Normalize(); err != nil {
			t.Fatal(err)
		}
		d, _ := newTestDaemon(t, cfg, newTestStore(t))
		_, err := d.OnceWithRetry(context.Background())
		if err == nil || !strings.Contains(err.Error(), "not trusted") || px.conns.Load() != 1 {
			t.Errorf("OnceWithRetry = %v over %d connections, want a certificate error over 1", err, px.conns.Load())
		}
	})

	t.Run("read-only store", func(t *testing.T) {
		srv := newTestIMAP(t, "memory")
		srv.deliver(t, "INBOX", samples(t)[:1]...)
		path := filepath.Join(t.TempDir(), "ro.db")
		rw, err := store.Open(path, nil)
		if err != nil {
			t.Fatal(err)
		}
		rw.Close()
		ro, err := store.Open(path, &store.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		d, _ := newTestDaemon(t, srv.config(t, func(c *IMAPConfig) { c.RetryFor = time.Minute }), ro)
		start := time.Now()
		if _, err := d.OnceWithRetry(context.Background()); !errors.Is(err, store.ErrReadOnly) || time.Since(start) > 5*time.Second {
			t.Errorf("OnceWithRetry = %v after %v, want ErrReadOnly at once", err, time.Since(start))
		}
	})

	t.Run("server down: bounded", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := ln.Addr().String()
		ln.Close() // nothing listens: connection refused
		cfg := &IMAPConfig{Addr: addr, User: "ql", Password: "pw", TLS: "none",
			RetryFor: 500 * time.Millisecond, BackoffMin: 50 * time.Millisecond, BackoffMax: 200 * time.Millisecond}
		if err := cfg.Normalize(); err != nil {
			t.Fatal(err)
		}
		d, _ := newTestDaemon(t, cfg, newTestStore(t))
		start := time.Now()
		_, err = d.OnceWithRetry(context.Background())
		el := time.Since(start)
		if err == nil || !strings.Contains(err.Error(), "IMAP server "+addr+": gave up after") || !strings.Contains(err.Error(), "refused") {
			t.Errorf("OnceWithRetry = %v, want an error naming %s and the refused connection", err, addr)
		}
		if el < 500*time.Millisecond || el > 3*time.Second {
			t.Errorf("gave up after %v, want just after retry-for (500ms)", el)
		}
		t.Logf("%v after %v", err, el.Round(time.Millisecond))
	})

	t.Run("no retry", func(t *testing.T) {
		cfg := &IMAPConfig{Addr: "127.0.0.1:1", User: "ql", Password: "pw", TLS: "none", RetryFor: -1}
		if err := cfg.Normalize(); err != nil {
			t.Fatal(err)
		}
		d, _ := newTestDaemon(t, cfg, newTestStore(t))
		if _, err := d.OnceWithRetry(context.Background()); err == nil || strings.Contains(err.Error(), "gave up") {
			t.Errorf("OnceWithRetry with retries off = %v, want the first failure as is", err)
		}
	})

	t.Run("cancelled while waiting", func(t *testing.T) {
		cfg := &IMAPConfig{Addr: "127.0.0.1:1", User: "ql", Password: "pw", TLS: "none", RetryFor: time.Minute, BackoffMin: time.Minute}
		if err := cfg.Normalize(); err != nil {
			t.Fatal(err)
		}
		d, _ := newTestDaemon(t, cfg, newTestStore(t))
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		if _, err := d.OnceWithRetry(ctx); err != nil {
			t.Errorf("OnceWithRetry cancelled = %v, want nil (a clean stop)", err)
		}
	})
}

func TestRetryable(t *testing.T) {
	tests := []struct {
		err  error
		want bool
	}{
		{errors.New("in response: cannot read tag: read tcp: connection reset by peer"), true},
		{fmt.Errorf("select %q: %w", "INBOX", errors.New("NO Mailbox doesn't exist")), true},
		{&PermanentError{errors.New("TLS with x: server certificate not trusted")}, false},
		{fmt.Errorf("login: %w", &PermanentError{fmt.Errorf("%w: PLAIN", ErrAuth)}), false},
		{fmt.Errorf("%w: the OAuth2 access token is empty", ErrConfig), false},
		{fmt.Errorf("fetch: %w", ErrHostile), false},
		{fmt.Errorf("file batch: %w", store.ErrBusy), true},
		{fmt.Errorf("file batch: %w", store.ErrSchema), false},
	}
	for _, tc := range tests {
		if got := retryable(tc.err); got != tc.want {
			t.Errorf("retryable(%v) = %v, want %v", tc.err, got, tc.want)
		}
	}
}

// tlsMemServer is the in-memory server speaking implicit TLS with a
// certificate from a CA made for the test, user "ql", password "pw"; the
// CA is dir/ca.pem.
func tlsMemServer(t *testing.T) (srv *MemServer, dir string) {
	t.Helper()
	dir = t.TempDir()
	cfg, err := testcerts.WriteLoopback(dir)
	if err != nil {
		t.Fatal(err)
	}
	srv, err = StartMemServer(&MemServerOptions{User: "ql", Password: "pw", TLS: cfg, ImplicitTLS: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv, dir
}
