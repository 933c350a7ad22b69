package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"cyberintake/mailparse"
)

type parseOptions struct {
	JSON    bool
	MaxSize int64
	Width   int
}

func (o *parseOptions) AddFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.BoolVar(&o.JSON, "json", false, "print one JSON object per file (NDJSON, the contract of CONTRACT.md)")
	f.Int64Var(&o.MaxSize, "max-size", 50<<20, "largest message read, in bytes")
	addWidthFlag(f, &o.Width)
}

func newParseCommand(g *globals) *cobra.Command {
	var opts parseOptions
	cmd := &cobra.Command{
		Use:   "parse [--json] FILE...",
		Short: "Read replies (.eml files, - for stdin) and show what they say",
		Long: `parse reads each message file and prints the reply the way the secretariat
would summarise it: kind, lab, language, the answers to questions a) to e),
contact, references, tags and warnings. It touches no store.

With --json it prints one object per file, in input order, as documented in
CONTRACT.md. The exit status is 0 when every file was read (even if some
are not reports), 4 when some file could not be read at all (its object
then carries "error") and 1 when none could, as for ingest.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runParse(cmd.Context(), opts, args, cmd.InOrStdin(), cmd.OutOrStdout())
		},
	}
	opts.AddFlags(cmd)
	return cmd
}

func runParse(ctx context.Context, opts parseOptions, files []string, stdin io.Reader, stdout io.Writer) error {
	width := outputWidth(stdout, opts.Width)
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	popts := &mailparse.Options{MaxSize: opts.MaxSize}
	var failed []string
	for i, name := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		res := parseFile(name, stdin, popts)
		if res.Error != "" {
			failed = append(failed, name)
		}
		if opts.JSON {
			if err := enc.Encode(res); err != nil {
				return fmt.Errorf("write output: %w", err)
			}
			continue
		}
		if i > 0 {
			fmt.Fprintln(w)
		}
		writeSummary(termWriter{w}, res, width)
	}
	if len(failed) == len(files) {
		return fmt.Errorf("nothing could be read: %d of %d files (listed above)", len(failed), len(files))
	}
	if len(failed) > 0 {
		return errPartial{fmt.Errorf("%d of %d files could not be read (first: %s)", len(failed), len(files), failed[0])}
	}
	return nil
}

// parseFile reads and parses one file ("-" is standard input), reporting a
// read failure in the Result so that the next file is still parsed.
func parseFile(name string, stdin io.Reader, opts *mailparse.Options) *mailparse.Result {
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return mailparse.Failed(name, err)
		}
		defer f.Close()
		r = f
	}
	res := mailparse.ParseReader(r, opts)
	res.File = name
	return res
}
