package mailparse

import (
	"regexp"
	"strings"
	"unicode"
)

// Where the lab's own words end: closing formulas, the "-- " signature
// delimiter, mobile signatures ("Envoyé de mon iPhone", "Von meinem iPhone
// gesendet") and confidentiality disclaimers, in the four languages. Lines
// after them are the signature: they name the signer (for "moi-même")
// but answer nothing.

var (
	closingRe = regexp.MustCompile(`(?i)^\s*(bien (à|a) (vous|toi)|bien cordialement|tr[èe]s cordialement|cordialement|bien confraternellement|confraternellement|salutations|meilleures salutations|sinc[èe]res salutations|veuillez agr[ée]er|je vous prie d'agr[ée]er|recevez|bonne (journ[ée]e|fin de journ[ée]e)|met (vriendelijke|collegiale|beste|hartelijke) groet(en)?|vriendelijke groet(en)?|met de meeste hoogachting|hoogachtend|mvg|m\.v\.g\.|groet(en|jes)?\b|mit freundlichen gr[üu](ß|ss)en|freundliche gr[üu](ß|ss)e|mfg|beste gr[üu](ß|ss)e|viele gr[üu](ß|ss)e|gr[üu](ß|ss)e?|hochachtungsvoll|kind regards|best regards|warm regards|regards|yours (sincerely|faithfully|truly)|sincerely|best wishes|cheers|with thanks)(?:[\s,.!]|$)`)
	// courtesyRe are closing sentences that are not the end of the text
	// but answer no question.
	courtesyRe  = regexp.MustCompile(`(?i)^\s*(nous esp[ée]rons|j'esp[èe]re|en esp[ée]rant|en vous remerciant|wij hopen|we hopen|ik hoop|hopelijk|we hope|i hope|hoping|wir hoffen|ich hoffe|in der hoffnung|(nous restons|restant|je reste|je demeure|nous demeurons) (à|a|bien|volontiers|entièrement|toujours)? ?(votre|à votre|a votre|disponible)|n'h[ée]sitez pas|n’h[ée]sitez pas|pour toute (question|information)|merci (de|pour)|nous vous remercions|wij (blijven|staan) (steeds |graag |altijd )?(ter|tot|u|beschikbaar|bereikbaar)|voor (verdere|bijkomende) (vragen|informatie)|aarzel niet|met dank|bedankt|dank u|f[üu]r (r[üu]ckfragen|weitere fragen)|f[üu]r fragen|wir stehen (ihnen )?(gerne |für|zur)|vielen dank|besten dank|for any (further )?questions?|please (do not hesitate|feel free|let us know|contact)|do not hesitate|don't hesitate|we remain (at|available)|thank you|thanks|should you (require|need|have|wish)|if you (require|need|have) (any|further|more)|please let me know|si vous (avez|souhaitez|d[ée]sirez) (besoin|des|d'autres|de plus)|pour tout (renseignement|compl[ée]ment)|mocht u (nog|verdere|meer|vragen)|indien u (nog|verdere|meer|vragen)|bij (verdere |bijkomende )?vragen|sollten sie (noch|weitere|fragen)|falls sie (noch|weitere|fragen)|bei (weiteren |offenen )?fragen)(?:[\s,.!]|$)`)
	sigDelimRe  = regexp.MustCompile(`^\s*--\s*$|^\s*__\s*$`)
	mobileRe    = regexp.MustCompile(`(?i)^\s*(envoy[ée] (de|depuis|[àa] partir de) (mon|mijn|my|outlook)|sent from (my|outlook|yahoo mail|mail for|samsung)|sent from \S+ ?<https?://|verzonden (vanaf|met|van) mijn|verstuurd (vanaf|met|van) mijn|von meinem|gesendet (von|mit) (meinem|mein|outlook)|envoy[ée] avec|get outlook for)\b`)
	disclaimRe  = regexp.MustCompile(`(?i)^\s*(avertissement|disclaimer|confidentialit[ée]|confidential(ity)?( notice)?|vertrouwelijk|vertraulich(keit)?|haftungsausschluss|ce (message|courriel|e-?mail) (et|est|ainsi|peut|contient)|this (e-?mail|message|communication) (and|is|may|contains)|dit (e-?mail)?bericht|deze e-?mail|dit e-?mailbericht|diese (e-?mail|nachricht)|the information (contained|in this)|les informations contenues|de informatie (in|die))\b`)
	separatorLn = regexp.MustCompile(`^\s*[*#=~]{3,}\s*$`)
)

