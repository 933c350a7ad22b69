package main

import (
	"context"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"cyberintake/classify"
	"cyberintake/mailparse"
	"cyberintake/store"
)

// newCompletionCommand replaces cobra's default one, whose scripts go to
// the standard output of the moment it was built rather than the
// command's (tests, SetOut), and whose help shows shell lines no test runs.
func newCompletionCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "completion SHELL",
		Short: "Print the shell completion script (bash, zsh, fish, powershell)",
		Long: `completion SHELL prints the script that makes SHELL complete cyberintake's
commands and flags, the values of --tag (GROUP=LABEL), --language, --kind
and --lab (the labs in the store), and show's LAB. ` + completionHowTo,
		Args: cobra.NoArgs,
	}
	for _, sh := range []struct {
		name string
		gen  func(root *cobra.Command, w io.Writer) error
	}{
		{"bash", func(r *cobra.Command, w io.Writer) error { return r.GenBashCompletionV2(w, true) }},
		{"zsh", func(r *cobra.Command, w io.Writer) error { return r.GenZshCompletion(w) }},
		{"fish", func(r *cobra.Command, w io.Writer) error { return r.GenFishCompletion(w, true) }},
		{"powershell", func(r *cobra.Command, w io.Writer) error { return r.GenPowerShellCompletionWithDesc(w) }},
	} {
		cmd.AddCommand(&cobra.Command{
			Use:   sh.name,
			Short: "Print the completion script for " + sh.name,
			Long: "completion " + sh.name + " prints the script that makes " + sh.name + " complete cyberintake's\n" +
				"commands, flags, tag labels, languages and labs. " + completionHowTo,
			Args:              cobra.NoArgs,
			ValidArgsFunction: cobra.NoFileCompletions,
			RunE:              func(c *cobra.Command, _ []string) error { return sh.gen(c.Root(), c.OutOrStdout()) },
		})
	}
	return cmd
}

// completionHowTo says where each shell looks for a completion script.
const completionHowTo = `Write it where
the shell looks: for bash (with the bash-completion package)
~/.local/share/bash-completion/completions/cyberintake, for zsh a file
_cyberintake in a directory of $fpath, for fish
~/.config/fish/completions/cyberintake.fish; PowerShell loads it from
$PROFILE.`

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
		if c.Name() == "show" || c.Name() == "followup" { // LAB
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
