package ingest

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"cyberintake/store"
)

// BenchmarkIngest files an mbox of 1000 corpus messages (distinct
// Message-IDs) into a fresh store per iteration: the whole pipeline, read,
// parse, commit. Reports messages/s.
func BenchmarkIngest(b *testing.B) {
	const n = 1000
	mbox := crashArchive(b, n)
	path := filepath.Join(b.TempDir(), "bench.mbox")
	writeFile(b, path, mbox)
	b.SetBytes(int64(len(mbox)))
	b.ResetTimer()
	for i := range b.N {
		st, err := store.Open(filepath.Join(b.TempDir(), "s.db"), nil)
		if err != nil {
			b.Fatal(err)
		}
		sum, err := Ingest(context.Background(), st, []string{path}, &Options{Logger: quiet()})
		if err != nil || sum.Filed() != n {
			b.Fatalf("run %d: %v %+v", i, err, sum)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "msgs/s")
}

// BenchmarkReadMbox is the reader alone: the ceiling of the pipeline.
func BenchmarkReadMbox(b *testing.B) {
	mbox := crashArchive(b, 1000)
	b.SetBytes(int64(len(mbox)))
	for range b.N {
		r, err := openStream(nopCloser{bytes.NewReader(mbox)}, "bench", "stdin", (*ReaderOptions)(nil).withDefaults())
		if err != nil {
			b.Fatal(err)
		}
		if msgs, errs := drain(b, r); len(msgs) != 1000 || len(errs) > 0 {
			b.Fatalf("%d messages, %v", len(msgs), errs)
		}
	}
}

type nopCloser struct{ *bytes.Reader }

func (nopCloser) Close() error { return nil }
