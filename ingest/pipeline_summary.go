package ingest

import (
	"fmt"
	"io"
	"slices"
	"sync"
	"time"

	"cyberintake/mailparse"
	"cyberintake/store"
)

// maxListedErrors bounds Summary.Errors; every error is logged anyway.
const maxListedErrors = 100

// Summary is what an ingest run did. Read counts the messages handed to
// the store; each is then exactly one of Reports, AutoReplies, Bounces,
// Unrelated (newly filed, by kind), Failed (newly filed raw, the parser
// failed on it), Duplicates (already in the store) or Replaced (the
// complete copy of a stored truncated message, which it replaced).
// Truncated counts the newly filed (or replacing) messages that end early
// and are flagged for review: partial input, as Skipped is. Skipped
// counts the messages and inputs that could not be read at all; Errors
// says why.
type Summary struct {
	Read        int      `json:"read"`
	Reports     int      `json:"reports"`
	AutoReplies int      `json:"auto_replies"`
	Bounces     int      `json:"bounces"`
	Unrelated   int      `json:"unrelated"`
	Duplicates  int      `json:"duplicates"`
	Replaced    int      `json:"replaced"`
	Failed      int      `json:"failed"`
	Truncated   int      `json:"truncated"`
	Skipped     int      `json:"skipped"`
	Errors      []string `json:"errors"`
	Bytes       int64    `json:"bytes"`
	Seconds     float64  `json:"seconds"`
	Interrupted bool     `json:"interrupted,omitempty"`
}

// Filed is the number of messages newly stored by the run.
func (s *Summary) Filed() int {
	return s.Reports + s.AutoReplies + s.Bounces + s.Unrelated + s.Failed
}

// WriteText prints the summary for people.
func (s *Summary) WriteText(w io.Writer) {
	rate := 0.0
	if s.Seconds > 0 {
		rate = float64(s.Read) / s.Seconds
	}
	fmt.Fprintf(w, "read %d messages (%.1f MB) in %.1fs, %.0f/s\n", s.Read, float64(s.Bytes)/1e6, s.Seconds, rate)
	rows := []struct {
		name string
		n    int
	}{
		{"filed as reports", s.Reports},
		{"auto-replies", s.AutoReplies},
		{"bounces", s.Bounces},
		{"unrelated", s.Unrelated},
		{"duplicates", s.Duplicates},
		{"replaced truncated", s.Replaced},
		{"failed (filed raw)", s.Failed},
		{"truncated (review)", s.Truncated},
		{"skipped (unreadable)", s.Skipped},
	}
	for _, r := range rows {
		fmt.Fprintf(w, "  %-22s %8d\n", r.name, r.n)
	}
	for _, e := range s.Errors {
		fmt.Fprintf(w, "  error: %s\n", e)
	}
	if more := s.Skipped - len(s.Errors); more > 0 {
		fmt.Fprintf(w, "  ... and %d more errors (see the log)\n", more)
	}
	if s.Interrupted {
		fmt.Fprintf(w, "interrupted: run the same command again to file the rest\n")
	}
}

// counter accumulates a Summary; the progress line reads it concurrently.
type counter struct {
	mu    sync.Mutex
	s     Summary
	start time.Time
}

func newSummary() *counter {
	return &counter{s: Summary{Errors: []string{}}, start: time.Now()}
}

func (c *counter) addError(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.s.Skipped++
	if len(c.s.Errors) < maxListedErrors {
		c.s.Errors = append(c.s.Errors, err.Error())
	}
}

func (c *counter) addBatch(msgs []store.Message, out []store.Outcome) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, m := range msgs {
		c.s.Read++
		c.s.Bytes += int64(len(m.Raw))
		dup := i < len(out) && out[i].Duplicate
		if !dup && (m.Truncated != "" || m.Result != nil && slices.Contains(m.Result.ReviewReasons, mailparse.ReasonTruncated)) {
			c.s.Truncated++
		}
		switch {
		case dup:
			c.s.Duplicates++
		case i < len(out) && out[i].Replaced:
			c.s.Replaced++
		case m.Result == nil || m.Result.Error != "":
			c.s.Failed++
		case m.Result.Kind == mailparse.KindReport:
			c.s.Reports++
		case m.Result.Kind == mailparse.KindAutoReply:
			c.s.AutoReplies++
		case m.Result.Kind == mailparse.KindBounce:
			c.s.Bounces++
		default:
			c.s.Unrelated++
		}
	}
}

// progress returns messages and bytes filed so far and the elapsed time.
func (c *counter) progress() (int, int64, time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.s.Read, c.s.Bytes, time.Since(c.start)
}

func (c *counter) finish() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.s.Seconds = time.Since(c.start).Seconds()
}

// Summary returns a copy of the counts.
func (c *counter) Summary() *Summary {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.s
	s.Errors = append([]string{}, c.s.Errors...)
	return &s
}
