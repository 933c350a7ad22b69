package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"cyberintake/store"
)

type acceptOptions struct {
	whoFlags
	Lab bool
	ID  bool
}

func (o *acceptOptions) AddFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	o.whoFlags.AddFlags(f)
	f.BoolVar(&o.Lab, "lab", false, "read the argument as a lab")
	f.BoolVar(&o.ID, "id", false, "read the arguments as message IDs")
	cmd.MarkFlagsMutuallyExclusive("id", "lab")
}

func newAcceptCommand(g *globals) *cobra.Command {
	var opts acceptOptions
	cmd := &cobra.Command{
		Use:   "accept ID...|LAB [--by NAME] [--reason TEXT]",
		Short: "Mark messages, or every message of a lab's case, reviewed",
		Long: `accept records that a person checked what was filed: the messages named by
ID, or every message of a lab's case (as show LAB gathers it), become
reviewed by --by (default $USER), now. A correction the parser has come to
read differently since (see review) is kept, against the parser's new
reading. Accepting a reviewed message changes nothing. It leaves the
review queue; show ID --history lists it.

A number is a message ID when such a message exists and no lab of that
name does; --id or --lab decides otherwise.`,
		Example: `  cyberintake accept 12 14 --reason "checked against the PDF"`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			m, err := opts.meta()
			if err != nil {
				return err
			}
			return g.withStore(false, func(st *store.Store) error {
				return runAccept(cmd.Context(), opts, st, args, m, cmd.OutOrStdout())
			})
		},
	}
	opts.AddFlags(cmd)
	return cmd
}

func runAccept(ctx context.Context, opts acceptOptions, st *store.Store, args []string, m store.Meta, w io.Writer) error {
	ids, what, err := acceptIDs(ctx, opts, st, args)
	if err != nil {
		return err
	}
	n, err := st.Accept(ctx, ids, m)
	if err != nil {
		return reviewErr(err)
	}
	// The lab is as a reply wrote it: escaped for the terminal.
	_, err = fmt.Fprintf(termWriter{w}, "%s: %d message(s) marked reviewed by %s, %d already were\n", what, n, m.By, len(ids)-n)
	return err
}

// acceptIDs resolves the arguments: message IDs, or one lab.
func acceptIDs(ctx context.Context, opts acceptOptions, st *store.Store, args []string) ([]uint64, string, error) {
	if !opts.Lab {
		var ids []uint64
		for _, a := range args {
			id, err := parseID(a)
			if err != nil {
				if opts.ID || len(args) > 1 {
					return nil, "", err
				}
				ids = nil
				break
			}
			ids = append(ids, id)
		}
		if ids != nil && (opts.ID || len(args) > 1) {
			return ids, "messages " + strings.Join(args, " "), nil
		}
		if ids != nil {
			_, gerr := st.Get(ctx, ids[0])
			_, cerr := st.Case(ctx, args[0])
			switch {
			case gerr == nil && cerr == nil:
				return nil, "", fmt.Errorf("%w: %s is both a message ID and a lab: say --id or --lab", errUsage, args[0])
			case gerr == nil:
				return ids, "message " + args[0], nil
			case !errors.Is(gerr, store.ErrNotFound):
				return nil, "", gerr
			}
		}
	}
	if len(args) > 1 {
		return nil, "", fmt.Errorf("%w: one lab at a time", errUsage)
	}
	c, err := st.Case(ctx, args[0])
	if errors.Is(err, store.ErrNotFound) && !opts.Lab {
		return nil, "", fmt.Errorf("no message with ID %s and no replies from lab %q", args[0], args[0])
	}
	if err != nil {
		return nil, "", err
	}
	ids := make([]uint64, len(c.Records))
	for i, r := range c.Records {
		ids[i] = r.ID
	}
	n := strconv.Itoa(len(ids)) + " messages"
	if len(ids) == 1 {
		n = "1 message"
	}
	return ids, "lab " + c.Lab + " (" + n + ")", nil
}
