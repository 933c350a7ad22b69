package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"cyberintake/mailparse"
)

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	notBolt := filepath.Join(dir, "notes.txt")
	os.WriteFile(notBolt, []byte(strings.Repeat("not a database\n", 1000)), 0o600)
	tiny := filepath.Join(dir, "tiny")
	os.WriteFile(tiny, []byte("x"), 0o600)
	foreign := filepath.Join(dir, "foreign.db")
	db, err := bolt.Open(foreign, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("other")); return err })
	db.Close()
	newer := filepath.Join(dir, "newer.db")
	s, err := Open(newer, nil)
	if err != nil {
		t.Fatal(err)
	}
	s.update(context.Background(), func(tx *bolt.Tx) error {
		return tx.Bucket(bMeta).Put(keySchema, []byte{0, 0, 0, 99})
	})

	for _, tc := range []struct {
		name, path string
		readOnly   bool
		is         error
		msg        string
	}{
		{"missing read-only", filepath.Join(dir, "nope.db"), true, ErrNoStore, "no store at " + filepath.Join(dir, "nope.db") + " (run cyberintake ingest first)"},
		{"text file", notBolt, false, ErrNotStore, "store " + notBolt + " is not a cyberintake store"},
		{"text file read-only", notBolt, true, ErrNotStore, "not a cyberintake store"},
		{"one byte", tiny, true, ErrNotStore, tiny},
		{"foreign bbolt", foreign, false, ErrNotStore, "bbolt file without its meta bucket"},
		{"newer schema", newer, false, ErrSchema, "store " + newer + " has schema 99, this cyberintake knows up to " + fmt.Sprint(schemaVersion)},
		{"newer schema read-only", newer, true, ErrSchema, "has schema 99"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before, _ := os.ReadFile(tc.path)
			_, err := Open(tc.path, &Options{ReadOnly: tc.readOnly, Timeout: 200 * time.Millisecond})
			if !errors.Is(err, tc.is) || !strings.Contains(err.Error(), tc.msg) {
				t.Fatalf("Open = %v, want %v containing %q", err, tc.is, tc.msg)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
			if after, _ := os.ReadFile(tc.path); string(after) != string(before) {
				t.Errorf("a failed Open changed %s", tc.path)
			}
		})
	}
}

func TestNewStoreIsPrivate(t *testing.T) {
	p := filepath.Join(t.TempDir(), "s.db")
	if _, err := Open(p, nil); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(p)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("store mode = %v, %v; want 0600", fi.Mode().Perm(), err)
	}
}

