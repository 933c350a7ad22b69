package ingest

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"cyberintake/store"
)

// bigMessage is over markTestMax: filed as bigHeader, left unmarked.
var (
	bigHeader  = []byte("Message-ID: <big@x>\r\nSubject: Cyber attaque - labo 12345\r\n\r\n")
	bigMessage = append(append([]byte{}, bigHeader...), strings.Repeat("x", 100_000)+"\r\n"...)
)

const markTestMax = 64 << 10 // over every sample, under bigMessage

// fileThenCut files the mailbox through a proxy that drops the connection
// right after the first batch is committed, before it is marked: the pass
// fails with everything filed and nothing marked. With crash, the daemon
// then freezes, as if killed there, never ending its pass (it is let go
// when the test ends).
func fileThenCut(t *testing.T, srv *testIMAP, crash bool, mod func(*IMAPConfig)) *store.Store {
	t.Helper()
	px := startCutProxy(t, srv.cfg.Addr, -1)
	st := newTestStore(t)
	d, log := newTestDaemon(t, srv.config(t, func(c *IMAPConfig) {
		c.Addr = px.addr
		c.MaxMessageSize = markTestMax
		if mod != nil {
			mod(c)
		}
	}), st)
	var cut atomic.Bool
	frozen, release := make(chan struct{}), make(chan struct{})
	log.hook = func(FiledMessage) {
		if cut.Swap(true) {
			return
		}
		px.cutNow()
		if crash {
			close(frozen)
			<-release
		}
	}
	type result struct {
		n   int
		err error
	}
	done := make(chan result, 1)
	go func() {
		n, err := d.Once(context.Background())
		done <- result{n, err}
	}()
	if crash {
		t.Cleanup(func() { close(release); <-done })
		select {
		case <-frozen:
		case r := <-done:
			t.Fatalf("Once = %d, %v before filing anything", r.n, r.err)
		}
		return st
	}
	if r := <-done; r.err == nil || r.n == 0 {
		t.Fatalf("Once with the connection cut before marking = %d, %v; want messages filed and an error", r.n, r.err)
	}
	return st
}

func unmarkedIn(t *testing.T, st *store.Store, d *Daemon, mbox string) string {
	t.Helper()
	state, _, err := st.SourceState(context.Background(), d.stateKey(mbox))
	if err != nil {
		t.Fatal(err)
	}
	return state.Unmarked
}

// A daemon restarted after the connection died between the commit and the
// marking marks (and moves) what was filed, files nothing twice, and leaves
// the oversize message unmarked.
func TestUnmarkedMarkedAfterRestart(t *testing.T) {
	for _, tc := range []struct {
		name        string
		move, crash bool
	}{
		{"keyword, connection cut", false, false},
		{"keyword, killed before marking", false, true},
		{"move, killed before marking", true, true},
	} {
		move := tc.move
		t.Run(tc.name, func(t *testing.T) {
			backends(t, func(t *testing.T, srv *testIMAP) {
				raws := samples(t)[:6]
				// UIDs 1-3, 4 oversize, 5-7.
				all := append(append(append([][]byte{}, raws[:3]...), bigMessage), raws[3:]...)
				srv.deliver(t, "INBOX", all...)
				all[3] = bigHeader // what the store holds of it
				mod := func(c *IMAPConfig) { c.MaxMessageSize = markTestMax }
				if move {
					srv.run(t, func(c *imapclient.Client) error { return c.Create("Filed", nil).Wait() })
					mod = func(c *IMAPConfig) { c.MaxMessageSize = markTestMax; c.MoveTo = "Filed" }
				}
				st := fileThenCut(t, srv, tc.crash, mod)
				assertFiledOnce(t, st, all)
				if got := srv.countFlag(t, "INBOX", "$Filed"); got != 0 {
					t.Fatalf("%d messages marked before the restart: the cut came too late", got)
				}

				d, log := newTestDaemon(t, srv.config(t, mod), st)
				if got := unmarkedIn(t, st, d, "INBOX"); got != "1:3,5:7" {
					t.Errorf("stored unmarked UIDs %q, want 1:3,5:7 (the oversize 4 left out)", got)
				}
				if n, err := d.Once(context.Background()); err != nil || n != 0 {
					t.Fatalf("Once after the restart = %d, %v; want 0, nil", n, err)
				}
				assertFiledOnce(t, st, all)
				if log.fresh() != 0 {
					t.Errorf("restarted daemon filed %d messages again", log.fresh())
				}
				inbox, filed := "INBOX", 0
				if move {
					inbox = "Filed"
					filed = srv.countFlag(t, "INBOX", "$Filed")
				}
				if got := srv.countFlag(t, inbox, "$Filed"); got != 6 || filed != 0 {
					t.Errorf("%d messages marked in %s (%d left marked in INBOX), want 6 (0)", got, inbox, filed)
				}
				if got := mailboxSize(t, srv, "INBOX"); move && got != 1 {
					t.Errorf("%d messages left in INBOX, want the oversize one", got)
				}
				before, _, _ := st.SourceState(context.Background(), d.stateKey("INBOX"))
				if before.Unmarked != "" {
					t.Errorf("unmarked UIDs %q still stored after marking", before.Unmarked)
				}
				// Nothing changed: no commit.
				if _, err := d.Once(context.Background()); err != nil {
					t.Fatal(err)
				}
				after, _, _ := st.SourceState(context.Background(), d.stateKey("INBOX"))
				if !after.SyncedAt.Equal(before.SyncedAt) {
					t.Errorf("a pass with nothing to file or mark rewrote the state")
				}
			})
		})
	}
}

