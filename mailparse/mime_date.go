package mailparse

import (
	"net/mail"
	"strings"
	"time"
)

// dateLayouts are the shapes of Date fields seen in real mail that
// net/mail refuses, tried after the value has been cleaned (comments such
// as "(CET)" removed, spaces collapsed, commas and dots normalised).
var dateLayouts = []string{
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04 -0700",
	"2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04:05",
	"2 Jan 06 15:04:05 -0700",
	"2 Jan 06 15:04:05 MST",
	"2 January 2006 15:04:05 -0700",
	"2 January 2006 15:04:05 MST",
	"Jan 2 2006 15:04:05 -0700",
	"Jan 2 2006 15:04:05 MST",
	"Jan 2 15:04:05 2006",
	"Jan 2 15:04:05 MST 2006",
	"Jan 2 15:04:05 -0700 2006",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04:05Z07:00",
	"2006-01-02T15:04:05",
	"02/01/2006 15:04:05",
	"02/01/2006 15:04",
	"2 Jan 2006",
}

// parseDate returns the Date field in RFC 3339, or "" when it cannot be
// read.
func parseDate(v string) string {
	v = strings.TrimSpace(v)
	if v == "" {
		return ""
	}
	if t, err := mail.ParseDate(v); err == nil {
		return t.Format(time.RFC3339)
	}
	c := cleanDate(v)
	if t, err := mail.ParseDate(c); err == nil {
		return t.Format(time.RFC3339)
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, c); err == nil {
			return t.Format(time.RFC3339)
		}
	}
	return ""
}

// cleanDate drops comments and a leading day name, normalises separators
// and zone spellings like "GMT+0100" or "+01:00".
func cleanDate(v string) string {
	var b strings.Builder
	depth := 0
	for _, r := range v {
		switch {
		case r == '(':
			depth++
		case r == ')':
			if depth > 0 {
				depth--
			}
		case depth > 0:
		case r == ',' || r == '\t':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	f := strings.Fields(b.String())
	if len(f) > 0 && isDayName(f[0]) {
		f = f[1:]
	}
	for i, w := range f {
		w = strings.TrimSuffix(w, ".")
		if len(w) > 3 && isMonthName(w[:3]) && isLetters(w) {
			w = strings.ToUpper(w[:1]) + strings.ToLower(w[1:3])
		} else if len(w) == 3 && isMonthName(w) {
			w = strings.ToUpper(w[:1]) + strings.ToLower(w[1:])
		}
		if (strings.HasPrefix(w, "GMT") || strings.HasPrefix(w, "UTC")) && len(w) > 3 {
			w = w[3:]
		}
		if len(w) == 6 && (w[0] == '+' || w[0] == '-') && w[3] == ':' {
			w = w[:3] + w[4:]
		}
		// "+100" for "+0100"
		if len(w) == 4 && (w[0] == '+' || w[0] == '-') && isDigits(w[1:]) {
			w = w[:1] + "0" + w[1:]
		}
		// "12.30.00" for "12:30:00"
		if strings.Count(w, ".") == 2 && isDigits(strings.ReplaceAll(w, ".", "")) && len(w) <= 8 && i > 0 {
			w = strings.ReplaceAll(w, ".", ":")
		}
		f[i] = w
	}
	// A single-digit hour ("9:05:00") is what time.Parse refuses most.
	for i, w := range f {
		if len(w) >= 4 && w[1] == ':' && w[0] >= '0' && w[0] <= '9' {
			f[i] = "0" + w
		}
	}
	return strings.Join(f, " ")
}

func isDayName(w string) bool {
	w = strings.ToLower(strings.TrimRight(w, ",."))
	if len(w) < 3 {
		return false
	}
	switch w[:3] {
	case "mon", "tue", "wed", "thu", "fri", "sat", "sun":
		return true
	}
	return false
}

func isMonthName(w string) bool {
	switch strings.ToLower(w) {
	case "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec":
		return true
	}
	return false
}

func isLetters(s string) bool {
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
