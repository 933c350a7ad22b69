package ingest

import (
	"context"
	"crypto/ecdsa"
	"crypto/x509"
	"cyberintake/internal/testcerts"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// dovecotServer is a private Dovecot started by a test: loopback ports, a
// throw-away configuration, TLS with a CA generated here, one passwd-file
// user "ql" / "test" whose mail files belong to an unprivileged user
// (Dovecot refuses uid 0 for mail). Everything lives in one temporary
// directory.
type dovecotServer struct {
	dir, conf, caFile string
	plainPort         int
	tlsPort           int
	cmd               *exec.Cmd
	exited            chan struct{}
}

// dovecotUnavailable says why the Dovecot tests cannot run here, "" when
// they can.
func dovecotUnavailable() string {
	if _, err := exec.LookPath("dovecot"); err != nil {
		return "dovecot not installed (apt-get install dovecot-imapd)"
	}
	if os.Geteuid() != 0 {
		return "the Dovecot tests need root (the master must setuid to the mail user)"
	}
	if _, err := user.Lookup("nobody"); err != nil {
		return "no user nobody to own the mail files"
	}
	return ""
}

// startDovecot skips the test when Dovecot is not installed, unless
// CYBERINTAKE_REQUIRE_DOVECOT=1 (CI), which makes that a failure. extra
// configuration lines, if any, are appended to the generated file.
func startDovecot(t testing.TB, extra ...string) *dovecotServer {
	t.Helper()
	unavailable := func(why string) {
		t.Helper()
		if os.Getenv("CYBERINTAKE_REQUIRE_DOVECOT") == "1" {
			t.Fatalf("dovecot required (CYBERINTAKE_REQUIRE_DOVECOT=1) but %s", why)
		}
		t.Skipf("skip: %s", why)
	}
	if why := dovecotUnavailable(); why != "" {
		unavailable(why)
	}
	mailUser, err := user.Lookup("nobody")
	if err != nil {
		t.Fatal(err)
	}
	uid, _ := strconv.Atoi(mailUser.Uid)
	gid, _ := strconv.Atoi(mailUser.Gid)

	// A short path: Dovecot's unix sockets live under base_dir (108 bytes max).
	dir, err := os.MkdirTemp("", "ci-dovecot-")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil { // mail and login processes are unprivileged
		t.Fatal(err)
	}
	d := &dovecotServer{dir: dir, conf: filepath.Join(dir, "dovecot.conf"), caFile: filepath.Join(dir, "ca.pem")}
	t.Cleanup(func() {
		d.stop(t)
		if t.Failed() {
			if b, err := os.ReadFile(filepath.Join(dir, "dovecot.log")); err == nil {
				lines := strings.Split(strings.TrimSpace(string(b)), "\n")
				t.Logf("dovecot.log (tail):\n%s", strings.Join(lines[max(0, len(lines)-20):], "\n"))
			}
		}
		os.RemoveAll(dir)
	})
	writeTestCerts(t, dir)
	d.plainPort, d.tlsPort = freePort(t), freePort(t)
	maildir := filepath.Join(dir, "mail", "ql", "Maildir")
	for _, sub := range []string{"cur", "new", "tmp"} {
		if err := os.MkdirAll(filepath.Join(maildir, sub), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{filepath.Join(dir, "mail"), filepath.Join(dir, "mail", "ql"), maildir,
		filepath.Join(maildir, "cur"), filepath.Join(maildir, "new"), filepath.Join(maildir, "tmp")} {
		if err := os.Chown(p, uid, gid); err != nil {
			t.Fatal(err)
		}
	}
	users := fmt.Sprintf("ql:{PLAIN}test:%d:%d::%s::\n", uid, gid, filepath.Join(dir, "mail", "ql"))
	if err := os.WriteFile(filepath.Join(dir, "users"), []byte(users), 0o644); err != nil {
		t.Fatal(err)
	}
	dh := ""
	if _, err := os.Stat("/usr/share/dovecot/dh.pem"); err == nil {
		dh = "ssl_dh = </usr/share/dovecot/dh.pem"
	}
	conf := fmt.Sprintf(`# throw-away configuration of a cyberintake test
instance_name = citest-%[7]d
protocols = imap
listen = 127.0.0.1
base_dir = %[1]s/run
state_dir = %[1]s/state
log_path = %[1]s/dovecot.log
ssl = yes
ssl_cert = <%[1]s/server.pem
ssl_key = <%[1]s/server.key
%[2]s
# only the loopback plain port exists, for the test's own client
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:~/Maildir
first_valid_uid = %[3]d
first_valid_gid = %[4]d
default_login_user = dovenull
passdb {
  driver = passwd-file
  args = scheme=PLAIN %[1]s/users
}
userdb {
  driver = passwd-file
  args = %[1]s/users
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = %[5]d
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = %[6]d
    ssl = yes
  }
}
`, dir, dh, uid, gid, d.plainPort, d.tlsPort, d.tlsPort) + strings.Join(extra, "\n") + "\n"
	if err := os.WriteFile(d.conf, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	d.start(t)
	return d
}

func (d *dovecotServer) plainAddr() string {
	return net.JoinHostPort("127.0.0.1", strconv.Itoa(d.plainPort))
}
func (d *dovecotServer) tlsAddr() string {
	return net.JoinHostPort("127.0.0.1", strconv.Itoa(d.tlsPort))
}

// start runs the master in the foreground (-F) as a child the test owns.
func (d *dovecotServer) start(t testing.TB) {
	t.Helper()
	d.cmd = exec.Command("dovecot", "-F", "-c", d.conf)
	d.cmd.Stdout, d.cmd.Stderr = os.Stderr, os.Stderr
	d.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := d.cmd.Start(); err != nil {
		t.Fatalf("start dovecot: %v", err)
	}
	d.exited = make(chan struct{})
	go func(cmd *exec.Cmd, exited chan struct{}) {
		_ = cmd.Wait()
		close(exited)
	}(d.cmd, d.exited)
	deadline := time.Now().Add(10 * time.Second)
	for _, addr := range []string{d.plainAddr(), d.tlsAddr()} {
		for {
			c, err := net.DialTimeout("tcp", addr, time.Second)
			if err == nil {
				c.Close()
				break
			}
			select {
			case <-d.exited:
				b, _ := os.ReadFile(filepath.Join(d.dir, "dovecot.log"))
				t.Fatalf("dovecot exited at start:\n%s", b)
			default:
			}
			if time.Now().After(deadline) {
				t.Fatalf("dovecot not listening on %s after 10s", addr)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
}

// stop sends SIGTERM to the master and waits for it (and its children).
func (d *dovecotServer) stop(t testing.TB) {
	if d.cmd == nil || d.cmd.Process == nil {
		return
	}
	// The whole process group: the imap processes serving open sessions
	// would otherwise outlive the master, and the test wants them gone.
	_ = syscall.Kill(-d.cmd.Process.Pid, syscall.SIGTERM)
	select {
	case <-d.exited:
	case <-time.After(10 * time.Second):
		_ = syscall.Kill(-d.cmd.Process.Pid, syscall.SIGKILL)
		<-d.exited
	}
	d.cmd = nil
	// The master has gone; wait until the ports are free for a restart.
	for i := 0; i < 100; i++ {
		c, err := net.DialTimeout("tcp", d.tlsAddr(), 100*time.Millisecond)
		if err != nil {
			return
		}
		c.Close()
		time.Sleep(20 * time.Millisecond)
	}
}

func freePort(t testing.TB) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// writeTestCerts makes a CA (ca.pem) and a server certificate for
// 127.0.0.1 and localhost signed by it (server.pem, server.key).
func writeTestCerts(t testing.TB, dir string) {
	t.Helper()
	if _, err := testcerts.WriteLoopback(dir); err != nil {
		t.Fatal(err)
	}
}

func newCA(t testing.TB, name string) (*ecdsa.PrivateKey, *x509.Certificate, []byte) {
	t.Helper()
	key, cert, der, err := testcerts.NewCA(name)
	if err != nil {
		t.Fatal(err)
	}
	return key, cert, der
}

func TestPollingWhenServerLacksIdle(t *testing.T) {
	srv := &testIMAP{Backend: "dovecot"}
	// Dovecot advertising no IDLE: the daemon must poll.
	srv.dc = startDovecot(t, "imap_capability = IMAP4rev1 LITERAL+ SASL-IR UIDPLUS MOVE")
	srv.adminAddr, srv.user, srv.pass = srv.dc.plainAddr(), "ql", "test"
	srv.cfg = IMAPConfig{Addr: srv.dc.tlsAddr(), User: "ql", Password: "test", TLS: "implicit", CAFile: srv.dc.caFile}
	raws := samples(t)
	srv.deliver(t, "INBOX", raws[:2]...)
	st := newTestStore(t)
	d, log := newTestDaemon(t, srv.config(t, func(c *IMAPConfig) { c.PollInterval = 300 * time.Millisecond }), st)
	stop := runDaemon(t, d)
	waitFor(t, 10*time.Second, "initial sync", func() bool { return log.fresh() == 2 })
	srv.deliver(t, "INBOX", raws[2])
	waitFor(t, 2*time.Second, "the new message filed by polling", func() bool { return log.fresh() == 3 })
	stop()
	assertFiledOnce(t, st, raws[:3])
}

func TestDovecotTLSModes(t *testing.T) {
	dc := startDovecot(t)
	otherCA := filepath.Join(t.TempDir(), "other.pem")
	_, _, der := newCA(t, "someone else")
	os.WriteFile(otherCA, pemCert(der), 0o644)
	tests := []struct {
		name, addr, mode, ca, want string
	}{
		{"implicit TLS", dc.tlsAddr(), "implicit", dc.caFile, ""},
		{"STARTTLS", dc.plainAddr(), "starttls", dc.caFile, ""},
		{"implicit, other CA", dc.tlsAddr(), "implicit", otherCA, "not trusted"},
		{"STARTTLS, other CA", dc.plainAddr(), "starttls", otherCA, "not trusted"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg := &IMAPConfig{Addr: tc.addr, User: "ql", Password: "test", TLS: tc.mode, CAFile: tc.ca}
			if err := cfg.Normalize(); err != nil {
				t.Fatal(err)
			}
			d, _ := newTestDaemon(t, cfg, newTestStore(t))
			rep, err := d.Check(context.Background())
			switch {
			case tc.want == "" && (err != nil || len(rep.Mailboxes) != 1):
				t.Errorf("Check = %+v, %v", rep, err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), tc.addr)):
				t.Errorf("Check = %v, want an error naming %s and saying %q", err, tc.addr, tc.want)
			}
		})
	}
}
