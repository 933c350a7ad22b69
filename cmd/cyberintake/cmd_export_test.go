package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cyberintake/store"
)

func TestExportCSV(t *testing.T) {
	fx := newFixture(t)
	out, errOut, code := fx.run(t, "export", "--format", "csv")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out, "\ufefflab,date,language,a,b,c,d,e,cause,") || !strings.Contains(out, "\r\n") {
		t.Fatalf("not an Excel CSV (BOM, head, CRLF): %q", out[:min(len(out), 80)])
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 { // head + the three reports; auto-reply and failure left out
		t.Fatalf("%d rows, want head + 3 reports:\n%s", len(rows), out)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	first := rows[1]
	for field, want := range map[string]string{
		"lab": "12345", "date": "2021-02-10 09:00:00", "language": "fr",
		"a":     "Un courriel de phishing,\r\nsuivi d'un rançongiciel", // line break kept inside the quoted cell
		"b":     "'- LIS arrêté",                                       // would be a formula in Excel
		"d":     "'=MFA pour tous",
		"cause": "phishing; ransomware", "downtime_days": "2", "contact_phone": "'+32 2 123 45 67",
		"message_id": "first@lab", "id": fx.id("first"),
	} {
		if got := first[col[field]]; got != want && strings.ReplaceAll(got, "\r\n", "\n") != strings.ReplaceAll(want, "\r\n", "\n") {
			t.Errorf("column %s = %q, want %q", field, got, want)
		}
	}
	if len(rows[0]) != len(csvColumns) {
		t.Errorf("%d columns, want %d", len(rows[0]), len(csvColumns))
	}
}

func TestExportJSONAndFile(t *testing.T) {
	fx := newFixture(t)
	js, _, code := fx.run(t, "export", "--format", "json", "--all")
	var recs []store.Record
	if err := json.Unmarshal([]byte(js), &recs); err != nil || code != exitOK || len(recs) != 5 {
		t.Fatalf("export --format json --all: %d records, %v, exit %d", len(recs), err, code)
	}
	p := filepath.Join(t.TempDir(), "out.ndjson")
	if _, errOut, code := fx.run(t, "export", "--format", "ndjson", "--lab", "12345", "-o", p); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	b, _ := os.ReadFile(p)
	lines := bytes.Split(bytes.TrimSpace(b), []byte("\n"))
	if len(lines) != 1 {
		t.Errorf("ndjson for lab 12345: %d lines, want 1", len(lines))
	}
	var r store.Record
	if err := json.Unmarshal(lines[0], &r); err != nil || r.ID != fx.ids["first"] {
		t.Errorf("ndjson line = %+v, %v", r, err)
	}
	if _, err := os.Stat(p + ".tmp"); err == nil {
		t.Errorf("temporary file left behind")
	}
	if _, errOut, code := fx.run(t, "export", "--format", "xml"); code != exitUsage || !strings.Contains(errOut, "--format") {
		t.Errorf("bad format: exit %d, %q", code, errOut)
	}
}

func TestDefuseFormula(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "plain": "plain", "=1+1": "'=1+1", "+32 2": "'+32 2", "-1": "-1", "-2.5": "-2.5",
		"- item": "'- item", "@SUM(A1)": "'@SUM(A1)", "a=b": "a=b",
	} {
		if got := defuseFormula(in); got != want {
			t.Errorf("defuseFormula(%q) = %q, want %q", in, got, want)
		}
	}
}
