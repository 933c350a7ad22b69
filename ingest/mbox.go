package ingest

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"

	"cyberintake/store"
)

// mboxReader splits an mbox stream into messages without holding more than
// the message in hand: it reads line fragments from a bufio.Reader, so even
// a line of gigabytes costs only the buffer.
//
// A "From " line starts a new message when it follows an empty line (the
// rule of mbox(5)) or looks like a postmark ("From sender date" with a time
// of day), so that mboxes written without the blank separator still split.
// Lines ">From ", ">>From "... lose one ">": that undoes mboxrd's quoting
// exactly and mboxo's in the usual case (a body line "From " escaped once);
// an mboxo writer's original ">From " is ambiguous in any reader.
type mboxReader struct {
	br   *bufio.Reader
	c    io.Closer
	name string
	max  int64

	line    int64 // complete lines consumed
	from    int64 // line number of the "From " line of the message to read
	started bool
	eof     bool
	scratch []byte // the message being read; copied out at its end
}

func newMboxReader(br *bufio.Reader, c io.Closer, name string, o ReaderOptions) *mboxReader {
	return &mboxReader{br: br, c: c, name: name, max: o.MaxSize}
}

// maxScratch bounds the buffer kept between messages.
const maxScratch = 1 << 20

var postmark = regexp.MustCompile(`^From \S+ .*\d{1,2}:\d\d`)

func (r *mboxReader) Close() error { return r.c.Close() }

func (r *mboxReader) Next() (*Incoming, error) {
	if r.eof {
		return nil, io.EOF
	}
	if !r.started {
		r.started = true
		// The sniffer saw "From " on the first line; consume it.
		if err := r.skipLine(); err != nil {
			return nil, err
		}
		r.from = 1
	}
	start := r.from
	pos := fmt.Sprintf("%s:%d", r.name, start)
	msg := r.scratch[:0]
	var (
		tooLarge  bool
		atStart   = true // the next fragment begins a line
		prevBlank bool
		complete  = true // the last fragment ended a line
	)
	for {
		sep := atStart && r.isSeparator(prevBlank)
		frag, err := r.br.ReadSlice('\n')
		if len(frag) > 0 {
			if sep {
				r.from = r.line + 1
				if frag[len(frag)-1] == '\n' {
					r.line++
				} else if err := r.skipLine(); err != nil && err != io.EOF {
					return nil, err
				}
				return r.finish(msg, pos, tooLarge)
			}
			if atStart && isQuotedFrom(frag) {
				frag = frag[1:]
			}
			complete = frag[len(frag)-1] == '\n'
			if atStart {
				prevBlank = complete && (len(frag) == 1 || (len(frag) == 2 && frag[0] == '\r'))
			}
			if complete {
				r.line++
			}
			atStart = complete
			if !tooLarge && int64(len(msg)+len(frag)) > r.max {
				tooLarge, msg = true, nil
			}
			if !tooLarge {
				msg = append(msg, frag...)
			}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF:
			r.eof = true
			in, err := r.finish(msg, pos, tooLarge)
			if in != nil && !complete {
				// Filed all the same, flagged: a later complete copy
				// replaces it (issue 12).
				in.Truncated = "the mbox ends mid-line inside this message"
			}
			return in, err
		case errors.Is(err, io.ErrUnexpectedEOF) && len(msg) > 0 && !tooLarge:
			// A compressed mbox that ends early: what was read of the
			// message is filed, flagged.
			r.eof = true
			in, ferr := r.finish(msg, pos, tooLarge)
			if in != nil {
				in.Truncated = "the compressed archive ends inside this message"
			}
			return in, ferr
		case err != nil:
			r.eof = true
			return nil, fmt.Errorf("%s:%d: %w", r.name, r.line+1, readErr(err))
		}
	}
}

// finish hands over one message, without the blank line(s) that separate it
// from the next: they belong to the mbox, not to the message.
func (r *mboxReader) finish(msg []byte, pos string, tooLarge bool) (*Incoming, error) {
	if tooLarge {
		return nil, &SkipError{Pos: pos, Err: fmt.Errorf("%w: over %d bytes, skipped", ErrTooLarge, r.max)}
	}
	// The scratch buffer is reused, and the message handed on is an exact
	// copy: a batch holds its messages' bytes, not their buffers' slack.
	if cap(msg) <= maxScratch {
		r.scratch = msg[:0]
	} else {
		r.scratch = nil
	}
	msg = trimTrailingBlankLines(msg)
	if len(msg) == 0 {
		return nil, &SkipError{Pos: pos, Err: fmt.Errorf("empty message, skipped")}
	}
	raw := make([]byte, len(msg))
	copy(raw, msg)
	return &Incoming{Raw: raw, Source: store.Source{Kind: "mbox", Name: r.name}, Pos: pos}, nil
}

// isSeparator reports whether the line about to be read starts a message.
// It peeks so that the whole postmark is seen even when a line is longer
// than what ReadSlice returns at once.
func (r *mboxReader) isSeparator(prevBlank bool) bool {
	p, _ := r.br.Peek(5)
	if !bytes.Equal(p, []byte("From ")) {
		return false
	}
	if prevBlank {
		return true
	}
	p, _ = r.br.Peek(min(r.br.Size(), 256))
	if i := bytes.IndexByte(p, '\n'); i >= 0 {
		p = p[:i]
	}
	return postmark.Match(p)
}

// skipLine consumes the rest of the current line.
func (r *mboxReader) skipLine() error {
	for {
		frag, err := r.br.ReadSlice('\n')
		if len(frag) > 0 && frag[len(frag)-1] == '\n' {
			r.line++
			return nil
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF:
			r.eof = true
			return io.EOF
		case err != nil:
			r.eof = true
			return fmt.Errorf("%s:%d: %w", r.name, r.line+1, readErr(err))
		}
	}
}

// isQuotedFrom reports a line ">From ", ">>From "...
func isQuotedFrom(line []byte) bool {
	i := 0
	for i < len(line) && line[i] == '>' {
		i++
	}
	return i > 0 && bytes.HasPrefix(line[i:], []byte("From "))
}

// trimTrailingBlankLines keeps the message's own final line break but drops
// the empty lines after it.
func trimTrailingBlankLines(b []byte) []byte {
	for {
		switch {
		case bytes.HasSuffix(b, []byte("\r\n\r\n")):
			b = b[:len(b)-2]
		case bytes.HasSuffix(b, []byte("\n\n")):
			b = b[:len(b)-1]
		case bytes.Equal(b, []byte("\n")), bytes.Equal(b, []byte("\r\n")):
			return b[:0]
		default:
			return b
		}
	}
}
