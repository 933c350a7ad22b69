package web

import (
	"sort"
	"strings"
	"time"
)

// Overview is the picture the letter was written for: which labs were
// hit, by what, with what impact, how they responded, over time.
type Overview struct {
	Labs      int
	Reports   int // first replies and follow-ups
	FollowUps int // replies after a lab's first
	NoLab     int // reports naming no lab (and linked to none)
	Reviewed  int // reports a person confirmed
	ToReview  int
	Corrected int // reports with at least one corrected field

	Months Chart // reports and follow-ups by month of the reply
	// Incidents counts reports by the month of their effective incident
	// date, for the replies that state one (store.Stats' ByIncidentMonth).
	Incidents Chart
	Tags      []Chart
	Downtime  Chart
	Review    Chart
	Missing   []LabRow // cases where some question is still unanswered
}

// downtimeBuckets split the longest downtime of each case, in days.
var downtimeBuckets = []struct {
	key      string
	upTo     float64 // inclusive
	openLeft bool
}{
	{"down_none", 0, false}, {"down_day", 1, true}, {"down_3", 3, true},
	{"down_week", 7, true}, {"down_month", 30, true}, {"down_more", 1e18, true},
}

// BuildOverview computes the overview of d in language l.
func BuildOverview(d *Dataset, l Lang) *Overview {
	o := &Overview{Labs: len(d.Cases), Reports: len(d.Reports)}
	first := map[uint64]bool{} // IDs of each case's first reply
	inCase := map[uint64]bool{}
	for _, c := range d.Cases {
		for i, r := range c.Records {
			inCase[r.ID] = true
			if i == 0 {
				first[r.ID] = true
			}
		}
	}
	byMonth := map[string]*Bar{}
	byIncident := map[string]int{}
	var reviewed, asks, waiting, corrected int
	for _, r := range d.Reports {
		m := monthOf(r.Date())
		b := byMonth[m]
		if b == nil {
			b = &Bar{Label: m}
			byMonth[m] = b
		}
		switch {
		case first[r.ID] || !inCase[r.ID]:
			b.Count++
		default:
			b.Extra++
			o.FollowUps++
		}
		if m := incidentMonth(r.Result.IncidentDate); m != "" {
			byIncident[m]++
		}
		if !inCase[r.ID] {
			o.NoLab++
		}
		switch {
		case r.Reviewed():
			reviewed++
		case r.Review != nil && len(r.Review.Reasons) > 0 || r.Result.NeedsReview:
			asks++
		default:
			waiting++
		}
		if len(r.Corrected()) > 0 {
			corrected++
		}
	}
	months := sortedKeys(byMonth)
	o.Months = Chart{ID: "months", Title: l.T("chart_months"), Note: l.T("note_months"),
		Legend: [2]string{l.T("first_replies"), l.T("followups")}}
	for _, m := range months {
		o.Months.Bars = append(o.Months.Bars, *byMonth[m])
	}
	o.Months.layout()

	o.Incidents = Chart{ID: "incidents", Title: l.T("chart_incidents"), Note: l.T("note_incidents")}
	for _, m := range sortedKeys(byIncident) {
		o.Incidents.Bars = append(o.Incidents.Bars, Bar{Label: m, Count: byIncident[m]})
	}
	o.Incidents.layout()

	for _, g := range TagGroups {
		counts := map[string]int{}
		for _, c := range d.Cases {
			for _, t := range tagsOf(c, g) {
				counts[t]++
			}
		}
		ch := Chart{ID: "tags-" + g, Title: l.T("group_" + g), Note: l.T("note_labs"), Total: len(d.Cases)}
		for _, t := range sortedByCount(counts) {
			ch.Bars = append(ch.Bars, Bar{Label: labelName(t), Count: counts[t]})
		}
		o.Tags = append(o.Tags, *ch.layout())
	}

	down := make([]Bar, len(downtimeBuckets)+1)
	for i, b := range downtimeBuckets {
		down[i].Label = l.T(b.key)
	}
	down[len(downtimeBuckets)].Label = l.T("down_unknown")
	for _, c := range d.Cases {
		i := len(downtimeBuckets)
		if c.DowntimeDays != nil {
			for j, b := range downtimeBuckets {
				if *c.DowntimeDays <= b.upTo {
					i = j
					break
				}
			}
		}
		down[i].Count++
	}
	o.Downtime = *(&Chart{ID: "downtime", Title: l.T("chart_downtime"), Note: l.T("note_labs"), Total: len(d.Cases), Bars: down}).layout()

	// Corrected overlaps the others: a corrected report may be reviewed or not.
	o.Review = *(&Chart{ID: "review", Title: l.T("chart_review"), Note: l.T("note_reports"), Total: len(d.Reports), Bars: []Bar{
		{Label: l.T("state_reviewed"), Count: reviewed},
		{Label: l.T("queue_parser_asks"), Count: asks},
		{Label: l.T("state_unreviewed"), Count: waiting},
		{Label: l.T("corrected"), Count: corrected},
	}}).layout()
	o.Reviewed, o.ToReview, o.Corrected = reviewed, asks+waiting, corrected

	for _, r := range d.Rows() {
		if len(r.Missing) > 0 {
			o.Missing = append(o.Missing, r)
		}
	}
	return o
}

// sortedKeys are m's keys in order (months sort as text).
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// incidentMonth is the month ("YYYY-MM") of an incident date as the store
// counts it (store/incident.go): a "YYYY-MM-DD" day or a "YYYY-MM" month,
// anything else (a correction typed by hand, a bad value) counts nowhere.
func incidentMonth(v *string) string {
	if v == nil {
		return ""
	}
	for _, layout := range []string{time.DateOnly, "2006-01"} {
		if len(*v) == len(layout) {
			if _, err := time.Parse(layout, *v); err == nil {
				return (*v)[:7]
			}
		}
	}
	return ""
}

// sortedByCount orders keys by falling count, then by name.
func sortedByCount(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys
}

// labelName writes a taxonomy label for people: "remote_access" -> "remote access".
func labelName(t string) string { return strings.ReplaceAll(t, "_", " ") }
