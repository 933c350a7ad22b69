package ingest

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync/atomic"

	"github.com/klauspost/compress/gzip"

	"cyberintake/store"
)

// DefaultMaxSize is the largest message read when ReaderOptions.MaxSize is
// zero: larger ones are reported and skipped, so that one monster attachment
// cannot exhaust memory.
const DefaultMaxSize = 50 << 20

var (
	// ErrTooLarge: a message larger than ReaderOptions.MaxSize; skipped.
	ErrTooLarge = errors.New("message too large")
	// ErrNotMail: an input that is neither an mbox nor a mail message.
	ErrNotMail = errors.New("not mail")
	// ErrTruncated: an archive that ends in the middle of a message.
	ErrTruncated = errors.New("truncated")
)

// Reader yields the messages of one input (an mbox, a Maildir, a folder of
// .eml files, one file, standard input) in a deterministic order.
//
// Next returns io.EOF after the last message. A *SkipError means one message
// could not be read and Next may be called again; any other error means the
// rest of the input cannot be read. Errors name the file, and the line for
// an mbox.
type Reader interface {
	Next() (*Incoming, error)
	Close() error
}

// SkipError reports one message (or one file of a folder) that could not be
// read while the rest of the input still can.
type SkipError struct {
	Pos string // file:line in an mbox, else the file path; "" if Err names it
	Err error
}

func (e *SkipError) Error() string {
	if e.Pos == "" {
		return e.Err.Error() // already names its file
	}
	return e.Pos + ": " + e.Err.Error()
}
func (e *SkipError) Unwrap() error { return e.Err }

// ReaderOptions tune the archive readers. A nil *ReaderOptions is valid.
type ReaderOptions struct {
	// MaxSize is the largest message read, in bytes; zero means
	// DefaultMaxSize. Memory use is bounded by a few times this.
	MaxSize int64
	// Stdin is read for the input "-"; nil means os.Stdin.
	Stdin io.Reader
	// StdinName is recorded as the source name of messages read from
	// standard input; empty means "-".
	StdinName string
	// Logger receives notes on skipped files; nil means slog.Default().
	Logger *slog.Logger

	counted *atomic.Int64 // if set, counts the bytes read from files (progress.go)
}

func (o *ReaderOptions) withDefaults() ReaderOptions {
	var r ReaderOptions
	if o != nil {
		r = *o
	}
	if r.MaxSize <= 0 {
		r.MaxSize = DefaultMaxSize
	}
	if r.Stdin == nil {
		r.Stdin = os.Stdin
	}
	if r.StdinName == "" {
		r.StdinName = "-"
	}
	if r.Logger == nil {
		r.Logger = slog.Default()
	}
	return r
}

// Open returns the Reader for one command-line input: "-" for standard
// input, a directory (Maildir, or a folder searched for .eml files, mboxes
// and Maildirs), or a file whose content tells what it is: gzip by its magic
// bytes, an mbox if it starts with a "From " line, else one message.
func Open(path string, opts *ReaderOptions) (Reader, error) {
	o := opts.withDefaults()
	if path == "-" {
		return openStream(io.NopCloser(o.Stdin), o.StdinName, "stdin", o)
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if fi.IsDir() {
		return openDir(path, o)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if o.counted != nil {
		return openStream(countingReader{f, o.counted}, path, "eml", o)
	}
	return openStream(f, path, "eml", o)
}

// openStream sniffs rc and returns an mbox reader or a one-message reader.
// kind is the Source.Kind of a lone message ("eml" or "stdin").
func openStream(rc io.ReadCloser, name, kind string, o ReaderOptions) (Reader, error) {
	br := bufio.NewReaderSize(rc, 64<<10)
	var closer io.Closer = rc
	if magic, _ := br.Peek(2); bytes.Equal(magic, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			rc.Close()
			return nil, fmt.Errorf("%s: gzip: %w", name, err)
		}
		br = bufio.NewReaderSize(zr, 64<<10)
		closer = multiCloser{zr, rc}
	}
	head, err := br.Peek(512)
	if errors.Is(err, io.ErrUnexpectedEOF) && len(head) > 0 {
		err = nil // a cut .gz: the reader files what there is, flagged
	}
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		closer.Close()
		return nil, fmt.Errorf("%s: %w", name, readErr(err))
	}
	switch sniff(head) {
	case formatMbox:
		return newMboxReader(br, closer, name, o), nil
	case formatMessage:
		return &oneReader{br: br, c: closer, name: name, kind: kind, max: o.MaxSize}, nil
	}
	closer.Close()
	if len(head) == 0 {
		return nil, fmt.Errorf("%s: %w: empty file", name, ErrNotMail)
	}
	return nil, fmt.Errorf("%s: %w: neither an mbox nor a message (starts %q)", name, ErrNotMail, firstLine(head))
}

type format int

const (
	formatUnknown format = iota
	formatMbox
	formatMessage
)

// sniff tells an mbox (first line "From ") from a message (first line a
// header field "Name: value" or a folded header) from anything else.
func sniff(head []byte) format {
	line := firstLine(head)
	switch {
	case bytes.HasPrefix(line, []byte("From ")):
		return formatMbox
	case isHeaderLine(line):
		return formatMessage
	}
	return formatUnknown
}

func firstLine(b []byte) []byte {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		b = b[:i]
	}
	if len(b) > 60 {
		b = b[:60]
	}
	return bytes.TrimRight(b, "\r")
}

// isHeaderLine reports whether line is "Field-Name:" followed by anything,
// the field name being printable ASCII without colon (RFC 5322 2.2).
func isHeaderLine(line []byte) bool {
	i := bytes.IndexByte(line, ':')
	if i <= 0 {
		return false
	}
	for _, c := range line[:i] {
		if c < 33 || c > 126 {
			return false
		}
	}
	return true
}

// readErr names a read failure the way people understand it.
func readErr(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("%w: compressed data ends early", ErrTruncated)
	}
	return err
}

// oneReader yields the single message of a file or of standard input.
type oneReader struct {
	br   *bufio.Reader
	c    io.Closer
	name string
	kind string
	max  int64
	done bool
}

func (r *oneReader) Next() (*Incoming, error) {
	if r.done {
		return nil, io.EOF
	}
	r.done = true
	raw, err := io.ReadAll(io.LimitReader(r.br, r.max+1))
	truncated := ""
	if errors.Is(err, io.ErrUnexpectedEOF) && len(raw) > 0 {
		// A compressed message that ends early: what was read is filed,
		// flagged (issue 12).
		err, truncated = nil, "the compressed file ends inside this message"
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", r.name, readErr(err))
	}
	if int64(len(raw)) > r.max {
		return nil, &SkipError{Pos: r.name, Err: fmt.Errorf("%w: over %d bytes", ErrTooLarge, r.max)}
	}
	return &Incoming{Raw: raw, Source: store.Source{Kind: r.kind, Name: r.name}, Pos: r.name, Truncated: truncated}, nil
}

func (r *oneReader) Close() error { return r.c.Close() }

type multiCloser []io.Closer

func (m multiCloser) Close() error {
	var errs []error
	for _, c := range m {
		errs = append(errs, c.Close())
	}
	return errors.Join(errs...)
}
