package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/debug"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"cyberintake/ingest"
	"cyberintake/store"
)

type ingestOptions struct {
	JSON       bool
	Workers    int
	Batch      int
	BatchMB    int
	MaxSize    int64
	SourceName string
	MemLimitMB int
}

func (o *ingestOptions) AddFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.BoolVar(&o.JSON, "json", false, "print the summary as one JSON object")
	f.IntVar(&o.Workers, "workers", 0, "parsing goroutines (default: the number of CPUs)")
	f.IntVar(&o.Batch, "batch", 500, "messages per transaction")
	f.IntVar(&o.BatchMB, "batch-mb", 4, "megabytes of mail per transaction")
	f.IntVar(&o.MemLimitMB, "mem-limit-mb", 64, "soft limit of the Go heap in MiB, 0 for none (GOMEMLIMIT wins)")
	f.Int64Var(&o.MaxSize, "max-size", ingest.DefaultMaxSize, "largest message filed, in bytes; larger ones are reported and skipped")
	f.StringVar(&o.SourceName, "source-name", "", `name recorded as the source of mail read from standard input (default "-")`)
}

func newIngestCommand(g *globals) *cobra.Command {
	var opts ingestOptions
	cmd := &cobra.Command{
		Use:   "ingest [flags] PATH...",
		Short: "File mail from mbox files, Maildirs, .eml files or standard input",
		Long: `ingest files every message of each PATH in the store: parsed into a report
(or an auto-reply, bounce, unrelated mail) and kept raw. A PATH may be

  an mbox file (mboxo or mboxrd "From " lines), gzip-compressed or not
  a Maildir (cur/ and new/ are read, tmp/ is not)
  a folder, searched for Maildirs, .eml files and mboxes
  one .eml file
  - for standard input: one message, or an mbox stream

Archives are streamed with bounded memory. A message already in the store
(same content, or same Message-ID and text) is counted as a duplicate and
not filed twice, so running ingest again on the same archive, or after an
interruption, is safe. On Ctrl-C the messages already read are committed.

A message that ends early (an mbox or .gz cut inside it, a missing closing
MIME boundary, base64 cut short) is filed flagged for review ("truncated")
and counted; a complete copy read later replaces it. Unreadable inputs and
messages (not mail, over --max-size) are reported one line each; the others
are still filed. The exit status is then 4 (1 if nothing could be read).`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return fmt.Errorf("%w: ingest needs at least one PATH (- for standard input)", errUsage)
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.withStore(false, func(st *store.Store) error {
				return runIngest(cmd.Context(), opts, st, args, ingestIO{
					stdin: cmd.InOrStdin(), stdout: cmd.OutOrStdout(), stderr: cmd.ErrOrStderr(), log: g.logger,
				})
			})
		},
	}
	opts.AddFlags(cmd)
	return cmd
}

type ingestIO struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	log            *slog.Logger
}

func runIngest(ctx context.Context, opts ingestOptions, st *store.Store, paths []string, tio ingestIO) error {
	if opts.Batch < 1 || opts.BatchMB < 1 || opts.MaxSize < 1 || opts.Workers < 0 || opts.MemLimitMB < 0 {
		return fmt.Errorf("%w: --batch, --batch-mb and --max-size must be positive", errUsage)
	}
	// The parser makes much short-lived garbage; with the default GOGC the
	// heap would float at twice the live data. A soft limit keeps the
	// process well under 100 MB whatever the archive size, for a few
	// percent more GC time. A message over the limit still goes through:
	// the limit is soft.
	if opts.MemLimitMB > 0 && os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(int64(opts.MemLimitMB) << 20))
	}
	sum, err := ingest.Ingest(ctx, st, paths, &ingest.Options{
		Workers:    opts.Workers,
		BatchSize:  opts.Batch,
		BatchBytes: int64(opts.BatchMB) << 20,
		Reader:     &ingest.ReaderOptions{MaxSize: opts.MaxSize, Stdin: tio.stdin, StdinName: opts.SourceName},
		Progress:   terminal(tio.stderr),
		Logger:     tio.log,
	})
	if sum != nil {
		if opts.JSON {
			enc := json.NewEncoder(tio.stdout)
			enc.SetIndent("", "  ")
			if werr := enc.Encode(sum); werr != nil {
				return fmt.Errorf("write summary: %w", werr)
			}
		} else {
			sum.WriteText(termWriter{tio.stdout})
		}
	}
	switch {
	case err != nil:
		return err
	case sum.Skipped == 0 && sum.Truncated > 0:
		return errPartial{fmt.Errorf("%d messages end early (truncated input): filed and flagged for review", sum.Truncated)}
	case sum.Skipped == 0:
		return nil
	case sum.Read == 0:
		return errors.New("nothing could be read (listed above)")
	}
	// The summary listed the errors: the last line only counts them.
	return errPartial{fmt.Errorf("%d inputs or messages could not be read (listed above)", sum.Skipped)}
}

// terminal returns w if it is a terminal (for a progress line), else nil.
func terminal(w io.Writer) io.Writer {
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return w
	}
	return nil
}
