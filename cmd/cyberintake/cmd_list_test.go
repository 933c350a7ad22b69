package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"cyberintake/classify"
	"cyberintake/mailparse"
	"cyberintake/store"
)

// fixture is a store with known content, built through the store API so
// that these tests do not depend on the parser's current quality.
type fixture struct {
	db  string
	ids map[string]uint64
	raw map[string][]byte
}

func testResult(msgID, lab, date, lang string, sec mailparse.Sections) *mailparse.Result {
	r := &mailparse.Result{File: msgID + ".eml", MessageID: msgID, From: "qualite@lab.example", Date: date,
		Subject: "Cyber attaque – labo " + lab, Kind: mailparse.KindReport, Language: lang, Sections: sec,
		References: []string{}, Attachments: []mailparse.Attachment{}, Warnings: []string{},
		Tags: classify.Tags{Cause: []string{}, Impact: []string{}, Response: []string{}, Prevention: []string{}}}
	if lab != "" {
		r.Lab = &lab
	}
	return r
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	fx := &fixture{db: filepath.Join(t.TempDir(), "store.db"), ids: map[string]uint64{}, raw: map[string][]byte{}}
	st, err := store.Open(fx.db, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	first := testResult("first@lab", "12345", "2021-02-10T09:00:00+01:00", "fr",
		mailparse.Sections{A: "Un courriel de phishing,\nsuivi d'un rançongiciel", B: "- LIS arrêté", C: "plan dégradé", D: "=MFA pour tous"})
	first.Tags.Cause = []string{"phishing", "ransomware"}
	first.Tags.Impact = []string{"lis"}
	first.DowntimeDays = ptr(2.0)
	first.Contact = mailparse.Contact{Name: "Dr Dupont", Email: "dupont@lab.example", Phone: "+32 2 123 45 67"}
	followUp := testResult("second@lab", "", "2021-03-01T10:00:00Z", "fr", mailparse.Sections{E: "NC-2021-014"})
	followUp.InReplyTo = "first@lab"
	followUp.References = []string{"NC-2021-014"}
	nl := testResult("nl@lab", "LABO-77", "2021-02-20T12:00:00Z", "nl", mailparse.Sections{A: "Ransomware via RDP"})
	nl.Tags.Cause = []string{"ransomware", "remote_access"}
	nl.NeedsReview = true
	auto := testResult("auto@lab", "", "2021-02-11T00:00:00Z", "", mailparse.Sections{})
	auto.Kind = mailparse.KindAutoReply
	bad := mailparse.Failed("bad.eml", fmt.Errorf("truncated MIME structure"))
	for _, it := range []struct {
		name string
		res  *mailparse.Result
	}{{"first", first}, {"followup", followUp}, {"nl", nl}, {"auto", auto}, {"bad", bad}} {
		raw := []byte(fmt.Sprintf("Message-ID: <%s>\r\nSubject: %s\r\n\r\nbody of %s\r\n", it.res.MessageID, it.res.Subject, it.name))
		out, err := st.Put(context.Background(), []store.Message{{Raw: raw, Result: it.res, Source: store.Source{Kind: "eml", Name: it.name + ".eml"}}})
		if err != nil {
			t.Fatal(err)
		}
		fx.ids[it.name], fx.raw[it.name] = out[0].ID, raw
	}
	return fx
}

func ptr[T any](v T) *T { return &v }

// run runs cyberintake --db fx.db args... in-process.
func (fx *fixture) run(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return execCLI(t, append([]string{"--db", fx.db, "--log-format", "text"}, args...)...)
}

// execCLI runs the command line in-process like main does; stderr holds
// the logs and the error message run prints.
func execCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	root := newRootCommand()
	root.SetArgs(args)
	root.SetOut(&out)
	root.SetErr(&errb)
	root.SetIn(strings.NewReader(""))
	err := root.ExecuteContext(context.Background())
	code = exitOK
	if err != nil {
		code = reportError(&errb, err)
	}
	return out.String(), errb.String(), code
}

func (fx *fixture) id(name string) string { return fmt.Sprint(fx.ids[name]) }

