package ingest

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// writeReview prints what a new parse means for people's work: the
// corrections the parser now disagrees with (they stand) and the reviewed
// messages that went back to unreviewed.
func (r *ReprocessReport) writeReview(w io.Writer) {
	if len(r.Disagreements) > 0 {
		fmt.Fprintf(w, "corrections the parser now reads differently (kept; see cyberintake review): %d\n", len(r.Disagreements))
		for _, d := range r.Disagreements {
			fmt.Fprintf(w, "  message %d %s: corrected to %q, made against %q, parser now reads %q\n",
				d.ID, d.Field, clipValue(d.Value), clipValue(d.Against), clipValue(d.ParserNow))
		}
	}
	if len(r.Unreviewed) > 0 {
		ids := make([]string, len(r.Unreviewed))
		for i, id := range r.Unreviewed {
			ids[i] = strconv.FormatUint(id, 10)
		}
		fmt.Fprintf(w, "reviewed messages back to unreviewed (the parser's reading changed in a field nobody corrected): %s\n", strings.Join(ids, " "))
	}
}

// clipValue keeps one line of a report short.
func clipValue(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 50 {
		return string(r[:47]) + "..."
	}
	return s
}
