package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"cyberintake/classify"
	"cyberintake/mailparse"
	"cyberintake/store"
)

type labsOptions struct {
	JSON  bool
	Width int
}

func (o *labsOptions) AddFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.BoolVar(&o.JSON, "json", false, "print a JSON array, one object per lab")
	addWidthFlag(f, &o.Width)
}

func newLabsCommand(g *globals) *cobra.Command {
	var opts labsOptions
	cmd := &cobra.Command{
		Use:   "labs [--json]",
		Short: "List the labs that replied, one row per lab (case)",
		Long: `labs prints one row per lab that sent a report: its case, as show LAB
merges it (the lab's replies, and follow-ups linked to them). Columns: the
lab as written in its newest reply, the number of messages, the dates of
the first and the last, how many of the questions a) to e) are answered,
the longest downtime in days, tags by group, and review when a message
needs a person's eye. Labs are compared ignoring case, spaces, dots and
dashes.

--json prints an array of objects: "lab", "messages" (their IDs),
"first", "last", "answered", "downtime_days", "tags", "needs_review".`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			width := outputWidth(cmd.OutOrStdout(), opts.Width)
			return g.withStore(true, func(st *store.Store) error {
				return runLabs(cmd.Context(), opts, st, cmd.OutOrStdout(), width)
			})
		},
	}
	opts.AddFlags(cmd)
	return cmd
}

// labRow is one lab's case in brief.
type labRow struct {
	Lab          string        `json:"lab"`
	Messages     []uint64      `json:"messages"`
	First        time.Time     `json:"first"`
	Last         time.Time     `json:"last"`
	Answered     int           `json:"answered"`
	DowntimeDays *float64      `json:"downtime_days"`
	Tags         classify.Tags `json:"tags"`
	NeedsReview  bool          `json:"needs_review"`
}

func runLabs(ctx context.Context, opts labsOptions, st *store.Store, w io.Writer, width int) error {
	rows, err := labRows(ctx, st)
	var skipped *store.SkippedError // the other labs are printed, then the error
	if err != nil && !errors.As(err, &skipped) {
		return err
	}
	if opts.JSON {
		if werr := writeJSON(w, rows); werr != nil {
			return werr
		}
		return err
	}
	t := newTable("LAB", "MSGS", "FIRST", "LAST", "ANSWERED", "FLAGS", "DOWN", "TAGS").setLimit(0, 60).fit(width, 0, 7)
	for _, r := range rows {
		flag := ""
		if r.NeedsReview {
			flag = "review"
		}
		t.add(r.Lab, strconv.Itoa(len(r.Messages)), r.First.Format(time.DateOnly), r.Last.Format(time.DateOnly),
			fmt.Sprintf("%d/5", r.Answered), flag, downtime(r.DowntimeDays), tagSummary(r.Tags))
	}
	if werr := t.write(w); werr != nil {
		return werr
	}
	if len(rows) == 0 {
		fmt.Fprintln(w, "(no reports filed)")
	}
	return err
}

// labRows builds the case of every lab that sent a report, in the order of
// their lab key. Damaged records are left out: the other labs come with a
// *store.SkippedError.
func labRows(ctx context.Context, st *store.Store) ([]labRow, error) {
	reports, listErr := st.List(ctx, store.Filter{Kind: mailparse.KindReport})
	var skipped *store.SkippedError
	if listErr != nil && !errors.As(listErr, &skipped) {
		return nil, listErr
	}
	var keys []string
	seen := map[string]bool{}
	for i := range reports {
		if k := reports[i].LabKey(); k != "" && !reports[i].Failed() && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	rows := make([]labRow, 0, len(keys))
	// One read transaction for every case (EachCase), not one store open
	// per lab.
	err := st.EachCase(ctx, keys, func(c *store.Case) error {
		r := labRow{Lab: c.Lab, DowntimeDays: c.DowntimeDays, Tags: c.Tags, NeedsReview: c.NeedsReview}
		for i := range c.Records {
			rec := &c.Records[i]
			r.Messages = append(r.Messages, rec.ID)
			if d := rec.Date(); r.First.IsZero() || d.Before(r.First) {
				r.First = d
			}
			if d := rec.Date(); d.After(r.Last) {
				r.Last = d
			}
		}
		for _, a := range c.Answers.List() {
			if a != nil {
				r.Answered++
			}
		}
		rows = append(rows, r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return rows, listErr
}