// endKind says how a line ends the own text.
type endKind int

const (
	endNone endKind = iota
	endSoft         // a courtesy line: ends the current answer only
	endHard         // closing formula, signature, disclaimer: the answers are over
)

// endFirstWords are the (folded) words that can open a line lineEnd
// recognises; other lines skip the regular expressions, which matters for
// speed since every line is asked several times.
var endFirstWords = toSet(`j en wij ik hopelijk i hoping ich in bien tres cordialement confraternellement salutations meilleures sinceres veuillez je recevez bonne
met vriendelijke hoogachtend mvg m groet groeten groetjes mit freundliche mfg beste viele grusse gruss hochachtungsvoll
kind best warm regards yours sincerely cheers with nous restant n pour merci wij voor aarzel bedankt dank fur wir vielen
besten for please do don we thank thanks should if si mocht indien bij sollten falls bei envoye sent verzonden verstuurd von gesendet get avertissement disclaimer confidentialite
confidential confidentiality vertrouwelijk vertraulich vertraulichkeit haftungsausschluss ce this dit deze diese the les de`)

// endSecondWords narrows first words that often open ordinary
// sentences ("Les", "De", "Nous", "Pour") to the second words of the
// formulas they may start.
var endSecondWords = func() map[string]map[string]bool {
	m := map[string]map[string]bool{}
	for _, l := range strings.Split(`ce message courriel e email mail
les informations
de informatie
the information
this e email mail message communication
dit e email emailbericht bericht
deze e email mail
diese e email mail nachricht
je reste vous
nous restons vous esperons
pour toute tout
should you
if you
si vous
mocht u
indien u
bij verdere bijkomende vragen
sollten sie
falls sie
bei weiteren offenen fragen
met vriendelijke collegiale beste hartelijke de dank
voor verdere bijkomende
we remain hope
wij hopen blijven staan
wir stehen hoffen
en esperant vous
ik hoop
i hope
ich hoffe
in der
for any
with thanks
do not
don t
please do feel let contact
bien a cordialement confraternellement
best regards wishes
kind regards
warm regards
mit freundlichen
von meinem
get outlook
sent from
merci de pour
bonne journee fin
tres cordialement
veuillez agreer
m v
n hesitez
fur ruckfragen weitere fragen
dank u
vielen dank
besten dank
thank you`, "\n") {
		f := strings.Fields(l)
		m[f[0]] = toSet(strings.Join(f[1:], " "))
	}
	return m
}()

// firstWordIn looks the first word of t up in set without allocating for
// ASCII words; it returns the word only when found.
func firstWordIn(t string, set map[string]bool) (w string, in, empty bool) {
	var buf [32]byte
	n := 0
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c >= 0x80 {
			w = firstWord(t)
			return w, set[w], w == ""
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c < 'a' || c > 'z' || n == len(buf) {
			break
		}
		buf[n] = c
		n++
	}
	if n == 0 {
		return "", false, true
	}
	if !set[string(buf[:n])] {
		return "", false, false
	}
	return string(buf[:n]), true, false
}

// secondWord returns the folded word after t's first word.
func secondWord(t string) string {
	rest := strings.TrimLeftFunc(t[firstWordEnd(t):], func(r rune) bool { return !unicode.IsLetter(r) })
	return firstWord(rest)
}

// firstWord returns the folded first word of t (letters only), or "" when
// t starts with something else.
func firstWord(t string) string {
	return fold(t[:firstWordEnd(t)])
}

// lineEnd classifies a line as the end of the answers.
func lineEnd(t string) endKind {
	t = strings.TrimSpace(t)
	if t == "" {
		return endNone
	}
	w, in, empty := firstWordIn(t, endFirstWords)
	if empty {
		// "-- ", "__", "*****": short lines of punctuation only.
		switch {
		case len(t) > 12:
			return endNone
		case sigDelimRe.MatchString(t):
			return endHard
		case separatorLn.MatchString(t):
			return endSoft
		}
		return endNone
	}
	if !in {
		return endNone
	}
	// The second word is found after the written first word: the folded
	// one may be shorter ("Für" is "fur").
	if next, ok := endSecondWords[w]; ok && !next[secondWord(t)] {
		return endNone
	}
	switch {
	// A mobile signature is a bare phrase: "Sent from my desk, is much
	// easier ..." goes on as a sentence.
	case mobileWords[w] && mobileRe.MatchString(t) && !strings.Contains(t, ", "), disclaimWords[w] && isDisclaimer(w, t):
		return endHard
	case len(t) < 60 && closingRe.MatchString(t):
		return endHard
	case courtesyRe.MatchString(t) && !(w == "thanks" || w == "thank") || thanksRe.MatchString(t):
		return endSoft
	}
	return endNone
}

