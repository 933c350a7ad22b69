package web

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"cyberintake/mailparse"
	"cyberintake/store"
)

// Dataset is what the overview, the lab table and the report are drawn
// from: the reports and the lab cases of one period, read with the store's
// public queries only.
type Dataset struct {
	Reports []*store.Record // kind report, oldest first (pointers: sorting moves no records)
	Cases   []*store.Case   // one per lab, by lab
	Since   time.Time       // zero: from the start
	Until   time.Time       // zero: up to now (exclusive)
}

// Load reads the reports and cases dated in [since, until), in one read
// of the store.
func Load(ctx context.Context, st *store.Store, since, until time.Time) (*Dataset, error) {
	set, err := st.Cases(ctx, store.Filter{Since: since, Until: until})
	if err != nil {
		return nil, err
	}
	d := &Dataset{Cases: set.Cases, Since: since, Until: until}
	for _, c := range set.Cases {
		for i := range c.Records {
			if r := &c.Records[i]; r.Result.Kind == mailparse.KindReport {
				d.Reports = append(d.Reports, r)
			}
		}
	}
	for i := range set.Loose {
		d.Reports = append(d.Reports, &set.Loose[i])
	}
	sort.SliceStable(d.Reports, func(i, j int) bool {
		if c := d.Reports[i].Date().Compare(d.Reports[j].Date()); c != 0 {
			return c < 0
		}
		return d.Reports[i].ID < d.Reports[j].ID
	})
	return d, nil
}

// LabRow is one lab case as the lab table shows it.
type LabRow struct {
	Lab         string // as the newest reply writes it
	Key         string // store.NormLab, for the URL
	Messages    int
	First, Last time.Time
	Language    string
	Cause       []string
	Impact      []string
	Response    []string
	Prevention  []string
	Downtime    *float64
	Missing     []string // letters of the questions nobody answered
	NeedsReview bool     // the parser asks a person to look at one of its messages
	Reviewed    bool     // a person confirmed every message
	Corrected   bool     // some field of some message was corrected
	Case        *store.Case
}

// questions are the letters of the letter's questions, in order.
var questions = [5]string{"a", "b", "c", "d", "e"}

// Rows turns the cases into table rows.
func (d *Dataset) Rows() []LabRow {
	rows := make([]LabRow, 0, len(d.Cases))
	for _, c := range d.Cases {
		r := LabRow{Lab: c.Lab, Key: store.NormLab(c.Lab), Messages: len(c.Records),
			Cause: c.Tags.Cause, Impact: c.Tags.Impact, Response: c.Tags.Response, Prevention: c.Tags.Prevention,
			Downtime: c.DowntimeDays, NeedsReview: c.NeedsReview, Case: c}
		if r.Lab == "" && len(c.Records) > 0 && c.Records[0].Result.Lab != nil {
			r.Lab = *c.Records[0].Result.Lab
		}
		if len(c.Records) > 0 {
			r.First = c.Records[0].Date()
			last := &c.Records[len(c.Records)-1]
			r.Last = last.Date()
			for i := len(c.Records) - 1; i >= 0; i-- {
				if l := c.Records[i].Result.Language; l != "" {
					r.Language = l
					break
				}
			}
		}
		r.Reviewed = len(c.Records) > 0
		for i := range c.Records {
			rec := &c.Records[i]
			r.Reviewed = r.Reviewed && rec.Reviewed()
			r.Corrected = r.Corrected || len(rec.Corrected()) > 0
		}
		for i, a := range c.Answers.List() {
			if a == nil || strings.TrimSpace(a.Text) == "" {
				r.Missing = append(r.Missing, questions[i])
			}
		}
		rows = append(rows, r)
	}
	return rows
}

// LabQuery filters and sorts the lab table, from /labs's query string.
type LabQuery struct {
	Tag      string // "group=label"
	Language string
	Review   string // "needs" (the parser asks), "unreviewed", "reviewed", "corrected"
	Text     string // words that must all occur in the case's answers (as list --text)
	Sort     string // lab (default), first, last, messages, downtime, missing
	Desc     bool
}

// Filter keeps the rows q selects and sorts them.
func (q LabQuery) Filter(rows []LabRow) []LabRow {
	var out []LabRow
	tf := store.Filter{Text: q.Text}
	for _, r := range rows {
		if q.Language != "" && r.Language != q.Language ||
			q.Review == "needs" && !r.NeedsReview || q.Review == "reviewed" && !r.Reviewed ||
			q.Review == "unreviewed" && r.Reviewed || q.Review == "corrected" && !r.Corrected ||
			q.Tag != "" && !r.hasTag(q.Tag) ||
			q.Text != "" && !slices.ContainsFunc(r.Case.Records, func(rec store.Record) bool { return tf.Matches(&rec) }) {
			continue
		}
		out = append(out, r)
	}
	less := map[string]func(a, b *LabRow) int{
		"lab":      func(a, b *LabRow) int { return strings.Compare(a.Key, b.Key) },
		"first":    func(a, b *LabRow) int { return a.First.Compare(b.First) },
		"last":     func(a, b *LabRow) int { return a.Last.Compare(b.Last) },
		"messages": func(a, b *LabRow) int { return a.Messages - b.Messages },
		"missing":  func(a, b *LabRow) int { return len(a.Missing) - len(b.Missing) },
		"downtime": func(a, b *LabRow) int { return cmpDown(a.Downtime, b.Downtime) },
	}
	cmp, ok := less[q.Sort]
	if !ok {
		cmp = less["lab"]
	}
	sort.SliceStable(out, func(i, j int) bool {
		c := cmp(&out[i], &out[j])
		if c == 0 {
			c = strings.Compare(out[i].Key, out[j].Key)
			return c < 0
		}
		if q.Desc {
			return c > 0
		}
		return c < 0
	})
	return out
}

func cmpDown(a, b *float64) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return -1
	case b == nil:
		return 1
	case *a < *b:
		return -1
	case *a > *b:
		return 1
	}
	return 0
}

func (r *LabRow) hasTag(t string) bool {
	g, l, _ := strings.Cut(t, "=")
	var labels []string
	switch g {
	case "cause":
		labels = r.Cause
	case "impact":
		labels = r.Impact
	case "response":
		labels = r.Response
	case "prevention":
		labels = r.Prevention
	}
	return slices.Contains(labels, l)
}

// TagGroups are the taxonomy's groups, in the letter's order.
var TagGroups = []string{"cause", "impact", "response", "prevention"}

// tagsOf returns one group of a case's tags.
func tagsOf(c *store.Case, group string) []string {
	if p := c.Tags.Group(group); p != nil {
		return *p
	}
	return nil
}

// monthOf is the month of a time in Brussels, "2021-02".
func monthOf(t time.Time) string { return t.In(brussels).Format("2006-01") }

// formatDays writes a downtime for people: "2", "0.5", "-".
func formatDays(d *float64) string {
	if d == nil {
		return "-"
	}
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.1f", *d), "0"), ".")
}
