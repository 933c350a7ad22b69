package mailparse

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Replies in plain prose, without any heading: each sentence goes to the
// question its vocabulary answers (a cause, what was hit, what was done at
// once, what will prevent it, where it was recorded). Greetings, thanks,
// introductions and contact sentences go nowhere; a sentence without a
// clear signal follows the sentence before it in the same paragraph.

// answerVocab are stems that signal an answer (not a heading) to each
// question.
var answerVocab = [5][]string{
	{"phishing", "hameconn", "ransomware", "rancongiciel", "malware", "malveill", "virus", "exploit", "faille", "kwetsbaarheid", "vulnerab", "schwachstelle", "brute", "rdp", "cve-", "wachtwoord van", "identifiants", "credentials", "zugangsdaten", "point d'entree", "entry point", "oorzaak", "cause", "ursache", "ddos", "deni de service", "pirates", "hackers", "aanvallers", "angreifer", "attackers", "attaquants", "teamviewer", "macro", "piege", "onbekend", "inconnu", "unknown", "unbekannt",
		// how it got in: someone opened or clicked something
		"a ouvert", "ont ouvert", "cliqu", "geklikt", "geopend", "geoffnet", "opened", "clicked", "piece jointe", "bijlage", "anhang", "attachment"},
	{"indisponible", "unavailable", "onbeschikbaar", "niet beschikbaar", "plat", "ausgefallen", "nicht verfugbar", "nicht erreichbar", "inaccessible", "onbereikbaar", "unreachable", "interrompu", "onderbroken", "unterbrochen", "interrupted", "impact", "getroffen", "touche", "affected", "betroffen", "hors service", "out of use", "down", "bloque", "geblokkeerd", "chiffre", "versleuteld", "verschlusselt", "encrypted", "pendant", "gedurende", "during", "wahrend", "jours", "dagen", "tage", "days", "heures", "uur", "stunden", "hours"},
	{"plan degrade", "noodplan", "notfallplan", "noodprocedure", "mode degrade", "degraded", "isole", "geisoleerd", "isoliert", "isolated", "deconnect", "losgekoppeld", "getrennt", "disconnected", "restaur", "hersteld", "wiederhergestellt", "restored", "papier", "paper", "sous-trait", "onderaanneming", "subcontract", "plainte", "aangifte", "anzeige", "police", "politie", "polizei", "mots de passe", "wachtwoorden", "passworter", "passwords", "reinitialis", "gereset", "zuruckgesetzt", "reset", "immediat", "onmiddellijk", "sofort", "immediately", "cert", "ccb"},
	{"desormais", "a l'avenir", "voortaan", "in de toekomst", "kunftig", "zukunftig", "in future", "in the future", "from now on", "mfa", "multifact", "deux facteurs", "deux etapes", "tweestaps", "zwei-faktor", "two-factor", "2fa", "formation", "sensibilisation", "opleiding", "awareness", "schulung", "training", "edr", "segmentation", "segmentatie", "segmentierung", "audit", "patch", "mise a jour", "updates", "prevent", "prevention", "preventie", "vorbeug", "envisage", "overwegen", "n'est plus", "ne sont plus", "no longer", "niet langer", "niet meer", "nicht mehr", "surveill", "monitor", "bewaakt", "uberwach", "plannen", "planned", "prevu", "gepland", "geplant"},
	{"non-conformit", "nonconformit", "non conformit", "referen", "enregistr", "geregistreerd", "registriert", "registered", "recorded", "logged as", "logged under", "logged in our", "logged in the", "erfasst", "systeme qualite", "kwaliteitssysteem", "qm-system", "quality system", "qms", "capa", "abweichung", "afwijking", "deviation", "klacht", "plainte d'un", "reklamation"},
}

