package main

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"cyberintake/store"
)

// fileSum digests every key and value of the store but the meta bucket
// (every read-write open stamps it) and bbolt's meta pages.
func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	h := sha256.New()
	db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			if string(name) == "meta" {
				return nil
			}
			fmt.Fprintf(h, "%q %d\n", name, b.Sequence())
			return b.ForEach(func(k, v []byte) error { fmt.Fprintf(h, "%q=%q\n", k, v); return nil })
		})
	})
	var sum [32]byte
	copy(sum[:], h.Sum(nil))
	return sum
}

// hasLine tells whether some line of out contains every one of parts.
func hasLine(out string, parts ...string) bool {
	for _, l := range strings.Split(out, "\n") {
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(l, p)
		}
		if ok {
			return true
		}
	}
	return false
}

func fxRun(t *testing.T, fx *fixture, args ...string) string {
	t.Helper()
	out, errOut, code := fx.run(t, args...)
	if code != exitOK {
		t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	return out
}

// The review loop through the CLI: queue, correct, show, history, undo,
// accept, list filters; the corrected values are what list, stats, export
// and the case show.
func TestReviewLoop(t *testing.T) {
	fx := newFixture(t)
	t.Setenv("USER", "ana")
	q := fxRun(t, fx, "review")
	// nl asks for review; first and followup are unreviewed reports; the
	// auto-reply and the failed message are not in the queue.
	lines := strings.Split(strings.TrimSpace(q), "\n")
	if len(lines) != 5 || !strings.HasPrefix(lines[1], fx.id("nl")+" ") || !strings.Contains(lines[1], "parser asks") ||
		!strings.HasPrefix(lines[2], fx.id("first")+" ") || !strings.Contains(lines[4], "3 to review: 1 the parser asks about, 2 unreviewed reports") {
		t.Errorf("review:\n%s", q)
	}
	out := fxRun(t, fx, "correct", fx.id("nl"), "lab=12345", "tags.cause-=remote_access", "tags.prevention+=mfa", "downtime_days=0.5",
		"--reason", "lab number in the signature", "--by", "bob")
	for _, want := range []string{`lab: "LABO-77" -> "12345" (corrected)`, `tags.cause: "ransomware, remote_access" -> "ransomware" (corrected)`,
		`downtime_days: (none) -> "0.5"`} {
		if !strings.Contains(out, want) {
			t.Errorf("correct output lacks %q:\n%s", want, out)
		}
	}
	show := fxRun(t, fx, "show", fx.id("nl"))
	for _, want := range []string{"Lab:      12345", "Review:     unreviewed", "The parser asks a person to look: the parser asks for a review (filed before it said why) (needs_review)",
		"Corrected:  4 field(s)"} {
		if !strings.Contains(show, want) {
			t.Errorf("show lacks %q:\n%s", want, show)
		}
	}
	if !hasLine(show, "    lab ", `"12345"`, `"LABO-77"`, "bob", "lab number in the signature") {
		t.Errorf("show does not list the lab correction:\n%s", show)
	}
	js := fxRun(t, fx, "show", "--json", fx.id("nl"))
	var rec store.Record
	if err := json.Unmarshal([]byte(js), &rec); err != nil || rec.Review == nil || len(rec.Review.Corrections) != 4 ||
		rec.Review.Corrections[0].Against != "LABO-77" || *rec.Result.Lab != "12345" {
		t.Errorf("show --json: %v %+v", err, rec.Review)
	}
	fxRun(t, fx, "correct", fx.id("nl"), "a=Ransomware via RDP, confirmed", "--by", "bob")
	if c := fxRun(t, fx, "show", "--lab", "12345"); !strings.Contains(c, "Ransomware via RDP, confirmed\n   [from message "+fx.id("nl")+", 2021-02-20T12:00:00Z, corrected]") {
		t.Errorf("the case does not mark the corrected answer:\n%s", c)
	}
	fxRun(t, fx, "correct", fx.id("nl"), "--undo", "a", "--by", "bob")
	// The case of 12345 now holds the corrected message.
	if c := fxRun(t, fx, "show", "--lab", "12345"); !strings.Contains(c, "Lab 12345: 3 message(s)") || !strings.Contains(c, "Corrected:  message "+fx.id("nl")+" (lab,") {
		t.Errorf("case:\n%s", c)
	}
	if l := fxRun(t, fx, "list", "--corrected"); !strings.Contains(l, "review,corrected") || strings.Count(l, "\n") != 2 {
		t.Errorf("list --corrected:\n%s", l)
	}
	if l := fxRun(t, fx, "list", "--tag", "cause=remote_access"); !strings.Contains(l, "no messages match") {
		t.Errorf("the removed tag still lists:\n%s", l)
	}
	var st store.Stats
	json.Unmarshal([]byte(fxRun(t, fx, "stats", "--json")), &st)
	if st.ByTag["prevention"]["mfa"] != 1 || st.ByTag["cause"]["remote_access"] != 0 {
		t.Errorf("stats by tag = %v", st.ByTag)
	}
	if csv := fxRun(t, fx, "export", "--format", "csv"); strings.Contains(csv, "LABO-77") {
		t.Errorf("export still has the parser's lab:\n%s", csv)
	}
	fxRun(t, fx, "correct", fx.id("nl"), "--undo", "downtime_days", "--by", "carla")
	h := fxRun(t, fx, "show", fx.id("nl"), "--history")
	if !strings.Contains(h, "Message "+fx.id("nl")+": 7 event(s)") || !hasLine(h, "1  ", "bob", "correct", "lab", `"LABO-77" -> "12345"`, "signature") ||
		!hasLine(h, "7  ", "carla", "undo", "downtime_days", `"0.5" -> (none)`) {
		t.Errorf("history:\n%s", h)
	}
	if a := fxRun(t, fx, "accept", "12345"); !strings.Contains(a, "lab 12345 (3 messages): 3 message(s) marked reviewed by ana") {
		t.Errorf("accept LAB: %s", a)
	}
	if csv := fxRun(t, fx, "export", "--format", "csv"); !strings.Contains(csv, ",reviewed by ana ") || !strings.Contains(csv, ",lab; tags.cause.remote_access; tags.prevention.mfa\r\n") {
		t.Errorf("export lacks the review columns:\n%s", csv)
	}
	if s := fxRun(t, fx, "stats"); !strings.Contains(s, "Reviewed:         3\nCorrected:        1") {
		t.Errorf("stats:\n%s", s)
	}
	if q := fxRun(t, fx, "review"); q != "nothing to review\n" {
		t.Errorf("review after accept:\n%s", q)
	}
	if l := fxRun(t, fx, "list", "--unreviewed"); !strings.Contains(l, "auto_reply") || strings.Count(l, "\n") != 3 {
		t.Errorf("list --unreviewed:\n%s", l)
	}
	if l := fxRun(t, fx, "list", "--reviewed", "--json"); strings.Count(l, `"state": "reviewed"`) != 3 {
		t.Errorf("list --reviewed --json:\n%s", l)
	}
	if v := fxRun(t, fx, "verify"); !strings.Contains(v, "ok") {
		t.Errorf("verify: %s", v)
	}
}

func TestCorrectRefusesBadValues(t *testing.T) {
	fx := newFixture(t)
	before := fileSum(t, fx.db)
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"correct", fx.id("first"), "tags.cause+=phising", "language=es", "downtime_days=-1"},
			[]string{"nothing written", "valid: phishing, ransomware", "valid: fr, nl, de, en", "0 or more"}},
		{[]string{"correct", fx.id("first"), "colour=red"}, []string{"not a correctable field", "contact.email"}},
		{[]string{"correct", fx.id("first")}, []string{"nothing to correct"}},
		{[]string{"correct", "x", "lab=1"}, []string{"not a message ID"}},
		{[]string{"correct", fx.id("first"), "--undo", "lab", "--by", "ana"}, []string{"has no correction of it"}},
		{[]string{"correct", fx.id("first"), "lab=1", "--by", " "}, []string{"--by NAME"}},
	} {
		t.Run(strings.Join(tc.args[2:], " "), func(t *testing.T) {
			t.Setenv("USER", "ana")
			_, errOut, code := fx.run(t, tc.args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d: %s", code, exitUsage, errOut)
			}
			for _, w := range tc.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errOut)
				}
			}
		})
	}
	if fileSum(t, fx.db) != before {
		t.Error("a refused correction changed the store file")
	}
	if _, errOut, code := fx.run(t, "correct", "999", "lab=1", "--by", "ana"); code != exitFailure || !strings.Contains(errOut, "not found") {
		t.Errorf("missing message: exit %d %s", code, errOut)
	}
	if _, errOut, code := fx.run(t, "accept", "999", "--by", "ana"); code != exitFailure || !strings.Contains(errOut, `no message with ID 999 and no replies from lab "999"`) {
		t.Errorf("accept of nothing: exit %d %s", code, errOut)
	}
	if _, errOut, code := fx.run(t, "accept", fx.id("first"), "x", "--by", "ana"); code != exitUsage {
		t.Errorf("accept ID and a word: exit %d %s", code, errOut)
	}
	if fileSum(t, fx.db) != before {
		t.Error("a refused accept changed the store")
	}
}

