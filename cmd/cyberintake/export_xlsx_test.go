package main

import (
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"cyberintake/mailparse"
	"cyberintake/store"
)

// addHostile files a report whose answers are built to hurt spreadsheets.
func addHostile(t *testing.T, db string) {
	t.Helper()
	st, err := store.Open(db, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	res := testResult("hostile@lab", "66666", "2021-02-12T08:00:00Z", "fr", mailparse.Sections{
		A: `=HYPERLINK("http://evil.example/","x")`, B: "+32 87 12 34 56", C: "@SUM(1)\x00\x1b[2J", D: strings.Repeat("x", 1<<20)})
	if _, err := st.Put(context.Background(), []store.Message{{Raw: []byte("Message-ID: <hostile@lab>\r\n\r\nx\r\n"), Result: res,
		Source: store.Source{Kind: "eml", Name: "hostile.eml"}}}); err != nil {
		t.Fatal(err)
	}
}

// TestExportHelpExamples runs the command lines export --help shows, as
// written, and checks what they wrote.
func TestExportHelpExamples(t *testing.T) {
	fx := newFixture(t)
	t.Chdir(t.TempDir())
	t.Setenv("CYBERINTAKE_DB", fx.db)
	var lines [][]string
	for _, args := range helpExamples(t, "export") {
		if slices.Contains(args, "xlsx") || slices.Contains(args, "--sep") {
			lines = append(lines, args)
		}
	}
	if len(lines) != 2 {
		t.Fatalf("%d workbook and --sep lines in export --help, this test knows 2", len(lines))
	}
	for _, args := range lines {
		if out, errOut, code := execCLI(t, args...); code != exitOK {
			t.Fatalf("cyberintake %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errOut)
		}
	}
	x, err := excelize.OpenFile("reports.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if rows, _ := x.GetRows("reports"); len(rows) != 4 {
		t.Errorf("reports sheet: %d rows, want header + 3 reports", len(rows))
	}
	b, err := os.ReadFile("reports-excel.csv")
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), "\ufeff")))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil || len(rows) != 4 || rows[0][0] != "lab" || len(rows[0]) != len(csvColumns) {
		t.Fatalf("--sep ';' CSV: %d rows, %v: %q", len(rows), err, b[:min(len(b), 200)])
	}
	if d := rows[1][6]; d != "'=MFA pour tous" {
		t.Errorf("CSV keeps its formula guard: d = %q", d)
	}
}

func TestExportXLSXUsage(t *testing.T) {
	fx := newFixture(t)
	for _, args := range [][]string{
		{"export", "--format", "xlsx"}, // a workbook on a terminal
		{"export", "--format", "csv", "--sep", "|"},
		{"export", "--format", "json", "--sep", ";"},
	} {
		if _, errOut, code := fx.run(t, args...); code != exitUsage {
			t.Errorf("%q: exit %d, want %d: %s", args, code, exitUsage, errOut)
		}
	}
}

// TestExportXLSXLibreOffice opens the workbook in a real spreadsheet
// program: LibreOffice, headless, converts each sheet to CSV. It skips
// without LibreOffice unless CYBERINTAKE_REQUIRE_SOFFICE=1 (CI).
func TestExportXLSXLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CYBERINTAKE_REQUIRE_SOFFICE") == "1" {
			t.Fatal("LibreOffice required (CYBERINTAKE_REQUIRE_SOFFICE=1) but soffice is not installed (apt-get install libreoffice-calc-nogui)")
		}
		t.Skip("skip: soffice not installed (apt-get install libreoffice-calc-nogui)")
	}
	fx := newFixture(t)
	addHostile(t, fx.db)
	dir := t.TempDir()
	book := filepath.Join(dir, "reports.xlsx")
	if _, errOut, code := fx.run(t, "export", "--format", "xlsx", "-o", book); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// Filter options: comma, double quote, UTF-8, from line 1, ..., the
	// last -1: every sheet to its own file (LibreOffice 7.2+).
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir, book)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	read := func(sheet string) [][]string {
		b, err := os.ReadFile(filepath.Join(dir, "reports-"+sheet+".csv"))
		if err != nil {
			t.Fatalf("LibreOffice wrote no %s sheet: %v", sheet, err)
		}
		rows, err := csv.NewReader(strings.NewReader(string(b))).ReadAll()
		if err != nil {
			t.Fatalf("sheet %s as CSV: %v", sheet, err)
		}
		return rows
	}
	reports := read("reports")
	if len(reports) != 5 {
		t.Fatalf("LibreOffice reads %d rows of reports, want header + 4", len(reports))
	}
	col := map[string]int{}
	for i, h := range reports[0] {
		col[h] = i
	}
	var hostile []string
	for _, r := range reports[1:] {
		if r[col["lab"]] == "66666" {
			hostile = r
		}
	}
	if hostile == nil {
		t.Fatalf("no row of lab 66666: %q", reports)
	}
	for head, want := range map[string]string{
		"a) cause and method":  `=HYPERLINK("http://evil.example/","x")`, // text, not a link
		"b) activities hit":    "+32 87 12 34 56",
		"c) immediate actions": "@SUM(1)[2J",
		"received (UTC)":       "2021-02-12 08:00:00",
	} {
		if got := hostile[col[head]]; got != want {
			t.Errorf("LibreOffice shows %s as %q, want %q", head, got, want)
		}
	}
	if d := hostile[col["d) preventive measures"]]; len(d) > 32767 || !strings.HasSuffix(d, "more characters]") {
		t.Errorf("1 MB answer: %d bytes in LibreOffice, ends %q", len(d), d[max(0, len(d)-40):])
	}
	first := reports[1]
	if got := first[col["downtime (days)"]]; got != "2" {
		t.Errorf("downtime read as %q, want the number 2", got)
	}
	if cases := read("lab cases"); len(cases) != 4 { // 12345, 66666, labo-77
		t.Errorf("LibreOffice reads %d rows of cases, want header + 3", len(cases))
	}
	counts := read("counts")
	if strings.Join(counts[2], ",") != "reports,,,,4" {
		t.Errorf("counts: %q", counts[:3])
	}
}
