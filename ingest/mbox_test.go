package ingest

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

func readMboxString(t testing.TB, s string, max int64) ([]string, []error) {
	t.Helper()
	r := newMboxReader(bufio.NewReaderSize(strings.NewReader(s), 64), io.NopCloser(nil), "t.mbox", ReaderOptions{MaxSize: max})
	msgs, errs := drain(t, r)
	out := make([]string, len(msgs))
	for i, m := range msgs {
		out[i] = string(m.Raw)
	}
	return out, errs
}

// TestMboxSplit covers the mbox rules one by one. The reader's buffer is
// tiny (64 bytes) so that every line also crosses buffer boundaries.
func TestMboxSplit(t *testing.T) {
	long := strings.Repeat("y", 200)
	tests := []struct {
		name string
		in   string
		want []string
		errs []string
	}{
		{"two messages",
			"From a Mon Feb 15 08:00:00 2021\nA: 1\n\nbody1\n\nFrom b Mon Feb 15 08:01:00 2021\nB: 2\n\nbody2\n\n",
			[]string{"A: 1\n\nbody1\n", "B: 2\n\nbody2\n"}, nil},
		{"mboxrd unquoting",
			"From a Mon Feb 15 08:00:00 2021\nA: 1\n\n>From x\n>>From y\n> From z\n\n",
			[]string{"A: 1\n\nFrom x\n>From y\n> From z\n"}, nil},
		{"mboxo From in body without blank line or time is body",
			"From a Mon Feb 15 08:00:00 2021\nA: 1\n\ntext\nFrom there on we worked\n\n",
			[]string{"A: 1\n\ntext\nFrom there on we worked\n"}, nil},
		{"postmark without blank line splits",
			"From a Mon Feb 15 08:00:00 2021\nA: 1\n\nbody1\nFrom b Mon Feb 15 08:01:00 2021\nB: 2\n",
			[]string{"A: 1\n\nbody1\n", "B: 2\n"}, nil},
		{"From after blank line splits even without a date",
			"From a\nA: 1\n\nbody1\n\nFrom b\nB: 2\n",
			[]string{"A: 1\n\nbody1\n", "B: 2\n"}, nil},
		{"CRLF",
			"From a Mon Feb 15 08:00:00 2021\r\nA: 1\r\n\r\nbody1\r\n\r\nFrom b Mon Feb 15 08:01:00 2021\r\nB: 2\r\n\r\n",
			[]string{"A: 1\r\n\r\nbody1\r\n", "B: 2\r\n"}, nil},
		{"long lines",
			"From a Mon Feb 15 08:00:00 2021\nA: " + long + "\n\n>From " + long + "\n\nFrom b " + long + " 08:01\nB: 2\n\n",
			[]string{"A: " + long + "\n\nFrom " + long + "\n", "B: 2\n"}, nil},
		{"several blank separators",
			"From a Mon Feb 15 08:00:00 2021\nA: 1\n\n\n\nFrom b Mon Feb 15 08:01:00 2021\nB: 2\n",
			[]string{"A: 1\n", "B: 2\n"}, nil},
		{"empty message skipped",
			"From a Mon Feb 15 08:00:00 2021\n\nFrom b Mon Feb 15 08:01:00 2021\nB: 2\n",
			[]string{"B: 2\n"}, []string{"t.mbox:1: empty message, skipped"}},
		{"too large skipped, the next read",
			"From a Mon Feb 15 08:00:00 2021\nA: " + long + long + "\n\nFrom b Mon Feb 15 08:01:00 2021\nB: 2\n",
			[]string{"B: 2\n"}, []string{"t.mbox:1: message too large: over 150 bytes, skipped"}},
		{"truncated last message is read, flagged (TestMboxTruncatedFlagged)",
			"From a Mon Feb 15 08:00:00 2021\nA: 1\n\nFrom b Mon Feb 15 08:01:00 2021\nB: 2\n\nbody cut he",
			[]string{"A: 1\n", "B: 2\n\nbody cut he"}, nil},
		{"only a postmark", "From a Mon Feb 15 08:00:00 2021", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			max := int64(1000)
			if strings.HasPrefix(tt.name, "too large") {
				max = 150
			}
			got, errs := readMboxString(t, tt.in, max)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("messages\n got %q\nwant %q", got, tt.want)
			}
			var es []string
			for _, e := range errs {
				es = append(es, e.Error())
			}
			if strings.Join(es, "|") != strings.Join(tt.errs, "|") {
				t.Errorf("errors\n got %q\nwant %q", es, tt.errs)
			}
		})
	}
}

