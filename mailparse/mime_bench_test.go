package mailparse

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// processCPU is the CPU time this process has used (user and system, GC
// included). On the shared machine wall-clock ns/op also measures the
// neighbours; CPU time per message is what decoding itself costs.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkDecode decodes the dev corpus mix (testdata/corpus) once per
// iteration and reports messages per second of wall clock and of CPU
// time; Parse as a whole must reach 2,000 msg/s on one core, so decode has
// to be far faster.
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
	cpu0 := processCPU()
	for i := 0; i < b.N; i++ {
		for _, raw := range msgs {
			if _, err := decode(raw, nil); err != nil {
				b.Fatal(err)
			}
		}
	}
	n := float64(b.N * len(msgs))
	b.ReportMetric(n/b.Elapsed().Seconds(), "msg/s")
	if cpu := processCPU() - cpu0; cpu > 0 {
		b.ReportMetric(n/cpu.Seconds(), "msg/cpu-s")
	}
}
