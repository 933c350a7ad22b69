package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"

	"github.com/spf13/cobra"

	"cyberintake/ingest"
	"cyberintake/store"
)

type reprocessOptions struct {
	Since    string
	Lab      string
	All      bool
	Outdated bool
	Failed   bool
	DryRun   bool
	JSON     bool
	Workers  int
	Batch    int
}

func (o *reprocessOptions) AddFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&o.Since, "since", "", "only messages dated on or after DATE (YYYY-MM-DD or RFC 3339)")
	f.StringVar(&o.Lab, "lab", "", "only the messages of lab X")
	f.BoolVar(&o.All, "all", false, "every selected message (the default)")
	f.BoolVar(&o.Outdated, "outdated", false, "only messages parsed by an older parser version, or that failed")
	f.BoolVar(&o.Failed, "failed", false, "only messages the parser failed on")
	f.BoolVar(&o.DryRun, "dry-run", false, "report what would change, write nothing")
	f.BoolVar(&o.JSON, "json", false, "print the report as one JSON object")
	f.IntVar(&o.Workers, "workers", 0, "parsing goroutines (default: the number of CPUs)")
	f.IntVar(&o.Batch, "batch", 500, "messages re-parsed and updated per transaction")
	cmd.MarkFlagsMutuallyExclusive("all", "outdated")
}

func newReprocessCommand(g *globals) *cobra.Command {
	var opts reprocessOptions
	cmd := &cobra.Command{
		Use:   "reprocess [--outdated|--failed] [--lab X] [--dry-run]",
		Short: "Re-parse the stored raw messages with the current parser",
		Long: `reprocess reads the raw messages kept in the store, parses them again with
this version of the parser and updates their reports and indexes, without
touching any mailbox. Use it after an upgrade: a message the old parser
failed on is retried, and what changed is counted (unchanged, changed by
field, newly parsed, still failing, newly failing).

--outdated limits it to messages parsed by an older parser version (and
failures); --dry-run only reports.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := opts.filter()
			if err != nil {
				return err
			}
			return g.withStore(opts.DryRun, func(st *store.Store) error {
				return runReprocess(cmd.Context(), opts, f, st, cmd.OutOrStdout(), g.logger)
			})
		},
	}
	opts.AddFlags(cmd)
	return cmd
}

func (o *reprocessOptions) filter() (store.Filter, error) {
	f := store.Filter{Lab: o.Lab, Failed: o.Failed}
	var err error
	if f.Since, err = parseDateFlag("since", o.Since, false); err != nil {
		return f, err
	}
	if o.Batch < 1 || o.Workers < 0 {
		return f, fmt.Errorf("%w: --batch must be positive", errUsage)
	}
	return f, nil
}

func runReprocess(ctx context.Context, opts reprocessOptions, f store.Filter, st *store.Store, stdout io.Writer, log *slog.Logger) error {
	rep, err := ingest.Reprocess(ctx, st, &ingest.ReprocessOptions{
		Filter:    f,
		Outdated:  opts.Outdated,
		DryRun:    opts.DryRun,
		Workers:   opts.Workers,
		BatchSize: opts.Batch,
		Logger:    log,
	})
	if rep == nil {
		return err
	}
	// A failed or interrupted run still reports the batches it updated.
	if opts.JSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if werr := enc.Encode(rep); werr != nil {
			return fmt.Errorf("write report: %w", werr)
		}
	} else {
		rep.WriteText(termWriter{stdout})
	}
	return err
}
