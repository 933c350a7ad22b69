package ingest

import (
	"bytes"
	"context"
	"slices"
	"testing"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

const testDraft = "From: <QL_secretariat@sciensano.be>\r\nTo: <q@lab.example>\r\n" +
	"Subject: =?utf-8?q?Cyber_attaque_=E2=80=93_labo_12345?=\r\nMessage-ID: <followup.1@sciensano.be>\r\n" +
	"In-Reply-To: <r@lab.example>\r\nReferences: <r@lab.example>\r\n\r\nMadame, Monsieur,\r\n"

// mailboxMessages returns the bodies and flags of every message in mbox.
func mailboxMessages(t *testing.T, srv *testIMAP, mbox string) (bodies [][]byte, flags [][]imap.Flag) {
	t.Helper()
	srv.run(t, func(c *imapclient.Client) error {
		if _, err := c.Select(mbox, &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
			return err
		}
		msgs, err := c.Fetch(imap.SeqSet{{Start: 1, Stop: 0}}, &imap.FetchOptions{Flags: true, BodySection: []*imap.FetchItemBodySection{{Peek: true}}}).Collect()
		if err != nil {
			return err
		}
		for _, m := range msgs {
			for _, b := range m.BodySection {
				bodies = append(bodies, b.Bytes)
			}
			flags = append(flags, m.Flags)
		}
		return nil
	})
	return bodies, flags
}

func TestAppendDraft(t *testing.T) {
	backends(t, func(t *testing.T, srv *testIMAP) {
		cfg := srv.config(t, nil)
		// No Drafts folder yet: it is created, then used again.
		for i := range 2 {
			res, err := AppendDraft(context.Background(), cfg, "", []byte(testDraft))
			if err != nil {
				t.Fatal(err)
			}
			if res.Mailbox != DraftsMailbox || res.Created != (i == 0) {
				t.Errorf("append %d: %+v, want %s created the first time only", i, res, DraftsMailbox)
			}
		}
		bodies, flags := mailboxMessages(t, srv, DraftsMailbox)
		if len(bodies) != 2 || !bytes.Equal(bodies[0], []byte(testDraft)) {
			t.Fatalf("Drafts holds %d messages, first %q", len(bodies), bodies)
		}
		if !slices.Contains(flags[0], imap.FlagDraft) {
			t.Errorf("flags %v lack \\Draft", flags[0])
		}
		if n := srv.countFlag(t, "INBOX", imap.FlagDraft); n != 0 {
			t.Errorf("%d drafts in INBOX", n)
		}
		// A named mailbox is used as named.
		if res, err := AppendDraft(context.Background(), cfg, "Brouillons", []byte(testDraft)); err != nil || res.Mailbox != "Brouillons" {
			t.Fatalf("named mailbox: %+v, %v", res, err)
		}
	})
}

// TestAppendDraftSpecialUse: a Dovecot whose drafts folder is called
// "Concepten" and marked \Drafts gets the draft there, not in a new
// "Drafts".
func TestAppendDraftSpecialUse(t *testing.T) {
	dc := startDovecot(t, `namespace inbox {
  inbox = yes
  separator = /
  mailbox Concepten {
    special_use = \Drafts
    auto = create
  }
}`)
	srv := &testIMAP{Backend: "dovecot", dc: dc, adminAddr: dc.plainAddr(), user: "ql", pass: "test",
		cfg: IMAPConfig{Addr: dc.tlsAddr(), User: "ql", Password: "test", TLS: "implicit", CAFile: dc.caFile}}
	res, err := AppendDraft(context.Background(), srv.config(t, nil), "", []byte(testDraft))
	if err != nil {
		t.Fatal(err)
	}
	if res.Mailbox != "Concepten" || res.Created || res.UID == 0 {
		t.Errorf("appended %+v, want Concepten (existing) with a UID", res)
	}
	if bodies, _ := mailboxMessages(t, srv, "Concepten"); len(bodies) != 1 {
		t.Errorf("Concepten holds %d messages, want 1", len(bodies))
	}
}

func TestAppendDraftWrongPassword(t *testing.T) {
	srv := newTestIMAP(t, "memory")
	cfg := srv.config(t, func(c *IMAPConfig) { c.Password = "wrong" })
	if _, err := AppendDraft(context.Background(), cfg, "", []byte(testDraft)); err == nil {
		t.Fatal("appended with a wrong password")
	}
}

// TestDraftsFolderOneLogin: many drafts over one connection.
func TestDraftsFolderOneLogin(t *testing.T) {
	backends(t, func(t *testing.T, srv *testIMAP) {
		f, err := OpenDrafts(context.Background(), srv.config(t, nil), "")
		if err != nil {
			t.Fatal(err)
		}
		for i := range 3 {
			if res, err := f.Append([]byte(testDraft)); err != nil || res.Created != (i == 0) {
				t.Fatalf("append %d: %+v, %v", i, res, err)
			}
		}
		f.Close()
		if bodies, _ := mailboxMessages(t, srv, DraftsMailbox); len(bodies) != 3 {
			t.Errorf("%d drafts, want 3", len(bodies))
		}
	})
}
