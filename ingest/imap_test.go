package ingest

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// backends runs f against the in-memory server and against Dovecot (which
// skips, or fails under CYBERINTAKE_REQUIRE_DOVECOT=1, when unavailable).
func backends(t *testing.T, f func(t *testing.T, srv *testIMAP)) {
	for _, b := range []string{"memory", "dovecot"} {
		t.Run(b, func(t *testing.T) { f(t, newTestIMAP(t, b)) })
	}
}

func TestSyncFilesEveryMessageOnce(t *testing.T) {
	backends(t, func(t *testing.T, srv *testIMAP) {
		raws := samples(t)
		srv.deliver(t, "INBOX", raws...)
		st := newTestStore(t)
		d, log := newTestDaemon(t, srv.config(t, func(c *IMAPConfig) { c.BatchSize = 7 }), st)
		n, err := d.Once(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if n != len(raws) {
			t.Errorf("first pass filed %d, want %d", n, len(raws))
		}
		assertFiledOnce(t, st, raws)
		if got := srv.countFlag(t, "INBOX", "$Filed"); got != len(raws) {
			t.Errorf("%d messages carry $Filed, want %d", got, len(raws))
		}
		if got := srv.countFlag(t, "INBOX", imap.FlagSeen); got != 0 {
			t.Errorf("%d messages became \\Seen, want 0 (BODY.PEEK)", got)
		}
		n, err = d.Once(context.Background())
		if err != nil || n != 0 {
			t.Errorf("second pass: filed %d, err %v; want 0, nil", n, err)
		}
		assertFiledOnce(t, st, raws)
		if log.fresh() != len(raws) {
			t.Errorf("daemon reported %d fresh messages, want %d", log.fresh(), len(raws))
		}
		key := d.stateKey("INBOX")
		state, ok, err := st.SourceState(context.Background(), key)
		if err != nil || !ok || state.LastUID != uint32(len(raws)) || state.UIDValidity == 0 {
			t.Errorf("state %s = %+v, %v, %v; want last UID %d", key, state, ok, err, len(raws))
		}
	})
}

func TestIdleFilesNewMessageQuickly(t *testing.T) {
	backends(t, func(t *testing.T, srv *testIMAP) {
		raws := samples(t)
		srv.deliver(t, "INBOX", raws[:3]...)
		st := newTestStore(t)
		d, log := newTestDaemon(t, srv.config(t, nil), st)
		stop := runDaemon(t, d)
		waitFor(t, 10*time.Second, "initial sync", func() bool { return log.fresh() == 3 })
		time.Sleep(100 * time.Millisecond) // let the daemon enter IDLE
		for i, raw := range raws[3:6] {
			start := time.Now()
			srv.deliver(t, "INBOX", raw)
			waitFor(t, 2*time.Second, "the new message filed under IDLE", func() bool { return log.fresh() == 4+i })
			t.Logf("delivery to filed: %v", time.Since(start))
		}
		if err := stop(); err != nil {
			t.Errorf("Run after cancel = %v, want nil", err)
		}
		assertFiledOnce(t, st, raws[:6])
	})
}

func TestServerRestartMidSync(t *testing.T) {
	backends(t, func(t *testing.T, srv *testIMAP) {
		raws := samples(t)
		srv.deliver(t, "INBOX", raws...)
		st := newTestStore(t)
		d, log := newTestDaemon(t, srv.config(t, func(c *IMAPConfig) { c.BatchSize = 5 }), st)
		var restarted atomic.Bool
		log.hook = func(FiledMessage) {
			if !restarted.Swap(true) {
				srv.restart(t, 300*time.Millisecond)
			}
		}
		var logins atomic.Int32
		d.opts.Connected = func(string) { logins.Add(1) }
		stop := runDaemon(t, d)
		waitFor(t, 30*time.Second, "every message filed after the restart", func() bool { return log.fresh() == len(raws) })
		stop()
		if logins.Load() < 2 {
			t.Errorf("daemon logged in %d times, want a reconnection", logins.Load())
		}
		assertFiledOnce(t, st, raws)
		if got := srv.countFlag(t, "INBOX", "$Filed"); got != len(raws) {
			t.Errorf("%d messages carry $Filed, want %d", got, len(raws))
		}
	})
}

func TestConnectionCutMidFetch(t *testing.T) {
	backends(t, func(t *testing.T, srv *testIMAP) {
		raws := samples(t)
		srv.deliver(t, "INBOX", raws...)
		st := newTestStore(t)
		// The first connection dies after 40 kB from the server: inside a
		// body literal of the first batches.
		px := startCutProxy(t, srv.cfg.Addr, 40_000)
		cfg := srv.config(t, func(c *IMAPConfig) { c.Addr = px.addr; c.BatchSize = 4 })
		d, log := newTestDaemon(t, cfg, st)
		stop := runDaemon(t, d)
		waitFor(t, 30*time.Second, "every message filed after the cut", func() bool { return log.fresh() == len(raws) })
		stop()
		if px.cuts.Load() != 1 {
			t.Errorf("proxy cut %d connections, want 1", px.cuts.Load())
		}
		assertFiledOnce(t, st, raws)
	})
}

func TestMailboxRecreatedRescans(t *testing.T) {
	backends(t, func(t *testing.T, srv *testIMAP) {
		raws := samples(t)
		srv.run(t, func(c *imapclient.Client) error { return c.Create("Reports", nil).Wait() })
		srv.deliver(t, "Reports", raws[:5]...)
		st := newTestStore(t)
		d, log := newTestDaemon(t, srv.config(t, func(c *IMAPConfig) { c.Mailboxes = []string{"Reports"} }), st)
		if _, err := d.Once(context.Background()); err != nil {
			t.Fatal(err)
		}
		before, _, _ := st.SourceState(context.Background(), d.stateKey("Reports"))
		srv.run(t, func(c *imapclient.Client) error {
			if err := c.Delete("Reports").Wait(); err != nil {
				return err
			}
			return c.Create("Reports", nil).Wait()
		})
		srv.deliver(t, "Reports", raws[:8]...)
		if _, err := d.Once(context.Background()); err != nil {
			t.Fatal(err)
		}
		after, _, _ := st.SourceState(context.Background(), d.stateKey("Reports"))
		if after.UIDValidity == before.UIDValidity {
			t.Errorf("UIDVALIDITY unchanged (%d): the test did not recreate the mailbox", after.UIDValidity)
		}
		if log.fresh() != 8 {
			t.Errorf("filed %d fresh messages, want 8 (5 then 3 new after the rescan)", log.fresh())
		}
		assertFiledOnce(t, st, raws[:8])
	})
}

func TestMailboxDisappearsThenReturns(t *testing.T) {
	srv := newTestIMAP(t, "")
	raws := samples(t)
	st := newTestStore(t)
	d, log := newTestDaemon(t, srv.config(t, func(c *IMAPConfig) { c.Mailboxes = []string{"Later"} }), st)
	stop := runDaemon(t, d)
	time.Sleep(300 * time.Millisecond) // SELECT fails: NO, backoff, retry
	srv.run(t, func(c *imapclient.Client) error { return c.Create("Later", nil).Wait() })
	srv.deliver(t, "Later", raws[:4]...)
	waitFor(t, 10*time.Second, "messages of the new mailbox filed", func() bool { return log.fresh() == 4 })
	stop()
	assertFiledOnce(t, st, raws[:4])
}

func TestCancelFinishesBatchInHand(t *testing.T) {
	srv := newTestIMAP(t, "")
	raws := samples(t)
	srv.deliver(t, "INBOX", raws...)
	st := newTestStore(t)
	d, log := newTestDaemon(t, srv.config(t, func(c *IMAPConfig) { c.BatchSize = 5 }), st)
	ctx, cancel := context.WithCancel(context.Background())
	log.hook = func(FiledMessage) { cancel() }
	n, err := d.Once(ctx)
	if err != nil {
		t.Fatalf("Once after cancel = %v, want nil", err)
	}
	if n == 0 || n%5 != 0 || n >= len(raws) {
		t.Errorf("filed %d before stopping, want whole batches of 5 and not all", n)
	}
	state, _, _ := st.SourceState(context.Background(), d.stateKey("INBOX"))
	if int(state.LastUID) != n {
		t.Errorf("stored last UID %d, want %d (state committed with the batches)", state.LastUID, n)
	}
	if got := srv.countFlag(t, "INBOX", "$Filed"); got != n {
		t.Errorf("%d messages marked, want %d", got, n)
	}
	log.hook = nil
	if _, err := d.Once(context.Background()); err != nil {
		t.Fatal(err)
	}
	assertFiledOnce(t, st, raws)
}

func TestMoveAndDryRun(t *testing.T) {
	backends(t, func(t *testing.T, srv *testIMAP) {
		raws := samples(t)[:6]
		srv.deliver(t, "INBOX", raws...)
		srv.run(t, func(c *imapclient.Client) error { return c.Create("Filed", nil).Wait() })

		dry, _ := newTestDaemon(t, srv.config(t, func(c *IMAPConfig) { c.DryRun = true; c.MoveTo = "Filed" }), newTestStore(t))
		if n, err := dry.Once(context.Background()); err != nil || n != len(raws) {
			t.Fatalf("dry run: %d, %v", n, err)
		}
		if got := srv.countFlag(t, "INBOX", "$Filed"); got != 0 {
			t.Errorf("dry run marked %d messages", got)
		}
		if got := srv.countFlag(t, "Filed", "$Filed"); got != 0 {
			t.Errorf("dry run moved %d messages", got)
		}

		st := newTestStore(t)
		d, _ := newTestDaemon(t, srv.config(t, func(c *IMAPConfig) { c.MoveTo = "Filed" }), st)
		if _, err := d.Once(context.Background()); err != nil {
			t.Fatal(err)
		}
		assertFiledOnce(t, st, raws)
		if got := srv.countFlag(t, "Filed", "$Filed"); got != len(raws) {
			t.Errorf("%d marked messages in Filed, want %d", got, len(raws))
		}
		var left uint32
		srv.run(t, func(c *imapclient.Client) error {
			sel, err := c.Select("INBOX", &imap.SelectOptions{ReadOnly: true}).Wait()
			if sel != nil {
				left = sel.NumMessages
			}
			return err
		})
		if left != 0 {
			t.Errorf("%d messages left in INBOX after the move", left)
		}
	})
}

func TestOversizeMessageFiledAsHeader(t *testing.T) {
	srv := newTestIMAP(t, "memory")
	small := []byte("Message-ID: <small@x>\r\nSubject: Cyber attaque - labo 12345\r\n\r\nshort\r\n")
	big := []byte("Message-ID: <big@x>\r\nSubject: Cyber attaque - labo 12345\r\n\r\n" + strings.Repeat("x", 5000) + "\r\n")
	srv.deliver(t, "INBOX", small, big)
	st := newTestStore(t)
	d, log := newTestDaemon(t, srv.config(t, func(c *IMAPConfig) { c.MaxMessageSize = 1000 }), st)
	if n, err := d.Once(context.Background()); err != nil || n != 2 {
		t.Fatalf("Once = %d, %v; want 2, nil", n, err)
	}
	var bigRes string
	for _, m := range log.msgs {
		if m.UID == 2 {
			bigRes = m.Result.Error
		}
	}
	if !strings.Contains(bigRes, "exceeds max-message-size") {
		t.Errorf("oversize message filed with error %q, want one naming max-message-size", bigRes)
	}
	if got := srv.countFlag(t, "INBOX", "$Filed"); got != 1 {
		t.Errorf("%d messages marked, want 1 (the oversize one stays for a person)", got)
	}
}
