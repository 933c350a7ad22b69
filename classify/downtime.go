package classify

import (
	"slices"
	"strconv"
	"strings"
	"sync"
)

// downtime reads durations the way a person skims an answer: a number (in
// digits or words, in four languages) followed by a unit of time, the
// longest one wins, and an explicit "activity was not interrupted" wins
// over everything (a mailbox blocked for a day is not lab downtime).
// Durations that are not an outage are skipped by their context: a time
// limit ("binnen 72 uur"), a frequency ("tous les trois mois"), a period
// looked back on ("de laatste 30 dagen"), a delay ("drei Tage später"), the
// attackers' time inside the network ("moved laterally for ten days").

// numberWords maps number words to values; "demi"/"halve" are handled with
// their unit.
var numberWords = map[string]float64{
	"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
	"neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30, "quarante": 40,
	"een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9,
	"tien": 10, "elf": 11, "twaalf": 12, "vijftien": 15, "twintig": 20, "dertig": 30, "veertig": 40,
	"vierentwintig": 24, "zesendertig": 36, "achtenveertig": 48, "tweeenzeventig": 72, "anderhalve": 1.5, "anderhalf": 1.5,
	"ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "zwei": 2, "drei": 3, "funf": 5, "sechs": 6,
	"sieben": 7, "neun": 9, "zehn": 10, "zwolf": 12, "funfzehn": 15, "zwanzig": 20, "dreissig": 30, "vierzig": 40,
	"vierundzwanzig": 24, "sechsunddreissig": 36, "achtundvierzig": 48, "zweiundsiebzig": 72, "anderthalb": 1.5, "eineinhalb": 1.5,
	"zweieinhalb": 2.5, "dreieinhalb": 3.5, "viereinhalb": 4.5, "funfeinhalb": 5.5,
	"tweeenhalf": 2.5, "tweeenhalve": 2.5, "drieenhalf": 3.5, "drieenhalve": 3.5, "vierenhalf": 4.5, "vierenhalve": 4.5,
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
	// a vague count: "quelques jours", "enkele uren", "einige Tage", "a few hours"
	"quelques": 3, "plusieurs": 3, "enkele": 3, "meerdere": 3, "einige": 3, "mehrere": 3, "few": 3, "several": 3,
}

// units in days.
var units = map[string]float64{
	"jour": 1, "jours": 1, "j": 1, "journee": 1, "journees": 1, "dag": 1, "dagen": 1, "tag": 1, "tage": 1, "tagen": 1,
	"day": 1, "days": 1, "werkdag": 1, "werkdagen": 1, "arbeitstag": 1, "arbeitstage": 1,
	"semaine": 7, "semaines": 7, "week": 7, "weken": 7, "woche": 7, "wochen": 7, "weeks": 7,
	"heure": 1.0 / 24, "heures": 1.0 / 24, "h": 1.0 / 24, "uur": 1.0 / 24, "uren": 1.0 / 24, "u": 1.0 / 24,
	"stunde": 1.0 / 24, "stunden": 1.0 / 24, "std": 1.0 / 24, "hour": 1.0 / 24, "hours": 1.0 / 24, "hrs": 1.0 / 24, "hr": 1.0 / 24,
}

// halfUnits are "une demi-journée", "een halve dag", "einen halben Tag",
// "half a day".
var halfWords = map[string]bool{"demi": true, "halve": true, "halven": true, "halben": true, "halber": true, "halbe": true, "half": true}

// fillers may stand between a number and its unit: "les deux premiers
// jours", "drei volle Tage", "two full days".
var fillers = map[string]bool{
	"premiers": true, "premieres": true, "eerste": true, "ersten": true, "first": true, "volle": true, "volledige": true,
	"full": true, "whole": true, "complete": true, "completes": true, "entiers": true, "entieres": true, "ganze": true,
	"ganzen": true, "lange": true, "longues": true, "ouvrables": true, "working": true, "business": true, "a": true,
}

var (
	downOnce  sync.Once
	downVocab *matcher
)

