package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestStats(t *testing.T) {
	fx := newFixture(t)
	js, errOut, code := fx.run(t, "stats", "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var st struct {
		Total   int                       `json:"total"`
		Reports int                       `json:"reports"`
		ByKind  map[string]int            `json:"by_kind"`
		ByLang  map[string]int            `json:"by_language"`
		ByMonth map[string]int            `json:"by_month"`
		ByTag   map[string]map[string]int `json:"by_tag"`
		Failed  int                       `json:"failed"`
		Median  *float64                  `json:"median_downtime_days"`
	}
	if err := json.Unmarshal([]byte(js), &st); err != nil {
		t.Fatal(err)
	}
	if st.Total != 5 || st.Reports != 3 || st.ByKind["report"] != 3 || st.ByKind["auto_reply"] != 1 || st.Failed != 1 {
		t.Errorf("counts = %+v", st)
	}
	if st.ByLang["fr"] != 2 || st.ByMonth["2021-02"] != 2 || st.ByMonth["2021-03"] != 1 || st.ByTag["cause"]["ransomware"] != 2 {
		t.Errorf("report counts = %+v", st)
	}
	if st.Median == nil || *st.Median != 2 {
		t.Errorf("median downtime = %v, want 2", st.Median)
	}
	out, _, _ := fx.run(t, "stats")
	for _, want := range []string{"Messages filed:   5", "Reports:          3", "Labs (cases):     2", "Median downtime:  2 days", "By kind\nreport      3\n", "ransomware     2"} {
		if !strings.Contains(out, want) {
			t.Errorf("stats table lacks %q:\n%s", want, out)
		}
	}
	// A span: February only (the follow-up of March is left out).
	feb, errOut, code := fx.run(t, "stats", "--since", "2021-02-01", "--until", "2021-02-28")
	for _, want := range []string{"Messages filed:   3", "Reports:          2", "Labs (cases):     2", "2021-02  2"} {
		if code != exitOK || !strings.Contains(feb, want) {
			t.Errorf("stats of February lacks %q (exit %d %s):\n%s", want, code, errOut, feb)
		}
	}
	if _, errOut, code := fx.run(t, "stats", "--since", "February"); code != exitUsage || !strings.Contains(errOut, "--since") {
		t.Errorf("bad --since: exit %d %q", code, errOut)
	}
}
