package mailparse

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestWarningsBounded is issue 8's 5,000-character charset name, and the
// other places a warning repeats what the message says: every warning is
// short, whatever the message.
func TestWarningsBounded(t *testing.T) {
	long := strings.Repeat("x", 5000)
	body := reviewReport + "caf\xe9\r\n"
	tests := []struct{ name, raw string }{
		{"charset name", reviewMail("Content-Type: text/plain; charset=\""+long+"\"\r\n", body)},
		{"charset label that lies", reviewMail("Content-Type: text/plain; charset=\"utf-8"+long+"\"\r\n", body)},
		{"transfer encoding", reviewMail("Content-Type: text/plain\r\nContent-Transfer-Encoding: "+long+"\r\n", body)},
		{"content type", reviewMail("Content-Type: "+long+"\r\n", body)},
		{"attachment name", reviewMail("Content-Type: multipart/mixed; boundary=q\r\n",
			"--q\r\nContent-Type: text/plain\r\n\r\nVoir pièce jointe.\r\n"+
				"--q\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\""+long+".docx\"\r\n\r\nnot a zip\r\n--q--\r\n")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Parse([]byte(tt.raw), nil)
			if len(res.Warnings) == 0 {
				t.Fatal("no warning: the case tests nothing")
			}
			quoted := false
			for _, w := range res.Warnings {
				if len(w) > maxWarning || !utf8.ValidString(w) {
					t.Errorf("warning of %d bytes: %.120q...", len(w), w)
				}
				if strings.Contains(w, "xxxxxxxxxx") {
					quoted = true
				}
				if strings.Contains(w, strings.Repeat("x", maxWarnValue+1)) {
					t.Errorf("value quoted past %d bytes: %.120q...", maxWarnValue, w)
				}
			}
			if !quoted {
				t.Errorf("no warning names the value at all: %q", res.Warnings)
			}
		})
	}
}

// TestNULDropped is issue 8's NUL bytes kept in subject and sections:
// NUL goes from every text field (and no longer splits a word); the other
// controls stay as sent (issue 8.6: JSON keeps them, printing escapes
// them); warnings, the parser's own words, carry no control at all.
func TestNULDropped(t *testing.T) {
	raw := "From: Lab\x00 <lab@example.be>\r\n" +
		"Subject: RE: Sciensano-AC-2021-04 - labo 12345\x00\x1b]0;TITLE\x07 end\r\n" +
		"Content-Type: text/plain; charset=\"x\x1b[2J\"\r\n\r\n" +
		"a) Phish\x00ing mail\topened \x1b[31mred\x1b[0m.\r\nb) LIS down for two days.\r\nc) Paper.\r\n"
	res := Parse([]byte(raw), nil)
	fields := map[string]string{"subject": res.Subject, "a": res.Sections.A, "own_text": res.OwnText, "contact": res.Contact.Name}
	for name, v := range fields {
		if strings.IndexByte(v, 0) >= 0 {
			t.Errorf("%s keeps a NUL: %q", name, v)
		}
	}
	if res.Sections.A != "Phishing mail\topened \x1b[31mred\x1b[0m." {
		t.Errorf("a = %q", res.Sections.A)
	}
	if !strings.Contains(res.Subject, "\x1b]0;TITLE\x07") {
		t.Errorf("subject lost what was sent: %q", res.Subject)
	}
	if len(res.Warnings) == 0 {
		t.Fatal("no warning for the unknown charset")
	}
	for _, w := range res.Warnings {
		if strings.ContainsAny(w, "\x00\x1b\x07") {
			t.Errorf("warning carries a control character: %q", w)
		}
	}
	if got := stripControls("a\nb\r\nc\x1b", false); got != "a b  c" {
		t.Errorf("one-line warning value: %q", got)
	}
}
