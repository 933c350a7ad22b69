package mailparse

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// incidentDate reads when the attack began (CONTRACT.md's incident_date):
// the earliest date the reply gives, as "YYYY-MM-DD", or "YYYY-MM" when
// the earliest it says is a month alone; nil when it gives none. text is
// the lab's own words (quoted mail and the answers to d) and e) left out);
// sent is the message's Date, which gives the year a date leaves out and
// the day "yesterday" or "last Tuesday" mean; lang picks the relative
// words ("hier" is French for yesterday, Dutch and German for here).
func incidentDate(text string, sent time.Time, lang string) *string {
	if text == "" {
		return nil
	}
	f := fold(text)
	var days, months []datePoint
	var spans [][2]int // where day dates are, so a month inside one is not read again
	for _, m := range datePatterns().find(f, lang) {
		if !m.monthOnly {
			spans = append(spans, [2]int{m.start, m.end})
		}
		if notIncident(f, m.start) {
			continue
		}
		p, ok := m.resolve(sent)
		if !ok || p.t.Equal(letterDate) && !m.relative {
			continue
		}
		if m.monthOnly {
			months = append(months, p)
			continue
		}
		days = append(days, p)
	}
	months = slices.DeleteFunc(months, func(p datePoint) bool {
		for _, s := range spans {
			if p.start >= s[0] && p.start < s[1] {
				return true
			}
		}
		return false
	})
	sortPoints(days)
	sortPoints(months)
	// A day is told for the attack's steps; a month alone next to days is
	// mostly background (a leak, a departure, a flaw made public), so it
	// counts only when the reply names no day.
	switch {
	case len(days) > 0:
		s := days[0].t.Format("2006-01-02")
		return &s
	case len(months) > 0:
		s := months[0].t.Format("2006-01")
		return &s
	}
	return nil
}

// datePoint is a date found in the text: a day, or the first of a month.
type datePoint struct {
	t     time.Time
	start int
}

func sortPoints(ps []datePoint) {
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].t.Before(ps[j].t) })
}

// notIncident tells a date that belongs to something else than the
// attack by the words just before it on its line (notIncidentDate).
func notIncident(f string, start int) bool {
	from := strings.LastIndexByte(f[:start], '\n') + 1
	ws := words(f[from:start])
	// The last five words before the date; a stem matches from the start
	// of a word ("formation", not "informations").
	w := " " + strings.Join(ws[max(0, len(ws)-5):], " ") + " "
	return containsAny(w, datePatterns().notIncident)
}

// wordStems writes stems the way notIncident writes its window: words
// only, a blank before (unless the stem, marked "*", also ends German
// compounds: "Bandsicherung"), and after when the stem is a whole word.
func wordStems(stems []string) []string {
	out := make([]string, len(stems))
	for i, s := range stems {
		out[i] = " " + strings.Join(words(s), " ")
		if strings.HasPrefix(s, "*") {
			out[i] = out[i][1:]
		}
		if strings.HasSuffix(s, " ") {
			out[i] += " "
		}
	}
	return out
}

// dateMatch is one date expression found in folded text.
type dateMatch struct {
	start, end int
	year       int // 0 when not written
	month      time.Month
	day        int // 0 for a month alone
	monthOnly  bool
	back       int          // relative: days back from the message's date
	weekday    time.Weekday // relative: "last <weekday>"
	lastWD     bool         // the most recent such weekday
	prevWeekWD bool         // that weekday in the week before
	relative   bool
}

// resolve turns a match into a date, against the message's date sent:
// a year left out is the one that puts the date on or before sent.
func (m dateMatch) resolve(sent time.Time) (datePoint, bool) {
	day := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) }
	p := datePoint{start: m.start}
	if m.relative {
		if sent.IsZero() {
			return p, false
		}
		d := day(sent)
		switch {
		case m.lastWD:
			back := (int(d.Weekday()) - int(m.weekday) + 7) % 7
			if back == 0 {
				back = 7
			}
			p.t = d.AddDate(0, 0, -back)
		case m.prevWeekWD:
			monday := d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
			p.t = monday.AddDate(0, 0, -7+(int(m.weekday)+6)%7)
		default:
			p.t = d.AddDate(0, 0, m.back)
		}
		return p, true
	}
	year := m.year
	if year > 0 && year < 100 {
		year += 2000
	}
	dd := max(m.day, 1)
	if year == 0 {
		if sent.IsZero() {
			return p, false
		}
		year = sent.Year()
		limit := day(sent).AddDate(0, 0, 1)
		if m.monthOnly {
			limit = time.Date(sent.Year(), sent.Month(), 1, 0, 0, 0, 0, time.UTC)
		}
		if t := time.Date(year, m.month, dd, 0, 0, 0, 0, time.UTC); t.After(limit) {
			// Within two months after the message, a date without its
			// year is a plan ("formation prévue le 3 mars", "rattrapée
			// en mars"); further on, last year's.
			if t.Before(limit.AddDate(0, 2, 0)) {
				return p, false
			}
			year--
		}
	}
	if year < 1990 || year > 2100 || m.month < 1 || m.month > 12 || dd > daysIn(m.month, year) {
		return p, false
	}
	p.t = time.Date(year, m.month, dd, 0, 0, 0, 0, time.UTC)
	// A date after the message is a plan, not the attack.
	if !sent.IsZero() && p.t.After(day(sent).AddDate(0, 0, 1)) {
		return p, false
	}
	return p, true
}

