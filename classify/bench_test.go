package classify

import (
	"runtime"
	"strings"
	"testing"
)

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
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		Language(texts[i%len(texts)])
	}
}

func BenchmarkTag(b *testing.B) {
	all := corpusTexts(b)
	Tag(Answers{})
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		Tag(all[i%len(all)])
	}
}

func BenchmarkDowntime(b *testing.B) {
	var texts []string
	for _, a := range corpusTexts(b) {
		texts = append(texts, strings.Join(a[:], "\n"))
	}
	Downtime("warm up")
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		Downtime(texts[i%len(texts)])
	}
}

// BenchmarkMessage is what mailparse spends in classify per report.
func BenchmarkMessage(b *testing.B) {
	all := corpusTexts(b)
	Tag(Answers{})
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		a := all[i%len(all)]
		text := strings.Join(a[:], "\n")
		Language(text)
		Tag(a)
		Downtime(text)
	}
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
		used/1e6, len(lm.tri), len(v.m.atomIDs), len(v.m.ac.out)+len(dm.ac.out))
	if used > 50e6 {
		t.Errorf("detector and vocabularies use %.1f MB, budget 50 MB", used/1e6)
	}
	runtime.KeepAlive(lm)
	runtime.KeepAlive(v)
}
