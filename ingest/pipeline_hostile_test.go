package ingest

import (
	"context"
	"encoding/base64"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/emersion/go-imap/v2/imapclient"

	"cyberintake/mailparse"
	"cyberintake/store"
)

// hostileMailbox is 47 real replies (the corpus and some of
// testdata/replies) where message 21 has a 40 KiB Message-ID, References
// and In-Reply-To: more than bbolt takes as a key.
func hostileMailbox(t testing.TB) (msgs [][]byte, hostile int) {
	t.Helper()
	paths, _ := filepath.Glob("../testdata/corpus/*.eml")
	more, _ := filepath.Glob("../testdata/replies/*.eml")
	paths = append(paths, more...)
	if len(paths) < 47 {
		t.Fatalf("only %d sample messages", len(paths))
	}
	msgs = readFiles(t, paths[:47])
	long := strings.Repeat("x", 40<<10) + "@hostile.example"
	hostile = 20
	m := withMessageID(msgs[hostile], long)
	msgs[hostile] = append([]byte("In-Reply-To: <"+long+">\nReferences: <"+long+">\n"), m...)
	return msgs, hostile
}

// TestIngestHostileMessageID: issue 8.2, "ingest stops with 20 of 47
// filed". All 47 are filed, the hostile one with a note, and a second run
// finds all 47 again as duplicates.
func TestIngestHostileMessageID(t *testing.T) {
	msgs, hostile := hostileMailbox(t)
	mbox := filepath.Join(t.TempDir(), "hostile.mbox")
	writeFile(t, mbox, mboxrd(msgs))
	st := openStore(t)
	sum := ingest(t, st, &Options{BatchSize: 10}, mbox)
	if sum.Read != 47 || sum.Filed() != 47 || sum.Skipped != 0 {
		t.Fatalf("summary %+v, want 47 read and filed", sum)
	}
	rec, err := st.Get(context.Background(), uint64(hostile+1))
	if err != nil || len(rec.Notes) == 0 || !strings.Contains(rec.Notes[0], "Message-ID of 40976 bytes") {
		t.Errorf("hostile message filed with notes %q (%v), want one on its Message-ID", rec.Notes, err)
	}
	again := ingest(t, st, nil, mbox)
	if again.Duplicates != 47 {
		t.Errorf("second run %+v, want 47 duplicates", again)
	}
	assertFiledOnce(t, st, msgs)
}

// TestCommitQuarantines: a message whose result the store cannot keep is
// filed raw and counted as failed; the messages around it are filed.
func TestCommitQuarantines(t *testing.T) {
	st := openStore(t)
	f := NewFiler(st, &FilerOptions{Logger: quiet()})
	raws := samples(t)[:3]
	var msgs []store.Message
	for i, raw := range raws {
		m := f.Parse(Incoming{Raw: raw, Source: store.Source{Kind: "eml", Name: fmt.Sprint(i)}})
		msgs = append(msgs, m)
	}
	nan := math.NaN()
	msgs[1].Result.DowntimeDays = &nan // a parser bug JSON cannot encode
	out, err := f.Commit(context.Background(), msgs)
	if err != nil {
		t.Fatalf("Commit: %v", err)
	}
	sum := newSummary()
	sum.addBatch(msgs, out)
	if s := sum.Summary(); s.Failed != 1 || s.Filed() != 3 {
		t.Errorf("summary %+v, want 3 filed, 1 failed", s)
	}
	failed, err := st.List(context.Background(), store.Filter{Failed: true})
	if err != nil || len(failed) != 1 || failed[0].ID != out[1].ID || !strings.Contains(failed[0].Result.Error, "NaN") {
		t.Errorf("list --failed = %v, %v; want message 2 with its reason", failed, err)
	}
}

// reusedID is two different reports with one Message-ID (issue 8.4).
func reusedID() [][]byte {
	mk := func(lab, body string) []byte {
		return []byte("Message-ID: <1@localhost>\r\nFrom: quality@lab" + lab + ".example\r\nDate: Mon, 15 Feb 2021 10:00:00 +0100\r\n" +
			"Subject: Cyber attaque - labo " + lab + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
			"a) " + body + "\r\nb) laboratoire\r\nc) isolement\r\nd) formation\r\ne) NC-" + lab + "\r\n")
	}
	return [][]byte{mk("11111", "hameçonnage par courriel"), mk("22222", "rançongiciel via RDP")}
}

