package mailparse

import (
	"encoding/xml"
	"io"
	"strings"
)

func odtXMLText(r io.Reader) (string, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	var doc docLines
	var para strings.Builder
	lists, items := 0, 0 // open text:list and text:list-item elements
	depth := 0           // open text:p / text:h, to join nested spans
	itemStart := false   // the next paragraph starts a list item
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			if doc.out.Len() > 0 {
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
				doc.startRow()
			case "table-cell":
				doc.startCell()
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
				doc.line(line)
				para.Reset()
			case "list":
				lists--
			case "list-item":
				items--
			case "table-cell":
				doc.endCell()
			case "table-row":
				doc.endRow()
			}
		case xml.CharData:
			if depth > 0 {
				para.Write(t)
			}
		}
	}
	return doc.text(), nil
}
