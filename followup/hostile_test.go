package followup

import (
	"bytes"
	"net/mail"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"cyberintake/mailparse"
	"cyberintake/store"
)

// hostileCase is a case whose every string came from a stranger's mail.
func hostileCase(lab, name, email, from, msgID string, thread []string) *store.Case {
	res := report(msgID, from, lab, "2021-02-20T09:00:00Z", "en", mailparse.Sections{A: "x"})
	res.Thread = thread
	c := &store.Case{Lab: lab, Records: []store.Record{{ID: 1, Result: *res}}}
	c.Answers.A = &store.Answer{Text: "x"}
	c.Contact.Name, c.Contact.Email = name, email
	return c
}

// checkHeaders parses the draft's header and fails on anything a
// stranger could have injected: unknown fields, overlong lines, bare CR
// or LF, a raw non-ASCII byte.
func checkHeaders(t testing.TB, raw []byte) *mail.Message {
	t.Helper()
	hdr, _, ok := bytes.Cut(raw, []byte("\r\n\r\n"))
	if !ok {
		t.Fatalf("no header/body separator")
	}
	for _, line := range bytes.Split(hdr, []byte("\r\n")) {
		if len(line) > 998 || bytes.ContainsAny(line, "\r\n\x00") {
			t.Fatalf("bad header line (%d bytes): %q", len(line), line[:min(len(line), 120)])
		}
		for _, c := range line {
			if c >= 0x80 {
				t.Fatalf("raw 8-bit byte in header line %q", line)
			}
		}
	}
	m, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("draft is not a message: %v", err)
	}
	allowed := []string{"Date", "From", "To", "Subject", "Message-Id", "In-Reply-To", "References",
		"Content-Language", "Mime-Version", "Content-Type", "Content-Transfer-Encoding"}
	for k := range m.Header {
		if !slices.Contains(allowed, k) {
			t.Fatalf("header %q injected", k)
		}
	}
	return m
}

func TestDraftHostileHeaders(t *testing.T) {
	big := strings.Repeat("Ab\u202e ", 300_000) // a megabyte of name, with a bidi override
	for _, tc := range []struct {
		name                         string
		lab, cname, email, from, mid string
		thread                       []string
		wantTo                       string
		wantErr                      bool
	}{
		{name: "CRLF in the contact name", lab: "12345", cname: "Eve\r\nBcc: all@evil.example", email: "eve@lab.example",
			from: "x@lab.example", mid: "m@lab", wantTo: "eve@lab.example"},
		{name: "address with a header in it", lab: "12345", email: "eve@lab.example>\r\nBcc: all@evil.example",
			from: "q@lab.example", mid: "m@lab", wantTo: "q@lab.example"},
		{name: "two addresses in one", lab: "12345", email: "a@x.example, b@y.example", from: "q@lab.example", mid: "m@lab", wantTo: "q@lab.example"},
		{name: "no usable address", lab: "12345", email: "not an address", from: "\"x\r\nBcc: y\" <>", mid: "m@lab", wantTo: ""},
		{name: "megabyte name", lab: "12345", cname: big, email: "eve@lab.example", from: "q@lab.example", mid: "m@lab", wantTo: "eve@lab.example"},
		{name: "message IDs with injections", lab: "12345", email: "eve@lab.example", from: "q@lab.example",
			mid: "m@lab>\r\nBcc: all@evil.example", thread: []string{"a@b\r\nX: y", strings.Repeat("r", 5000) + "@x", "ok@lab"}, wantTo: "eve@lab.example"},
		{name: "twenty-five references", lab: "12345", email: "eve@lab.example", from: "q@lab.example", mid: "m@lab",
			thread: strings.Fields(strings.Repeat("id@lab ", 5) + "1@l 2@l 3@l 4@l 5@l 6@l 7@l 8@l 9@l 10@l 11@l 12@l 13@l 14@l 15@l 16@l 17@l 18@l 19@l 20@l 21@l 22@l 23@l 24@l 25@l"),
			wantTo: "eve@lab.example"},
		{name: "CRLF in the lab", lab: "12345\r\nBcc: all@evil.example", email: "eve@lab.example", from: "q@lab.example", mid: "m@lab", wantTo: "eve@lab.example"},
		{name: "lab the parser would not read back", lab: "xxxxx", email: "eve@lab.example", from: "q@lab.example", mid: "m@lab", wantErr: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := New(hostileCase(tc.lab, tc.cname, tc.email, tc.from, tc.mid, tc.thread), &Options{Now: fixedNow})
			if tc.wantErr {
				if err == nil {
					t.Fatalf("drafted %q, want an error", d.Subject)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			m := checkHeaders(t, d.Raw)
			if d.To != tc.wantTo {
				t.Errorf("To %q, want %q", d.To, tc.wantTo)
			}
			if tc.wantTo == "" {
				if m.Header.Get("To") != "" || len(d.Warnings) == 0 {
					t.Errorf("no address: To %q, warnings %q", m.Header.Get("To"), d.Warnings)
				}
			} else if to, err := mail.ParseAddress(m.Header.Get("To")); err != nil || to.Address != tc.wantTo {
				t.Errorf("To header %q reads as %v, %v", m.Header.Get("To"), to, err)
			} else if n := utf8.RuneCountInString(to.Name); n > maxNameLen+1 || strings.ContainsAny(to.Name, "\r\n\u202e") {
				t.Errorf("name written as %q (%d runes)", to.Name, n)
			}
			refs := strings.Fields(m.Header.Get("References"))
			if len(refs) > maxReferences {
				t.Errorf("%d references, want at most %d", len(refs), maxReferences)
			}
			if mid := cleanMsgID(tc.mid); mid != "" && (len(refs) == 0 || refs[len(refs)-1] != "<"+mid+">") {
				t.Errorf("References %q do not end in the lab's message", refs)
			}
			if len(d.Raw) > 64<<10 {
				t.Errorf("draft of %d bytes", len(d.Raw))
			}
		})
	}
}

// FuzzDraft drafts from arbitrary strings where mail puts them and checks
// that the header stays ours.
func FuzzDraft(f *testing.F) {
	f.Add("12345", "Eve\r\nBcc: x", "eve@lab.example", "q@lab.example", "m@lab", "r@lab")
	f.Add("LABO-77", "\"Peeters, An\"", "=?utf-8?q?x?= <a@b.c>", "<>", "<a@b>", "\x00\u202e")
	f.Fuzz(func(t *testing.T, lab, name, email, from, mid, ref string) {
		d, err := New(hostileCase(lab, name, email, from, mid, []string{ref}), &Options{Now: fixedNow})
		if err != nil {
			return
		}
		checkHeaders(t, d.Raw)
	})
}