func daysIn(m time.Month, year int) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// datePatternSet holds the patterns built from incident_words.go. They
// are anchored and tried only where a date can start (a number, a month,
// a weekday or the first word of a relative phrase): run over the whole
// text, their alternations of a hundred words cost more than the rest of
// the parse together.
type datePatternSet struct {
	dayMonth    *regexp.Regexp // 3 janvier 2021, 1er février, 28. Januar, 2nd of March
	monthDay    *regexp.Regexp // March 2, 2021
	rangeFirst  *regexp.Regexp // the first day of "18 au 20 janvier"
	numeric     *regexp.Regexp // 15/02/2021, 15.02.2021, 23/01, 2021-01-07
	monthLead   *regexp.Regexp // what makes a month alone a date, before it
	year        *regexp.Regexp // a year after a month
	monthFirst  map[string]bool
	relative    map[string]map[string][]relPattern // language, first word
	notIncident []string                           // notIncidentDate as wordStems
}

type relPattern struct {
	re   *regexp.Regexp
	back int
	kind int // 0 days back, 1 last weekday, 2 weekday of last week
}

var (
	datePatternsOnce sync.Once
	datePatternsSet  *datePatternSet
)

func datePatterns() *datePatternSet {
	datePatternsOnce.Do(func() { datePatternsSet = buildDatePatterns() })
	return datePatternsSet
}

