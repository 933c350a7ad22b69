package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"cyberintake/store"
)

type correctOptions struct {
	whoFlags
	Undo string
	Edit bool
}

func (o *correctOptions) AddFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	o.whoFlags.AddFlags(f)
	f.StringVar(&o.Undo, "undo", "", "withdraw the correction of FIELD (tags.GROUP: all of the group's labels)")
	f.BoolVar(&o.Edit, "edit", false, "edit the message's values in $VISUAL or $EDITOR and record what changed")
	cmd.MarkFlagsMutuallyExclusive("undo", "edit")
}

func newCorrectCommand(g *globals) *cobra.Command {
	var opts correctOptions
	cmd := &cobra.Command{
		Use:   "correct ID FIELD=VALUE... [--reason TEXT] [--by NAME] | ID --undo FIELD | ID --edit",
		Short: "Correct what the parser read of a message (kept through reprocess)",
		Long: `correct records a person's correction of a filed message. The parser's reading
is kept as it was; the correction stands beside it, with who (--by, default
$USER), when, --reason, the old and the new value and the parser's reading
it was made against. Every command then shows, lists, counts, merges and
exports the corrected value; reprocess never changes it.

FIELD is kind, lab, language, a, b, c, d, e, downtime_days, incident_date
(YYYY-MM-DD or YYYY-MM), contact.name, contact.email, contact.phone or
references (comma-separated), or tags.GROUP+=LABEL / tags.GROUP-=LABEL to
add or remove one label (GROUP: cause, impact, response, prevention). An
empty value clears lab, downtime, incident date or a contact field. Values
are checked first: a label outside the taxonomy, a language other than fr,
nl, de, en, a negative downtime, a date that is none exit 2
with the valid values, and nothing is written.

--undo FIELD withdraws a correction (the parser's reading shows again);
--edit opens the message's values in $VISUAL or $EDITOR and records every
field you changed. show ID --history lists every correction and review.`,
		Example: `  cyberintake correct 12 lab=30915 tags.cause+=phishing --reason "subject typo"
  cyberintake correct 12 --undo lab`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseID(args[0])
			if err != nil {
				return err
			}
			m, err := opts.meta()
			if err != nil {
				return err
			}
			var changes []store.Change
			switch {
			case opts.Undo != "" || opts.Edit:
				if len(args) > 1 {
					return fmt.Errorf("%w: --undo and --edit take no FIELD=VALUE", errUsage)
				}
			case len(args) == 1:
				return fmt.Errorf("%w: nothing to correct: give FIELD=VALUE, --undo FIELD or --edit", errUsage)
			}
			// Every value is checked before anything is written, and every
			// wrong one is named.
			var bad []string
			for _, a := range args[1:] {
				c, err := store.ParseChange(a)
				if err == nil {
					_, _, err = store.ValidateChange(c)
				}
				if err != nil {
					bad = append(bad, err.Error())
				}
				changes = append(changes, c)
			}
			if len(bad) > 0 {
				return fmt.Errorf("%w: nothing written:\n  %s", errUsage, strings.Join(bad, "\n  "))
			}
			return g.withStore(false, func(st *store.Store) error {
				return runCorrect(cmd.Context(), opts, st, id, changes, m, cmd.OutOrStdout())
			})
		},
	}
	opts.AddFlags(cmd)
	return cmd
}

func runCorrect(ctx context.Context, opts correctOptions, st *store.Store, id uint64, changes []store.Change, m store.Meta, w io.Writer) error {
	before, err := st.Get(ctx, id)
	if err != nil {
		return err
	}
	var after *store.Record
	switch {
	case opts.Undo != "":
		after, err = st.Undo(ctx, id, opts.Undo, m)
	case opts.Edit:
		changes, err = editRecordChanges(ctx, before)
		if err != nil || len(changes) == 0 {
			if err == nil {
				fmt.Fprintf(w, "message %d: nothing changed\n", id)
			}
			return reviewErr(err)
		}
		after, err = st.Correct(ctx, id, changes, m)
	default:
		after, err = st.Correct(ctx, id, changes, m)
	}
	if err != nil {
		return reviewErr(err)
	}
	return writeChanged(w, before, after)
}

// writeChanged prints every field whose effective value differs.
func writeChanged(w io.Writer, before, after *store.Record) error {
	n := 0
	for _, f := range store.Fields() {
		a, _ := before.Value(f)
		b, _ := after.Value(f)
		if a == b {
			continue
		}
		n++
		state := "corrected"
		if !after.IsCorrected(f) {
			state = "parser's reading"
		}
		fmt.Fprintf(w, "message %d %s: %s -> %s (%s)\n", after.ID, f, showValue(clipLine(a)), showValue(clipLine(b)), state)
	}
	if n == 0 {
		_, err := fmt.Fprintf(w, "message %d: nothing changed (the values were already so)\n", after.ID)
		return err
	}
	return nil
}

// clipLine keeps a long answer to one short line in a report.
func clipLine(s string) string { return cleanCell(s, 60) }
