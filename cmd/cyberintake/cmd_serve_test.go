package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"cyberintake/ingest"
	"cyberintake/store"
	"cyberintake/testdata/corpus"
)

// serveCLI runs the command line in-process under ctx.
func serveCLI(ctx context.Context, args ...string) (stdout string, err error) {
	var out, errb bytes.Buffer
	root := newRootCommand()
	root.SetArgs(args)
	root.SetOut(&out)
	root.SetErr(&errb)
	err = root.ExecuteContext(ctx)
	return out.String(), err
}

func TestServeOnceCheckAndSignal(t *testing.T) {
	srv, err := ingest.StartMemServer(&ingest.MemServerOptions{User: "ql", Password: "s3cret"})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	_, raws, _ := corpus.Messages()
	srv.Deliver("INBOX", raws[:5]...)
	db := filepath.Join(t.TempDir(), "ci.db")
	pw := filepath.Join(t.TempDir(), "pw")
	os.WriteFile(pw, []byte("s3cret\n"), 0o600)
	common := []string{"--db", db, "--log-format", "text", "serve", "--imap-addr", srv.Addr, "--user", "ql", "--tls", "none", "--password-file", pw}
	ctx := context.Background()

	t.Run("check changes nothing", func(t *testing.T) {
		out, err := serveCLI(ctx, append(common, "--check")...)
		if err != nil || !strings.Contains(out, "login ok") || !strings.Contains(out, `mailbox "INBOX": 5 messages`) {
			t.Fatalf("serve --check = %v\n%s", err, out)
		}
		st, _ := store.Open(db, &store.Options{ReadOnly: true})
		if recs, _ := st.List(ctx, store.Filter{}); len(recs) != 0 {
			t.Errorf("--check filed %d messages", len(recs))
		}
	})
	t.Run("once files and exits 0", func(t *testing.T) {
		if _, err := serveCLI(ctx, append(common, "--once")...); exitCode(err) != exitOK {
			t.Fatalf("serve --once = %v", err)
		}
		st, _ := store.Open(db, &store.Options{ReadOnly: true})
		if recs, err := st.List(ctx, store.Filter{}); err != nil || len(recs) != 5 {
			t.Errorf("store holds %d records (%v), want 5", len(recs), err)
		}
	})
	t.Run("signal stops serve with status 0", func(t *testing.T) {
		sctx, cancel := context.WithCancel(ctx)
		done := make(chan error, 1)
		go func() { _, err := serveCLI(sctx, common...); done <- err }()
		time.Sleep(300 * time.Millisecond)
		cancel()
		select {
		case err := <-done:
			if exitCode(err) != exitOK {
				t.Errorf("serve after SIGTERM = %v, want exit 0", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("serve did not stop")
		}
	})
	t.Run("usage errors", func(t *testing.T) {
		for _, args := range [][]string{
			{"serve", "--password", "x"},
			{"serve", "--imap-addr", srv.Addr, "--user", "ql", "--password-file", pw, "--tls", "sometimes", "--once"},
			{"serve", "--user", "ql", "--password-file", pw, "--once"},
		} {
			if _, err := serveCLI(ctx, append([]string{"--db", db}, args...)...); exitCode(err) != exitUsage {
				t.Errorf("%v: %v (exit %d), want exit %d", args, err, exitCode(err), exitUsage)
			}
		}
	})
	t.Run("wrong password fails clearly", func(t *testing.T) {
		t.Setenv("CYBERINTAKE_IMAP_PASSWORD", "wrong")
		_, err := serveCLI(ctx, "--db", db, "serve", "--imap-addr", srv.Addr, "--user", "ql", "--tls", "none", "--once")
		if err == nil || !strings.Contains(err.Error(), "authentication failed") || strings.Contains(err.Error(), "wrong") {
			t.Errorf("err = %v, want an authentication failure that does not show the password", err)
		}
	})
}

func TestDemo(t *testing.T) {
	out, err := serveCLI(context.Background(), "--log-level", "warn", "demo")
	if err != nil {
		t.Fatalf("demo = %v\n%s", err, out)
	}
	_, raws, _ := corpus.Messages()
	for _, want := range []string{"UID  LAB", "a second pass filed 0", "Store verify: 0 problems"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(out, "Filed "+strconv.Itoa(len(raws))+" messages") {
		t.Errorf("demo did not file all %d samples:\n%s", len(raws), out)
	}
}
