package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"cyberintake/followup"
	"cyberintake/ingest"
	"cyberintake/store"
)

type followupOptions struct {
	All      bool
	Out      string
	Dir      string
	ToDrafts bool
	Drafts   string
	Config   string
	From     string
	Language string
}

func (o *followupOptions) AddFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.BoolVar(&o.All, "all", false, "every lab whose case is incomplete; says which cases are complete")
	f.StringVar(&o.Out, "out", "", "write the draft to FILE.eml (replaced whole; a symlink there is replaced, never followed)")
	f.StringVar(&o.Dir, "dir", "", "with --all: write each draft to DIR/followup-LAB.eml")
	f.BoolVar(&o.ToDrafts, "to-drafts", false, "APPEND the draft, flagged \\Draft, to the mailbox's drafts folder, over serve's connection settings")
	f.StringVar(&o.Drafts, "drafts-mailbox", "", `drafts folder (default: the one the server marks \Drafts, else "Drafts", created if missing)`)
	f.StringVar(&o.Config, "config", "", "serve's config file, for --to-drafts (default $CYBERINTAKE_CONFIG)")
	f.StringVar(&o.From, "from", followup.DefaultFrom, "sender address of the draft")
	f.StringVar(&o.Language, "language", "", "write in this language (fr, nl, de, en) instead of the case's")
	addIMAPConnFlags(f)
}

