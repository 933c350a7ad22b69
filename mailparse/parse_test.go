package mailparse

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestParseReaderLimit(t *testing.T) {
	msg := "From: a@lab.be\r\nSubject: Cyber attaque - labo 1\r\n\r\n" + strings.Repeat("x", 2000)
	r := ParseReader(strings.NewReader(msg), &Options{MaxSize: 1000})
	if r.Error == "" || !strings.Contains(r.Error, "limit") {
		t.Fatalf("over-size message: error %q, want one naming the limit", r.Error)
	}
	if r := ParseReader(strings.NewReader(msg), nil); r.Error != "" {
		t.Fatalf("default limit refused a small message: %s", r.Error)
	}
}

// TestParseResultShape checks what the contract needs of every Result:
// lists never null, tags present, kind set, even for odd input.
func TestParseResultShape(t *testing.T) {
	for _, tc := range []struct {
		name string
		raw  string
	}{
		{"empty", ""},
		{"header only", "Subject: Cyber attaque - labo 1\r\n"},
		{"no subject", "From: a@b.c\r\n\r\nBonjour"},
		{"binary", "\x00\x01\x02\xff\xfe"},
		{"report", "From: A <a@lab.be>\r\nSubject: Cyber attaque - labo 1\r\n\r\na) x\r\nb) y\r\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Parse([]byte(tc.raw), nil)
			if r == nil {
				t.Fatal("nil Result")
			}
			b, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(b, []byte("null")) && !bytes.Contains(b, []byte(`"lab":null`)) && !bytes.Contains(b, []byte(`"downtime_days":null`)) {
				t.Errorf("null list in %s", b)
			}
			if r.Kind == "" {
				t.Error("no kind")
			}
		})
	}
}

func TestParseReport(t *testing.T) {
	raw := "From: Dr Jan Peeters <jan.peeters@lab.be>\r\nSubject: RE: Cyberaanval - labo 4242\r\n" +
		"Message-ID: <m1@lab.be>\r\nIn-Reply-To: <q@sciensano.be>\r\nReferences: <q@sciensano.be>\r\n" +
		"Date: Mon, 1 Mar 2021 10:00:00 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
		"Geachte,\r\n\r\na) Phishing.\r\nb) LIS twee dagen plat.\r\nc) Noodplan.\r\nd) MFA.\r\ne) NC-2021-042\r\n\r\n" +
		"Contactpersoon: ondergetekende.\r\n\r\nMet vriendelijke groeten,\r\nDr Jan Peeters\r\nT 014 22 33 44\r\n"
	r := Parse([]byte(raw), nil)
	if r.Kind != KindReport || r.Lab == nil || *r.Lab != "4242" {
		t.Fatalf("kind %s lab %v", r.Kind, deref(r.Lab))
	}
	want := Sections{A: "Phishing.", B: "LIS twee dagen plat.", C: "Noodplan.", D: "MFA.", E: "NC-2021-042"}
	if r.Sections != want {
		t.Errorf("sections %+v, want %+v", r.Sections, want)
	}
	if len(r.References) != 1 || r.References[0] != "NC-2021-042" {
		t.Errorf("references %q", r.References)
	}
	if c := (Contact{Name: "Jan Peeters", Email: "jan.peeters@lab.be", Phone: "014 22 33 44"}); r.Contact != c {
		t.Errorf("contact %+v, want %+v", r.Contact, c)
	}
	if r.MessageID != "m1@lab.be" || r.InReplyTo != "q@sciensano.be" || len(r.Thread) != 1 {
		t.Errorf("ids %q %q %q", r.MessageID, r.InReplyTo, r.Thread)
	}
}