// Labels of the downtime matcher.
const (
	dtZero   = 0 // activity explicitly not interrupted
	dtBefore = 1 // words before a duration that make it no outage
	dtAfter  = 2 // words after it
	dtClause = 3 // words anywhere in its sentence
)

func loadDowntime() *matcher {
	downOnce.Do(func() { downVocab = buildDowntime() })
	return downVocab
}

func buildDowntime() *matcher {
	{
		m := newMatcher()
		m.add("zero",
			"pas ete interrompu*|pas interrompu*|pas d interruption|aucune interruption|sans interruption|aucun arret|pas d arret",
			"niet onderbroken|geen onderbreking*|zonder onderbreking|niet stilgelegen|niet stilgevallen|geen stilstand",
			"nicht unterbrochen|keine unterbrechung*|ohne unterbrechung|kein stillstand|keine ausfallzeit*",
			"not interrupted|no interruption*|without interruption|no downtime|not been interrupted|were never interrupted|was never interrupted",
			// no impact on the lab's work
			"aucun impact sur l activite|aucun impact sur le fonctionnement|aucun impact sur le laboratoire|pas d impact sur l activite|pas d impact sur le fonctionnement|pas d impact sur le laboratoire|sans impact sur l activite|sans impact sur le fonctionnement",
			"geen impact op de werking|geen impact op het labo|geen impact op de activiteit|geen impact op de activiteiten|geen impact op de laboactiviteit|geen impact op de laboactiviteiten|geen invloed op de werking|geen invloed op het labo",
			"keine auswirkung* auf den betrieb|keine auswirkung* auf den laborbetrieb|keine auswirkung* auf das labor|kein* einfluss auf den betrieb|kein* einfluss auf den laborbetrieb",
			"no impact on operations|no impact on the lab|no impact on lab activity|no impact on lab operations|no impact on activity|no impact on the laboratory|no effect on operations|no effect on the lab",
			// the lab's activity went on as usual (other systems may have been down)
			"laboratoire|labo|activite*|production|routine|fonctionnement & tournait normalement|a tourne normalement|continue* normalement|poursuivie* normalement|s est poursuivie normalement|normalement assure*|pas ete perturbe*|pas ete affecte*|pas ete impacte*|sans perturbation",
			"labo|laboratorium|activiteit*|laboactiviteit*|werking|labowerking|routine|dienstverlening|productie & draaide normaal|ging gewoon door|liep gewoon door|liep normaal|ging normaal door|verliep normaal|verliepen normaal|gewoon verder|normaal verder|niet verstoord|zonder verstoring",
			"labor|betrieb|laborbetrieb|routinebetrieb|routine|laborroutine|tatigkeit|analytik & lief normal|liefen normal|normal weiter|ungestort|uneingeschrankt weiter|nicht beeintrachtigt|nicht gestort|ohne storung*",
			"lab|laboratory|activity|activities|operations|routine|work|service|production & ran as normal|ran normally|continued normally|continued as normal|continued as usual|carried on as normal|carried on normally|went on as usual|went on as normal|not disrupted|undisrupted|without disruption",
		)
		m.add("before",
			"binnen|within|dans|delai|innerhalb|sous|ici|tous|toutes|chaque|elke|iedere|om|alle|every|each|jeden|jede|per",
			"derniers|dernieres|laatste|letzten|last|past|voorbije|vergangenen",
		)
		m.add("after",
			"plus tard|later|spater|apres|nadien|daarna|danach|auparavant|eerder|fruher|earlier|before|avant|vorher|geleden|ago|auparavant|plus tot|vroeger",
			"de retard|achterstand|ruckstand|backlog|verzug|vertraging|verzogerung|delay|de conservation|bewaring|aufbewahrung|retention|de stock|voorraad",
		)
		m.add("clause",
			"attaquant*|pirate*|aanvaller*|angreifer*|attacker*|hacker*|lateral*|latera*|dwell|explore*|verkend*|ausgespaht|exploring",
			"rancon|losgeld|losegeld|ransom|deadline|ultimatum",
		)
		m.compile()
		return m
	}
}

