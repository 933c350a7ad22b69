package store

import (
	"context"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"cyberintake/mailparse"
)

// hostileBatch is a batch of good reports with one message in the middle
// whose header values are longer than bbolt's 32 KiB key limit.
func hostileBatch(long string) []Message {
	var msgs []Message
	for i := range 5 {
		id := string(rune('a'+i)) + "@lab"
		msgs = append(msgs, msg(report(id, "1000"+string(rune('0'+i)), "2021-02-15T10:00:00Z", "fr", mailparse.Sections{A: "x"}), "body "+id))
	}
	bad := report(long+"@x", long, "2021-02-15T10:00:00Z", "fr", mailparse.Sections{A: "y"})
	bad.InReplyTo = "<" + long + "@irt>"
	bad.Thread = []string{"<" + long + "@ref>"}
	bad.Tags.Cause = []string{long}
	bad.Language = long
	bad.Kind = mailparse.Kind(long)
	return append(msgs[:2], append([]Message{msg(bad, "hostile")}, msgs[2:]...)...)
}

// TestPutBoundsLongKeys: a Message-ID, In-Reply-To, References, lab, tag,
// language or kind longer than bbolt's key limit used to fail the whole
// batch ("key too large"); now every value in a key is bounded, the batch
// is filed, and the long values are still found by the same lookups.
func TestPutBoundsLongKeys(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	long := strings.Repeat("a", 40<<10)
	msgs := hostileBatch(long)
	out, err := s.Put(ctx, msgs)
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	for i, o := range out {
		if o.Duplicate || o.Quarantined != "" {
			t.Errorf("message %d: %+v, want filed as parsed", i, o)
		}
	}
	bad := out[2].ID
	rec, err := s.Get(ctx, bad)
	if err != nil || len(rec.Notes) != 3 || !strings.Contains(rec.Notes[0], "Message-ID of 40962 bytes") {
		t.Errorf("notes of the hostile message = %q, %v; want Message-ID, reference and lab noted", rec.Notes, err)
	}
	recs, err := s.List(ctx, Filter{Lab: long})
	if err != nil || len(recs) != 1 || recs[0].ID != bad {
		t.Errorf("List by the long lab = %d records, %v; want record %d", len(recs), err, bad)
	}
	if recs, _ := s.List(ctx, Filter{Lab: long[:600]}); len(recs) != 0 {
		t.Errorf("List by a prefix of the long lab found %d records", len(recs))
	}
	if recs, _ := s.List(ctx, Filter{Tags: map[string][]string{"cause": {long}}}); len(recs) != 1 {
		t.Errorf("List by the long tag = %d records, want 1", len(recs))
	}
	// A follow-up to the long Message-ID joins the lab's case.
	follow := report("f@lab", "", "2021-02-16T10:00:00Z", "fr", mailparse.Sections{E: "ref 1"})
	follow.InReplyTo = "<" + long + "@x>"
	mustPut(t, s, msg(follow, "follow"))
	c, err := s.Case(ctx, long)
	if err != nil || len(c.Records) != 2 {
		t.Errorf("Case of the long lab: %v; want the report and its follow-up", err)
	}
	// The long Message-ID deduplicates: the same mail with a server header.
	again := msgs[2]
	again.Raw = append([]byte("Received: by imap\r\n"), again.Raw...)
	if o := mustPut(t, s, again); !o[0].Duplicate || o[0].ID != bad {
		t.Errorf("same long-ID mail again: %+v, want a duplicate of %d", o[0], bad)
	}
	assertVerified(t, s)
	st, err := s.Stats(ctx)
	if err != nil || st.Total != 7 {
		t.Errorf("Stats = %+v, %v; want 7 messages", st, err)
	}
}

