package mailparse

import (
	"encoding/xml"
	"io"
	"strings"
)

// odtText extracts the text of an OpenDocument text file (.odt, what
// LibreOffice saves) with the conventions of docxText: a line per
// paragraph or heading, list items as "- item" indented per nesting
// level, table rows with cells joined by " | ".
func odtText(b []byte) (string, error) {
	return zipXMLText(b, "content.xml", odtXMLText)
}

func odtXMLText(r io.Reader) (string, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	var out, para strings.Builder
	var rows []*docxRow
	lists, items := 0, 0 // open text:list and text:list-item elements
	depth := 0           // open text:p / text:h, to join nested spans
	itemStart := false   // the next paragraph starts a list item
	emit := func(line string) {
		if k := len(rows); k > 0 {
			if line != "" {
				rows[k-1].cell = append(rows[k-1].cell, line)
			}
			return
		}
		out.WriteString(line)
		out.WriteByte('\n')
	}
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			if out.Len() > 0 {
				break
			}
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "p", "h":
				if depth == 0 {
					para.Reset()
				}
				depth++
			case "list":
				lists++
			case "list-item":
				items++
				itemStart = true
			case "s":
				para.WriteByte(' ')
			case "tab":
				para.WriteByte('\t')
			case "line-break":
				para.WriteByte('\n')
			case "table-row":
				rows = append(rows, &docxRow{})
			case "table-cell":
				if k := len(rows); k > 0 {
					rows[k-1].cell = rows[k-1].cell[:0]
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "p", "h":
				depth--
				if depth > 0 {
					continue
				}
				line := strings.TrimSpace(para.String())
				if line != "" && items > 0 {
					if itemStart {
						line = strings.Repeat("  ", max(lists-1, 0)) + "- " + line
					} else {
						line = strings.Repeat("  ", lists) + line
					}
				}
				itemStart = false
				emit(line)
				para.Reset()
			case "list":
				lists--
			case "list-item":
				items--
			case "table-cell":
				if k := len(rows); k > 0 {
					if c := strings.Join(rows[k-1].cell, "\n"); c != "" {
						rows[k-1].cells = append(rows[k-1].cells, c)
					}
				}
			case "table-row":
				if k := len(rows); k > 0 {
					row := strings.Join(rows[k-1].cells, " | ")
					rows = rows[:k-1]
					if row != "" {
						emit(row)
					}
				}
			}
		case xml.CharData:
			if depth > 0 {
				para.Write(t)
			}
		}
	}
	return collapseBlankLines(out.String()), nil
}