// downtime returns how many days lab activity was disrupted according to
// text, and false when the text does not say. It reads the whole text;
// DowntimeOf decides which answers a text is made of.
func downtime(text string) (days float64, ok bool) {
	if strings.TrimSpace(text) == "" {
		return 0, false
	}
	return downtimeIn(newDoc(markDecimals(text)))
}

func downtimeIn(d *doc) (days float64, ok bool) {
	hits := loadDowntime().match(d)
	var raw [4][]ruleHit
	for _, h := range hits {
		raw[h.label] = append(raw[h.label], h)
	}
	if len(raw[dtZero]) > 0 {
		return 0, true
	}
	var sents [16]int32
	cues := durationCues{before: indexSpans(d, raw[dtBefore]), after: indexSpans(d, raw[dtAfter]), sents: sents[:0]}
	for _, h := range raw[dtClause] {
		cues.sents = append(cues.sents, d.toks[h.from].sent)
	}
	slices.Sort(cues.sents)
	best, found := 0.0, false
	for i := 0; i < len(d.toks); i++ {
		d.steps++
		v, end, ok := durationAt(d, i)
		if !ok {
			continue
		}
		if excluded(d, i, end, &cues) {
			i = end
			continue
		}
		if !found || v > best {
			best, found = v, true
		}
		i = end
	}
	return best, found
}

// DowntimeOf reads a report's answers. Impact (b) and response (c) are
// where labs say how long they were down; a) and e) are read only when
// those say nothing, since a) tells the attack's own timeline. Prevention
// (d) is never read: it is full of deadlines, trainings and frequencies
// (CONTRACT.md: "never from deadlines in d)").
func DowntimeOf(a Answers) (days float64, ok bool) {
	if days, ok := downtime(a[1] + "\n" + a[2]); ok {
		return days, ok
	}
	return downtime(a[0] + "\n" + a[4])
}

// durationAt parses a duration starting at token i; end is its last token.
func durationAt(d *doc, i int) (days float64, end int, ok bool) {
	w := d.word(i)
	num, unit := splitNumberUnit(w)
	var n float64
	switch {
	case num != "":
		v, err := strconv.ParseFloat(strings.Replace(num, "p", ".", 1), 64)
		if err != nil {
			return 0, 0, false
		}
		n = v
		if unit != "" { // "24h", "48u", "6hrs"
			if u, ok := units[unit]; ok {
				return n * u, i, hourOK(d, i, unit)
			}
			return 0, 0, false
		}
	case halfWords[w]:
		if i+1 < len(d.toks) {
			next := d.word(i + 1)
			if (next == "a" || next == "een") && i+2 < len(d.toks) { // "half a day"
				next = d.word(i + 2)
				if u, ok := units[next]; ok && u >= 1 {
					return 0.5 * u, i + 2, true
				}
			}
			if u, ok := units[next]; ok && u >= 1 {
				return 0.5 * u, i + 1, true
			}
		}
		return 0, 0, false
	default:
		v, ok := numberWords[w]
		if !ok {
			return 0, 0, false
		}
		// English "a day", not French "mise à jour".
		if (w == "a" || w == "an") && (i+1 >= len(d.toks) || !englishUnits[d.word(i+1)]) {
			return 0, 0, false
		}
		n = v
		// "vingt-quatre", "twenty four"
		if v >= 20 && i+1 < len(d.toks) {
			if u, ok := numberWords[d.word(i+1)]; ok && u < 10 && u >= 1 && d.word(i+1) != "a" {
				n += u
				i++
			}
		}
	}
	j := i + 1
	// "three and a half days", "drie en een halve dag"
	if j+2 < len(d.toks) && (d.word(j) == "and" || d.word(j) == "en") && (d.word(j+1) == "a" || d.word(j+1) == "een") && halfWords[d.word(j+2)] {
		n += 0.5
		j += 3
	}
	if j < len(d.toks) && fillers[d.word(j)] && d.word(j) != "a" {
		j++
	}
	if j >= len(d.toks) || d.toks[j].clause != d.toks[i].clause {
		return 0, 0, false
	}
	u, ok := units[d.word(j)]
	if !ok {
		if halfWords[d.word(j)] && j+1 < len(d.toks) { // "une demi-journée"
			if u, ok := units[d.word(j+1)]; ok && u >= 1 && n == 1 {
				return 0.5 * u, j + 1, true
			}
		}
		return 0, 0, false
	}
	if u < 1 && !hourOK(d, j, d.word(j)) {
		return 0, 0, false
	}
	// "trois jours et demi", "two days and a half"
	if j+2 < len(d.toks) && (d.word(j+1) == "et" || d.word(j+1) == "and") && (d.word(j+2) == "demi" || d.word(j+2) == "demie") {
		return (n + 0.5) * u, j + 2, true
	}
	if j+3 < len(d.toks) && d.word(j+1) == "and" && d.word(j+2) == "a" && d.word(j+3) == "half" {
		return (n + 0.5) * u, j + 3, true
	}
	return n * u, j, true
}

