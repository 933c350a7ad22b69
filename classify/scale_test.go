package classify

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// Replies are untrusted input: a message of megabytes must cost about a
// megabyte's worth of work. The inputs below grow from 16 KB to 1 MB, from
// realistic report text to the shapes that make windowed rules expensive:
// one sentence without punctuation, negation cues everywhere, lists of
// systems in one clause, runs of numbers and units.

// scaleSizes are the input sizes of the ladder.
var scaleSizes = []int{16 << 10, 64 << 10, 256 << 10, 1 << 20}

// scaleKinds builds texts of about n bytes.
var scaleKinds = []struct {
	name string
	make func(tb testing.TB, n int) string
}{
	{"reports", func(tb testing.TB, n int) string { return reportText(tb, n, false) }},
	{"onesentence", func(tb testing.TB, n int) string { return reportText(tb, n, true) }},
	{"negations", func(_ testing.TB, n int) string {
		return repeatTo(n, "pas de phishing ni de VPN sans MFA jamais aucun ransomware n'a pas été touché geen malware niet uitgesloten ")
	}},
	{"systems", func(_ testing.TB, n int) string {
		return repeatTo(n, "le SIL les automates la messagerie le réseau le VPN les serveurs het LIS de analysers de mailbox ")
	}},
	{"spared", func(_ testing.TB, n int) string {
		return repeatTo(n, "le SIL et les automates n'ont pas été touchés, geen impact op het LIS de analysers of de mailbox ")
	}},
	{"numbers", func(_ testing.TB, n int) string {
		return repeatTo(n, "3 jours 24h 48 heures deux jours vingt quatre heures 1,5 jours binnen 72 uur drie dagen attaquant ")
	}},
}

// repeatTo repeats s up to n bytes.
func repeatTo(n int, s string) string {
	return strings.Repeat(s, n/len(s)+1)[:n]
}

// reportText concatenates the French and Dutch answers of the sample
// reports with small variations (numbers changed, answers shuffled) up to n
// bytes; flat removes every punctuation mark and line break, making one
// sentence.
func reportText(tb testing.TB, n int, flat bool) string {
	var parts []string
	for _, r := range loadTruth(tb) {
		if r.Language != "fr" && r.Language != "nl" {
			continue
		}
		for _, s := range r.answers() {
			if strings.TrimSpace(s) != "" {
				parts = append(parts, s)
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	var b strings.Builder
	for b.Len() < n {
		s := parts[rng.IntN(len(parts))]
		s = strings.Map(func(r rune) rune {
			if r >= '1' && r <= '9' {
				return '1' + rune(rng.IntN(9))
			}
			return r
		}, s)
		b.WriteString(s)
		b.WriteString("\n\n")
	}
	s := b.String()
	if flat {
		s = strings.Map(func(r rune) rune {
			if strings.ContainsRune(".,;:!?\n\r\t()-–—•*/|", r) {
				return ' '
			}
			return r
		}, s)
	}
	return s[:min(n, len(s))]
}

// BenchmarkScale runs every entry point over the size ladder; cpu-ns/op
// divided by the size should stay flat along it.
func BenchmarkScale(b *testing.B) {
	Tag(Answers{})
	downtime("warm up")
	for _, k := range scaleKinds {
		for _, n := range scaleSizes {
			text := k.make(b, n)
			name := fmt.Sprintf("%s/%dKB", k.name, n>>10)
			b.Run("Tag/"+name, func(b *testing.B) {
				b.SetBytes(int64(n))
				reportCPU(b, func(int) { Tag(Answers{text, text, text, text}) })
			})
			b.Run("TagText/"+name, func(b *testing.B) {
				b.SetBytes(int64(n))
				reportCPU(b, func(int) { TagText(text) })
			})
			b.Run("Downtime/"+name, func(b *testing.B) {
				b.SetBytes(int64(n))
				reportCPU(b, func(int) { downtime(text) })
			})
			b.Run("Language/"+name, func(b *testing.B) {
				b.SetBytes(int64(n))
				reportCPU(b, func(int) { Language(text) })
			})
		}
	}
}

// TestLinearWork doubles each input and checks that the work of the tagger
// and of the downtime reader (the steps of their window searches, list
// walks and clause reads, counted in doc.steps, plus one per word) less
// than triples: a reading of every cue for every mention would quadruple.
func TestLinearWork(t *testing.T) {
	v := loadVocab()
	work := map[string]func(string) int{
		"found": func(s string) int {
			d := newDoc(s)
			v.foundIn(d)
			return d.steps + len(d.toks)
		},
		"downtime": func(s string) int {
			d := newDoc(markDecimals(s))
			downtimeIn(d)
			return d.steps + len(d.toks)
		},
	}
	for _, k := range scaleKinds {
		small, large := k.make(t, 64<<10), k.make(t, 128<<10)
		for name, f := range work {
			t.Run(k.name+"/"+name, func(t *testing.T) {
				a, b := f(small), f(large)
				t.Logf("64 KB: %d steps, 128 KB: %d steps", a, b)
				if b >= 3*a {
					t.Errorf("doubling the input took the work from %d to %d steps", a, b)
				}
			})
		}
	}
}
