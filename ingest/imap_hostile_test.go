package ingest

import (
	"bufio"
	"context"
	"crypto/tls"
	"encoding/pem"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
)

// fakeServer speaks raw IMAP lines from a script: respond gets each client
// command (tag, upper-case name, rest) and writes what it likes.
func fakeServer(t testing.TB, respond func(w *bufio.Writer, tag, cmd, rest string) bool) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	t.Cleanup(func() { ln.Close(); wg.Wait() })
	wg.Go(func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Go(func() {
				defer c.Close()
				c.SetDeadline(time.Now().Add(10 * time.Second))
				r, w := bufio.NewReader(c), bufio.NewWriter(c)
				w.WriteString("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] fake ready\r\n")
				w.Flush()
				for {
					line, err := r.ReadString('\n')
					if err != nil {
						return
					}
					f := strings.SplitN(strings.TrimRight(line, "\r\n"), " ", 3)
					if len(f) < 2 {
						return
					}
					rest := ""
					if len(f) == 3 {
						rest = f[2]
					}
					cmd := strings.ToUpper(f[1])
					if cmd == "UID" {
						sub := strings.SplitN(rest, " ", 2)
						cmd = "UID " + strings.ToUpper(sub[0])
						if len(sub) == 2 {
							rest = sub[1]
						}
					}
					if !respond(w, f[0], cmd, rest) {
						w.Flush()
						return
					}
					w.Flush()
				}
			})
		}
	})
	return ln.Addr().String()
}

// fakeSession answers login and select like a normal server and hands the
// FETCH commands to fetch.
func fakeSession(fetch func(w *bufio.Writer, tag, rest string) bool) func(w *bufio.Writer, tag, cmd, rest string) bool {
	return func(w *bufio.Writer, tag, cmd, rest string) bool {
		switch cmd {
		case "LOGIN", "AUTHENTICATE":
			fmt.Fprintf(w, "%s OK logged in\r\n", tag)
		case "SELECT", "EXAMINE":
			fakeSelected(w, tag, `\Seen \*`)
		case "UID FETCH":
			return fetch(w, tag, rest)
		case "UID SEARCH":
			fmt.Fprintf(w, "* SEARCH 1\r\n%s OK\r\n", tag)
		case "LOGOUT":
			fmt.Fprintf(w, "* BYE\r\n%s OK bye\r\n", tag)
			return false
		default:
			fmt.Fprintf(w, "%s OK\r\n", tag)
		}
		return true
	}
}

// fakeSelected answers SELECT with one message and the given PERMANENTFLAGS.
func fakeSelected(w *bufio.Writer, tag, permanentFlags string) {
	fmt.Fprintf(w, "* 1 EXISTS\r\n* OK [UIDVALIDITY 7] ok\r\n* OK [UIDNEXT 2] ok\r\n* FLAGS (\\Seen)\r\n* OK [PERMANENTFLAGS (%s)] ok\r\n%s OK [READ-WRITE] selected\r\n",
		permanentFlags, tag)
}

