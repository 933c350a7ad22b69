package mailparse

import (
	"strings"
	"testing"
)

// TestDecodeLimits checks the bounds: size refused with a clear error,
// nesting and part count cut with a warning, junk read as text.
func TestDecodeLimits(t *testing.T) {
	nested := func(depth int) string {
		var b strings.Builder
		b.WriteString("From: a@b.c\r\nSubject: deep\r\nContent-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n")
		for i := 0; i < depth; i++ {
			b.WriteString("--b" + itoa(i) + "\r\nContent-Type: multipart/mixed; boundary=\"b" + itoa(i+1) + "\"\r\n\r\n")
		}
		b.WriteString("--b" + itoa(depth) + "\r\nContent-Type: text/plain\r\n\r\ninnermost text\r\n")
		return b.String()
	}
	manyParts := "From: a@b.c\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n" +
		strings.Repeat("--x\r\nContent-Type: text/plain\r\n\r\np\r\n", 3000) + "--x--\r\n"
	tests := []struct {
		name    string
		raw     string
		opts    *Options
		err     string
		warn    string
		hasText string
	}{
		{name: "over size", raw: "From: a@b.c\r\n\r\n" + strings.Repeat("x", 2000), opts: &Options{MaxSize: 1024}, err: "message is 2015 bytes, over the 1024 bytes limit"},
		{name: "empty", raw: "  \r\n", err: "message is empty"},
		{name: "within depth", raw: nested(5), warn: "without its closing boundary", hasText: "innermost text"},
		{name: "too deep", raw: nested(30), err: "MIME structure nested deeper than 20 levels"},
		{name: "depth option", raw: nested(5), opts: &Options{MaxDepth: 3}, err: "MIME structure nested deeper than 3 levels"},
		{name: "too many parts", raw: manyParts, warn: "more than 1000 MIME parts"},
		{name: "no header", raw: "just some words\nand more", warn: "no header fields", hasText: "just some words\nand more"},
		{name: "no boundary", raw: "Content-Type: multipart/mixed\r\n\r\n--zz\r\nContent-Type: text/plain\r\n\r\nguessed\r\n--zz--\r\n", warn: "guessed", hasText: "guessed"},
		{name: "boundary never found", raw: "Content-Type: multipart/mixed; boundary=nope\r\n\r\nplain words\r\n", warn: "body read as text", hasText: "plain words"},
		{name: "bad part header", raw: "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nthis is no header\r\nContent-Type: text/plain\r\n\r\nbody kept\r\n--b--\r\n", warn: "malformed header", hasText: "body kept"},
		{name: "unknown charset", raw: "Content-Type: text/plain; charset=x-klingon\r\n\r\ncaf\xe9\r\n", warn: "unknown charset x-klingon", hasText: "café"},
		{name: "unknown encoding", raw: "Content-Type: text/plain\r\nContent-Transfer-Encoding: x-uue\r\n\r\nhello\r\n", warn: "unknown transfer encoding", hasText: "hello"},
		{name: "folded first line", raw: " Subject: x\r\nFrom: a@b.c\r\n\r\nbody\r\n", warn: "malformed header", hasText: "body"},
		{name: "HTML labelled plain", raw: "Content-Type: text/plain\r\n\r\n<!DOCTYPE html><html><body><p>a) phishing</p><p>b) LIS</p></body></html>", warn: "HTML labelled text/plain", hasText: "a) phishing\n\nb) LIS"},
		{name: "mbox From line", raw: "From lab@example.be Mon Feb 22 09:14:33 2021\nFrom: lab@example.be\nSubject: x\n\nbody\n", hasText: "body"},
		{name: "lone CR", raw: "From: a@b.c\r\n\r\none\rtwo\r\n", hasText: "one\ntwo"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := decode([]byte(tt.raw), tt.opts)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.warn != "" && !strings.Contains(strings.Join(d.Warnings, "\n"), tt.warn) {
				t.Errorf("warnings %q lack %q", d.Warnings, tt.warn)
			}
			if tt.warn == "" && len(d.Warnings) > 0 {
				t.Errorf("unexpected warnings %q", d.Warnings)
			}
			if !strings.Contains(d.Text, tt.hasText) {
				t.Errorf("text %q lacks %q", d.Text, tt.hasText)
			}
		})
	}
}

