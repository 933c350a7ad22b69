package main

import (
	"encoding/json"
	"strings"
	"testing"

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
