package ingest

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// writeClientCert writes a self-signed certificate and its PKCS#8 key, as
// openssl req -x509 -newkey rsa:2048 does, and returns their paths.
func writeClientCert(t *testing.T, dir string) (certFile, keyFile string, cert *x509.Certificate) {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "cyberintake"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ = x509.ParseCertificate(der)
	pk, _ := x509.MarshalPKCS8PrivateKey(key)
	certFile, keyFile = filepath.Join(dir, "app.crt"), filepath.Join(dir, "app.key")
	os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644)
	os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: pk}), 0o600)
	return certFile, keyFile, cert
}

// checkAssertion verifies a client assertion as Entra ID does: RS256
// signature by the uploaded certificate's key, the certificate's
// thumbprint in the header, and the claims.
func checkAssertion(jwt string, cert *x509.Certificate, clientID, aud string) string {
	parts := strings.Split(jwt, ".")
	if len(parts) != 3 {
		return "not a JWS"
	}
	b64 := base64.RawURLEncoding
	sig, _ := b64.DecodeString(parts[2])
	digest := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	if err := rsa.VerifyPKCS1v15(cert.PublicKey.(*rsa.PublicKey), crypto.SHA256, digest[:], sig); err != nil {
		return "signature: " + err.Error()
	}
	var h map[string]string
	var c struct {
		Aud, Iss, Sub, Jti string
		Nbf, Exp           int64
	}
	hb, _ := b64.DecodeString(parts[0])
	cb, _ := b64.DecodeString(parts[1])
	if json.Unmarshal(hb, &h) != nil || json.Unmarshal(cb, &c) != nil {
		return "undecodable header or claims"
	}
	thumb := sha256.Sum256(cert.Raw)
	if h["alg"] != "RS256" || h["typ"] != "JWT" || h["x5t#S256"] != b64.EncodeToString(thumb[:]) || len(h["x5t"]) != 27 {
		return "header " + string(hb)
	}
	now := time.Now().Unix()
	if c.Aud != aud || c.Iss != clientID || c.Sub != clientID || len(c.Jti) < 16 ||
		c.Nbf > now+5 || c.Nbf < now-60 || c.Exp != c.Nbf+600 {
		return "claims " + string(cb)
	}
	return ""
}

