package store

import (
	"context"
	"slices"
	"testing"
	"time"

	"cyberintake/mailparse"

	bolt "go.etcd.io/bbolt"
)

// incidentStore files four reports: incidents on a day, a month alone,
// a day of the next month, and none.
func incidentStore(t *testing.T) (*Store, []uint64) {
	s := openTest(t)
	var msgs []Message
	for i, inc := range []string{"2021-02-14", "2021-03", "2021-03-02", ""} {
		r := report("inc"+string(rune('a'+i))+"@lab", "1000"+string(rune('0'+i)), "2021-04-01T10:00:00Z", "fr", mailparse.Sections{A: "x"})
		if inc != "" {
			r.IncidentDate = ptr(inc)
		}
		msgs = append(msgs, msg(r, inc))
	}
	var ids []uint64
	for _, o := range mustPut(t, s, msgs...) {
		ids = append(ids, o.ID)
	}
	return s, ids
}

func day(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }

func listIDs(t *testing.T, s *Store, f Filter) []uint64 {
	t.Helper()
	recs, err := s.List(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	var ids []uint64
	for _, r := range recs {
		ids = append(ids, r.ID)
	}
	slices.Sort(ids)
	return ids
}

// checkIncidents compares List by incident range and the incident-month
// stats with want (the ranges' IDs by index into ids).
func checkIncidents(t *testing.T, s *Store, ids []uint64, months map[string]int, ranges map[[2]string][]int) {
	t.Helper()
	for r, want := range ranges {
		f := Filter{}
		if r[0] != "" {
			f.IncidentSince = day(r[0])
		}
		if r[1] != "" {
			f.IncidentUntil = day(r[1])
		}
		var w []uint64
		for _, i := range want {
			w = append(w, ids[i])
		}
		if got := listIDs(t, s, f); !slices.Equal(got, w) {
			t.Errorf("incident range %v lists %v, want %v", r, got, w)
		}
	}
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(st.ByIncidentMonth) != len(months) {
		t.Errorf("by incident month = %v, want %v", st.ByIncidentMonth, months)
	}
	for m, n := range months {
		if st.ByIncidentMonth[m] != n {
			t.Errorf("by incident month = %v, want %v", st.ByIncidentMonth, months)
		}
	}
	mustVerify(t, s)
}

func TestIncidentIndex(t *testing.T) {
	s, ids := incidentStore(t)
	t.Run("after put", func(t *testing.T) {
		checkIncidents(t, s, ids, map[string]int{"2021-02": 1, "2021-03": 2}, map[[2]string][]int{
			{"2021-03-01", ""}:           {1, 2}, // "2021-03" counts as 2021-03-01
			{"2021-03-02", ""}:           {2},    // ... so it is before the 2nd
			{"", "2021-03-01"}:           {0},    // until is exclusive
			{"2021-02-01", "2021-03-02"}: {0, 1},
			{"2021-02-15", "2021-02-28"}: nil,
		})
	})
	t.Run("after correction", func(t *testing.T) {
		mustCorrect(t, s, ids[3], ana, "incident_date=2021-02")
		mustCorrect(t, s, ids[0], ana, "incident_date=")
		checkIncidents(t, s, ids, map[string]int{"2021-02": 1, "2021-03": 2}, map[[2]string][]int{
			{"2021-02-01", "2021-03-01"}: {3},
		})
		mustCorrect(t, s, ids[1], ana, "incident_date=2020-12-31")
		checkIncidents(t, s, ids, map[string]int{"2020-12": 1, "2021-02": 1, "2021-03": 1}, map[[2]string][]int{
			{"", "2021-01-01"}: {1},
			{"2021-01-01", ""}: {2, 3},
		})
	})
}

// TestMigrateIncident turns a store with incidents (one corrected) back
// into schema 5 (no incident index, no incident counters) and opens it:
// the migration rebuilds both from the effective values.
func TestMigrateIncident(t *testing.T) {
	s, ids := incidentStore(t)
	mustCorrect(t, s, ids[3], ana, "incident_date=2021-02-20")
	path := s.path
	s.Close()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(ixIncident); err != nil {
			return err
		}
		c := tx.Bucket(bCounters).Cursor()
		for k, _ := c.Seek([]byte(counterIncident)); k != nil && string(k[:len(counterIncident)]) == counterIncident; k, _ = c.Seek([]byte(counterIncident)) {
			if err := c.Delete(); err != nil {
				return err
			}
		}
		return tx.Bucket(bMeta).Put(keySchema, []byte{0, 0, 0, 5})
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	s, err = Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	checkIncidents(t, s, ids, map[string]int{"2021-02": 2, "2021-03": 2}, map[[2]string][]int{
		{"2021-02-15", "2021-03-01"}: {3},
		{"2021-03-01", ""}:           {1, 2},
	})
}
