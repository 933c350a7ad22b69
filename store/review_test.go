package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"cyberintake/mailparse"
)

var ana = Meta{By: "ana", Reason: "read the PDF"}

// fileOne files one report of lab 42 and returns its ID.
func fileOne(t *testing.T, s *Store) uint64 {
	t.Helper()
	r := report("one@lab", "42", "2021-02-10T09:00:00Z", "fr", mailparse.Sections{A: "phishing", B: "LIS"})
	r.Tags.Cause = []string{"phishing"}
	r.DowntimeDays = ptr(1.0)
	return mustPut(t, s, msg(r, "one"))[0].ID
}

func mustCorrect(t *testing.T, s *Store, id uint64, m Meta, changes ...string) *Record {
	t.Helper()
	var cs []Change
	for _, c := range changes {
		ch, err := ParseChange(c)
		if err != nil {
			t.Fatal(err)
		}
		cs = append(cs, ch)
	}
	r, err := s.Correct(context.Background(), id, cs, m)
	if err != nil {
		t.Fatalf("Correct %v: %v", changes, err)
	}
	return r
}

func mustVerify(t *testing.T, s *Store) {
	t.Helper()
	probs, _, err := s.Verify(context.Background())
	if err != nil || len(probs) > 0 {
		t.Fatalf("Verify: %v %v", probs, err)
	}
}

func TestCorrectRoundTrip(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	id := fileOne(t, s)
	mustCorrect(t, s, id, ana, "a=phishing mail, then ransomware", "downtime_days=2,5", "tags.cause+=ransomware",
		"tags.cause-=phishing", "references=NC-1, NC-2,NC-1", "contact.email=qa@lab.example", "incident_date=2021-01")
	r, err := s.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	res := r.Result
	if res.Sections.A != "phishing mail, then ransomware" || *res.DowntimeDays != 2.5 || !slices.Equal(res.Tags.Cause, []string{"ransomware"}) ||
		!slices.Equal(res.References, []string{"NC-1", "NC-2"}) || res.Contact.Email != "qa@lab.example" || *res.IncidentDate != "2021-01" {
		t.Errorf("effective result = %+v", res)
	}
	if p := r.Parsed(); p.Sections.A != "phishing" || *p.DowntimeDays != 1 || !slices.Equal(p.Tags.Cause, []string{"phishing"}) {
		t.Errorf("parser reading changed: %+v", p)
	}
	want := []string{"a", "downtime_days", "tags.cause.ransomware", "tags.cause.phishing", "references", "contact.email", "incident_date"}
	if got := r.Corrected(); !slices.Equal(got, want) {
		t.Errorf("Corrected = %v, want %v", got, want)
	}
	c := r.Review.Corrections[1]
	if c.Old != "1" || c.Value != "2.5" || c.Against != "1" || c.By != "ana" || c.Reason != "read the PDF" || c.At.IsZero() {
		t.Errorf("downtime correction = %+v", c)
	}
	// The record bucket still holds the parser's reading.
	s.view(ctx, func(txn *bolt.Tx) error {
		raw, _ := decodeRecord(id, txn.Bucket(bRecord).Get(idKey(id)))
		if raw.Result.Sections.A != "phishing" || raw.Review != nil {
			t.Errorf("stored record was changed: %+v", raw.Result.Sections)
		}
		return nil
	})
	// Indexes and counters follow: found by the corrected tag, not the old one.
	for _, tc := range []struct {
		f    Filter
		want int
	}{
		{Filter{Tags: map[string][]string{"cause": {"ransomware"}}}, 1},
		{Filter{Tags: map[string][]string{"cause": {"phishing"}}}, 0},
		{Filter{Corrected: true}, 1},
		{Filter{Text: "ransomware"}, 1},
	} {
		got, err := s.List(ctx, tc.f)
		if err != nil || len(got) != tc.want {
			t.Errorf("List(%+v) = %d records (%v), want %d", tc.f, len(got), err, tc.want)
		}
	}
	st, _ := s.Stats(ctx)
	if st.ByTag["cause"]["ransomware"] != 1 || st.ByTag["cause"]["phishing"] != 0 || *st.MedianDowntime != 2.5 {
		t.Errorf("stats = %+v %v", st.ByTag, *st.MedianDowntime)
	}
	mustVerify(t, s)

	// A value equal to the effective one is not recorded.
	mustCorrect(t, s, id, ana, "a=phishing mail, then ransomware")
	h, _ := s.History(ctx, id)
	if len(h) != 7 {
		t.Errorf("history has %d events, want 7", len(h))
	}
}

