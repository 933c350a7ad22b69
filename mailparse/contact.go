package mailparse

import (
	"regexp"
	"strings"
	"unicode"
)

// The contact person: named explicitly ("Personne de contact :",
// "Contactpersoon:", "Ansprechpartnerin:", "Contact person:", "Contact:"),
// or the signer when the reply says so ("moi-même", "ondergetekende",
// "die Unterzeichnende", "myself", "contact me"), else the signer. Names
// lose their titles (Dr, Prof., apr., ir., Mme, Mevr., Frau...); phones
// are kept as written; a missing e-mail address is looked up among the
// people the message names (its sender, a forwarded author, Cc).

var (
	emailRe = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}`)
	// Phones as people write them: "+32 (0)2 555 81 40", "0032 2 555 81
	// 40", "02/555.81.40", "0475-12-34-56", German "0241/80-12345" and
	// "+49 (0) 241 80-12345".
	phoneRe = regexp.MustCompile(`(?:\+|00)\d{2,3}[\s./-]?(?:\(0\)\s?)?\d{1,4}(?:[\s./-]?\d{2,5}){2,4}|\b0\d{1,3}[\s./-]\d{2,3}(?:[\s./-]?\d{2}){2,3}\b|\b0\d{2,4}/\d{2,8}(?:-\d{1,5})?\b`)
	// dateRe: "05/02/2021" and "05-02-2021" have a phone's shape.
	dateRe = regexp.MustCompile(`^\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d{2}$`)
	selfRe = regexp.MustCompile(`(?i)\b(moi-m[êe]me|moi m[êe]me|moi|le soussign[ée]|la soussign[ée]e?|soussign[ée]e?|ondergetekende|mezelf|ikzelf|der unterzeichnende|die unterzeichnende|unterzeichnende|unterzeichner(in)?|ich selbst|myself|the undersigned|undersigned|me)\b`)
	// seeSignerRe point to the signature or the sender: "voir signature",
	// "zie handtekening", "siehe unten", "see below", "l'expéditeur".
	seeSignerRe    = regexp.MustCompile(`(?i)\b(voir signature|voir ci-dessous|zie handtekening|zie hieronder|zie onder|siehe signatur|siehe unten|see signature|see below|exp[ée]dit(eur|rice)|afzender|absender|sender)\b`)
	seeSignerStems = []string{"ignatur", "andtekening", "ieronder", "onder", "unten", "below", "dessous", "xp", "zender", "sender"}
	// contactVerbRe are invitations to contact someone: "contact me",
	// "me contacter", "mij contacteren", "kontaktieren Sie mich".
	contactVerbRe = regexp.MustCompile(`(?i)\b(contact(er|eren|ez)?|kontaktier\w*|bereikbaar|joignable|erreichbar|reach)\b`)
	// turnToRe invite to turn to someone: "vous adresser à", "terecht
	// bij", "wenden Sie sich an", "get in touch with".
	turnToRe = regexp.MustCompile(`(?i)\b(vous adresser|s['’]adresser|terecht bij|wenden sie sich|get in touch)\b`)
	// reachRe are verbs that invite to reach the writer only with a
	// "me" ("kan u mij bereiken op", "me joindre au", "erreichen Sie
	// mich unter", "call me on"): "de resultaten konden de artsen niet
	// bereiken" names no contact.
	reachRe    = regexp.MustCompile(`(?i)\b(bereiken|joindre|appeler|appelez|erreichen|rufen|anrufen|call|phone|bellen|opbellen)\b`)
	meRe       = regexp.MustCompile(`(?i)\b(me|mij|mich|moi|me at|me on)\b|\bm['’]\pL`)
	copulaRe   = regexp.MustCompile(`(?i)^(\w+\s+){0,3}(is|ist|est|est la|est le|:)\s+`)
	telLabelRe = regexp.MustCompile(`(?i)\s+(tel|tél|t|gsm|phone|mobile)\.?\s*:?\s*$`)
)

// findPhone returns the first phone number in s, as written; a line with
// fewer than six digits skips the regular expression.
func findPhone(s string) string {
	if digits(s) < 6 {
		return ""
	}
	p := phoneRe.FindString(s)
	if p == "" || !dateRe.MatchString(p) {
		return p
	}
	for _, p := range phoneRe.FindAllString(s, 4)[1:] {
		if !dateRe.MatchString(p) {
			return p
		}
	}
	return ""
}

// hasCloser tells a line with a closing bracket, as "[at]" has.
func hasCloser(s string) bool {
	return strings.IndexByte(s, ')') >= 0 || strings.IndexByte(s, ']') >= 0 || strings.IndexByte(s, '}') >= 0
}

// digits counts the digits of s, up to six.
func digits(s string) int {
	n := 0
	for i := 0; i < len(s) && n < 6; i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}

// findEmail returns the first e-mail address in s, also when written to
// escape harvesters: "jan.peeters[at]lab.be", "jan (at) lab (dot) be".
func findEmail(s string) string {
	if strings.IndexByte(s, '@') < 0 {
		if s = unmaskEmail(s); strings.IndexByte(s, '@') < 0 {
			return ""
		}
	}
	return emailRe.FindString(s)
}

// mailAddress returns s when it is a mail address (a local part, "@" and
// a domain, no blanks), else "": a From header's "<A>" is no address a
// contact can be reached at.
func mailAddress(s string) string {
	i := strings.LastIndexByte(s, '@')
	if i <= 0 || i == len(s)-1 || strings.ContainsAny(s, " \t\r\n<>\"(),;:") {
		return ""
	}
	return s
}

// unmaskEmail writes "[at]" and "(dot)" back as "@" and ".".
func unmaskEmail(s string) string {
	if strings.IndexByte(s, '@') >= 0 || !hasCloser(s) || indexFold(s, "at") < 0 {
		return s
	}
	return dotRe.ReplaceAllString(atRe.ReplaceAllString(s, "@"), ".")
}

var (
	atRe  = regexp.MustCompile(`(?i)\s*[\[({]\s*(?:at|@)\s*[\])}]\s*`)
	dotRe = regexp.MustCompile(`(?i)\s*[\[({]\s*(?:dot|punt|point|punkt)\s*[\])}]\s*`)
)

// contactSource is the text the contact is searched in, with the signer
// of that text.
type contactSource struct {
	Lines  []line
	Signer Contact
	// Letter: Sciensano's letter with the lab's answers typed between its
	// lines (no quote marks); its own lines are told by fromLetter, only
	// for the few lines that could name a contact.
	Letter bool
}

// findContact returns the contact person.
func findContact(srcs []contactSource, people map[string]string) Contact {
	for _, src := range srcs {
		if c, ok := explicitContact(src, people); ok {
			return c
		}
	}
	if len(srcs) > 0 {
		return srcs[0].Signer
	}
	return Contact{}
}

// explicitContact looks for a contact line or an invitation to contact.
func explicitContact(src contactSource, people map[string]string) (Contact, bool) {
	ls := src.Lines
	quoted := func(k int) bool { return ls[k].Depth > 0 || src.Letter && fromLetter(ls[k].Text) }
	for i, l := range ls {
		if l.Depth > 0 {
			continue
		}
		t := strings.TrimSpace(l.Text)
		if t == "" {
			continue
		}
		at := strings.IndexByte(t, '@') >= 0
		if !at && hasCloser(t) {
			t = unmaskEmail(t)
			at = strings.IndexByte(t, '@') >= 0
		}
		if i > 0 && asksForContact(ls, i, quoted) && !isContactLine(t) && !quoted(i) {
			if c, ok := unlabeledContact(t, src.Signer, people); ok {
				return c, true
			}
		}
		if m := contactLineIndex(t); m != nil {
			if quoted(i) {
				continue
			}
			val := strings.TrimSpace(t[m[1]:])
			val = strings.TrimLeft(val, " *_")
			// "Contactpersoon voor verdere vragen: X", "Ansprechpartnerin ist X".
			if k := strings.IndexAny(val, ":|\t"); k >= 0 && k < 40 {
				val = strings.TrimSpace(val[k+1:])
			} else if k := copulaRe.FindStringIndex(val); k != nil {
				val = strings.TrimSpace(val[k[1]:])
			} else if val != "" && !strings.HasPrefix(val, "/") {
				continue // "Contact avec le fournisseur..." is a sentence
			}
			// A table cell or a wrapped line: the details may follow.
			last := i
			if j := nextNonBlank(ls, i+1); (val == "" || !(findEmail(val) != "") && !(findPhone(val) != "")) && j < len(ls) && ls[j].Depth == 0 {
				nt := strings.TrimSpace(ls[j].Text)
				if val == "" || (findEmail(nt) != "") || (findPhone(nt) != "") {
					if lineEnd(nt) == endNone && !isContactLine(nt) {
						val = strings.TrimSpace(val + " " + nt)
						last = j
					}
				}
			}
			if val == "" {
				continue
			}
			if isSciensano(val) {
				continue // the letter's own "Contact : Arnaud Capron", copied
			}
			if isSelf(val) {
				c := src.Signer
				if p := findPhone(val); p != "" {
					c.Phone = strings.TrimSpace(p)
				}
				return c, true
			}
			c := parseContactValue(val, people)
			contactDetails(&c, ls, last+1)
			return c, true
		}
		// "contact me at +32...", "n'hésitez pas à me contacter",
		// "vous pouvez contacter directement M. Dumont (o.dumont@...)".
		if src.Letter {
			continue // the letter's own lines invite to contact Sciensano
		}
		if mayInviteContact(t) && contactVerbRe.MatchString(t) || at && containsAnyFold(t, turnToStems) && turnToRe.MatchString(t) {
			// The invitation may wrap: "please contact our Quality\n
			// Manager, Rachel Owens (rachel.owens@...)".
			if findEmail(t) == "" && !meRe.MatchString(t) && i+1 < len(ls) && ls[i+1].Depth == 0 {
				t += " " + strings.TrimSpace(ls[i+1].Text)
			}
			if e := findEmail(t); e != "" && !isSciensanoAddress(e) {
				c := parseContactValue(t, people)
				c.Email = strings.ToLower(e)
				if n, ok := people[c.Email]; ok {
					c.Name = n
				} else if n := nameFromSentence(t); n != "" {
					c.Name = n
				} else if n := nameBeforeEmail(t); n != "" || !looksLikeName(c.Name) {
					c.Name = n
				}
				return c, true
			}
			if meRe.MatchString(t) {
				c := src.Signer
				if p := findPhone(t); p != "" {
					c.Phone = strings.TrimSpace(p)
				}
				return c, true
			}
		}
		// Without a number or an address the signer is the contact anyway.
		if (at || digits(t) >= 6) && containsAnyFold(t, reachStems) && reachRe.MatchString(t) && meRe.MatchString(t) {
			c := src.Signer
			if p := findPhone(t); p != "" {
				c.Phone = strings.TrimSpace(p)
			}
			if e := findEmail(t); e != "" && !isSciensano(e) {
				c.Email = strings.ToLower(e)
			}
			return c, true
		}
	}
	return Contact{}, false
}

// contactDetails completes a contact from the lines of its block:
// "Contactpersoon: Jan Peeters / Kwaliteitsverantwoordelijke / Tel: ... /
// E-mail: ...". The block ends at a blank line, a closing, another
// contact line or another person's name.
func contactDetails(c *Contact, ls []line, from int) {
	for k := from; k < len(ls) && k < from+4 && (c.Email == "" || c.Phone == ""); k++ {
		t := strings.TrimSpace(ls[k].Text)
		if ls[k].Depth > 0 || t == "" || len(t) > 100 || lineEnd(t) != endNone || isContactLine(t) {
			return
		}
		e, p := findEmail(t), findPhone(t)
		if e == "" && p == "" && looksLikeName(t) && !hasRoleWord(t) && cleanPersonName(t) != c.Name {
			return
		}
		if c.Email == "" && e != "" && !isSciensano(e) {
			c.Email = strings.ToLower(e)
		}
		if c.Phone == "" && p != "" && !strings.Contains(strings.ToLower(t), "fax") {
			c.Phone = strings.TrimSpace(p)
		}
	}
}

// contactRequests end the letter's paragraph asking for a contact person
// ("... y compris une personne de contact.", "... met inbegrip van een
// contactpersoon."), folded.
var contactRequestStems = []string{"ontact", "nsprech", "ontakt"}

var contactRequests = []string{"personne de contact", "contactpersoon", "ansprechpartner", "ansprechpartners", "ansprechperson", "kontaktperson", "contact person", "point of contact"}

// asksForContact tells whether the last non-blank line before ls[i] is a
// quoted line (or a line of the letter) that asks for a contact person:
// ls[i], typed below it, is the answer.
func asksForContact(ls []line, i int, quoted func(int) bool) bool {
	j := i - 1
	for j >= 0 && strings.TrimSpace(ls[j].Text) == "" {
		j--
	}
	if j < 0 {
		return false
	}
	tail := strings.TrimRight(ls[j].Text, " .:;,)")
	tail = tail[max(0, len(tail)-24):]
	if !containsAnyFold(tail, contactRequestStems) || !quoted(j) {
		return false
	}
	p := fold(tail)
	for _, r := range contactRequests {
		if strings.HasSuffix(p, r) {
			return true
		}
	}
	return false
}

// unlabeledContact reads a line typed as the answer to the letter's
// request: the signer ("moi-même"), or a name with an address or a phone.
func unlabeledContact(t string, signer Contact, people map[string]string) (Contact, bool) {
	if len(t) > 200 || isSciensano(t) {
		return Contact{}, false
	}
	if isSelf(t) {
		c := signer
		if p := findPhone(t); p != "" {
			c.Phone = strings.TrimSpace(p)
		}
		return c, true
	}
	if findEmail(t) == "" && findPhone(t) == "" && !looksLikeName(firstClause(t)) {
		return Contact{}, false
	}
	c := parseContactValue(t, people)
	return c, c.Name != "" || c.Email != ""
}

// isSciensano tells the letter's own contact details.
func isSciensano(v string) bool {
	f := fold(v)
	return strings.Contains(f, "sciensano") || strings.Contains(f, "capron")
}

// mayInviteContact is a cheap test before contactVerbRe.
func mayInviteContact(t string) bool {
	return containsAnyFold(t, contactVerbStems)
}

var contactVerbStems = []string{"ontact", "ontakt", "bereikbaar", "joignable", "erreichbar", "reach"}

var turnToStems = []string{"adresser", "terecht bij", "wenden sie", "in touch"}

var reachStems = []string{"bereiken", "joindre", "appeler", "appelez", "erreichen", "rufen", "all me", "hone me", "bellen"}

func isSelf(val string) bool {
	v := firstClause(strings.TrimSpace(val))
	return selfRe.MatchString(v) || containsAnyFold(v, seeSignerStems) && seeSignerRe.MatchString(v)
}

func firstClause(v string) string {
	if i := strings.IndexAny(v, ",;(—–"); i > 0 {
		return v[:i]
	}
	return v
}

// parseContactValue reads "Dr X Y, role, +32 ..., x.y@lab.be".
func parseContactValue(val string, people map[string]string) Contact {
	var c Contact
	if e := findEmail(val); e != "" {
		c.Email = strings.ToLower(e)
	}
	if p := findPhone(val); p != "" {
		c.Phone = strings.TrimSpace(p)
	}
	// The name is the first part that is not a role: "Quality Manager,
	// Jan Peeters, ..." and "responsable qualité, Mme Anne Dubois" name
	// their role first.
	name := ""
	for k, part := range strings.FieldsFunc(val, func(r rune) bool { return r == ',' || r == ';' || r == '|' || r == '\t' }) {
		n := namePartOf(part)
		if k == 0 {
			name = n
		}
		if k > 0 && n != "" && looksLikeName(n) && !hasRoleWord(n) || k == 0 && !hasRoleWord(n) {
			name = n
			break
		}
		if strings.Contains(part, "(") {
			break
		}
	}
	c.Name = name
	if c.Email == "" && name != "" {
		c.Email = emailOfName(name, people)
	}
	if c.Name == "" && c.Email != "" {
		c.Name = people[c.Email]
	}
	return c
}

// emailOfName finds the address of a person the message names: the same
// name, else the only one whose name holds every word of it ("Dubois" or
// "A. Dubois" for "Anne Dubois <a.dubois@lab.be>"; initials must agree).
func emailOfName(name string, people map[string]string) string {
	key := fold(name)
	for e, n := range people {
		if fold(n) == key {
			return e
		}
	}
	ws := words(name)
	if len(ws) == 0 {
		return ""
	}
	found := ""
	for e, n := range people {
		pw := words(n)
		all := true
		for _, w := range ws {
			ok := false
			for _, p := range pw {
				if p == w || len(w) == 1 && strings.HasPrefix(p, w) {
					ok = true
					break
				}
			}
			if !ok {
				all = false
				break
			}
		}
		if all {
			if found != "" && found != e {
				return "" // two people fit: do not guess
			}
			found = e
		}
	}
	return found
}

// namePartOf is the name in one comma part of a contact value: before a
// parenthesis, a dash separator, a phone or an address, without titles.
func namePartOf(name string) string {
	if i := strings.IndexByte(name, '('); i >= 0 {
		name = name[:i]
	}
	for _, sep := range []string{" – ", " - ", " — ", " / "} {
		if i := strings.Index(name, sep); i >= 0 {
			name = name[:i]
		}
	}
	if loc := phoneRe.FindStringIndex(name); loc != nil {
		name = name[:loc[0]]
	}
	if loc := emailRe.FindStringIndex(name); loc != nil {
		name = name[:loc[0]]
	}
	return cleanPersonName(name)
}

// roleWords name a function, not a person, in the four languages
// (folded).
var roleWords = toSet(`manager managerin responsable directeur directrice director verantwoordelijke
	coordinator coordinatrice coordinateur bioloog biologiste biologist biologe biologin leiter leiterin beauftragter beauftragte
	officer head chef hoofd diensthoofd ict it qualite kwaliteit quality qualitat qm qualitatsmanager qualitatsmanagerin
	kwaliteitsmanager kwaliteitsverantwoordelijke kwaliteitscoordinator informaticien informaticus administrateur beheerder
	laborleiter laborleiterin pharmacien apotheker our notre onze unser unsere nos service dienst afdeling abteilung department`)

// hasRoleWord tells a name part that names a function.
func hasRoleWord(s string) bool {
	var buf [32]byte
	n := 0
	for i := 0; i <= len(s); i++ {
		c := byte(' ')
		if i < len(s) {
			c = s[i]
		}
		if c >= 0x80 {
			return hasRoleWordFolded(s) // accents: fold the whole part
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c >= 'a' && c <= 'z' {
			if n < len(buf) {
				buf[n] = c
			}
			n++
			continue
		}
		if n > 0 && n <= len(buf) && roleWords[string(buf[:n])] {
			return true
		}
		n = 0
	}
	return false
}

func hasRoleWordFolded(s string) bool {
	for _, w := range words(s) {
		if roleWords[w] {
			return true
		}
	}
	return false
}

// cleanPersonName drops titles, trailing role words after a tel. label,
// and punctuation.
func cleanPersonName(s string) string {
	s = strings.TrimSpace(s)
	// The regexps run only where they can match: most names have no
	// title and no label, and are parsed for every message.
	if i := strings.LastIndexAny(s, " \t"); i >= 0 && len(s)-i <= 9 {
		s = telLabelRe.ReplaceAllString(s, "")
	}
	if _, in, _ := firstWordIn(s, titleStartWords); in {
		s = titleRe.ReplaceAllString(s, "")
	}
	s = strings.Trim(s, " .:*_-–")
	if strings.Contains(s, "  ") || strings.ContainsAny(s, "\t\r\n\u00a0") {
		s = strings.Join(strings.Fields(s), " ")
	}
	return stripPostNominals(s)
}

// nameFromSentence takes the capitalised words after a title in a
// sentence ("contacter directement M. Dumont").
func nameFromSentence(t string) string {
	m := titledNameRe.FindStringSubmatch(t)
	if m == nil {
		return ""
	}
	return strings.TrimSpace(m[1])
}

// nameBeforeEmail takes the capitalised words just before an address in
// a sentence ("our Quality Manager, Rachel Owens (rachel.owens@...)").
func nameBeforeEmail(t string) string {
	loc := emailRe.FindStringIndex(t)
	if loc == nil {
		return ""
	}
	ws := strings.Fields(strings.TrimRight(t[:loc[0]], " (<[:"))
	var name []string
	for k := len(ws) - 1; k >= 0 && len(name) < 3; k-- {
		w := strings.Trim(ws[k], ",;")
		r := []rune(w)
		if len(r) < 2 || !unicode.IsUpper(r[0]) || strings.HasSuffix(ws[k], ",") && len(name) > 0 {
			break
		}
		name = append([]string{w}, name...)
		if strings.HasSuffix(ws[k], ",") || k > 0 && strings.HasSuffix(ws[k-1], ",") {
			break
		}
	}
	if len(name) < 2 {
		return ""
	}
	return strings.Join(name, " ")
}

// signerOf reads the signer from the signature lines of a segment: the
// name line (the one sharing a word with the sender's name, else the first
// name-like line), the first phone, the sender's address.
func signerOf(ls []line, fromAddr, fromName string) Contact {
	c := Contact{Email: mailAddress(strings.ToLower(fromAddr))}
	nameTok := map[string]bool{}
	for _, w := range words(fromName) {
		if len(w) > 1 && !titleWords[w] {
			nameTok[w] = true
		}
	}
	sig := signatureLines(ls, nameTok)
	local := fold(strings.SplitN(fromAddr, "@", 2)[0])
	// A shared mailbox or an organisation's display name ("Labor Eifel"
	// <labor@...>): its words name the lab, not the person who signs.
	org := 0 // 1 no, 2 yes; found when first needed
	orgSender := func() bool {
		if org == 0 {
			org = 1
			if genericMailbox(fromAddr) || orgRe.MatchString(fromName) {
				org = 2
			}
		}
		return org == 2
	}
	for _, s := range sig {
		if ns := namePart(s); c.Name == "" && looksLikeName(ns) && !orgSender() {
			share := false
			for _, w := range words(ns) {
				if nameTok[w] || len(w) > 2 && strings.Contains(local, w) {
					share = true
				}
			}
			if share {
				c.Name = cleanPersonName(ns)
			}
		}
		if c.Phone == "" {
			if p := findPhone(s); p != "" && !strings.Contains(strings.ToLower(s), "fax") {
				c.Phone = strings.TrimSpace(p)
			}
		}
		if e := findEmail(s); e != "" && (c.Email == "" || genericMailbox(c.Email) && !genericMailbox(e)) {
			// A shared mailbox sent it; the signer's own address is
			// the one to contact.
			c.Email = strings.ToLower(e)
		}
	}
	if c.Name == "" {
		// A shared mailbox ("Laboratoire Mosan"): the first line of the
		// signature that reads as a person's name.
		for _, s := range sig {
			if ns := namePart(s); looksLikeName(ns) && !orgRe.MatchString(ns) && len(strings.Fields(ns)) >= 2 {
				c.Name = cleanPersonName(ns)
				break
			}
		}
	}
	if c.Name == "" || strings.IndexByte(c.Name, ' ') < 0 {
		// No name line, or a first name only ("Pieter" under a reply
		// from "Pieter Claes"): the display name is the fuller one.
		if full := personDisplayName(fromName); c.Name == "" || containsWord(full, c.Name) {
			c.Name = full
		}
	}
	return c
}

// containsWord tells whether the name full has w among its words, folded.
func containsWord(full, w string) bool {
	fw := fold(w)
	for _, x := range strings.Fields(full) {
		if fold(x) == fw {
			return true
		}
	}
	return false
}

// namePart is a signature line without the address that follows a name:
// "Jan Peeters <jan.peeters@lab.be>", "Jan Peeters (jan.peeters@lab.be)"
// (a mailto: link's address is written so, see mailtoAddress).
func namePart(s string) string {
	if strings.IndexByte(s, '@') < 0 {
		return s
	}
	loc := emailRe.FindStringIndex(s)
	if loc == nil || strings.TrimLeft(s[loc[1]:], ">)] ") != "" {
		return s
	}
	return strings.TrimRight(s[:loc[0]], " <([-–,;")
}

// orgRe tells organisation names from people's names in a signature.
var orgRe = regexp.MustCompile(`(?i)\b(labo\w*|laboratoire|laboratorium|labor|klinik\w*|clinique|kliniek|h[ôo]pital|hospital|ziekenhuis|krankenhaus|chu|chr|az|uz|service|dienst|group|groupe|bv|sprl|srl|gmbh|nv|sa|asbl|vzw|centre|center|centrum|institut\w*)\b`)

// looksLikeName tells a signature line that is a person's name: two to
// five words, capitalised, no digits or addresses.
func looksLikeName(s string) bool {
	if strings.ContainsAny(s, "@0123456789|:") || len(s) > 60 {
		return false
	}
	f := strings.Fields(s)
	if len(f) < 1 || len(f) > 6 {
		return false
	}
	for _, w := range f {
		r := []rune(w)[0]
		if !(r >= 'A' && r <= 'Z' || r > 127 && strings.ToUpper(string(r)) == string(r)) && !titleWords[fold(strings.Trim(w, "."))] {
			return false
		}
	}
	return true
}

// personDisplayName turns a From display name into "First Last": "Lambotte
// Valérie" stays as given unless written "Last, First".
func personDisplayName(n string) string {
	n = strings.Trim(strings.TrimSpace(n), `"'`)
	if i := strings.Index(n, ","); i > 0 {
		n = strings.TrimSpace(n[i+1:]) + " " + strings.TrimSpace(n[:i])
	}
	if strings.Contains(n, "@") {
		return ""
	}
	return cleanPersonName(n)
}

// genericLocals are the local parts of shared mailboxes (secretariat,
// info, labo...), never a person's own address.
var genericLocals = toSet(`secretariat secretariaat sekretariat secretariaatlabo secretary info information contact contacts admin administration office bureau accueil reception onthaal empfang
labo lab labor laboratoire laboratorium laboratory klinlab biologie qualite quality kwaliteit qualitat qm mailbox mail noreply no-reply postmaster direction directie`)

// genericMailbox tells a shared mailbox by its local part's words.
func genericMailbox(addr string) bool {
	local := strings.ToLower(strings.SplitN(addr, "@", 2)[0])
	for _, w := range strings.FieldsFunc(local, func(r rune) bool { return r == '.' || r == '_' || r == '-' || r >= '0' && r <= '9' }) {
		if genericLocals[w] {
			return true
		}
	}
	return false
}
