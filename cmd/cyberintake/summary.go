package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"cyberintake/mailparse"
)

// writeSummary prints a Result for people: what the secretariat reads.
// Answers are wrapped to width (0: not wrapped).
func writeSummary(w io.Writer, r *mailparse.Result, width int) {
	fmt.Fprintf(w, "%s\n", r.File)
	if r.Error != "" {
		fmt.Fprintf(w, "  error: %s\n", r.Error)
		return
	}
	lab := "(none)"
	if r.Lab != nil {
		lab = *r.Lab
	}
	fmt.Fprintf(w, "  From:     %s\n  Date:     %s\n  Subject:  %s\n", r.From, r.Date, r.Subject)
	fmt.Fprintf(w, "  Kind:     %s\n", r.Kind)
	if r.Kind != mailparse.KindReport {
		printWarnings(w, r.Warnings)
		return
	}
	fmt.Fprintf(w, "  Lab:      %s\n  Language: %s\n", lab, r.Language)
	if r.DowntimeDays != nil {
		fmt.Fprintf(w, "  Downtime: %g days\n", *r.DowntimeDays)
	}
	if r.NeedsReview {
		fmt.Fprintf(w, "  NEEDS REVIEW\n")
	}
	for i, q := range questions {
		ans := r.Sections.Answers()[i]
		fmt.Fprintf(w, "\n  %c) %s\n", 'a'+i, q)
		if ans == "" {
			fmt.Fprintf(w, "     (no answer)\n")
			continue
		}
		writeIndented(w, "     ", ans, width)
	}
	fmt.Fprintln(w)
	if len(r.References) > 0 {
		fmt.Fprintf(w, "  References: %s\n", strings.Join(r.References, ", "))
	}
	c := r.Contact
	if c.Name != "" || c.Email != "" || c.Phone != "" {
		fmt.Fprintf(w, "  Contact:    %s\n", strings.Join(nonEmpty(c.Name, c.Email, c.Phone), ", "))
	}
	t := r.Tags
	for _, g := range []struct {
		name   string
		labels []string
	}{{"cause", t.Cause}, {"impact", t.Impact}, {"response", t.Response}, {"prevention", t.Prevention}} {
		if len(g.labels) > 0 {
			fmt.Fprintf(w, "  Tags %-11s %s\n", g.name+":", strings.Join(g.labels, ", "))
		}
	}
	for _, a := range r.Attachments {
		fmt.Fprintf(w, "  Attachment: %s (%s, %d bytes)\n", a.Name, a.ContentType, a.Size)
	}
	printWarnings(w, r.Warnings)
}

// writeIndented prints text with indent before each line, wrapped at
// spaces so that lines stay within width (0: as they are).
func writeIndented(w io.Writer, indent, text string, width int) {
	for _, line := range wrapText(termSafe(text), width-len(indent)) {
		fmt.Fprintf(w, "%s%s\n", indent, line)
	}
}

// wrapText splits text into its lines, and lines longer than width
// characters at the last space that keeps them within it (a word longer
// than width stays whole). width < 20 leaves the lines as they are: on so
// narrow a screen wrapping helps nobody.
func wrapText(text string, width int) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		for width >= 20 && utf8.RuneCountInString(line) > width {
			r := []rune(line)
			i := width
			for i > 0 && r[i] != ' ' {
				i--
			}
			if i == 0 { // one long word: break after it
				for i = width; i < len(r) && r[i] != ' '; i++ {
				}
				if i == len(r) {
					break
				}
			}
			out = append(out, strings.TrimRight(string(r[:i]), " "))
			line = strings.TrimLeft(string(r[i:]), " ")
		}
		out = append(out, line)
	}
	return out
}

func printWarnings(w io.Writer, ws []string) {
	for _, s := range ws {
		fmt.Fprintf(w, "  warning: %s\n", s)
	}
}

// questions are the letter's questions, short, as headings for people.
var questions = [5]string{
	"Probable cause and method of the attack",
	"Activities hit and how",
	"Immediate corrective actions",
	"Preventive measures",
	"Quality-system record references",
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
