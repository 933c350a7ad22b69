package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"cyberintake/ingest"
	"cyberintake/testdata/corpus"
)

// TestServeDBModeLetsAnalystsRead runs the real binary as systemd does:
// the daemon as an unprivileged user whose primary group is the store's
// group, then an analyst (another user, member of that group) runs list.
// With the store 0600, as it always was, the analyst got "permission
// denied"; serve --db-mode 0640 makes the store group-readable.
func TestServeDBModeLetsAnalystsRead(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("skip: needs root to run the daemon and the analyst as other users")
	}
	const daemonUID, analystUID, group = 65534, 54321, 65534
	srv, err := ingest.StartMemServer(&ingest.MemServerOptions{User: "ql", Password: "s3cret"})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	_, raws, _ := corpus.Messages()
	srv.Deliver("INBOX", raws[:3]...)

	// A world-traversable root; the state directory as StateDirectory=
	// makes it (0750, owned by the daemon's user and group).
	root, err := os.MkdirTemp("", "ci-dbmode-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(root)
	os.Chmod(root, 0o755)
	bin := filepath.Join(root, "cyberintake")
	exe, err := os.ReadFile(buildCLI(t))
	if err == nil {
		err = os.WriteFile(bin, exe, 0o755)
	}
	if err != nil {
		t.Fatal(err)
	}
	state := filepath.Join(root, "state")
	pw := filepath.Join(root, "pw")
	os.Mkdir(state, 0o750)
	os.WriteFile(pw, []byte("s3cret\n"), 0o600)
	for _, p := range []string{state, pw} {
		if err := os.Chown(p, daemonUID, group); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(state, "cyberintake.db")
	as := func(uid uint32, groups []uint32, args ...string) (string, error) {
		cmd := exec.Command(bin, args...)
		cmd.Env = []string{"PATH=/usr/bin:/bin"}
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uid, Gid: uid, Groups: groups}}
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	analystList := func() (string, error) {
		return as(analystUID, []uint32{group}, "--db", db, "list")
	}
	serve := []string{"--db", db, "--log-level", "error", "serve", "--imap-addr", srv.Addr, "--user", "ql", "--tls", "none", "--password-file", pw, "--once"}

	if out, err := as(daemonUID, nil, serve...); err != nil {
		t.Fatalf("serve --once as the daemon user: %v\n%s", err, out)
	}
	if out, err := analystList(); err == nil || !strings.Contains(out, "permission denied") {
		t.Errorf("analyst's list of a 0600 store = %v, want permission denied:\n%s", err, out)
	}
	if out, err := as(daemonUID, nil, append(serve, "--db-mode", "0640")...); err != nil {
		t.Fatalf("serve --once --db-mode 0640: %v\n%s", err, out)
	}
	if fi, err := os.Stat(db); err != nil || fi.Mode().Perm() != 0o640 {
		t.Errorf("store mode = %v (%v), want 0640", fi.Mode().Perm(), err)
	}
	out, err := analystList()
	if err != nil || strings.Count(out, "\n") < 4 {
		t.Errorf("analyst's list of a 0640 store = %v:\n%s", err, out)
	}
	if out, err := as(analystUID, []uint32{group}, "--db", db, "verify"); err != nil {
		t.Errorf("analyst's verify = %v:\n%s", err, out)
	}
	if _, err := as(analystUID, nil, "--db", db, "list"); err == nil {
		t.Errorf("a user outside the group read the store")
	}
	t.Run("usage", func(t *testing.T) {
		for _, m := range []string{"0644", "0666", "0400", "rw-r-----", "0700"} {
			if _, err := parseDBMode(m); err == nil {
				t.Errorf("--db-mode %s accepted", m)
			}
		}
	})
}
