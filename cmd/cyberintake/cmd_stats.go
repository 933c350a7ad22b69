package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strconv"

	"github.com/spf13/cobra"

	"cyberintake/store"
)

type statsOptions struct {
	JSON bool
}

func (o *statsOptions) AddFlags(cmd *cobra.Command) {
	cmd.Flags().BoolVar(&o.JSON, "json", false, `print one JSON object ("total", "reports", "by_kind", "by_language", "by_month", "by_tag", "failed", "needs_review", "median_downtime_days")`)
}

func newStatsCommand(g *globals) *cobra.Command {
	var opts statsOptions
	cmd := &cobra.Command{
		Use:   "stats [--json]",
		Short: "Count the filed messages and reports",
		Long: `stats prints how many messages are filed, per kind, and, over the reports
(kind report, parsed without error), counts per language, per month (of
the message's date), per tag, and the median downtime in days of the
reports that give one.

--json prints the same as one object; "by_kind" maps each kind (report,
auto_reply, bounce, unrelated) to its count. The counts are kept up to
date by every write, so stats is instant on any size of store.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.withStore(true, func(st *store.Store) error {
				return runStats(cmd.Context(), opts, st, cmd.OutOrStdout())
			})
		},
	}
	opts.AddFlags(cmd)
	return cmd
}

func runStats(ctx context.Context, opts statsOptions, st *store.Store, w io.Writer) error {
	s, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	if opts.JSON {
		return writeJSON(w, s)
	}
	w = termWriter{w}
	median := "-"
	if s.MedianDowntime != nil {
		median = fmt.Sprintf("%g days (over %d reports that say)", *s.MedianDowntime, s.WithDowntime)
	}
	fmt.Fprintf(w, "Messages filed:   %d\nReports:          %d\nParser failures:  %d\nNeeds review:     %d\nMedian downtime:  %s\n",
		s.Total, s.Reports, s.Failed, s.NeedsReview, median)
	section := func(title string, counts map[string]int, byKey bool) {
		fmt.Fprintf(w, "\n%s\n", title)
		if len(counts) == 0 {
			fmt.Fprintln(w, "  (none)")
			return
		}
		t := newTable("", "")
		for _, k := range sortedCounts(counts, byKey) {
			t.add("  "+k, strconv.Itoa(counts[k]))
		}
		t.writeRows(w)
	}
	section("By kind", s.ByKind, false)
	section("By language (reports)", s.ByLanguage, false)
	section("By month (reports)", s.ByMonth, true)
	for _, g := range tagGroups {
		section("Tags "+g+" (reports)", s.ByTag[g], false)
	}
	return nil
}

// sortedCounts orders keys by count, largest first, or by key.
func sortedCounts(m map[string]int, byKey bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if !byKey && m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys
}
