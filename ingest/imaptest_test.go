package ingest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"cyberintake/store"
	"cyberintake/testdata/corpus"
)

// testIMAP is the IMAP server of a test: go-imap's in-memory server by
// default, a private Dovecot (dovecot_test.go) when the test asks for it or
// CYBERINTAKE_TEST_IMAP=dovecot. Tests talk to both the same way.
type testIMAP struct {
	Backend string // "memory" or "dovecot"
	mem     *MemServer
	dc      *dovecotServer
	// how the daemon connects (TLS to Dovecot, plain loopback to memory)
	cfg IMAPConfig
	// plain loopback address, user and password for the test's own client
	adminAddr, user, pass string
}

// newTestIMAP starts the server; backend "" follows CYBERINTAKE_TEST_IMAP.
func newTestIMAP(t testing.TB, backend string) *testIMAP {
	t.Helper()
	if backend == "" {
		backend = os.Getenv("CYBERINTAKE_TEST_IMAP")
	}
	s := &testIMAP{Backend: backend}
	switch backend {
	case "", "memory":
		s.Backend = "memory"
		mem, err := StartMemServer(&MemServerOptions{User: "ql", Password: "test"})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { mem.Close() })
		s.mem = mem
		s.adminAddr, s.user, s.pass = mem.Addr, "ql", "test"
		s.cfg = IMAPConfig{Addr: mem.Addr, User: "ql", Password: "test", TLS: "none"}
	case "dovecot":
		s.dc = startDovecot(t)
		s.adminAddr, s.user, s.pass = s.dc.plainAddr(), "ql", "test"
		s.cfg = IMAPConfig{Addr: s.dc.tlsAddr(), User: "ql", Password: "test", TLS: "implicit", CAFile: s.dc.caFile}
	default:
		t.Fatalf("CYBERINTAKE_TEST_IMAP=%q: want memory or dovecot", backend)
	}
	return s
}

// config returns a normalized daemon configuration with quick timings.
func (s *testIMAP) config(t testing.TB, mod func(*IMAPConfig)) *IMAPConfig {
	t.Helper()
	c := s.cfg
	c.BackoffMin, c.BackoffMax = 20*time.Millisecond, 200*time.Millisecond
	c.Timeout = 5 * time.Second
	if mod != nil {
		mod(&c)
	}
	if err := c.Normalize(); err != nil {
		t.Fatal(err)
	}
	return &c
}

// admin is the test's own client, logged in over plain loopback.
func (s *testIMAP) admin(t testing.TB) *imapclient.Client {
	t.Helper()
	c, err := imapclient.DialInsecure(s.adminAddr, nil)
	if err != nil {
		t.Fatalf("admin dial: %v", err)
	}
	if err := c.Login(s.user, s.pass).Wait(); err != nil {
		c.Close()
		t.Fatalf("admin login: %v", err)
	}
	return c
}

// deliver APPENDs raws to mbox.
func (s *testIMAP) deliver(t testing.TB, mbox string, raws ...[]byte) {
	t.Helper()
	c := s.admin(t)
	defer c.Close()
	for _, raw := range raws {
		cmd := c.Append(mbox, int64(len(raw)), nil)
		if _, err := cmd.Write(raw); err != nil {
			t.Fatalf("append: %v", err)
		}
		if err := cmd.Close(); err != nil {
			t.Fatalf("append: %v", err)
		}
		if _, err := cmd.Wait(); err != nil {
			t.Fatalf("append to %s: %v", mbox, err)
		}
	}
	_ = c.Logout().Wait()
}

// run issues one admin command (CREATE, DELETE...) and fails the test on error.
func (s *testIMAP) run(t testing.TB, f func(c *imapclient.Client) error) {
	t.Helper()
	c := s.admin(t)
	defer c.Close()
	if err := f(c); err != nil {
		t.Fatal(err)
	}
	_ = c.Logout().Wait()
}