func TestCorrectValidation(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	id := fileOne(t, s)
	before := dumpStore(t, s)
	for _, tc := range []struct {
		change string
		valid  string // one valid value the error lists
	}{
		{"tags.cause+=phising", "phishing"},
		{"tags.causes+=phishing", "tags.cause"},
		{"tags.cause=phishing", ""},
		{"language=es", "fr, nl, de, en"},
		{"downtime_days=-1", ""},
		{"downtime_days=two", ""},
		{"kind=spam", "auto_reply"},
		{"colour=red", "contact.email"},
		{"contact.email=not an address", ""},
		{"incident_date=2021-13-01", "YYYY-MM-DD or YYYY-MM"},
		{"lab=4\x1b[31m2", ""},
	} {
		t.Run(tc.change, func(t *testing.T) {
			c, err := ParseChange(tc.change)
			if err == nil {
				// A valid change first: nothing of the call may be written.
				_, err = s.Correct(ctx, id, []Change{{Field: "b", Op: OpSet, Value: "everything"}, c}, ana)
			}
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("err = %v, want ErrInvalid", err)
			}
			if !strings.Contains(err.Error(), tc.valid) {
				t.Errorf("error %q does not list %q", err, tc.valid)
			}
		})
	}
	if _, err := s.Correct(ctx, id, []Change{{Field: "b", Op: OpSet, Value: "x"}}, Meta{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("no --by: err = %v", err)
	}
	if dumpStore(t, s) != before {
		t.Error("a refused correction changed the store")
	}
}

func TestUndo(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	id := fileOne(t, s)
	mustCorrect(t, s, id, ana, "lab=43", "tags.cause+=ransomware", "tags.impact+=lis")
	r, err := s.Undo(ctx, id, "lab", Meta{By: "bob"})
	if err != nil {
		t.Fatal(err)
	}
	if r.LabKey() != "42" || r.IsCorrected("lab") {
		t.Errorf("after undo lab = %q corrected=%v", r.LabKey(), r.IsCorrected("lab"))
	}
	if r, err = s.Undo(ctx, id, "tags.cause", Meta{By: "bob"}); err != nil || r.IsCorrected("tags.cause") || !r.IsCorrected("tags.impact") {
		t.Fatalf("undo tags.cause: %v %v", err, r.Corrected())
	}
	if _, err := s.Undo(ctx, id, "lab", Meta{By: "bob"}); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "tags.impact.lis") {
		t.Errorf("second undo: %v", err)
	}
	h, _ := s.History(ctx, id)
	var acts []string
	for _, e := range h {
		acts = append(acts, e.Action+" "+e.Field+" "+e.Old+">"+e.New+" "+e.By)
	}
	want := []string{
		"correct lab 42>43 ana", "correct tags.cause.ransomware absent>present ana", "correct tags.impact.lis absent>present ana",
		"undo lab 43>42 bob", "undo tags.cause.ransomware present>absent bob",
	}
	if !slices.Equal(acts, want) {
		t.Errorf("history:\n%s\nwant:\n%s", strings.Join(acts, "\n"), strings.Join(want, "\n"))
	}
	if got, _ := s.List(ctx, Filter{Lab: "43"}); len(got) != 0 {
		t.Errorf("lab 43 still lists %d", len(got))
	}
	mustVerify(t, s)
}

