package store

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"cyberintake/mailparse"
)

// benchReports is the size of the store the analysts' queries are
// measured on (the issue asks for List(lab) and Stats under 200 ms on
// 100,000 reports).
const benchReports = 100_000

var (
	benchOnce  sync.Once
	benchStore *Store
	benchDir   string
	benchRaw   int64
	benchErr   error
)

var benchWords = strings.Fields(`le la les un une de du des et en pour par sur avec dans laboratoire
attaque phishing rançongiciel serveur réseau LIS analyseurs résultats patients médecins
het de een van en in op voor met laboratorium aanval netwerk server back-up wachtwoord
der die das und mit für Labor Angriff Netzwerk Sicherung the and of to in lab attack
network backup password firewall antivirus MFA RDP VPN fournisseur leverancier heures
jours dagen uren plan dégradé noodplan papier sous-traitance isolation formation`)

func words(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(benchWords[r.IntN(len(benchWords))])
	}
	return b.String()
}

// synthetic returns message i: a report of one of 300 labs with answers of
// a few dozen words each, quoting the letter as most replies do (~5 KB).
func synthetic(r *rand.Rand, i int, quoted string) Message {
	lab := fmt.Sprintf("%05d", 10000+r.IntN(300))
	date := time.Date(2021, 2, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(r.IntN(3*365*24)) * time.Hour)
	langs := []string{"fr", "nl", "de", "en"}
	sec := mailparse.Sections{A: words(r, 20+r.IntN(60)), B: words(r, 20+r.IntN(60)), C: words(r, 10+r.IntN(40)), D: words(r, 10+r.IntN(40)), E: fmt.Sprintf("NC-2021-%03d", r.IntN(999))}
	msgID := fmt.Sprintf("bench-%d@lab%s.example", i, lab)
	res := report(msgID, lab, date.Format(time.RFC3339), langs[r.IntN(4)], sec)
	causes := []string{"phishing", "ransomware", "malware", "remote_access", "credentials", "supplier"}
	res.Tags.Cause = []string{causes[r.IntN(len(causes))]}
	res.Tags.Impact = []string{"lis", "results"}[:1+r.IntN(2)]
	res.Tags.Prevention = []string{"mfa", "backup", "training"}[:r.IntN(4)]
	if r.IntN(3) > 0 {
		res.DowntimeDays = ptr(float64(r.IntN(20)) / 2)
	}
	res.References = []string{sec.E}
	body := fmt.Sprintf("Message-ID: <%s>\r\nFrom: qualite@lab%s.example\r\nTo: labo-quality@sciensano.be\r\nDate: %s\r\nSubject: RE: Cyber attaque - labo %s\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\na) %s\r\nb) %s\r\nc) %s\r\nd) %s\r\ne) %s\r\n\r\n%s\r\n",
		msgID, lab, date.Format(time.RFC1123Z), lab, sec.A, sec.B, sec.C, sec.D, sec.E, quoted)
	return Message{Raw: []byte(body), Result: res, Source: Source{Kind: "mbox", Name: "bench.mbox"}}
}

// benchmarkStore fills a store with benchReports synthetic reports once per
// run of the test binary.
func benchmarkStore(b *testing.B) *Store {
	benchOnce.Do(func() {
		// CYBERINTAKE_BENCH_DB keeps the filled store between runs (when
		// profiling); by default it lives in a directory removed at exit.
		p := os.Getenv("CYBERINTAKE_BENCH_DB")
		if p == "" {
			benchDir, benchErr = os.MkdirTemp("", "cyberintake-bench-")
			if benchErr != nil {
				return
			}
			p = filepath.Join(benchDir, "bench.db")
		}
		_, statErr := os.Stat(p)
		benchStore, benchErr = Open(p, nil)
		if benchErr != nil || statErr == nil {
			return
		}
		r := rand.New(rand.NewPCG(1, 2))
		quoted := "> " + strings.ReplaceAll(words(r, 500), " de ", "\r\n> ")
		start := time.Now()
		batch := make([]Message, 0, 1000)
		for i := range benchReports {
			m := synthetic(r, i, quoted)
			benchRaw += int64(len(m.Raw))
			batch = append(batch, m)
			if len(batch) == cap(batch) || i == benchReports-1 {
				if _, benchErr = benchStore.Put(context.Background(), batch); benchErr != nil {
					return
				}
				batch = batch[:0]
			}
		}
		fi, _ := os.Stat(benchStore.path)
		fmt.Fprintf(os.Stderr, "bench store: %d reports filed in %v (%.0f msg/s); raw mail %.1f MB, store %.1f MB\n",
			benchReports, time.Since(start).Round(time.Millisecond), benchReports/time.Since(start).Seconds(), float64(benchRaw)/1e6, float64(fi.Size())/1e6)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchStore
}

func BenchmarkListLab(b *testing.B) {
	s := benchmarkStore(b)
	b.ResetTimer()
	n := 0
	for b.Loop() {
		recs, err := s.List(context.Background(), Filter{Lab: "10042"})
		if err != nil {
			b.Fatal(err)
		}
		n = len(recs)
	}
	b.ReportMetric(float64(n), "records")
}

func BenchmarkStats(b *testing.B) {
	s := benchmarkStore(b)
	b.ResetTimer()
	for b.Loop() {
		st, err := s.Stats(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		if st.Total < benchReports {
			b.Fatalf("total %d", st.Total)
		}
	}
}

func BenchmarkListTagSince(b *testing.B) {
	s := benchmarkStore(b)
	since := time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.List(context.Background(), Filter{Since: since, Tags: map[string][]string{"cause": {"ransomware"}}}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPutBatch files batches of 500 new messages into the 100k store:
// the per-batch cost the daemon and ingest pay (open, commit, fsync).
func BenchmarkPutBatch(b *testing.B) {
	s := benchmarkStore(b)
	r := rand.New(rand.NewPCG(3, 4))
	next := benchReports
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		batch := make([]Message, 500)
		for i := range batch {
			batch[i] = synthetic(r, next, "> quoted")
			next++
		}
		b.StartTimer()
		if _, err := s.Put(context.Background(), batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/500, "µs/msg")
}

// BenchmarkPutState commits a mailbox state alone: what the daemon pays at
// the end of a pass that changed the set of unmarked UIDs.
func BenchmarkPutState(b *testing.B) {
	s := openTest(b)
	st := SourceState{Key: "ql@imap.example.org/INBOX", UIDValidity: 1, LastUID: 10000}
	for b.Loop() {
		if _, err := s.Put(context.Background(), nil, st); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOpenView(b *testing.B) {
	s := benchmarkStore(b)
	for b.Loop() {
		if _, _, err := s.SourceState(context.Background(), "x"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerify checks the whole 100k store (it decompresses and hashes
// every raw message): how long verify holds its read lock.
func BenchmarkVerify(b *testing.B) {
	s := benchmarkStore(b)
	b.ResetTimer()
	for b.Loop() {
		probs, _, err := s.Verify(context.Background())
		if err != nil || len(probs) > 0 {
			b.Fatalf("verify: %v %v", err, probs)
		}
	}
}

// BenchmarkBackup copies the 100k store (to io.Discard).
func BenchmarkBackup(b *testing.B) {
	s := benchmarkStore(b)
	b.ResetTimer()
	for b.Loop() {
		n, err := s.Backup(context.Background(), io.Discard)
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(n)
	}
}
