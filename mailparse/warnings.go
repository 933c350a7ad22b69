package mailparse

import (
	"fmt"
	"strings"
)

// Warnings repeat what a message says about itself (a charset name, a
// file name, a header line), and a message is hostile input: each value a
// warning quotes is cut to maxWarnValue bytes and cleaned of control
// characters, and no warning is longer than maxWarning bytes, so that a
// 5,000-character charset name costs a line, not a page, wherever
// warnings are shown or stored.
const maxWarning = 300

// warnValue prepares an attacker-supplied string for a warning.
func warnValue(s string) string {
	return truncate(stripControls(s, false), maxWarnValue)
}

// nameList names attachments in a warning: the first three, then a count.
func nameList(as []Attachment) string {
	names := make([]string, 0, 3)
	for _, a := range as[:min(len(as), 3)] {
		names = append(names, warnValue(displayName(a.Name)))
	}
	s := strings.Join(names, ", ")
	if len(as) > 3 {
		s += fmt.Sprintf(" and %d more", len(as)-3)
	}
	return s
}

// boundWarnings cuts every warning to maxWarning bytes, whatever put it
// there.
func boundWarnings(ws []string) {
	for i, w := range ws {
		ws[i] = truncate(w, maxWarning)
	}
}

// stripControls drops control characters from what a warning quotes: C0
// controls (NUL, ESC, BEL...) but tab, DEL and C1 controls (U+0080 to
// U+009F, which some terminals read as escapes). A multi-line text keeps
// its line feeds; in a one-line text a line end becomes a blank. The clean
// case, nearly every string, costs one scan and no copy.
func stripControls(s string, multiline bool) string {
	i := 0
	for ; i < len(s); i++ {
		if isControlAt(s, i, multiline) {
			break
		}
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case !isControlAt(s, i, multiline):
			b.WriteByte(c)
		case c == '\n' || c == '\r':
			b.WriteByte(' ')
		case c == 0xc2:
			i++ // the second byte of a C1 control
		}
	}
	return b.String()
}

// isControlAt tells a control character starting at s[i].
func isControlAt(s string, i int, multiline bool) bool {
	c := s[i]
	switch {
	case c == '\t', c == '\n' && multiline:
		return false
	case c < 0x20, c == 0x7f:
		return true
	case c == 0xc2:
		return i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f
	}
	return false
}

// dropNUL removes NUL bytes from text a message supplies: no lab writes
// one, and it cuts C strings, CSV and XML cells short. The other control
// characters stay in the reading as sent (issue 8.6: JSON keeps them, and
// whatever prints for people escapes them).
func dropNUL(s string) string {
	if strings.IndexByte(s, 0) < 0 {
		return s
	}
	return strings.ReplaceAll(s, "\x00", "")
}

// cleanResult drops NUL bytes from every text field of r, and every
// control character from its warnings (the parser's words).
func cleanResult(r *Result) {
	for _, p := range []*string{&r.MessageID, &r.From, &r.Subject, &r.Contact.Name, &r.Contact.Email, &r.Contact.Phone, &r.InReplyTo,
		&r.Sections.A, &r.Sections.B, &r.Sections.C, &r.Sections.D, &r.Sections.E, &r.OwnText} {
		*p = dropNUL(*p)
	}
	if r.Lab != nil {
		lab := dropNUL(*r.Lab)
		r.Lab = &lab
	}
	for _, list := range [][]string{r.References, r.Thread} {
		for i := range list {
			list[i] = dropNUL(list[i])
		}
	}
	for i := range r.Warnings {
		r.Warnings[i] = stripControls(r.Warnings[i], false)
	}
	for i := range r.Attachments {
		r.Attachments[i].Name = dropNUL(r.Attachments[i].Name)
		r.Attachments[i].ContentType = dropNUL(r.Attachments[i].ContentType)
	}
}
