package ingest

import (
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
)

// jsonLines parses the JSON log lines written to l.
func jsonLines(t *testing.T, l *lockedBuffer) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(l.String()), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		out = append(out, m)
	}
	return out
}

// TestFiledLogLines: each filed message gets one info line naming the
// mailbox, UID, Message-ID, kind, lab and store id; a re-delivered copy
// says "duplicate". (Before, filed messages were logged at debug only.)
func TestFiledLogLines(t *testing.T) {
	srv := newTestIMAP(t, "memory")
	raws := samples(t)
	srv.deliver(t, "INBOX", raws[0], raws[1], raws[0])
	var buf lockedBuffer
	log := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelInfo}))
	d := NewDaemon(srv.config(t, nil), NewFiler(newTestStore(t), &FilerOptions{Logger: log}), &DaemonOptions{Logger: log})
	if _, err := d.Once(context.Background()); err != nil {
		t.Fatal(err)
	}
	var filed, dups []map[string]any
	for _, l := range jsonLines(t, &buf) {
		switch l["msg"] {
		case "filed":
			filed = append(filed, l)
		case "duplicate: already filed":
			dups = append(dups, l)
		}
	}
	if len(filed) != 2 || len(dups) != 1 {
		t.Fatalf("%d filed and %d duplicate lines, want 2 and 1:\n%s", len(filed), len(dups), buf.String())
	}
	for _, l := range append(filed, dups...) {
		for _, k := range []string{"mailbox", "uid", "message_id", "kind", "lab", "id"} {
			if v, ok := l[k]; !ok || v == "" {
				t.Errorf("log line %v lacks %s", l, k)
			}
		}
	}
	if dups[0]["id"] != filed[0]["id"] || dups[0]["uid"] != float64(3) {
		t.Errorf("duplicate line %v does not point at the first copy %v", dups[0], filed[0])
	}
	if got := counterValue(t, d.Metrics().Registry, "cyberintake_imap_messages_duplicate_total", "INBOX"); got != 1 {
		t.Errorf("duplicate counter = %v, want 1", got)
	}
}

// TestCountersStartAtZero: the duplicate, failed and filed counters exist
// from the start, so alerts and rates see the first event.
func TestCountersStartAtZero(t *testing.T) {
	cfg := &IMAPConfig{Addr: "127.0.0.1:1", User: "u", Password: "p", TLS: "none", Mailboxes: []string{"INBOX", "Replies"}}
	if err := cfg.Normalize(); err != nil {
		t.Fatal(err)
	}
	d := NewDaemon(cfg, nil, nil)
	for _, name := range []string{"cyberintake_imap_messages_duplicate_total", "cyberintake_imap_messages_failed_total",
		"cyberintake_imap_messages_seen_total", "cyberintake_imap_messages_filed_total"} {
		for _, mb := range cfg.Mailboxes {
			if got := counterValue(t, d.Metrics().Registry, name, mb); got != 0 {
				t.Errorf("%s{mailbox=%q} = %v, want a series at 0", name, mb, got)
			}
		}
	}
}

// counterValue is the sum of the counter name's series for mailbox, or -1
// when it has none.
func counterValue(t *testing.T, reg *prometheus.Registry, name, mailbox string) float64 {
	t.Helper()
	fams, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	sum, found := 0.0, false
	for _, f := range fams {
		if f.GetName() != name {
			continue
		}
		for _, m := range f.GetMetric() {
			for _, l := range m.GetLabel() {
				if l.GetName() == "mailbox" && l.GetValue() == mailbox {
					sum, found = sum+m.GetCounter().GetValue(), true
				}
			}
		}
	}
	if !found {
		return -1
	}
	return sum
}