// TestPutQuarantinesUnstorable: a message whose parsed result cannot be
// stored is filed raw as failed, with the reason, and the rest of the batch
// is filed as usual. Two ways in: a result that does not encode (a NaN
// downtime), and a key bbolt refuses (bounding switched off, as if a
// future index forgot it).
func TestPutQuarantinesUnstorable(t *testing.T) {
	tests := []struct {
		name   string
		bound  int // maxKeyValue during the test
		poison func(r *mailparse.Result)
		reason string
	}{
		{"NaN downtime", maxKeyValue, func(r *mailparse.Result) { r.DowntimeDays = ptr(math.NaN()) }, "unsupported value"},
		{"key too large", 1 << 20, func(r *mailparse.Result) { r.MessageID = strings.Repeat("m", 40<<10) }, "key too large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func(old int) { maxKeyValue = old }(maxKeyValue)
			maxKeyValue = tt.bound
			s := openTest(t)
			ctx := context.Background()
			msgs := hostileBatch("short")
			bad := report("bad@x", "66666", "", "fr", mailparse.Sections{A: "z"})
			tt.poison(bad)
			msgs[2] = Message{Raw: rawFor("bad@x", "poison"), Result: bad, Source: Source{Kind: "mbox", Name: "in.mbox"}}
			out, err := s.Put(ctx, msgs, SourceState{Key: "box", LastUID: 9})
			if err != nil {
				t.Fatalf("Put: %v", err)
			}
			for i, o := range out {
				if q := o.Quarantined != ""; q != (i == 2) || o.Duplicate || o.ID == 0 {
					t.Errorf("message %d: %+v", i, o)
				}
			}
			if !strings.Contains(out[2].Quarantined, tt.reason) {
				t.Errorf("reason %q, want it to say %q", out[2].Quarantined, tt.reason)
			}
			failed, err := s.List(ctx, Filter{Failed: true})
			if err != nil || len(failed) != 1 || failed[0].ID != out[2].ID || !strings.Contains(failed[0].Result.Error, tt.reason) {
				t.Errorf("list --failed = %+v, %v; want the quarantined message with its reason", failed, err)
			}
			if raw, err := s.Raw(ctx, out[2].ID); err != nil || string(raw) != string(msgs[2].Raw) {
				t.Errorf("raw of the quarantined message = %q, %v", raw, err)
			}
			if st, ok, _ := s.SourceState(ctx, "box"); !ok || st.LastUID != 9 {
				t.Errorf("source state not saved with the batch")
			}
			if o := mustPut(t, s, msgs[2]); !o[0].Duplicate {
				t.Errorf("the quarantined message read again is not a duplicate")
			}
			assertVerified(t, s)
		})
	}
}

// TestMessageIDReuse: two different reports with the same Message-ID
// (issue 8: "<1@localhost>") are both filed; each one's later copy from
// another mailbox is its duplicate.
func TestMessageIDReuse(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	mk := func(lab, body string) Message {
		raw := "Message-ID: <1@localhost>\r\nFrom: lab" + lab + "@example\r\nSubject: Cyber attaque - labo " + lab + "\r\n\r\n" + body + "\r\n"
		return Message{Raw: []byte(raw), Result: report("<1@localhost>", lab, "", "fr", mailparse.Sections{A: body})}
	}
	a, b := mk("11111", "phishing"), mk("22222", "ransomware")
	c := mk("33333", "usb key")
	out := mustPut(t, s, a, b)
	if out[0].Duplicate || out[1].Duplicate || out[1].ID == out[0].ID || out[1].SameMessageID != out[0].ID {
		t.Fatalf("outcomes %+v: want two records, the second noting the first", out)
	}
	rec, _ := s.Get(ctx, out[1].ID)
	if n := strings.Join(rec.Notes, "\n"); !strings.Contains(n, "Message-ID also used by message") {
		t.Errorf("notes of the second = %q, want one on the reused Message-ID", n)
	}
	// Later copies, as an IMAP server or an mbox export would have them.
	imapCopy := func(m Message) Message {
		m.Raw = append([]byte("Received: from mx by imap\r\nX-Spam: no\r\n"), m.Raw...)
		return m
	}
	mbox := func(m Message) Message {
		m.Raw = append([]byte("From x Mon Feb 15 10:00:00 2021\n"), strings.ReplaceAll(string(m.Raw), "\r\n", "\n")...)
		return m
	}
	again := mustPut(t, s, imapCopy(a), imapCopy(b), mbox(b), c, imapCopy(c))
	want := []struct {
		dup bool
		id  uint64
	}{{true, out[0].ID}, {true, out[1].ID}, {true, out[1].ID}, {false, 0}, {true, 0}}
	for i, w := range want {
		if again[i].Duplicate != w.dup || w.id != 0 && again[i].ID != w.id {
			t.Errorf("copy %d: %+v, want duplicate %v of %d", i, again[i], w.dup, w.id)
		}
	}
	if again[4].ID != again[3].ID {
		t.Errorf("the third report's copy points at %d, want %d", again[4].ID, again[3].ID)
	}
	st, _ := s.Stats(ctx)
	if st.Reports != 3 {
		t.Errorf("%d reports filed, want 3", st.Reports)
	}
	assertVerified(t, s)
}

