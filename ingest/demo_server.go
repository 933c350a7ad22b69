package ingest

import (
	"bytes"
	"crypto/tls"
	"fmt"
	"io"
	"log"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"
	"github.com/emersion/go-sasl"
)

// MemServerOptions tune StartMemServer. A nil *MemServerOptions is valid.
type MemServerOptions struct {
	User, Password string // default "demo" / "demo"
	// Token, if set, is the OAuth2 access token accepted by XOAUTH2 and
	// OAUTHBEARER (both are then offered).
	Token string
	// TLS, if set, enables STARTTLS; with ImplicitTLS the listener speaks TLS
	// from the first byte instead.
	TLS         *tls.Config
	ImplicitTLS bool
	// Addr to listen on; default 127.0.0.1:0.
	Addr string
}

// MemServer is go-imap's in-memory IMAP server on a loopback port: the
// demo's mailbox and the default server of the tests.
type MemServer struct {
	Addr   string
	User   *imapmemserver.User
	Logins atomic.Int32 // login attempts, successful or not

	opts MemServerOptions
	srv  *imapserver.Server
	done chan struct{}
}

// StartMemServer listens on loopback and serves one user with an empty
// INBOX until Close.
func StartMemServer(opts *MemServerOptions) (*MemServer, error) {
	m := &MemServer{}
	if opts != nil {
		m.opts = *opts
	}
	if m.opts.User == "" {
		m.opts.User, m.opts.Password = "demo", "demo"
	}
	if m.opts.Addr == "" {
		m.opts.Addr = "127.0.0.1:0"
	}
	m.User = imapmemserver.NewUser(m.opts.User, m.opts.Password)
	if err := m.User.Create("INBOX", nil); err != nil {
		return nil, fmt.Errorf("create INBOX: %w", err)
	}
	if err := m.listen(); err != nil {
		return nil, err
	}
	return m, nil
}

func (m *MemServer) listen() error {
	caps := imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapUIDPlus: {}, imap.CapMove: {}, imap.CapNamespace: {}}
	m.srv = imapserver.New(&imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return &memSession{srv: m}, nil, nil
		},
		Caps:         caps,
		TLSConfig:    m.opts.TLS,
		InsecureAuth: true,
		Logger:       log.New(io.Discard, "", 0),
	})
	ln, err := net.Listen("tcp", m.opts.Addr)
	if err != nil {
		return fmt.Errorf("listen for the in-memory IMAP server: %w", err)
	}
	if m.opts.ImplicitTLS && m.opts.TLS != nil {
		ln = tls.NewListener(ln, m.opts.TLS)
	}
	m.Addr = ln.Addr().String()
	m.opts.Addr = m.Addr // a restart listens on the same port
	m.done = make(chan struct{})
	go func() {
		defer close(m.done)
		_ = m.srv.Serve(ln)
	}()
	return nil
}

// Restart drops every connection and listens again on the same port with
// the same mailboxes, like a server restart.
func (m *MemServer) Restart() error {
	m.Close()
	return m.listen()
}

// Close stops the server and drops its connections.
func (m *MemServer) Close() error {
	err := m.srv.Close()
	<-m.done
	return err
}

// Deliver appends raw messages to mailbox, as a mail server's delivery would.
func (m *MemServer) Deliver(mailbox string, raws ...[]byte) error {
	for i, raw := range raws {
		if _, err := m.User.Append(mailbox, bytes.NewReader(raw), &imap.AppendOptions{Time: time.Now()}); err != nil {
			return fmt.Errorf("deliver message %d to %s: %w", i, mailbox, err)
		}
	}
	return nil
}

// memSession is imapmemserver's session with login counting and SASL
// mechanisms including XOAUTH2.
type memSession struct {
	*imapmemserver.UserSession // nil until logged in
	srv                        *MemServer
	mu                         sync.Mutex
}

func (s *memSession) Login(user, pass string) error {
	s.srv.Logins.Add(1)
	if user != s.srv.opts.User || pass != s.srv.opts.Password || pass == "" {
		return imapserver.ErrAuthFailed
	}
	s.mu.Lock()
	s.UserSession = imapmemserver.NewUserSession(s.srv.User)
	s.mu.Unlock()
	return nil
}

