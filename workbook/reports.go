package workbook

import (
	"context"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"cyberintake/store"
)

// answerHeads are the short names of the letter's five questions.
var answerHeads = [5]string{"a) cause and method", "b) activities hit", "c) immediate actions",
	"d) preventive measures", "e) quality-system records"}

// tagGroups are the taxonomy's groups, one column each.
var tagGroups = []string{"cause", "impact", "response", "prevention"}

func reportColumns() []column {
	cols := []column{
		{"id", 8, colInt},
		{"lab", 12, colText},
		{"received (UTC)", 17, colDate},
		{"UTC offset", 8, colText},
		{"language", 6, colText},
		{"kind", 9, colText},
		{"subject", 30, colText},
		{"from", 26, colText},
	}
	cols = append(cols, answerTagColumns()...)
	return append(cols,
		column{"downtime (days)", 9, colNum},
		column{"references", 18, colWrap},
		column{"contact name", 20, colText},
		column{"contact e-mail", 26, colText},
		column{"contact phone", 16, colText},
		column{"review state", 11, colText},
		column{"reviewed by", 14, colText},
		column{"reviewed (UTC)", 17, colDate},
		column{"corrected fields", 18, colWrap},
		column{"needs-review reasons", 24, colWrap},
		column{"message-id", 30, colText},
	)
}

// answerTagColumns are the five answers and the tag groups, as both
// sheets show them.
func answerTagColumns() []column {
	var cols []column
	for _, h := range answerHeads {
		cols = append(cols, column{h, 45, colWrap})
	}
	for _, g := range tagGroups {
		cols = append(cols, column{"tags: " + g, 18, colWrap})
	}
	return cols
}

func writeReports(ctx context.Context, x *excelize.File, st *styles, s *store.Store, f store.Filter, cnt *counts) error {
	sh, err := newSheet(x, st, SheetReports, reportColumns())
	if err != nil {
		return fmt.Errorf("sheet %s: %w", SheetReports, err)
	}
	err = s.EachRecord(ctx, f, func(r *store.Record) error {
		cnt.add(r)
		return sh.add(reportRow(r)...)
	})
	if err != nil {
		return err
	}
	if err := sh.finish(); err != nil {
		return fmt.Errorf("sheet %s: %w", SheetReports, err)
	}
	return nil
}

func reportRow(r *store.Record) []any {
	res := &r.Result
	lab := ""
	if res.Lab != nil {
		lab = *res.Lab
	}
	date := r.Date()
	row := []any{r.ID, lab, date.UTC(), date.Format("-07:00"), res.Language, string(res.Kind), res.Subject, res.From}
	for _, a := range res.Sections.Answers() {
		row = append(row, a)
	}
	for _, g := range tagGroups {
		row = append(row, strings.Join(tagsOf(res.Tags, g), "; "))
	}
	c := res.Contact
	rv := reviewOf(r)
	return append(row, res.DowntimeDays, strings.Join(res.References, "; "), c.Name, c.Email, c.Phone,
		rv.State, rv.By, rv.At.UTC(), strings.Join(rv.Corrected, "; "), strings.Join(rv.Reasons, "; "), res.MessageID)
}