var englishUnits = map[string]bool{"day": true, "week": true, "hour": true, "full": true, "whole": true}

// clockWords before a number make it a time of day: "à 5 h", "om 4 uur".
var clockWords = map[string]bool{"a": true, "vers": true, "des": true, "om": true, "rond": true, "tegen": true, "um": true, "gegen": true, "at": true, "around": true}

// hourOK rejects clock times that look like durations: "5 h du matin",
// "9 h 30", "24 h/24", "om 4 uur".
func hourOK(d *doc, j int, unit string) bool {
	if n := j - 1; n > 0 {
		if _, err := strconv.Atoi(d.word(n)); err != nil {
			n++ // "24h": the number and unit are one word
		}
		if n-1 >= 0 && clockWords[d.word(n-1)] {
			return false
		}
	}
	if j+1 >= len(d.toks) {
		return true
	}
	next := d.word(j + 1)
	if _, err := strconv.Atoi(next); err == nil && d.toks[j+1].clause == d.toks[j].clause {
		return false
	}
	if unit == "h" || unit == "u" {
		switch next {
		case "du", "van", "s", "am", "pm", "morgens", "abends", "le", "op":
			return false
		}
	}
	return true
}

// splitNumberUnit splits "48u" into "48" and "u", "1p5" into "1p5" and "".
func splitNumberUnit(w string) (num, unit string) {
	i := 0
	for i < len(w) && (w[i] >= '0' && w[i] <= '9' || w[i] == 'p' && i > 0 && i+1 < len(w) && w[i+1] >= '0' && w[i+1] <= '9') {
		i++
	}
	if i == 0 {
		return "", ""
	}
	return w[:i], w[i:]
}

// markDecimals writes "1,5" and "1.5" as "1p5" so that the tokenizer keeps
// them whole; thousands ("4.000") read as 4.0 and have no time unit after.
func markDecimals(s string) string {
	if !strings.ContainsAny(s, ".,") {
		return s
	}
	b := []byte(s)
	for i := 1; i+1 < len(b); i++ {
		if (b[i] == ',' || b[i] == '.') && b[i-1] >= '0' && b[i-1] <= '9' && b[i+1] >= '0' && b[i+1] <= '9' {
			b[i] = 'p'
		}
	}
	return string(b)
}

// durationCues are the downtime cues of a text, indexed.
type durationCues struct {
	before, after spans
	sents         []int32 // sentences telling the attackers' timeline, sorted
}

// excluded says whether the duration in tokens [from, to] is not an outage.
func excluded(d *doc, from, to int, cues *durationCues) bool {
	c := d.toks[from].clause
	if cues.before.endingIn(int32(from)-2, int32(from)-1, func(h ruleHit) bool { return d.toks[h.to].clause == c }) {
		return true
	}
	if cues.after.startingIn(int32(to)+1, int32(to)+2, func(h ruleHit) bool { return d.toks[h.from].clause == c }) {
		return true
	}
	// The attackers' timeline spans the sentence: "pendant trois semaines,
	// les attaquants ont exploré le réseau".
	_, found := slices.BinarySearch(cues.sents, d.toks[from].sent)
	return found
}
