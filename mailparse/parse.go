package mailparse

import (
	"fmt"
	"io"
)

// Placeholder; the mailparse owners replace this file.

// Options tune Parse. A nil *Options is valid and means the defaults.
type Options struct {
	// MaxSize is the largest message accepted, in bytes; larger ones get an
	// Error in their Result. Zero means 50 MiB.
	MaxSize int64
	// MaxDepth bounds MIME nesting (multipart in multipart, message/rfc822
	// in multipart...). Zero means 20.
	MaxDepth int
}

// Parse reads one raw RFC 5322 message. It never panics and never returns
// nil: a message it cannot read at all has Result.Error set.
func Parse(raw []byte, opts *Options) *Result {
	return &Result{Kind: KindUnrelated, References: []string{}, Attachments: []Attachment{}, Warnings: []string{}, Error: "not implemented"}
}

// ParseReader reads a message from r, refusing one larger than MaxSize.
func ParseReader(r io.Reader, opts *Options) *Result {
	raw, err := io.ReadAll(r)
	if err != nil {
		return Failed("", err)
	}
	return Parse(raw, opts)
}

// Failed returns the Result for a file that could not be read at all.
func Failed(file string, err error) *Result {
	r := &Result{File: file, Kind: KindUnrelated, References: []string{}, Attachments: []Attachment{}, Warnings: []string{}}
	r.Error = fmt.Sprint(err)
	return r
}
