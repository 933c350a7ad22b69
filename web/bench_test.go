package web

import (
	"net/http/httptest"
	"net/url"
	"os"
	"syscall"
	"testing"
	"time"
)

// Page benchmarks over the letter's scale: 200 labs, 1,000 reports. The
// figures in the README come from
//
//	go test ./web -run '^$' -bench Page -benchtime 20x
func benchPage(b *testing.B, target string) { benchPageCache(b, target, false) }

// benchPageCache with cold set changes the store file's time before every
// request, so each one reads the store (the first request after a write).
func benchPageCache(b *testing.B, target string, cold bool) {
	path := synthStore(b, 200, 1000)
	h, _ := testServer(b, path, Options{})
	i := int64(0)
	defer cpuPerOp(b)()
	for b.Loop() {
		if cold {
			i++
			os.Chtimes(path, time.Unix(i, 0), time.Unix(i, 0))
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
		if rec.Code != 200 {
			b.Fatalf("%s: %d", target, rec.Code)
		}
	}
}

func BenchmarkOverviewPage(b *testing.B)     { benchPage(b, "/") }
func BenchmarkOverviewPageCold(b *testing.B) { benchPageCache(b, "/", true) }
func BenchmarkLabsPage(b *testing.B)         { benchPage(b, "/labs?sort=downtime&desc=1") }

// The synthetic store's first lab has five replies.
func BenchmarkCasePage(b *testing.B)    { benchPage(b, "/labs/"+url.PathEscape("10000")) }
func BenchmarkMessagePage(b *testing.B) { benchPage(b, "/messages/1") }

// cpuPerOp reports the process's CPU time per operation: on this shared
// 2-core machine (load 10-20 while other work runs) wall time per page is
// several times what a person at an idle server waits; CPU time is not.
func cpuPerOp(b *testing.B) func() {
	start := cpuTime()
	return func() { b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op") }
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