// thanksRe is thanks that close a reply ("Thank you for your help."), not
// "Thanks to our offline backups, ..." inside an answer.
var thanksRe = regexp.MustCompile(`(?i)^\s*(thanks|thank you)(\s+(for|again|in advance|very much|a lot)\b.*)?[\s,.!]*$`)

// isDisclaimer tells a confidentiality notice. Lines opening with a plain
// article ("Ce message", "Dit bericht", "Diese E-Mail") are sentences of an
// answer too ("Dit bericht werd naar alle artsen gestuurd"): they must
// also speak of confidentiality or of the intended addressee.
func isDisclaimer(w, t string) bool {
	if !disclaimRe.MatchString(t) {
		return false
	}
	switch w {
	case "ce", "this", "dit", "deze", "diese", "the", "les", "de":
		return confidentialRe.MatchString(t)
	}
	return true
}

var confidentialRe = regexp.MustCompile(`(?i)(confidenti|vertrouwelijk|vertraulich|destinataire|geadresseerde|addressee|recipient|bestemd|bestimmt|intended|ausschlie(ß|ss)lich|exclusivement|uitsluitend|erreur|error|vergissing|irrtum)`)

// mobileWords and disclaimWords open mobile signatures and disclaimers.
var (
	mobileWords   = toSet("envoye sent verzonden verstuurd von gesendet get")
	disclaimWords = toSet(`avertissement disclaimer confidentialite confidential confidentiality vertrouwelijk vertraulich
vertraulichkeit haftungsausschluss ce this dit deze diese the les de`)
)

// ownText is the sender's own text of a segment: unquoted lines up to the
// signature, for language detection and kind wording.
func ownText(ls []line) string {
	// Measure first and copy once: growing the builder line by line
	// allocated four times the text (this runs for every message).
	n, end := 0, len(ls)
	for i, l := range ls {
		if l.Depth > 0 {
			continue
		}
		if e := lineEnd(l.Text); e == endHard && !closingRe.MatchString(l.Text) {
			end = i
			break
		}
		n += len(l.Text) + 1
	}
	var b strings.Builder
	b.Grow(n)
	for _, l := range ls[:end] {
		if l.Depth == 0 {
			b.WriteString(l.Text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// signatureLines returns the lines after the last closing formula (or the
// "-- " delimiter) of the own text, up to a disclaimer: where the signer's
// name, phone and address are. Without a closing formula, the signature
// starts after a courtesy line or at the line holding the signer's name.
func signatureLines(ls []line, names map[string]bool) []string {
	start, soft, name := -1, -1, -1
	for i, l := range ls {
		if l.Depth > 0 {
			continue
		}
		t := strings.TrimSpace(l.Text)
		switch e := lineEnd(t); {
		case e == endHard && (sigDelimRe.MatchString(t) || closingRe.MatchString(t) && len(t) < 60):
			start = i + 1
		case e == endSoft && !separatorLn.MatchString(t):
			soft = i + 1
		case e == endNone && name < 0 && isNameLine(t, names):
			name = i
		}
	}
	if start < 0 {
		start = soft
	}
	if start < 0 {
		start = name
	}
	if start < 0 {
		return nil
	}
	var out []string
	for _, l := range ls[start:] {
		if l.Depth > 0 {
			continue
		}
		t := strings.TrimSpace(l.Text)
		if disclaimRe.MatchString(t) || mobileRe.MatchString(t) {
			break
		}
		if t != "" {
			out = append(out, t)
		}
		if len(out) >= 10 {
			break
		}
	}
	return out
}

// firstWordEnd returns the byte offset where t's first word ends.
func firstWordEnd(t string) int {
	for i, r := range t {
		if !unicode.IsLetter(r) {
			return i
		}
	}
	return len(t)
}
