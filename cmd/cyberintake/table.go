package main

import (
	"io"
	"strings"
	"unicode/utf8"
)

// table prints rows as aligned columns for people: cells are padded to the
// widest in their column (counted in characters, not bytes), line breaks
// become spaces, control characters are escaped (termLine), and cells
// longer than the column's limit are cut with "…".
type table struct {
	head  []string
	limit []int // per column, 0: no limit
	rows  [][]string
}

func newTable(head ...string) *table { return &table{head: head, limit: make([]int, len(head))} }

// setLimit caps the width of column i.
func (t *table) setLimit(i, width int) *table {
	t.limit[i] = width
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

func cleanCell(s string, limit int) string {
	s = termLine(s)
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
	var b strings.Builder
	for _, row := range lines {
		var line strings.Builder
		for i, c := range row {
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
