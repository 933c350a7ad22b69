package ingest

import (
	"bufio"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"mime"
	"net"
	"os"
	"strconv"
	"time"

	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-message/charset"
)

// splitAddr splits host:port; a missing port means the usual one for the
// TLS mode.
func splitAddr(addr, tlsMode string) (host, port string, err error) {
	host, port, err = net.SplitHostPort(addr)
	if err != nil {
		var ae *net.AddrError
		if !errors.As(err, &ae) || ae.Err != "missing port in address" {
			return "", "", err
		}
		host, port = addr, "993"
		if tlsMode != "implicit" {
			port = "143"
		}
	}
	if host == "" {
		return "", "", errors.New("empty host")
	}
	if n, err := strconv.Atoi(port); err != nil || n <= 0 || n > 65535 {
		return "", "", fmt.Errorf("bad port %q", port)
	}
	return host, port, nil
}

// isLoopback reports whether host names this machine only; cleartext
// secrets may be sent there and nowhere else.
func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func (c *IMAPConfig) tlsConfig(host string) (*tls.Config, error) {
	tc := &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12, NextProtos: []string{"imap"}}
	if c.ServerName != "" {
		tc.ServerName = c.ServerName
	}
	if c.CAFile != "" {
		pem, err := os.ReadFile(c.CAFile)
		if err != nil {
			return nil, fmt.Errorf("CA file: %w", err)
		}
		pool, err := x509.SystemCertPool()
		if err != nil || pool == nil {
			pool = x509.NewCertPool()
		}
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("CA file %s: no PEM certificate in it", c.CAFile)
		}
		tc.RootCAs = pool
	}
	return tc, nil
}

// deadlineConn is the net.Conn handed to imapclient. The client clears the
// read deadline whenever it waits for the next response, so a server that
// silently vanishes (no FIN, no RST) would block it forever; deadlineConn
// turns every "no deadline" into "Timeout from now". The watch loop restarts
// IDLE more often than that, so a live idle connection never trips it.
type deadlineConn struct {
	net.Conn
	silence time.Duration
}

func newDeadlineConn(c net.Conn, silence time.Duration) *deadlineConn {
	dc := &deadlineConn{Conn: c, silence: silence}
	_ = dc.SetReadDeadline(time.Time{})
	return dc
}

func (c *deadlineConn) Read(b []byte) (int, error) {
	n, err := c.Conn.Read(b)
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		// imapclient swallows a timeout met while peeking for the next
		// response and reads on under a fresh 30s deadline; closing makes
		// the first timeout final.
		c.Conn.Close()
	}
	return n, err
}

func (c *deadlineConn) SetReadDeadline(t time.Time) error {
	if t.IsZero() && c.silence > 0 {
		t = time.Now().Add(c.silence)
	}
	return c.Conn.SetReadDeadline(t)
}

func (c *deadlineConn) SetDeadline(t time.Time) error {
	if err := c.SetReadDeadline(t); err != nil {
		return err
	}
	return c.Conn.SetWriteDeadline(t)
}

// bufferedConn reads the socket through a 256 KiB buffer. crypto/tls asks
// for one record (at most 16 KiB) at a time, so an initial sync made one
// read system call per 8 KiB of mail.
func bufferedConn(c net.Conn) net.Conn {
	return &readBuffered{Conn: c, r: bufio.NewReaderSize(c, 256<<10)}
}

type readBuffered struct {
	net.Conn
	r *bufio.Reader
}

func (c *readBuffered) Read(b []byte) (int, error) { return c.r.Read(b) }

// session is one connection to the server, authenticated.
type imapSession struct {
	c      *imapclient.Client
	conn   *deadlineConn
	host   string
	exists chan uint32 // EXISTS counts announced by the server (IDLE wake-ups)
}

