package web

import (
	"crypto/rand"
	"encoding/base64"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Sessions live in memory: a restart signs everyone out, which is fine
// for a handful of analysts and leaves nothing to steal on disk.
const (
	sessionTTL     = 12 * time.Hour
	maxSessions    = 10000
	loginFailures  = 5           // per window, per client address and per name
	loginWindow    = time.Minute // rate limit window
	sessionCookie  = "__Host-session"
	plainCookie    = "session" // without TLS (loopback tests) __Host- needs Secure
	maxLoginFields = 256
)

type session struct {
	user    User
	expires time.Time
}

type sessions struct {
	mu  sync.Mutex
	m   map[string]session
	now func() time.Time
}

func newSessions(now func() time.Time) *sessions {
	return &sessions{m: map[string]session{}, now: now}
}

func (s *sessions) create(u User) string {
	var b [32]byte
	rand.Read(b[:])
	tok := base64.RawURLEncoding.EncodeToString(b[:])
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	if len(s.m) >= maxSessions {
		for k, v := range s.m {
			if now.After(v.expires) {
				delete(s.m, k)
			}
		}
	}
	s.m[tok] = session{u, now.Add(sessionTTL)}
	return tok
}

func (s *sessions) get(tok string) (User, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[tok]
	if !ok || s.now().After(v.expires) {
		delete(s.m, tok)
		return User{}, false
	}
	return v.user, true
}

func (s *sessions) end(tok string) {
	s.mu.Lock()
	delete(s.m, tok)
	s.mu.Unlock()
}

// limiter counts failed logins per key (client address, user name) in a
// fixed window.
type limiter struct {
	mu  sync.Mutex
	m   map[string][]time.Time
	now func() time.Time
}

func newLimiter(now func() time.Time) *limiter {
	return &limiter{m: map[string][]time.Time{}, now: now}
}

// blocked tells whether key failed loginFailures times in the window.
func (l *limiter) blocked(key string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.recent(key)) >= loginFailures
}

func (l *limiter) fail(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.m) > 100000 { // an address scan must not grow the map forever
		clear(l.m)
	}
	l.m[key] = append(l.recent(key), l.now())
}

func (l *limiter) recent(key string) []time.Time {
	cut := l.now().Add(-loginWindow)
	ts := l.m[key]
	i := 0
	for i < len(ts) && ts[i].Before(cut) {
		i++
	}
	ts = ts[i:]
	l.m[key] = ts
	return ts
}

// userHolder lets the access log (outermost) learn who the inner handlers
// found signed in, and which route answered.
type userHolder struct {
	u     User
	route string
}

func userOf(r *http.Request) User {
	if h, ok := r.Context().Value(userKey).(*userHolder); ok {
		return h.u
	}
	return User{}
}

func (s *Server) cookieName() string {
	if s.opts.Secure {
		return sessionCookie
	}
	return plainCookie
}

// need runs h for a signed-in user with at least role; without a users
// file everyone is LocalUser, an editor (loopback only: cmd/web refuses
// another address without one).
func (s *Server) need(role string, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		holder, _ := r.Context().Value(userKey).(*userHolder)
		if holder == nil {
			holder = &userHolder{}
		}
		holder.route = r.Pattern
		var u User
		if s.opts.Users == nil {
			u = User{Name: s.opts.LocalUser, Role: roleEditor}
		} else if c, err := r.Cookie(s.cookieName()); err == nil {
			u, _ = s.sessions.get(c.Value)
		}
		if u.Role == "" {
			if r.Method == http.MethodGet {
				http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
				return
			}
			http.Error(w, "sign in first", http.StatusUnauthorized)
			return
		}
		holder.u = u
		if role == roleEditor && u.Role != roleEditor {
			http.Error(w, "editors only", http.StatusForbidden)
			return
		}
		h(w, r)
	}
}

func (s *Server) loginForm(w http.ResponseWriter, r *http.Request) {
	s.route(r)
	p := s.newPage(w, r, "login")
	p.Title = p.L.T("login")
	p.Body = safeNext(r.URL.Query().Get("next"))
	render(w, "login", p, http.StatusOK)
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	s.route(r)
	p := s.newPage(w, r, "login")
	p.Title = p.L.T("login")
	if s.opts.Users == nil {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 4096)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	name, pass := r.PostForm.Get("name"), r.PostForm.Get("password")
	next := safeNext(r.PostForm.Get("next"))
	p.Body = next
	addr := clientAddr(r)
	if len(name) > maxLoginFields || len(pass) > maxLoginFields {
		name, pass = "", ""
	}
	if s.limiter.blocked("addr "+addr) || s.limiter.blocked("name "+name) {
		s.log.Warn("login rate-limited", "user", name)
		p.Flash = p.L.T("login_slow")
		w.Header().Set("Retry-After", "60")
		render(w, "login", p, http.StatusTooManyRequests)
		return
	}
	u, ok := s.opts.Users.Check(name, pass)
	if !ok {
		s.limiter.fail("addr " + addr)
		s.limiter.fail("name " + name)
		s.log.Warn("login failed", "user", name)
		p.Flash = p.L.T("login_wrong")
		render(w, "login", p, http.StatusUnauthorized)
		return
	}
	tok := s.sessions.create(u)
	http.SetCookie(w, &http.Cookie{Name: s.cookieName(), Value: tok, Path: "/", HttpOnly: true,
		Secure: s.opts.Secure, SameSite: http.SameSiteStrictMode, MaxAge: int(sessionTTL / time.Second)})
	s.log.Info("login", "user", u.Name, "role", u.Role)
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	s.route(r)
	if c, err := r.Cookie(s.cookieName()); err == nil {
		s.sessions.end(c.Value)
	}
	http.SetCookie(w, &http.Cookie{Name: s.cookieName(), Value: "", Path: "/", HttpOnly: true,
		Secure: s.opts.Secure, SameSite: http.SameSiteStrictMode, MaxAge: -1})
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

// route tells the access log which route answered, for handlers outside need.
func (s *Server) route(r *http.Request) {
	if h, ok := r.Context().Value(userKey).(*userHolder); ok {
		h.route = r.Pattern
	}
}

// safeNext keeps a redirect target on this site: a path, never "//host".
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	return next
}

func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
