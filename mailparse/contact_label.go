package mailparse

import (
	"regexp"
	"slices"
	"strings"
)

// One table says how a line naming the lab's contact person opens, in the
// four languages, and one table says which words are a person's titles.
// Every test that needs them (contact lines, lines that end an answer,
// names that lose their titles) is derived from these two tables.

// contactLabel is a label opening a contact line. A person label names
// the contact person by itself, so the line counts without a colon
// ("Ansprechpartnerin ist die Unterzeichnende", "Contactpersoon voor
// verdere vragen: X"). The others ("Contact", "Kontakt", "Coordonnées")
// are labels only when a colon, bar or slash follows, or nothing:
// "Kontakt mit dem Hersteller: Patch eingespielt" is an answer.
type contactLabel struct {
	text   string // as written, lower-case; accented and plain spellings both listed
	person bool
}

var contactLabels = []contactLabel{
	{"personne de contact", true}, {"personnes de contact", true},
	{"personne à contacter", true}, {"personne a contacter", true},
	{"interlocuteur", true}, {"interlocutrice", true},
	{"contactpersoon", true}, {"contact persoon", true}, {"contactpersonen", true}, {"aanspreekpunt", true},
	{"kontaktperson", true}, {"kontakt person", true},
	{"ansprechpartner", true}, {"ansprechpartnerin", true}, {"ansprechperson", true},
	{"contact person", true}, {"contactperson", true}, {"point of contact", true},
	{"contact", false}, {"kontakt", false}, {"coordonnées", false}, {"coordonnees", false},
	{"contact details", false}, {"contactgegevens", false}, {"kontaktdaten", false},
}

// contactLabelRe matches any label of contactLabels at the start of a
// line, longest first, after bullets or emphasis marks.
var contactLabelRe = func() *regexp.Regexp {
	ls := make([]string, len(contactLabels))
	for i, l := range contactLabels {
		ls[i] = regexp.QuoteMeta(l.text)
	}
	slices.SortFunc(ls, func(a, b string) int { return len(b) - len(a) })
	return regexp.MustCompile(`(?i)^\s*[*_]*(` + strings.Join(ls, "|") + `)\b`)
}()

// contactFirstWords are the folded first words of the labels: a line
// opening with none of them is no contact line, without the regexp.
var contactFirstWords = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range contactLabels {
		m[fold(strings.Fields(l.text)[0])] = true
	}
	return m
}()

// personLabel tells a person label as matched by contactLabelRe.
func personLabel(label string) bool {
	label = strings.TrimLeft(label, " \t*_")
	for _, l := range contactLabels {
		if strings.EqualFold(l.text, label) {
			return l.person
		}
	}
	return false
}

// isContactLine tells a line naming the contact person ("Personne de
// contact :", "Contactpersoon:", "Ansprechpartnerin ist ...").
func isContactLine(t string) bool {
	return contactLineIndex(t) != nil
}

// contactLineIndex locates the contact label of such a line, or nil.
func contactLineIndex(t string) []int {
	if _, in, _ := firstWordIn(strings.TrimLeft(t, " \t*_"), contactFirstWords); !in {
		return nil
	}
	m := contactLabelRe.FindStringIndex(t)
	if m == nil {
		return nil
	}
	if !personLabel(t[m[0]:m[1]]) {
		rest := strings.TrimLeft(t[m[1]:], " \t*_")
		if rest != "" && !strings.HasPrefix(rest, ":") && !strings.HasPrefix(rest, "|") && !strings.HasPrefix(rest, "/") {
			return nil
		}
	}
	return m
}

// opensContactLine tells a line whose label names the contact person, so
// that it ends an answer even without a colon.
func opensContactLine(t string) bool {
	m := contactLineIndex(t)
	return m != nil && personLabel(t[m[0]:m[1]])
}

// personTitles are the words a person's name loses when written before
// it, folded and without their final period: academic and professional
// titles (Dr, Pr, apr., ir., lic.) and forms of address (Mme, Mevr.,
// Frau, Mr) in French, Dutch, German and English.
var personTitles = strings.Fields(`dr pr prof apr ir ing lic drs med rer nat habil docteur dokter doctor professeur professor
	mme mevr mevrouw mw dhr heer mijnheer meneer madame monsieur mademoiselle mlle frau herr herrn mr mrs ms`)

// postNominals are degrees written after a name: "Hannah O'Neill, MD PhD".
var postNominals = strings.Fields("md phd msc bsc mba pharmd mph dphil frcpath facp mrcp mbbs lic apr ir")

// titleWords are the titles and forms of address written before a name
// (folded, without the dot): the one set the name readers share
// (signatures, contact lines, sentence ends after "Dr."). "M." (monsieur)
// is among them, though titleRe strips it only first.
var titleWords = toSet(strings.Join(personTitles, " ") + " m")

// titleStartWords open the names titleRe strips.
var titleStartWords = toSet(strings.Join(personTitles, " ") + " le la the de m dipl")

// titleRe strips the titles before a name. "M." is Monsieur only first:
// in "Dr M. Lambert" it is an initial. "Le", "la", "the" and "de heer"
// come before a title ("le Dr Dumont", "de heer Claes").
// It never matches the empty string, so names without a title cost no
// allocation.
var titleRe = regexp.MustCompile(`(?i)^(?:(?:le|la|the|de heer|m\.?)\s+(?:` + titleAlt + `)*|(?:` + titleAlt + `)+)`)

var titleAlt = `(?:(?:` + strings.Join(personTitles, "|") + `)\.?|dipl\.?-\pL+\.?)\s+`

// titledNameRe finds a capitalised name after a title in a sentence:
// "vous pouvez contacter directement M. Dumont".
var titledNameRe = regexp.MustCompile(`\b(?:(?:` + capitalised(personTitles) + `)\.?|M\.)\s+((?:\p{Lu}[\p{L}'\-]+\s?){1,3})`)

// capitalised joins the words with a capital first letter, for a
// case-sensitive alternation.
func capitalised(ws []string) string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(out, "|")
}

// stripPostNominals drops degrees after a name: "Hannah O'Neill, MD
// PhD", "Jan Peeters MD".
func stripPostNominals(s string) string {
	for {
		i := strings.LastIndexByte(s, ' ')
		if i < 0 || !isPostNominal(strings.Trim(s[i+1:], ".,")) {
			return s
		}
		s = strings.TrimRight(s[:i], " ,")
	}
}

func isPostNominal(w string) bool {
	for _, p := range postNominals {
		if strings.EqualFold(w, p) {
			return true
		}
	}
	return false
}
