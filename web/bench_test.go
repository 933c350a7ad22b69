package web

import (
	"net/http/httptest"
	"net/url"
	"os"
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
