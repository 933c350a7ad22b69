package web

import (
	"crypto/sha256"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"
)

func init() { bcryptCost = bcrypt.MinCost } // tests sign in often

// usersFile writes a users file with an editor and a viewer.
func usersFile(t testing.TB) *Users {
	t.Helper()
	u, err := LoadUsers(filepath.Join(t.TempDir(), "users"))
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range [][3]string{{"erin", roleEditor, "editor-password"}, {"vic", roleViewer, "viewer-password"}} {
		if err := u.Set(x[0], x[1], x[2]); err != nil {
			t.Fatal(err)
		}
	}
	fi, err := os.Stat(u.path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("users file mode %v, %v", fi.Mode(), err)
	}
	back, err := LoadUsers(u.path)
	if err != nil || back.Len() != 2 {
		t.Fatalf("reload: %v, %d users", err, back.Len())
	}
	return back
}

// signIn posts the login form and returns the session cookie.
func signIn(t testing.TB, h http.Handler, name, pass string) (*http.Response, *http.Cookie) {
	t.Helper()
	form := url.Values{"name": {name}, "password": {pass}, "next": {"/labs"}}
	res, _ := do(t, h, "POST", "/login", strings.NewReader(form.Encode()), "Sec-Fetch-Site", "same-origin")
	for _, c := range res.Cookies() {
		if c.Name == sessionCookie || c.Name == plainCookie {
			return res, c
		}
	}
	return res, nil
}

func TestLogin(t *testing.T) {
	path := corpusStore(t)
	h, logs := testServer(t, path, Options{Users: usersFile(t), Secure: true})

	res, _ := do(t, h, "GET", "/labs?sort=last", nil)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/login?next=%2Flabs%3Fsort%3Dlast" {
		t.Fatalf("signed out: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	if res, _ := do(t, h, "GET", "/messages/1/raw", nil); res.StatusCode != http.StatusSeeOther {
		t.Errorf("raw without a session: %d", res.StatusCode)
	}
	if res, body := do(t, h, "GET", "/login", nil); res.StatusCode != 200 || !strings.Contains(body, `name="password"`) {
		t.Errorf("login form: %d", res.StatusCode)
	}
	if res, c := signIn(t, h, "erin", "wrong-password"); res.StatusCode != http.StatusUnauthorized || c != nil {
		t.Errorf("wrong password: %d, cookie %v", res.StatusCode, c)
	}
	res, c := signIn(t, h, "erin", "editor-password")
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/labs" || c == nil {
		t.Fatalf("login: %d %q %v", res.StatusCode, res.Header.Get("Location"), c)
	}
	if c.Name != "__Host-session" || !c.HttpOnly || !c.Secure || c.SameSite != http.SameSiteStrictMode || c.Path != "/" {
		t.Errorf("session cookie %+v", c)
	}
	res, body := do(t, h, "GET", "/", nil, "Cookie", c.Name+"="+c.Value)
	if res.StatusCode != 200 || !strings.Contains(body, "erin") {
		t.Errorf("signed in: %d", res.StatusCode)
	}
	if !strings.Contains(logs.String(), "user=erin") {
		t.Error("access log does not name the user")
	}
	if strings.Contains(logs.String(), "editor-password") || strings.Contains(logs.String(), c.Value) {
		t.Error("a password or session token in the log")
	}
	if res, _ := do(t, h, "GET", "/", nil, "Cookie", c.Name+"=forged"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("forged session: %d", res.StatusCode)
	}
	res, _ = do(t, h, "POST", "/logout", nil, "Cookie", c.Name+"="+c.Value, "Sec-Fetch-Site", "same-origin")
	if res.StatusCode != http.StatusSeeOther {
		t.Errorf("logout: %d", res.StatusCode)
	}
	if res, _ := do(t, h, "GET", "/", nil, "Cookie", c.Name+"="+c.Value); res.StatusCode != http.StatusSeeOther {
		t.Errorf("session still valid after logout: %d", res.StatusCode)
	}
	// A redirect after login stays on this site.
	form := url.Values{"name": {"vic"}, "password": {"viewer-password"}, "next": {"//evil.example/"}}
	if res, _ := do(t, h, "POST", "/login", strings.NewReader(form.Encode()), "Sec-Fetch-Site", "same-origin"); res.Header.Get("Location") != "/" {
		t.Errorf("next=//evil.example/ redirects to %q", res.Header.Get("Location"))
	}
}

