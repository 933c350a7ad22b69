package main

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"cyberintake/store"
)

func TestShowMessage(t *testing.T) {
	fx := newFixture(t)
	out, errOut, code := fx.run(t, "show", fx.id("first"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"Message " + fx.id("first") + ", filed", "Lab:      12345", "Un courriel de phishing,", "suivi d'un rançongiciel",
		"Dr Dupont, dupont@lab.example, +32 2 123 45 67", "Downtime: 2 days", "phishing, ransomware"} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
	raw, _, code := fx.run(t, "show", "--raw", fx.id("nl"))
	if code != exitOK || raw != string(fx.raw["nl"]) {
		t.Errorf("show --raw = %q, want the bytes filed %q", raw, fx.raw["nl"])
	}
	failed, _, _ := fx.run(t, "show", fx.id("bad"))
	if !strings.Contains(failed, "error: truncated MIME structure") {
		t.Errorf("a failed message does not show its error:\n%s", failed)
	}
	js, _, _ := fx.run(t, "show", "--json", fx.id("nl"))
	var rec store.Record
	if err := json.Unmarshal([]byte(js), &rec); err != nil || rec.ID != fx.ids["nl"] || !rec.Result.NeedsReview {
		t.Errorf("show --json = %+v, %v", rec, err)
	}
}

func TestShowLabMergesCase(t *testing.T) {
	fx := newFixture(t)
	out, errOut, code := fx.run(t, "show", "12345")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// The follow-up has no lab in its subject but replies to the first
	// message: it joins the case and completes e).
	for _, want := range []string{"Lab 12345: 2 message(s)", "Un courriel de phishing", "[from message " + fx.id("first") + ",",
		"NC-2021-014\n   [from message " + fx.id("followup") + ",", "References: NC-2021-014"} {
		if !strings.Contains(out, want) {
			t.Errorf("case lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "auto@lab") {
		t.Errorf("the auto-reply joined the case")
	}
	js, _, _ := fx.run(t, "show", "--json", "--lab", "12345")
	var c store.Case
	if err := json.Unmarshal([]byte(js), &c); err != nil || c.Answers.E == nil || c.Answers.E.From.ID != fx.ids["followup"] {
		t.Errorf("show --json LAB = %+v, %v", c.Answers, err)
	}
}

func TestShowErrors(t *testing.T) {
	fx := newFixture(t)
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"show", "999"}, exitFailure, `no message with ID 999 and no replies from lab "999"`},
		{[]string{"show", "nobody"}, exitFailure, `no replies from lab "nobody"`},
		{[]string{"show", "--raw", "12345"}, exitUsage, "--raw needs a message ID"},
		{[]string{"show", "--id", "x"}, exitUsage, "not a message ID"},
		{[]string{"show", "--id", "999"}, exitFailure, "not found"},
	} {
		_, errOut, code := fx.run(t, tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.msg) {
			t.Errorf("%v: exit %d, %q; want %d with %q", tc.args, code, errOut, tc.code, tc.msg)
		}
	}
}

// TestShowWraps: answers wrap at spaces to --width (the terminal's by
// default); in a pipe they stay one line each.
func TestShowWraps(t *testing.T) {
	dir := t.TempDir()
	db := dir + "/s.db"
	if _, errOut, code := execCLI(t, "--db", db, "ingest", "../../testdata/corpus/fr-01.eml"); code != exitOK {
		t.Fatalf("ingest: %s", errOut)
	}
	wide, _, _ := execCLI(t, "--db", db, "show", "1")
	for _, args := range [][]string{{"show", "1"}, {"show", "21437"}, {"parse", "../../testdata/corpus/fr-01.eml"}} {
		out, errOut, code := execCLI(t, append([]string{"--db", db}, append(args, "--width", "60")...)...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		for _, l := range strings.Split(out, "\n") {
			if n := utf8.RuneCountInString(l); n > 60 && strings.HasPrefix(l, "   ") {
				t.Errorf("%v: answer line of %d characters: %q", args, n, l)
			}
		}
	}
	if !strings.Contains(wide, "a) Probable cause") || strings.Count(wide, "\n") >= strings.Count(mustRun(t, "--db", db, "show", "1", "--width", "60"), "\n") {
		t.Errorf("wrapping at 60 did not add lines")
	}
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, errOut, code := execCLI(t, args...)
	if code != exitOK {
		t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	return out
}

func TestWrapText(t *testing.T) {
	for _, tc := range []struct {
		in    string
		width int
		want  []string
	}{
		{"short", 20, []string{"short"}},
		{"one two three four five six seven", 20, []string{"one two three four", "five six seven"}},
		{"a\n\nb", 20, []string{"a", "", "b"}},
		{"https://example.com/a/very/long/path/that/does/not/break ok", 20, []string{"https://example.com/a/very/long/path/that/does/not/break", "ok"}},
		{"no wrap when narrow", 5, []string{"no wrap when narrow"}},
		{"no wrap in a pipe", 0, []string{"no wrap in a pipe"}},
	} {
		if got := wrapText(tc.in, tc.width); strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("wrapText(%q, %d) = %q, want %q", tc.in, tc.width, got, tc.want)
		}
	}
}
