package store

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	bolt "go.etcd.io/bbolt"

	"cyberintake/mailparse"
)

func TestPutGetRaw(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	res := report("a1@lab", "12345", "2021-02-15T10:00:00+01:00", "fr", mailparse.Sections{A: "hameçonnage", E: "NC-2021-014"})
	m := msg(res, "bonjour")
	out := mustPut(t, s, m)
	if len(out) != 1 || out[0].Duplicate || out[0].ID == 0 {
		t.Fatalf("outcome = %+v, want one new record", out)
	}
	rec, err := s.Get(ctx, out[0].ID)
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	want, _ := json.Marshal(res)
	got, _ := json.Marshal(rec.Result)
	if !bytes.Equal(got, want) {
		t.Errorf("Result after round trip:\n got %s\nwant %s", got, want)
	}
	if rec.ParserVersion != mailparse.Version || rec.Source != m.Source || rec.ID != out[0].ID {
		t.Errorf("record = %+v", rec)
	}
	raw, err := s.Raw(ctx, out[0].ID)
	if err != nil || !bytes.Equal(raw, m.Raw) {
		t.Errorf("Raw = %q, %v; want %q", raw, err, m.Raw)
	}
	if _, err := s.Get(ctx, 999); err == nil {
		t.Errorf("Get(999) succeeded")
	}
}

func TestPutDeduplicates(t *testing.T) {
	s := openTest(t)
	a := msg(report("a@x", "1", "", "fr", mailparse.Sections{A: "x"}), "one")
	b := msg(report("b@x", "2", "", "nl", mailparse.Sections{A: "y"}), "two")
	// Same Message-ID, other bytes: the same mail read from IMAP and an mbox.
	a2 := a
	a2.Raw = append([]byte("Return-Path: <x@y>\r\n"), a.Raw...)
	// No Message-ID: the hash alone decides.
	noID := report("", "3", "", "de", mailparse.Sections{})
	c := Message{Raw: []byte("Subject: no id\r\n\r\nbody\r\n"), Result: noID}
	c2 := Message{Raw: []byte("Subject: no id\r\n\r\nother body\r\n"), Result: noID}

	out := mustPut(t, s, a, b, a, a2, c, c, c2)
	wantDup := []bool{false, false, true, true, false, true, false}
	for i, o := range out {
		if o.Duplicate != wantDup[i] {
			t.Errorf("message %d: duplicate = %v, want %v", i, o.Duplicate, wantDup[i])
		}
	}
	if out[2].ID != out[0].ID || out[3].ID != out[0].ID || out[5].ID != out[4].ID {
		t.Errorf("duplicates point at %d %d %d, want %d %d %d", out[2].ID, out[3].ID, out[5].ID, out[0].ID, out[0].ID, out[4].ID)
	}
	before := dumpStore(t, s)
	again := mustPut(t, s, a, b, c, c2)
	for i, o := range again {
		if !o.Duplicate {
			t.Errorf("second ingest, message %d not a duplicate", i)
		}
	}
	if after := dumpStore(t, s); after != before {
		t.Errorf("filing the same messages again changed the store")
	}
	st, err := s.Stats(context.Background())
	if err != nil || st.Total != 4 {
		t.Errorf("Stats total = %v, %v; want 4", st, err)
	}
}

func TestPutKeepsFailures(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	failed := mailparse.Failed("bad.eml", errString("truncated MIME"))
	out := mustPut(t, s,
		Message{Raw: []byte("garbage\x00\x01"), Result: failed},
		Message{Raw: []byte("not parsed at all")},
	)
	for _, o := range out {
		rec, err := s.Get(ctx, o.ID)
		if err != nil {
			t.Fatalf("Get %d: %v", o.ID, err)
		}
		if !rec.Failed() {
			t.Errorf("record %d not marked failed: %+v", o.ID, rec.Result)
		}
	}
	recs, err := s.List(ctx, Filter{Failed: true})
	if err != nil || len(recs) != 2 {
		t.Fatalf("List failed = %d records, %v; want 2", len(recs), err)
	}
	if recs[0].Result.Error != "truncated MIME" {
		t.Errorf("error kept = %q", recs[0].Result.Error)
	}
}

type errString string

func (e errString) Error() string { return string(e) }

func TestSourceState(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if _, ok, err := s.SourceState(ctx, "box"); ok || err != nil {
		t.Fatalf("SourceState of nothing = %v, %v", ok, err)
	}
	st := SourceState{Key: "box", UIDValidity: 7, LastUID: 42}
	if _, err := s.Put(ctx, nil, st); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.SourceState(ctx, "box")
	if !ok || err != nil || got.UIDValidity != 7 || got.LastUID != 42 {
		t.Errorf("SourceState = %+v, %v, %v", got, ok, err)
	}
	// The pending marks travel with the state, and an empty set clears them.
	st.Unmarked = "3:7,9"
	if _, err := s.Put(ctx, []Message{msg(report("u@x", "1", "", "fr", mailparse.Sections{A: "x"}), "b")}, st); err != nil {
		t.Fatal(err)
	}
	if got, _, err := s.SourceState(ctx, "box"); err != nil || got.Unmarked != "3:7,9" {
		t.Errorf("Unmarked after Put = %q, %v; want 3:7,9", got.Unmarked, err)
	}
	st.Unmarked = ""
	if _, err := s.Put(ctx, nil, st); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := s.SourceState(ctx, "box"); got.Unmarked != "" {
		t.Errorf("Unmarked after clearing = %q", got.Unmarked)
	}
}

