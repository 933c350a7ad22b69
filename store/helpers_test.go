package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	bolt "go.etcd.io/bbolt"
	"path/filepath"
	"testing"

	"cyberintake/classify"
	"cyberintake/mailparse"
)

// openTest opens a fresh store in a temporary directory.
func openTest(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "test.db"), nil)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// report builds a parsed report the way mailparse would.
func report(msgID, lab, date, lang string, sec mailparse.Sections) *mailparse.Result {
	r := &mailparse.Result{
		File: msgID + ".eml", MessageID: msgID, From: "quality@lab.example", Date: date,
		Subject: "Cyber attaque – labo " + lab, Kind: mailparse.KindReport,
		Language: lang, Sections: sec, References: []string{}, Attachments: []mailparse.Attachment{}, Warnings: []string{},
		Tags: classify.Tags{Cause: []string{}, Impact: []string{}, Response: []string{}, Prevention: []string{}},
	}
	if lab != "" {
		r.Lab = &lab
	}
	return r
}

// rawFor is a small message whose bytes depend on its Message-ID.
func rawFor(msgID string, body string) []byte {
	return []byte(fmt.Sprintf("Message-ID: <%s>\r\nSubject: test\r\n\r\n%s\r\n", msgID, body))
}

func msg(res *mailparse.Result, body string) Message {
	return Message{Raw: rawFor(res.MessageID, body), Result: res, Source: Source{Kind: "eml", Name: res.File}}
}

func mustPut(t testing.TB, s *Store, msgs ...Message) []Outcome {
	t.Helper()
	out, err := s.Put(context.Background(), msgs)
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	return out
}

func ptr[T any](v T) *T { return &v }

// dumpStore returns a digest of every key and value of every bucket but
// the clean mark: equal digests mean equal stores (whatever bbolt's page
// layout).
func dumpStore(t testing.TB, s *Store) string {
	t.Helper()
	h := sha256.New()
	err := s.view(context.Background(), func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			fmt.Fprintf(h, "bucket %q seq %d\n", name, b.Sequence())
			return b.ForEach(func(k, v []byte) error {
				if string(name) == string(bMeta) && string(k) == string(keyClean) {
					return nil // bookkeeping of every commit (damage.go)
				}
				fmt.Fprintf(h, "%q=%q\n", k, v)
				return nil
			})
		})
	})
	if err != nil {
		t.Fatalf("dump store: %v", err)
	}
	return hex.EncodeToString(h.Sum(nil))
}
