package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"cyberintake/store"
)

type reviewOptions struct {
	JSON  bool
	Lab   string
	Limit int
}

func (o *reviewOptions) AddFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.BoolVar(&o.JSON, "json", false, "print a JSON array of {id, group, date, lab, kind, why}")
	f.StringVar(&o.Lab, "lab", "", "only the messages of lab X")
	f.IntVar(&o.Limit, "limit", 0, "print at most N messages")
}

func newReviewCommand(g *globals) *cobra.Command {
	var opts reviewOptions
	cmd := &cobra.Command{
		Use:   "review [--json] [--lab X]",
		Short: "The review queue: what a person should look at, and why",
		Long: `review lists the messages waiting for a person, oldest first within each
group: first those the parser asks about (with its reasons), then reports
nobody has reviewed yet, then corrections the parser has come to read
differently since they were made (after a reprocess; the correction
stands until someone looks).

Work through it with show ID, correct ID FIELD=VALUE... (or --edit) and
accept ID (or accept LAB for a whole case); each leaves the queue once
accepted. --json prints the queue for scripts.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Limit < 0 {
				return fmt.Errorf("%w: --limit must not be negative", errUsage)
			}
			return g.withStore(true, func(st *store.Store) error {
				return runReview(cmd.Context(), opts, st, cmd.OutOrStdout())
			})
		},
	}
	opts.AddFlags(cmd)
	return cmd
}

var queueLabel = map[string]string{
	store.QueueParserAsks:   "parser asks",
	store.QueueUnreviewed:   "unreviewed",
	store.QueueDisagreement: "disagreement",
}

func runReview(ctx context.Context, opts reviewOptions, st *store.Store, w io.Writer) error {
	items, err := st.ReviewQueue(ctx, store.QueueFilter{Lab: opts.Lab})
	if err != nil {
		return err
	}
	all := items
	if opts.Limit > 0 && len(items) > opts.Limit {
		items = items[:opts.Limit]
	}
	if opts.JSON {
		return writeJSON(w, items)
	}
	if len(items) == 0 {
		_, err := fmt.Fprintln(w, "nothing to review")
		return err
	}
	t := newTable("ID", "DATE", "LAB", "KIND", "QUEUE", "WHY").setLimit(2, 20)
	for _, it := range items {
		lab := it.Lab
		if lab == "" {
			lab = "-"
		}
		t.add(strconv.FormatUint(it.ID, 10), it.Date.Format(time.DateOnly), lab, it.Kind, queueLabel[it.Group], strings.Join(it.Why, "; "))
	}
	if err := t.write(w); err != nil {
		return err
	}
	count := map[string]int{}
	for _, it := range all {
		count[it.Group]++
	}
	shown := ""
	if len(items) < len(all) {
		shown = fmt.Sprintf(" (%d shown)", len(items))
	}
	_, err = fmt.Fprintf(w, "%d to review%s: %d the parser asks about, %d unreviewed reports, %d corrections the parser now reads differently\n",
		len(all), shown, count[store.QueueParserAsks], count[store.QueueUnreviewed], count[store.QueueDisagreement])
	return err
}
