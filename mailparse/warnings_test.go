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

// TestControlsDropped is issue 8's NUL bytes kept in subject and
// sections: control characters go from every text field; tabs and line
// ends of multi-line fields stay.
func TestControlsDropped(t *testing.T) {
	raw := "From: Lab\x00 <lab@example.be>\r\n" +
		"Subject: RE: Sciensano-AC-2021-04 - labo 12345\x00\x1b[2J\x1b]0;TITLE\x07 end\r\n\r\n" +
		"a) Phish\x00ing mail\topened \x1b[31mred\x1b[0m \xc2\x9b2J.\r\nb) LIS down for two days.\r\nc) Paper\x7f.\r\n"
	res := Parse([]byte(raw), nil)
	fields := map[string]string{"subject": res.Subject, "a": res.Sections.A, "c": res.Sections.C, "own_text": res.OwnText, "contact": res.Contact.Name}
	for name, v := range fields {
		for _, r := range v {
			if r < 0x20 && r != '\t' && r != '\n' || r == 0x7f || r >= 0x80 && r <= 0x9f {
				t.Errorf("%s keeps control %U: %q", name, r, v)
			}
		}
	}
	if res.Sections.A != "Phishing mail\topened [31mred[0m 2J." {
		t.Errorf("a = %q", res.Sections.A)
	}
	if !strings.Contains(res.OwnText, "\n") {
		t.Errorf("own_text lost its line ends: %q", res.OwnText)
	}
	if got := stripControls("a\nb\r\nc", false); got != "a b  c" {
		t.Errorf("one-line field: %q", got)
	}
}
