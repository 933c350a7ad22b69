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
	"fmt"
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
	base, stop := serveWeb(t, "--db", db, "--log-format", "json", "web", "--listen", "127.0.0.1:0", "--tls-cert", cert, "--tls-key", key, "--users", users)
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
	if code := stop(); code != exitOK {
		t.Errorf("web exited %d after its context ended", code)
	}
}

// serveWeb runs cyberintake args (a web command) until it says where it
// serves; stop ends it as SIGTERM would and returns its exit status. base
// is "" when it ended first (stop then returns why in the status).
func serveWeb(t *testing.T, args ...string) (base string, stop func() int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	var stderr bytes.Buffer
	go func() {
		root, g := newRoot()
		root.SetArgs(args)
		root.SetErr(io.MultiWriter(pw, &stderr))
		root.SetOut(io.Discard)
		err := root.ExecuteContext(ctx)
		g.stopProfile()
		if err != nil {
			fmt.Fprintf(pw, "cyberintake: %v\n", err)
		}
		pw.Close()
		done <- exitCode(err)
	}()
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		if m := regexp.MustCompile(`serving (https?://[^/]+)/`).FindStringSubmatch(sc.Text()); m != nil {
			base = m[1]
			break
		}
		t.Log(sc.Text())
	}
	go io.Copy(io.Discard, pr)
	return base, func() int { cancel(); return <-done }
}

// TestWebREADMECommands runs every `cyberintake web` and `cyberintake
// report` line of the README exactly as written.
func TestWebREADMECommands(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(l, "    cyberintake "); ok && (strings.HasPrefix(rest, "web") || strings.HasPrefix(rest, "report")) {
			rest, _, _ = strings.Cut(rest, "#")
			lines = append(lines, strings.TrimSpace(rest))
		}
	}
	if len(lines) < 5 {
		t.Fatalf("found %d web/report lines in the README", len(lines))
	}
	t.Setenv("CYBERINTAKE_DB", corpusDB(t))
	dir := t.TempDir()
	t.Chdir(dir)
	cert, key := selfSigned(t, dir)
	os.Rename(cert, "web.crt")
	os.Rename(key, "web.key")
	for _, line := range lines {
		args := strings.Fields(line)
		switch {
		case args[0] == "report":
			if _, stderr, code := execCLI(t, args...); code != exitOK {
				t.Errorf("%s: exit %d: %s", line, code, stderr)
			}
		case len(args) > 1 && args[1] == "adduser":
			if _, stderr, code := runCLI(t, "a-long-password\n", args...); code != exitOK {
				t.Errorf("%s: exit %d: %s", line, code, stderr)
			}
		case args[0] == "web":
			base, stop := serveWeb(t, args...)
			code := stop()
			if base == "" {
				t.Logf("%s: did not serve (exit %d): the port is taken on this machine?", line, code)
			} else if code != exitOK {
				t.Errorf("%s: exit %d", line, code)
			}
		default:
			t.Errorf("README line %q: no test runs it", line)
		}
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

// setupWebExamples writes what the web examples name: web.crt, web.key,
// alice.pass and a web-users file holding alice.
func setupWebExamples(t *testing.T, dir string) {
	t.Helper()
	cert, key := selfSigned(t, dir)
	os.Rename(cert, filepath.Join(dir, "web.crt"))
	os.Rename(key, filepath.Join(dir, "web.key"))
	os.WriteFile(filepath.Join(dir, "alice.pass"), []byte("alice-long-password\n"), 0o600)
	if _, errOut, code := runCLI(t, "alice-long-password\n", "web", "adduser", "alice", "--users", filepath.Join(dir, "web-users")); code != exitOK {
		t.Fatalf("web users for the examples: %s", errOut)
	}
}
