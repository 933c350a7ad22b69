package ingest

import (
	"net"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// cutProxy forwards TCP to a server. It cuts the first connection after
// cutAfter bytes from the server (if cutAfter >= 0), and freeze makes the
// connections open at that moment go silent, without FIN or RST, like a
// server or NAT box that vanished; later connections pass untouched.
// cutNow drops the connections open at that moment; the first refuse
// connections are closed as soon as accepted, like a server not up yet.
type cutProxy struct {
	addr   string
	cuts   atomic.Int32
	conns  atomic.Int64 // connections accepted
	frozen atomic.Int64 // connections numbered below this are frozen
	refuse atomic.Int64

	mu   sync.Mutex
	open map[net.Conn]bool // client sides of the connections being piped
}

func startCutProxy(t testing.TB, target string, cutAfter int64) *cutProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &cutProxy{addr: ln.Addr().String(), open: map[net.Conn]bool{}}
	var wg sync.WaitGroup
	done := make(chan struct{})
	t.Cleanup(func() { close(done); ln.Close(); wg.Wait() })
	wg.Go(func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			n := p.conns.Add(1)
			if n <= p.refuse.Load() {
				c.Close()
				continue
			}
			limit := int64(-1)
			if n == 1 {
				limit = cutAfter
			}
			wg.Go(func() { p.pipe(c, target, n, limit, done) })
		}
	})
	return p
}

func (p *cutProxy) freeze() { p.frozen.Store(p.conns.Load() + 1) }

func (p *cutProxy) cutNow() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for c := range p.open {
		c.Close()
	}
	p.cuts.Add(1)
}

func (p *cutProxy) pipe(c net.Conn, target string, n, limit int64, done <-chan struct{}) {
	defer c.Close()
	p.mu.Lock()
	p.open[c] = true
	p.mu.Unlock()
	defer func() { p.mu.Lock(); delete(p.open, c); p.mu.Unlock() }()
	s, err := net.Dial("tcp", target)
	if err != nil {
		return
	}
	defer s.Close()
	copyDir := func(dst, src net.Conn, limit int64) {
		buf := make([]byte, 4096)
		var sent int64
		for {
			k, err := src.Read(buf)
			if k > 0 && n >= p.frozen.Load() {
				if limit >= 0 && sent+int64(k) >= limit {
					dst.Write(buf[:limit-sent])
					p.cuts.Add(1)
					c.Close()
					s.Close()
					return
				}
				sent += int64(k)
				if _, werr := dst.Write(buf[:k]); werr != nil {
					return
				}
			}
			if err != nil {
				if n < p.frozen.Load() {
					<-done // frozen: hold the connection open, say nothing
				}
				dst.Close()
				return
			}
		}
	}
	go copyDir(s, c, -1)
	copyDir(c, s, limit)
}

func TestSilentServerDetected(t *testing.T) {
	srv := newTestIMAP(t, "memory")
	raws := samples(t)
	srv.deliver(t, "INBOX", raws[:2]...)
	px := startCutProxy(t, srv.cfg.Addr, -1)
	cfg := srv.config(t, func(c *IMAPConfig) { c.Addr = px.addr; c.Timeout = time.Second })
	st := newTestStore(t)
	d, log := newTestDaemon(t, cfg, st)
	stop := runDaemon(t, d)
	waitFor(t, 5*time.Second, "initial sync", func() bool { return log.fresh() == 2 })
	// The server vanishes without a word: only the deadlines can tell.
	px.freeze()
	srv.deliver(t, "INBOX", raws[2])
	start := time.Now()
	waitFor(t, 10*time.Second, "the message filed over a new connection", func() bool { return log.fresh() == 3 })
	t.Logf("silent connection replaced and message filed after %v", time.Since(start))
	stop()
	if px.conns.Load() < 2 {
		t.Errorf("%d connections, want a redial", px.conns.Load())
	}
	assertFiledOnce(t, st, raws[:3])
}
