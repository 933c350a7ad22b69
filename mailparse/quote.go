package mailparse

import (
	"regexp"
	"slices"
	"strings"
)

// A reply carries other people's text: the letter it answers, earlier
// mails, a forwarded report. Everything is split into segments: the
// sender's own text first, then one segment per quoted or forwarded
// message, each introduced by a header block ("De : / Envoyé : / À :",
// "Van: / Verzonden:", "Von: / Gesendet:", "From: / Sent:"), a separator
// ("-----Message d'origine-----", "-------- Message transféré --------")
// or an attribution ("Le ... a écrit :", "Op ... schreef", "Am ...
// schrieb", "On ... wrote:"). Lines quoted with "> " stay in their segment
// with their depth, so that answers typed between quoted questions can be
// read: quoted text is never an answer, but a quoted question heads one.

// line is one line of body text.
type line struct {
	Text  string // without the quote prefix, trimmed on the right
	Depth int    // number of leading ">" quote marks
}

// segment is a stretch of the body written by one person.
type segment struct {
	Lines   []line
	From    string // the From/De/Van/Von value of its header block
	Subject string
	Forward bool // introduced by a forward separator ("Message transféré")
	Letter  bool // it is Sciensano's letter (or mail) itself
}

var (
	headerKeyRe = regexp.MustCompile(`(?i)^\s*[*_]*(de|from|van|von|da|sent|envoy[ée]|envoy[ée] le|message du|verzonden|gesendet|date|datum|[àa]|to|aan|an|pour|cc|bcc|objet|subject|onderwerp|betreff|sujet|copie [àa]|kopie|reply-to|r[ée]pondre [àa])\s*[*_]*\s*:\s*(.*)$`)
	ruleRe      = regexp.MustCompile(`^\s*[_\-=]{3,}\s*$`) // "====" above a French webmail's block
	attribEndRe = regexp.MustCompile(`(?i)(a [ée]crit|wrote|schreef|schrieb|geschreven|geschrieben|scritto|escribi[óo])\s*(.{0,80})?:\s*$`)
	attribBegRe = regexp.MustCompile(`(?i)^\s*(le|on|op|am|el|il|\S+,? (le|on|op|am))\s`)
)

// fromKeys and the other key sets classify header block keys.
var (
	fromKeys    = toSet("de from van von da")
	dateKeys    = toSet("sent envoye envoye_le message_du verzonden gesendet date datum")
	subjectKeys = toSet("objet subject onderwerp betreff sujet")
)

// splitLines turns body text into lines with their quote depth.
func splitLines(text string) []line {
	raw := strings.Split(strings.ReplaceAll(text, "\r", ""), "\n")
	out := make([]line, 0, len(raw))
	for _, r := range raw {
		d := 0
		s := r
		for {
			t := strings.TrimLeft(s, " \t")
			if strings.HasPrefix(t, ">") {
				d++
				s = t[1:]
				continue
			}
			break
		}
		if d > 0 {
			s = strings.TrimPrefix(s, " ")
		}
		s = strings.TrimRight(strings.ReplaceAll(s, "\u00a0", " "), " \t")
		out = append(out, line{Text: s, Depth: d})
	}
	return out
}

// headerKey returns the folded key of a header block line, or "".
func headerKey(s string) (key, value string) {
	if i := strings.IndexByte(s, ':'); i < 0 || i > 40 {
		return "", ""
	}
	m := headerKeyRe.FindStringSubmatch(s)
	if m == nil {
		return "", ""
	}
	k := strings.ReplaceAll(fold(m[1]), " ", "_")
	return k, strings.TrimSpace(m[2])
}

// headerBlockAt reports whether lines[i:] start a quoted header block:
// a From-like or Subject/Date-like line followed closely by at least two
// more header lines, one of them a From or a Date. It returns the number
// of lines of the block and its From and Subject values.
func headerBlockAt(lines []line, i int) (n int, from, subject string, ok bool) {
	if i >= len(lines) {
		return 0, "", "", false // a separator on the last line
	}
	k, _ := headerKey(lines[i].Text)
	if k == "" || !(fromKeys[k] || subjectKeys[k] || dateKeys[k]) {
		return 0, "", "", false
	}
	keys := map[string]bool{}
	j := i
	last := i
	for ; j < len(lines) && j < i+12; j++ {
		if lines[j].Depth != lines[i].Depth {
			break
		}
		t := strings.TrimSpace(lines[j].Text)
		if t == "" {
			if j > i && len(keys) >= 3 {
				break
			}
			continue
		}
		key, val := headerKey(t)
		if key == "" {
			// Continuation of a long To: line, else the end.
			if j == last+1 && (strings.Contains(t, "@") || strings.HasSuffix(t, ";") || strings.HasPrefix(t, "<")) {
				last = j
				continue
			}
			break
		}
		keys[key] = true
		last = j
		switch {
		case fromKeys[key] && from == "":
			from = val
		case subjectKeys[key] && subject == "":
			subject = val
		}
	}
	hasFrom, hasDate, hasSubj := false, false, false
	for k := range keys {
		hasFrom = hasFrom || fromKeys[k]
		hasDate = hasDate || dateKeys[k]
		hasSubj = hasSubj || subjectKeys[k]
	}
	if len(keys) >= 3 && hasFrom && (hasDate || hasSubj) {
		return last - i + 1, from, subject, true
	}
	return 0, "", "", false
}

