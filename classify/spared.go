package classify

import "strings"

// Statements that systems were spared usually name several at once, and
// the statement sits after the whole list ("Le SIL, les automates et la
// transmission des résultats via eHealth n'ont pas été touchés"; "LIS,
// analyzers and the HL7 link kept working") or before it ("Geen impact op
// het LIS, de analysers of de verzending van resultaten"). A fixed word
// window misses the far end of such lists, so the words between a system's
// name and the statement are read: other system names, articles,
// conjunctions and auxiliaries are the list itself; anything else is
// content, and a little content is allowed (an apposition: "le SIL,
// hébergé chez l'éditeur, et les automates"), but not a word that says
// something broke ("le SIL était coupé, les automates n'ont pas été
// touchés" spares only the analysers).

// Content words allowed between a name and the statement: in the name's
// own comma segment ("les automates de chimie"), and in all the segments
// after it together (an apposition, "the HL7 link to the hospitals").
const (
	sparedOwnContent  = 2
	sparedRestContent = 3
	sparedMaxSpan     = 30
)

// listWord reports words that only hold a list or a statement together.
func listWord(w string) bool {
	switch w {
	// French
	case "le", "la", "les", "l", "de", "des", "du", "d", "et", "ou", "ni", "un", "une", "a", "au", "aux", "n", "ne", "ont", "sont", "est", "ete", "y", "via", "par", "nos", "notre", "nous", "son", "sa", "ses", "leur", "leurs", "ainsi", "que", "aussi", "egalement", "lui", "meme", "memes", "eux", "donc", "en", "sur", "dans", "avec", "pour", "vers", "etaient", "etait", "fonctionne", "fonctionnaient", "fonctionnait", "ont fonctionne":
		return true
	// Dutch
	case "het", "een", "of", "noch", "van", "op", "naar", "met", "voor", "onze", "ons", "zijn", "is", "was", "waren", "werd", "werden", "bleef", "bleven", "zelf", "ook", "eveneens", "hun", "alsook", "evenals", "wel", "in", "bij", "heeft", "hebben", "er", "werkte", "werkten", "functioneerde", "functioneerden", "ondervond", "ondervonden", "draaide", "draaiden":
		return true
	// German
	case "der", "die", "das", "den", "dem", "ein", "eine", "einen", "und", "oder", "weder", "sowie", "unser", "unsere", "unserer", "unseren", "unseres", "ist", "sind", "war", "wurde", "wurden", "selbst", "auch", "zu", "zum", "zur", "mit", "uber", "im", "ins", "am", "an", "auf", "fur", "von", "vom", "hat", "haben", "blieb", "blieben", "funktionierte", "funktionierten", "arbeitete", "arbeiteten", "liefen", "lief":
		return true
	// English
	case "the", "and", "or", "nor", "to", "our", "its", "their", "were", "are", "has", "have", "had", "been", "itself", "themselves", "also", "both", "as", "well", "with", "for", "at", "all", "on", "into", "from", "any", "worked", "ran", "functioned", "operated", "remained", "stayed":
		return true
	}
	return false
}