// A message corrected to another lab is found under that lab and joins its
// case; one corrected from unrelated to report counts as a report.
func TestCorrectMovesIndexesAndCases(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := report("a@lab", "42", "2021-02-10T09:00:00Z", "fr", mailparse.Sections{A: "phishing"})
	b := report("b@lab", "24", "2021-02-11T09:00:00Z", "fr", mailparse.Sections{E: "NC-7"})
	u := report("u@lab", "", "2021-02-12T09:00:00Z", "fr", mailparse.Sections{})
	u.Kind = mailparse.KindUnrelated
	out := mustPut(t, s, msg(a, "a"), msg(b, "b"), msg(u, "u"))
	mustCorrect(t, s, out[1].ID, ana, "lab=42")
	mustCorrect(t, s, out[2].ID, ana, "kind=report", "lab=42", "d=MFA", "language=nl")

	c, err := s.Case(ctx, "42")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Records) != 3 || c.Answers.E == nil || c.Answers.E.Text != "NC-7" || c.Answers.D == nil || c.Answers.D.Text != "MFA" {
		t.Errorf("case = %d records, answers %+v", len(c.Records), c.Answers)
	}
	if _, err := s.Case(ctx, "24"); !errors.Is(err, ErrNotFound) {
		t.Errorf("lab 24 still has a case: %v", err)
	}
	if got, _ := s.List(ctx, Filter{Kind: mailparse.KindReport, Language: "nl"}); len(got) != 1 || got[0].ID != out[2].ID {
		t.Errorf("reports in nl = %v", got)
	}
	st, _ := s.Stats(ctx)
	if st.Reports != 3 || st.ByKind["unrelated"] != 0 || st.ByLanguage["nl"] != 1 {
		t.Errorf("stats = %+v", st)
	}
	mustVerify(t, s)
}

