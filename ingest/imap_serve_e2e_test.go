package ingest

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

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

// storedCount is how many messages the store file holds, read the way an
// analyst's command reads it beside the running daemon (0 before it exists).
func storedCount(t *testing.T, db string) int {
	t.Helper()
	if _, err := os.Stat(db); err != nil {
		return 0
	}
	st, err := store.Open(db, &store.Options{ReadOnly: true, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	defer st.Close()
	recs, err := st.List(context.Background(), store.Filter{})
	if err != nil {
		t.Fatalf("list store: %v", err)
	}
	return len(recs)
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

			var stderr bytes.Buffer
			cmd := exec.Command(bin, "--db", db, "--log-format", "text", "serve",
				"--imap-addr", srv.addr, "--tls", "implicit", "--ca-file", srv.caFile, "--user", "ql", "--password-file", pw)
			cmd.Stdout, cmd.Stderr = &stderr, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			t.Cleanup(func() {
				if cmd.Process.Kill() == nil { // still running: the test failed
					<-exited
				}
				if t.Failed() {
					t.Logf("serve's log:\n%s", stderr.String())
				}
			})
			// waitFiled fails as soon as the daemon exits: it must not.
			waitFiled := func(n int, what string) {
				t.Helper()
				deadline := time.Now().Add(30 * time.Second)
				for storedCount(t, db) < n {
					select {
					case err := <-exited:
						t.Fatalf("serve exited (%v) while waiting for %s; a daemon must keep running", err, what)
					case <-time.After(100 * time.Millisecond):
					}
					if time.Now().After(deadline) {
						t.Fatalf("%s: not filed after 30s", what)
					}
				}
			}
			waitFiled(2, "the initial sync")
			srv.deliver(t, raws[2])
			waitFiled(3, "a message delivered while serve runs")
			select {
			case err := <-exited:
				t.Fatalf("serve exited (%v) on its own", err)
			case <-time.After(300 * time.Millisecond):
			}

			if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
				t.Fatal(err)
			}
			select {
			case err := <-exited:
				if err != nil {
					t.Errorf("serve after SIGTERM: %v, want exit 0", err)
				}
			case <-time.After(60 * time.Second):
				t.Fatal("serve did not stop within 60s of SIGTERM")
			}
			if !strings.Contains(stderr.String(), "stopped") {
				t.Errorf("no shutdown log line:\n%s", stderr.String())
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
