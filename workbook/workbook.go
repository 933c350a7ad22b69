// Package workbook writes the Excel workbook analysts open: a sheet of
// reports, a sheet of lab cases and a sheet of counts, with typed cells
// (dates as dates, numbers as numbers, text as text), the header frozen,
// filters on, column widths set and long answers wrapped. Because every
// text is a string cell, Excel never evaluates mail text as a formula,
// so unlike CSV no guard character is needed.
package workbook

import (
	"context"
	"fmt"
	"io"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"cyberintake/store"
)

// Sheet names, in the order of the workbook.
const (
	SheetReports = "reports"
	SheetCases   = "lab cases"
	SheetCounts  = "counts"
)

// kind of a column: how its cells are typed and shown.
type colKind int

const (
	colText  colKind = iota // a short string
	colWrap                 // a long string, wrapped
	colDate                 // a date and time
	colMonth                // a month (a date shown as yyyy-mm)
	colNum                  // a number
	colInt                  // a whole number
)

// column is one column of a sheet.
type column struct {
	Head  string
	Width float64
	Kind  colKind
}

// styles are the workbook's cell styles by column kind, plus the header.
type styles struct {
	head int
	kind map[colKind]int
}

func newStyles(f *excelize.File) (*styles, error) {
	s := &styles{kind: map[colKind]int{}}
	var err error
	mk := func(st *excelize.Style) int {
		id, e := f.NewStyle(st)
		if e != nil && err == nil {
			err = e
		}
		return id
	}
	top := &excelize.Alignment{Vertical: "top"}
	s.head = mk(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	s.kind[colText] = mk(&excelize.Style{Alignment: top})
	s.kind[colWrap] = mk(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	fmtDate, fmtMonth, fmtNum := "yyyy-mm-dd hh:mm", "yyyy-mm", "0.0"
	s.kind[colDate] = mk(&excelize.Style{CustomNumFmt: &fmtDate, Alignment: top})
	s.kind[colMonth] = mk(&excelize.Style{CustomNumFmt: &fmtMonth, Alignment: top})
	s.kind[colNum] = mk(&excelize.Style{CustomNumFmt: &fmtNum, Alignment: top})
	s.kind[colInt] = mk(&excelize.Style{NumFmt: 1, Alignment: top})
	return s, err
}

// sheet streams one sheet: header, then rows of typed cells.
type sheet struct {
	f    *excelize.File
	name string
	cols []column
	sw   *excelize.StreamWriter
	st   *styles
	rows int
}

func newSheet(f *excelize.File, st *styles, name string, cols []column) (*sheet, error) {
	if _, err := f.NewSheet(name); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	s := &sheet{f: f, name: name, cols: cols, sw: sw, st: st}
	for i, c := range cols {
		if err := sw.SetColWidth(i+1, i+1, c.Width); err != nil {
			return nil, err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return nil, err
	}
	head := make([]any, len(cols))
	for i, c := range cols {
		head[i] = excelize.Cell{StyleID: st.head, Value: c.Head}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return nil, err
	}
	return s, nil
}

// add writes one row; values follow the columns (nil leaves a cell
// empty). Strings are cleaned and cut to what a cell holds.
func (s *sheet) add(values ...any) error {
	row := make([]any, len(s.cols))
	for i, c := range s.cols {
		if i >= len(values) || values[i] == nil {
			continue
		}
		v := values[i]
		switch x := v.(type) {
		case string:
			if x == "" {
				continue
			}
			v = cellText(x)
		case time.Time:
			if x.Year() < 1900 || x.Year() > 9999 { // outside what a spreadsheet date holds
				continue
			}
		case *float64:
			if x == nil {
				continue
			}
			v = math.Round(*x*10) / 10
		}
		row[i] = excelize.Cell{StyleID: s.st.kind[c.Kind], Value: v}
	}
	s.rows++
	cell, err := excelize.CoordinatesToCellName(1, s.rows+1)
	if err != nil {
		return err
	}
	return s.sw.SetRow(cell, row)
}

// finish ends the stream and puts filters on the header.
func (s *sheet) finish() error {
	if err := s.sw.Flush(); err != nil {
		return err
	}
	last, err := excelize.CoordinatesToCellName(len(s.cols), max(s.rows, 1)+1)
	if err != nil {
		return err
	}
	return s.f.AutoFilter(s.name, "A1:"+last, nil)
}

// MaxCellChars is what one cell holds (Excel's limit, in UTF-16 units).
const MaxCellChars = excelize.TotalCellChars

// cellText makes mail text fit a cell: characters XML cannot carry (and
// so no spreadsheet can show) are dropped, line ends become LF, and text
// beyond MaxCellChars is cut, with a marker saying how much.
func cellText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r < 0x20 || r == 0x7f || r == 0xfffe || r == 0xffff || r == utf8.RuneError || (r >= 0xd800 && r <= 0xdfff):
			return -1
		}
		return r
	}, s)
	if cut := cutUnits(s, MaxCellChars); len(cut) < len(s) {
		marker := fmt.Sprintf(" […cut: %d more characters]", utf8.RuneCountInString(s[len(cut):]))
		return cutUnits(s, MaxCellChars-len(marker)) + marker // len counts "…" as 3: a little room to spare
	}
	return s
}

// cutUnits returns the longest prefix of s of at most n UTF-16 units.
func cutUnits(s string, n int) string {
	units := 0
	for i, r := range s {
		k := 1
		if r > 0xffff {
			k = 2
		}
		if units+k > n {
			return s[:i]
		}
		units += k
	}
	return s
}

// Write writes the workbook of the reports f selects (in filing order),
// the cases of their labs and the counts, to w.
func Write(ctx context.Context, st *store.Store, f store.Filter, w io.Writer) error {
	x := excelize.NewFile()
	defer x.Close()
	styles, err := newStyles(x)
	if err != nil {
		return fmt.Errorf("workbook styles: %w", err)
	}
	cnt := newCounts()
	if err := writeReports(ctx, x, styles, st, f, cnt); err != nil {
		return err
	}
	if err := writeCases(ctx, x, styles, st, cnt.labs); err != nil {
		return err
	}
	if err := writeCounts(x, styles, cnt); err != nil {
		return err
	}
	if err := x.DeleteSheet("Sheet1"); err != nil {
		return err
	}
	x.SetActiveSheet(0)
	if _, err := x.WriteTo(w); err != nil {
		return fmt.Errorf("write workbook: %w", err)
	}
	return nil
}
