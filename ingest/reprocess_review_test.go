package ingest

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"cyberintake/store"
)

// A correction stands through reprocess; when the parser now reads the
// field otherwise than the reading the correction was made against, the
// report says so; a reviewed message whose reading changed in a field
// nobody corrected goes back to unreviewed.
func TestReprocessKeepsCorrections(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	ingest(t, st, nil, "../testdata/corpus")
	ids := spoil(t, st) // lab "00000" on ids[0], kind unrelated on ids[1]
	who := store.Meta{By: "ana"}
	if _, err := st.Correct(ctx, ids[0], []store.Change{{Field: "lab", Op: store.OpSet, Value: "12345"}}, who); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Accept(ctx, ids[:2], who); err != nil {
		t.Fatal(err)
	}

	dry := reprocess(t, st, ReprocessOptions{DryRun: true})
	rep := reprocess(t, st, ReprocessOptions{})
	after, _ := st.Get(ctx, ids[0])
	for name, r := range map[string]*ReprocessReport{"dry run": dry, "run": rep} {
		if len(r.Disagreements) != 1 || r.Disagreements[0].ID != ids[0] || r.Disagreements[0].Against != "00000" ||
			r.Disagreements[0].ParserNow != *after.Parsed().Lab || *after.Parsed().Lab == "00000" {
			t.Errorf("%s: disagreements %+v", name, r.Disagreements)
		}
		if !slices.Equal(r.Unreviewed, []uint64{ids[1]}) {
			t.Errorf("%s: unreviewed %v, want [%d]", name, r.Unreviewed, ids[1])
		}
		if r.ChangedFields["lab"] != 1 || r.ChangedFields["kind"] != 1 {
			t.Errorf("%s: changed fields %v (the parser against itself)", name, r.ChangedFields)
		}
	}
	var text bytes.Buffer
	rep.WriteText(&text)
	if !strings.Contains(text.String(), `lab: corrected to "12345", made against "00000", parser now reads`) ||
		!strings.Contains(text.String(), "back to unreviewed") {
		t.Errorf("report text:\n%s", text.String())
	}
	r, _ := st.Get(ctx, ids[0])
	if *r.Result.Lab != "12345" || !r.Reviewed() || *r.Parsed().Lab == "00000" {
		t.Errorf("after reprocess: lab %q (parser %q), reviewed %v", *r.Result.Lab, *r.Parsed().Lab, r.Reviewed())
	}
	if r, _ := st.Get(ctx, ids[1]); r.Reviewed() {
		t.Error("the message whose kind the parser now reads otherwise is still reviewed")
	}
	// A second run changes nothing; the disagreement stays on record for review.
	again := reprocess(t, st, ReprocessOptions{})
	if again.Updated != 0 || len(again.Disagreements) != 0 {
		t.Errorf("second run: %+v", again)
	}
	if r, _ := st.Get(ctx, ids[0]); !r.Disagrees() {
		t.Error("the disagreement was lost")
	}
	if probs, _, err := st.Verify(ctx); err != nil || len(probs) > 0 {
		t.Errorf("Verify: %v %v", probs, err)
	}
}
