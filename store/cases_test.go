package store

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"
	"time"

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

// TestCasesEqualsCase: Cases gives, for every lab, what Case gives, plus
// the reports in no case; a period keeps the records dated in it.
func TestCasesEqualsCase(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	first := report("first@lab", "Labo 42", "2021-02-10T09:00:00Z", "fr", mailparse.Sections{A: "phishing"})
	follow := report("follow@lab", "", "2021-03-15T09:00:00Z", "fr", mailparse.Sections{E: "NC-1"})
	follow.InReplyTo = "first@lab"
	other := report("other@lab", "43", "2021-02-11T09:00:00Z", "nl", mailparse.Sections{A: "ransomware"})
	loose := report("loose@lab", "", "2021-02-12T09:00:00Z", "en", mailparse.Sections{A: "no lab named"})
	auto := report("auto@lab", "44", "2021-02-12T09:00:00Z", "", mailparse.Sections{})
	auto.Kind = mailparse.KindAutoReply
	for _, r := range []*mailparse.Result{first, follow, other, loose, auto} {
		mustPut(t, s, msg(r, r.MessageID))
	}
	set, err := s.Cases(ctx, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Cases) != 2 {
		t.Fatalf("%d cases, want 2 (labs 42 and 43; 44 sent only an auto-reply)", len(set.Cases))
	}
	for _, c := range set.Cases {
		one, err := s.Case(ctx, c.Lab)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(c, one) {
			t.Errorf("Cases and Case differ for %s", c.Lab)
		}
	}
	if len(set.Loose) != 1 || set.Loose[0].Result.MessageID != "loose@lab" {
		t.Errorf("loose = %+v, want loose@lab", set.Loose)
	}
	feb, err := s.Cases(ctx, Filter{Until: time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if len(feb.Cases) != 2 || len(feb.Cases[0].Records) != 1 || feb.Cases[0].Answers.E != nil {
		t.Errorf("February: the March follow-up was kept: %+v", feb.Cases[0])
	}
}