// brokeWord reports words that say a system failed: a list that holds one
// is a list of what was hit, not of what was spared.
func brokeWord(w string) bool {
	// A negation in the list says something could not be done: "le SIL
	// n'a pas pu envoyer les résultats, les automates ont fonctionné".
	if negationWord(w) || recoveryWord(w) {
		return true
	}
	for _, p := range brokePrefixes {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// lookBack is how many words before a system's name are read for "could
// not".
const lookBack = 3

func negationWord(w string) bool {
	switch w {
	case "pas", "plus", "aucun", "aucune", "jamais", "sans", "niet", "geen", "nooit", "zonder",
		"nicht", "kein", "keine", "keinen", "nie", "ohne", "not", "no", "never", "without", "cannot":
		return true
	}
	return false
}

// recoveryWord reports words that say a system came back: "le SIL
// fonctionne normalement depuis lundi", "het LIS werkt weer", "LIS OK
// after three days" tell of an outage, not of a system spared.
func recoveryWord(w string) bool {
	switch w {
	case "depuis", "apres", "nouveau", "retour", "repris", "retabli", "retablie", "sinds", "na", "weer", "opnieuw", "terug", "hersteld",
		"seit", "nach", "wieder", "erneut", "since", "after", "again", "back", "restored", "until", "jusqu", "tot", "bis":
		return true
	}
	return false
}

func withoutWord(w string) bool {
	return w == "sans" || w == "zonder" || w == "ohne" || w == "without"
}

func contrastWord(w string) bool {
	return w == "mais" || w == "maar" || w == "aber" || w == "but"
}

func couldNot(w string) bool {
	switch w {
	case "pu", "pouvait", "pouvaient", "pouvions", "kon", "konden", "konnte", "konnten", "could", "cannot", "couldn":
		return true
	}
	return false
}

var brokePrefixes = []string{
	"coupe", "panne", "arret", "chiffr", "crypt", "inaccessib", "indisponib", "inutilisab", "hors", "bloque", "plant", "tombe", "interromp", "perdu",
	"plat", "uitgevallen", "onbruikbaar", "onbeschikbaar", "onbereikbaar", "versleutel", "geblokkeerd", "stilgelegd", "stilgevallen", "stilstand", "stillstand", "down", "gecrasht",
	"ausgefallen", "verschlussel", "unbrauchbar", "nicht verfugbar", "gestort", "gesperrt", "lahm", "unterbrochen",
	"encrypt", "unavailable", "unusable", "unreachable", "offline", "lost", "broke", "crash", "failed", "outage", "blocked",
	"mais", "maar", "aber", "sondern", "but", "however", "cependant", "toutefois", "echter", "jedoch", "behalve", "sauf", "except", "ausser",
}

// sparedAfter says whether the statement u, after system name h, covers h.
// sys are the spans of every system name in the text.
func sparedAfter(d *doc, h, u ruleHit, sys *spans) bool {
	if u.from <= h.to || u.from-h.to > sparedMaxSpan || d.toks[u.from].sent != d.toks[h.to].sent {
		return false
	}
	// The words just before the name may say it could not work: "the LIS
	// could not send results, the analysers worked normally".
	for t := h.from - 1; t >= 0 && t >= h.from-lookBack && d.toks[t].clause == d.toks[h.from].clause; t-- {
		if w := d.word(int(t)); couldNot(w) || brokeWord(w) && !negationWord(w) {
			return false
		}
	}
	// The words just after the statement may say it is a recovery: "SIL :
	// OK depuis lundi", or take it back: "de analysers bleven werken, maar
	// zonder koppeling met het LIS" (a system working without its links
	// was hit; "but not the LIS" names another system, and spares this one).
	for t := u.to + 1; int(t) < len(d.toks) && t <= u.to+lookBack && d.toks[t].sent == d.toks[u.to].sent; t++ {
		if w := d.word(int(t)); recoveryWord(w) || withoutWord(w) && t > u.to+1 && contrastWord(d.word(int(t-1))) {
			return false
		}
	}
	// The name's own span may say it broke: "het netwerk was onbruikbaar".
	return listBetween(d, h.from, u.from-1, d.toks[h.to].seg, sys)
}

// sparedBefore says whether the statement u, before system name h ("kein
// Einfluss auf das LIS, die Geräte und ..."), covers h.
func sparedBefore(d *doc, h, u ruleHit, sys *spans) bool {
	if u.to >= h.from || h.from-u.to > sparedMaxSpan || d.toks[u.to].sent != d.toks[h.from].sent {
		return false
	}
	return listBetween(d, u.to+1, h.to, d.toks[u.to].seg, sys)
}

// listBetween says whether tokens [from, to] are a list: system names and
// list words, with no word of failure and little other content. ownSeg is
// the comma segment the walk starts in, where less content is allowed.
func listBetween(d *doc, from, to, ownSeg int32, sys *spans) bool {
	own, rest := 0, 0
	for t := from; t <= to; t++ {
		d.steps++
		w := d.word(int(t))
		if brokeWord(w) {
			return false
		}
		if listWord(w) || sys.covers(t, t) {
			continue
		}
		if d.toks[t].seg == ownSeg {
			own++
		} else {
			rest++
		}
		if own > sparedOwnContent || rest > sparedRestContent {
			return false
		}
	}
	return true
}

// clauseFailed says whether the clause of h says something failed or could
// not be done: a word of failure or a negation in it. The answer is kept
// per clause in failed (0 not known yet, 1 no, 2 yes), so that a clause
// naming many systems is read once.
func clauseFailed(d *doc, h ruleHit, negations *spans, failed []int8) bool {
	c := d.toks[h.from].clause
	if failed[c] != 0 {
		return failed[c] == 2
	}
	from, to := int(h.from), int(h.from)
	for from > 0 && d.toks[from-1].clause == c {
		from--
	}
	for to+1 < len(d.toks) && d.toks[to+1].clause == c {
		to++
	}
	yes := negations.startingIn(int32(from), int32(to), func(ruleHit) bool { return true })
	for t := from; t <= to && !yes; t++ {
		d.steps++
		if w := d.word(t); brokeWord(w) && !recoveryWord(w) {
			yes = true
		}
	}
	failed[c] = 1
	if yes {
		failed[c] = 2
	}
	return yes
}

// okBefore is how close before a system's name a statement that it was not
// affected must be when it is not a list statement: "Nicht betroffen waren
// das LIS" (German inversion).
const okBefore = 3

// unaffectedHit says whether h, a system's name, is said to be unaffected:
// by a statement after it ("Le SIL n'a pas été touché", also at the end of
// a list of names), by a list statement before it ("geen impact op het LIS,
// de analysers ..."), or by a statement just before it. Dependency cues
// only look forwards: in "le SIL ne dépend pas de la messagerie" the LIS is
// spared, the mail may not be.
func unaffectedHit(d *doc, h ruleHit, cues *[nCues]spans, sys *spans) bool {
	after := func(u ruleHit) bool { return sparedAfter(d, h, u, sys) }
	if cues[cueUnaffected].startingIn(h.to+1, h.to+sparedMaxSpan, after) || cues[cueDepends].startingIn(h.to+1, h.to+sparedMaxSpan, after) {
		return true
	}
	if cues[cueSpares].endingIn(h.from-sparedMaxSpan, h.from-1, func(u ruleHit) bool { return sparedBefore(d, h, u, sys) }) {
		return true
	}
	c := d.toks[h.from].clause
	return cues[cueUnaffected].endingIn(h.from-okBefore, h.from-1, func(u ruleHit) bool { return d.toks[u.to].clause == c })
}
