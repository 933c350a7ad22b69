package main

import (
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"golang.org/x/term"
)

// table prints rows as aligned columns for people: cells are padded to the
// widest in their column (counted in characters, not bytes), line breaks
// become spaces, control characters are escaped (termLine), and cells
// longer than the column's limit are cut with "…". With a width, the
// flexible columns are narrowed, widest first, until a line fits.
type table struct {
	head  []string
	limit []int  // per column, 0: no limit
	flex  []bool // per column: may be narrowed to fit the width
	width int    // of a whole line, 0: no limit
	rows  [][]string
}

// minFlex is the narrowest a flexible column is made.
const minFlex = 8

func newTable(head ...string) *table {
	return &table{head: head, limit: make([]int, len(head)), flex: make([]bool, len(head))}
}

// setLimit caps the width of column i.
func (t *table) setLimit(i, width int) *table {
	t.limit[i] = width
	return t
}

// fit makes lines at most width characters (0: no limit) by narrowing the
// columns cols.
func (t *table) fit(width int, cols ...int) *table {
	t.width = width
	for _, i := range cols {
		t.flex[i] = true
	}
	return t
}

func (t *table) add(cells ...string) {
	row := make([]string, len(t.head))
	for i := range row {
		if i < len(cells) {
			row[i] = cleanCell(cells[i], t.limit[i])
		}
	}
	t.rows = append(t.rows, row)
}

func cleanCell(s string, limit int) string { return cut(termLine(s), limit) }

// cut shortens s to limit characters, the last one "…" (limit 0: no limit).
func cut(s string, limit int) string {
	if limit > 0 && utf8.RuneCountInString(s) > limit {
		r := []rune(s)
		s = string(r[:limit-1]) + "…"
	}
	return s
}

// write prints the head and the rows; the last column is not padded.
func (t *table) write(w io.Writer) error { return t.print(w, append([][]string{t.head}, t.rows...)) }

// writeRows prints the rows only, aligned as if under the head.
func (t *table) writeRows(w io.Writer) error { return t.print(w, t.rows) }

func (t *table) print(w io.Writer, lines [][]string) error {
	width := make([]int, len(t.head))
	for _, row := range append([][]string{t.head}, t.rows...) {
		for i, c := range row {
			width[i] = max(width[i], utf8.RuneCountInString(c))
		}
	}
	t.narrow(width)
	var b strings.Builder
	for _, row := range lines {
		var line strings.Builder
		for i, c := range row {
			c = cut(c, width[i])
			line.WriteString(c)
			if i < len(row)-1 {
				line.WriteString(strings.Repeat(" ", width[i]-utf8.RuneCountInString(c)+2))
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// narrow takes from the widest flexible column until a line fits t.width.
func (t *table) narrow(width []int) {
	if t.width <= 0 {
		return
	}
	total := 2 * (len(width) - 1)
	for _, n := range width {
		total += n
	}
	for ; total > t.width; total-- {
		widest := -1
		for i, n := range width {
			if t.flex[i] && n > minFlex && (widest < 0 || n > width[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			return
		}
		width[widest]--
	}
}

// outputWidth is how wide lines for people may be: the --width flag when
// given, else the terminal's width, else (a pipe, a file) no limit.
func outputWidth(w io.Writer, flag int) int {
	if flag > 0 {
		return flag
	}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		if cols, _, err := term.GetSize(int(f.Fd())); err == nil && cols > 0 {
			return cols
		}
		return 80
	}
	return 0
}