func newFollowupCommand(g *globals) *cobra.Command {
	var opts followupOptions
	cmd := &cobra.Command{
		Use:   "followup LAB [--out FILE.eml] [--to-drafts] | followup --all [--dir DIR] [--to-drafts]",
		Short: "Draft the reminder to a lab whose case still lacks answers (never sent)",
		Long: `followup drafts a polite message to a lab whose merged case (see show LAB)
still lacks something: an answer to one of the letter's questions a) to d),
question e) or a record reference in it, or a contact person. The draft is
in the case's language (French, Dutch, German or English), quotes the
questions in the letter's own wording, lists exactly what is missing, and
goes to the lab's contact (else to whoever wrote the lab's last message).
Its subject follows the convention ("Cyber attaque – labo 12345",
"Cyberaanval – labo 12345", "Cyberangriff – Labor 12345", "Cyber attack –
lab 12345") and it answers the lab's last message (In-Reply-To,
References), so the lab's reply joins the case.

Nothing is ever sent. Without --out or --to-drafts the draft is printed.
--out FILE.eml writes it (open it in a mail program, read, send).
--to-drafts APPENDs it with the \Draft flag to the drafts folder of the
mailbox serve watches, using serve's settings (--config, the
CYBERINTAKE_* environment, or the same flags).

--all looks at every lab that sent a report: it drafts one message per
incomplete case (printed as a list of what each lacks, or written with
--dir DIR or --to-drafts) and names the cases that are complete.

Examples (run by TestFollowupHelpExamples):
  cyberintake followup 12345 --out followup-12345.eml
  cyberintake followup --all --dir drafts
  cyberintake followup --all --to-drafts --config serve.conf`,
		Args: func(cmd *cobra.Command, args []string) error {
			if opts.All {
				return cobra.NoArgs(cmd, args)
			}
			return cobra.ExactArgs(1)(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Out != "" && opts.All {
				return fmt.Errorf("%w: --out names one file; with --all use --dir DIR", errUsage)
			}
			if opts.Dir != "" && !opts.All {
				return fmt.Errorf("%w: --dir goes with --all (one lab: --out FILE)", errUsage)
			}
			if opts.Language != "" && !slices.Contains(followup.Languages, opts.Language) {
				return fmt.Errorf("%w: --language %q: want one of %s", errUsage, opts.Language, strings.Join(followup.Languages, ", "))
			}
			var cfg *ingest.IMAPConfig
			if opts.ToDrafts {
				var err error
				if cfg, err = resolveIMAPConfig(cmd.Flags(), opts.Config); err != nil {
					return err
				}
			} else if err := noIMAPFlags(cmd.Flags()); err != nil {
				return err
			}
			return g.withStore(true, func(st *store.Store) error {
				fr := &followupRun{opts: opts, cfg: cfg, st: st, out: cmd.OutOrStdout(), errOut: cmd.ErrOrStderr()}
				defer func() {
					if fr.drafts != nil {
						fr.drafts.Close()
					}
				}()
				if opts.All {
					return fr.all(cmd.Context())
				}
				return fr.one(cmd.Context(), args[0])
			})
		},
	}
	opts.AddFlags(cmd)
	return cmd
}

// noIMAPFlags refuses connection flags without --to-drafts: they would do
// nothing, which is surely not what was meant.
func noIMAPFlags(f *pflag.FlagSet) error {
	var bad []string
	f.Visit(func(fl *pflag.Flag) {
		if slices.Contains(ingest.ConfigKeys(), fl.Name) || fl.Name == "config" || fl.Name == "drafts-mailbox" {
			bad = append(bad, "--"+fl.Name)
		}
	})
	if len(bad) > 0 {
		return fmt.Errorf("%w: %s only with --to-drafts", errUsage, strings.Join(bad, ", "))
	}
	return nil
}

// followupRun drafts for one lab or all of them.
type followupRun struct {
	opts        followupOptions
	cfg         *ingest.IMAPConfig
	st          *store.Store
	out, errOut io.Writer
	drafts      *ingest.DraftsFolder // opened at the first --to-drafts append
	noDrafts    error                // why it could not be: no second login is tried
}

func (fr *followupRun) draft(ctx context.Context, lab string) (*followup.Draft, error) {
	c, err := fr.st.Case(ctx, lab)
	if err != nil {
		return nil, err
	}
	return followup.New(c, fr.draftOptions())
}

func (fr *followupRun) draftOptions() *followup.Options {
	return &followup.Options{From: fr.opts.From, Language: fr.opts.Language}
}

func (fr *followupRun) one(ctx context.Context, lab string) error {
	d, err := fr.draft(ctx, lab)
	if errors.Is(err, followup.ErrComplete) {
		fmt.Fprintf(fr.out, "lab %s: the case is complete; nothing to ask\n", cleanCell(lab, 60))
		return nil
	}
	if err != nil {
		return err
	}
	if fr.opts.Out == "" && !fr.opts.ToDrafts {
		fr.warn(d)
		_, err := fr.out.Write(d.Raw)
		return err
	}
	return fr.deliver(ctx, d, fr.opts.Out)
}

// deliver writes d to path (if any) and appends it to the drafts folder
// (with --to-drafts), then says so.
func (fr *followupRun) deliver(ctx context.Context, d *followup.Draft, path string) error {
	fr.warn(d)
	var done []string
	if path != "" {
		if err := followup.WriteFile(path, d.Raw); err != nil {
			return err
		}
		done = append(done, "written to "+path)
	}
	if fr.opts.ToDrafts {
		if fr.drafts == nil { // one connection for every draft of the run
			f, err := ingest.OpenDrafts(ctx, fr.cfg, fr.opts.Drafts)
			if err != nil {
				fr.noDrafts = err
				return err
			}
			fr.drafts = f
		}
		res, err := fr.drafts.Append(d.Raw)
		if err != nil {
			return fmt.Errorf("lab %s: %w", d.Lab, err)
		}
		s := fmt.Sprintf("appended to %q", res.Mailbox)
		if res.Created {
			s += " (created)"
		}
		done = append(done, s)
	}
	fmt.Fprintf(fr.out, "%s; %s\n", describe(d), strings.Join(done, ", "))
	return nil
}

func describe(d *followup.Draft) string {
	items := make([]string, len(d.Missing))
	for i, it := range d.Missing {
		items[i] = string(it)
	}
	to := d.To
	if to == "" {
		to = "nobody (no address)"
	}
	return fmt.Sprintf("lab %s (%s): asks for %s; to %s", d.Lab, d.Language, strings.Join(items, ", "), to)
}

func (fr *followupRun) warn(d *followup.Draft) {
	for _, w := range d.Warnings {
		fmt.Fprintf(fr.errOut, "warning: lab %s: %s\n", d.Lab, w)
	}
}

// all drafts for every incomplete case. The cases are read in one
// transaction and drafted there; files and the IMAP server are written
// after it. A lab whose draft fails (no subject the parser reads back, a
// write error) is reported and the others go on; the exit status is then
// partial.
func (fr *followupRun) all(ctx context.Context) error {
	labs, err := followup.Labs(ctx, fr.st)
	if err != nil {
		return err
	}
	if fr.opts.Dir != "" {
		if err := os.MkdirAll(fr.opts.Dir, 0o700); err != nil {
			return fmt.Errorf("--dir: %w", err)
		}
	}
	var drafts []*followup.Draft
	var complete, failed []string
	err = fr.st.EachCase(ctx, labs, func(c *store.Case) error {
		d, err := followup.New(c, fr.draftOptions())
		switch {
		case errors.Is(err, followup.ErrComplete):
			complete = append(complete, c.Lab)
		case err != nil:
			fmt.Fprintf(fr.errOut, "lab %s: %v\n", cleanCell(c.Lab, 60), err)
			failed = append(failed, c.Lab)
		default:
			drafts = append(drafts, d)
		}
		return nil
	})
	if err != nil {
		return err
	}
	names := map[string]bool{}
	for _, d := range drafts {
		if fr.opts.Dir == "" && !fr.opts.ToDrafts {
			fr.warn(d)
			fmt.Fprintln(fr.out, describe(d))
			continue
		}
		path := ""
		if fr.opts.Dir != "" {
			name := followup.FileName(d.Lab)
			for i := 2; names[name]; i++ { // two labs that differ only in punctuation
				name = strings.TrimSuffix(followup.FileName(d.Lab), ".eml") + fmt.Sprintf("-%d.eml", i)
			}
			names[name] = true
			path = filepath.Join(fr.opts.Dir, name)
		}
		if err := fr.deliver(ctx, d, path); err != nil {
			if fr.noDrafts != nil { // a refused login is not retried per lab
				return fmt.Errorf("drafts folder: %w", fr.noDrafts)
			}
			fmt.Fprintf(fr.errOut, "lab %s: %v\n", d.Lab, err)
			failed = append(failed, d.Lab)
		}
	}
	for _, lab := range complete {
		fmt.Fprintf(fr.out, "lab %s: complete\n", cleanCell(lab, 60))
	}
	fmt.Fprintf(fr.out, "%d cases: %d complete, %d drafted", len(labs), len(complete), len(drafts))
	if len(failed) > 0 {
		fmt.Fprintf(fr.out, ", %d failed", len(failed))
	}
	fmt.Fprintln(fr.out)
	if len(failed) > 0 {
		return errPartial{fmt.Errorf("%d of %d cases could not be drafted", len(failed), len(labs))}
	}
	return nil
}
