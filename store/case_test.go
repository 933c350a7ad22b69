package store

import (
	"context"
	"errors"
	"slices"
	"testing"

	"cyberintake/mailparse"
)

func TestCaseMergesFollowUps(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	first := report("first@lab", "Labo 42", "2021-02-10T09:00:00Z", "fr", mailparse.Sections{A: "phishing", B: "LIS", C: "papier", D: "MFA"})
	first.Contact = mailparse.Contact{Name: "Dr A", Email: "a@lab"}
	first.Tags.Cause = []string{"phishing"}
	first.DowntimeDays = ptr(1.0)
	// A follow-up that only adds e), under the lab's subject.
	second := report("second@lab", "labo 42", "2021-02-12T09:00:00Z", "fr", mailparse.Sections{E: "NC-2021-014"})
	second.References = []string{"NC-2021-014"}
	// A correction replying to the first without the lab in the subject.
	third := report("third@lab", "", "2021-02-15T09:00:00Z", "fr", mailparse.Sections{A: "phishing puis ransomware"})
	third.InReplyTo = "first@lab"
	third.Contact = mailparse.Contact{Phone: "+32 2 000 00 00"}
	third.Tags.Cause = []string{"ransomware"}
	third.DowntimeDays = ptr(3.0)
	// A reply to the follow-up, found through References only.
	fourth := report("fourth@lab", "", "2021-02-16T09:00:00Z", "fr", mailparse.Sections{})
	fourth.Thread = []string{"first@lab", "third@lab"}
	// Noise: an auto-reply in the thread and another lab's reply.
	auto := report("auto@lab", "", "2021-02-11T09:00:00Z", "", mailparse.Sections{})
	auto.Kind = mailparse.KindAutoReply
	auto.InReplyTo = "first@lab"
	other := report("other@lab", "43", "2021-02-11T09:00:00Z", "fr", mailparse.Sections{A: "autre"})
	other.InReplyTo = "first@lab"
	for _, r := range []*mailparse.Result{third, first, auto, other, second, fourth} {
		mustPut(t, s, msg(r, r.MessageID))
	}

	c, err := s.Case(ctx, "LABO 42")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range c.Records {
		got = append(got, r.Result.MessageID)
	}
	if want := []string{"first@lab", "second@lab", "third@lab", "fourth@lab"}; !slices.Equal(got, want) {
		t.Errorf("case records = %v, want %v", got, want)
	}
	a := c.Answers
	for _, tc := range []struct {
		q    string
		ans  *Answer
		text string
		from string
	}{
		{"a", a.A, "phishing puis ransomware", "third@lab"},
		{"b", a.B, "LIS", "first@lab"},
		{"e", a.E, "NC-2021-014", "second@lab"},
	} {
		if tc.ans == nil || tc.ans.Text != tc.text || tc.ans.From.MessageID != tc.from {
			t.Errorf("answer %s = %+v, want %q from %s", tc.q, tc.ans, tc.text, tc.from)
		}
	}
	if c.Lab != "labo 42" || c.Contact.Name != "Dr A" || c.Contact.Phone != "+32 2 000 00 00" {
		t.Errorf("case lab/contact = %q %+v", c.Lab, c.Contact)
	}
	if !slices.Equal(c.Tags.Cause, []string{"phishing", "ransomware"}) || *c.DowntimeDays != 3 || !slices.Equal(c.References, []string{"NC-2021-014"}) {
		t.Errorf("case tags %v downtime %v refs %v", c.Tags.Cause, *c.DowntimeDays, c.References)
	}
	if _, err := s.Case(ctx, "nobody"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Case(nobody) = %v, want ErrNotFound", err)
	}
}