// TestIngestReusedMessageID: both reports are filed, neither is a
// duplicate; read again, both are.
func TestIngestReusedMessageID(t *testing.T) {
	msgs := reusedID()
	mbox := filepath.Join(t.TempDir(), "reused.mbox")
	writeFile(t, mbox, mboxrd(msgs))
	st := openStore(t)
	if sum := ingest(t, st, nil, mbox); sum.Reports != 2 || sum.Duplicates != 0 {
		t.Errorf("summary %+v, want 2 reports, no duplicate", sum)
	}
	if sum := ingest(t, st, nil, mbox); sum.Duplicates != 2 {
		t.Errorf("second run %+v, want 2 duplicates", sum)
	}
	for _, lab := range []string{"11111", "22222"} {
		if c, err := st.Case(context.Background(), lab); err != nil || len(c.Records) != 1 {
			t.Errorf("lab %s: %v", lab, err)
		}
	}
}

// TestDaemonHostileMessageID: issue 8.2, "serve retries the same batch
// forever". The good messages behind the hostile one are filed and marked.
func TestDaemonHostileMessageID(t *testing.T) {
	srv := newTestIMAP(t, "memory")
	msgs, _ := hostileMailbox(t)
	msgs = msgs[15:30]
	srv.deliver(t, "INBOX", msgs...)
	st := newTestStore(t)
	d, _ := newTestDaemon(t, srv.config(t, func(c *IMAPConfig) { c.BatchSize = 8 }), st)
	if n, err := d.Once(context.Background()); err != nil || n != len(msgs) {
		t.Fatalf("Once = %d, %v; want %d, nil", n, err, len(msgs))
	}
	assertFiledOnce(t, st, msgs)
	if got := srv.countFlag(t, "INBOX", "$Filed"); got != len(msgs) {
		t.Errorf("%d messages marked, want %d", got, len(msgs))
	}
}

// TestDaemonReusedMessageIDMoved: issue 8.4, "over IMAP with --move-to one
// is lost". Both are filed before both are moved.
func TestDaemonReusedMessageIDMoved(t *testing.T) {
	srv := newTestIMAP(t, "memory")
	msgs := reusedID()
	srv.deliver(t, "INBOX", msgs...)
	srv.run(t, func(c *imapclient.Client) error { return c.Create("Filed", nil).Wait() })
	st := newTestStore(t)
	d, log := newTestDaemon(t, srv.config(t, func(c *IMAPConfig) { c.MoveTo = "Filed" }), st)
	if _, err := d.Once(context.Background()); err != nil {
		t.Fatal(err)
	}
	if log.fresh() != 2 {
		t.Errorf("%d messages filed fresh, want 2", log.fresh())
	}
	assertFiledOnce(t, st, msgs)
	if got := srv.countFlag(t, "Filed", "$Filed"); got != 2 {
		t.Errorf("%d messages moved, want 2", got)
	}
	for _, m := range log.msgs {
		if m.Result.Kind != mailparse.KindReport {
			t.Errorf("UID %d filed as %s, want a report", m.UID, m.Result.Kind)
		}
	}
}

// TestIngestCountsTruncated: issue 12. Messages that end early at the
// MIME level (read by mailparse) and at the archive level (the reader)
// are counted in the summary; whole ones are not.
func TestIngestCountsTruncated(t *testing.T) {
	text := "a) phishing mail opened by a technologist\r\nb) LIS down two days\r\nc) network cut\r\nd) MFA and training\r\ne) NC-2021-7\r\n"
	head := "From: q@lab.example\r\nSubject: Cyber attack - lab 12345\r\nMessage-ID: <%s@lab>\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
	b64 := base64.StdEncoding.EncodeToString([]byte(text))
	tests := []struct {
		name, raw string
		truncated int
	}{
		{"whole", fmt.Sprintf(head, "whole") + "--b\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64 + "\r\n--b--\r\n", 0},
		{"no closing boundary", fmt.Sprintf(head, "noclose") + "--b\r\nContent-Type: text/plain\r\n\r\n" + text, 1},
		{"base64 cut mid-quantum", fmt.Sprintf(head, "b64") + "--b\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64[:len(b64)-3], 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "m.eml")
			writeFile(t, p, []byte(tt.raw))
			sum := ingest(t, openStore(t), nil, p)
			if sum.Reports != 1 || sum.Truncated != tt.truncated {
				t.Errorf("summary %+v, want 1 report, %d truncated", sum, tt.truncated)
			}
		})
	}
}
