package ingest

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"time"

	"cyberintake/mailparse"
	"cyberintake/store"
)

// ReprocessOptions tune Reprocess. A nil *ReprocessOptions is valid: every
// stored message is re-parsed and the changes are written.
type ReprocessOptions struct {
	// Filter selects the records (by lab, date, failed...); zero: all.
	Filter store.Filter
	// Outdated limits the run to records parsed by an older parser version
	// and to those the parser failed on.
	Outdated bool
	// DryRun parses and reports but writes nothing.
	DryRun bool
	// Workers is the number of parsing goroutines; zero means GOMAXPROCS.
	Workers int
	// BatchSize is the number of records re-parsed and updated per
	// transaction; zero means 500.
	BatchSize int
	Parse     *mailparse.Options
	Logger    *slog.Logger
}

// ReprocessReport says what a new parse changed. Every record examined is
// exactly one of Unchanged, Changed, NewlyParsed (it failed before),
// StillFailing and NewlyFailing (it parsed before, fails now).
type ReprocessReport struct {
	Examined      int            `json:"examined"`
	Unchanged     int            `json:"unchanged"`
	Changed       int            `json:"changed"`
	ChangedFields map[string]int `json:"changed_fields"`
	NewlyParsed   int            `json:"newly_parsed"`
	StillFailing  int            `json:"still_failing"`
	NewlyFailing  int            `json:"newly_failing"`
	Updated       int            `json:"updated"` // or would be, in a dry run
	// Disagreements are corrected fields the parser now reads differently
	// from the reading the correction was made against (the corrections
	// stand; `review` lists them); Unreviewed are reviewed messages sent
	// back to unreviewed because the reading changed in a field nobody
	// corrected.
	Disagreements []store.Disagreement `json:"disagreements"`
	Unreviewed    []uint64             `json:"unreviewed"`
	DryRun        bool                 `json:"dry_run"`
	Seconds       float64              `json:"seconds"`
}

// Reprocess re-parses stored raw messages with the current parser and
// updates their reports in batches, without touching any mailbox. Records
// are updated when the parse changed or was made by another parser version
// (so that --outdated will not pick them again).
func Reprocess(ctx context.Context, st *store.Store, opts *ReprocessOptions) (*ReprocessReport, error) {
	var o ReprocessOptions
	if opts != nil {
		o = *opts
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.BatchSize <= 0 {
		o.BatchSize = 500
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	start := time.Now()
	rep := &ReprocessReport{ChangedFields: map[string]int{}, DryRun: o.DryRun,
		Disagreements: []store.Disagreement{}, Unreviewed: []uint64{}}
	rp := reprocessor{st: st, o: o, rep: rep}
	err := st.Each(ctx, o.Filter, func(rec *store.Record, raw []byte) error {
		if o.Outdated && rec.ParserVersion == mailparse.Version && rec.Parsed().Error == "" {
			return nil
		}
		rp.batch = append(rp.batch, pending{rec: rec, raw: raw})
		if len(rp.batch) >= o.BatchSize {
			return rp.flush(ctx)
		}
		return nil
	})
	if err == nil {
		err = rp.flush(ctx)
	}
	rep.Seconds = time.Since(start).Seconds()
	if err != nil {
		return rep, fmt.Errorf("reprocess: %w", err)
	}
	return rep, nil
}

type pending struct {
	rec *store.Record
	raw []byte
	res *mailparse.Result
}

type reprocessor struct {
	st    *store.Store
	o     ReprocessOptions
	rep   *ReprocessReport
	batch []pending
}

// flush parses the batch in parallel, compares, and writes what changed.
func (rp *reprocessor) flush(ctx context.Context) error {
	if len(rp.batch) == 0 {
		return nil
	}
	forEach(len(rp.batch), rp.o.Workers, func(i int) {
		p := &rp.batch[i]
		p.res = mailparse.Parse(p.raw, rp.o.Parse)
		p.res.File = p.rec.Parsed().File
	})

	var updates []store.Reparsed
	for _, p := range rp.batch {
		if rp.tally(p.rec, p.res) || p.rec.ParserVersion != mailparse.Version {
			updates = append(updates, store.Reparsed{ID: p.rec.ID, Result: p.res})
			if rp.o.DryRun {
				dis, unreview := store.CheckReparse(p.rec, p.res)
				rp.rep.Disagreements = append(rp.rep.Disagreements, dis...)
				if unreview {
					rp.rep.Unreviewed = append(rp.rep.Unreviewed, p.rec.ID)
				}
			}
		}
	}
	clear(rp.batch)
	rp.batch = rp.batch[:0]
	if rp.o.DryRun || len(updates) == 0 {
		rp.rep.Updated += len(updates)
		return nil
	}
	rr, err := rp.st.Reparse(ctx, updates)
	if err != nil {
		return fmt.Errorf("update %d records: %w", len(updates), err)
	}
	rp.rep.Updated += len(updates)
	rp.rep.Disagreements = append(rp.rep.Disagreements, rr.Disagreements...)
	rp.rep.Unreviewed = append(rp.rep.Unreviewed, rr.Unreviewed...)
	return nil
}

// tally counts one record and reports whether its new parse differs.
func (rp *reprocessor) tally(rec *store.Record, cur *mailparse.Result) bool {
	r := rp.rep
	r.Examined++
	old := rec.Parsed() // compare the parser with itself, not with corrections
	switch {
	case old.Error != "" && cur.Error != "":
		r.StillFailing++
		return old.Error != cur.Error
	case old.Error != "":
		r.NewlyParsed++
		return true
	case cur.Error != "":
		r.NewlyFailing++
		rp.o.Logger.Warn("parse now fails", "id", rec.ID, "err", cur.Error)
		return true
	}
	diff := changedFields(old, cur)
	if len(diff) == 0 {
		r.Unchanged++
		return false
	}
	r.Changed++
	for _, f := range diff {
		r.ChangedFields[f]++
	}
	return true
}

// WriteText prints the report for people.
func (r *ReprocessReport) WriteText(w io.Writer) {
	verb := "updated"
	if r.DryRun {
		verb = "would update (dry run)"
	}
	fmt.Fprintf(w, "re-parsed %d stored messages in %.1fs with parser version %d\n", r.Examined, r.Seconds, mailparse.Version)
	fmt.Fprintf(w, "  %-22s %8d\n  %-22s %8d\n", "unchanged", r.Unchanged, "changed", r.Changed)
	for _, f := range diffFields {
		if n := r.ChangedFields[f]; n > 0 {
			fmt.Fprintf(w, "    %-20s %8d\n", f, n)
		}
	}
	fmt.Fprintf(w, "  %-22s %8d\n  %-22s %8d\n  %-22s %8d\n", "newly parsed", r.NewlyParsed, "still failing", r.StillFailing, "newly failing", r.NewlyFailing)
	fmt.Fprintf(w, "%s %d records\n", verb, r.Updated)
	r.writeReview(w)
}
