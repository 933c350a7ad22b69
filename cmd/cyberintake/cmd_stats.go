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
	JSON  bool
	Since string
	Until string
}

func (o *statsOptions) AddFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.BoolVar(&o.JSON, "json", false, "print one JSON object")
	f.StringVar(&o.Since, "since", "", "count messages dated on or after DATE (YYYY-MM-DD or RFC 3339)")
	f.StringVar(&o.Until, "until", "", "count messages dated up to DATE, that day included")
}

func newStatsCommand(g *globals) *cobra.Command {
	var opts statsOptions
	cmd := &cobra.Command{
		Use:   "stats [--since DATE] [--until DATE] [--json]",
		Short: "Count the filed messages, reports and labs",
		Long: `stats prints how many messages are filed, per kind, and, over the reports
(kind report, parsed without error), how many labs sent them (cases: a lab
that wrote three times counts once), counts per language, per month (of
the message's date), per incident month (when the attack began, from
incident_date; reports that do not say are not counted), per tag, and the median downtime in days of the
reports that give one. --since and --until count the messages dated in
that span only.

--json prints the same as one object: "total", "reports", "labs",
"by_kind" (each kind to its count), "by_language", "by_month",
"by_incident_month", "by_tag",
"failed", "needs_review", "with_downtime", "median_downtime_days". The
counts of the whole store are kept up to date by every write, so stats is
instant on any size of store; a span reads the records in it.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var f store.Filter
			var err error
			if f.Since, err = parseDateFlag("since", opts.Since, false); err != nil {
				return err
			}
			if f.Until, err = parseDateFlag("until", opts.Until, true); err != nil {
				return err
			}
			return g.withStore(true, func(st *store.Store) error {
				return runStats(cmd.Context(), opts, f, st, cmd.OutOrStdout())
			})
		},
	}
	opts.AddFlags(cmd)
	return cmd
}

func runStats(ctx context.Context, opts statsOptions, f store.Filter, st *store.Store, w io.Writer) error {
	var s *store.Stats
	var err error
	if f.Since.IsZero() && f.Until.IsZero() {
		s, err = st.Stats(ctx)
	} else {
		s, err = st.StatsOf(ctx, f) // with damaged records left out: counts, then the error
	}
	if s == nil {
		return err
	}
	// err, if any, is a *store.SkippedError: the counts of the others are
	// printed, then the error (exit status 4).
	if err != nil {
		return err
	}
	if opts.JSON {
		if werr := writeJSON(w, s); werr != nil {
			return werr
		}
		return err
	}
	w = termWriter{w}
	median := "-"
	if s.MedianDowntime != nil {
		median = fmt.Sprintf("%g days (over %d reports that say)", *s.MedianDowntime, s.WithDowntime)
	}
	fmt.Fprintf(w, "Messages filed:   %d\nReports:          %d\nLabs (cases):     %d\nParser failures:  %d\nNeeds review:     %d\nMedian downtime:  %s\n",
		s.Total, s.Reports, s.Labs, s.Failed, s.NeedsReview, median)
	fmt.Fprintf(w, "Reviewed:         %d\nCorrected:        %d (figures below use the corrected values)\n", s.Reviewed, s.Corrected)
	if s.Disagreements > 0 {
		fmt.Fprintf(w, "Parser disagrees: %d (see cyberintake review)\n", s.Disagreements)
	}
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
	section("By incident month (reports that say)", s.ByIncidentMonth, true)
	for _, g := range tagGroups {
		section("Tags "+g+" (reports)", s.ByTag[g], false)
	}
	return err
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
