package main

import (
	"context"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"cyberintake/classify"
	"cyberintake/mailparse"
	"cyberintake/store"
)

// setupCompletion lets the shell complete the values of the filter flags
// wherever a command has them (--tag GROUP=LABEL, --language, --kind,
// --lab from the store) and show's LAB.
func setupCompletion(root *cobra.Command, g *globals) {
	fixed := func(values []string) cobra.CompletionFunc {
		return cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp)
	}
	labs := func(cmd *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
		return storeLabs(cmd.Context(), g), cobra.ShellCompDirectiveNoFileComp
	}
	walk(root, func(c *cobra.Command) {
		for name, fn := range map[string]cobra.CompletionFunc{
			"tag": fixed(tagValues()), "language": fixed(languages), "kind": fixed(kinds), "lab": labs,
		} {
			if f := c.LocalFlags().Lookup(name); f != nil && f.Value.Type() != "bool" {
				c.RegisterFlagCompletionFunc(name, fn)
			}
		}
		if c.Name() == "show" {
			c.ValidArgsFunction = func(cmd *cobra.Command, args []string, s string) ([]string, cobra.ShellCompDirective) {
				if len(args) > 0 {
					return nil, cobra.ShellCompDirectiveNoFileComp
				}
				return labs(cmd, args, s)
			}
		}
	})
}

// tagValues are the values --tag takes: every GROUP=LABEL.
func tagValues() []string {
	var out []string
	for _, g := range tagGroups {
		for _, l := range classify.Labels(g) {
			out = append(out, g+"="+l)
		}
	}
	return out
}

// storeLabs lists the labs of the reports in the store, as written in
// their newest reply; nothing when the store cannot be read (completion
// must not print errors into the command line).
func storeLabs(ctx context.Context, g *globals) []string {
	if ctx == nil {
		ctx = context.Background()
	}
	var out []string
	g.withStore(true, func(st *store.Store) error {
		recs, err := st.List(ctx, store.Filter{Kind: mailparse.KindReport})
		if err != nil {
			return err
		}
		index := map[string]int{}
		for i := range recs {
			r := &recs[i]
			k := r.LabKey()
			if k == "" || r.Failed() {
				continue
			}
			lab := strings.TrimSpace(termLine(*r.Result.Lab))
			if j, ok := index[k]; ok {
				out[j] = lab // the newest spelling
				continue
			}
			index[k] = len(out)
			out = append(out, lab)
		}
		return nil
	})
	slices.Sort(out)
	return out
}