func fakeConfig(t testing.TB, addr string) *IMAPConfig {
	c := &IMAPConfig{Addr: addr, User: "u", Password: "p", TLS: "none", Timeout: 3 * time.Second}
	if err := c.Normalize(); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestHostileServer(t *testing.T) {
	const listing = "* 1 FETCH (UID 1 RFC822.SIZE 120)\r\n%s OK done\r\n"
	tests := []struct {
		name  string
		fetch func(w *bufio.Writer, tag, rest string) bool
		want  string
	}{
		{"garbage instead of FETCH data", func(w *bufio.Writer, tag, rest string) bool {
			fmt.Fprintf(w, "* 1 FETCH (UID 1 RFC822.SIZE ((((\x00\r\n%s OK\r\n", tag)
			return true
		}, ""},
		{"absurd literal size", func(w *bufio.Writer, tag, rest string) bool {
			if strings.Contains(rest, "RFC822.SIZE") {
				fmt.Fprintf(w, listing, tag)
				return true
			}
			fmt.Fprintf(w, "* 1 FETCH (UID 1 BODY[] {99999999999}\r\nSubject: x\r\n")
			w.Flush()
			time.Sleep(200 * time.Millisecond)
			return false
		}, "exceeds the limit"},
		{"absurd literal where only sizes were asked", func(w *bufio.Writer, tag, rest string) bool {
			fmt.Fprintf(w, "* 1 FETCH (UID 1 BODY[] {99999999999}\r\nSubject: x\r\n")
			w.Flush()
			time.Sleep(200 * time.Millisecond)
			return false
		}, "a message body in answer"},
		{"connection closed inside a literal", func(w *bufio.Writer, tag, rest string) bool {
			if strings.Contains(rest, "RFC822.SIZE") {
				fmt.Fprintf(w, listing, tag)
				return true
			}
			fmt.Fprintf(w, "* 1 FETCH (UID 1 BODY[] {120}\r\nSubject: x\r\n")
			return false
		}, "cut short: 12 of 120 bytes"},
		{"NO on FETCH", func(w *bufio.Writer, tag, rest string) bool {
			fmt.Fprintf(w, "%s NO [SERVERBUG] cannot\r\n", tag)
			return true
		}, "SERVERBUG"},
		{"BAD on FETCH", func(w *bufio.Writer, tag, rest string) bool {
			fmt.Fprintf(w, "%s BAD what\r\n", tag)
			return true
		}, "BAD"},
		{"body without UID", func(w *bufio.Writer, tag, rest string) bool {
			if strings.Contains(rest, "RFC822.SIZE") {
				fmt.Fprintf(w, listing, tag)
				return true
			}
			fmt.Fprintf(w, "* 1 FETCH (BODY[] {3}\r\nabc)\r\n%s OK\r\n", tag)
			return true
		}, "did not return them"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			addr := fakeServer(t, fakeSession(tc.fetch))
			st := newTestStore(t)
			d, log := newTestDaemon(t, fakeConfig(t, addr), st)
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			done := make(chan error, 1)
			go func() { _, err := d.Once(context.Background()); done <- err }()
			var err error
			select {
			case err = <-done:
			case <-time.After(20 * time.Second):
				t.Fatal("daemon hung on a hostile server")
			}
			if err == nil {
				t.Fatal("Once succeeded against a hostile server")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not mention %q", err, tc.want)
			}
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			if grew := int64(after.HeapAlloc) - int64(before.HeapAlloc); grew > 64<<20 {
				t.Errorf("heap grew by %d bytes", grew)
			}
			if log.fresh() != 0 {
				t.Errorf("filed %d messages from a broken answer", log.fresh())
			}
			t.Logf("error: %v", err)
		})
	}
}

// TestWrongCredentialsBackOff: a refused login makes /healthz fail at once
// with the reason, logs an error, and is retried only after
// auth-retry-interval (default 20m: a few attempts an hour), not at the
// backoff ceiling (it was retried every few minutes, and /healthz stayed
// 200 for about 20 minutes).
func TestWrongCredentialsBackOff(t *testing.T) {
	srv, err := StartMemServer(&MemServerOptions{User: "ql", Password: "right"})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	run := func(t *testing.T, retry time.Duration, wait time.Duration) (logins int32, health string, logs string) {
		cfg := &IMAPConfig{Addr: srv.Addr, User: "ql", Password: "wrong", TLS: "none",
			BackoffMin: 100 * time.Millisecond, BackoffMax: time.Second, AuthRetryInterval: retry, StaleAfter: time.Hour}
		if err := cfg.Normalize(); err != nil {
			t.Fatal(err)
		}
		var buf lockedBuffer
		log := slog.New(slog.NewJSONHandler(&buf, nil))
		d := NewDaemon(cfg, NewFiler(newTestStore(t), nil), &DaemonOptions{Logger: log})
		srv.Logins.Store(0)
		get, stopHTTP := serveHTTP(t, d)
		stop := runDaemon(t, d)
		waitFor(t, 5*time.Second, "the first login", func() bool { return srv.Logins.Load() > 0 })
		waitFor(t, 5*time.Second, "/healthz to fail", func() bool {
			code, body := get("/healthz")
			health = body
			return code == http.StatusServiceUnavailable
		})
		time.Sleep(wait)
		stop()
		stopHTTP()
		return srv.Logins.Load(), health, buf.String()
	}
	t.Run("default interval: one login, unhealthy at once", func(t *testing.T) {
		n, health, logs := run(t, 0, 1500*time.Millisecond)
		if n != 1 {
			t.Errorf("%d login attempts in 1.5s, want 1", n)
		}
		if !strings.Contains(health, "INBOX") || !strings.Contains(health, "authentication failed") {
			t.Errorf("/healthz says %q, want the mailbox and the refused login", health)
		}
		if !strings.Contains(logs, `"level":"ERROR","msg":"login refused`) || !strings.Contains(logs, `"auth_retry_interval":"20m0s"`) {
			t.Errorf("no error log line for the refused login:\n%s", logs)
		}
	})
	t.Run("configured interval", func(t *testing.T) {
		n, _, _ := run(t, 400*time.Millisecond, 1500*time.Millisecond)
		if n < 2 || n > 6 {
			t.Errorf("%d login attempts in about 1.5s at a 400ms interval, want 2..6", n)
		}
	})
}