// A dry run leaves the pending marks to a real run, and a new UIDVALIDITY
// makes them meaningless: they must not mark whatever now has those UIDs.
func TestUnmarkedDryRunAndNewUIDValidity(t *testing.T) {
	srv := newTestIMAP(t, "memory")
	raws := samples(t)[:4]
	create := func(c *imapclient.Client) error { return c.Create("Reports", nil).Wait() }
	srv.run(t, create)
	srv.deliver(t, "Reports", raws...)
	reports := func(c *IMAPConfig) { c.Mailboxes = []string{"Reports"} }
	st := fileThenCut(t, srv, true, reports)

	dry, _ := newTestDaemon(t, srv.config(t, func(c *IMAPConfig) { reports(c); c.DryRun = true }), st)
	if _, err := dry.Once(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := srv.countFlag(t, "Reports", "$Filed"); got != 0 {
		t.Errorf("dry run marked %d messages", got)
	}
	if got := unmarkedIn(t, st, dry, "Reports"); got != "1:4" {
		t.Errorf("after a dry run the store holds unmarked %q, want 1:4 kept for a real run", got)
	}

	// The mailbox is recreated: UIDs 1-4 now name other messages, the
	// first of them oversize (never to be marked).
	srv.run(t, func(c *imapclient.Client) error { return c.Delete("Reports").Wait() })
	srv.run(t, create)
	srv.deliver(t, "Reports", bigMessage, raws[0])
	d, _ := newTestDaemon(t, srv.config(t, func(c *IMAPConfig) { reports(c); c.MaxMessageSize = markTestMax }), st)
	if _, err := d.Once(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := srv.countFlag(t, "Reports", "$Filed"); got != 1 {
		t.Errorf("%d messages marked, want 1: the oversize UID 1 was pending under the old UIDVALIDITY", got)
	}
	if got := unmarkedIn(t, st, d, "Reports"); got != "" {
		t.Errorf("unmarked %q stored after the rescan, want none", got)
	}
	assertFiledOnce(t, st, append(append([][]byte{}, raws...), bigHeader))
}

// The connection dies while the second batch is marked: the running daemon
// reconnects and marks everything (the in-process path of the same
// mechanism).
func TestUnmarkedMarkedAfterReconnect(t *testing.T) {
	srv := newTestIMAP(t, "memory")
	raws := samples(t)[:9]
	srv.deliver(t, "INBOX", raws...)
	px := startCutProxy(t, srv.cfg.Addr, -1)
	st := newTestStore(t)
	d, log := newTestDaemon(t, srv.config(t, func(c *IMAPConfig) { c.Addr = px.addr; c.BatchSize = 3 }), st)
	var cut atomic.Bool
	log.hook = func(m FiledMessage) {
		if m.UID == 4 && !cut.Swap(true) {
			px.cutNow()
		}
	}
	stop := runDaemon(t, d)
	waitFor(t, 10*time.Second, "every message marked", func() bool { return srv.countFlag(t, "INBOX", "$Filed") == len(raws) })
	stop()
	assertFiledOnce(t, st, raws)
	if px.conns.Load() < 2 {
		t.Errorf("%d connections, want a reconnection", px.conns.Load())
	}
	if got := unmarkedIn(t, st, d, "INBOX"); got != "" {
		t.Errorf("unmarked %q stored after marking, want none", got)
	}
}

func mailboxSize(t *testing.T, srv *testIMAP, mbox string) uint32 {
	t.Helper()
	var n uint32
	srv.run(t, func(c *imapclient.Client) error {
		sel, err := c.Select(mbox, &imap.SelectOptions{ReadOnly: true}).Wait()
		if sel != nil {
			n = sel.NumMessages
		}
		return err
	})
	return n
}

func TestParseUIDSet(t *testing.T) {
	tests := []struct{ in, want, err string }{
		{"", "", ""},
		{"7", "7", ""},
		{"3:7,9", "3:7,9", ""},
		{"9,3:7,8", "3:9", ""},
		{"7:3", "3:7", ""},
		{"1:4294967295", "1:4294967295", ""},
		{"0", "", "bad UID"},
		{"1:*", "", "bad UID"},
		{"1,,2", "", "bad UID"},
		{"x", "", "bad UID"},
		{"4294967296", "", "bad UID"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			set, err := parseUIDSet(tc.in)
			switch {
			case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
				t.Errorf("parseUIDSet(%q) = %v, %v; want an error %q", tc.in, set, err, tc.err)
			case tc.err == "" && (err != nil || set.String() != tc.want):
				t.Errorf("parseUIDSet(%q) = %q, %v; want %q", tc.in, set.String(), err, tc.want)
			}
		})
	}
}

func FuzzParseUIDSet(f *testing.F) {
	for _, s := range []string{"", "1", "3:7,9", "1:4294967295", "0", "1:*"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		set, err := parseUIDSet(s)
		if err != nil {
			return
		}
		// What it reads, written back, reads as the same set.
		again, err := parseUIDSet(set.String())
		if err != nil || again.String() != set.String() {
			t.Errorf("%q -> %q -> %q, %v", s, set.String(), again.String(), err)
		}
	})
}

