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
	if t, ok := quickDate(v); ok {
		return t.Format(time.RFC3339)
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

// quickDate reads the usual RFC 5322 shape, "[Mon, ]2 Jan 2006 15:04[:05]
// -0700 [(comment)]", without net/mail, whose layout-by-layout attempts
// allocate an error each and were a quarter of decode's allocations.
func quickDate(v string) (time.Time, bool) {
	if i := strings.IndexByte(v, '('); i >= 0 {
		v = v[:i]
	}
	var f [6]string
	n := 0
	for _, w := range strings.Fields(v) {
		if n == len(f) {
			return time.Time{}, false
		}
		f[n] = w
		n++
	}
	fs := f[:n]
	if len(fs) > 0 && isDayName(fs[0]) {
		fs = fs[1:]
	}
	if len(fs) != 5 {
		return time.Time{}, false
	}
	day, ok1 := atoiSmall(fs[0])
	month := monthNumber(fs[1])
	year, ok2 := atoiSmall(fs[2])
	if !ok1 || !ok2 || month == 0 || len(fs[2]) != 4 {
		return time.Time{}, false
	}
	hh, mm, ss, ok := clock(fs[3])
	if !ok {
		return time.Time{}, false
	}
	off, ok := zoneOffset(fs[4])
	if !ok {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, hh, mm, ss, 0, time.FixedZone("", off))
	if t.Day() != day {
		return time.Time{}, false // 31 Feb and the like
	}
	return t, true
}

func atoiSmall(s string) (int, bool) {
	if s == "" || len(s) > 4 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

func monthNumber(s string) int {
	if len(s) != 3 {
		return 0
	}
	const names = "janfebmaraprmayjunjulaugsepoctnovdec"
	l := strings.ToLower(s)
	for i := 0; i < 12; i++ {
		if names[i*3:i*3+3] == l {
			return i + 1
		}
	}
	return 0
}

// clock reads "15:04" or "15:04:05".
func clock(s string) (h, m, sec int, ok bool) {
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, 0, 0, false
	}
	var v [3]int
	for i, p := range parts {
		n, good := atoiSmall(p)
		if !good || len(p) > 2 {
			return 0, 0, 0, false
		}
		v[i] = n
	}
	if v[0] > 23 || v[1] > 59 || v[2] > 60 {
		return 0, 0, 0, false
	}
	return v[0], v[1], v[2], true
}

// zoneOffset reads "+0100", "-0500" or the zone names RFC 5322 keeps
// (and CET/CEST, which Belgian servers write), in seconds east of UTC.
func zoneOffset(z string) (int, bool) {
	if len(z) == 5 && (z[0] == '+' || z[0] == '-') {
		hh, ok1 := atoiSmall(z[1:3])
		mm, ok2 := atoiSmall(z[3:5])
		if !ok1 || !ok2 || mm > 59 {
			return 0, false
		}
		off := hh*3600 + mm*60
		if z[0] == '-' {
			off = -off
		}
		return off, true
	}
	switch strings.ToUpper(z) {
	case "UT", "UTC", "GMT", "Z":
		return 0, true
	case "CET":
		return 3600, true
	case "CEST":
		return 7200, true
	case "EST":
		return -5 * 3600, true
	case "EDT":
		return -4 * 3600, true
	case "CST":
		return -6 * 3600, true
	case "CDT":
		return -5 * 3600, true
	case "MST":
		return -7 * 3600, true
	case "MDT":
		return -6 * 3600, true
	case "PST":
		return -8 * 3600, true
	case "PDT":
		return -7 * 3600, true
	}
	return 0, false
}
