package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"cyberintake/store"
)

type showOptions struct {
	Raw   bool
	JSON  bool
	ID    bool
	Lab   bool
	Width int

	History bool
}

func (o *showOptions) AddFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.BoolVar(&o.Raw, "raw", false, "print the original message, byte for byte (an ID only)")
	f.BoolVar(&o.JSON, "json", false, "print the record, or the merged case, as JSON")
	f.BoolVar(&o.ID, "id", false, "read the argument as a message ID")
	f.BoolVar(&o.Lab, "lab", false, "read the argument as a lab")
	cmd.MarkFlagsMutuallyExclusive("id", "lab")
	cmd.MarkFlagsMutuallyExclusive("raw", "json")
	addWidthFlag(f, &o.Width)
	f.BoolVar(&o.History, "history", false, "list every correction and review of the message, oldest first")
	cmd.MarkFlagsMutuallyExclusive("raw", "history")
}

func newShowCommand(g *globals) *cobra.Command {
	var opts showOptions
	cmd := &cobra.Command{
		Use:   "show ID|LAB [--raw] [--json]",
		Short: "Show one filed message, or a lab's replies merged into one case",
		Long: `show ID prints a filed message as the secretariat reads it: its headers,
kind, lab, language, the answers to questions a) to e), contact, references,
tags and warnings, or the parser's error. --raw prints the original message
byte for byte.

show LAB gathers the lab's replies (matched by lab, case and dashes aside,
and follow-ups linked by In-Reply-To/References even without the lab in
their subject) into one case: for each question the newest non-empty
answer wins, and each answer says which message it came from.

Values are the effective ones: the parser's reading with people's
corrections (correct). Corrected fields are listed with the parser's
reading and who corrected them, then the review state and the parser's
reasons for review; --json carries them in "review". --history lists every
correction, undo and review of a message, oldest first.

A number is read as a message ID when such a message exists and no lab of
that name does; --id or --lab decides otherwise.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Width = outputWidth(cmd.OutOrStdout(), opts.Width)
			return g.withStore(true, func(st *store.Store) error {
				return runShow(cmd.Context(), opts, st, args[0], cmd.OutOrStdout())
			})
		},
	}
	opts.AddFlags(cmd)
	return cmd
}

func runShow(ctx context.Context, opts showOptions, st *store.Store, arg string, w io.Writer) error {
	id, numErr := strconv.ParseUint(strings.TrimPrefix(arg, "#"), 10, 64)
	if opts.ID && numErr != nil {
		return fmt.Errorf("%w: --id %q: not a message ID", errUsage, arg)
	}
	if !opts.Lab && numErr == nil {
		rec, err := st.Get(ctx, id)
		switch {
		case err == nil && !opts.ID:
			// A lab may be named by the same digits: prefer the lab then.
			if c, cerr := st.Case(ctx, arg); cerr == nil {
				return showCase(opts, c, w)
			}
			fallthrough
		case err == nil:
			return showRecord(ctx, opts, st, rec, w)
		case !errors.Is(err, store.ErrNotFound) || opts.ID:
			return err
		}
	}
	if opts.Raw {
		return fmt.Errorf("%w: --raw needs a message ID (show LAB lists them)", errUsage)
	}
	c, err := st.Case(ctx, arg)
	if errors.Is(err, store.ErrNotFound) && !opts.Lab {
		return fmt.Errorf("no message with ID %s and no replies from lab %q", arg, arg)
	}
	if err != nil {
		return err
	}
	return showCase(opts, c, w)
}

func showRecord(ctx context.Context, opts showOptions, st *store.Store, rec *store.Record, w io.Writer) error {
	switch {
	case opts.Raw:
		raw, err := st.Raw(ctx, rec.ID)
		if err != nil {
			return err
		}
		_, err = w.Write(raw)
		return err
	case opts.History:
		return showHistory(ctx, opts, st, rec, w)
	case opts.JSON:
		return writeJSON(w, rec)
	}
	w = termWriter{w}
	fmt.Fprintf(w, "Message %d, filed %s from %s %s (parser v%d)\n", rec.ID,
		rec.FiledAt.Format("2006-01-02 15:04"), rec.Source.Kind, rec.Source.Name, rec.ParserVersion)
	res := rec.Result
	if res.File == "" {
		res.File = res.MessageID
	}
	writeSummary(w, &res, opts.Width)
	for _, n := range rec.Notes { // the store's own remarks (store.Record.Notes)
		fmt.Fprintf(w, "  note: %s\n", termLine(n))
	}
	writeReview(w, rec)
	return nil
}

func showCase(opts showOptions, c *store.Case, w io.Writer) error {
	if opts.History {
		return fmt.Errorf("%w: --history needs a message ID (show LAB lists them)", errUsage)
	}
	if opts.JSON {
		return writeJSON(w, c)
	}
	w = termWriter{w}
	fmt.Fprintf(w, "Lab %s: %d message(s)\n\n", c.Lab, len(c.Records))
	t := newTable("ID", "DATE", "FROM", "KIND", "SUBJECT").setLimit(4, 60).fit(opts.Width, 2, 4)
	for i := range c.Records {
		r := &c.Records[i]
		t.add(strconv.FormatUint(r.ID, 10), r.Date().Format("2006-01-02 15:04"), r.Result.From, string(r.Result.Kind), r.Result.Subject)
	}
	t.write(w)
	for i, a := range c.Answers.List() {
		fmt.Fprintf(w, "\n%c) %s\n", 'a'+i, questions[i])
		if a == nil {
			fmt.Fprintf(w, "   (no answer)\n")
			continue
		}
		writeIndented(w, "   ", a.Text, opts.Width)
		corrected := ""
		if a.Corrected {
			corrected = ", corrected"
		}
		fmt.Fprintf(w, "   [from message %d, %s%s]\n", a.From.ID, a.From.Date, corrected)
	}
	fmt.Fprintln(w)
	if ct := c.Contact; ct.From != nil {
		fmt.Fprintf(w, "Contact:    %s [from message %d]\n", strings.Join(nonEmpty(ct.Name, ct.Email, ct.Phone), ", "), ct.From.ID)
	}
	if len(c.References) > 0 {
		fmt.Fprintf(w, "References: %s\n", strings.Join(c.References, ", "))
	}
	if c.DowntimeDays != nil {
		fmt.Fprintf(w, "Downtime:   %g days (longest reported)\n", *c.DowntimeDays)
	}
	for _, g := range []struct {
		name   string
		labels []string
	}{{"cause", c.Tags.Cause}, {"impact", c.Tags.Impact}, {"response", c.Tags.Response}, {"prevention", c.Tags.Prevention}} {
		if len(g.labels) > 0 {
			fmt.Fprintf(w, "Tags %-11s %s\n", g.name+":", strings.Join(g.labels, ", "))
		}
	}
	if c.NeedsReview {
		fmt.Fprintln(w, "NEEDS REVIEW (at least one message)")
	}
	writeCaseReview(w, c)
	return nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
