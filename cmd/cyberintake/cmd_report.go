package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"cyberintake/internal/safefile"
	"cyberintake/store"
	"cyberintake/web"
)

type reportOptions struct {
	Out       string
	Lang      string
	Since     string
	Until     string
	Anonymize bool
}

func (o *reportOptions) AddFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&o.Out, "out", "report.html", "the HTML file to write")
	f.StringVar(&o.Lang, "lang", "fr", "language of the report: fr, nl or en")
	f.StringVar(&o.Since, "since", "", "only replies dated on or after DATE (YYYY-MM-DD or RFC 3339)")
	f.StringVar(&o.Until, "until", "", "only replies dated on or before DATE (YYYY-MM-DD: the whole day)")
	f.BoolVar(&o.Anonymize, "anonymize", false, "leave out lab names and numbers, contacts and free text: counts and charts only")
}

func newReportCommand(g *globals) *cobra.Command {
	var opts reportOptions
	cmd := &cobra.Command{
		Use:   "report --out report.html [--lang fr|nl|en] [--since D] [--until D] [--anonymize]",
		Short: "Write the situation report for management: one self-contained HTML file",
		Long: `report writes the overview of the web interface (labs that reported,
replies by month, causes, impact, responses and preventive measures with
counts and shares, downtime, review progress) and the table of lab cases
into one HTML file: inline CSS and SVG, no script, nothing fetched, so it
opens offline and can be mailed; it prints on A4 with a page break
between sections (a browser's "Print to PDF" makes the PDF).

--anonymize leaves out lab names and numbers, contacts and free text,
keeping counts and charts only, for sharing outside Sciensano.`,
		Example: `  cyberintake report --out report.html
  cyberintake report --out report.html --lang nl --anonymize
  cyberintake report --out report.html --lang en --since 2021-02-01 --until 2021-02-28`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.withStore(true, func(st *store.Store) error {
				return runReport(cmd.Context(), opts, st)
			})
		},
	}
	opts.AddFlags(cmd)
	return cmd
}

func runReport(ctx context.Context, opts reportOptions, st *store.Store) error {
	if !web.ValidLang(opts.Lang) {
		return fmt.Errorf("%w: --lang %q: want fr, nl or en", errUsage, opts.Lang)
	}
	ro := web.ReportOptions{Lang: web.Lang(opts.Lang), Anonymize: opts.Anonymize, Now: time.Now()}
	var err error
	if ro.Since, err = parseDateFlag("since", opts.Since, false); err != nil {
		return err
	}
	if ro.Until, err = parseDateFlag("until", opts.Until, true); err != nil {
		return err
	}
	// Written beside the target and renamed over it: a reader never opens
	// half a report.
	return safefile.Write(opts.Out, 0o644, func(w io.Writer) error {
		return web.WriteReport(ctx, w, st, ro)
	})
}
