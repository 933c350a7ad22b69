package store

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"cyberintake/mailparse"
)

// truncatedPair is a multipart report and a copy of it cut before its
// closing boundary, as the last message of a cut mbox.
func truncatedPair() (whole, cut []byte) {
	whole = []byte("Message-ID: <cut@lab>\nFrom: q@lab.example\nSubject: Cyber attaque - labo 12345\n" +
		"Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\na) phishing\nb) lab\n" +
		"c) isolated\nd) training\n--b\nContent-Type: text/plain\n\ne) NC-1\n--b--\n")
	return whole, whole[:bytes.Index(whole, []byte("d) training"))]
}

// TestTruncatedReplacedByComplete: issue 12. A truncated message is filed
// flagged for review; its complete copy, read later (here over IMAP, with
// CRLF), replaces it in the same record instead of being a duplicate;
// reading the truncated copy again is a duplicate.
func TestTruncatedReplacedByComplete(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	whole, cut := truncatedPair()
	res := report("cut@lab", "12345", "", "en", mailparse.Sections{A: "phishing"})
	first := mustPut(t, s, Message{Raw: cut, Result: res, Source: Source{Kind: "mbox", Name: "cut.mbox"}, Truncated: "the mbox ends inside this message"})
	id := first[0].ID
	rec, _ := s.Get(ctx, id)
	if !rec.Result.NeedsReview || !slices.Contains(rec.Result.ReviewReasons, mailparse.ReasonTruncated) || rec.Truncated == "" {
		t.Fatalf("truncated message filed as %+v, want flagged truncated", rec)
	}
	if l, _ := s.List(ctx, Filter{NeedsReview: true}); len(l) != 1 {
		t.Errorf("needs-review lists %d, want the truncated message", len(l))
	}

	full := report("cut@lab", "12345", "", "en", mailparse.Sections{A: "phishing", D: "training", E: "NC-1"})
	imap := bytes.ReplaceAll(whole, []byte("\n"), []byte("\r\n"))
	out := mustPut(t, s, Message{Raw: imap, Result: full, Source: Source{Kind: "imap", Name: "ql/INBOX", UID: 7}})
	if !out[0].Replaced || out[0].Duplicate || out[0].ID != id {
		t.Fatalf("complete copy: %+v, want it to replace record %d", out[0], id)
	}
	rec, _ = s.Get(ctx, id)
	raw, _ := s.Raw(ctx, id)
	switch {
	case !bytes.Equal(raw, imap):
		t.Errorf("raw after replacement is not the complete copy")
	case rec.Result.NeedsReview || rec.Truncated != "" || rec.Result.Sections.E != "NC-1":
		t.Errorf("record after replacement %+v, want the complete reading", rec)
	case len(rec.Replaced) != 1 || rec.Replaced[0].Size != len(cut) || rec.Replaced[0].Source.Name != "cut.mbox" || rec.Replaced[0].Truncated == "":
		t.Errorf("replacement recorded as %+v", rec.Replaced)
	case !rec.FiledAt.Equal(rec.Replaced[0].FiledAt):
		t.Errorf("filing time changed from %v to %v", rec.Replaced[0].FiledAt, rec.FiledAt)
	}
	if l, _ := s.List(ctx, Filter{NeedsReview: true}); len(l) != 0 {
		t.Errorf("needs-review still lists %d", len(l))
	}
	again := mustPut(t, s, Message{Raw: cut, Result: res, Truncated: "cut"}, Message{Raw: whole, Result: full})
	if !again[0].Duplicate || !again[1].Duplicate || again[0].ID != id || again[1].ID != id {
		t.Errorf("both copies again: %+v, want duplicates of %d", again, id)
	}
	if st, _ := s.Stats(ctx); st.Total != 1 || st.NeedsReview != 0 {
		t.Errorf("stats %+v, want one message, none to review", st)
	}
	assertVerified(t, s)
}

// TestTruncatedAfterComplete: a cut copy read after the complete one is
// its duplicate, not a second message.
func TestTruncatedAfterComplete(t *testing.T) {
	s := openTest(t)
	whole, cut := truncatedPair()
	res := report("cut@lab", "12345", "", "en", mailparse.Sections{A: "phishing"})
	out := mustPut(t, s, Message{Raw: whole, Result: res}, Message{Raw: cut, Result: res, Truncated: "cut"})
	if out[0].Duplicate || !out[1].Duplicate || out[1].ID != out[0].ID {
		t.Errorf("outcomes %+v, want the cut copy a duplicate", out)
	}
	assertVerified(t, s)
}

// TestReprocessKeepsTruncated: a reparse does not see where the source
// was cut (an mbox cut at a line boundary leaves a well-formed message):
// the flag stays.
func TestReprocessKeepsTruncated(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	_, cut := truncatedPair()
	out := mustPut(t, s, Message{Raw: cut, Result: report("cut@lab", "1", "", "en", mailparse.Sections{}), Truncated: "cut"})
	if err := s.Update(ctx, []Reparsed{{ID: out[0].ID, Result: report("cut@lab", "1", "", "en", mailparse.Sections{A: "x"})}}); err != nil {
		t.Fatal(err)
	}
	rec, _ := s.Get(ctx, out[0].ID)
	if !rec.Result.NeedsReview || !strings.Contains(strings.Join(rec.Result.ReviewReasons, ","), mailparse.ReasonTruncated) {
		t.Errorf("after reprocess %+v, want still flagged truncated", rec.Result)
	}
	assertVerified(t, s)
}
