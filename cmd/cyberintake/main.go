// Command cyberintake turns the Sciensano laboratory-quality mailbox into a
// database of cyber-attack reports: it watches the mailbox over IMAP, reads
// each reply into its answers, files raw and parsed mail in a bbolt store and
// lets analysts query and export it.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:])
	stop()
	os.Exit(code)
}

// run executes the command line and maps the outcome to an exit status, so
// that tests can call it in-process.
func run(ctx context.Context, args []string) int {
	root, g := newRoot()
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	g.stopProfile()
	if err == nil {
		return exitOK
	}
	return reportError(root.ErrOrStderr(), err)
}

// reportError prints err as the last line on stderr and returns the exit
// status. Errors may quote mail (a subject, a charset name): termLine keeps
// the terminal safe and the message on one line.
func reportError(w io.Writer, err error) int {
	fmt.Fprintf(w, "cyberintake: %s\n", termLine(err.Error()))
	return exitCode(err)
}

func newRootCommand() *cobra.Command {
	cmd, _ := newRoot()
	return cmd
}

// newRoot builds the command tree and returns the globals its flags fill.
func newRoot() (*cobra.Command, *globals) {
	g := &globals{}
	cmd := &cobra.Command{
		Use:   "cyberintake",
		Short: "File the replies to Sciensano's cyber-attack letter and query them",
		Long: `cyberintake watches the laboratory-quality mailbox over IMAP, recognises the
replies to the Sciensano-AC-2021-04 letter ("Cyber attaque – labo xxxxx"),
reads each into its answers a) to e), files raw and parsed mail in an
embedded bbolt store, and lets analysts query and export the reports.`,
		SilenceErrors:     true,
		SilenceUsage:      true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error { return g.setup(cmd) },
	}
	g.AddFlags(cmd)
	cmd.AddCommand(
		newParseCommand(g),
		newIngestCommand(g),
		newReprocessCommand(g),
		newListCommand(g),
		newShowCommand(g),
		newReviewCommand(g),
		newCorrectCommand(g),
		newAcceptCommand(g),
		newExportCommand(g),
		newFollowupCommand(g),
		newStatsCommand(g),
		newLabsCommand(g),
		newBackupCommand(g),
		newVerifyCommand(g),
		newServeCommand(g),
		newDemoCommand(g),
		newManCommand(),
		newCompletionCommand(),
		newWebCommand(g),
		newReportCommand(g),
	)
	setupHelp(cmd)
	setupCompletion(cmd, g)
	markUsageErrors(cmd)
	return cmd, g
}

// markUsageErrors makes bad flags and wrong positional arguments, which
// cobra reports as plain errors, exit with the usage status on every command.
func markUsageErrors(cmd *cobra.Command) {
	cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		for name, hint := range flagHints {
			if strings.HasSuffix(err.Error(), "unknown flag: --"+name) {
				return fmt.Errorf("%w: %v: %s", errUsage, err, hint)
			}
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	})
	if args := cmd.Args; args != nil {
		cmd.Args = func(c *cobra.Command, a []string) error {
			if err := args(c, a); err != nil {
				return fmt.Errorf("%w: %v", errUsage, err)
			}
			return nil
		}
	}
	for _, sub := range cmd.Commands() {
		markUsageErrors(sub)
	}
}

// errUsage marks errors in how the command was called.
var errUsage = errors.New("usage")
