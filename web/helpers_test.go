package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"cyberintake/mailparse"
	"cyberintake/store"
	"cyberintake/testdata/corpus"
)

// fillStore files raws (parsed by the real parser) into a new store.
func fillStore(t testing.TB, raws ...[]byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "store.db")
	st, err := store.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	var msgs []store.Message
	for i, raw := range raws {
		res := mailparse.Parse(raw, nil)
		msgs = append(msgs, store.Message{Raw: raw, Result: res, Source: store.Source{Kind: "eml", Name: "m" + string(rune('a'+i%26)) + ".eml"}})
	}
	if _, err := st.Put(context.Background(), msgs); err != nil {
		t.Fatal(err)
	}
	return path
}

// corpusStore is a store holding the 40 sample replies of testdata/corpus.
func corpusStore(t testing.TB) string {
	t.Helper()
	_, raws, err := corpus.Messages()
	if err != nil {
		t.Fatal(err)
	}
	return fillStore(t, raws...)
}

// logBuffer collects the server's log lines, safe for concurrent handlers.
type logBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// testServer serves the store at path read-only (as `cyberintake web`
// does for viewers) unless opts says otherwise.
func testServer(t testing.TB, path string, opts Options) (http.Handler, *logBuffer) {
	t.Helper()
	if opts.Store == nil {
		st, err := store.Open(path, &store.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		opts.Store = st
	}
	logs := &logBuffer{}
	opts.Logger = slog.New(slog.NewTextHandler(logs, nil))
	if opts.LocalUser == "" {
		opts.LocalUser = "tester"
	}
	if opts.Now == nil {
		opts.Now = func() time.Time { return time.Date(2021, 4, 1, 10, 0, 0, 0, time.UTC) }
	}
	s, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return s.Handler(), logs
}

// do runs one request through h.
func do(t testing.TB, h http.Handler, method, target string, body io.Reader, hdr ...string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	if body != nil && req.Header.Get("Content-Type") == "" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}