func TestList(t *testing.T) {
	fx := newFixture(t)
	for _, tc := range []struct {
		name string
		args []string
		want []string // record names, in order
	}{
		{"everything, oldest first", nil, []string{"first", "auto", "nl", "followup", "bad"}},
		{"lab", []string{"--lab", "labo–77"}, []string{"nl"}},
		{"tag", []string{"--tag", "cause=ransomware"}, []string{"first", "nl"}},
		{"two tags", []string{"--tag", "cause=ransomware", "--tag", "cause=remote_access"}, []string{"nl"}},
		{"since and until, days included", []string{"--since", "2021-02-11", "--until", "2021-02-20"}, []string{"auto", "nl"}},
		{"RFC 3339 bound", []string{"--since", "2021-02-10T08:00:01Z"}, []string{"auto", "nl", "followup", "bad"}},
		{"language and kind", []string{"--language", "fr", "--kind", "report"}, []string{"first", "followup"}},
		{"needs review", []string{"--needs-review"}, []string{"nl"}},
		{"failed", []string{"--failed"}, []string{"bad"}},
		{"text", []string{"--text", "PHISHING rançongiciel"}, []string{"first"}},
		{"text, words unquoted", []string{"--text", "ransomware", "rdp"}, []string{"nl"}},
		{"lab without dashes, dots or spaces", []string{"--lab", "Labo.77"}, []string{"nl"}},
		{"tag in capitals", []string{"--tag", "Cause=Ransomware"}, []string{"first", "nl"}},
		{"language in capitals", []string{"--language", "NL"}, []string{"nl"}},
		{"limit", []string{"--limit", "2"}, []string{"first", "auto"}},
		{"newest first", []string{"--reverse", "--limit", "2", "--kind", "report"}, []string{"followup", "nl"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := fx.run(t, append([]string{"list", "--json"}, tc.args...)...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var recs []store.Record
			if err := json.Unmarshal([]byte(out), &recs); err != nil {
				t.Fatalf("list --json is not a JSON array of records: %v\n%s", err, out)
			}
			var got, want []uint64
			for _, r := range recs {
				got = append(got, r.ID)
			}
			for _, n := range tc.want {
				want = append(want, fx.ids[n])
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("IDs %v, want %v (%v)", got, want, tc.want)
			}
			// The table lists the same records, one line each after the head.
			table, _, _ := fx.run(t, append([]string{"list"}, tc.args...)...)
			lines := strings.Split(strings.TrimSpace(table), "\n")
			if len(lines) != len(want)+1 {
				t.Errorf("table has %d lines, want head + %d:\n%s", len(lines), len(want), table)
			}
		})
	}
}

func TestListTable(t *testing.T) {
	fx := newFixture(t)
	out, _, code := fx.run(t, "list")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(out, "\n")
	if !strings.HasPrefix(lines[0], "ID  DATE        FLAGS   LAB      LANG  KIND") {
		t.Errorf("head = %q", lines[0])
	}
	first := lines[1]
	for _, want := range []string{fx.id("first"), "2021-02-10", "12345", "fr", "report", "2 d", "cause=phishing,ransomware impact=lis"} {
		if !strings.Contains(first, want) {
			t.Errorf("first row %q lacks %q", first, want)
		}
	}
	// Columns line up: DATE starts at the same place in every row.
	col := strings.Index(lines[0], "DATE")
	for _, l := range lines[1 : len(lines)-1] {
		if l[col-2:col] != "  " || l[col] == ' ' {
			t.Errorf("row not aligned under DATE: %q", l)
		}
	}
	if !strings.Contains(out, "FAILED") || !strings.Contains(out, "review") {
		t.Errorf("flags missing:\n%s", out)
	}
	empty, _, _ := fx.run(t, "list", "--lab", "nobody")
	if !strings.Contains(empty, "(no messages match)") {
		t.Errorf("empty list says %q", empty)
	}
	if js, _, _ := fx.run(t, "list", "--json", "--lab", "nobody"); strings.TrimSpace(js) != "[]" {
		t.Errorf("empty list --json = %q, want []", js)
	}
}

func TestListBadUsage(t *testing.T) {
	fx := newFixture(t)
	for _, args := range [][]string{
		{"--tag", "phishing"}, {"--tag", "colour=red"}, {"--since", "15/02/2021"}, {"--kind", "spam"},
		{"ransomware"},
	} {
		_, errOut, code := fx.run(t, append([]string{"list"}, args...)...)
		if code != exitUsage || !strings.Contains(errOut, args[0]) {
			t.Errorf("list %v: exit %d, %q; want usage error naming the flag", args, code, errOut)
		}
	}
	// A value that exists nowhere is not "(no messages match)": the
	// error lists the valid ones.
	for _, tc := range []struct{ args, want []string }{
		{[]string{"--tag", "cause=fishing"}, []string{`no label "fishing" in cause`, "phishing, ransomware, malware"}},
		{[]string{"--language", "xx"}, []string{`--language "xx": want one of fr, nl, de, en`}},
		{[]string{"--kind", "spam"}, []string{"report, auto_reply, bounce, unrelated"}},
	} {
		_, errOut, code := fx.run(t, append([]string{"list"}, tc.args...)...)
		for _, w := range tc.want {
			if code != exitUsage || !strings.Contains(errOut, w) {
				t.Errorf("list %v: exit %d, %q; want 2 and %q", tc.args, code, errOut, w)
			}
		}
	}
}

// TestListFitsWidth: on an 80-column terminal the table stays within 80
// columns and the flags (review, FAILED) stay in view; in a pipe nothing
// is cut.
func TestListFitsWidth(t *testing.T) {
	fx := newFixture(t)
	st, err := store.Open(fx.db, nil)
	if err != nil {
		t.Fatal(err)
	}
	long := testResult("long@lab", "Klinisch Laboratorium Ourthe-Amblève Ziekenhuis", "2021-02-12T09:00:00Z", "nl", mailparse.Sections{A: "x"})
	long.Tags = classify.Tags{Cause: []string{"phishing", "ransomware", "remote_access", "credentials"}, Impact: []string{"lis", "analyzers", "results", "email"},
		Response: []string{"degraded_mode", "paper", "backup_restore"}, Prevention: []string{"mfa", "backup", "segmentation", "training"}}
	long.NeedsReview = true
	long.DowntimeDays = ptr(5.0 / 3)
	if _, err := st.Put(context.Background(), []store.Message{{Raw: []byte("Message-ID: <long@lab>\r\n\r\nx\r\n"), Result: long}}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	out, _, code := fx.run(t, "list", "--width", "80")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	var row string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if n := utf8.RuneCountInString(l); n > 80 {
			t.Errorf("line of %d columns: %q", n, l)
		}
		if strings.Contains(l, "Klinisch") {
			row = l
		}
	}
	for _, want := range []string{"review", "1.7 d", "cause=phishing", "…"} {
		if !strings.Contains(row, want) {
			t.Errorf("80-column row lacks %q: %q", want, row)
		}
	}
	piped, _, _ := fx.run(t, "list")
	if !strings.Contains(piped, "Klinisch Laboratorium Ourthe-Amblève Ziekenhuis") || !strings.Contains(piped, "prevention=mfa,backup,segmentation,training") {
		t.Errorf("piped output was cut:\n%s", piped)
	}
}

func TestDowntimeRounded(t *testing.T) {
	for _, tc := range []struct {
		d    *float64
		want string
	}{{nil, "-"}, {ptr(2.0), "2 d"}, {ptr(5.0 / 3), "1.7 d"}, {ptr(0.5), "0.5 d"}, {ptr(14.4), "14 d"}, {ptr(0.01), "<0.1 d"}, {ptr(0.0), "0 d"}} {
		if got := downtime(tc.d); got != tc.want {
			t.Errorf("downtime(%v) = %q, want %q", tc.d, got, tc.want)
		}
	}
}

func TestListNoStore(t *testing.T) {
	p := filepath.Join(t.TempDir(), "none.db")
	_, errOut, code := execCLI(t, "--db", p, "list")
	if code != exitFailure || !strings.Contains(errOut, "no store at "+p+" (run cyberintake ingest first)") {
		t.Errorf("exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(p); err == nil {
		t.Errorf("list created the store")
	}
}

func TestQueryWhileHeld(t *testing.T) {
	fx := newFixture(t)
	// A writer holding the file past the lock timeout: busy, exit 3.
	db, err := bolt.Open(fx.db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, errOut, code := fx.run(t, "--lock-timeout", "300ms", "stats")
	db.Close()
	if code != exitBusy || !strings.Contains(errOut, "busy (daemon running?)") {
		t.Errorf("stats on a held store: exit %d, %q", code, errOut)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("waited %v for a 300ms lock timeout", d)
	}
}

// TestReadOnlyCommandsLeaveStoreUntouched: the analysts' commands never
// write: the file's bytes and mtime are the same afterwards.
func TestReadOnlyCommandsLeaveStoreUntouched(t *testing.T) {
	fx := newFixture(t)
	before, _ := os.ReadFile(fx.db)
	fi, _ := os.Stat(fx.db)
	time.Sleep(10 * time.Millisecond) // an mtime change would show
	out := filepath.Join(t.TempDir(), "out")
	for _, args := range [][]string{
		{"list"}, {"list", "--json", "--lab", "12345"}, {"show", fx.id("first")}, {"show", "12345"},
		{"show", "--raw", fx.id("nl")}, {"export"}, {"export", "--format", "ndjson", "-o", out},
		{"stats"}, {"stats", "--json"}, {"verify"}, {"backup", out + ".db"},
	} {
		if _, errOut, code := fx.run(t, args...); code != exitOK {
			t.Errorf("%v: exit %d: %s", args, code, errOut)
		}
	}
	after, _ := os.ReadFile(fx.db)
	fi2, _ := os.Stat(fx.db)
	if sha256.Sum256(before) != sha256.Sum256(after) || !fi.ModTime().Equal(fi2.ModTime()) {
		t.Errorf("a read-only command changed the store (mtime %v -> %v)", fi.ModTime(), fi2.ModTime())
	}
}

func TestTable(t *testing.T) {
	tb := newTable("ID", "LAB", "NOTE").setLimit(1, 8)
	tb.add("1", "Labo Liège–Centre", "a\tb\nc")
	tb.add("22", "é", "")
	var b bytes.Buffer
	tb.write(&b)
	want := "ID  LAB       NOTE\n" +
		"1   Labo Li…  a b c\n" +
		"22  é\n"
	if b.String() != want {
		t.Errorf("table:\n%s\nwant:\n%s", b.String(), want)
	}
}

// TestCommandsBesideWriter: the analysts' commands succeed while another
// handle (the daemon, in its own process in real life) files batches.
func TestCommandsBesideWriter(t *testing.T) {
	fx := newFixture(t)
	w, err := store.Open(fx.db, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var batches atomic.Int64
	go func() {
		for i := 0; ctx.Err() == nil; i++ {
			var msgs []store.Message
			for j := range 100 {
				id := fmt.Sprintf("w%d-%d@lab", i, j)
				res := testResult(id, "12345", "2021-04-01T00:00:00Z", "fr", mailparse.Sections{A: "phishing"})
				msgs = append(msgs, store.Message{Raw: []byte("Message-ID: <" + id + ">\r\n\r\n" + strings.Repeat("x", 2000)), Result: res})
			}
			if _, err := w.Put(ctx, msgs); err != nil {
				if ctx.Err() == nil {
					done <- err
					return
				}
				break
			}
			batches.Add(1)
		}
		done <- nil
	}()
	// Run the commands until the writer has committed several batches in
	// between, so both really interleave however loaded the machine is.
	deadline := time.Now().Add(60 * time.Second)
	for round := 0; round < 3 || batches.Load() < 3; round++ {
		if time.Now().After(deadline) {
			t.Fatalf("after %d rounds of commands the writer had committed only %d batches", round, batches.Load())
		}
		for _, args := range [][]string{
			{"list", "--lab", "12345"}, {"stats", "--json"}, {"show", "12345"}, {"show", fx.id("nl")},
			{"export", "--format", "csv"}, {"verify"},
		} {
			if _, errOut, code := fx.run(t, append([]string{"--lock-timeout", "2s"}, args...)...); code != exitOK {
				t.Errorf("%v beside a writer: exit %d: %s", args, code, errOut)
			}
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("writer: %v", err)
	}
	st, err := w.Stats(context.Background())
	if err != nil || int64(st.Total) < 5+100*batches.Load() {
		t.Errorf("store holds %v records, want the 5 of the fixture plus %d batches of 100: %v", st.Total, batches.Load(), err)
	}
}

func TestNotAStore(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "mail.mbox")
	os.WriteFile(p, []byte(strings.Repeat("From a@b Mon Feb 15 10:00:00 2021\nSubject: x\n\nbody\n", 500)), 0o600)
	for _, cmd := range []string{"list", "stats", "verify", "ingest"} {
		args := []string{"--db", p, cmd}
		if cmd == "ingest" {
			args = append(args, filepath.Join(dir, "none.eml"))
		}
		_, errOut, code := execCLI(t, args...)
		line := strings.TrimSpace(errOut)
		if code == exitOK || !strings.Contains(line, "store "+p+" is not a cyberintake store") || strings.Contains(line, "\n") {
			t.Errorf("%s on a non-store file: exit %d, %q; want one line naming the file", cmd, code, errOut)
		}
	}
}
