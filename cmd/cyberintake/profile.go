package main

import (
	"fmt"
	"os"
	"runtime/pprof"

	"github.com/spf13/cobra"
)

// A hidden --cpu-profile flag writes a pprof CPU profile of one command, so
// that bench/imap.sh can show where an initial sync spends its time on the
// real binary, with no special build. It is for developers: hidden from the
// help, never needed in operation.

func (g *globals) addProfileFlag(cmd *cobra.Command) {
	f := cmd.PersistentFlags()
	f.StringVar(&g.CPUProfile, "cpu-profile", "", "write a pprof CPU profile of the command to this file")
	_ = f.MarkHidden("cpu-profile")
}

// startProfile starts the CPU profile if one was asked for.
func (g *globals) startProfile() error {
	if g.CPUProfile == "" {
		return nil
	}
	f, err := os.Create(g.CPUProfile)
	if err != nil {
		return fmt.Errorf("--cpu-profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("--cpu-profile: %w", err)
	}
	g.profileFile = f
	return nil
}

// stopProfile ends the profile; run calls it whatever the command's outcome.
func (g *globals) stopProfile() {
	if g.profileFile == nil {
		return
	}
	pprof.StopCPUProfile()
	if err := g.profileFile.Close(); err != nil {
		fmt.Fprintf(os.Stderr, "cyberintake: --cpu-profile: %v\n", err)
	}
	g.profileFile = nil
}
