package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"github.com/spf13/cobra"

	"cyberintake/store"
)

type backupOptions struct {
	JSON bool
}

func (o *backupOptions) AddFlags(cmd *cobra.Command) {
	cmd.Flags().BoolVar(&o.JSON, "json", false, `print {"file": FILE, "bytes": N} when done`)
}

func newBackupCommand(g *globals) *cobra.Command {
	var opts backupOptions
	cmd := &cobra.Command{
		Use:   "backup FILE",
		Short: "Write a consistent copy of the store, even while it is in use",
		Long: `backup copies the store to FILE as of its last committed batch, while the
daemon keeps running (it waits for the copy, at most a batch behind).
The copy is written to a new temporary file beside FILE, synced and
renamed, so FILE is either the old file or the complete new copy. FILE -
writes to standard output. The copy is a store: cyberintake --db FILE
verify checks it.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return fmt.Errorf("%w: backup needs the file to write the copy to: cyberintake backup FILE (FILE - for standard output)", errUsage)
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.withStore(true, func(st *store.Store) error {
				return runBackup(cmd.Context(), opts, st, args[0], cmd.OutOrStdout(), cmd.ErrOrStderr())
			})
		},
	}
	opts.AddFlags(cmd)
	return cmd
}

func runBackup(ctx context.Context, opts backupOptions, st *store.Store, path string, stdout, stderr io.Writer) error {
	if path != "-" {
		if a, b := absPath(path), absPath(st.Path()); a == b {
			return fmt.Errorf("%w: backup %s: that is the store itself", errUsage, path)
		}
	}
	var n int64
	err := withOutput(path, stdout, func(w io.Writer) error {
		var err error
		n, err = st.Backup(ctx, w)
		return err
	})
	if err != nil {
		return err
	}
	switch {
	case path == "-": // stdout holds the copy
		fmt.Fprintf(stderr, "backup: %d bytes\n", n)
	case opts.JSON:
		return writeJSON(stdout, map[string]any{"file": path, "bytes": n})
	default:
		fmt.Fprintf(stdout, "backup %s: %d bytes\n", path, n)
	}
	return nil
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		if r, err := filepath.EvalSymlinks(a); err == nil {
			return r
		}
		return a
	}
	return p
}