func (s *memSession) Close() error { return s.UserSession.Close() }

// Idle first announces what changed since the last command: imapmemserver
// announces only what changes during IDLE, so mail delivered just before
// it would wait for the next command (Dovecot announces it at once).
func (s *memSession) Idle(w *imapserver.UpdateWriter, stop <-chan struct{}) error {
	if err := s.UserSession.Poll(w, true); err != nil {
		return err
	}
	return s.UserSession.Idle(w, stop)
}

func (s *memSession) AuthenticateMechanisms() []string {
	mechs := []string{sasl.Plain}
	if s.srv.opts.Token != "" {
		mechs = append(mechs, "XOAUTH2", sasl.OAuthBearer)
	}
	return mechs
}

func (s *memSession) Authenticate(mech string) (sasl.Server, error) {
	switch strings.ToUpper(mech) {
	case sasl.Plain:
		return sasl.NewPlainServer(func(_, user, pass string) error { return s.Login(user, pass) }), nil
	case sasl.OAuthBearer:
		return sasl.NewOAuthBearerServer(func(o sasl.OAuthBearerOptions) *sasl.OAuthBearerError {
			if err := s.tokenLogin(o.Username, o.Token); err != nil {
				return &sasl.OAuthBearerError{Status: "invalid_token", Schemes: "bearer"}
			}
			return nil
		}), nil
	case "XOAUTH2":
		return &xoauth2Server{check: s.tokenLogin}, nil
	}
	return nil, &imap.Error{Type: imap.StatusResponseTypeNo, Text: "unsupported mechanism"}
}

func (s *memSession) tokenLogin(user, token string) error {
	s.srv.Logins.Add(1)
	if s.srv.opts.Token == "" || user != s.srv.opts.User || token != s.srv.opts.Token {
		return imapserver.ErrAuthFailed
	}
	s.mu.Lock()
	s.UserSession = imapmemserver.NewUserSession(s.srv.User)
	s.mu.Unlock()
	return nil
}

// xoauth2Server checks "user=U^Aauth=Bearer T^A^A"; on failure it sends
// the JSON challenge and fails after the client's empty answer, as Gmail does.
type xoauth2Server struct {
	check  func(user, token string) error
	failed bool
}

func (x *xoauth2Server) Next(resp []byte) ([]byte, bool, error) {
	if x.failed {
		return nil, true, imapserver.ErrAuthFailed
	}
	var user, token string
	for _, f := range strings.Split(string(resp), "\x01") {
		if v, ok := strings.CutPrefix(f, "user="); ok {
			user = v
		}
		if v, ok := strings.CutPrefix(f, "auth=Bearer "); ok {
			token = v
		}
	}
	if err := x.check(user, token); err != nil {
		x.failed = true
		return []byte(`{"status":"401","schemes":"bearer"}`), false, nil
	}
	return nil, true, nil
}

// CountFlag counts the messages of mailbox that carry flag, over a plain
// loopback connection (tests and the demo check what the daemon marked).
func CountFlag(addr, user, pass, mailbox string, flag imap.Flag) (int, error) {
	c, err := imapclient.DialInsecure(addr, nil)
	if err != nil {
		return 0, fmt.Errorf("count %s: %w", flag, err)
	}
	defer c.Close()
	if err := c.Login(user, pass).Wait(); err != nil {
		return 0, fmt.Errorf("count %s: login: %w", flag, err)
	}
	if _, err := c.Select(mailbox, &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		return 0, fmt.Errorf("count %s: examine %s: %w", flag, mailbox, err)
	}
	data, err := c.UIDSearch(&imap.SearchCriteria{Flag: []imap.Flag{flag}}, nil).Wait()
	if err != nil {
		return 0, fmt.Errorf("count %s: search: %w", flag, err)
	}
	_ = c.Logout().Wait()
	return len(data.AllUIDs()), nil
}
