package store

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"cyberintake/mailparse"
)

func TestVerifyFindsDamage(t *testing.T) {
	for _, tc := range []struct {
		name   string
		damage func(tx *bolt.Tx, id []byte) error
		want   string
	}{
		{"raw missing", func(tx *bolt.Tx, id []byte) error { return tx.Bucket(bRaw).Delete(id) }, "has no raw message"},
		{"raw altered", func(tx *bolt.Tx, id []byte) error {
			return tx.Bucket(bRaw).Put(id, append([]byte{fmtPlain}, "changed"...))
		}, "does not match its hash"},
		{"record missing", func(tx *bolt.Tx, id []byte) error { return tx.Bucket(bRecord).Delete(id) }, "has no record"},
		{"index entry dangling", func(tx *bolt.Tx, id []byte) error {
			return tx.Bucket(ixLab).Put(valueKey("ghost", 99), nil)
		}, `index ix_lab entry "ghost"`},
		{"index entry missing", func(tx *bolt.Tx, id []byte) error {
			return tx.Bucket(ixKind).Delete(valueKey("report", keyID(id)))
		}, "index entry missing"},
		{"counter off", func(tx *bolt.Tx, id []byte) error {
			return tx.Bucket(bCounters).Put([]byte("all"), idKey(7))
		}, `counter "all" is 7, records say 1`},
		{"record undecodable", func(tx *bolt.Tx, id []byte) error {
			return tx.Bucket(bRecord).Put(id, []byte("?"))
		}, "unknown value format"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openTest(t)
			out := mustPut(t, s, msg(report("v@x", "1", "", "fr", mailparse.Sections{A: "x"}), "v"))
			assertVerified(t, s)
			s.update(context.Background(), func(tx *bolt.Tx) error { return tc.damage(tx, idKey(out[0].ID)) })
			probs, _, err := s.Verify(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			var all []string
			for _, p := range probs {
				all = append(all, p.What)
			}
			if !strings.Contains(strings.Join(all, "\n"), tc.want) {
				t.Errorf("problems %q, want one containing %q", all, tc.want)
			}
		})
	}
}

func TestBackupIsAUsableStore(t *testing.T) {
	s, _ := fixture(t)
	var buf bytes.Buffer
	n, err := s.Backup(context.Background(), &buf)
	if err != nil || n != int64(buf.Len()) || n == 0 {
		t.Fatalf("Backup = %d, %v (buffer %d)", n, err, buf.Len())
	}
	p := filepath.Join(t.TempDir(), "copy.db")
	os.WriteFile(p, buf.Bytes(), 0o600)
	c, err := Open(p, &Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if dumpStore(t, c) != dumpStore(t, s) {
		t.Errorf("backup differs from the store")
	}
	assertVerified(t, c)
}

// TestBackupWhileFiling: copies taken while another handle files batch
// after batch are sound stores holding whole batches.
func TestBackupWhileFiling(t *testing.T) {
	w := openTest(t)
	r, err := Open(w.path, &Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		_, err := writeBatches(context.Background(), w, "b", 100, stop)
		done <- err
	}()
	dir := t.TempDir()
	for i := range 5 {
		var buf bytes.Buffer
		if _, err := r.Backup(context.Background(), &buf); err != nil {
			t.Fatalf("backup %d beside a writer: %v", i, err)
		}
		p := filepath.Join(dir, fmt.Sprintf("copy%d.db", i))
		os.WriteFile(p, buf.Bytes(), 0o600)
		c, err := Open(p, &Options{ReadOnly: true})
		if err != nil {
			t.Fatalf("copy %d: %v", i, err)
		}
		assertVerified(t, c)
		if st, _ := c.Stats(context.Background()); st.Total%100 != 0 {
			t.Errorf("copy %d holds %d messages: a batch was cut", i, st.Total)
		}
		time.Sleep(20 * time.Millisecond)
	}
	close(stop)
	if err := <-done; err != nil {
		t.Fatalf("writer: %v", err)
	}
}
