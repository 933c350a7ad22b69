package mailparse

import (
	"regexp"
	"strings"
)

// Quality-system record identifiers, as labs write them in the answer to
// e): an upper-case prefix and numbers joined by hyphens, slashes or a
// space ("NC-2021-014", "NCR 21/033", "AB-2021-03", "R-21-04", "NC
// 2021/017", "NC-BL-2021-0007", "CAPA-0045", "AFW/21/112"). The letter's
// own reference (Sciensano-AC-2021-04), CVE numbers, police reports (PV)
// and standards (ISO 15189) are not quality records, nor are the
// procedures and manuals the lab works by (references_docs.go).

var refRe = regexp.MustCompile(`\b[A-Z][A-Z0-9]{0,6}(?:[-/][A-Z]{1,5})*(?:[-/]|\s(?:n[°o]\s?)?)\d{2,5}(?:[-/.]\d{1,5})*\b`)

// notRefPrefixes are identifier prefixes that are not quality records.
var notRefPrefixes = toSet("CVE PV ISO IEC EN NEN DIN RFC COVID SARS HL7 KB MS TCP UDP PORT VLAN WIN WINDOWS SMB RDP PC IP GE")

// references returns the record identifiers in text, in order, without
// duplicates.
func references(text string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, m := range refRe.FindAllStringIndex(text, -1) {
		s := text[m[0]:m[1]]
		if m[0] > 0 {
			prev := text[m[0]-1]
			if prev == '-' || prev == '/' || prev == '_' || prev == '.' || isWordByte(prev) {
				continue // inside a longer token such as Sciensano-AC-2021-04
			}
		}
		if m[1] < len(text) && (text[m[1]] == '-' && m[1]+1 < len(text) && isWordByte(text[m[1]+1])) {
			continue
		}
		prefix := s
		if i := strings.IndexAny(s, "-/ "); i > 0 {
			prefix = s[:i]
		}
		if notRefPrefixes[prefix] || citesLetter(s) || namesDocument(text, m[0], m[1], prefix) {
			continue
		}
		// A space-separated number needs a real prefix ("NC 21-012"), not
		// one capital letter ("E 2021").
		if strings.Contains(s, " ") && len(prefix) < 2 {
			continue
		}
		// Dates such as "AB 2021" alone are too thin: want two numbers or
		// a hyphen/slash joined form.
		if !strings.ContainsAny(s[len(prefix):], "-/") && !strings.Contains(strings.TrimSpace(s[len(prefix):]), ".") {
			continue
		}
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}
