package web

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"cyberintake/store"
)

// incidentFigure is the incidents chart's <figure> in a page.
func incidentFigure(t *testing.T, html string) string {
	t.Helper()
	i := strings.Index(html, `<figure class="chart" aria-labelledby="incidents-t">`)
	if i < 0 {
		t.Fatal("no incidents chart")
	}
	j := strings.Index(html[i:], "</figure>")
	return html[i : i+j]
}

// TestOverviewIncidentMonths: the overview and the report chart the
// replies by the month of the incident they state, with the same counts
// as the store's stats (by_incident_month), as text beside each bar.
func TestOverviewIncidentMonths(t *testing.T) {
	path := corpusStore(t)
	st, err := store.Open(path, &store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	stats, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := stats.ByIncidentMonth
	if len(want) < 3 {
		t.Fatalf("the sample replies state incidents in %d months, want several: %v", len(want), want)
	}
	total := 0
	for _, n := range want {
		total += n
	}
	h, _ := testServer(t, path, Options{Store: st})
	_, page := do(t, h, "GET", "/?lang=en", nil)
	pages := map[string]string{
		"overview": page,
		"report":   writeReport(t, path, ReportOptions{Lang: "en"}),
	}
	for name, html := range pages {
		t.Run(name, func(t *testing.T) {
			fig := incidentFigure(t, html)
			if !strings.Contains(fig, "Incidents by month (when the reply says)") {
				t.Error("incidents chart has no title")
			}
			if n := strings.Count(fig, "<g><title>"); n != len(want) {
				t.Errorf("%d bars, want %d (%v)", n, len(want), want)
			}
			for m, n := range want {
				text := fmt.Sprintf("%d (%s)", n, percent(float64(n)/float64(total)))
				if !strings.Contains(fig, ">"+m+"</text>") || !strings.Contains(fig, "<title>"+m+": "+text+"</title>") {
					t.Errorf("no bar %s with %q", m, text)
				}
			}
		})
	}
	for _, l := range Languages {
		if w := Lang(l).T("chart_incidents"); w == "chart_incidents" || (l != "en" && w == Lang("en").T("chart_incidents")) {
			t.Errorf("no %s words for the incidents chart", l)
		}
	}
}

func TestIncidentMonth(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2021-01-28", "2021-01"}, {"2020-12", "2020-12"},
		{"2021-13", ""}, {"2021-02-30", ""}, {"soon", ""}, {"", ""}, {"2021-01-28T10:00", ""},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := incidentMonth(&tc.in); got != tc.want {
				t.Errorf("incidentMonth(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
	if incidentMonth(nil) != "" {
		t.Error("nil date has a month")
	}
}
