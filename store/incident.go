package store

import (
	"bytes"
	"fmt"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"
)

// The incident index (ix_incident) holds the effective incident_date of
// every record that has one: "YYYY-MM-DD", or "YYYY-MM" when the reply
// names only the month. Keys are the value, a 0 byte and the ID, so a
// "YYYY-MM" key sorts just before the days of its month (0 < '-').
//
// Range rule (list --incident-since/--incident-until): an incident's day
// is its date, or the first day of its month for a "YYYY-MM" one; the
// incident is in [IncidentSince, IncidentUntil) when that day is.
var ixIncident = []byte("ix_incident")

// incidentDay is r's effective incident date as indexed, and the day the
// range rule compares (UTC midnight); ok is false when r has none or the
// value is not a day or a month (nothing is indexed then).
func incidentDay(r *Record) (value string, day time.Time, ok bool) {
	if r.Result.IncidentDate == nil {
		return "", time.Time{}, false
	}
	value = *r.Result.IncidentDate
	day, ok = parseIncident(value)
	return value, day, ok
}

func parseIncident(v string) (time.Time, bool) {
	for _, layout := range []string{time.DateOnly, "2006-01"} {
		if len(v) == len(layout) {
			if t, err := time.Parse(layout, v); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// incidentMonth is the month stats counts r's incident under ("" none).
func incidentMonth(r *Record) string {
	if v, _, ok := incidentDay(r); ok {
		return v[:7]
	}
	return ""
}

func (f Filter) incidentRange() bool { return !f.IncidentSince.IsZero() || !f.IncidentUntil.IsZero() }

// incidentMatches applies the range rule to r.
func (f Filter) incidentMatches(r *Record) bool {
	if !f.incidentRange() {
		return true
	}
	_, day, ok := incidentDay(r)
	return ok && (f.IncidentSince.IsZero() || !day.Before(f.IncidentSince)) &&
		(f.IncidentUntil.IsZero() || day.Before(f.IncidentUntil))
}

// incidentIDs reads the IDs whose incident falls in f's range, sorted. It
// seeks to the month of IncidentSince and stops after the month of
// IncidentUntil; the range rule decides on each key in between.
func incidentIDs(b *bolt.Bucket, f Filter) []uint64 {
	var ids []uint64
	c := b.Cursor()
	k, _ := c.First()
	if !f.IncidentSince.IsZero() {
		k, _ = c.Seek([]byte(f.IncidentSince.UTC().Format("2006-01")))
	}
	var end []byte // keys at or after the month following IncidentUntil's are out
	if !f.IncidentUntil.IsZero() {
		end = []byte(f.IncidentUntil.UTC().AddDate(0, 1, 0).Format("2006-01"))
	}
	for ; k != nil && (end == nil || bytes.Compare(k, end) < 0); k, _ = c.Next() {
		if len(k) < 9 {
			continue
		}
		day, ok := parseIncident(string(k[:len(k)-9]))
		if ok && (f.IncidentSince.IsZero() || !day.Before(f.IncidentSince)) &&
			(f.IncidentUntil.IsZero() || day.Before(f.IncidentUntil)) {
			ids = append(ids, keyID(k))
		}
	}
	slices.Sort(ids)
	return ids
}

// migrateIncident (schema 5 to 6) builds the incident index and the
// incident-month counters from every record's effective incident_date
// (the parser's reading with any standing correction).
func migrateIncident(tx *bolt.Tx) error {
	ix, err := tx.CreateBucketIfNotExists(ixIncident)
	if err != nil {
		return err
	}
	counts := counterDelta{}
	err = tx.Bucket(bRecord).ForEach(func(k, v []byte) error {
		r, err := loadRecord(tx, keyID(k), v)
		if err != nil {
			return fmt.Errorf("record %d: %w", keyID(k), err)
		}
		if val, _, ok := incidentDay(r); ok {
			if err := ix.Put(valueKey(val, r.ID), nil); err != nil {
				return err
			}
			if m := incidentMonth(r); m != "" && isReport(r) {
				counts[boundValue(counterIncident+m)]++
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return counts.apply(tx)
}

const counterIncident = "incident\x00"
