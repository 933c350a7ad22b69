package ingest

import (
	"bufio"
	"context"
	"strings"
	"testing"
	"time"

	"cyberintake/store"
)

// FuzzFetchResponse hands arbitrary bytes to the daemon as the server's
// answer to its FETCH commands: it must neither panic nor hang, and when it
// reports success the store must hold what it says it filed.
func FuzzFetchResponse(f *testing.F) {
	for _, seed := range []string{
		"* 1 FETCH (UID 1 RFC822.SIZE 12)\r\n",
		"* 1 FETCH (UID 1 BODY[] {12}\r\nSubject: x\r\n)\r\n",
		"* 1 FETCH (UID 1 BODY[] {99999999999}\r\nab",
		"* 1 FETCH (UID 1 RFC822.SIZE ((((\x00\r\n",
		"* 1 FETCH (BODY[] {3}\r\nabc)\r\n",
		"* 1 FETCH (UID 1 ENVELOPE (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL))\r\n",
		"* 2 EXISTS\r\n* BYE going\r\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, resp string) {
		addr := fakeServer(t, fakeSession(func(w *bufio.Writer, tag, rest string) bool {
			w.WriteString(resp)
			if !strings.HasSuffix(resp, "\r\n") {
				w.WriteString("\r\n")
			}
			w.WriteString(tag + " OK done\r\n")
			return false // and hang up: a literal left open must not wait for the timeout
		}))
		st := newTestStore(t)
		cfg := fakeConfig(t, addr)
		d := NewDaemon(cfg, NewFiler(st, nil), &DaemonOptions{Logger: discardLogger()})
		done := make(chan struct{})
		var n int
		var err error
		go func() {
			defer close(done)
			n, err = d.Once(context.Background())
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("daemon hung on response %q", resp)
		}
		if err != nil {
			return
		}
		recs, lerr := st.List(context.Background(), store.Filter{})
		if lerr != nil {
			t.Fatal(lerr)
		}
		if len(recs) != n {
			t.Errorf("Once reported %d filed, store holds %d", n, len(recs))
		}
	})
}