func TestAuthMechanisms(t *testing.T) {
	srv, err := StartMemServer(&MemServerOptions{User: "ql", Password: "pw", Token: "tok-123"})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	srv.Deliver("INBOX", samples(t)[:1]...)
	tokenFile := filepath.Join(t.TempDir(), "token")
	os.WriteFile(tokenFile, []byte("tok-123\n"), 0o600)
	badFile := filepath.Join(t.TempDir(), "bad")
	os.WriteFile(badFile, []byte("nope\n"), 0o600)
	tests := []struct {
		name string
		mod  func(c *IMAPConfig)
		ok   bool
	}{
		{"auto picks PLAIN", func(c *IMAPConfig) { c.Password = "pw" }, true},
		{"LOGIN", func(c *IMAPConfig) { c.Password, c.Auth = "pw", "login" }, true},
		{"XOAUTH2 token file", func(c *IMAPConfig) { c.Auth, c.TokenFile = "xoauth2", tokenFile }, true},
		{"OAUTHBEARER token command", func(c *IMAPConfig) { c.Auth, c.TokenCommand = "oauthbearer", "echo tok-123" }, true},
		{"auto with token prefers OAUTHBEARER", func(c *IMAPConfig) { c.Token = "tok-123" }, true},
		{"XOAUTH2 wrong token", func(c *IMAPConfig) { c.Auth, c.TokenFile = "xoauth2", badFile }, false},
		{"OAUTHBEARER wrong token", func(c *IMAPConfig) { c.Auth, c.TokenFile = "oauthbearer", badFile }, false},
		{"PLAIN wrong password", func(c *IMAPConfig) { c.Password, c.Auth = "bad", "plain" }, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg := &IMAPConfig{Addr: srv.Addr, User: "ql", TLS: "none"}
			tc.mod(cfg)
			if err := cfg.Normalize(); err != nil {
				t.Fatal(err)
			}
			d, _ := newTestDaemon(t, cfg, newTestStore(t))
			_, err := d.Check(context.Background())
			if tc.ok && err != nil {
				t.Errorf("Check = %v", err)
			}
			if !tc.ok && !errors.Is(err, ErrAuth) {
				t.Errorf("Check = %v, want ErrAuth", err)
			}
			if err != nil && (strings.Contains(err.Error(), "tok-123") || strings.Contains(err.Error(), "pw")) {
				t.Errorf("error leaks a secret: %v", err)
			}
		})
	}
}

func TestTLS(t *testing.T) {
	dir := t.TempDir()
	writeTestCerts(t, dir)
	cert, err := tls.LoadX509KeyPair(filepath.Join(dir, "server.pem"), filepath.Join(dir, "server.key"))
	if err != nil {
		t.Fatal(err)
	}
	srvTLS := &tls.Config{Certificates: []tls.Certificate{cert}}
	implicit, err := StartMemServer(&MemServerOptions{User: "ql", Password: "pw", TLS: srvTLS, ImplicitTLS: true})
	if err != nil {
		t.Fatal(err)
	}
	defer implicit.Close()
	starttls, err := StartMemServer(&MemServerOptions{User: "ql", Password: "pw", TLS: srvTLS})
	if err != nil {
		t.Fatal(err)
	}
	defer starttls.Close()
	otherCA := filepath.Join(t.TempDir(), "other.pem")
	_, _, der := newCA(t, "someone else")
	os.WriteFile(otherCA, pemCert(der), 0o644)
	localhost := func(addr string) string { _, p, _ := net.SplitHostPort(addr); return "localhost:" + p }
	tests := []struct {
		name, addr, mode, ca, serverName string
		want                             string // "" = success
	}{
		{"implicit with the CA", implicit.Addr, "implicit", filepath.Join(dir, "ca.pem"), "", ""},
		{"starttls with the CA", starttls.Addr, "starttls", filepath.Join(dir, "ca.pem"), "", ""},
		{"implicit by name", localhost(implicit.Addr), "implicit", filepath.Join(dir, "ca.pem"), "", ""},
		{"implicit untrusted", implicit.Addr, "implicit", otherCA, "", "not trusted"},
		{"starttls untrusted", starttls.Addr, "starttls", otherCA, "", "not trusted"},
		{"implicit system roots", implicit.Addr, "implicit", "", "", "not trusted"},
		{"wrong name", implicit.Addr, "implicit", filepath.Join(dir, "ca.pem"), "imap.example.org", "not valid for this host"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg := &IMAPConfig{Addr: tc.addr, User: "ql", Password: "pw", TLS: tc.mode, CAFile: tc.ca, ServerName: tc.serverName, Timeout: 5 * time.Second}
			if err := cfg.Normalize(); err != nil {
				t.Fatal(err)
			}
			d, _ := newTestDaemon(t, cfg, newTestStore(t))
			_, err := d.Check(context.Background())
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("Check = %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), tc.addr)):
				t.Errorf("Check = %v, want an error naming %s and saying %q", err, tc.addr, tc.want)
			}
			var perm *PermanentError
			if tc.want != "" && !errors.As(err, &perm) {
				t.Errorf("certificate failure %v is not permanent (would be retried at full speed)", err)
			}
		})
	}
}

