package mailparse

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// The letter asks labs to write "Cyber attaque – labo xxxxx" (French) or
// "Cyberaanval – labo xxxxx" (Dutch) in the subject. People write it with
// any dash or none, joined or hyphenated words, in capitals, with a typo,
// in German or English, behind a stack of reply and forward prefixes, and
// sometimes followed by a remark such as "(complément)".

// subjectInfo is what the subject line tells.
type subjectInfo struct {
	Convention bool    // the subject follows the convention
	Lab        *string // nil when absent or left as the placeholder
	AutoReply  bool    // a prefix such as "Réponse automatique :"
	Bounce     bool    // a prefix such as "Non remis :", "Undeliverable:"
	Forward    bool    // a forward prefix (TR, Fwd, FW, WG, Doorst, RV)
	Reply      bool    // a reply prefix (RE, AW, Antw, SV)
	Rest       string  // the subject without its prefixes
}

// prefixRe matches one reply, forward or automatic prefix, in the four
// languages and the usual client spellings ("RE:", "Re :", "AW:", "Antw:",
// "TR:", "Fwd:", "WG:", "Doorst:", "RV:", "Réponse automatique :"...),
// optionally numbered ("Re[2]:") or tagged ("[EXT]").
var prefixRe = regexp.MustCompile(`(?i)^\s*(?:\[[^\]]{1,20}\]\s*)?(re|ré|r|aw|antw|antwoord|sv|vs|odp|tr|fw|fwd|wg|wtr|doorst|rv|i|enc|réponse automatique|reponse automatique|automatisch antwoord|automatische antwort|automatic reply|auto reply|autoreply|auto|abwesenheitsnotiz|abwesend|out of office|absent du bureau|afwezig|non remis|non distribuable|undeliverable|undelivered mail returned to sender|unzustellbar|niet bezorgd|onbestelbaar|delivery status notification \(failure\)|mail delivery failed|returned mail)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*`)

var (
	forwardPrefixes = toSet("tr fw fwd wg wtr doorst rv i enc")
	replyPrefixes   = toSet("re r aw antw antwoord sv vs odp")
	autoPrefixes    = []string{"automati", "auto", "abwesen", "out of office", "absent", "afwezig"}
	bouncePrefixes  = []string{"non remis", "non distribuable", "undeliver", "unzustellbar", "niet bezorgd", "onbestelbaar", "delivery status", "mail delivery", "returned mail"}
)

