package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// Placeholder; replaced by the command's owner.
func newReprocessCommand(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:    "reprocess",
		Short:  "(not implemented yet)",
		Hidden: true,
		RunE:   func(cmd *cobra.Command, args []string) error { return errors.New("reprocess: not implemented yet") },
	}
}