func TestCleartextRefusedOffLoopback(t *testing.T) {
	cfg := &IMAPConfig{Addr: "imap.example.org:143", User: "ql", Password: "pw", TLS: "none"}
	if err := cfg.Normalize(); err != nil {
		t.Fatal(err)
	}
	d, _ := newTestDaemon(t, cfg, newTestStore(t))
	_, err := d.Once(context.Background())
	if !errors.Is(err, ErrConfig) || !strings.Contains(err.Error(), "in clear") {
		t.Errorf("Once = %v, want a refusal to send credentials in clear", err)
	}
}

func pemCert(der []byte) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
}

func TestHundredMegabyteMessageNotDownloaded(t *testing.T) {
	head := "Message-ID: <huge@x>\r\nSubject: Cyber attaque - labo 12345\r\n\r\n"
	var askedBody atomic.Bool
	addr := fakeServer(t, fakeSession(func(w *bufio.Writer, tag, rest string) bool {
		switch {
		case strings.Contains(rest, "RFC822.SIZE"):
			fmt.Fprintf(w, "* 1 FETCH (UID 1 RFC822.SIZE 104857600)\r\n%s OK done\r\n", tag)
		case strings.Contains(rest, "BODY.PEEK[HEADER]"):
			fmt.Fprintf(w, "* 1 FETCH (UID 1 BODY[HEADER] {%d}\r\n%s)\r\n%s OK done\r\n", len(head), head, tag)
		default:
			askedBody.Store(true)
			fmt.Fprintf(w, "%s NO not that\r\n", tag)
		}
		return true
	}))
	st := newTestStore(t)
	d, log := newTestDaemon(t, fakeConfig(t, addr), st)
	n, err := d.Once(context.Background())
	if err != nil || n != 1 {
		t.Fatalf("Once = %d, %v; want 1, nil", n, err)
	}
	if askedBody.Load() {
		t.Error("the daemon asked for the 100 MB body")
	}
	if e := log.msgs[0].Result.Error; !strings.Contains(e, "104857600 bytes exceeds max-message-size") {
		t.Errorf("filed with error %q", e)
	}
	assertFiledOnce(t, st, [][]byte{[]byte(head)})
}

// TestAuthErrorTemporary: NO [UNAVAILABLE] and NO [INUSE] at login are a
// server that cannot check credentials just now, not a refusal: they must
// not wait auth-retry-interval nor mark the daemon unhealthy at once.
func TestAuthErrorTemporary(t *testing.T) {
	cfg := &IMAPConfig{User: "ql"}
	for _, tc := range []struct {
		err  error
		auth bool
	}{
		{&imap.Error{Type: imap.StatusResponseTypeNo, Code: imap.ResponseCodeAuthenticationFailed, Text: "bad"}, true},
		{&imap.Error{Type: imap.StatusResponseTypeNo, Text: "bad"}, true},
		{&imap.Error{Type: imap.StatusResponseTypeNo, Code: imap.ResponseCodeUnavailable, Text: "try later"}, false},
		{&imap.Error{Type: imap.StatusResponseTypeNo, Code: imap.ResponseCodeInUse, Text: "busy"}, false},
	} {
		if got := errors.Is(authError(cfg, "PLAIN", "h", tc.err), ErrAuth); got != tc.auth {
			t.Errorf("authError(%v) is ErrAuth: %v, want %v", tc.err, got, tc.auth)
		}
	}
}
