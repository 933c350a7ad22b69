package main

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"cyberintake/ingest"
)

func newDemoCommand(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "demo",
		Short: "Try the daemon on an in-memory IMAP server with the sample replies",
		Long: `demo starts go-imap's in-memory IMAP server on loopback, delivers the
sample replies bundled in the binary (testdata/corpus) to its INBOX, runs the
daemon's sync pass (the code path of "serve --once") into a temporary store
(or the one named by --db), runs it a second time to show that nothing is
filed twice, and prints what was filed.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runDemo(cmd.Context(), g, cmd.OutOrStdout())
		},
	}
}

func runDemo(ctx context.Context, g *globals, out io.Writer) error {
	return ingest.RunDemo(ctx, out, &ingest.DemoOptions{Logger: g.logger, DB: g.DB})
}
