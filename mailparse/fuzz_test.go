package mailparse

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse feeds arbitrary bytes to Parse, seeded with the sample replies
// and the MIME fixtures: it must never panic and always return a Result
// with its slices non-nil (the contract prints them as arrays).
func FuzzParse(f *testing.F) {
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
	f.Fuzz(func(t *testing.T, raw []byte) {
		r := Parse(raw, &Options{MaxDepth: 8})
		if r == nil {
			t.Fatal("Parse returned nil")
		}
		if r.References == nil || r.Attachments == nil || r.Warnings == nil {
			t.Fatalf("nil slice in Result: %+v", r)
		}
	})
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
