package store

import (
	"bytes"
	"context"
	"errors"
	"testing"

	bolt "go.etcd.io/bbolt"

	"cyberintake/mailparse"
)

func TestContentKey(t *testing.T) {
	base := "Subject: no id\r\nFrom: a@b\r\n\r\nline one\r\nFrom here on\r\n"
	same := map[string]string{
		"mbox with LF":         "From a@b Mon Feb 15 10:00:00 2021\nSubject: no id\nFrom: a@b\n\nline one\n>From here on\n\n",
		"status headers added": "Subject: no id\r\nStatus: RO\r\nX-Mozilla-Status: 0001\r\nFrom: a@b\r\nContent-Length: 25\r\n\r\nline one\r\nFrom here on\r\n",
		"folded volatile":      "Return-Path: <a@b>\r\n\tcontinued\r\nSubject: no id\r\nFrom: a@b\r\n\r\nline one\r\nFrom here on\r\n",
		"trailing blank lines": base + "\r\n\r\n",
	}
	differ := map[string]string{
		"other body":            "Subject: no id\r\nFrom: a@b\r\n\r\nline two\r\nFrom here on\r\n",
		"other subject":         "Subject: no ID\r\nFrom: a@b\r\n\r\nline one\r\nFrom here on\r\n",
		"inner blank line gone": "Subject: no id\r\nFrom: a@b\r\n\r\nline one\r\n\r\nFrom here on\r\n",
	}
	want := contentKey([]byte(base))
	for name, raw := range same {
		if contentKey([]byte(raw)) != want {
			t.Errorf("%s: content key differs from the original's", name)
		}
	}
	for name, raw := range differ {
		if contentKey([]byte(raw)) == want {
			t.Errorf("%s: content key equals the original's", name)
		}
	}
}

// TestSameMailFromTwoMailboxes: a message without Message-ID, read from an
// mbox and from an IMAP server, is filed once.
func TestSameMailFromTwoMailboxes(t *testing.T) {
	s := openTest(t)
	res := report("", "1", "", "fr", mailparse.Sections{A: "x"})
	mbox := Message{Raw: []byte("From x Mon Feb 15 10:00:00 2021\nSubject: s\nStatus: RO\n\nbody\n>From me\n\n"), Result: res}
	imap := Message{Raw: []byte("Subject: s\r\n\r\nbody\r\nFrom me\r\n"), Result: res}
	out := mustPut(t, s, mbox, imap)
	if out[0].Duplicate || !out[1].Duplicate || out[1].ID != out[0].ID {
		t.Errorf("outcomes %+v, want the IMAP copy a duplicate of the mbox one", out)
	}
	assertVerified(t, s)
}

func TestMigrateSchema1(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	out := mustPut(t, s, msg(report("m@x", "1", "", "fr", mailparse.Sections{A: "x"}), "m"))
	// Make it a schema 1 store: exact hashes instead of content keys.
	err := s.update(ctx, func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(bContent); err != nil {
			return err
		}
		h, _ := tx.CreateBucket([]byte("hash"))
		h.Put(make([]byte, 32), idKey(out[0].ID))
		return tx.Bucket(bMeta).Put(keySchema, []byte{0, 0, 0, 1})
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(s.path, &Options{ReadOnly: true}); !errors.Is(err, ErrSchema) {
		t.Errorf("read-only Open of schema 1 = %v, want ErrSchema (needs an upgrade)", err)
	}
	m, err := Open(s.path, nil)
	if err != nil {
		t.Fatalf("migrating Open: %v", err)
	}
	m.view(ctx, func(tx *bolt.Tx) error {
		if v, _ := storedSchema(tx); v != schemaVersion || tx.Bucket([]byte("hash")) != nil {
			t.Errorf("after migration: schema %d, old bucket gone %v", v, tx.Bucket([]byte("hash")) == nil)
		}
		return nil
	})
	assertVerified(t, m)
	if o := mustPut(t, m, msg(report("other@x", "1", "", "fr", mailparse.Sections{}), "m")); o[0].Duplicate {
		t.Errorf("new message taken for a duplicate after migration")
	}
	if o := mustPut(t, m, Message{Raw: rawFor("m@x", "m"), Result: report("", "", "", "", mailparse.Sections{})}); !o[0].Duplicate {
		t.Errorf("migrated message not found by content")
	}
}

// FuzzContentKey: any bytes are accepted, and the IMAP (CRLF) and mbox
// (LF, envelope line) forms of one message get the same key.
func FuzzContentKey(f *testing.F) {
	f.Add([]byte("Subject: x\n\nbody\nFrom me\n"))
	f.Add([]byte("From a Mon\nStatus: O\n X\n\n>From b\n\n\n"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, raw []byte) {
		k := contentKey(raw)
		if bytes.IndexByte(raw, '\r') >= 0 || bytes.HasPrefix(raw, []byte("From ")) {
			return
		}
		crlf := bytes.ReplaceAll(raw, []byte("\n"), []byte("\r\n"))
		if contentKey(crlf) != k {
			t.Errorf("CRLF form of %q has another key", raw)
		}
		mbox := append([]byte("From sender@example Mon Feb 15 10:00:00 2021\n"), raw...)
		if contentKey(mbox) != k {
			t.Errorf("mbox form of %q has another key", raw)
		}
	})
}
