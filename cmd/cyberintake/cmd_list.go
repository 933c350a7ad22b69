package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"cyberintake/mailparse"
	"cyberintake/store"
)

// filterFlags are the selection flags of list and export.
type filterFlags struct {
	Lab         string
	Since       string
	Until       string
	Language    string
	Kind        string
	Tags        []string
	NeedsReview bool
	Failed      bool
	Text        string
}

func (o *filterFlags) AddFlags(f *pflag.FlagSet) {
	f.StringVar(&o.Lab, "lab", "", "only lab X (case and dashes do not matter)")
	f.StringVar(&o.Since, "since", "", "only messages dated on or after DATE (YYYY-MM-DD or RFC 3339)")
	f.StringVar(&o.Until, "until", "", "only messages dated up to DATE, that day included (YYYY-MM-DD or RFC 3339)")
	f.StringVar(&o.Language, "language", "", "only replies in this language (fr, nl, de, en)")
	f.StringVar(&o.Kind, "kind", "", "only this kind: report, auto_reply, bounce, unrelated")
	f.StringArrayVar(&o.Tags, "tag", nil, "only reports with tag GROUP=LABEL, e.g. cause=phishing (repeatable: all must match)")
	f.BoolVar(&o.NeedsReview, "needs-review", false, "only reports a person should look at")
	f.BoolVar(&o.Failed, "failed", false, "only messages the parser failed on")
	f.StringVar(&o.Text, "text", "", "only reports whose answers contain all these WORDS")
}

var tagGroups = []string{"cause", "impact", "response", "prevention"}

func (o *filterFlags) filter() (store.Filter, error) {
	f := store.Filter{Lab: o.Lab, Language: o.Language, Kind: mailparse.Kind(o.Kind),
		NeedsReview: o.NeedsReview, Failed: o.Failed, Text: o.Text}
	switch f.Kind {
	case "", mailparse.KindReport, mailparse.KindAutoReply, mailparse.KindBounce, mailparse.KindUnrelated:
	default:
		return f, fmt.Errorf("%w: --kind %q: want report, auto_reply, bounce or unrelated", errUsage, o.Kind)
	}
	var err error
	if f.Since, err = parseDateFlag("since", o.Since, false); err != nil {
		return f, err
	}
	if f.Until, err = parseDateFlag("until", o.Until, true); err != nil {
		return f, err
	}
	for _, t := range o.Tags {
		g, l, ok := strings.Cut(t, "=")
		g, l = strings.TrimSpace(g), strings.TrimSpace(l)
		if !ok || l == "" || !slices.Contains(tagGroups, g) {
			return f, fmt.Errorf("%w: --tag %q: want GROUP=LABEL with GROUP one of %s", errUsage, t, strings.Join(tagGroups, ", "))
		}
		if f.Tags == nil {
			f.Tags = map[string][]string{}
		}
		f.Tags[g] = append(f.Tags[g], l)
	}
	return f, nil
}

// parseDateFlag reads YYYY-MM-DD (midnight UTC; for an upper bound the
// whole day is included) or an RFC 3339 time.
func parseDateFlag(name, s string, upper bool) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		if upper {
			t = t.AddDate(0, 0, 1)
		}
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: --%s %q: want YYYY-MM-DD or RFC 3339 (2021-02-15T10:00:00+01:00)", errUsage, name, s)
	}
	if upper {
		t = t.Add(time.Nanosecond) // the bound is exclusive in the store
	}
	return t, nil
}

type listOptions struct {
	filterFlags
	JSON    bool
	Limit   int
	Reverse bool
}

func (o *listOptions) AddFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	o.filterFlags.AddFlags(f)
	f.BoolVar(&o.JSON, "json", false, "print a JSON array of records (id, hash, filed_at, source, parser_version, result)")
	f.IntVar(&o.Limit, "limit", 0, "print at most N records")
	f.BoolVarP(&o.Reverse, "reverse", "r", false, "newest first (with --limit: the N newest)")
}

func newListCommand(g *globals) *cobra.Command {
	var opts listOptions
	cmd := &cobra.Command{
		Use:   "list [--lab X] [--since DATE] [--until DATE] [--tag GROUP=LABEL]... [--json]",
		Short: "List the filed messages, oldest first (--reverse: newest), with filters",
		Long: `list prints the filed messages that pass every filter given, oldest message
first: ID, date, lab, language, kind, downtime, tags and flags (review: a
person should look; FAILED: the parser could not read it, see show ID).
Lab, kind, language, tag, date and flag filters use the store's indexes.

--json prints one JSON array of records for scripts: each object has "id",
"hash", "filed_at", "source", "parser_version" and "result" (the object of
CONTRACT.md). It works while the daemon is filing (waits at most
--lock-timeout).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := opts.filter()
			if err != nil {
				return err
			}
			if !opts.Reverse {
				f.Limit = opts.Limit
			}
			return g.withStore(true, func(st *store.Store) error {
				return runList(cmd.Context(), opts, f, st, cmd.OutOrStdout())
			})
		},
	}
	opts.AddFlags(cmd)
	return cmd
}

func runList(ctx context.Context, opts listOptions, f store.Filter, st *store.Store, w io.Writer) (rerr error) {
	recs, err := st.List(ctx, f)
	var skipped *store.SkippedError // the others are listed, then the error
	if err != nil && !errors.As(err, &skipped) {
		return err
	}
	if skipped != nil {
		defer func() {
			if rerr == nil {
				rerr = skipped
			}
		}()
	}
	if opts.Reverse {
		slices.Reverse(recs)
		if opts.Limit > 0 && len(recs) > opts.Limit {
			recs = recs[:opts.Limit]
		}
	}
	if opts.JSON {
		if recs == nil {
			recs = []store.Record{}
		}
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		return enc.Encode(recs)
	}
	t := newTable("ID", "DATE", "LAB", "LANG", "KIND", "DOWN", "TAGS", "FLAGS").setLimit(2, 20).setLimit(6, 60)
	for i := range recs {
		r := &recs[i]
		t.add(strconv.FormatUint(r.ID, 10), r.Date().Format(time.DateOnly), labOf(r), r.Result.Language,
			string(r.Result.Kind), downtime(r.Result.DowntimeDays), tagSummary(r.Result), flags(r))
	}
	if err := t.write(w); err != nil {
		return err
	}
	if len(recs) == 0 {
		_, err = fmt.Fprintln(w, "(no messages match)")
	}
	return err
}

func labOf(r *store.Record) string {
	if r.Result.Lab == nil {
		return "-"
	}
	return *r.Result.Lab
}

func downtime(d *float64) string {
	if d == nil {
		return "-"
	}
	return strconv.FormatFloat(*d, 'g', 4, 64) + "d"
}

// tagSummary lists a report's labels, cause first.
func tagSummary(r mailparse.Result) string {
	var all []string
	for _, g := range [][]string{r.Tags.Cause, r.Tags.Impact, r.Tags.Response, r.Tags.Prevention} {
		all = append(all, g...)
	}
	return strings.Join(all, ",")
}

func flags(r *store.Record) string {
	var f []string
	if r.Failed() {
		f = append(f, "FAILED")
	}
	if r.Result.NeedsReview {
		f = append(f, "review")
	}
	return strings.Join(f, ",")
}