// Without MOVE, a move is COPY + \Deleted (+ UID EXPUNGE with UIDPLUS). A
// daemon killed between the COPY and the EXPUNGE leaves copied messages
// flagged \Deleted among its unmarked UIDs: the next one must not copy them
// again.
func TestUnmarkedNotCopiedTwice(t *testing.T) {
	srv := &testIMAP{Backend: "dovecot"}
	srv.dc = startDovecot(t, "imap_capability = IMAP4rev1 LITERAL+ SASL-IR IDLE")
	srv.adminAddr, srv.user, srv.pass = srv.dc.plainAddr(), "ql", "test"
	srv.cfg = IMAPConfig{Addr: srv.dc.tlsAddr(), User: "ql", Password: "test", TLS: "implicit", CAFile: srv.dc.caFile}
	raws := samples(t)[:3]
	srv.deliver(t, "INBOX", raws...)
	srv.run(t, func(c *imapclient.Client) error { return c.Create("Filed", nil).Wait() })
	st := newTestStore(t)
	plain, _ := newTestDaemon(t, srv.config(t, func(c *IMAPConfig) { c.Keyword = "" }), st)
	if _, err := plain.Once(context.Background()); err != nil {
		t.Fatal(err)
	}
	// As the killed daemon left it: 1 and 2 copied and flagged, 3 not yet.
	srv.run(t, func(c *imapclient.Client) error {
		if _, err := c.Select("INBOX", nil).Wait(); err != nil {
			return err
		}
		if _, err := c.Copy(imap.UIDSetNum(1, 2), "Filed").Wait(); err != nil {
			return err
		}
		return c.Store(imap.UIDSetNum(1, 2), &imap.StoreFlags{Op: imap.StoreFlagsAdd, Silent: true, Flags: []imap.Flag{imap.FlagDeleted}}, nil).Close()
	})
	state, _, _ := st.SourceState(context.Background(), plain.stateKey("INBOX"))
	state.Unmarked = "1:3"
	if _, err := st.Put(context.Background(), nil, state); err != nil {
		t.Fatal(err)
	}
	d, _ := newTestDaemon(t, srv.config(t, func(c *IMAPConfig) { c.Keyword = ""; c.MoveTo = "Filed" }), st)
	if _, err := d.Once(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := mailboxSize(t, srv, "Filed"); got != 3 {
		t.Errorf("%d messages in Filed, want 3 (each copied once)", got)
	}
	if got := unmarkedIn(t, st, d, "INBOX"); got != "" {
		t.Errorf("unmarked %q stored after the move, want none", got)
	}
}
