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
	JSON    bool
	Salvage string
}

func (o *verifyOptions) AddFlags(cmd *cobra.Command) {
	cmd.Flags().BoolVar(&o.JSON, "json", false, `print {"ok": bool, "messages": N, "problems": [{"what", "id", "damage"}]}`)
	cmd.Flags().StringVar(&o.Salvage, "salvage", "", "copy every readable message of a damaged store into the new store `NEW.db` and list what was lost")
}

// errProblems: verify found something wrong (exit status 5, with
// store.ErrDamaged).
var errProblems = errors.New("store has problems")

func newVerifyCommand(g *globals) *cobra.Command {
	var opts verifyOptions
	cmd := &cobra.Command{
		Use:   "verify [--json] [--salvage NEW.db]",
		Short: "Check the store and say what is wrong",
		Long: `verify reads the whole store in one read transaction and checks: bbolt's own
consistency check (pages, free list), every report has its raw message and
every raw message its report, each raw message still has the sha256 it was
filed under, the hash and Message-ID maps and every index entry point at a
record that has that value (and each record is in all its indexes), and
the stats counters equal a recount.

It prints one line per problem and exits with status 5 if there is any
(the store keeps all of these in step as it files, so any disagreement
means the file is not what it wrote: damaged), 0 if the store is sound, 1
if the check could not run. It changes nothing in the store; it leaves
the file STORE.damaged beside a damaged store, which makes ingest,
reprocess and serve refuse to write to it, and removes that file once the
store is sound again (restored from a backup, say).

--salvage NEW.db copies every readable message of the store (raw mail and
parsed record, under the same IDs) and the IMAP mailbox states into a new
store, rebuilds its indexes and counters, and lists the IDs it lost (raw
message unreadable), kept with changed bytes, or filed for re-parsing
(record unreadable: run cyberintake reprocess on the new store). Then stop
the daemon, move NEW.db in place of the store and run verify again.
Salvage exits 0 when nothing was lost, 4 when something was.`,
		Example: `  cyberintake verify
  cyberintake verify --salvage salvaged.db`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Salvage != "" {
				return runSalvage(cmd.Context(), g, opts, cmd.OutOrStdout())
			}
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
	if errors.Is(err, store.ErrDamaged) {
		probs, err = []store.Problem{{What: err.Error()}}, nil
	}
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
		return fmt.Errorf("%w: %d found in %s (%w: run cyberintake verify --salvage NEW.db)", errProblems, len(probs), st.Path(), store.ErrDamaged)
	}
	return nil
}
