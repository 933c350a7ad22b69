package ingest

import (
	"context"
	"fmt"
	"testing"
)

// BenchmarkSyncOnce measures a first sync pass (fetch, parse, durable
// commit, keyword) of 1000 messages from the in-memory server; run with
// CYBERINTAKE_TEST_IMAP=dovecot for a real server over TLS. bench/imap.sh
// compares against mbsync.
func BenchmarkSyncOnce(b *testing.B) {
	srv := newTestIMAP(b, "")
	var raws [][]byte
	for i := 0; len(raws) < 1000; i++ {
		for _, s := range samples(b) {
			raws = append(raws, append([]byte(fmt.Sprintf("X-Bench: %d\r\n", i)), s...))
		}
	}
	raws = raws[:1000]
	srv.deliver(b, "INBOX", raws...)
	var bytes int64
	for _, r := range raws {
		bytes += int64(len(r))
	}
	b.SetBytes(bytes)
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		st := newTestStore(b)
		d := NewDaemon(srv.config(b, nil), NewFiler(st, nil), &DaemonOptions{Logger: discardLogger()})
		b.StartTimer()
		n, err := d.Once(context.Background())
		if err != nil || n != len(raws) {
			b.Fatalf("Once = %d, %v", n, err)
		}
	}
	b.ReportMetric(float64(len(raws)*b.N)/b.Elapsed().Seconds(), "msgs/s")
}
