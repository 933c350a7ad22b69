package ingest

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"

	"cyberintake/mailparse"
	"cyberintake/store"
)

// lockedBuffer is a terminal stand-in the progress goroutine writes to.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestProgressLine(t *testing.T) {
	c := newSummary()
	c.addBatch([]store.Message{{Raw: make([]byte, 1000), Result: &mailparse.Result{Kind: mailparse.KindReport}}}, []store.Outcome{{ID: 1}})
	var w lockedBuffer
	p := startProgress(&w, c, nil)
	time.Sleep(progressEvery * 3)
	p.stop()
	out := w.String()
	if !strings.Contains(out, "\r\033[Kingest: 1 messages, ") || !strings.HasSuffix(out, "\r\033[K") {
		t.Fatalf("progress output %q: want redrawn lines, erased at the end", out)
	}
	silent := startProgress(nil, c, nil)
	silent.stop() // no terminal: no goroutine, nothing written
}

// TestProgressPercentETA: with the input's size known the line says how
// much was read and the time left.
func TestProgressPercentETA(t *testing.T) {
	c := newSummary()
	c.start = time.Now().Add(-10 * time.Second)
	in := &inputBytes{total: 1000}
	in.read.Store(250)
	p := &progress{c: c, in: in}
	if line := p.line(); !strings.HasSuffix(line, ", 25%, ETA 30s") {
		t.Errorf("line %q: want 25%% and ETA 30s", line)
	}
	in.read.Store(0)
	if line := p.line(); !strings.HasSuffix(line, ", 0%") {
		t.Errorf("line %q: want 0%% and no estimate before anything was read", line)
	}
	if line := (&progress{c: c}).line(); strings.Contains(line, "%") {
		t.Errorf("line %q without a known size has a percentage", line)
	}
}

// TestProgressCountsInputBytes: the readers count the bytes of the files
// they read (compressed bytes for a .gz), so the percentage ends at 100.
func TestProgressCountsInputBytes(t *testing.T) {
	for _, name := range []string{"sample.mbox", "sample.mbox.gz", "from-lines.eml"} {
		path := "../testdata/archives/" + name
		total, ok := inputSize([]string{path})
		if !ok {
			t.Fatalf("%s: size not known", name)
		}
		in := &inputBytes{total: total}
		r, err := Open(path, &ReaderOptions{counted: &in.read})
		if err != nil {
			t.Fatal(err)
		}
		for {
			if _, err := r.Next(); err != nil {
				break
			}
		}
		r.Close()
		if got := in.read.Load(); got != total {
			t.Errorf("%s: counted %d of %d bytes", name, got, total)
		}
	}
	if _, ok := inputSize([]string{"-"}); ok {
		t.Error("standard input has a known size")
	}
	if _, ok := inputSize([]string{"../testdata/archives/sample-maildir"}); ok {
		t.Error("a directory has a known size")
	}
}