func TestDecodeDefaultSizeError(t *testing.T) {
	raw := make([]byte, 50<<20+1)
	_, err := decode(raw, nil)
	if err == nil || err.Error() != "message is 52428801 bytes, over the 50 MiB limit" {
		t.Fatalf("err = %v", err)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Tue, 16 Feb 2021 09:15:02 +0000", "2021-02-16T09:15:02Z"},
		{"Fri, 19 Feb 2021 22:37:05 +0100 (CET)", "2021-02-19T22:37:05+01:00"},
		{"Thu, 4 Mar 2021 8:05:00 +0100", "2021-03-04T08:05:00+01:00"},
		{"Thu, 04 Mar 2021 08:05 +0100", "2021-03-04T08:05:00+01:00"},
		{"Thu,  4 Mar 2021 08:05:00 GMT+0100", "2021-03-04T08:05:00+01:00"},
		{"4 March 2021 08:05:00 +01:00", "2021-03-04T08:05:00+01:00"},
		{"Thu Mar  4 08:05:00 2021", "2021-03-04T08:05:00Z"},
		{"2021-03-04 08:05:00 +0100", "2021-03-04T08:05:00+01:00"},
		{"Donnerstag, 4. März 2021", ""},
		{"Mon, 22 Feb 2021 09:31:14 GMT", "2021-02-22T09:31:14Z"},
		{"Mon, 22 Feb 2021 09:31:14 CET", "2021-02-22T09:31:14+01:00"},
		{"Sun, 31 Feb 2021 09:31:14 +0100", ""},
		{"Mon, 22 Feb 2021 25:31:14 +0100", ""},
		{"22 feb 2021 09:31 -0330", "2021-02-22T09:31:00-03:30"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := parseDate(tt.in); got != tt.want {
				t.Errorf("parseDate(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDecodeWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=?utf-8?Q?Cyber_attaque_=E2=80=93_labo?=", "Cyber attaque – labo"},
		{"=?utf-8?B?w6k=?= =?utf-8?B?w6k=?=", "éé"},
		{"=?utf-8?Q?=C3?= =?utf-8?Q?=A9t=C3=A9?=", "été"},
		{"=?windows-1252?Q?=96?= x", "– x"},
		{"AW: =?iso-8859-1?Q?Cyberattaque_?= labo", "AW: Cyberattaque  labo"},
		{"=?utf-8?Q?caf=E9?=", "café"},
		{"=?bogus", "=?bogus"},
		{"=?x-unknown?Q?abc?=", "abc"},
		{"caf\xe9 8-bit", "café 8-bit"},
		{"=?UTF-8*fr?Q?R=C3=A9ponse?=", "Réponse"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := decodeWords(tt.in); got != tt.want {
				t.Errorf("decodeWords(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseFrom(t *testing.T) {
	tests := []struct{ in, addr, name string }{
		{`"Dupont, Marie" <Marie.Dupont@Labo.be>`, "marie.dupont@labo.be", "Dupont, Marie"},
		{`Dupont, Marie <marie@labo.be>`, "marie@labo.be", "Dupont, Marie"},
		{`Dr. J. Peeters <j@labo.be>`, "j@labo.be", "Dr. J. Peeters"},
		{`=?utf-8?Q?G=C3=A9rard?= Anne <a@b.be>`, "a@b.be", "Gérard Anne"},
		{`a@B.be (Anne)`, "a@b.be", "Anne"},
		{`<a@b.be>`, "a@b.be", ""},
		{`Anne a@b.be`, "a@b.be", "Anne"},
		{`undisclosed`, "", "undisclosed"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			a, n := parseFrom(tt.in)
			if a != tt.addr || n != tt.name {
				t.Errorf("parseFrom(%q) = %q, %q; want %q, %q", tt.in, a, n, tt.addr, tt.name)
			}
		})
	}
}

func TestMsgIDs(t *testing.T) {
	got := msgIDs("<a@b>\r\n <c@d> junk <>")
	if strings.Join(got, ",") != "a@b,c@d" {
		t.Errorf("msgIDs = %q", got)
	}
	if got := msgIDs("x@y"); len(got) != 1 || got[0] != "x@y" {
		t.Errorf("bare id: %q", got)
	}
}

func TestDecodeBase64Damaged(t *testing.T) {
	tests := []struct{ in, want string }{
		{"aGVsbG8=", "hello"},
		{"aGVsbG8", "hello"},
		{"aGVs\r\nbG8=\r\n", "hello"},
		{"aGVsbG8=aGVsbG8=", "hellohello"},
		{"aGVs*bG8", "hello"},
		{"aGVsbG8=x", "hello"},
	}
	for _, tt := range tests {
		if got, _, _ := decodeBase64([]byte(tt.in)); string(got) != tt.want {
			t.Errorf("decodeBase64(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDecodeQP(t *testing.T) {
	tests := []struct{ in, want string }{
		{"caf=E9 =\r\nsuite", "caf\xe9 suite"},
		{"a=3Db", "a=b"},
		{"100% =ZZ net", "100% =ZZ net"},
		{"soft= \nbreak", "softbreak"},
		{"end=", "end"},
	}
	for _, tt := range tests {
		if got := string(decodeQP([]byte(tt.in))); got != tt.want {
			t.Errorf("decodeQP(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestDecodeWordsUnclosed decodes a long header of unclosed encoded words:
// read in linear time it takes a fraction of a second; the quadratic scan
// it once did (the rest of the value searched at each "=?") would not end
// before the test timeout.
func TestDecodeWordsUnclosed(t *testing.T) {
	v := strings.Repeat("=?utf-8?q?abc ", 200000)
	if got := decodeWords(v); len(got) != len(v) {
		t.Errorf("decoded length %d, want %d", len(got), len(v))
	}
}

func TestDecodeEmptyForward(t *testing.T) {
	d := mustDecode(t, []byte("Content-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\nContent-Type: text/plain\r\n\r\nbody\r\n--a\r\nContent-Type: message/rfc822\r\n\r\n--a--"))
	if d.Text != "body\n" {
		t.Errorf("text %q", d.Text)
	}
}

func TestDecodeTextCap(t *testing.T) {
	line := "a) Le réseau a été coupé pendant deux jours.\n"
	raw := "From: a@b.c\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + strings.Repeat(line, 2*maxText/len(line))
	d := mustDecode(t, []byte(raw))
	if len(d.Text) > maxText+1 || !strings.HasSuffix(d.Text, "deux jours.\n") {
		t.Errorf("text of %d bytes ends %q", len(d.Text), d.Text[max(0, len(d.Text)-20):])
	}
	if !strings.Contains(strings.Join(d.Warnings, "\n"), "only the first 256 KiB read") {
		t.Errorf("warnings %q", d.Warnings)
	}
}

func TestSplitMessage(t *testing.T) {
	tests := []struct{ in, header, body string }{
		{"A: 1\r\nB: 2\r\n\r\nbody\r\n\r\nmore", "A: 1\r\nB: 2\r\n", "body\r\n\r\nmore"},
		{"A: 1\nB: 2\n\nbody\n", "A: 1\nB: 2\n", "body\n"},
		{"\r\nbody", "", "body"},
		{"\nbody", "", "body"},
		{"A: 1\r\n", "A: 1\r\n", ""},
		{"A: 1\r\n\r", "A: 1\r\n", ""},
		{"A: 1", "A: 1", ""},
		{"A: 1\n\r\nbody", "A: 1\n", "body"},
	}
	for _, tt := range tests {
		h, b := splitMessage([]byte(tt.in))
		if string(h) != tt.header || string(b) != tt.body {
			t.Errorf("splitMessage(%q) = %q, %q; want %q, %q", tt.in, h, b, tt.header, tt.body)
		}
	}
}

func TestReadHeaderLongLines(t *testing.T) {
	refs := strings.Repeat("<a-very-long-message-id@example.be> ", 400)
	block := "Subject: x\r\nReferences: " + refs + "\r\nFrom: a@b.c\r\n"
	h, warn := readHeader([]byte(block))
	if warn != "" || h.Get("From") != "a@b.c" || len(msgIDs(h.Get("References"))) != 400 {
		t.Errorf("warn %q, From %q, %d references", warn, h.Get("From"), len(msgIDs(h.Get("References"))))
	}
}
