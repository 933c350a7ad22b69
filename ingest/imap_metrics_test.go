package ingest

import (
	"context"
	"io"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestHealthzAndMetrics(t *testing.T) {
	srv := newTestIMAP(t, "memory")
	raws := samples(t)
	srv.deliver(t, "INBOX", raws[:3]...)
	cfg := srv.config(t, func(c *IMAPConfig) { c.StaleAfter = 700 * time.Millisecond })
	d, log := newTestDaemon(t, cfg, newTestStore(t))
	get, stopHTTP := serveHTTP(t, d)
	stop := runDaemon(t, d)
	waitFor(t, 5*time.Second, "initial sync", func() bool { return log.fresh() == 3 })
	// Filed reports each message at its commit; the pass ends after the
	// marking and the state's last commit.
	waitFor(t, 5*time.Second, "the end of the pass", func() bool {
		_, m := get("/metrics")
		return strings.Contains(m, `cyberintake_imap_sync_duration_seconds_count{mailbox="INBOX"}`)
	})
	if code, body := get("/healthz"); code != http.StatusOK {
		t.Errorf("/healthz while syncing = %d %s", code, body)
	}
	_, metrics := get("/metrics")
	for _, want := range []string{
		`cyberintake_imap_messages_seen_total{mailbox="INBOX"} 3`,
		`cyberintake_imap_messages_filed_total{kind=`,
		`cyberintake_imap_last_successful_sync_timestamp_seconds{mailbox="INBOX"}`,
		`cyberintake_imap_connection_state{mailbox="INBOX"}`,
		`cyberintake_imap_sync_duration_seconds_count{mailbox="INBOX"}`,
	} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	// The server goes away: syncs stop succeeding and health turns bad.
	srv.mem.Close()
	waitFor(t, 5*time.Second, "/healthz to fail", func() bool { code, _ := get("/healthz"); return code == http.StatusServiceUnavailable })
	_, body := get("/healthz")
	if !strings.Contains(body, "INBOX") {
		t.Errorf("/healthz body %q does not name the mailbox", body)
	}
	stop()
	stopHTTP()
}

// serveHTTP runs d's /healthz and /metrics listener on a free port until
// stop; get fetches a path from it.
func serveHTTP(t *testing.T, d *Daemon) (get func(path string) (int, string), stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	httpDone := make(chan error, 1)
	go func() { httpDone <- d.ServeHTTP(ctx, "127.0.0.1:0", ready) }()
	base := "http://" + <-ready
	get = func(path string) (int, string) {
		t.Helper()
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			if err := <-httpDone; err != nil {
				t.Errorf("ServeHTTP = %v", err)
			}
		})
	}
	t.Cleanup(stop)
	return get, stop
}

// TestHealthzDamagedStore: a store that turns out damaged (here cut short
// under the daemon) cannot heal by itself, so /healthz fails at once with
// the reason instead of only once the last sync is stale.
func TestHealthzDamagedStore(t *testing.T) {
	srv := newTestIMAP(t, "memory")
	raws := samples(t)
	srv.deliver(t, "INBOX", raws[:2]...)
	// Stale only after a minute: a 503 within the test comes from the damage.
	cfg := srv.config(t, func(c *IMAPConfig) { c.StaleAfter = time.Minute })
	st := newTestStore(t)
	d, log := newTestDaemon(t, cfg, st)
	get, stopHTTP := serveHTTP(t, d)
	stop := runDaemon(t, d)
	waitFor(t, 5*time.Second, "initial sync", func() bool { return log.fresh() == 2 })
	if err := os.Truncate(st.Path(), 8192); err != nil {
		t.Fatal(err)
	}
	srv.deliver(t, "INBOX", raws[2])
	waitFor(t, 10*time.Second, "/healthz to fail", func() bool { code, _ := get("/healthz"); return code == http.StatusServiceUnavailable })
	if _, body := get("/healthz"); !strings.Contains(body, "damaged") {
		t.Errorf("/healthz body %q does not say the store is damaged", body)
	}
	stop()
	stopHTTP()
}