// TestOAuthClientCertificate: with a certificate instead of a client
// secret, each token request carries a fresh client assertion the
// endpoint can verify with the certificate, no client secret, and the
// token obtained logs in with XOAUTH2; tokens are still cached.
func TestOAuthClientCertificate(t *testing.T) {
	const mailbox, clientID = "QL_secretariat@sciensano.be", "11111111-2222-3333-4444-555555555555"
	srv, err := StartMemServer(&MemServerOptions{User: mailbox, Token: "tok-cert"})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	srv.Deliver("INBOX", samples(t)[:2]...)
	certFile, keyFile, cert := writeClientCert(t, t.TempDir())

	var tokenURL string
	jtis := map[string]bool{}
	ep := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		f := r.PostForm
		w.Header().Set("Content-Type", "application/json")
		problem := checkAssertion(f.Get("client_assertion"), cert, clientID, tokenURL)
		if _, _, basic := r.BasicAuth(); basic || f.Has("client_secret") || f.Get("grant_type") != "client_credentials" ||
			f.Get("client_assertion_type") != clientAssertionType || f.Get("scope") != DefaultOAuthScope || f.Get("client_id") != clientID {
			problem += " form " + f.Encode()
		}
		if jtis[f.Get("client_assertion")] {
			problem += " assertion reused"
		}
		jtis[f.Get("client_assertion")] = true
		if problem != "" {
			t.Errorf("token request: %s", problem)
			w.WriteHeader(http.StatusUnauthorized)
			json.NewEncoder(w).Encode(map[string]string{"error": "invalid_client"})
			return
		}
		json.NewEncoder(w).Encode(map[string]any{"access_token": "tok-cert", "token_type": "Bearer", "expires_in": 120})
	}))
	defer ep.Close()
	tokenURL = ep.URL + "/tenant-1/oauth2/v2.0/token"

	cfg, err := ResolveIMAPConfig(ConfigSources{Getenv: func(string) string { return "" }, Flags: map[string][]string{
		"imap-addr": {srv.Addr}, "tls": {"none"}, "user": {mailbox}, "oauth-client-id": {clientID},
		"oauth-client-cert-file": {certFile}, "oauth-client-key-file": {keyFile}, "oauth-token-url": {tokenURL},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(cfg.String(), "PRIVATE KEY") {
		t.Errorf("String() shows the key: %s", cfg)
	}
	d, _ := newTestDaemon(t, cfg, newTestStore(t))
	for range 2 { // the token expires within tokenRefreshEarly: one request per login
		if _, err := d.Once(context.Background()); err != nil {
			t.Fatalf("Once = %v", err)
		}
	}
	if n := srv.Logins.Load(); n != 2 || len(jtis) != 2 {
		t.Errorf("%d logins, %d token requests, want 2 and 2", n, len(jtis))
	}
}

func TestOAuthClientCertificateConfig(t *testing.T) {
	dir := t.TempDir()
	certFile, keyFile, _ := writeClientCert(t, dir)
	otherDir := filepath.Join(dir, "other")
	os.Mkdir(otherDir, 0o700)
	_, otherKey, _ := writeClientCert(t, otherDir)
	secretFile := filepath.Join(dir, "secret")
	os.WriteFile(secretFile, []byte("x\n"), 0o600)
	openKey := filepath.Join(dir, "open.key")
	b, _ := os.ReadFile(keyFile)
	os.WriteFile(openKey, b, 0o644)
	resolve := func(kv ...string) (*IMAPConfig, error) {
		m := map[string][]string{"imap-addr": {"outlook.office365.com:993"}, "user": {"ql@example.org"},
			"oauth-tenant": {"t"}, "oauth-client-id": {"cid"}}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = []string{kv[i+1]}
		}
		return ResolveIMAPConfig(ConfigSources{Getenv: func(string) string { return "" }, Flags: m})
	}
	if cfg, err := resolve("oauth-client-cert-file", certFile, "oauth-client-key-file", keyFile); err != nil || cfg.appTokens == nil || len(cfg.Warnings) != 0 {
		t.Errorf("cert config: %v %+v", err, cfg)
	}
	cfg, err := resolve("oauth-client-cert-file", certFile, "oauth-client-key-file", openKey)
	if err != nil || len(cfg.Warnings) != 1 || !strings.Contains(cfg.Warnings[0], "oauth-client-key-file") {
		t.Errorf("readable key: %v, warnings %q", err, cfg.Warnings)
	}
	for _, tc := range []struct {
		kv   []string
		want string
	}{
		{[]string{"oauth-client-secret-file", secretFile, "oauth-client-cert-file", certFile, "oauth-client-key-file", keyFile}, "both a client secret"},
		{[]string{"oauth-client-secret-file", secretFile, "oauth-client-key-file", keyFile}, "both a client secret"},
		{[]string{"oauth-client-cert-file", certFile}, "needs both"},
		{[]string{"oauth-client-key-file", keyFile}, "needs both"},
		{[]string{"oauth-client-cert-file", certFile, "oauth-client-key-file", otherKey}, "does not match"},
		{[]string{"oauth-client-cert-file", keyFile, "oauth-client-key-file", keyFile}, "no PEM CERTIFICATE"},
		{[]string{"oauth-client-cert-file", certFile, "oauth-client-key-file", certFile}, "not a PKCS#1 or PKCS#8"},
		{[]string{"oauth-client-cert-file", certFile, "oauth-client-key-file", filepath.Join(dir, "missing")}, "oauth client key file"},
		{[]string{"oauth-client-cert-file", filepath.Join(dir, "missing"), "oauth-client-key-file", keyFile}, "oauth client cert file"},
	} {
		if _, err := resolve(tc.kv...); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: err = %v, want %q", tc.kv, err, tc.want)
		}
	}
}
