package store

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"cyberintake/mailparse"
)

// fixture files a small, varied set of records and returns their IDs by name.
func fixture(t *testing.T) (*Store, map[string]uint64) {
	t.Helper()
	s := openTest(t)
	type item struct {
		name string
		res  *mailparse.Result
	}
	r1 := report("r1@x", "Labo–123", "2021-02-10T09:00:00+01:00", "fr", mailparse.Sections{A: "Un mail de phishing", B: "LIS arrêté", C: "plan dégradé"})
	r1.Tags.Cause = []string{"phishing"}
	r1.Tags.Impact = []string{"lis"}
	r1.DowntimeDays = ptr(2.0)
	r2 := report("r2@x", "labo-123", "2021-03-05T09:00:00Z", "fr", mailparse.Sections{E: "NC-2021-014"})
	r2.References = []string{"NC-2021-014"}
	r3 := report("r3@x", "4567", "2021-02-20T12:00:00Z", "nl", mailparse.Sections{A: "Ransomware via RDP", D: "MFA ingevoerd"})
	r3.Tags.Cause = []string{"ransomware", "remote_access"}
	r3.Tags.Prevention = []string{"mfa"}
	r3.NeedsReview = true
	r3.DowntimeDays = ptr(5.0)
	auto := report("auto@x", "4567", "2021-02-21T12:00:00Z", "", mailparse.Sections{})
	auto.Kind = mailparse.KindAutoReply
	bad := mailparse.Failed("bad.eml", errString("no header"))
	items := []item{{"r1", r1}, {"r2", r2}, {"r3", r3}, {"auto", auto}, {"bad", bad}}
	ids := map[string]uint64{}
	for _, it := range items {
		out := mustPut(t, s, Message{Raw: rawFor(it.name, it.name), Result: it.res})
		ids[it.name] = out[0].ID
	}
	return s, ids
}

func TestList(t *testing.T) {
	s, ids := fixture(t)
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	for _, tc := range []struct {
		name string
		f    Filter
		want []string
	}{
		{"all, oldest first", Filter{}, []string{"r1", "r3", "auto", "r2", "bad"}},
		{"lab, dashes and case unified", Filter{Lab: "LABO—123"}, []string{"r1", "r2"}},
		{"kind", Filter{Kind: mailparse.KindReport}, []string{"r1", "r3", "r2"}},
		{"language", Filter{Language: "nl"}, []string{"r3"}},
		{"tag", Filter{Tags: map[string][]string{"cause": {"ransomware"}}}, []string{"r3"}},
		{"two tags", Filter{Tags: map[string][]string{"cause": {"ransomware", "phishing"}}}, nil},
		{"needs review", Filter{NeedsReview: true}, []string{"r3"}},
		{"failed", Filter{Failed: true}, []string{"bad"}},
		{"outdated: failures (all else is current)", Filter{Outdated: true}, []string{"bad"}},
		{"since", Filter{Since: day("2021-02-20"), Kind: mailparse.KindReport}, []string{"r3", "r2"}},
		{"until exclusive", Filter{Until: day("2021-02-20")}, []string{"r1"}},
		{"text, all words", Filter{Text: "RDP ransomware"}, []string{"r3"}},
		{"text, no match", Filter{Text: "RDP phishing"}, nil},
		{"text, accents aside", Filter{Text: "arrete"}, []string{"r1"}},
		{"text, accents in the query", Filter{Text: "dégradé PLAN"}, []string{"r1"}},
		{"limit", Filter{Kind: mailparse.KindReport, Limit: 2}, []string{"r1", "r3"}},
		{"unknown lab", Filter{Lab: "999"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			recs, err := s.List(context.Background(), tc.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []uint64
			for _, r := range recs {
				got = append(got, r.ID)
			}
			var want []uint64
			for _, n := range tc.want {
				want = append(want, ids[n])
			}
			if !slices.Equal(got, want) {
				t.Errorf("List = %v, want %v (%v)", got, want, tc.want)
			}
			// Each sees the same set, in ID order.
			var each []uint64
			f := tc.f
			f.Limit = 0
			s.Each(context.Background(), f, func(r *Record, raw []byte) error {
				each = append(each, r.ID)
				return nil
			})
			if tc.f.Limit == 0 && len(each) != len(want) {
				t.Errorf("Each = %v, want the %d records of List", each, len(want))
			}
		})
	}
}

func TestStats(t *testing.T) {
	s, _ := fixture(t)
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := `{"total":5,"reports":3,"labs":2,"by_kind":{"auto_reply":1,"report":3,"unrelated":1},"by_language":{"fr":2,"nl":1},` +
		`"by_month":{"2021-02":2,"2021-03":1},"by_incident_month":{},"by_tag":{"cause":{"phishing":1,"ransomware":1,"remote_access":1},"impact":{"lis":1},"prevention":{"mfa":1},"response":{}},` +
		`"failed":1,"needs_review":1,"with_downtime":2,"median_downtime_days":3.5,"reviewed":0,"corrected":0,"disagreements":0}`
	got, _ := json.Marshal(st)
	if string(got) != want {
		t.Errorf("Stats =\n%s\nwant\n%s", got, want)
	}
}

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		counts map[string]int64
		want   float64
	}{
		{map[string]int64{"down\x001": 1}, 1},
		{map[string]int64{"down\x001": 2, "down\x0010": 1}, 1},
		{map[string]int64{"down\x000.25": 1, "down\x002": 1, "down\x0010": 2}, 6},
	} {
		st := statsFromCounters(tc.counts)
		if st.MedianDowntime == nil || *st.MedianDowntime != tc.want {
			t.Errorf("median of %v = %v, want %v", tc.counts, st.MedianDowntime, tc.want)
		}
	}
}