// labWordRe finds the word that introduces the lab in the subject.
var labWordRe = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])(laboratoire|laboratorium|laboratory|labor|labo|lab)\b\.?`)

// conventionWords are the keyword spellings of the four languages,
// compacted (no spaces or hyphens, accents folded).
var conventionWords = []string{"cyberattaque", "cyberaanval", "cyberangriff", "cyberattack", "cyberattacke"}

// parseSubject reads the subject convention.
func parseSubject(subject string) subjectInfo {
	var info subjectInfo
	s := strings.TrimSpace(repairMojibake(subject))
	for i := 0; i < 10; i++ {
		// Every prefix ends with a colon near the start.
		if c := strings.IndexAny(s, ":："); c < 0 || c > 60 {
			break
		}
		m := prefixRe.FindStringSubmatchIndex(s)
		if m == nil {
			break
		}
		p := fold(s[m[2]:m[3]])
		switch {
		case forwardPrefixes[p]:
			info.Forward = true
		case replyPrefixes[p]:
			info.Reply = true
		case containsAny(p, autoPrefixes):
			info.AutoReply = true
		case hasAnyPrefix(p, bouncePrefixes):
			info.Bounce = true
		}
		s = s[m[1]:]
	}
	info.Rest = strings.TrimSpace(s)

	kwStart, kwEnd := conventionKeyword(info.Rest)
	if kwEnd < 0 {
		return info
	}
	info.Convention = true
	after := info.Rest[kwEnd:]
	if m := labWordRe.FindStringSubmatchIndex(after); m != nil && (noWordBetween(after[:m[2]]) || onlyFunctionWords(after[:m[2]])) {
		// "on our laboratory 123": prepositions, articles and
		// possessives name no lab; what follows the lab word may.
		// "Cyber attaque ? labo 1": a gateway's "?" for the dash.
		after = after[m[1]:]
	} else if noWordBetween(after) {
		// "Labo 12345 – Cyber attaque": the lab before the keyword.
		before := info.Rest[:kwStart]
		if m := labWordRe.FindStringSubmatchIndex(before); m != nil {
			after = before[m[1]:]
		}
	}
	lab := cleanLab(after)
	if lab != "" && !isPlaceholder(lab) && !possessives[firstWord(lab)] {
		info.Lab = &lab
	}
	return info
}

func containsAny(s string, ws []string) bool {
	for _, w := range ws {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func hasAnyPrefix(s string, ps []string) bool {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// conventionKeyword finds "Cyber attaque" (or a spelling of it within one
// or two letters) at the start of s and returns the byte offsets where it
// starts and ends, or -1, -1. It also accepts the keyword later in the subject when it is
// followed by a lab word ("Incident: cyber aanval labo 123").
func conventionKeyword(s string) (start, end int) {
	// Candidate starts: the beginning and every word start.
	for start := 0; start < len(s); {
		if end := keywordAt(s[start:]); end >= 0 {
			return start, start + end
		}
		next := strings.IndexAny(s[start:], " \t-–—:")
		if next < 0 {
			break
		}
		start += next + 1
		for start < len(s) && (s[start] == ' ' || s[start] == '\t') {
			start++
		}
	}
	return -1, -1
}

// keywordAt tries to read the keyword at the start of s: one or two words
// whose letters, compacted, are within edit distance 2 of a spelling.
func keywordAt(s string) int {
	// Take up to two words (split by space, hyphen or underscore).
	i, n := 0, 0
	var compact strings.Builder
	best := -1
	for n < 2 && i < len(s) {
		j := i
		for j < len(s) && !isSepByte(s[j]) && s[j] != '?' {
			if s[j] < utf8.RuneSelf {
				j++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[j:])
			if isDashRune(r) {
				break
			}
			j += size
		}
		if j == i || j-i > 24 {
			break // the keyword's words are short: no edit distance on long runs
		}
		compact.WriteString(fold(s[i:j]))
		n++
		c := compact.String()
		if len(c) >= 9 {
			for _, w := range conventionWords {
				// The distance is at least the difference in length (the
				// spellings are ASCII): most word pairs need no table.
				if n := utf8.RuneCountInString(c); n > len(w)+2 || n < len(w)-2 {
					continue
				}
				if d := editDistance(c, w); d <= 1 || (d == 2 && len(c) >= 11 && strings.HasPrefix(c, "cyb")) {
					best = j
				}
			}
		}
		// Skip one separator run (space, hyphen) between the two words.
		k := j
		for k < len(s) && (s[k] == ' ' || s[k] == '-' || s[k] == '_') {
			k++
		}
		if k == j {
			break
		}
		i = k
	}
	return best
}

// isDashRune tells a typographic dash, or the U+FFFD a gateway put in
// its place: "Cyber attaque–labo 1" is two words and a dash.
func isDashRune(r rune) bool {
	return r == '–' || r == '—' || r == '‒' || r == '―' || r == utf8.RuneError
}

func isSepByte(b byte) bool {
	return b == ' ' || b == '\t' || b == '-' || b == '_' || b == ':' || b == '/' || b == ',' || b == '(' || b == '['
}

func isSep(r rune) bool {
	return r == ' ' || r == '\t' || r == '-' || r == '–' || r == '—' || r == '‒' || r == '―' || r == ':' || r == '_' || r == '/' || r == '|' || r == ','
}

// trailingNoteRe matches a remark after the lab: a parenthesised or
// bracketed note, or a clause after a spaced dash ("– réponses").
var trailingNoteRe = regexp.MustCompile(`\s*(\([^()]*\)|\[[^\[\]]*\])\s*$`)
var numberSignRe = regexp.MustCompile(`(?i)^(n[°ºo]|nr|no|num|nummer|numéro)\.?\s*:?\s*(\d)`)

// A spaced "?" or U+FFFD is a dash a gateway could not convert.
var spacedDashRe = regexp.MustCompile(`\s+(?:[-–—]+|\?|\x{FFFD}+)\s+`)

// cleanLab trims the lab part of the subject to the lab as written.
func cleanLab(s string) string {
	s = strings.TrimFunc(s, isSep)
	for {
		t := trailingNoteRe.ReplaceAllString(s, "")
		if t == s || strings.TrimSpace(t) == "" {
			break
		}
		s = t
	}
	if loc := spacedDashRe.FindStringIndex(s); loc != nil && loc[0] > 0 {
		s = s[:loc[0]]
	}
	// "12345, réponses": a remark after a comma.
	if i := strings.Index(s, ", "); i > 0 {
		s = s[:i]
	}
	// "n° 12345", "nr. 12345": the number sign is not part of the lab.
	s = numberSignRe.ReplaceAllString(s, "$2")
	s = strings.TrimRight(s, " .;:,!?")
	return strings.TrimFunc(s, isSep)
}

var placeholderRe = regexp.MustCompile(`(?i)^[x.…*_?]{3,}$|^\.{3}$|^<.*>$|^n[°o]?\s*x+$`)

func isPlaceholder(s string) bool { return placeholderRe.MatchString(strings.TrimSpace(s)) }

// editDistance is the Levenshtein distance of two short ASCII-ish strings.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := prev[j-1]
			if ra[i-1] != rb[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// functionWords are prepositions, articles and possessives of the four
// languages: a subject's "on our laboratory" or "notre labo" names no lab,
// which must be an identifier or a proper name.
var functionWords = toSet(`on in at of for to our my your the a an this
sur dans chez de du des au aux notre nos mon ma mes votre le la les un une ce cet cette
op bij van voor ons onze mijn uw het een dit deze
auf bei im am an von fur unser unsere unserem unserer unseres mein meine der die das dem den ein eine einem diesem`)

// onlyFunctionWords tells text made only of function words (at least one).
func onlyFunctionWords(s string) bool {
	ws := strings.FieldsFunc(s, func(r rune) bool { return isSep(r) || r == '\'' || r == '’' })
	if len(ws) == 0 {
		return false
	}
	for _, w := range ws {
		if !functionWords[fold(w)] {
			return false
		}
	}
	return true
}

// possessives open a phrase about the sender's own lab ("our
// laboratory", "notre labo", "unser Labor"), never its name.
var possessives = toSet("our my notre nos mon ma mes votre ons onze mijn uw unser unsere unserem unserer mein meine")
