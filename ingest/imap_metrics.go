package ingest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"cyberintake/mailparse"
	"cyberintake/store"
)

// Connection states exported by the cyberintake_imap_connection_state gauge.
const (
	stateDown    = 0 // not connected (backing off)
	stateSyncing = 1 // connected, fetching and filing
	stateIdle    = 2 // connected, waiting for news (IDLE or polling)
)

// Metrics are the daemon's Prometheus counters, in their own registry so
// that tests and the demo can run several daemons in one process.
type Metrics struct {
	Registry *prometheus.Registry

	seenC     *prometheus.CounterVec
	filedC    *prometheus.CounterVec
	dupC      *prometheus.CounterVec
	failedC   *prometheus.CounterVec
	lastSync  *prometheus.GaugeVec
	conn      *prometheus.GaugeVec
	durationH *prometheus.HistogramVec

	mu       sync.Mutex
	lastOK   time.Time            // any mailbox
	lastByMb map[string]time.Time // per mailbox
	problems map[string]error     // per mailbox: a refused login or certificate, until a login succeeds
}

// NewMetrics registers the daemon's metrics in a fresh registry.
func NewMetrics() *Metrics {
	m := &Metrics{Registry: prometheus.NewRegistry(), lastByMb: map[string]time.Time{}, problems: map[string]error{}}
	m.seenC = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "cyberintake_imap_messages_seen_total", Help: "New messages found on the server.",
	}, []string{"mailbox"})
	m.filedC = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "cyberintake_imap_messages_filed_total", Help: "Messages committed to the store, by parsed kind.",
	}, []string{"mailbox", "kind"})
	m.dupC = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "cyberintake_imap_messages_duplicate_total", Help: "Messages the store already held.",
	}, []string{"mailbox"})
	m.failedC = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "cyberintake_imap_messages_failed_total", Help: "Messages filed raw because parsing failed, or whose batch could not be committed.",
	}, []string{"mailbox"})
	m.lastSync = prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Name: "cyberintake_imap_last_successful_sync_timestamp_seconds", Help: "Unix time of the last sync that completed.",
	}, []string{"mailbox"})
	m.conn = prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Name: "cyberintake_imap_connection_state", Help: "0 disconnected, 1 syncing, 2 waiting (IDLE or polling).",
	}, []string{"mailbox"})
	m.durationH = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "cyberintake_imap_sync_duration_seconds", Help: "Duration of sync passes.",
		Buckets: prometheus.ExponentialBuckets(0.005, 4, 10),
	}, []string{"mailbox"})
	m.Registry.MustRegister(m.seenC, m.filedC, m.dupC, m.failedC, m.lastSync, m.conn, m.durationH,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// start makes every counter of mbox exist at 0, so that a dashboard or an
// alert on duplicates or failures sees the series before the first event
// (rate() over a series that appears at 1 misses that first event).
func (m *Metrics) start(mbox string) {
	m.seenC.WithLabelValues(mbox)
	m.dupC.WithLabelValues(mbox)
	m.failedC.WithLabelValues(mbox)
	for _, k := range []mailparse.Kind{mailparse.KindReport, mailparse.KindAutoReply, mailparse.KindBounce, mailparse.KindUnrelated, "unknown"} {
		m.filedC.WithLabelValues(mbox, string(k))
	}
	m.conn.WithLabelValues(mbox).Set(stateDown)
}

func (m *Metrics) seen(mbox string, n int) { m.seenC.WithLabelValues(mbox).Add(float64(n)) }

func (m *Metrics) failed(mbox string, n int) { m.failedC.WithLabelValues(mbox).Add(float64(n)) }

func (m *Metrics) filed(mbox string, res *mailparse.Result, dup bool) {
	if dup {
		m.dupC.WithLabelValues(mbox).Inc()
		return
	}
	kind := string(res.Kind)
	if kind == "" {
		kind = "unknown"
	}
	m.filedC.WithLabelValues(mbox, kind).Inc()
	if res.Error != "" {
		m.failedC.WithLabelValues(mbox).Inc()
	}
}

func (m *Metrics) connState(mbox string, st int) { m.conn.WithLabelValues(mbox).Set(float64(st)) }

func (m *Metrics) syncDone(mbox string, d time.Duration) {
	now := time.Now()
	m.durationH.WithLabelValues(mbox).Observe(d.Seconds())
	m.lastSync.WithLabelValues(mbox).Set(float64(now.Unix()))
	m.mu.Lock()
	delete(m.problems, mbox) // a sync went through: nothing is in the way
	m.lastOK = now
	m.lastByMb[mbox] = now
	m.mu.Unlock()
}

// loginOK clears a login problem once a login succeeds. A damaged store
// stays a problem until a sync succeeds (syncDone): logging in says
// nothing about the store.
func (m *Metrics) loginOK(mbox string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if p := m.problems[mbox]; p != nil && !errors.Is(p, store.ErrDamaged) {
		delete(m.problems, mbox)
	}
}

// loginProblem records a failure that will not heal by itself: a refused
// login, an untrusted certificate, a damaged store. /healthz fails at once
// until loginOK or syncDone clears it.
func (m *Metrics) loginProblem(mbox string, err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.problems[mbox] = err
}

// Healthy reports an error unless every mailbox in mboxes completed a sync
// within staleAfter (a daemon that just started gets that long too). A
// refused login makes it fail at once, until a login succeeds.
func (m *Metrics) Healthy(mboxes []string, staleAfter time.Duration, started time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := time.Now()
	for _, mb := range mboxes {
		if err := m.problems[mb]; err != nil {
			return fmt.Errorf("mailbox %s: %v", mb, err)
		}
	}
	for _, mb := range mboxes {
		last, ok := m.lastByMb[mb]
		if !ok {
			if now.Sub(started) > staleAfter {
				return fmt.Errorf("mailbox %s: no successful sync since start %s ago", mb, now.Sub(started).Round(time.Second))
			}
			continue
		}
		if age := now.Sub(last); age > staleAfter {
			return fmt.Errorf("mailbox %s: last successful sync %s ago (limit %s)", mb, age.Round(time.Second), staleAfter)
		}
	}
	return nil
}

// ServeHTTP runs the /healthz and /metrics listener on addr until ctx is
// done. ready, if not nil, receives the bound address (tests use port 0).
func (d *Daemon) ServeHTTP(ctx context.Context, addr string, ready chan<- string) error {
	started := time.Now()
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.HandlerFor(d.metrics.Registry, promhttp.HandlerOpts{}))
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		if err := d.metrics.Healthy(d.cfg.Mailboxes, d.cfg.StaleAfter, started); err != nil {
			http.Error(w, "unhealthy: "+err.Error(), http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ok")
	})
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("--http %s: %w", addr, err)
	}
	if ready != nil {
		ready <- ln.Addr().String()
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, ErrorLog: slog.NewLogLogger(d.log.Handler(), slog.LevelWarn)}
	// Shut down when ctx ends; if Serve fails first, nothing is left waiting.
	stop := context.AfterFunc(ctx, func() {
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	})
	defer stop()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("http: %w", err)
	}
	return nil
}