// TestMigrateLongKeys: a schema 2 store holding keys written unbounded (a
// long lab and Message-ID under the 32 KiB limit) is migrated, and the
// long values are found again.
func TestMigrateLongKeys(t *testing.T) {
	long := strings.Repeat("l", 2000)
	s := openTest(t)
	ctx := context.Background()
	defer func(old int) { maxKeyValue = old }(maxKeyValue)
	maxKeyValue = 1 << 20 // write the way schema 2 did
	out := mustPut(t, s, msg(report(long+"@x", long, "", "fr", mailparse.Sections{A: "x"}), "m"))
	err := s.update(ctx, func(tx *bolt.Tx) error { return tx.Bucket(bMeta).Put(keySchema, []byte{0, 0, 0, 2}) })
	if err != nil {
		t.Fatal(err)
	}
	maxKeyValue = 512
	m, err := Open(s.path, nil)
	if err != nil {
		t.Fatalf("migrating Open: %v", err)
	}
	assertVerified(t, m)
	if recs, err := m.List(ctx, Filter{Lab: long}); err != nil || len(recs) != 1 || recs[0].ID != out[0].ID {
		t.Errorf("List by the long lab after migration = %v, %v", recs, err)
	}
	dup := msg(report(long+"@x", long, "", "fr", mailparse.Sections{A: "x"}), "m")
	dup.Raw = append([]byte("Received: by x\r\n"), dup.Raw...)
	if o := mustPut(t, m, dup); !o[0].Duplicate {
		t.Errorf("long Message-ID not found after migration")
	}
}

// FuzzPut files hostile Results (huge, odd, NUL-laden or invalid UTF-8
// strings in every indexed field) beside a good message: Put never fails
// the batch, the good message is filed as parsed, and Verify stays clean.
func FuzzPut(f *testing.F) {
	f.Add("1@localhost", "12345", "fr", "phishing", "report", "<a@b>", 0, 1.5)
	f.Add("\x00", "\xff\xfe", "", "\x00=\x00", "", "\x00", 40<<10, math.Inf(1))
	f.Add("", "", "xx", "", "bounce", "", 33000, math.NaN())
	f.Fuzz(func(t *testing.T, msgID, lab, lang, tag, kind, ref string, repeat int, down float64) {
		grow := func(s string) string {
			if repeat <= 0 || len(s) == 0 {
				return s
			}
			return strings.Repeat(s, min(repeat, 64<<10)/len(s)+1)
		}
		res := report(grow(msgID), grow(lab), "2021-02-15T10:00:00Z", grow(lang), mailparse.Sections{A: grow(tag)})
		res.Kind = mailparse.Kind(grow(kind))
		res.InReplyTo = grow(ref)
		res.Thread = []string{grow(ref) + "x", ref}
		res.Tags.Cause = []string{grow(tag), tag}
		res.Tags.Impact = []string{tag}
		res.DowntimeDays = &down
		res.Subject = grow(lab)
		good := msg(report("good@x", "1", "", "fr", mailparse.Sections{A: "ok"}), "good")
		hostile := Message{Raw: []byte("Message-ID: <" + msgID + ">\r\n\r\n" + lab + "\r\n"), Result: res}
		s := openTest(t)
		out, err := s.Put(context.Background(), []Message{hostile, good, hostile})
		if err != nil {
			t.Fatalf("Put failed the batch: %v", err)
		}
		if out[1].Duplicate || out[1].Quarantined != "" || !out[2].Duplicate {
			t.Errorf("outcomes %+v", out)
		}
		rec, err := s.Get(context.Background(), out[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if out[0].Quarantined == "" && rec.Result.Error != "" || out[0].Quarantined != "" && !utf8.ValidString(rec.Result.Error) {
			t.Errorf("hostile record error %q, quarantined %q", rec.Result.Error, out[0].Quarantined)
		}
		assertVerified(t, s)
	})
}