// segments splits the body into the sender's own text and the messages
// it quotes or forwards.
func segments(lines []line) []segment {
	// Every line goes to one segment at most, in order: the segments share
	// one backing array instead of each growing its own. A finished
	// segment's slice is capped, so appending to it later copies.
	segs := []segment{{Lines: make([]line, 0, len(lines))}}
	cur := &segs[0]
	start := func(fwd bool) {
		n := len(cur.Lines)
		rest := cur.Lines[n:]
		cur.Lines = cur.Lines[:n:n]
		segs = append(segs, segment{Forward: fwd, Lines: rest})
		cur = &segs[len(segs)-1]
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		t := strings.TrimSpace(l.Text)
		if l.Depth == 0 {
			if sep, fwd := separatorLine(t); sep {
				start(fwd)
				if n, from, subj, ok := headerBlockAt(lines, nextNonBlank(lines, i+1)); ok {
					cur.From, cur.Subject = from, subj
					i = nextNonBlank(lines, i+1) + n - 1
				}
				continue
			}
			if t != "" && strings.IndexByte("_-=", t[0]) >= 0 && ruleRe.MatchString(t) {
				if j := nextNonBlank(lines, i+1); j < len(lines) {
					if _, _, _, ok := headerBlockAt(lines, j); ok {
						continue // the rule only introduces the block below
					}
				}
			}
			if n, from, subj, ok := headerBlockAt(lines, i); ok {
				// An Outlook header block quotes as well as forwards: the
				// subject's prefix tells (see readAnswers).
				start(false)
				cur.From, cur.Subject = from, subj
				i += n - 1
				continue
			}
			if strings.HasSuffix(t, ":") && attribEndRe.MatchString(t) && len(t) < 250 {
				begins := attribBegRe.MatchString(t)
				prevJoined := false
				if !begins && i > 0 && lines[i-1].Depth == l.Depth && attribBegRe.MatchString(lines[i-1].Text) && len(cur.Lines) > 0 {
					begins, prevJoined = true, true
				}
				if begins {
					if prevJoined {
						cur.Lines = cur.Lines[:len(cur.Lines)-1]
					}
					j := nextNonBlank(lines, i+1)
					if j < len(lines) && lines[j].Depth > l.Depth {
						continue // inline quoting follows: drop the attribution only
					}
					start(false)
					cur.From = t
					continue
				}
			}
			if framedAttribution(t) {
				start(false)
				cur.From = t
				continue
			}
			if n, ok := addressAttribution(cur.Lines, t); ok {
				if j := nextNonBlank(lines, i+1); j < len(lines) && lines[j].Depth == 0 {
					cur.Lines = cur.Lines[:len(cur.Lines)-n]
					start(false)
					cur.From = t
					continue
				}
			}
		} else if n := len(cur.Lines); n > 0 && cur.Lines[n-1].Depth == 0 && len(segs) == 1 {
			// Quoting starts in the sender's own text: drop an attribution
			// above it that the patterns above did not know.
			cur.Lines = cur.Lines[:n-trailingAttribution(cur.Lines, l)]
		}
		if l.Depth > 0 && strings.HasSuffix(t, ":") && attribEndRe.MatchString(t) && len(t) < 250 {
			// A quoted attribution ("> Le ... a écrit :") is dropped.
			if attribBegRe.MatchString(t) {
				continue
			}
			if i > 0 && lines[i-1].Depth == l.Depth && attribBegRe.MatchString(lines[i-1].Text) {
				if n := len(cur.Lines); n > 0 && cur.Lines[n-1].Depth == l.Depth {
					cur.Lines = cur.Lines[:n-1]
				}
				continue
			}
		}
		cur.Lines = append(cur.Lines, l)
	}
	// The sender's own text is never the letter (an inline reply keeps
	// the letter quoted within it).
	for i := 1; i < len(segs); i++ {
		segs[i].Letter = isLetterSegment(&segs[i])
	}
	return segs
}