var (
	sentenceEndRe = regexp.MustCompile(`([.!?])\s+`)
	introRe       = regexp.MustCompile(`(?i)^\s*(bonjour|madame|monsieur|cher|ch[èe]re|geachte|beste|hallo|dear|sehr geehrte|guten|goedemiddag|goedemorgen|suite [àa]|en r[ée]ponse|comme (demand[ée]|convenu)|veuillez trouver|vous trouverez|voici|ci-dessous|hieronder|hierbij|in antwoord|naar aanleiding|zoals gevraagd|in aanvulling|bezugnehmend|anbei|nachfolgend|wie gew[üu]nscht|please find|as requested|further to|following your|in reply|pour compl[ée]ter|en compl[ée]ment (de|à|a)|ergänzend zu|zur erg[äa]nzung|in addition to|je vous transf[èe]re|ik stuur|i forward)(?:\b|\s)`)
	// attachmentPointerRe is a sentence sending the reader to an
	// attachment ("voir pièce jointe", "zie bijlage", "anbei ... als PDF"),
	// unlike "une pièce jointe piégée" which answers a).
	attachmentPointerRe = regexp.MustCompile(`(?i)(\b(voir|trouver|trouverez|ci-joint|zie|vindt u|bijgevoegd|see|find|attached|anbei|siehe|finden sie)\b.*(pi[èe]ces? jointes?|annexe|bijlage|anhang|attach\w*|\bpdf\b|document)|^\s*(ci-joint|anbei|in bijlage|en annexe|attached)\b)`)
	registeredRe        = regexp.MustCompile(`(?i)\b(enregistr\w*|geregistreerd|registriert|erfasst|registered|recorded|logged|opgenomen)\b`)
	// announceRe is a sentence announcing the answers ("voici ce que nous
	// pouvons vous en dire", "see below"), wherever it stands.
	announceRe = regexp.MustCompile(`(?i)\b(voici ce qu\w*|voici ce qui s'est pass[ée]|here is what|here's what|hier is wat|hier ist,? was|ci-dessous|ci-apr[èe]s|hieronder|hierna|als volgt|below|as follows|the following|im folgenden|nachfolgend|wie folgt)\b`)
)

// proseSentences assigns the sentences of an unlabelled reply to
// questions, one by one (proseSections may then keep paragraphs whole).
func proseSentences(ls []line, ctx sectionCtx) sectionResult {
	var res sectionResult
	var parts [5][]string
	last := -1
	// A paragraph keeps to one topic: sentences without a clear signal
	// at its start wait for the first sentence that has one.
	var pending []string
	for _, l := range joinWrapped(ls) {
		if l.Depth > 0 {
			last, pending = -1, nil
			continue
		}
		t := strings.TrimSpace(l.Text)
		if t == "" {
			last, pending = -1, nil
			continue
		}
		if e := lineEnd(t); e == endHard {
			break
		}
		if isContactLine(t) || isNameLine(t, ctx.NameTokens) {
			last, pending = -1, nil
			continue
		}
		for _, s := range splitSentences(t) {
			if lineEnd(s) != endNone || mayInviteContact(s) && contactVerbRe.MatchString(s) && meRe.MatchString(s) {
				last, pending = -1, nil
				continue
			}
			if len(s) < 200 && attachmentPointerRe.MatchString(s) {
				last, pending = -1, nil // "zie bijlage", "voir pièce jointe": no answer here
				continue
			}
			q, score := proseQuestion(s)
			intro := introRe.MatchString(s) || len(s) < 160 && announceRe.MatchString(s) && score < 2
			if intro {
				// An introduction may carry an answer after a colon:
				// "In aanvulling op ons antwoord: het incident is ...".
				if i := strings.Index(s, ":"); i > 0 && i < len(s)-1 {
					s = strings.TrimSpace(s[i+1:])
					q, score = proseQuestion(s)
				} else {
					last, pending = -1, nil
					continue
				}
			}
			if score < 1 {
				if last >= 0 && !intro {
					parts[last] = append(parts[last], s)
				} else if !intro {
					pending = append(pending, s)
				}
				continue
			}
			if q == 4 {
				s = dropRecordSubject(s)
			} else {
				parts[q] = append(parts[q], pending...)
			}
			pending = nil
			parts[q] = append(parts[q], s)
			last = q
		}
	}
	for q := range parts {
		res.Answers[q] = strings.TrimSpace(strings.Join(parts[q], " "))
	}
	res.Answered = countAnswers(res.Answers)
	return res
}

// proseQuestion scores a sentence against the answer vocabularies; a
// record identifier counts for e).
func proseQuestion(s string) (int, float64) {
	f := fold(s)
	var sc [5]float64
	for q, vs := range answerVocab {
		for _, v := range vs {
			if hasStem(f, v) {
				sc[q]++
			}
		}
	}
	if len(references(s)) > 0 {
		sc[4] += 2
	}
	if citesLetter(s) {
		sc[4] -= 1
	}
	q, top, second := bestQuestion(sc)
	if top-second < 1 {
		return q, 0
	}
	return q, top
}

