package workbook

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"cyberintake/followup"
	"cyberintake/store"
)

func caseColumns() []column {
	cols := []column{
		{"lab", 12, colText},
		{"messages", 9, colInt},
		{"first (UTC)", 17, colDate},
		{"last (UTC)", 17, colDate},
		{"language", 6, colText},
	}
	cols = append(cols, answerTagColumns()...)
	return append(cols,
		column{"longest downtime (days)", 9, colNum},
		column{"references", 18, colWrap},
		column{"contact name", 20, colText},
		column{"contact e-mail", 26, colText},
		column{"contact phone", 16, colText},
		column{"reviewed messages", 9, colInt},
		column{"corrected messages", 9, colInt},
		column{"needs review", 8, colText},
		column{"still missing", 18, colWrap},
	)
}

// writeCases writes one row per lab: its replies merged (show LAB), and
// what a follow-up would still ask for.
func writeCases(ctx context.Context, x *excelize.File, st *styles, s *store.Store, labs []string) error {
	sh, err := newSheet(x, st, SheetCases, caseColumns())
	if err != nil {
		return fmt.Errorf("sheet %s: %w", SheetCases, err)
	}
	err = s.EachCase(ctx, labs, func(c *store.Case) error { return sh.add(caseRow(c)...) })
	if err != nil {
		return err
	}
	if err := sh.finish(); err != nil {
		return fmt.Errorf("sheet %s: %w", SheetCases, err)
	}
	return nil
}

func caseRow(c *store.Case) []any {
	var first, last time.Time
	lang := ""
	reviewed, corrected, waiting := 0, 0, false
	for i := range c.Records {
		r := &c.Records[i]
		ri := reviewOf(r)
		if ri.State == string(store.StateReviewed) {
			reviewed++
		}
		if len(ri.Corrected) > 0 {
			corrected++
		}
		waiting = waiting || ri.waiting()
		t := r.Date().UTC()
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if t.After(last) {
			last = t
		}
		if r.Result.Language != "" {
			lang = r.Result.Language
		}
	}
	row := []any{c.Lab, len(c.Records), first, last, lang}
	for _, a := range c.Answers.List() {
		if a == nil {
			row = append(row, nil)
			continue
		}
		row = append(row, a.Text)
	}
	for _, g := range tagGroups {
		row = append(row, strings.Join(tagsOf(c.Tags, g), "; "))
	}
	missing := []string{}
	for _, it := range followup.Missing(c) {
		missing = append(missing, string(it))
	}
	review := "no"
	if waiting {
		review = "yes"
	}
	ct := c.Contact
	return append(row, c.DowntimeDays, strings.Join(c.References, "; "), ct.Name, ct.Email, ct.Phone,
		reviewed, corrected, review, strings.Join(missing, ", "))
}