// Separator wording, folded (lower case, no accents, ’ as '): what mail
// clients call the message below a separator line ("-----Original
// Message-----", "-------- Message transféré --------") and the line
// Apple Mail writes above a forward ("Début du message réexpédié :"), in
// the languages of the replies. The plain-text reading (segments) and the
// HTML rendering (forwardIntro) share them.
var (
	replyNames = []string{"original message", "message d'origine", "oorspronkelijk bericht", "origineel bericht", "ursprungliche nachricht", "original-nachricht",
		// Other languages' clients reach the mailbox too.
		"oprindelig besked", "opprinnelig melding", "ursprungligt meddelande", "messaggio originale", "mensaje original", "mensagem original", "alkuperainen viesti", "wiadomosc oryginalna"}
	forwardNames  = []string{"forwarded message", "message transfere", "message reexpedie", "doorgestuurd bericht", "weitergeleitete nachricht", "weitergeleitete mail"}
	forwardIntros = []string{"begin forwarded message", "debut du message reexpedie", "debut du message transfere", "anfang der weitergeleiteten nachricht", "anfang der weitergeleiteten e-mail", "begin doorgestuurd bericht"}

	separatorRe = regexp.MustCompile(`^[-_=*]{2,}\s*(?:(` + alternatives(replyNames) + `)|(` + alternatives(forwardNames) + `))\s*[-_=*]{2,}$`)
)

// separatorLine tells "-----Original Message-----" and "Begin forwarded
// message:" lines, and whether the message below is forwarded rather than
// replied to. Cheap tests first, as every line is asked.
func separatorLine(t string) (sep, forward bool) {
	t = strings.TrimSpace(t)
	if t == "" || len(t) > 100 {
		return false, false
	}
	if strings.IndexByte("-_=*", t[0]) >= 0 {
		if len(t) < 4 || strings.IndexByte("-_=*", t[1]) < 0 || strings.IndexByte("-_=*", t[len(t)-1]) < 0 {
			return false, false // not framed by rules: a list item, a signature
		}
		m := separatorRe.FindStringSubmatch(fold(t))
		return m != nil, m != nil && m[2] != ""
	}
	// firstWordIn folds only a word in the set: this runs for every line.
	if _, in, _ := firstWordIn(t, forwardIntroWords); in {
		intro := slices.Contains(forwardIntros, strings.TrimSpace(strings.TrimSuffix(fold(t), ":")))
		return intro, intro
	}
	return false, false
}

// forwardIntroWords are the first words of forwardIntros.
var forwardIntroWords = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range forwardIntros {
		m[strings.Fields(s)[0]] = true
	}
	return m
}()

// alternatives joins phrases into a regexp alternation.
func alternatives(phrases []string) string {
	q := make([]string, len(phrases))
	for i, p := range phrases {
		q[i] = regexp.QuoteMeta(p)
	}
	return strings.Join(q, "|")
}

func nextNonBlank(lines []line, i int) int {
	for i < len(lines) && strings.TrimSpace(lines[i].Text) == "" {
		i++
	}
	return i
}

// isLetterSegment tells Sciensano's own text: the letter, an
// acknowledgment or a reminder, sent from a sciensano.be address or made
// of the letter's paragraphs. A lab's forwarded report that cites the
// letter's reference or its address is not one.
func isLetterSegment(s *segment) bool {
	if isSciensanoAddress(s.From) {
		return true
	}
	n := 0
	for _, l := range s.Lines {
		if strings.Count(l.Text, " ") >= 6 && fromLetter(l.Text) {
			if n++; n >= 4 {
				return true
			}
		}
	}
	return false
}

// sciensanoDomain is the domain Sciensano mails from.
const sciensanoDomain = "sciensano.be"

// isSciensanoAddress tells whether s (an address, a From value "Name
// <addr>", an attribution line) holds an address at sciensano.be or one of
// its subdomains. Domains compare without case; a display name that only
// says "Sciensano" is not enough, as a lab may name the institute anywhere.
func isSciensanoAddress(s string) bool {
	for {
		at := strings.IndexByte(s, '@')
		if at < 0 {
			return false
		}
		s = s[at+1:]
		end := 0
		for end < len(s) && isDomainByte(s[end]) {
			end++
		}
		d := strings.TrimSuffix(s[:end], ".")
		if n := len(d) - len(sciensanoDomain); n >= 0 && strings.EqualFold(d[n:], sciensanoDomain) && (n == 0 || d[n-1] == '.') {
			return true
		}
	}
}

func isDomainByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-'
}

// joinLines joins the lines no deeper than maxDepth.
func joinLines(ls []line, maxDepth int) string {
	var b strings.Builder
	for _, l := range ls {
		if l.Depth > maxDepth {
			continue
		}
		b.WriteString(l.Text)
		b.WriteByte('\n')
	}
	return b.String()
}
