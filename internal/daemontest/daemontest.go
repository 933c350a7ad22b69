// Package daemontest runs the real cyberintake binary as a daemon in tests
// (of ingest and of the command) and checks what a daemon owes its users:
// it keeps running, files mail delivered after it started, and exits 0 on
// SIGTERM.
package daemontest

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"

	"cyberintake/store"
)

// Run starts cmd (its output goes to a buffer logged if the test fails),
// waits until the store at db holds have messages, calls deliver (which
// must deliver exactly one new message), waits for it to be filed, and
// stops the daemon with SIGTERM, which must end it with status 0. The test
// fails at once if the daemon exits on its own. Run returns the output.
func Run(t testing.TB, cmd *exec.Cmd, db string, have int, deliver func()) string {
	t.Helper()
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
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
			t.Logf("the daemon's output:\n%s", out.String())
		}
	})
	waitFiled := func(n int, what string) {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for Stored(t, db) < n {
			select {
			case err := <-exited:
				t.Fatalf("the daemon exited (%v) while waiting for %s; it must keep running", err, what)
			case <-time.After(100 * time.Millisecond):
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: not filed after 30s", what)
			}
		}
	}
	waitFiled(have, "the mail waiting at start")
	deliver()
	waitFiled(have+1, "a message delivered while it runs")
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("after SIGTERM: %v, want exit 0", err)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("the daemon did not stop within 60s of SIGTERM")
	}
	return out.String()
}

// Stored is how many messages the store file holds, read the way an
// analyst's command reads it beside the running daemon (0 before it exists).
func Stored(t testing.TB, db string) int {
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