// correct --edit runs $EDITOR on the effective values and records exactly
// the fields the person changed.
func TestCorrectEdit(t *testing.T) {
	fx := newFixture(t)
	dir := t.TempDir()
	seen := filepath.Join(dir, "seen.txt")
	script := filepath.Join(dir, "editor.sh")
	body := `#!/bin/sh
cp "$1" ` + seen + `
sed -i -e 's/^lab: .*/lab: 12-345/' -e 's/^tags.prevention: .*/tags.prevention: training, mfa/' \
    -e 's/^  =MFA pour tous$/  MFA pour tous/' -e 's/^contact.phone: .*/contact.phone:/' "$1"
`
	if err := os.WriteFile(script, []byte(body), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", script)
	out := fxRun(t, fx, "correct", fx.id("first"), "--edit", "--by", "ana", "--reason", "phone call")
	shown, _ := os.ReadFile(seen)
	for _, want := range []string{"lab: 12345\n", "a:\n  Un courriel de phishing,\n  suivi d'un rançongiciel\n", "tags.cause: phishing, ransomware\n",
		"# tags.prevention: mfa, backup", "downtime_days: 2\n"} {
		if !strings.Contains(string(shown), want) {
			t.Errorf("editor got no %q:\n%s", want, shown)
		}
	}
	rec := getRecord(t, fx, fx.ids["first"])
	got := rec.Corrected()
	want := []string{"lab", "d", "contact.phone", "tags.prevention.training", "tags.prevention.mfa"}
	if !slices.Equal(got, want) {
		t.Errorf("corrected %v, want %v\n%s", got, want, out)
	}
	if rec.Result.Sections.D != "MFA pour tous" || rec.Result.Contact.Phone != "" || rec.Review.Corrections[0].Reason != "phone call" {
		t.Errorf("record after edit: %+v", rec.Result)
	}
	// The file shows the corrections; saving it unchanged changes nothing.
	t.Setenv("EDITOR", "true")
	if out := fxRun(t, fx, "correct", fx.id("first"), "--edit", "--by", "ana"); !strings.Contains(out, "nothing changed") {
		t.Errorf("unchanged edit: %s", out)
	}
	// A bad value in the file: exit 2, nothing written.
	os.WriteFile(script, []byte("#!/bin/sh\nsed -i 's/^language: .*/language: es/' \"$1\"\n"), 0o700)
	t.Setenv("EDITOR", script)
	before := fileSum(t, fx.db)
	if _, errOut, code := fx.run(t, "correct", fx.id("first"), "--edit", "--by", "ana"); code != exitUsage || !strings.Contains(errOut, "valid: fr, nl, de, en") {
		t.Errorf("bad edit: exit %d %s", code, errOut)
	}
	if fileSum(t, fx.db) != before {
		t.Error("a refused edit changed the store")
	}
	// A failing editor writes nothing either.
	t.Setenv("EDITOR", "false")
	if _, errOut, code := fx.run(t, "correct", fx.id("first"), "--edit", "--by", "ana"); code != exitFailure || !strings.Contains(errOut, "nothing was changed") {
		t.Errorf("failing editor: exit %d %s", code, errOut)
	}
}

func getRecord(t *testing.T, fx *fixture, id uint64) *store.Record {
	t.Helper()
	var rec store.Record
	if err := json.Unmarshal([]byte(fxRun(t, fx, "show", "--json", "--id", store.FormatDays(ptr(float64(id))))), &rec); err != nil {
		t.Fatal(err)
	}
	return &rec
}
