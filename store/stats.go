package store

import (
	"context"
	"encoding/binary"
	"fmt"
	"sort"
	"strconv"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// Stats are the counts `cyberintake stats` prints. ByKind and the flags
// count every filed message; the other figures count reports (kind report,
// parsed without error).
type Stats struct {
	Total      int            `json:"total"`
	Reports    int            `json:"reports"`
	Labs       int            `json:"labs"` // distinct labs among the reports: cases
	ByKind     map[string]int `json:"by_kind"`
	ByLanguage map[string]int `json:"by_language"`
	ByMonth    map[string]int `json:"by_month"`
	// ByIncidentMonth counts reports by the month of their incident_date
	// ("YYYY-MM"; reports that give none are not counted).
	ByIncidentMonth map[string]int            `json:"by_incident_month"`
	ByTag           map[string]map[string]int `json:"by_tag"`
	Failed          int                       `json:"failed"`
	NeedsReview     int                       `json:"needs_review"`
	WithDowntime    int                       `json:"with_downtime"`
	MedianDowntime  *float64                  `json:"median_downtime_days"`
	// Review counts (every filed message): accepted by a person, with a
	// corrected field, with a correction the parser now reads otherwise.
	// The other figures count effective values (corrections applied).
	Reviewed      int `json:"reviewed"`
	Corrected     int `json:"corrected"`
	Disagreements int `json:"disagreements"`
}

// The counters bucket holds, for each key of counterKeys, how many records
// add to it. Put and Update change it in the transaction that changes the
// records, so Stats reads a few hundred keys instead of every record, and
// Verify recomputes it to check.

// counterDelta accumulates counter changes of one transaction.
type counterDelta map[string]int64

func (d counterDelta) add(r *Record, n int64) {
	for _, k := range counterKeys(r) {
		d[k] += n
	}
}

func (d counterDelta) apply(tx *bolt.Tx) error {
	b := tx.Bucket(bCounters)
	for k, n := range d {
		if n == 0 {
			continue
		}
		cur := int64(0)
		if v := b.Get([]byte(k)); len(v) == 8 {
			cur = int64(binary.BigEndian.Uint64(v))
		}
		cur += n
		var err error
		if cur <= 0 {
			err = b.Delete([]byte(k))
		} else {
			err = b.Put([]byte(k), binary.BigEndian.AppendUint64(nil, uint64(cur)))
		}
		if err != nil {
			return fmt.Errorf("counter %q: %w", k, err)
		}
	}
	return nil
}

func readCounters(tx *bolt.Tx) map[string]int64 {
	m := map[string]int64{}
	tx.Bucket(bCounters).ForEach(func(k, v []byte) error {
		if len(v) == 8 {
			m[string(k)] = int64(binary.BigEndian.Uint64(v))
		}
		return nil
	})
	return m
}

// Stats returns the counts of the whole store.
func (s *Store) Stats(ctx context.Context) (*Stats, error) {
	var c map[string]int64
	labs := 0
	err := s.view(ctx, func(tx *bolt.Tx) error {
		c, labs = readCounters(tx), countLabs(tx)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	st := statsFromCounters(c)
	st.Labs = labs
	return st, nil
}

func statsFromCounters(c map[string]int64) *Stats {
	st := &Stats{
		ByKind: map[string]int{}, ByLanguage: map[string]int{}, ByMonth: map[string]int{}, ByIncidentMonth: map[string]int{},
		ByTag: map[string]map[string]int{},
	}
	type dn struct {
		days float64
		n    int64
	}
	var downs []dn
	for k, n := range c {
		kind, rest, _ := strings.Cut(k, "\x00")
		switch kind {
		case "all":
			st.Total = int(n)
		case "report":
			st.Reports = int(n)
		case flagFailed:
			st.Failed = int(n)
		case flagReview:
			st.NeedsReview = int(n)
		case flagReviewed:
			st.Reviewed = int(n)
		case flagCorrected:
			st.Corrected = int(n)
		case flagDisagree:
			st.Disagreements = int(n)
		case "kind":
			st.ByKind[rest] = int(n)
		case "lang":
			st.ByLanguage[rest] = int(n)
		case "month":
			st.ByMonth[rest] = int(n)
		case "incident":
			st.ByIncidentMonth[rest] = int(n)
		case "tag":
			g, l, _ := strings.Cut(rest, "=")
			if st.ByTag[g] == nil {
				st.ByTag[g] = map[string]int{}
			}
			st.ByTag[g][l] = int(n)
		case "down":
			if d, err := strconv.ParseFloat(rest, 64); err == nil {
				downs = append(downs, dn{d, n})
				st.WithDowntime += int(n)
			}
		}
	}
	if st.WithDowntime > 0 {
		sort.Slice(downs, func(i, j int) bool { return downs[i].days < downs[j].days })
		// The median of the multiset: the middle value, or the mean of the
		// two middle ones.
		at := func(i int) float64 {
			for _, d := range downs {
				if int64(i) < d.n {
					return d.days
				}
				i -= int(d.n)
			}
			return downs[len(downs)-1].days
		}
		n := st.WithDowntime
		m := at(n / 2)
		if n%2 == 0 {
			m = (at(n/2-1) + m) / 2
		}
		st.MedianDowntime = &m
	}
	for _, g := range []string{"cause", "impact", "response", "prevention"} {
		if st.ByTag[g] == nil {
			st.ByTag[g] = map[string]int{}
		}
	}
	return st
}
