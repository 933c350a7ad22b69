package classify

import (
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the CPU time this process has used. On a shared machine the
// wall-clock ns/op of a benchmark measures the neighbours too; cpu-ns/op
// reports what the code itself costs.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU runs f b.N times and adds a cpu-ns/op metric.
func reportCPU(b *testing.B, f func(i int)) {
	b.ResetTimer()
	start := cpuTime()
	n := 0
	for i := 0; b.Loop(); i++ {
		f(i)
		n++
	}
	if n > 0 {
		b.ReportMetric(float64(cpuTime()-start)/float64(n), "cpu-ns/op")
	}
}

// corpusTexts returns the answers of the sample reports, for benchmarks.
func corpusTexts(b testing.TB) []Answers {
	var out []Answers
	for _, r := range loadTruth(b) {
		out = append(out, r.answers())
	}
	return out
}

func BenchmarkLanguage(b *testing.B) {
	var texts []string
	for _, a := range corpusTexts(b) {
		texts = append(texts, strings.Join(a[:], "\n"))
	}
	Language("warm up")
	reportCPU(b, func(i int) { Language(texts[i%len(texts)]) })
}

func BenchmarkTag(b *testing.B) {
	all := corpusTexts(b)
	Tag(Answers{})
	reportCPU(b, func(i int) { Tag(all[i%len(all)]) })
}

func BenchmarkDowntime(b *testing.B) {
	var texts []string
	for _, a := range corpusTexts(b) {
		texts = append(texts, strings.Join(a[:], "\n"))
	}
	downtime("warm up")
	reportCPU(b, func(i int) { downtime(texts[i%len(texts)]) })
}

// BenchmarkMessage is what mailparse spends in classify per report.
func BenchmarkMessage(b *testing.B) {
	all := corpusTexts(b)
	Tag(Answers{})
	reportCPU(b, func(i int) {
		a := all[i%len(all)]
		text := strings.Join(a[:], "\n")
		Language(text)
		Tag(a)
		downtime(text)
	})
}

// TestModelHeap measures the heap the detector and vocabularies keep
// (the budget is 50 MB; it is far less).
func TestModelHeap(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	lm, v := buildModel(), buildVocab()
	dm := buildDowntime()
	runtime.GC()
	runtime.ReadMemStats(&after)
	used := float64(after.HeapAlloc) - float64(before.HeapAlloc)
	t.Logf("detector + vocabularies: %.2f MB of heap (%d trigrams, %d atoms, %d automaton states)",
		used/1e6, len(lm.tri), len(v.m.atomIDs), v.m.ac.states()+dm.ac.states())
	if used > 50e6 {
		t.Errorf("detector and vocabularies use %.1f MB, budget 50 MB", used/1e6)
	}
	runtime.KeepAlive(lm)
	runtime.KeepAlive(v)
}

// states is the number of states of a.
func (a *automaton) states() int { return len(a.outAt) - 1 }
