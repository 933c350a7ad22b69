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

	"cyberintake/classify"
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
	Reviewed    bool
	Unreviewed  bool
	Corrected   bool
	// IncidentSince and IncidentUntil select by incident_date.
	IncidentSince, IncidentUntil string
}

func (o *filterFlags) AddFlags(f *pflag.FlagSet) {
	f.StringVar(&o.Lab, "lab", "", "only lab X (case, spaces, dots and dashes do not matter)")
	f.StringVar(&o.Since, "since", "", "only messages dated on or after DATE (YYYY-MM-DD or RFC 3339)")
	f.StringVar(&o.Until, "until", "", "only messages dated up to DATE, that day included (YYYY-MM-DD or RFC 3339)")
	f.StringVar(&o.Language, "language", "", "only replies in this language: "+strings.Join(languages, ", "))
	f.StringVar(&o.Kind, "kind", "", "only this kind: report, auto_reply, bounce, unrelated")
	f.StringArrayVar(&o.Tags, "tag", nil, "only reports with tag GROUP=LABEL, e.g. cause=phishing (repeatable: all must match)")
	f.BoolVar(&o.NeedsReview, "needs-review", false, "only reports a person should look at")
	f.BoolVar(&o.Failed, "failed", false, "only messages the parser failed on")
	f.StringVar(&o.Text, "text", "", "only reports whose answers contain all these WORDS (unquoted: --text ransomware rdp)")
	f.BoolVar(&o.Reviewed, "reviewed", false, "only messages a person accepted")
	f.BoolVar(&o.Unreviewed, "unreviewed", false, "only messages nobody accepted yet")
	f.BoolVar(&o.Corrected, "corrected", false, "only messages with a corrected field")
	f.StringVar(&o.IncidentSince, "incident-since", "", "only messages whose attack began on or after DATE (incident_date; a month alone counts as its 1st)")
	f.StringVar(&o.IncidentUntil, "incident-until", "", "only messages whose attack began up to DATE, that day included (a month alone counts as its 1st)")
}

var (
	tagGroups = []string{"cause", "impact", "response", "prevention"}
	// languages are those classify.Language detects.
	languages = []string{"fr", "nl", "de", "en"}
	kinds     = []string{string(mailparse.KindReport), string(mailparse.KindAutoReply), string(mailparse.KindBounce), string(mailparse.KindUnrelated)}
)

