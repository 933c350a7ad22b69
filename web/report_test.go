package web

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"cyberintake/store"
)

func writeReport(t testing.TB, path string, opts ReportOptions) string {
	t.Helper()
	st, err := store.Open(path, &store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteReport(context.Background(), &buf, st, opts); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestReportSelfContained: nothing to fetch, no script, a CSP that allows
// only its own inline style, and a page break between sections.
func TestReportSelfContained(t *testing.T) {
	html := writeReport(t, corpusStore(t), ReportOptions{Lang: "nl", Now: time.Date(2021, 4, 1, 0, 0, 0, 0, time.UTC)})
	for _, bad := range []string{"<script", "<link", "src=", "http://", "https://", "@import", "url(http"} {
		if strings.Contains(html, bad) {
			t.Errorf("report holds %q", bad)
		}
	}
	for _, want := range []string{"Cyberaanvallen in de laboratoria", "<svg", "section class=\"page\"", "size: A4", "style-src 'sha256-", "Oorzaken", "43109"} {
		if !strings.Contains(html, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

// TestReportAnonymize: no lab number, contact or answer text survives.
func TestReportAnonymize(t *testing.T) {
	path := corpusStore(t)
	plain := writeReport(t, path, ReportOptions{Lang: "fr"})
	anon := writeReport(t, path, ReportOptions{Lang: "fr", Anonymize: true})
	st, _ := store.Open(path, &store.Options{ReadOnly: true})
	set, _ := st.Cases(context.Background(), store.Filter{})
	for _, c := range set.Cases {
		if !strings.Contains(plain, c.Lab) {
			t.Errorf("plain report lacks lab %s", c.Lab)
		}
		for _, s := range []string{c.Lab, c.Contact.Name, c.Contact.Email} {
			if s != "" && strings.Contains(anon, s) {
				t.Errorf("anonymised report holds %q", s)
			}
		}
		for _, a := range c.Answers.List() {
			if a != nil && len(a.Text) > 20 && strings.Contains(anon, a.Text[:20]) {
				t.Errorf("anonymised report holds answer text %q", a.Text[:20])
			}
		}
	}
	if !strings.Contains(anon, "<svg") {
		t.Error("anonymised report has no charts")
	}
}

// TestReportPeriod: --since/--until keep the replies dated in the period.
func TestReportPeriod(t *testing.T) {
	path := corpusStore(t)
	feb := writeReport(t, path, ReportOptions{Lang: "en", Since: time.Date(2021, 2, 1, 0, 0, 0, 0, time.UTC), Until: time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC)})
	if strings.Contains(feb, ">2021-03<") {
		t.Error("a March month bar in a February report")
	}
	if !strings.Contains(feb, ">2021-02<") {
		t.Error("no February bar")
	}
}

// TestReportSize: 200 labs and 1,000 reports stay under 1 MB.
func TestReportSize(t *testing.T) {
	path := synthStore(t, 200, 1000)
	html := writeReport(t, path, ReportOptions{Lang: "fr"})
	if len(html) >= 1<<20 {
		t.Errorf("report is %d bytes", len(html))
	}
	if n := len(regexp.MustCompile(`<tr><td class="lab">`).FindAllString(html, -1)); n != 200 {
		t.Errorf("%d lab rows, want 200", n)
	}
	t.Logf("report of 200 labs / 1,000 reports: %d bytes", len(html))
}

func BenchmarkReport(b *testing.B) {
	path := synthStore(b, 200, 1000)
	st, _ := store.Open(path, &store.Options{ReadOnly: true})
	var buf bytes.Buffer
	defer cpuPerOp(b)()
	for b.Loop() {
		buf.Reset()
		if err := WriteReport(context.Background(), &buf, st, ReportOptions{Lang: "fr"}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes")
}
