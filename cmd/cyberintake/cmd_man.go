package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

func newManCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "man DIR",
		Short: "Write the manual pages (section 1) into DIR",
		Long: `man writes one manual page per command into DIR (cyberintake.1,
cyberintake-list.1, ...), made from the same text as --help. Install them
with: cp DIR/*.1 /usr/local/share/man/man1/`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return fmt.Errorf("man: %w", err)
			}
			hdr := &doc.GenManHeader{Title: "CYBERINTAKE", Section: "1", Source: "cyberintake " + version().Version}
			if err := doc.GenManTree(cmd.Root(), hdr, dir); err != nil {
				return fmt.Errorf("man: write pages into %s: %w", dir, err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "manual pages written to %s\n", dir)
			return nil
		},
	}
}
