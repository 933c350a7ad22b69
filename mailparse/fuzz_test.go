package mailparse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse feeds arbitrary bytes to Parse, seeded with the sample replies
// and the MIME fixtures: it must never panic and always return a Result
// with its slices non-nil (the contract prints them as arrays).
func FuzzParse(f *testing.F) {
	seedMIME(f)
	f.Fuzz(func(t *testing.T, raw []byte) {
		r := Parse(raw, &Options{MaxDepth: 8})
		if r == nil {
			t.Fatal("Parse returned nil")
		}
		// Parse turns a panic into an error Result so that one message
		// cannot stop a batch; for the fuzzer that is still a crash.
		if strings.HasPrefix(r.Error, "internal error") {
			t.Fatalf("Parse recovered from a panic: %s", r.Error)
		}
		if r.References == nil || r.Attachments == nil || r.Warnings == nil || r.ReviewReasons == nil {
			t.Fatalf("nil slice in Result: %+v", r)
		}
		if r.NeedsReview != (len(r.ReviewReasons) > 0) {
			t.Fatalf("needs_review %v with reasons %q", r.NeedsReview, r.ReviewReasons)
		}
		for _, w := range r.Warnings {
			if len(w) > maxWarning {
				t.Fatalf("warning of %d bytes", len(w))
			}
		}
		for _, v := range []string{r.Subject, r.Sections.A, r.OwnText, r.Contact.Name, r.Contact.Email} {
			if strings.IndexByte(v, 0) >= 0 {
				t.Fatalf("NUL kept: %q", v)
			}
		}
		for _, w := range r.Warnings {
			if strings.ContainsAny(w, "\x00\x1b\x07") {
				t.Fatalf("control character in a warning: %q", w)
			}
		}
	})
}

// FuzzDecode fuzzes the MIME layer alone, which runs several times faster
// than Parse and so explores more of it in the same time:
// go test -run='^$' -fuzz='^FuzzDecode$' ./mailparse
func FuzzDecode(f *testing.F) {
	seedMIME(f)
	f.Fuzz(func(t *testing.T, raw []byte) {
		d, err := decode(raw, &Options{MaxDepth: 8})
		if err == nil && d == nil {
			t.Fatal("decode returned neither result nor error")
		}
		if d != nil && !utf8.ValidString(d.Text) {
			t.Fatalf("decoded text is not valid UTF-8: %q", d.Text)
		}
	})
}

func seedMIME(f *testing.F) {
	for _, g := range []string{"../testdata/corpus/*.eml", "../testdata/mime/*.eml"} {
		files, _ := filepath.Glob(g)
		for _, p := range files {
			raw, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(raw)
		}
	}
	f.Add([]byte("Content-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\nContent-Type: message/rfc822\r\n\r\n--a--"))
	f.Add([]byte("Content-Type: text/html\r\n\r\n<table><tr><td><p><blockquote><li><![if !supportLists]>x"))
}

// TestDecodeNeverPanicsOnTruncation decodes every prefix-cut of the
// fixtures (a cheap deterministic complement to the fuzz target).
func TestDecodeNeverPanicsOnTruncation(t *testing.T) {
	files, _ := filepath.Glob("../testdata/mime/*.eml")
	for _, p := range files {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for n := 0; n < len(raw); n += 1 + len(raw)/97 {
			if _, err := decode(raw[:n], nil); err != nil && n > 8 {
				t.Errorf("%s cut at %d: %v", filepath.Base(p), n, err)
			}
		}
	}
}
