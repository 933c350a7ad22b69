package ingest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"cyberintake/internal/daemontest"
	"cyberintake/store"
)

// buildCLI builds the real cyberintake binary into a temporary directory.
func buildCLI(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "cyberintake")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/cyberintake").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// tlsIMAP is an IMAP server speaking implicit TLS on loopback, with a CA
// file for the daemon and a way for the test to deliver mail.
type tlsIMAP struct {
	addr, pass, caFile string
	deliver            func(t *testing.T, raws ...[]byte)
}

// memTLSIMAP is go-imap's in-memory server behind implicit TLS.
func memTLSIMAP(t *testing.T) tlsIMAP {
	t.Helper()
	srv, dir := tlsMemServer(t)
	return tlsIMAP{addr: srv.Addr, pass: "pw", caFile: filepath.Join(dir, "ca.pem"), deliver: func(t *testing.T, raws ...[]byte) {
		t.Helper()
		if err := srv.Deliver("INBOX", raws...); err != nil {
			t.Fatal(err)
		}
	}}
}

// dovecotTLSIMAP is a private Dovecot's IMAPS port (skips without Dovecot).
func dovecotTLSIMAP(t *testing.T) tlsIMAP {
	t.Helper()
	s := newTestIMAP(t, "dovecot")
	return tlsIMAP{addr: s.cfg.Addr, pass: s.pass, caFile: s.cfg.CAFile, deliver: func(t *testing.T, raws ...[]byte) {
		t.Helper()
		s.deliver(t, "INBOX", raws...)
	}}
}

// TestServeBinaryPlainDaemon runs the real binary as the daemon in its
// plain configuration, as the README and systemd run it: no --http, no
// --once, implicit TLS with a private CA, the password from a file. It must
// keep running, file mail delivered after it started, and exit 0 on SIGTERM.
// (It used to log "serving" and exit 0 at once without --http.)
func TestServeBinaryPlainDaemon(t *testing.T) {
	bin := buildCLI(t)
	raws := samples(t)
	for _, tc := range []struct {
		name  string
		start func(*testing.T) tlsIMAP
	}{
		{"dovecot", dovecotTLSIMAP},
		{"memory", memTLSIMAP},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := tc.start(t)
			dir := t.TempDir()
			db, pw := filepath.Join(dir, "ci.db"), filepath.Join(dir, "pw")
			writeFile(t, pw, []byte(srv.pass+"\n"))
			if err := os.Chmod(pw, 0o600); err != nil {
				t.Fatal(err)
			}
			srv.deliver(t, raws[:2]...)

			cmd := exec.Command(bin, "--db", db, "--log-format", "text", "serve",
				"--imap-addr", srv.addr, "--tls", "implicit", "--ca-file", srv.caFile, "--user", "ql", "--password-file", pw)
			out := daemontest.Run(t, cmd, db, 2, func() { srv.deliver(t, raws[2]) })
			if !strings.Contains(out, "stopped") {
				t.Errorf("no shutdown log line:\n%s", out)
			}
			st, err := store.Open(db, &store.Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			assertFiledOnce(t, st, raws[:3])
		})
	}
}