func TestBusy(t *testing.T) {
	s := openTest(t)
	// Another process holding the file for longer than the timeout, e.g.
	// a writer that never lets go.
	db, err := bolt.Open(s.path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ro, _ := Open(s.path, &Options{ReadOnly: true, Timeout: 150 * time.Millisecond})
	if ro != nil {
		t.Fatalf("read-only Open succeeded while a writer holds the file")
	}
	s.opts.Timeout = 150 * time.Millisecond
	_, err = s.Put(context.Background(), []Message{msg(report("b@x", "1", "", "fr", mailparse.Sections{}), "b")})
	if !errors.Is(err, ErrBusy) || !strings.Contains(err.Error(), "busy (daemon running?)") {
		t.Errorf("Put on a held store = %v, want ErrBusy", err)
	}
}

func TestReadOnlyRefusesWrites(t *testing.T) {
	s := openTest(t)
	ro, err := Open(s.path, &Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ro.Put(context.Background(), nil); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Put on read-only = %v", err)
	}
}

// writeBatches files batches of n synthetic messages until stop is closed.
func writeBatches(ctx context.Context, s *Store, prefix string, n int, stop <-chan struct{}) (batches int, err error) {
	for i := 0; ; i++ {
		select {
		case <-stop:
			return i, nil
		default:
		}
		var msgs []Message
		for j := range n {
			id := fmt.Sprintf("%s-%d-%d@x", prefix, i, j)
			msgs = append(msgs, msg(report(id, fmt.Sprint(j%7), "2021-02-10T08:00:00Z", "fr", mailparse.Sections{A: "phishing " + id}), strings.Repeat("body ", 200)))
		}
		if _, err := s.Put(ctx, msgs); err != nil {
			return i, err
		}
	}
}

// TestQueriesBesideWriter: an analyst's queries succeed while another handle
// (as the daemon would, from its process) files batch after batch.
func TestQueriesBesideWriter(t *testing.T) {
	w := openTest(t)
	r, err := Open(w.path, &Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var batches int
	var werr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		batches, werr = writeBatches(ctx, w, "w", 200, stop)
	}()
	var slowest time.Duration
	for i := 0; i < 40; i++ {
		start := time.Now()
		if _, err := r.List(ctx, Filter{Lab: "3"}); err != nil {
			t.Errorf("List beside a writer: %v", err)
		}
		if _, err := r.Stats(ctx); err != nil {
			t.Errorf("Stats beside a writer: %v", err)
		}
		slowest = max(slowest, time.Since(start))
	}
	close(stop)
	wg.Wait()
	if werr != nil {
		t.Fatalf("writer: %v", werr)
	}
	t.Logf("writer filed %d batches of 200; slowest List+Stats %v", batches, slowest)
	if batches == 0 {
		t.Errorf("writer starved by readers")
	}
	assertVerified(t, w)
}

// TestQueriesBesideWriterProcess is the same with a real second process.
func TestQueriesBesideWriterProcess(t *testing.T) {
	if p := os.Getenv("CYBERINTAKE_TEST_WRITER"); p != "" {
		return // the helper branch runs in TestMain
	}
	w := openTest(t)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "CYBERINTAKE_TEST_WRITER="+w.path)
	cmd.Stderr = os.Stderr
	stdin, _ := cmd.StdinPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r, err := Open(w.path, &Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var ok atomic.Int64
	deadline := time.Now().Add(2 * time.Second)
	for time.Now().Before(deadline) {
		if _, err := r.List(ctx, Filter{Lab: "3"}); err != nil {
			t.Errorf("List beside a writing process: %v", err)
		}
		if _, err := r.Stats(ctx); err != nil {
			t.Errorf("Stats beside a writing process: %v", err)
		}
		ok.Add(1)
	}
	stdin.Close() // tells the writer to stop
	if err := cmd.Wait(); err != nil {
		t.Fatalf("writer process: %v", err)
	}
	st, _ := r.Stats(ctx)
	t.Logf("%d query rounds beside a process that filed %d messages", ok.Load(), st.Total)
	if st.Total == 0 {
		t.Errorf("writer process filed nothing")
	}
	assertVerified(t, w)
}

func TestMain(m *testing.M) {
	if p := os.Getenv("CYBERINTAKE_TEST_WRITER"); p != "" {
		s, err := Open(p, nil)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		stop := make(chan struct{})
		go func() { os.Stdin.Read(make([]byte, 1)); close(stop) }()
		if _, err := writeBatches(context.Background(), s, fmt.Sprint("p", os.Getpid()), 200, stop); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

func assertVerified(t testing.TB, s *Store) {
	t.Helper()
	probs, _, err := s.Verify(context.Background())
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	for _, p := range probs {
		t.Errorf("verify: %s (record %d)", p.What, p.ID)
	}
}

func TestSchemaChangedWhileOpen(t *testing.T) {
	s := openTest(t)
	other, _ := Open(s.path, nil)
	other.update(context.Background(), func(tx *bolt.Tx) error {
		return tx.Bucket(bMeta).Put(keySchema, []byte{0, 0, 0, schemaVersion + 1})
	})
	if _, err := s.Stats(context.Background()); !errors.Is(err, ErrSchema) || !strings.Contains(err.Error(), "restart it") {
		t.Errorf("Stats after a migration by another process = %v, want ErrSchema", err)
	}
	if _, err := s.Put(context.Background(), nil); !errors.Is(err, ErrSchema) {
		t.Errorf("Put after a migration by another process = %v, want ErrSchema", err)
	}
}

// TestKilledWriterLosesNothingCommitted kills a process filing batches at
// random moments: every batch is in the store whole or not at all, and the
// store checks clean.
func TestKilledWriterLosesNothingCommitted(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills processes")
	}
	w := openTest(t)
	ctx := context.Background()
	for round := range 4 {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "CYBERINTAKE_TEST_WRITER="+w.path)
		stdin, _ := cmd.StdinPipe() // kept open: the writer never stops by itself
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(150+round*97) * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
		stdin.Close()
		st, err := w.Stats(ctx)
		if err != nil {
			t.Fatalf("round %d: stats after kill: %v", round, err)
		}
		if st.Total%200 != 0 {
			t.Errorf("round %d: %d messages filed: a batch of 200 was cut", round, st.Total)
		}
		assertVerified(t, w)
	}
	st, _ := w.Stats(ctx)
	t.Logf("%d messages filed across 4 killed writers", st.Total)
}