func TestEachPagesAndAllowsUpdate(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	var msgs []Message
	for i := range eachBatch*2 + 10 {
		id := string(rune('a'+i%26)) + string(rune('a'+i/26)) + "@x"
		msgs = append(msgs, msg(report(id, "1", "", "fr", mailparse.Sections{A: "x"}), id))
	}
	mustPut(t, s, msgs...)
	n := 0
	var last uint64
	err := s.Each(ctx, Filter{}, func(r *Record, raw []byte) error {
		if r.ID <= last {
			t.Fatalf("Each out of ID order: %d after %d", r.ID, last)
		}
		last = r.ID
		if !bytes.Equal(raw, msgs[n].Raw) {
			t.Fatalf("raw of %d differs", r.ID)
		}
		n++
		// reprocess updates from inside the callback
		res := r.Result
		res.Sections.B = "updated"
		return s.Update(ctx, []Reparsed{{ID: r.ID, Result: &res}})
	})
	if err != nil || n != len(msgs) {
		t.Fatalf("Each visited %d of %d: %v", n, len(msgs), err)
	}
	recs, _ := s.List(ctx, Filter{Text: "updated"})
	if len(recs) != len(msgs) {
		t.Errorf("%d records updated, want %d", len(recs), len(msgs))
	}
	assertVerified(t, s)
}

// FuzzRoundTrip: whatever a parse produces and whatever the bytes, Get
// returns the same Result JSON and Raw the same bytes.
func FuzzRoundTrip(f *testing.F) {
	f.Add([]byte("Subject: x\r\n\r\nbody"), "id@x", "Labo – 12", "a) phishing", 2.5, true)
	f.Add([]byte{}, "", "", "", 0.0, false)
	f.Add(bytes.Repeat([]byte("zzzz"), 5000), "<weird id>", "\x00lab", "\xff\xfe", -1.0, false)
	s := openTest(f)
	f.Fuzz(func(t *testing.T, raw []byte, msgID, lab, text string, down float64, review bool) {
		// Results are JSON (CONTRACT.md): their strings are valid UTF-8.
		msgID, lab, text = strings.ToValidUTF8(msgID, "?"), strings.ToValidUTF8(lab, "?"), strings.ToValidUTF8(text, "?")
		if math.IsNaN(down) || math.IsInf(down, 0) {
			down = 0
		}
		res := report(msgID, lab, "2021-02-01T00:00:00Z", "fr", mailparse.Sections{A: text, E: text})
		res.NeedsReview = review
		res.DowntimeDays = &down
		res.Thread = []string{msgID, "other@x"}
		out, err := s.Put(context.Background(), []Message{{Raw: raw, Result: res}})
		if err != nil {
			t.Fatal(err)
		}
		if out[0].Duplicate {
			return
		}
		rec, err := s.Get(context.Background(), out[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := json.Marshal(res)
		got, _ := json.Marshal(rec.Result)
		if !bytes.Equal(got, want) {
			t.Errorf("Result changed:\n got %s\nwant %s", got, want)
		}
		back, err := s.Raw(context.Background(), out[0].ID)
		if err != nil || !bytes.Equal(back, raw) {
			t.Errorf("Raw changed: %v", err)
		}
	})
}
