package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestWebRefusesOpenAddressWithoutTLSAndLogin(t *testing.T) {
	db := corpusDB(t)
	dir := t.TempDir()
	cert, key := selfSigned(t, dir)
	users := filepath.Join(dir, "users")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"web", "--listen", "0.0.0.0:8080"}, "needs HTTPS"},
		{[]string{"web", "--listen", ":8080"}, "needs HTTPS"},
		{[]string{"web", "--listen", "192.0.2.1:8080", "--tls-cert", cert, "--tls-key", key}, "sign-in (--users FILE"},
		{[]string{"web", "--listen", "0.0.0.0:8080", "--tls-cert", cert, "--tls-key", key, "--users", users}, "has nobody in it"},
		{[]string{"web", "--listen", "127.0.0.1:8080", "--tls-cert", cert}, "go together"},
		{[]string{"web", "--listen", "nonsense"}, "--listen"},
	} {
		_, stderr, code := execCLI(t, append([]string{"--db", db}, tc.args...)...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 saying %q", tc.args, code, stderr, tc.want)
		}
	}
}

func TestWebAddUser(t *testing.T) {
	users := filepath.Join(t.TempDir(), "users")
	_, stderr, code := runCLI(t, "a-long-password\n", "web", "adduser", "alice", "--role", "editor", "--users", users)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, _ := os.ReadFile(users)
	if !regexp.MustCompile(`(?m)^alice:editor:\$2a\$10\$`).Match(b) || bytes.Contains(b, []byte("a-long-password")) {
		t.Errorf("users file:\n%s", b)
	}
	for _, bad := range [][]string{
		{"web", "adduser", "bob", "--role", "admin", "--users", users},
		{"web", "adduser", "bob:x", "--users", users},
		{"web", "adduser", "bob"},
	} {
		if _, _, code := runCLI(t, "a-long-password\n", bad...); code != exitUsage {
			t.Errorf("%v: exit %d, want 2", bad, code)
		}
	}
	if _, _, code := runCLI(t, "short\n", "web", "adduser", "bob", "--users", users); code != exitUsage {
		t.Errorf("short password: exit %d", code)
	}
}

// TestWebServesTLSWithLogin runs `cyberintake web` on a non-loopback-style
// setup (TLS and a users file) and signs in over HTTPS as a browser would.
func TestWebServesTLSWithLogin(t *testing.T) {
	db := corpusDB(t)
	dir := t.TempDir()
	cert, key := selfSigned(t, dir)
	users := filepath.Join(dir, "users")
	if _, stderr, code := runCLI(t, "viewer-password\n", "web", "adduser", "vic", "--users", users); code != exitOK {
		t.Fatal(stderr)
	}
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		root, g := newRoot()
		root.SetArgs([]string{"--db", db, "--log-format", "json", "web", "--listen", "127.0.0.1:0", "--tls-cert", cert, "--tls-key", key, "--users", users})
		root.SetErr(pw)
		root.SetOut(io.Discard)
		err := root.ExecuteContext(ctx)
		g.stopProfile()
		pw.Close()
		done <- exitCode(err)
	}()
	sc := bufio.NewScanner(pr)
	var base string
	for sc.Scan() {
		if m := regexp.MustCompile(`serving (https://[^/]+)/`).FindStringSubmatch(sc.Text()); m != nil {
			base = m[1]
			break
		}
	}
	go io.Copy(io.Discard, pr)
	if base == "" {
		t.Fatal("web did not say where it serves")
	}
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, Timeout: 10 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	res, err := client.PostForm(base+"/login", url.Values{"name": {"vic"}, "password": {"viewer-password"}, "next": {"/labs"}})
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(body), "43109") || res.Request.URL.Path != "/labs" {
		t.Errorf("after login: %d at %s", res.StatusCode, res.Request.URL)
	}
	if res.Header.Get("Strict-Transport-Security") == "" {
		t.Error("no HSTS over TLS")
	}
	cancel()
	if code := <-done; code != exitOK {
		t.Errorf("web exited %d after its context ended", code)
	}
}

// selfSigned writes a certificate for 127.0.0.1 and its key.
func selfSigned(t *testing.T, dir string) (cert, key string) {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &k.PublicKey, k)
	if err != nil {
		t.Fatal(err)
	}
	kb, _ := x509.MarshalECPrivateKey(k)
	cert, key = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	os.WriteFile(cert, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(key, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600)
	return cert, key
}
