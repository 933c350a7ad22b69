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
	p := startProgress(&w, c)
	time.Sleep(progressEvery * 3)
	p.stop()
	out := w.String()
	if !strings.Contains(out, "\r\033[Kingest: 1 messages, ") || !strings.HasSuffix(out, "\r\033[K") {
		t.Fatalf("progress output %q: want redrawn lines, erased at the end", out)
	}
	silent := startProgress(nil, c)
	silent.stop() // no terminal: no goroutine, nothing written
}