func TestLoginRateLimit(t *testing.T) {
	now := time.Date(2021, 4, 1, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	h, _ := testServer(t, corpusStore(t), Options{Users: usersFile(t), Now: clock})
	for i := range loginFailures {
		if res, _ := signIn(t, h, "erin", fmt.Sprint("guess", i)); res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("attempt %d: %d", i, res.StatusCode)
		}
	}
	res, c := signIn(t, h, "erin", "editor-password")
	if res.StatusCode != http.StatusTooManyRequests || c != nil {
		t.Fatalf("after %d failures the right password: %d, cookie %v", loginFailures, res.StatusCode, c)
	}
	now = now.Add(loginWindow + time.Second)
	if res, c := signIn(t, h, "erin", "editor-password"); res.StatusCode != http.StatusSeeOther || c == nil {
		t.Errorf("after the window: %d", res.StatusCode)
	}
}

// TestCrossOrigin: a state-changing request from another site is refused
// (net/http's CrossOriginProtection reads Sec-Fetch-Site and Origin).
func TestCrossOrigin(t *testing.T) {
	h, _ := testServer(t, corpusStore(t), Options{})
	for _, hdr := range [][]string{
		{"Sec-Fetch-Site", "cross-site"},
		{"Origin", "https://evil.example"},
	} {
		res, _ := do(t, h, "POST", "/lang", strings.NewReader("lang=nl&back=/"), hdr...)
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("%v: %d, want 403", hdr, res.StatusCode)
		}
		if len(res.Cookies()) != 0 {
			t.Errorf("%v: a cookie was set", hdr)
		}
	}
	if res, _ := do(t, h, "POST", "/lang", strings.NewReader("lang=nl&back=/"), "Sec-Fetch-Site", "same-origin"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("same-origin: %d", res.StatusCode)
	}
}

// TestGetChangesNothing: every page read leaves the store file's bytes as
// they were, even through a read-write handle.
func TestGetChangesNothing(t *testing.T) {
	path, lab, id, _ := hostileStore(t)
	before := fileHash(t, path)
	h, _ := testServer(t, path, Options{})
	for _, target := range []string{"/", "/labs", "/labs/" + url.PathEscape(lab), "/labs/" + url.PathEscape(lab) + "/followup", fmt.Sprintf("/messages/%d", id),
		fmt.Sprintf("/messages/%d/raw", id), "/review", "/login", "/static/app.js"} {
		do(t, h, "GET", target, nil)
		do(t, h, "HEAD", target, nil)
	}
	if fileHash(t, path) != before {
		t.Error("a GET changed the store file")
	}
}

func fileHash(t testing.TB, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestSecurityHeaders(t *testing.T) {
	h, _ := testServer(t, corpusStore(t), Options{Secure: true})
	res, body := do(t, h, "GET", "/", nil)
	csp := res.Header.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'none'", "script-src 'nonce-", "frame-ancestors 'none'", "form-action 'self'", "base-uri 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP lacks %q: %s", want, csp)
		}
	}
	nonce := csp[strings.Index(csp, "'nonce-")+7:]
	nonce = nonce[:strings.IndexByte(nonce, '\'')]
	if !strings.Contains(body, `nonce="`+nonce+`"`) {
		t.Error("the script tag does not carry the CSP's nonce")
	}
	_, body2 := do(t, h, "GET", "/", nil)
	if strings.Contains(body2, nonce) {
		t.Error("the nonce is the same on two answers")
	}
	for k, v := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer",
		"Cache-Control": "no-store", "Strict-Transport-Security": "max-age=31536000"} {
		if res.Header.Get(k) != v {
			t.Errorf("%s: %q, want %q", k, res.Header.Get(k), v)
		}
	}
}
