// Package web is the analysts' workbench over the store: server-rendered
// pages (html/template, assets embedded, no script but a small keyboard
// helper), SVG charts drawn here, and the one-file situation report that
// `cyberintake report` writes from the same data and templates. It reads
// and changes the store only through package store's API.
package web

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"cyberintake/store"
)

// Options configure a Server. Store is required.
type Options struct {
	Store *store.Store
	// Logger receives the access log (route, status, duration, user: never
	// a path, query or form value, which may hold mail content) and who
	// changed what. Nil means slog.Default().
	Logger *slog.Logger
	// Users, when set, requires a login (sessions in cookies); nil serves
	// everyone as LocalUser, for loopback use.
	Users *Users
	// LocalUser is who changes are recorded as without Users ($USER).
	LocalUser string
	// Secure marks cookies Secure and sends HSTS: set when serving TLS.
	Secure bool
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// Server serves the pages. Create it with New.
type Server struct {
	opts     Options
	log      *slog.Logger
	sessions *sessions
	limiter  *limiter
	mux      *http.ServeMux
	cache    datasetCache
}

// New checks opts and builds the routes.
func New(opts Options) (*Server, error) {
	if opts.Store == nil {
		return nil, errors.New("web: no store")
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	s := &Server{opts: opts, log: opts.Logger, sessions: newSessions(opts.Now), limiter: newLimiter(opts.Now)}
	if s.log == nil {
		s.log = slog.Default()
	}
	s.routes()
	return s, nil
}

// routes names every path in one place; tests and links rely on them.
func (s *Server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /{$}", s.page("overview", s.overview))
	m.HandleFunc("GET /labs", s.page("labs", s.labs))
	m.HandleFunc("GET /labs/{lab}", s.page("lab", s.lab))
	m.HandleFunc("GET /labs/{lab}/followup", s.need(roleViewer, s.followupDraft))
	m.HandleFunc("GET /messages/{id}", s.page("message", s.message))
	m.HandleFunc("GET /messages/{id}/raw", s.need(roleViewer, s.raw))
	m.HandleFunc("GET /review", s.page("review", s.review))
	m.HandleFunc("POST /lang", s.setLang)
	m.HandleFunc("GET /login", s.loginForm)
	m.HandleFunc("POST /login", s.login)
	m.HandleFunc("POST /logout", s.logout)
	static := http.StripPrefix("/static/", staticHandler())
	m.HandleFunc("GET /static/", func(w http.ResponseWriter, r *http.Request) { s.route(r); static.ServeHTTP(w, r) })
	s.actions(m)
	s.mux = m
}

// Handler is the whole site: security headers, cross-origin protection of
// every state-changing request, then the routes, with the access log
// outermost.
func (s *Server) Handler() http.Handler {
	cop := http.NewCrossOriginProtection()
	return s.accessLog(secureHeaders(s.opts.Secure, cop.Handler(s.mux)))
}

// handlerFunc renders a page body or fails with an error that names an
// HTTP status (statusError) or is a store error.
type handlerFunc func(ctx context.Context, r *http.Request, p *pageData) error

// pageData is what the layout and every page template get.
type pageData struct {
	L     Lang
	Langs []string
	Nonce string
	Title string
	Nav   string
	Back  string // where the language switch returns
	User  string
	Role  string
	Login bool // signed in through the users file (a logout button)
	Flash string
	Now   time.Time
	Body  any
}

// CanEdit tells an editor.
func (p *pageData) CanEdit() bool { return p.Role == roleEditor }

// page wraps a page handler: login, the language, rendering, errors.
func (s *Server) page(name string, h handlerFunc) http.HandlerFunc {
	return s.need(roleViewer, func(w http.ResponseWriter, r *http.Request) {
		p := s.newPage(w, r, name)
		if err := h(r.Context(), r, p); err != nil {
			s.fail(w, r, p, err)
			return
		}
		render(w, name, p, http.StatusOK)
	})
}

func (s *Server) newPage(w http.ResponseWriter, r *http.Request, nav string) *pageData {
	u := userOf(r)
	back := r.URL.RequestURI() // escaped: a lab name from mail stays encoded
	return &pageData{L: pickLang(r), Langs: Languages, Nonce: nonceOf(r), Nav: nav, Back: back,
		User: u.Name, Role: u.Role, Login: s.opts.Users != nil, Now: s.opts.Now(), Flash: flashOf(r.URL.Query().Get("done"), pickLang(r))}
}

// flashOf says what an action did, from the code its redirect carries;
// any other text is ignored (a link must not put words on the page).
func flashOf(code string, l Lang) string {
	switch code {
	case "corrected", "unchanged", "accepted", "undone":
		return l.T("flash_" + code)
	}
	return ""
}

// statusError is an error with the HTTP status it should answer.
type statusError struct {
	code int
	msg  string // shown to the person: no mail content
}

func (e *statusError) Error() string { return e.msg }

func notFound(msg string) error { return &statusError{http.StatusNotFound, msg} }

// fail answers an error as a page; store errors are logged, not shown.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, p *pageData, err error) {
	var se *statusError
	switch {
	case errors.As(err, &se):
	case errors.Is(err, store.ErrNotFound):
		se = &statusError{http.StatusNotFound, p.L.T("not_found")}
	case errors.Is(err, store.ErrBusy):
		se = &statusError{http.StatusServiceUnavailable, p.L.T("busy")}
	default:
		s.log.Error("page failed", "route", r.Pattern, "err", err)
		se = &statusError{http.StatusInternalServerError, p.L.T("internal_error")}
	}
	p.Title, p.Body = strconv.Itoa(se.code), se.msg
	render(w, "error", p, se.code)
}

// pathID reads the {id} of a route.
func pathID(r *http.Request) (uint64, error) {
	id, err := strconv.ParseUint(r.PathValue("id"), 10, 64)
	if err != nil {
		return 0, notFound("no such message")
	}
	return id, nil
}
