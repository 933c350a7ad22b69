package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// fakeTokenEndpoint is Entra ID's token endpoint for one application: it
// checks the client-credentials request and issues tok, valid for
// expiresIn seconds.
func fakeTokenEndpoint(t *testing.T, clientID, secret, tok string, expiresIn int) (url string, requests *atomic.Int32) {
	t.Helper()
	requests = new(atomic.Int32)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		if err := r.ParseForm(); err != nil {
			t.Error(err)
		}
		id, sec, ok := r.BasicAuth()
		if !ok {
			id, sec = r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
		}
		if r.URL.Path != "/tenant-1/oauth2/v2.0/token" || r.PostForm.Get("grant_type") != "client_credentials" ||
			r.PostForm.Get("scope") != DefaultOAuthScope {
			t.Errorf("token request %s %v", r.URL.Path, r.PostForm)
		}
		w.Header().Set("Content-Type", "application/json")
		if id != clientID || sec != secret {
			w.WriteHeader(http.StatusUnauthorized)
			json.NewEncoder(w).Encode(map[string]string{"error": "invalid_client", "error_description": "AADSTS7000215: Invalid client secret provided."})
			return
		}
		json.NewEncoder(w).Encode(map[string]any{"access_token": tok, "token_type": "Bearer", "expires_in": expiresIn})
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/tenant-1/oauth2/v2.0/token", requests
}

// TestOAuthClientCredentials: the daemon gets its access token from the
// token endpoint with the client-credentials grant, logs in with XOAUTH2
// as the mailbox address (the in-memory server checks the XOAUTH2 string),
// reuses the token while it is valid for more than a few minutes, fetches
// a new one before it expires, and reports refused client credentials as
// a refused login.
func TestOAuthClientCredentials(t *testing.T) {
	const mailbox, clientID, secret = "QL_secretariat@sciensano.be", "11111111-2222-3333-4444-555555555555", "s3cret~value"
	srv, err := StartMemServer(&MemServerOptions{User: mailbox, Token: "tok-app"})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	srv.Deliver("INBOX", samples(t)[:2]...)
	secretFile := filepath.Join(t.TempDir(), "client-secret")
	os.WriteFile(secretFile, []byte(secret+"\n"), 0o600)
	resolve := func(t *testing.T, tokenURL string) *IMAPConfig {
		t.Helper()
		cfg, err := ResolveIMAPConfig(ConfigSources{Getenv: func(string) string { return "" }, Flags: map[string][]string{
			"imap-addr": {srv.Addr}, "tls": {"none"}, "user": {mailbox}, "oauth-tenant": {"tenant-1"},
			"oauth-client-id": {clientID}, "oauth-client-secret-file": {secretFile}, "oauth-token-url": {tokenURL},
		}})
		if err != nil {
			t.Fatal(err)
		}
		return cfg
	}

	t.Run("token cached across logins", func(t *testing.T) {
		url, requests := fakeTokenEndpoint(t, clientID, secret, "tok-app", 3600)
		d, _ := newTestDaemon(t, resolve(t, url), newTestStore(t))
		srv.Logins.Store(0)
		for range 3 {
			if _, err := d.Once(context.Background()); err != nil {
				t.Fatalf("Once = %v", err)
			}
		}
		if n := requests.Load(); n != 1 {
			t.Errorf("%d token requests for 3 logins, want 1", n)
		}
		if n := srv.Logins.Load(); n != 3 {
			t.Errorf("%d logins, want 3", n)
		}
	})
	t.Run("token about to expire is replaced", func(t *testing.T) {
		url, requests := fakeTokenEndpoint(t, clientID, secret, "tok-app", 120) // under tokenRefreshEarly
		d, _ := newTestDaemon(t, resolve(t, url), newTestStore(t))
		for range 2 {
			if _, err := d.Once(context.Background()); err != nil {
				t.Fatalf("Once = %v", err)
			}
		}
		if n := requests.Load(); n != 2 {
			t.Errorf("%d token requests, want one per login", n)
		}
	})
	t.Run("wrong token refused by the server", func(t *testing.T) {
		url, _ := fakeTokenEndpoint(t, clientID, secret, "tok-other", 3600)
		d, _ := newTestDaemon(t, resolve(t, url), newTestStore(t))
		if _, err := d.Once(context.Background()); !errors.Is(err, ErrAuth) || !strings.Contains(err.Error(), "XOAUTH2") {
			t.Errorf("Once = %v, want a refused XOAUTH2 login", err)
		}
	})
	t.Run("client secret refused by the endpoint", func(t *testing.T) {
		url, _ := fakeTokenEndpoint(t, clientID, "another secret", "tok-app", 3600)
		d, _ := newTestDaemon(t, resolve(t, url), newTestStore(t))
		srv.Logins.Store(0)
		_, err := d.OnceWithRetry(context.Background())
		var perm *PermanentError
		if !errors.Is(err, ErrAuth) || !errors.As(err, &perm) || !strings.Contains(err.Error(), "invalid_client") || strings.Contains(err.Error(), secret) {
			t.Errorf("OnceWithRetry = %v, want a refused login naming invalid_client, without the secret", err)
		}
		if n := srv.Logins.Load(); n != 0 {
			t.Errorf("%d IMAP logins without a token", n)
		}
	})
}

func TestOAuthClientCredentialsConfig(t *testing.T) {
	dir := t.TempDir()
	secretFile := filepath.Join(dir, "secret")
	os.WriteFile(secretFile, []byte("x\n"), 0o600)
	base := map[string][]string{"imap-addr": {"outlook.office365.com:993"}, "user": {"ql@example.org"}}
	with := func(kv ...string) map[string][]string {
		m := map[string][]string{}
		for k, v := range base {
			m[k] = v
		}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = []string{kv[i+1]}
		}
		return m
	}
	cfg, err := ResolveIMAPConfig(ConfigSources{Getenv: func(string) string { return "" },
		Flags: with("oauth-tenant", "contoso.onmicrosoft.com", "oauth-client-id", "cid", "oauth-client-secret-file", secretFile)})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.OAuthTokenURL != "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token" ||
		cfg.OAuthScope != DefaultOAuthScope || cfg.Auth != "xoauth2" || strings.Contains(cfg.String(), "x\n") {
		t.Errorf("defaults: %+v", cfg)
	}
	for _, tc := range []struct {
		flags map[string][]string
		want  string
	}{
		{with("oauth-client-id", "cid", "oauth-client-secret-file", secretFile), "needs oauth-tenant"},
		{with("oauth-tenant", "t", "oauth-client-id", "cid"), "needs oauth-client-secret-file"},
		{with("oauth-tenant", "t", "oauth-client-secret-file", secretFile), "need oauth-client-id"},
		{with("oauth-tenant", "t", "oauth-client-id", "cid", "oauth-client-secret-file", secretFile, "token-command", "echo t"), "several OAuth token sources"},
		{with("oauth-tenant", "t", "oauth-client-id", "cid", "oauth-client-secret-file", secretFile, "password-file", secretFile), "both a password"},
		{with("oauth-tenant", "t", "oauth-client-id", "cid", "oauth-client-secret-file", filepath.Join(dir, "missing")), "oauth client secret file"},
	} {
		if _, err := ResolveIMAPConfig(ConfigSources{Getenv: func(string) string { return "" }, Flags: tc.flags}); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: err = %v, want %q", tc.flags, err, tc.want)
		}
	}
}