// dialIMAP connects, secures and greets; it does not log in.
func dialIMAP(ctx context.Context, cfg *IMAPConfig) (*imapSession, error) {
	host, port, err := splitAddr(cfg.Addr, cfg.TLS)
	if err != nil {
		return nil, fmt.Errorf("%w: --imap-addr %q: %v", ErrConfig, cfg.Addr, err)
	}
	addr := net.JoinHostPort(host, port)
	if cfg.TLS == "none" && !isLoopback(host) {
		return nil, &PermanentError{fmt.Errorf("%w: refusing to send credentials in clear to %s (--tls none is only for loopback servers)", ErrConfig, host)}
	}
	tc, err := cfg.tlsConfig(host)
	if err != nil {
		return nil, &PermanentError{fmt.Errorf("%w: %v", ErrConfig, err)}
	}
	d := net.Dialer{Timeout: min(cfg.Timeout, 30*time.Second), KeepAlive: 30 * time.Second}
	raw, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("connect to %s: %w", addr, err)
	}
	conn := bufferedConn(raw)
	s := &imapSession{host: host, exists: make(chan uint32, 1)}
	opts := &imapclient.Options{
		WordDecoder: &mime.WordDecoder{CharsetReader: charset.Reader},
		UnilateralDataHandler: &imapclient.UnilateralDataHandler{
			Mailbox: func(m *imapclient.UnilateralDataMailbox) {
				if m.NumMessages != nil {
					s.notify(*m.NumMessages)
				}
			},
		},
	}
	switch cfg.TLS {
	case "implicit":
		tconn := tls.Client(conn, tc)
		hctx, cancel := context.WithTimeout(ctx, d.Timeout)
		err := tconn.HandshakeContext(hctx)
		cancel()
		if err != nil {
			raw.Close()
			return nil, tlsError(addr, err)
		}
		s.conn = newDeadlineConn(tconn, cfg.Timeout)
		s.c = imapclient.New(s.conn, opts)
	case "starttls":
		opts.TLSConfig = tc
		s.conn = newDeadlineConn(conn, cfg.Timeout)
		s.c, err = imapclient.NewStartTLS(s.conn, opts)
		if err != nil {
			raw.Close()
			return nil, tlsError(addr, fmt.Errorf("STARTTLS: %w", err))
		}
	case "none":
		s.conn = newDeadlineConn(conn, cfg.Timeout)
		s.c = imapclient.New(s.conn, opts)
	}
	if err := s.c.WaitGreeting(); err != nil {
		s.c.Close()
		return nil, fmt.Errorf("greeting from %s: %w", addr, err)
	}
	return s, nil
}

// notify records that the mailbox now has n messages, without blocking the
// client's reader: only the latest count matters.
func (s *imapSession) notify(n uint32) {
	for {
		select {
		case s.exists <- n:
			return
		default:
		}
		select {
		case <-s.exists:
		default:
		}
	}
}

// close logs out politely, bounded in time, then closes.
func (s *imapSession) close() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = s.c.Logout().Wait()
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
	}
	_ = s.c.Close()
}

// tlsError names the server in certificate failures, which crypto/tls does
// not always do, and says what to do about them.
func tlsError(addr string, err error) error {
	var (
		ua   x509.UnknownAuthorityError
		hn   x509.HostnameError
		ci   x509.CertificateInvalidError
		verr *tls.CertificateVerificationError
	)
	switch {
	case errors.As(err, &ua), errors.As(err, &ci):
		return &PermanentError{fmt.Errorf("TLS with %s: server certificate not trusted: %w (for a private CA use --ca-file)", addr, err)}
	case errors.As(err, &hn):
		return &PermanentError{fmt.Errorf("TLS with %s: certificate is not valid for this host: %w (see --server-name)", addr, err)}
	case errors.As(err, &verr):
		return &PermanentError{fmt.Errorf("TLS with %s: certificate verification failed: %w", addr, err)}
	}
	return fmt.Errorf("TLS with %s: %w", addr, err)
}

// PermanentError marks failures that retrying soon will not cure (bad
// credentials, an untrusted certificate, a wrong configuration): the daemon
// backs off to its longest delay instead of hammering the server.
type PermanentError struct{ Err error }

func (e *PermanentError) Error() string { return e.Err.Error() }
func (e *PermanentError) Unwrap() error { return e.Err }
