package store

import (
	"context"
	"encoding/json"
	"testing"

	"cyberintake/mailparse"
)

// TestEachCaseMatchesCase: the cases read in one transaction are the ones
// Case reads lab by lab, and labs without replies are skipped.
func TestEachCaseMatchesCase(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	first := report("first@lab", "Labo 42", "2021-02-10T09:00:00Z", "fr", mailparse.Sections{A: "phishing", B: "LIS"})
	second := report("second@lab", "", "2021-02-12T09:00:00Z", "fr", mailparse.Sections{E: "NC-2021-014"})
	second.InReplyTo = "first@lab"
	other := report("other@lab", "43", "2021-02-11T09:00:00Z", "nl", mailparse.Sections{A: "ander"})
	for _, r := range []*mailparse.Result{first, second, other} {
		mustPut(t, s, msg(r, r.MessageID))
	}
	var got []*Case
	if err := s.EachCase(ctx, []string{"labo 42", "nobody", "43"}, func(c *Case) error { got = append(got, c); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("%d cases, want 2 (the lab without replies skipped)", len(got))
	}
	for i, lab := range []string{"labo 42", "43"} {
		want, err := s.Case(ctx, lab)
		if err != nil {
			t.Fatal(err)
		}
		gj, _ := json.Marshal(got[i])
		wj, _ := json.Marshal(want)
		if string(gj) != string(wj) {
			t.Errorf("case %s differs:\n%s\n%s", lab, gj, wj)
		}
	}
}