// A state written before Unmarked existed still decodes (as none pending),
// and one written now stays readable by such a build (unknown JSON fields
// are ignored), so the field needs no schema migration.
func TestSourceStateWithoutUnmarked(t *testing.T) {
	s := openTest(t)
	old := []byte(`{"key":"box","uid_validity":7,"last_uid":42,"synced_at":"2021-02-15T10:00:00Z"}`)
	err := s.update(context.Background(), func(tx *bolt.Tx) error { return tx.Bucket(bSource).Put([]byte("box"), old) })
	if err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.SourceState(context.Background(), "box")
	if !ok || err != nil || got.LastUID != 42 || got.Unmarked != "" {
		t.Errorf("old state = %+v, %v, %v", got, ok, err)
	}
	b, _ := json.Marshal(SourceState{Key: "box", LastUID: 42})
	if bytes.Contains(b, []byte("unmarked")) {
		t.Errorf("empty Unmarked encoded: %s", b)
	}
}

func TestUpdateReindexes(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	failed := mailparse.Failed("x.eml", errString("boom"))
	out := mustPut(t, s, Message{Raw: rawFor("u@x", "b"), Result: failed})
	id := out[0].ID
	fixed := report("u@x", "LABO-7", "2021-03-01T00:00:00Z", "nl", mailparse.Sections{A: "phishing mail"})
	fixed.Tags.Cause = []string{"phishing"}
	if err := s.Update(ctx, []Reparsed{{ID: id, Result: fixed}}); err != nil {
		t.Fatalf("Update: %v", err)
	}
	if recs, _ := s.List(ctx, Filter{Failed: true}); len(recs) != 0 {
		t.Errorf("still listed as failed after a good reparse")
	}
	recs, err := s.List(ctx, Filter{Lab: "labo‐7", Tags: map[string][]string{"cause": {"phishing"}}})
	if err != nil || len(recs) != 1 || recs[0].ID != id {
		t.Errorf("List by lab and tag after Update = %v, %v", recs, err)
	}
	st, _ := s.Stats(ctx)
	if st.Failed != 0 || st.Reports != 1 || st.ByTag["cause"]["phishing"] != 1 || st.ByLanguage["nl"] != 1 {
		t.Errorf("stats after Update = %+v", st)
	}
	// The Message-ID found by the new parse now deduplicates (the same
	// mail with a header its server added).
	if o := mustPut(t, s, Message{Raw: append([]byte("Received: by imap.example\r\n"), rawFor("u@x", "b")...), Result: fixed}); !o[0].Duplicate {
		t.Errorf("same Message-ID after reparse not a duplicate")
	}
	if probs, _, err := s.Verify(ctx); err != nil || len(probs) != 0 {
		t.Errorf("Verify = %v, %v", probs, err)
	}
}

// TestPackAhead: a message packed before Put is filed exactly as one Put
// packs itself (same raw bytes back, same hash, same duplicates), so
// callers may pack on their own goroutines.
func TestPackAhead(t *testing.T) {
	ctx := context.Background()
	a := msg(report("a@x", "1", "", "fr", mailparse.Sections{A: "x"}), "one")
	noID := Message{Raw: []byte("From x\nSubject: no id\n\nbody\n"), Result: report("", "3", "", "de", mailparse.Sections{})}
	crlf := Message{Raw: []byte("Subject: no id\r\n\r\nbody\r\n"), Result: noID.Result} // noID over IMAP
	plain, packed := openTest(t), openTest(t)
	outPlain := mustPut(t, plain, a, noID, crlf)
	pa, pn, pc := a, noID, crlf
	for _, m := range []*Message{&pa, &pn, &pc} {
		m.Pack()
	}
	outPacked := mustPut(t, packed, pa, pn, pc, a)
	if len(outPacked) != 4 || !outPacked[2].Duplicate || !outPacked[3].Duplicate || outPacked[0].Duplicate {
		t.Fatalf("packed outcomes = %+v, want new, new, duplicate, duplicate", outPacked)
	}
	for i, o := range outPlain {
		if o != outPacked[i] {
			t.Errorf("message %d: packed outcome %+v, unpacked %+v", i, outPacked[i], o)
		}
		if o.Duplicate {
			continue
		}
		r1, err1 := plain.Get(ctx, o.ID)
		r2, err2 := packed.Get(ctx, o.ID)
		raw, err3 := packed.Raw(ctx, o.ID)
		if err1 != nil || err2 != nil || err3 != nil {
			t.Fatal(err1, err2, err3)
		}
		if r1.Hash != r2.Hash || !bytes.Equal(raw, []Message{a, noID}[i].Raw) {
			t.Errorf("message %d: hash %s vs %s, raw %q", i, r1.Hash, r2.Hash, raw)
		}
	}
	if rep, n, err := packed.Verify(ctx); err != nil || len(rep) > 0 || n != 2 {
		t.Errorf("Verify after packed Put: %+v, %d records, %v; want none, 2", rep, n, err)
	}
}
