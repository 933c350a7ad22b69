package main

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"cyberintake/mailparse"
	"cyberintake/store"
)

// TestListStatsIncident files reports with an incident day, an incident
// month alone, and one in another year beside the fixture's (which give
// none), then filters list by incident range and counts stats by
// incident month.
func TestListStatsIncident(t *testing.T) {
	fx := newFixture(t)
	st, err := store.Open(fx.db, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range []struct{ name, inc string }{{"day", "2021-01-20"}, {"month", "2021-03"}, {"old", "2020-11-02"}} {
		r := testResult(it.name+"@inc", "9000"+it.name, "2021-04-01T10:00:00Z", "fr", mailparse.Sections{A: "x"})
		r.IncidentDate = &it.inc
		raw := []byte(fmt.Sprintf("Message-ID: <%s@inc>\r\n\r\n%s\r\n", it.name, it.name))
		out, err := st.Put(context.Background(), []store.Message{{Raw: raw, Result: r, Source: store.Source{Kind: "eml", Name: it.name + ".eml"}}})
		if err != nil {
			t.Fatal(err)
		}
		fx.ids[it.name] = out[0].ID
	}
	st.Close()
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"--incident-since", "2021-01-01", "--incident-until", "2021-03-31"}, []string{"day", "month"}},
		{[]string{"--incident-since", "2021-03-01"}, []string{"month"}}, // "2021-03" counts as the 1st
		{[]string{"--incident-since", "2021-03-02"}, nil},
		{[]string{"--incident-until", "2021-01-20"}, []string{"day", "old"}}, // until includes its day; same message date: by ID
		{[]string{"--incident-until", "2020-12-31", "--lab", "9000old"}, []string{"old"}},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			out, errOut, code := fx.run(t, append([]string{"list", "--json"}, tc.args...)...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var recs []struct{ ID uint64 }
			if err := json.Unmarshal([]byte(out), &recs); err != nil {
				t.Fatal(err)
			}
			var got, want []uint64
			for _, r := range recs {
				got = append(got, r.ID)
			}
			for _, n := range tc.want {
				want = append(want, fx.ids[n])
			}
			if !slices.Equal(got, want) {
				t.Errorf("list %v = %v, want %v", tc.args, got, want)
			}
		})
	}
	if _, errOut, code := fx.run(t, "list", "--incident-since", "March"); code != exitUsage || !strings.Contains(errOut, "--incident-since") {
		t.Errorf("bad --incident-since: exit %d %q", code, errOut)
	}
	js, errOut, code := fx.run(t, "stats", "--json")
	var s struct {
		ByIncident map[string]int `json:"by_incident_month"`
	}
	if code != exitOK || json.Unmarshal([]byte(js), &s) != nil {
		t.Fatalf("stats --json: exit %d %s\n%s", code, errOut, js)
	}
	if want := map[string]int{"2020-11": 1, "2021-01": 1, "2021-03": 1}; fmt.Sprint(s.ByIncident) != fmt.Sprint(want) {
		t.Errorf("by_incident_month = %v, want %v", s.ByIncident, want)
	}
	out, _, _ := fx.run(t, "stats")
	if want := "By incident month (reports that say)\n2020-11  1\n2021-01  1\n2021-03  1\n"; !strings.Contains(out, want) {
		t.Errorf("stats lacks %q:\n%s", want, out)
	}
	feb, _, _ := fx.run(t, "stats", "--since", "2021-02-01", "--until", "2021-02-28")
	if !strings.Contains(feb, "By incident month (reports that say)\n  (none)") {
		t.Errorf("stats of February counts incidents of April's messages:\n%s", feb)
	}
}