// filter reads the flags, and the words after them that belong to --text,
// into a store.Filter. A value that can match nothing (a misspelt tag or
// language) is a usage error listing the valid ones: an empty list would
// look like an answer.
func (o *filterFlags) filter(cmd *cobra.Command, args []string) (store.Filter, error) {
	text := o.Text
	if len(args) > 0 {
		if !cmd.Flags().Changed("text") {
			return store.Filter{}, fmt.Errorf("%w: unexpected argument %q (words to look for follow --text)", errUsage, args[0])
		}
		text = strings.Join(append([]string{text}, args...), " ")
	}
	lang := strings.ToLower(strings.TrimSpace(o.Language))
	f := store.Filter{Lab: o.Lab, Language: lang, Kind: mailparse.Kind(strings.ToLower(o.Kind)),
		NeedsReview: o.NeedsReview, Failed: o.Failed, Text: text,
		Reviewed: o.Reviewed, Unreviewed: o.Unreviewed, Corrected: o.Corrected}
	if o.Reviewed && o.Unreviewed {
		return f, fmt.Errorf("%w: --reviewed and --unreviewed exclude each other", errUsage)
	}
	if f.Kind != "" && !slices.Contains(kinds, string(f.Kind)) {
		return f, fmt.Errorf("%w: --kind %q: want one of %s", errUsage, o.Kind, strings.Join(kinds, ", "))
	}
	if lang != "" && !slices.Contains(languages, lang) {
		return f, fmt.Errorf("%w: --language %q: want one of %s", errUsage, o.Language, strings.Join(languages, ", "))
	}
	var err error
	if f.Since, err = parseDateFlag("since", o.Since, false); err != nil {
		return f, err
	}
	if f.Until, err = parseDateFlag("until", o.Until, true); err != nil {
		return f, err
	}
	if f.IncidentSince, err = parseDateFlag("incident-since", o.IncidentSince, false); err != nil {
		return f, err
	}
	if f.IncidentUntil, err = parseDateFlag("incident-until", o.IncidentUntil, true); err != nil {
		return f, err
	}
	for _, t := range o.Tags {
		g, l, ok := strings.Cut(t, "=")
		g, l = strings.ToLower(strings.TrimSpace(g)), strings.ToLower(strings.TrimSpace(l))
		if !ok || l == "" || !slices.Contains(tagGroups, g) {
			return f, fmt.Errorf("%w: --tag %q: want GROUP=LABEL with GROUP one of %s", errUsage, t, strings.Join(tagGroups, ", "))
		}
		if valid := classify.Labels(g); !slices.Contains(valid, l) {
			return f, fmt.Errorf("%w: --tag %q: no label %q in %s; the labels are %s", errUsage, t, l, g, strings.Join(valid, ", "))
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
	Width   int
}

func (o *listOptions) AddFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	o.filterFlags.AddFlags(f)
	f.BoolVar(&o.JSON, "json", false, "print a JSON array of records (id, hash, filed_at, source, parser_version, result)")
	f.IntVar(&o.Limit, "limit", 0, "print at most N records")
	f.BoolVarP(&o.Reverse, "reverse", "r", false, "newest first (with --limit: the N newest)")
	addWidthFlag(f, &o.Width)
}

func addWidthFlag(f *pflag.FlagSet, p *int) {
	f.IntVar(p, "width", 0, "line width (default: the terminal's; no limit in a pipe)")
}

func newListCommand(g *globals) *cobra.Command {
	var opts listOptions
	cmd := &cobra.Command{
		Use:   "list [flags] [--text WORD...]",
		Short: "List the filed messages, oldest first, with filters",
		Long: `list prints the filed messages that pass every filter given, oldest message
first: ID, date, flags (review: a person should look; FAILED: the parser
could not read it, see show ID; reviewed: a person accepted it; corrected:
a field was corrected, and the values shown are the corrected ones;
disagrees: the parser now reads a corrected field otherwise), lab, language, kind, downtime in days and
tags by group. The table fits the terminal (--width N to choose; no limit
in a pipe). Lab, kind, language, tag, date and flag filters use the
store's indexes; a tag or language that does not exist is an error.

--incident-since and --incident-until select by when the attack began
(incident_date, corrections applied): a reply that names only the month
("YYYY-MM") counts as the first day of that month, so --incident-since
2021-03-01 includes "2021-03" and --incident-since 2021-03-02 does not.
Messages without an incident date are left out when either is given.

--json prints one JSON array of records for scripts: each object has "id",
"hash", "filed_at", "source", "parser_version" and "result" (the object of
CONTRACT.md). It works while the daemon is filing (waits at most
--lock-timeout).`,
		Args: cobra.ArbitraryArgs, // the words of --text
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := opts.filter(cmd, args)
			if err != nil {
				return err
			}
			if !opts.Reverse {
				f.Limit = opts.Limit
			}
			return g.withStore(true, func(st *store.Store) error {
				return runList(cmd.Context(), opts, f, st, cmd.OutOrStdout(), outputWidth(cmd.OutOrStdout(), opts.Width))
			})
		},
	}
	opts.AddFlags(cmd)
	return cmd
}

func runList(ctx context.Context, opts listOptions, f store.Filter, st *store.Store, w io.Writer, width int) (rerr error) {
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
	t := newTable("ID", "DATE", "FLAGS", "LAB", "LANG", "KIND", "DOWN", "TAGS").setLimit(3, 60).fit(width, 3, 7)
	for i := range recs {
		r := &recs[i]
		t.add(strconv.FormatUint(r.ID, 10), r.Date().Format(time.DateOnly), flags(r), labOf(r), r.Result.Language,
			string(r.Result.Kind), downtime(r.Result.DowntimeDays), tagSummary(r.Result.Tags))
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

// downtime rounds days for a table: "1.7 d", "12 d" (the parser's 1.6667
// says more than the reply did).
func downtime(d *float64) string {
	switch {
	case d == nil:
		return "-"
	case *d >= 10:
		return strconv.FormatFloat(*d, 'f', 0, 64) + " d"
	case *d > 0 && *d < 0.05:
		return "<0.1 d"
	}
	return strings.TrimSuffix(strconv.FormatFloat(*d, 'f', 1, 64), ".0") + " d"
}

// tagSummary lists the labels by group, as --tag takes them:
// "cause=phishing,ransomware impact=lis".
func tagSummary(t classify.Tags) string {
	var groups []string
	for i, labels := range [][]string{t.Cause, t.Impact, t.Response, t.Prevention} {
		if len(labels) > 0 {
			groups = append(groups, tagGroups[i]+"="+strings.Join(labels, ","))
		}
	}
	return strings.Join(groups, " ")
}

func flags(r *store.Record) string {
	var f []string
	if r.Failed() {
		f = append(f, "FAILED")
	}
	if r.Result.NeedsReview {
		f = append(f, "review")
	}
	return strings.Join(append(f, reviewFlags(r)...), ",")
}
