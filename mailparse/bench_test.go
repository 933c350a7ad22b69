package mailparse

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParse parses the dev corpus mix, one message per iteration;
// msg/s is the throughput on one core (go test -bench Parse -cpu 1).
func BenchmarkParse(b *testing.B) {
	files, err := filepath.Glob("../testdata/corpus/*.eml")
	if err != nil || len(files) == 0 {
		b.Fatalf("no corpus: %v", err)
	}
	msgs := make([][]byte, len(files))
	total := 0
	for i, f := range files {
		if msgs[i], err = os.ReadFile(f); err != nil {
			b.Fatal(err)
		}
		total += len(msgs[i])
	}
	b.SetBytes(int64(total / len(msgs)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if r := Parse(msgs[i%len(msgs)], nil); r.Error != "" {
			b.Fatal(r.Error)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msg/s")
}
