package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"cyberintake/store"
)

// writeReview prints a record's review state and its corrections under
// show ID's summary.
func writeReview(w io.Writer, r *store.Record) {
	if r.Review == nil {
		return
	}
	rv := r.Review
	fmt.Fprintln(w)
	switch rv.State {
	case store.StateReviewed:
		fmt.Fprintf(w, "  Review:     reviewed by %s, %s\n", rv.By, stamp(rv.At))
	default:
		fmt.Fprintf(w, "  Review:     unreviewed\n")
	}
	for _, c := range rv.Reasons {
		fmt.Fprintf(w, "  The parser asks a person to look: %s (%s)\n", store.ReasonWords(c), c)
	}
	if len(rv.Corrections) == 0 {
		return
	}
	fmt.Fprintf(w, "  Corrected:  %d field(s); the values above include them\n", len(rv.Corrections))
	t := newTable("FIELD", "VALUE", "PARSER READ", "BY", "WHEN", "REASON").setLimit(1, 40).setLimit(2, 40).setLimit(5, 50)
	for _, c := range rv.Corrections {
		parser := showValue(c.Against)
		if c.Disagrees {
			parser += " now " + showValue(c.ParserNow) + " (DISAGREES)"
		}
		t.add(c.Field, showValue(c.Value), parser, c.By, stamp(c.At), c.Reason)
	}
	var b strings.Builder
	t.write(&b)
	for _, line := range strings.SplitAfter(strings.TrimSuffix(b.String(), "\n"), "\n") {
		fmt.Fprintf(w, "    %s", line)
	}
	fmt.Fprintln(w)
}

// writeCaseReview says which of a case's messages are reviewed and which
// fields were corrected, under show LAB.
func writeCaseReview(w io.Writer, c *store.Case) {
	reviewed := 0
	var corrected []string
	for i := range c.Records {
		r := &c.Records[i]
		if r.Reviewed() {
			reviewed++
		}
		if f := r.Corrected(); len(f) > 0 {
			corrected = append(corrected, fmt.Sprintf("message %d (%s)", r.ID, strings.Join(f, ", ")))
		}
	}
	fmt.Fprintf(w, "Reviewed:   %d of %d message(s)\n", reviewed, len(c.Records))
	if len(corrected) > 0 {
		fmt.Fprintf(w, "Corrected:  %s\n", strings.Join(corrected, "; "))
	}
}

// showHistory prints every event of a message, oldest first.
func showHistory(ctx context.Context, opts showOptions, st *store.Store, r *store.Record, w io.Writer) error {
	h, err := st.History(ctx, r.ID)
	if err != nil {
		return err
	}
	if opts.JSON {
		return writeJSON(w, h)
	}
	w = termWriter{w}
	fmt.Fprintf(w, "Message %d: %d event(s)\n", r.ID, len(h))
	if len(h) == 0 {
		return nil
	}
	t := newTable("#", "WHEN", "BY", "ACTION", "FIELD", "CHANGE", "REASON").setLimit(5, 60).setLimit(6, 60)
	for _, e := range h {
		change := ""
		switch e.Action {
		case store.ActCorrect, store.ActUndo:
			change = showValue(e.Old) + " -> " + showValue(e.New)
		case store.ActDisagree:
			change = "made against " + showValue(e.Against) + ", parser now " + showValue(e.New)
		case store.ActAgreeing:
			change = "parser reads " + showValue(e.New) + " again"
		case store.ActAccept:
			if e.Field != "" {
				change = "against " + showValue(e.New) + " (was " + showValue(e.Old) + ")"
			}
		}
		t.add(strconv.Itoa(e.Seq), stamp(e.At), e.By, e.Action, e.Field, change, e.Reason)
	}
	return t.write(w)
}

// reviewFlags are list's flags of a record's review state.
func reviewFlags(r *store.Record) []string {
	var f []string
	if r.Reviewed() {
		f = append(f, "reviewed")
	}
	if len(r.Corrected()) > 0 {
		f = append(f, "corrected")
	}
	if r.Disagrees() {
		f = append(f, "disagrees")
	}
	return f
}

// reviewCell is a record's review state in one cell of an export.
func reviewCell(r *store.Record) string {
	if !r.Reviewed() {
		return string(store.StateUnreviewed)
	}
	return "reviewed by " + r.Review.By + " " + stamp(r.Review.At)
}
