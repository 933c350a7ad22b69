package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"cyberintake/mailparse"
)

// reviewBenchReports is the store size the review figure is for:
// `review` of 10,000 stored reports under 200 ms.
const reviewBenchReports = 10_000

var (
	reviewBenchOnce sync.Once
	reviewBenchPath string
	reviewBenchErr  error
)

// reviewBenchStore files 10,000 synthetic reports, 5% of which the parser
// asks about, then accepts one in four and corrects one in twenty, as a
// store some weeks into the review looks. CYBERINTAKE_REVIEW_BENCH_DB keeps
// it (to time the CLI on it: see README).
func reviewBenchStore(b *testing.B) string {
	reviewBenchOnce.Do(func() {
		reviewBenchPath = os.Getenv("CYBERINTAKE_REVIEW_BENCH_DB")
		if reviewBenchPath == "" {
			dir, err := os.MkdirTemp("", "cyberintake-review-bench-")
			if err != nil {
				reviewBenchErr = err
				return
			}
			reviewBenchPath = filepath.Join(dir, "review.db")
		}
		if _, err := os.Stat(reviewBenchPath); err == nil {
			return
		}
		reviewBenchErr = fillReviewStore(reviewBenchPath)
	})
	if reviewBenchErr != nil {
		b.Fatal(reviewBenchErr)
	}
	return reviewBenchPath
}

func fillReviewStore(path string) error {
	ctx := context.Background()
	s, err := Open(path, nil)
	if err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(5, 6))
	quoted := "> " + strings.ReplaceAll(words(r, 500), " de ", "\r\n> ")
	var ids []uint64
	batch := make([]Message, 0, 500)
	for i := range reviewBenchReports {
		m := synthetic(r, i, quoted)
		if i%20 == 7 {
			m.Result.NeedsReview, m.Result.ReviewReasons = true, []string{mailparse.ReasonUnreadableAttachment}
		}
		batch = append(batch, m)
		if len(batch) == cap(batch) || i == reviewBenchReports-1 {
			out, err := s.Put(ctx, batch)
			if err != nil {
				return err
			}
			for _, o := range out {
				ids = append(ids, o.ID)
			}
			batch = batch[:0]
		}
	}
	var accept []uint64
	for i, id := range ids {
		if i%20 == 3 {
			ch := []Change{{Field: FieldLab, Op: OpSet, Value: fmt.Sprintf("%05d", 10000+i%300)}, {Field: "tags.prevention", Op: OpAdd, Value: "edr"}}
			if _, err := s.Correct(ctx, id, ch, Meta{By: "bench"}); err != nil {
				return err
			}
		}
		if i%4 == 0 {
			accept = append(accept, id)
		}
	}
	_, err = s.Accept(ctx, accept, Meta{By: "bench"})
	return err
}

// BenchmarkReviewQueue is `review` on 10,000 stored reports.
func BenchmarkReviewQueue(b *testing.B) {
	s, err := Open(reviewBenchStore(b), &Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for b.Loop() {
		items, err := s.ReviewQueue(context.Background(), QueueFilter{})
		if err != nil {
			b.Fatal(err)
		}
		n = len(items)
	}
	b.ReportMetric(float64(n), "items")
}

// BenchmarkCorrectWhileFiling times Correct (one message, two fields, a
// durable commit) while a daemon-like writer on its own handle commits
// batches of 50 new messages back to back, as in an initial sync. The
// analyst corrects every 100 ms (a person is slower still), so that the
// writer keeps writing. It reports the median, the 95th percentile and the
// slowest of the corrections, and how many batches the writer committed.
func BenchmarkCorrectWhileFiling(b *testing.B) {
	path := reviewBenchStore(b)
	writer, err := Open(path, nil)
	if err != nil {
		b.Fatal(err)
	}
	analyst, err := Open(path, nil)
	if err != nil {
		b.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var batches atomic.Int64
	wg.Go(func() {
		r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 8))
		quoted := "> " + words(r, 200)
		next := 1_000_000 + r.IntN(1_000_000_000)
		for ctx.Err() == nil {
			batch := make([]Message, 50)
			for i := range batch {
				batch[i] = synthetic(r, next, quoted)
				next++
			}
			if _, err := writer.Put(ctx, batch); err != nil && ctx.Err() == nil {
				b.Error(err)
				return
			}
			batches.Add(1)
		}
	})
	var lat []time.Duration
	i := 0
	for b.Loop() {
		b.StopTimer()
		time.Sleep(100 * time.Millisecond)
		b.StartTimer()
		i++
		id := uint64(1 + i%reviewBenchReports)
		ch := []Change{{Field: FieldD, Op: OpSet, Value: fmt.Sprintf("MFA, round %d", i)}, {Field: FieldDowntime, Op: OpSet, Value: fmt.Sprint(i % 7)}}
		start := time.Now()
		if _, err := analyst.Correct(context.Background(), id, ch, Meta{By: "bench"}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	stop()
	wg.Wait()
	slices.Sort(lat)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(lat[len(lat)/2]), "p50-ms")
	b.ReportMetric(ms(lat[len(lat)*95/100]), "p95-ms")
	b.ReportMetric(ms(lat[len(lat)-1]), "max-ms")
	b.ReportMetric(float64(batches.Load()), "writer-batches")
}

// BenchmarkCorrect is one Correct with nobody else writing: the cost of
// the commit itself (open, two fsyncs, close).
func BenchmarkCorrect(b *testing.B) {
	s, err := Open(reviewBenchStore(b), nil)
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		i++
		ch := []Change{{Field: FieldD, Op: OpSet, Value: fmt.Sprintf("MFA, alone %d", i)}}
		if _, err := s.Correct(context.Background(), uint64(1+i%reviewBenchReports), ch, Meta{By: "bench"}); err != nil {
			b.Fatal(err)
		}
	}
}
