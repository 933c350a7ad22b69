package workbook

import (
	"fmt"
	"sort"
	"time"

	"github.com/xuri/excelize/v2"

	"cyberintake/classify"
	"cyberintake/store"
)

// counts gathers, while the reports are written, what the counts sheet
// shows: labs, reports, reports per tag and per month.
type counts struct {
	labs    []string // normalised, in order of first report
	seen    map[string]bool
	reports int
	tags    map[[2]string]int // group, label -> reports
	months  map[time.Time]int // first of the month (UTC) -> reports
}

func newCounts() *counts {
	return &counts{seen: map[string]bool{}, tags: map[[2]string]int{}, months: map[time.Time]int{}}
}

func (c *counts) add(r *store.Record) {
	c.reports++
	if l := r.LabKey(); l != "" && !c.seen[l] {
		c.seen[l] = true
		c.labs = append(c.labs, l)
	}
	for _, g := range tagGroups {
		for _, l := range tagsOf(r.Result.Tags, g) {
			c.tags[[2]string{g, l}]++
		}
	}
	d := r.Date().UTC()
	c.months[time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)]++
}

func tagsOf(t classify.Tags, group string) []string {
	if p := t.Group(group); p != nil {
		return *p
	}
	return nil
}

// writeCounts writes one table a filter can cut: what is counted, the tag
// group and label or the month, and how many reports.
func writeCounts(x *excelize.File, st *styles, c *counts) error {
	sh, err := newSheet(x, st, SheetCounts, []column{
		{"count of", 10, colText}, {"tag group", 12, colText}, {"tag", 22, colText},
		{"month", 9, colMonth}, {"reports", 9, colInt},
	})
	if err != nil {
		return fmt.Errorf("sheet %s: %w", SheetCounts, err)
	}
	add := func(v ...any) {
		if err == nil {
			err = sh.add(v...)
		}
	}
	add("labs", nil, nil, nil, len(c.labs))
	add("reports", nil, nil, nil, c.reports)
	tags := make([][2]string, 0, len(c.tags))
	for k := range c.tags {
		tags = append(tags, k)
	}
	sort.Slice(tags, func(i, j int) bool {
		if gi, gj := groupIndex(tags[i][0]), groupIndex(tags[j][0]); gi != gj {
			return gi < gj
		}
		if c.tags[tags[i]] != c.tags[tags[j]] {
			return c.tags[tags[i]] > c.tags[tags[j]]
		}
		return tags[i][1] < tags[j][1]
	})
	for _, k := range tags {
		add("tag", k[0], k[1], nil, c.tags[k])
	}
	months := make([]time.Time, 0, len(c.months))
	for m := range c.months {
		months = append(months, m)
	}
	sort.Slice(months, func(i, j int) bool { return months[i].Before(months[j]) })
	for _, m := range months {
		add("month", nil, nil, m, c.months[m])
	}
	if err != nil {
		return err
	}
	if err := sh.finish(); err != nil {
		return fmt.Errorf("sheet %s: %w", SheetCounts, err)
	}
	return nil
}

func groupIndex(g string) int {
	for i, x := range tagGroups {
		if x == g {
			return i
		}
	}
	return len(tagGroups)
}
