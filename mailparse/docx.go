package mailparse

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// docxMaxXML bounds the uncompressed size of word/document.xml, the only
// entry read: a real reply is a few hundred kilobytes of XML, a zip bomb is
// gigabytes. The bound holds whatever sizes the archive declares.
const docxMaxXML = 20 << 20

// docxMaxEntries refuses archives with absurd entry counts before any is
// opened.
const docxMaxEntries = 10000

// errOverBudget is a document that expands beyond what is left of the
// message's budget of attachment bytes (but within docxMaxXML).
var errOverBudget = errors.New("over the attachment bytes left for the message")

// zipXMLText opens the named XML entry of an Office zip (docx, odt) and
// extracts its text with read, refusing an entry that expands beyond
// docxMaxXML whatever size the archive declares, and stopping at what is
// left of bud's bytes (errOverBudget) or time. It returns the bytes it
// decompressed.
func zipXMLText(b []byte, entry string, read func(io.Reader) (string, error), bud *budget) (string, int64, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return "", 0, fmt.Errorf("not a zip archive: %w", err)
	}
	if len(zr.File) > docxMaxEntries {
		return "", 0, fmt.Errorf("archive has %d entries, over the %d limit", len(zr.File), docxMaxEntries)
	}
	for _, f := range zr.File {
		if f.Name != entry {
			continue
		}
		if f.UncompressedSize64 > docxMaxXML {
			return "", 0, fmt.Errorf("%s expands to %d bytes, over the %d MiB limit (zip bomb?)", entry, f.UncompressedSize64, docxMaxXML>>20)
		}
		limit := min(int64(docxMaxXML), bud.bytes)
		if f.UncompressedSize64 > uint64(limit) {
			return "", 0, errOverBudget
		}
		rc, err := f.Open()
		if err != nil {
			return "", 0, fmt.Errorf("open %s: %w", entry, err)
		}
		defer rc.Close()
		lr := &io.LimitedReader{R: deadlineReader{rc, bud}, N: limit + 1}
		text, err := read(lr)
		used := limit + 1 - lr.N
		switch {
		case lr.N <= 0 && limit < docxMaxXML:
			return "", used, errOverBudget
		case lr.N <= 0:
			return "", used, fmt.Errorf("%s expands beyond the %d MiB limit (zip bomb?)", entry, docxMaxXML>>20)
		case err != nil:
			return text, used, fmt.Errorf("read %s: %w", entry, err)
		}
		return text, used, nil
	}
	return "", 0, fmt.Errorf("no %s in the archive", entry)
}

// docLines collects the lines of a word-processing document, with the
// table convention of decoded text: a row is one line of its non-empty
// cells joined by " | ", a cell's further paragraphs continue on the next
// lines, a nested table's rows belong to the outer cell.
type docLines struct {
	out  strings.Builder
	rows []*docRow // one per open table nesting level
}

// docRow is a table row being read: its finished cells and the current
// cell's paragraphs.
type docRow struct {
	cells []string
	cell  []string
}

// line adds a finished paragraph.
func (d *docLines) line(s string) {
	if k := len(d.rows); k > 0 {
		if s != "" {
			d.rows[k-1].cell = append(d.rows[k-1].cell, s)
		}
		return
	}
	d.out.WriteString(s)
	d.out.WriteByte('\n')
}

func (d *docLines) startRow() { d.rows = append(d.rows, &docRow{}) }

func (d *docLines) startCell() {
	if k := len(d.rows); k > 0 {
		d.rows[k-1].cell = d.rows[k-1].cell[:0]
	}
}

func (d *docLines) endCell() {
	if k := len(d.rows); k > 0 {
		if c := strings.Join(d.rows[k-1].cell, "\n"); c != "" {
			d.rows[k-1].cells = append(d.rows[k-1].cells, c)
		}
	}
}

func (d *docLines) endRow() {
	k := len(d.rows)
	if k == 0 {
		return
	}
	row := strings.Join(d.rows[k-1].cells, " | ")
	d.rows = d.rows[:k-1]
	if row != "" {
		d.line(row)
	}
}

func (d *docLines) text() string { return collapseBlankLines(d.out.String()) }

func docxXMLText(r io.Reader) (string, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	var doc docLines
	var para strings.Builder
	inText := false
	list, level := false, 0
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			if doc.out.Len() > 0 {
				break // keep what was read from a truncated document
			}
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "p":
				para.Reset()
				list, level = false, 0
			case "numPr":
				list = true
			case "ilvl":
				if v := xmlAttr(t, "val"); len(v) == 1 && v[0] >= '0' && v[0] <= '9' {
					level = int(v[0] - '0')
				}
			case "pStyle":
				if v := strings.ToLower(xmlAttr(t, "val")); strings.Contains(v, "list") || strings.Contains(v, "liste") {
					list = true
				}
			case "t":
				inText = true
			case "tab":
				para.WriteByte('\t')
			case "br", "cr":
				para.WriteByte('\n')
			case "tr":
				doc.startRow()
			case "tc":
				doc.startCell()
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				line := strings.TrimSpace(para.String())
				if line != "" && list {
					line = strings.Repeat("  ", level) + "- " + line
				}
				doc.line(line)
				para.Reset()
			case "tc":
				doc.endCell()
			case "tr":
				doc.endRow()
			}
		case xml.CharData:
			if inText {
				para.Write(t)
			}
		}
	}
	return doc.text(), nil
}

func xmlAttr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