func TestAcceptAndQueue(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	old := report("old@lab", "42", "2021-02-01T09:00:00Z", "fr", mailparse.Sections{A: "x"})
	asks := report("asks@lab", "43", "2021-03-01T09:00:00Z", "fr", mailparse.Sections{})
	asks.NeedsReview, asks.ReviewReasons = true, []string{mailparse.ReasonTruncated}
	newer := report("new@lab", "44", "2021-02-20T09:00:00Z", "nl", mailparse.Sections{A: "y"})
	auto := report("auto@lab", "", "2021-02-02T09:00:00Z", "", mailparse.Sections{})
	auto.Kind = mailparse.KindAutoReply
	out := mustPut(t, s, msg(old, "o"), msg(asks, "a"), msg(newer, "n"), msg(auto, "x"))
	queue := func(f QueueFilter) []string {
		items, err := s.ReviewQueue(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, it := range items {
			got = append(got, it.Group+" "+it.Lab+" "+strings.Join(it.Reasons, ";")+" "+strings.Join(it.Why, ";"))
		}
		return got
	}
	want := []string{"parser_asks 43 truncated the message ends early (cut in transit or when saved)",
		"unreviewed 42  not reviewed yet", "unreviewed 44  not reviewed yet"}
	if got := queue(QueueFilter{}); !slices.Equal(got, want) {
		t.Errorf("queue = %q, want %q", got, want)
	}
	if got := queue(QueueFilter{Lab: "44"}); !slices.Equal(got, want[2:]) {
		t.Errorf("queue --lab 44 = %q", got)
	}
	n, err := s.Accept(ctx, []uint64{out[0].ID, out[1].ID}, ana)
	if err != nil || n != 2 {
		t.Fatalf("Accept = %d, %v", n, err)
	}
	if n, _ := s.Accept(ctx, []uint64{out[0].ID}, ana); n != 0 {
		t.Errorf("accepting again changed %d", n)
	}
	if got := queue(QueueFilter{}); !slices.Equal(got, want[2:]) {
		t.Errorf("queue after accept = %q", got)
	}
	r, _ := s.Get(ctx, out[0].ID)
	if !r.Reviewed() || r.Review.By != "ana" {
		t.Errorf("review = %+v", r.Review)
	}
	for _, tc := range []struct {
		f    Filter
		want int
	}{{Filter{Reviewed: true}, 2}, {Filter{Unreviewed: true}, 2}, {Filter{Unreviewed: true, Kind: mailparse.KindReport}, 1}} {
		if got, _ := s.List(ctx, tc.f); len(got) != tc.want {
			t.Errorf("List(%+v) = %d, want %d", tc.f, len(got), tc.want)
		}
	}
	if _, err := s.Accept(ctx, []uint64{out[2].ID, 999}, ana); !errors.Is(err, ErrNotFound) {
		t.Errorf("accept of a missing ID: %v", err)
	}
	if r, _ := s.Get(ctx, out[2].ID); r.Reviewed() {
		t.Error("a failed accept marked a message")
	}
	mustVerify(t, s)
}

// Reprocess keeps corrections and reviews, reports disagreements, and
// sends a reviewed message whose reading changed elsewhere back.
func TestReparseKeepsCorrections(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	id := fileOne(t, s)
	other := mustPut(t, s, msg(report("two@lab", "43", "2021-02-11T09:00:00Z", "fr", mailparse.Sections{A: "z"}), "two"))[0].ID
	mustCorrect(t, s, id, ana, "lab=42-B", "tags.cause+=ransomware")
	if _, err := s.Accept(ctx, []uint64{id, other}, ana); err != nil {
		t.Fatal(err)
	}
	// The new parser reads lab and cause otherwise, b) the same.
	res := report("one@lab", "42A", "2021-02-10T09:00:00Z", "fr", mailparse.Sections{A: "phishing", B: "LIS"})
	res.Tags.Cause = []string{"phishing", "ransomware"}
	res.DowntimeDays = ptr(1.0)
	// The other message's answer b) changed, which nobody corrected.
	res2 := report("two@lab", "43", "2021-02-11T09:00:00Z", "fr", mailparse.Sections{A: "z", B: "new"})
	rep, err := s.Reparse(ctx, []Reparsed{{id, res}, {other, res2}})
	if err != nil {
		t.Fatal(err)
	}
	want := []Disagreement{{ID: id, Field: "lab", Value: "42-B", Against: "42", ParserNow: "42A"},
		{ID: id, Field: "tags.cause.ransomware", Value: "present", Against: "absent", ParserNow: "present"}}
	if !slices.Equal(rep.Disagreements, want) || !slices.Equal(rep.Unreviewed, []uint64{other}) {
		t.Errorf("report = %+v", rep)
	}
	r, _ := s.Get(ctx, id)
	if *r.Result.Lab != "42-B" || !r.Reviewed() || *r.Parsed().Lab != "42A" {
		t.Errorf("after reparse: lab %q (parser %q), reviewed %v", *r.Result.Lab, *r.Parsed().Lab, r.Reviewed())
	}
	if r2, _ := s.Get(ctx, other); r2.Reviewed() {
		t.Error("message whose uncorrected b) changed is still reviewed")
	}
	items, _ := s.ReviewQueue(ctx, QueueFilter{})
	var groups []string
	for _, it := range items {
		groups = append(groups, it.Group)
	}
	if !slices.Equal(groups, []string{"unreviewed", "disagreement"}) || !strings.Contains(strings.Join(items[1].Why, ";"), `lab: corrected to "42-B" against "42"; the parser now reads "42A"`) {
		t.Errorf("queue = %+v", items)
	}
	mustVerify(t, s)
	// The same reading again adds nothing to the history.
	h1, _ := s.History(ctx, id)
	if _, err := s.Reparse(ctx, []Reparsed{{id, res}}); err != nil {
		t.Fatal(err)
	}
	if h2, _ := s.History(ctx, id); len(h2) != len(h1) {
		t.Errorf("history grew from %d to %d on an unchanged reparse", len(h1), len(h2))
	}
	// Accepting settles the disagreement: the correction stands against
	// the new reading.
	if _, err := s.Accept(ctx, []uint64{id}, ana); err != nil {
		t.Fatal(err)
	}
	if items, _ := s.ReviewQueue(ctx, QueueFilter{}); len(items) != 1 || items[0].ID != other {
		t.Errorf("queue after accept = %+v", items)
	}
	mustVerify(t, s)
}

func TestVerifyFindsBadReviews(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	id := fileOne(t, s)
	mustCorrect(t, s, id, ana, "lab=43")
	for _, tc := range []struct {
		name string
		edit func(d *reviewDoc) uint64
		want string
	}{
		{"orphan", func(d *reviewDoc) uint64 { return 777 }, "no such record"},
		{"rewritten history", func(d *reviewDoc) uint64 { d.History[0].New = "44"; return id }, "do not match the history"},
		{"renumbered", func(d *reviewDoc) uint64 { d.History[0].Seq = 3; return id }, "numbered 3"},
		{"state", func(d *reviewDoc) uint64 { d.State = StateReviewed; return id }, `state "reviewed"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var saved []byte
			s.update(ctx, func(tx *bolt.Tx) error {
				saved = bytes.Clone(tx.Bucket(bReview).Get(idKey(id)))
				d, _ := getReviewDoc(tx, id)
				return putReviewDoc(tx, tc.edit(d), d)
			})
			probs, _, _ := s.Verify(ctx)
			if len(probs) == 0 || !strings.Contains(probs[0].What, tc.want) {
				t.Errorf("Verify = %v, want %q", probs, tc.want)
			}
			clearDamageMark(s.path) // verify keeps writers out; this repair stands for a salvage
			s.update(ctx, func(tx *bolt.Tx) error {
				tx.Bucket(bReview).Delete(idKey(777))
				return tx.Bucket(bReview).Put(idKey(id), saved)
			})
			mustVerify(t, s)
		})
	}
}

func TestBackupKeepsCorrections(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	id := fileOne(t, s)
	mustCorrect(t, s, id, ana, "lab=43")
	var buf bytes.Buffer
	if _, err := s.Backup(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := Open(path, &Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.Get(ctx, id)
	if err != nil || r.LabKey() != "43" || !r.IsCorrected("lab") {
		t.Fatalf("backup: %v %+v", err, r)
	}
	if h, _ := c.History(ctx, id); len(h) != 1 {
		t.Errorf("backup history = %v", h)
	}
}

// Salvage copies reviews and corrections with the messages: a store rebuilt
// from a damaged one keeps people's work.
func TestSalvageKeepsReviews(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	id := fileOne(t, s)
	mustCorrect(t, s, id, ana, "lab=43", "tags.cause+=ransomware")
	other := mustPut(t, s, msg(report("two@lab", "44", "2021-02-11T09:00:00Z", "fr", mailparse.Sections{A: "z"}), "two"))[0].ID
	if _, err := s.Accept(ctx, []uint64{id, other}, ana); err != nil {
		t.Fatal(err)
	}
	// The second message's review document is damaged.
	s.update(ctx, func(tx *bolt.Tx) error { return tx.Bucket(bReview).Put(idKey(other), []byte(`{"state":`)) })
	out := filepath.Join(t.TempDir(), "salvaged.db")
	if _, err := Salvage(ctx, s.Path(), out, nil); err != nil {
		t.Fatal(err)
	}
	c, err := Open(out, nil)
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.Get(ctx, id)
	if err != nil || r.LabKey() != "43" || !r.Reviewed() || !slices.Equal(r.Corrected(), []string{"lab", "tags.cause.ransomware"}) {
		t.Fatalf("salvaged record: %v %+v", err, r.Review)
	}
	if got, _ := c.List(ctx, Filter{Lab: "43"}); len(got) != 1 {
		t.Errorf("salvaged store lists %d under the corrected lab", len(got))
	}
	if h, _ := c.History(ctx, id); len(h) != 3 {
		t.Errorf("salvaged history: %+v", h)
	}
	if r2, _ := c.Get(ctx, other); r2 == nil || r2.Reviewed() {
		t.Errorf("a damaged review document came through: %+v", r2)
	}
	mustVerify(t, c)
}
