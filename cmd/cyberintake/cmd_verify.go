package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"cyberintake/store"
)

type verifyOptions struct {
	JSON bool
}

func (o *verifyOptions) AddFlags(cmd *cobra.Command) {
	cmd.Flags().BoolVar(&o.JSON, "json", false, `print {"ok": bool, "messages": N, "problems": [{"what", "id"}]}`)
}

// errProblems: verify found something wrong (exit status 1).
var errProblems = errors.New("store has problems")

func newVerifyCommand(g *globals) *cobra.Command {
	var opts verifyOptions
	cmd := &cobra.Command{
		Use:   "verify [--json]",
		Short: "Check the store and say what is wrong",
		Long: `verify reads the whole store in one read transaction and checks: bbolt's own
consistency check (pages, free list), every report has its raw message and
every raw message its report, each raw message still has the sha256 it was
filed under, the hash and Message-ID maps and every index entry point at a
record that has that value (and each record is in all its indexes), and
the stats counters equal a recount.

It prints one line per problem and exits with status 1 if there is any,
0 if the store is sound. It changes nothing.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.withStore(true, func(st *store.Store) error {
				return runVerify(cmd.Context(), opts, st, cmd.OutOrStdout())
			})
		},
	}
	opts.AddFlags(cmd)
	return cmd
}

func runVerify(ctx context.Context, opts verifyOptions, st *store.Store, w io.Writer) error {
	probs, checked, err := st.Verify(ctx)
	if err != nil {
		return err
	}
	if opts.JSON {
		if probs == nil {
			probs = []store.Problem{}
		}
		if err := writeJSON(w, map[string]any{"ok": len(probs) == 0, "messages": checked, "problems": probs}); err != nil {
			return err
		}
	} else {
		for _, p := range probs {
			if p.ID != 0 {
				fmt.Fprintf(w, "message %d: %s\n", p.ID, p.What)
			} else {
				fmt.Fprintf(w, "%s\n", p.What)
			}
		}
		if len(probs) == 0 {
			fmt.Fprintf(w, "store %s: ok, %d messages checked\n", st.Path(), checked)
		}
	}
	if len(probs) > 0 {
		return fmt.Errorf("%w: %d found in %s", errProblems, len(probs), st.Path())
	}
	return nil
}