// splitSentences cuts a line at sentence ends.
func splitSentences(t string) []string {
	var out []string
	start := 0
	for _, m := range sentenceEndRe.FindAllStringSubmatchIndex(t, -1) {
		end := m[3]
		// Keep abbreviations such as "n°", "Dr." and "e.a." together.
		prev := t[start:m[2]]
		if i := strings.LastIndexAny(prev, " ("); i >= 0 {
			prev = prev[i+1:]
		}
		if len(prev) <= 2 || titleWords[fold(prev)] {
			continue
		}
		out = append(out, strings.TrimSpace(t[start:end]))
		start = m[1]
	}
	if rest := strings.TrimSpace(t[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// joinWrapped joins the lines of hard-wrapped paragraphs (Thunderbird,
// plain-text clients wrap at about 72 columns) so that sentences are read
// whole: a line joins the one before when that one stops mid-sentence.
// List items, contact lines and closing lines stay on their own.
func joinWrapped(ls []line) []line {
	out := make([]line, 0, len(ls))
	prev := "" // the last physical line
	for _, l := range ls {
		t := strings.TrimSpace(l.Text)
		if n := len(out); n > 0 && t != "" && l.Depth == out[n-1].Depth && continuesLine(prev, t) {
			out[n-1].Text = strings.TrimRight(out[n-1].Text, " ") + " " + t
			prev = t
			continue
		}
		out = append(out, l)
		prev = t
	}
	return out
}

// continuesLine tells whether next carries on the sentence of prev.
func continuesLine(prev, next string) bool {
	p := strings.TrimSpace(prev)
	if p == "" || isListItem(next) || lineEnd(next) != endNone || isContactLine(next) {
		return false
	}
	if _, _, _, _, ok := parseMarker(next); ok {
		return false
	}
	return cutByWrap(p)
}

// minWrappedRunes is the shortest line taken for one cut by a hard wrap.
// Plain-text clients wrap at 72 to 78 columns (Thunderbird 72, Outlook's
// plain text and quoting 76, RFC 3676 at most 78; Outlook's HTML does not
// hard-wrap) at the last blank that fits, so a wrapped line falls short of
// the width by the word pushed to the next line, and quoting takes two
// columns a level. Dutch and German compounds run to 25 letters
// ("Laborinformationssystem"), so a wrapped line can be as short as ~40
// runes; shorter lines are lines of their own ("phishing" above the next
// heading).
const minWrappedRunes = 40

// cutByWrap tells whether line p looks cut by a hard wrap: long enough to
// have been wrapped, and stopping mid-sentence (on a letter, a digit,
// or a comma, semicolon, hyphen or apostrophe) rather than on a full stop,
// colon or closing bracket. Both the sentence joiner (continuesLine) and
// the heading finder (wrappedProse) ask it.
func cutByWrap(p string) bool {
	if utf8.RuneCountInString(p) < minWrappedRunes {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(p)
	return unicode.IsLetter(last) || unicode.IsDigit(last) || strings.ContainsRune(",;-'", last)
}

// hasStem tells whether folded text f holds the stem v; stems of four
// letters or fewer must open a word ("plat" is not in "plateforme", "tage"
// not in "stage", "edr" not in "sedret").
func hasStem(f, v string) bool {
	if len(v) > 4 {
		return strings.Contains(f, v)
	}
	for off := 0; ; {
		i := strings.Index(f[off:], v)
		if i < 0 {
			return false
		}
		i += off
		j := i + len(v)
		if (i == 0 || !isWordByte(f[i-1])) && (j == len(f) || !isLetterByte(f[j])) {
			return true
		}
		off = i + 1
	}
}

// dropRecordSubject drops a bare subject before the record verb ("het
// incident is intussen | geregistreerd onder CAPA 2021-09"): a few words
// that say nothing of where it was recorded. A subject that does ("In our
// quality system the event is recorded as ...") is kept whole.
func dropRecordSubject(s string) string {
	loc := registeredRe.FindStringIndex(s)
	if loc == nil || loc[0] == 0 {
		return s
	}
	before := s[:loc[0]]
	if len(strings.Fields(before)) > 5 {
		return s
	}
	if q, sc := proseQuestion(before); q == 4 && sc > 0 || len(references(before)) > 0 {
		return s
	}
	return strings.TrimSpace(s[loc[0]:])
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 0x80 }
