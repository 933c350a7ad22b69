package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// Placeholder; replaced by the command's owner.
func newDemoCommand(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:    "demo",
		Short:  "(not implemented yet)",
		Hidden: true,
		RunE:   func(cmd *cobra.Command, args []string) error { return errors.New("demo: not implemented yet") },
	}
}
