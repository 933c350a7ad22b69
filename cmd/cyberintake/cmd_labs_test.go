package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestLabs(t *testing.T) {
	fx := newFixture(t)
	out, errOut, code := fx.run(t, "labs")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "LAB      MSGS  FIRST       LAST        ANSWERED") {
		t.Fatalf("want head + one row per lab:\n%s", out)
	}
	// 12345's follow-up names no lab but replies to its first message: two
	// messages, all five answers, one case.
	for _, want := range []string{"12345    2     2021-02-10  2021-03-01  5/5", "2 d   cause=phishing,ransomware impact=lis", "LABO-77  1", "review"} {
		if !strings.Contains(out, want) {
			t.Errorf("labs lacks %q:\n%s", want, out)
		}
	}
	js, _, _ := fx.run(t, "labs", "--json")
	var rows []labRow
	if err := json.Unmarshal([]byte(js), &rows); err != nil || len(rows) != 2 || len(rows[0].Messages) != 2 || rows[0].Messages[1] != fx.ids["followup"] {
		t.Errorf("labs --json = %+v, %v", rows, err)
	}
}