// TestMboxTruncatedFlagged: issue 12. The message an mbox ends inside
// (mid-line) is read and flagged; the others are not.
func TestMboxTruncatedFlagged(t *testing.T) {
	for name, in := range map[string]string{
		"cut mid-line": "From a Mon Feb 15 08:00:00 2021\nA: 1\n\nFrom b Mon Feb 15 08:01:00 2021\nB: 2\n\nbody cut he",
		"whole":        "From a Mon Feb 15 08:00:00 2021\nA: 1\n\nFrom b Mon Feb 15 08:01:00 2021\nB: 2\n\nbody\n",
	} {
		r := newMboxReader(bufio.NewReaderSize(strings.NewReader(in), 64), io.NopCloser(nil), "t.mbox", ReaderOptions{MaxSize: 1000})
		msgs, errs := drain(t, r)
		if len(msgs) != 2 || len(errs) != 0 {
			t.Fatalf("%s: %d messages, errors %v", name, len(msgs), errs)
		}
		if msgs[0].Truncated != "" || (msgs[1].Truncated != "") != (name == "cut mid-line") {
			t.Errorf("%s: truncated = %q, %q", name, msgs[0].Truncated, msgs[1].Truncated)
		}
	}
}

func TestMboxPositions(t *testing.T) {
	r := newMboxReader(bufio.NewReader(strings.NewReader(
		"From a 08:00\nA: 1\n\nl\nl\n\nFrom b 08:01\nB: 2\n\n")), io.NopCloser(nil), "x", ReaderOptions{MaxSize: 1 << 20})
	msgs, _ := drain(t, r)
	if len(msgs) != 2 || msgs[0].Pos != "x:1" || msgs[1].Pos != "x:7" {
		t.Fatalf("positions %v, want x:1 and x:7", msgs)
	}
}

func TestTrimTrailingBlankLines(t *testing.T) {
	for in, want := range map[string]string{
		"a\n": "a\n", "a\n\n": "a\n", "a\n\n\n": "a\n", "a\r\n\r\n": "a\r\n", "a\r\n\n": "a\r\n", "a": "a", "\n": "", "": "",
	} {
		if got := trimTrailingBlankLines([]byte(in)); !bytes.Equal(got, []byte(want)) {
			t.Errorf("trim(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzMbox: the reader never panics, never returns a message over the
// limit, and an mboxrd written from messages reads back as them.
func FuzzMbox(f *testing.F) {
	f.Add([]byte("A: 1\n\nFrom x\n>From y\n"), []byte("B: 2\r\n\r\nbody\r\n"))
	f.Add([]byte(""), []byte("\n\n\n"))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		msgs := [][]byte{a, b}
		in := mboxrd(msgs)
		got, errs := readMboxString(t, string(in), 1<<20)
		for _, e := range errs {
			var skip *SkipError
			if !errors.As(e, &skip) {
				t.Fatalf("fatal error on well-formed mbox: %v", e)
			}
		}
		// Only messages that survive the mbox round trip unchanged are
		// compared: mbox cannot keep trailing blank lines, a missing final
		// newline, or an empty message.
		var want []string
		for _, m := range msgs {
			if len(m) > 0 && m[len(m)-1] == '\n' && len(trimTrailingBlankLines(m)) == len(m) {
				want = append(want, string(m))
			}
		}
		if len(want) == 2 && strings.Join(got, "\x00") != strings.Join(want, "\x00") {
			t.Fatalf("round trip\n got %q\nwant %q", got, want)
		}
	})
}
