package workbook

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"cyberintake/mailparse"
	"cyberintake/store"
)

// TestWorkbookEffectiveValues: the sheets show values as corrected, name
// the corrected fields and carry who reviewed what.
func TestWorkbookEffectiveValues(t *testing.T) {
	st := testStore(t)
	ctx := context.Background()
	ids := map[string]uint64{}
	st.EachRecord(ctx, store.Filter{}, func(r *store.Record) error { ids[r.Result.MessageID] = r.ID; return nil })
	who := store.Meta{By: "analyst", Reason: "phoned the lab"}
	if _, err := st.Correct(ctx, ids["first@lab"], []store.Change{
		{Field: store.FieldContactEmail, Op: store.OpSet, Value: "new@lab.example"},
		{Field: "tags.cause", Op: store.OpAdd, Value: "supplier"},
	}, who); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Accept(ctx, []uint64{ids["second@lab"]}, who); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(ctx, st, store.Filter{Kind: mailparse.KindReport}, &buf); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	get := func(sheet, head string, row int) string {
		v, _ := x.GetCellValue(sheet, cellOf(t, x, sheet, head, row))
		return v
	}
	for _, tc := range []struct {
		sheet, head string
		row         int
		want        string
	}{
		{SheetReports, "contact e-mail", 2, "new@lab.example"},
		{SheetReports, "tags: cause", 2, "phishing; ransomware; supplier"},
		{SheetReports, "review state", 2, "unreviewed"},
		{SheetReports, "review state", 3, "reviewed"},
		{SheetReports, "reviewed by", 3, "analyst"},
		{SheetCases, "contact e-mail", 2, "new@lab.example"},
		{SheetCases, "reviewed messages", 2, "1"},
		{SheetCases, "corrected messages", 2, "1"},
		{SheetCases, "needs review", 3, "yes"},
	} {
		if got := get(tc.sheet, tc.head, tc.row); got != tc.want {
			t.Errorf("%s %s row %d = %q, want %q", tc.sheet, tc.head, tc.row, got, tc.want)
		}
	}
	if got := get(SheetReports, "corrected fields", 2); !strings.Contains(got, "contact.email") || !strings.Contains(got, "tags.cause") {
		t.Errorf("corrected fields %q", got)
	}
	if got := get(SheetReports, "reviewed (UTC)", 3); got == "" {
		t.Errorf("no review date")
	}
	if got := get(SheetReports, "needs-review reasons", 4); got == "" || strings.Contains(got, "_") {
		t.Errorf("reasons %q, want words", got)
	}
}