func (s *testIMAP) countFlag(t testing.TB, mbox string, flag imap.Flag) int {
	t.Helper()
	n, err := CountFlag(s.adminAddr, s.user, s.pass, mbox, flag)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// restart stops the server and starts it again on the same port, keeping
// the mail.
func (s *testIMAP) restart(t testing.TB, down time.Duration) {
	t.Helper()
	if s.mem != nil {
		s.mem.Close()
		time.Sleep(down)
		if err := s.mem.listen(); err != nil {
			t.Error(err)
		}
		return
	}
	s.dc.stop(t)
	time.Sleep(down)
	s.dc.start(t)
}

// samples are the bundled sample replies.
func samples(t testing.TB) [][]byte {
	t.Helper()
	_, raws, err := corpus.Messages()
	if err != nil {
		t.Fatal(err)
	}
	return raws
}

func newTestStore(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "test.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// filedLog records what a daemon filed.
type filedLog struct {
	mu   sync.Mutex
	msgs []FiledMessage
	hook func(FiledMessage)
}

func (l *filedLog) add(m FiledMessage) {
	l.mu.Lock()
	l.msgs = append(l.msgs, m)
	hook := l.hook
	l.mu.Unlock()
	if hook != nil {
		hook(m)
	}
}

// fresh counts the messages filed that were not duplicates.
func (l *filedLog) fresh() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, m := range l.msgs {
		if !m.Outcome.Duplicate {
			n++
		}
	}
	return n
}

func newTestDaemon(t testing.TB, cfg *IMAPConfig, st *store.Store) (*Daemon, *filedLog) {
	t.Helper()
	log := &filedLog{}
	d := NewDaemon(cfg, NewFiler(st, &FilerOptions{Logger: testLogger(t)}), &DaemonOptions{Logger: testLogger(t), Filed: log.add})
	return d, log
}

// runDaemon runs d.Run until the test ends or stop is called; stop returns
// Run's error and fails the test if Run does not return promptly.
func runDaemon(t testing.TB, d *Daemon) (stop func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- d.Run(ctx) }()
	var once sync.Once
	var err error
	stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case err = <-done:
			case <-time.After(15 * time.Second):
				t.Error("daemon did not stop within 15s of cancellation")
			}
		})
		return err
	}
	t.Cleanup(func() { stop() })
	return stop
}

// waitFor polls cond until it holds or the timeout passes.
func waitFor(t testing.TB, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", timeout, what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// assertFiledOnce proves nothing was lost or doubled: the store holds
// exactly one record per delivered message (by content hash, line endings
// normalized since servers may rewrite them) and verifies clean.
func assertFiledOnce(t testing.TB, st *store.Store, raws [][]byte) {
	t.Helper()
	ctx := context.Background()
	want := map[string]int{}
	for _, r := range raws {
		want[normHash(r)]++
	}
	got := map[string]int{}
	n := 0
	err := st.Each(ctx, store.Filter{}, func(rec *store.Record, raw []byte) error {
		got[normHash(raw)]++
		n++
		return nil
	})
	if err != nil {
		t.Fatalf("store each: %v", err)
	}
	if n != len(raws) {
		t.Errorf("store holds %d records, want %d", n, len(raws))
	}
	for h, c := range want {
		if got[h] != c {
			t.Errorf("message %s…: stored %d times, want %d", h[:12], got[h], c)
		}
	}
	probs, _, err := st.Verify(ctx)
	if err != nil {
		t.Fatalf("verify: %v", err)
	}
	for _, p := range probs {
		t.Errorf("verify: %s (id %d)", p.What, p.ID)
	}
}

func normHash(raw []byte) string {
	h := sha256.Sum256(bytes.ReplaceAll(raw, []byte("\r\n"), []byte("\n")))
	return hex.EncodeToString(h[:])
}

// testLogger sends the daemon's logs to the test log.
func testLogger(t testing.TB) *slog.Logger {
	return slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelInfo}))
}

type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Helper()
	w.t.Log(string(bytes.TrimRight(p, "\n")))
	return len(p), nil
}

func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }
