package followup

import (
	"context"
	"slices"
	"strings"
	"testing"

	"cyberintake/mailparse"
	"cyberintake/store"
)

// TestDraftEffectiveValues: the draft asks for what the case lacks after
// corrections, goes to a corrected contact address, and warns about a
// message the parser flagged only until someone reviewed it.
func TestDraftEffectiveValues(t *testing.T) {
	ctx := context.Background()
	r := report("pdf@lab.example", "sender@lab.example", "31337", "2021-02-20T09:00:00Z", "fr",
		mailparse.Sections{A: "Phishing", B: "LIS", C: "Papier", D: "MFA"})
	r.NeedsReview, r.ReviewReasons = true, []string{mailparse.ReasonUnreadableAttachment}
	st := fileAll(t, r)
	draft := func() *Draft {
		t.Helper()
		c, err := st.Case(ctx, "31337")
		if err != nil {
			t.Fatal(err)
		}
		d, err := New(c, &Options{Now: fixedNow})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	d := draft()
	if !slices.Equal(d.Missing, []Item{ItemE, ItemContact}) || d.To != "sender@lab.example" {
		t.Fatalf("before corrections: missing %v, to %s", d.Missing, d.To)
	}
	if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0], "could not be read") {
		t.Errorf("warnings %q, want the unreadable attachment said", d.Warnings)
	}
	who := store.Meta{By: "secretariat"}
	if _, err := st.Correct(ctx, 1, []store.Change{
		{Field: store.FieldContactName, Op: store.OpSet, Value: "Dr Claes"},
		{Field: store.FieldContactEmail, Op: store.OpSet, Value: "claes@lab.example"},
		{Field: store.FieldE, Op: store.OpSet, Value: "NC-2021-031"},
		{Field: store.FieldReferences, Op: store.OpSet, Value: "NC-2021-031"},
	}, who); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Accept(ctx, []uint64{1}, who); err != nil {
		t.Fatal(err)
	}
	c, err := st.Case(ctx, "31337")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := New(c, nil); err == nil {
		t.Fatal("corrected case still drafted")
	}
	// Undo the reference: only e)'s record is missing now, asked of the
	// corrected contact, with no warning (reviewed).
	if _, err := st.Undo(ctx, 1, store.FieldReferences, who); err != nil {
		t.Fatal(err)
	}
	d = draft()
	if !slices.Equal(d.Missing, []Item{ItemReference}) || d.To != "claes@lab.example" || d.ToName != "Dr Claes" || len(d.Warnings) != 0 {
		t.Errorf("after corrections: missing %v, to %s <%s>, warnings %q", d.Missing, d.ToName, d.To, d.Warnings)
	}
}
