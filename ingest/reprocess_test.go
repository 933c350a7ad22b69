package ingest

import (
	"context"
	"testing"

	"cyberintake/mailparse"
	"cyberintake/store"
)

// spoil overwrites some stored reports as an older, worse parser might have
// left them: a wrong lab on the first report, a wrong kind on the second,
// a parse failure on the third. It returns their IDs.
func spoil(t *testing.T, st *store.Store) []uint64 {
	t.Helper()
	var ups []store.Reparsed
	err := st.Each(context.Background(), store.Filter{}, func(rec *store.Record, raw []byte) error {
		if rec.Result.Kind != mailparse.KindReport || len(ups) == 3 {
			return nil
		}
		res := rec.Result
		switch len(ups) {
		case 0:
			lab := "00000"
			res.Lab = &lab
		case 1:
			res.Kind = mailparse.KindUnrelated
		case 2:
			res = *mailparse.Failed(res.File, errTest)
		}
		ups = append(ups, store.Reparsed{ID: rec.ID, Result: &res})
		return nil
	})
	if err != nil || len(ups) != 3 {
		t.Fatalf("spoil: %v (%d reports)", err, len(ups))
	}
	if err := st.Update(context.Background(), ups); err != nil {
		t.Fatal(err)
	}
	return []uint64{ups[0].ID, ups[1].ID, ups[2].ID}
}

type testError string

func (e testError) Error() string { return string(e) }

const errTest = testError("old parser gave up")

func reprocess(t *testing.T, st *store.Store, o ReprocessOptions) *ReprocessReport {
	t.Helper()
	o.Logger = quiet()
	o.BatchSize = 7 // several batches
	rep, err := Reprocess(context.Background(), st, &o)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestReprocess(t *testing.T) {
	st := openStore(t)
	n := len(corpusMessages(t))
	ingest(t, st, nil, "../testdata/corpus")
	want := dumpStore(t, st, false)

	t.Run("nothing to do", func(t *testing.T) {
		rep := reprocess(t, st, ReprocessOptions{})
		if rep.Examined != n || rep.Unchanged != n || rep.Updated != 0 {
			t.Fatalf("report %+v, want %d unchanged", rep, n)
		}
	})

	spoil(t, st)
	spoiled := dumpStore(t, st, false)
	t.Run("dry run reports and writes nothing", func(t *testing.T) {
		rep := reprocess(t, st, ReprocessOptions{DryRun: true})
		if rep.Changed != 2 || rep.NewlyParsed != 1 || rep.Updated != 3 || rep.ChangedFields["lab"] != 1 || rep.ChangedFields["kind"] != 1 {
			t.Fatalf("report %+v", rep)
		}
		sameDump(t, dumpStore(t, st, false), spoiled)
	})
	t.Run("outdated takes only the failure", func(t *testing.T) {
		rep := reprocess(t, st, ReprocessOptions{Outdated: true, DryRun: true})
		if rep.Examined != 1 || rep.NewlyParsed != 1 {
			t.Fatalf("report %+v, want the one failure", rep)
		}
	})
	t.Run("rebuilds the reports from the raw messages", func(t *testing.T) {
		rep := reprocess(t, st, ReprocessOptions{})
		if rep.Examined != n || rep.Unchanged != n-3 || rep.Changed != 2 || rep.NewlyParsed != 1 || rep.Updated != 3 {
			t.Fatalf("report %+v", rep)
		}
		sameDump(t, dumpStore(t, st, false), want)
		if problems, _, err := st.Verify(context.Background()); err != nil || len(problems) > 0 {
			t.Fatalf("verify: %v %v", problems, err)
		}
	})
}

func TestReprocessByLab(t *testing.T) {
	st := openStore(t)
	ingest(t, st, nil, "../testdata/corpus")
	var lab string
	labs := map[string]int{}
	st.Each(context.Background(), store.Filter{}, func(rec *store.Record, raw []byte) error {
		if rec.Result.Lab != nil {
			labs[*rec.Result.Lab]++
			lab = *rec.Result.Lab
		}
		return nil
	})
	if lab == "" {
		t.Skip("the parser finds no lab yet")
	}
	rep := reprocess(t, st, ReprocessOptions{Filter: store.Filter{Lab: lab}})
	if rep.Examined != labs[lab] {
		t.Fatalf("examined %d records of lab %s, it has %d", rep.Examined, lab, labs[lab])
	}
}