func alternation(words []string) string {
	ws := slices.Clone(words)
	// Longest first, so "tot en met" wins over "tot".
	sort.Slice(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
	for i, w := range ws {
		ws[i] = strings.ReplaceAll(regexp.QuoteMeta(w), " ", `\s+`)
	}
	return strings.Join(ws, "|")
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func buildDatePatterns() *datePatternSet {
	anyMonth := alternation(append(keys(monthWords), keys(monthAbbrevs)...))
	wd := alternation(keys(weekdayWords))
	daySuffix := `(?:er|ere|re|e|ste|de|st|nd|rd|th)?\.?`
	s := &datePatternSet{
		dayMonth: regexp.MustCompile(`^(\d{1,2})` + daySuffix + `\s*(?:of\s+|de\s+)?(` + anyMonth + `)\b\.?(?:,?\s+(\d{4})\b)?`),
		monthDay: regexp.MustCompile(`^(` + alternation(monthFirstWords) + `)\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?`),
		rangeFirst: regexp.MustCompile(`^(\d{1,2})` + daySuffix + `\s*(?:` + alternation(dayRangeJoin) + `)\s*(?:le\s+|den\s+|the\s+)?(?:` + wd + `)?\s*(\d{1,2})` +
			daySuffix + `\s*(?:of\s+|de\s+)?(` + anyMonth + `)\b\.?(?:,?\s+(\d{4})\b)?`),
		numeric:     regexp.MustCompile(`^(?:(\d{4})-(\d{2})-(\d{2})|(\d{1,2})([./-])(\d{1,2})(?:[./-](\d{4}|\d{2}))?)`),
		monthLead:   regexp.MustCompile(`(?:\b(?:` + alternation(monthOnlyLead) + `)(?:\s+|-)(?:(?:de|het|the|le|la|des|du)\s+)?|\bd')$`),
		year:        regexp.MustCompile(`^\s+(\d{4})\b`),
		monthFirst:  map[string]bool{},
		relative:    map[string]map[string][]relPattern{},
		notIncident: wordStems(notIncidentDate),
	}
	for _, m := range monthFirstWords {
		s.monthFirst[m] = true
	}
	// Per language, the patterns in the order they are tried: a weekday
	// of last week first ("vorige week dinsdag" is not "vorige
	// dinsdag"), then days back, longest phrase first ("avant-hier" is
	// not "hier"), then last weekday.
	type entry struct {
		phrase string
		rp     relPattern
	}
	weekday := `(` + wd + `)(?:ochtend|avond|nacht|middag|morgen|abend|nachmittag|soir|matin)?`
	for _, lang := range []string{"fr", "nl", "de", "en"} {
		var list []entry
		for _, p := range prevWeekWeekday[lang] {
			list = append(list, entry{p, relPattern{kind: 2}})
		}
		phrases := keys(relativeDays[lang])
		sort.SliceStable(phrases, func(i, j int) bool { return len(phrases[i]) > len(phrases[j]) })
		for _, p := range phrases {
			list = append(list, entry{p, relPattern{back: relativeDays[lang][p]}})
		}
		for _, p := range lastWeekday[lang] {
			list = append(list, entry{p, relPattern{kind: 1}})
		}
		byFirst := map[string][]relPattern{}
		for _, e := range list {
			e.rp.re = regexp.MustCompile(`^` + strings.ReplaceAll(alternation([]string{e.phrase}), "WD", weekday) + `\b`)
			first := words(e.phrase)[0]
			if first == "wd" {
				for w := range weekdayWords {
					byFirst[w] = append(byFirst[w], e.rp)
				}
				continue
			}
			byFirst[first] = append(byFirst[first], e.rp)
		}
		s.relative[lang] = byFirst
	}
	return s
}

// find returns the date expressions of folded text f, trying the
// patterns at each word that may start one.
func (s *datePatternSet) find(f, lang string) []dateMatch {
	var out, months []dateMatch
	taken := func(start, end int) bool {
		for _, m := range out {
			if start < m.end && end > m.start {
				return true
			}
		}
		return false
	}
	add := func(m dateMatch) bool {
		if taken(m.start, m.end) {
			return false
		}
		out = append(out, m)
		return true
	}
	rel := s.relative[lang]
	for p, q := nextWord(f, 0); p < len(f); p, q = nextWord(f, q) {
		tok := f[p:q]
		win := f[p:min(len(f), p+100)]
		switch {
		case isDigit(tok[0]):
			// Cheap tests first: most numbers are no dates (phones,
			// counts, record numbers).
			num := q < len(f) && strings.IndexByte("./-", f[q]) >= 0
			words := leadingDigits(tok) <= 2 && monthSoon(f, q)
			if !num && !words {
				break
			}
			if ix := s.rangeFirst.FindStringSubmatchIndex(win); words && ix != nil {
				add(dateMatch{start: p, end: p + ix[3], day: atoi(win[ix[2]:ix[3]]), month: monthOf(win[ix[6]:ix[7]]), year: groupInt(win, ix, 4)})
			} else if ix := s.dayMonth.FindStringSubmatchIndex(win); words && ix != nil {
				add(dateMatch{start: p, end: p + ix[1], day: atoi(win[ix[2]:ix[3]]), month: monthOf(win[ix[4]:ix[5]]), year: groupInt(win, ix, 3)})
			} else if ix := s.numeric.FindStringSubmatchIndex(win); num && ix != nil {
				if m, ok := numericDate(f, p, win, ix); ok {
					add(m)
				}
			}
		case monthWords[tok] != 0:
			if (lang == "en" || lang == "") && s.monthFirst[tok] {
				if ix := s.monthDay.FindStringSubmatchIndex(win); ix != nil {
					if add(dateMatch{start: p, end: p + ix[1], month: monthWords[tok], day: atoi(win[ix[4]:ix[5]]), year: groupInt(win, ix, 3)}) {
						break
					}
				}
			}
			if m, ok := s.monthAlone(f, p, q); ok {
				months = append(months, m)
			}
		}
		for _, rp := range rel[tok] {
			ix := rp.re.FindStringSubmatchIndex(win)
			if ix == nil {
				continue
			}
			m := dateMatch{start: p, end: p + ix[1], relative: true, back: rp.back}
			if rp.kind > 0 {
				m.weekday = weekdayWords[win[ix[2]:ix[3]]]
				m.lastWD, m.prevWeekWD = rp.kind == 1, rp.kind == 2
			}
			if add(m) {
				break
			}
		}
	}
	return append(out, months...)
}

// monthSoon tells whether a month name or abbreviation is among the
// next six words after f[:q] on the same line ("18 au 20 janvier").
func monthSoon(f string, q int) bool {
	for n, p, e := 0, q, q; n < 6; n++ {
		if p, e = nextWord(f, e); p == len(f) || strings.IndexByte(f[q:p], '\n') >= 0 {
			return false
		}
		if monthOf(f[p:e]) != 0 {
			return true
		}
	}
	return false
}

// nextWord returns the start and end of the first word of f at or after
// p (len(f) twice when there is none).
func nextWord(f string, p int) (int, int) {
	for p < len(f) && !isWordByte(f[p]) {
		p++
	}
	q := p
	for q < len(f) && isWordByte(f[q]) {
		q++
	}
	return p, q
}

func leadingDigits(s string) int {
	n := 0
	for n < len(s) && isDigit(s[n]) {
		n++
	}
	return n
}

// monthAlone reads a month name f[p:q] as a date of its own: after a word
// that makes it one ("en janvier", "eind december", "d'avril"), or with
// its year ("december 2020").
func (s *datePatternSet) monthAlone(f string, p, q int) (dateMatch, bool) {
	m := dateMatch{start: p, end: q, month: monthWords[f[p:q]], monthOnly: true}
	if ix := s.year.FindStringSubmatchIndex(f[q:min(len(f), q+8)]); ix != nil {
		m.year, m.end = atoi(f[q+ix[2]:q+ix[3]]), q+ix[1]
	}
	from := max(0, p-30)
	for from > 0 && from < p && isWordByte(f[from-1]) {
		from++ // the look-back starts at a word
	}
	if ix := s.monthLead.FindStringIndex(f[from:p]); ix != nil {
		m.start = from + ix[0]
		return m, true
	}
	return m, m.year != 0
}

// numericDate reads 15/02/2021, 15.02.21, 2021-01-07 and 23/01 matched
// at f[p:] (win, ix), refusing what only looks like one: digits running
// on (phone numbers, record numbers), "24/7", fractions, and a day and
// month without a year written with anything but a slash.
func numericDate(f string, p int, win string, ix []int) (dateMatch, bool) {
	start, end := p, p+ix[1]
	if start > 0 && (isDigit(f[start-1]) || strings.IndexByte("./-", f[start-1]) >= 0) {
		return dateMatch{}, false
	}
	if end < len(f) && (isDigit(f[end]) || end+1 < len(f) && strings.IndexByte("./-", f[end]) >= 0 && isDigit(f[end+1])) {
		return dateMatch{}, false
	}
	m := dateMatch{start: start, end: end}
	if ix[2] >= 0 { // ISO
		m.year, m.month, m.day = atoi(win[ix[2]:ix[3]]), time.Month(atoi(win[ix[4]:ix[5]])), atoi(win[ix[6]:ix[7]])
	} else {
		m.day, m.month = atoi(win[ix[8]:ix[9]]), time.Month(atoi(win[ix[12]:ix[13]]))
		if ix[14] >= 0 {
			m.year = atoi(win[ix[14]:ix[15]])
		} else if win[ix[10]:ix[11]] != "/" || shortFraction(m.day, int(m.month)) {
			return dateMatch{}, false
		}
	}
	if m.day < 1 || m.day > 31 || m.month < 1 || m.month > 12 {
		return dateMatch{}, false
	}
	return m, true
}

// shortFraction tells "24/7" and "1/2" from a day and month.
func shortFraction(a, b int) bool {
	switch [2]int{a, b} {
	case [2]int{24, 7}, [2]int{7, 7}, [2]int{1, 2}, [2]int{1, 3}, [2]int{2, 3}, [2]int{1, 4}, [2]int{3, 4}:
		return true
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func groupInt(f string, ix []int, g int) int {
	if 2*g+1 >= len(ix) || ix[2*g] < 0 {
		return 0
	}
	return atoi(f[ix[2*g]:ix[2*g+1]])
}

func monthOf(w string) time.Month {
	if m, ok := monthWords[w]; ok {
		return m
	}
	return monthAbbrevs[w]
}

// incidentText is where the reply says when the attack began: the
// sender's own text, the forwarded report or attachment the answers came
// from, and the answers a) to c); not the answers to d) (prevention,
// plans) and e) (quality records), whose dates are of other things.
func incidentText(own string, rd answersRead) string {
	a := rd.sections.Answers
	skip := map[string]bool{}
	for _, s := range a[3:] {
		for _, l := range strings.Split(s, "\n") {
			if l = strings.TrimSpace(l); len(l) > 3 {
				skip[l] = true
			}
		}
	}
	var b strings.Builder
	keep := func(text string) {
		for _, l := range strings.Split(text, "\n") {
			// A line read once is enough (the answers are mostly lines
			// of the sender's own text).
			if t := strings.TrimSpace(l); t != "" && !skip[t] {
				skip[t] = true
				b.WriteString(t)
				b.WriteByte('\n')
			}
		}
	}
	keep(own)
	for _, s := range rd.used {
		keep(ownText(s.Lines))
	}
	keep(rd.extraText)
	for _, s := range a[:3] {
		keep(s)
	}
	return b.String()
}

// sentTime reads the Result's Date (RFC 3339), zero when there is none.
func sentTime(date string) time.Time {
	t, err := time.Parse(time.RFC3339, date)
	if err != nil {
		return time.Time{}
	}
	return t
}
