package mailparse

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkDecode decodes the dev corpus mix (testdata/corpus) once per
// iteration and reports messages per second; Parse as a whole must reach
// 2,000 msg/s on one core, so decode has to be far faster.
func BenchmarkDecode(b *testing.B) {
	files, _ := filepath.Glob("../testdata/corpus/*.eml")
	if len(files) == 0 {
		b.Fatal("no corpus")
	}
	msgs := make([][]byte, 0, len(files))
	size := 0
	for _, p := range files {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		msgs = append(msgs, raw)
		size += len(raw)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, raw := range msgs {
			if _, err := decode(raw, nil); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(msgs))/b.Elapsed().Seconds(), "msg/s")
}
