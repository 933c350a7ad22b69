package mailparse

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Splitting the lab's own text into the answers to questions a) to e).
// Headings come in three forms: list markers ("a)", "A -", "b.", "1)",
// "Question c :", "Punt d –", "Zu e):"), paraphrases of the questions
// without a marker ("Cause probable :", "Impact:", "Vorbeugende
// Maßnahmen:"), and the questions themselves, copied or quoted with "> ".
// An answer runs from its heading to the next heading or to whatever ends
// the answers (contact line, closing formula, signature, quoted text).

// heading is a line that introduces an answer.
type heading struct {
	Line    int
	Letter  int // 0..4, or -1 while unknown
	Marked  bool
	Quoted  bool
	Scores  [5]float64
	Inline  string // answer text on the heading's own line
	Labeled bool   // "Question a", "Punt b", "Zu e)"
	Copied  bool   // the heading copies the letter's question
}

// sectionResult is what extractSections found.
type sectionResult struct {
	Answers   [5]string
	Found     int  // headings with a letter
	Answered  int  // non-empty answers
	Ambiguous bool // headings found but not told apart
}

// sectionCtx carries what the extraction needs besides the lines.
type sectionCtx struct {
	NameTokens   map[string]bool // words of the sender's and author's names
	LetterInside bool            // the text copies the letter: its lines end answers
}

// negationStartRe opens a short answer, never a heading: "pas de
// référence", "geen impact", "keine Referenz", "no reference yet".
var negationStartRe = regexp.MustCompile(`(?i)^(pas|aucun\w*|rien|n[ée]ant|geen|niet|nog|keine?|nicht|noch|no|none|not|nothing|nil|n/?a|/|-)\b`)

var (
	contactLineRe = regexp.MustCompile(`(?i)^\s*[*_]*(personne[s]? de contact|personne [àa] contacter|contact ?persoon|contactpersonen|contact ?person|contact|kontakt ?person|kontakt|ansprechpartner(in)?|ansprechperson|interlocuteur|aanspreekpunt|point of contact|coordonn[ée]es)\b`)
	answerLabelRe = regexp.MustCompile(`(?i)^\s*[*_]*(antwort|r[ée]ponse|antwoord|answer|reply|rép\.?|antw\.?|r)\s*[*_]*\s*:\s*`)
	cellSepRe     = regexp.MustCompile(`\s*(\t+|\s\|\s|\s\|$)\s*`)
	inlineLabelRe = regexp.MustCompile(`(?i)(^|[.;!?]\s+|\s)(zu|ad|point|punt|punkt|question|vraag|frage|re|wat betreft|concernant|betreffend|regarding|quant au)\s+(?:(?:le|de|het|der|la|au|du)\s+)?(?:(?:point|punt|vraag|question|frage)\s+)?\(?([a-eA-E])\)?\s*:\s*`)
)

// markerLabels are words that may precede a question letter.
var markerLabels = []string{"question", "questions", "vraag", "frage", "punt", "point", "punkt", "ad", "zu", "item", "réponse", "reponse", "antwoord", "antwort", "answer", "vr.", "q"}

// cellSep finds a table cell separator (" | " or tabs) in t.
func cellSep(t string) []int {
	if !strings.ContainsAny(t, "\t|") {
		return nil
	}
	return cellSepRe.FindStringIndex(t)
}

// parseMarker reads a list marker at the start of s: "a)", "(b)", "c.",
// "D:", "E -", "1)", "2.", "Question a :", "Punt b –". It returns the
// question index (letters and numbers 1-5 both map to 0..4).
func parseMarker(s string) (q int, numeric, labeled bool, rest string, ok bool) {
	t := strings.TrimLeft(s, " \t")
	for _, b := range []string{"-", "•", "·", "*", "▪", "►", "–", "o "} {
		if strings.HasPrefix(t, b) {
			u := strings.TrimLeft(t[len(b):], " \t")
			if u != t[len(b):] || b == "o " {
				t = u
			}
			break
		}
	}
	t = strings.TrimLeft(t, "#")
	t = strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(t, "**"), "__"), " ")
	low := strings.ToLower(t[:min(len(t), 16)])
	// "Q1:", "Qb)": a question label glued to its number or letter.
	if len(t) > 2 && (t[0] == 'Q' || t[0] == 'q') && strings.IndexByte("12345abcdeABCDE", t[1]) >= 0 && strings.IndexByte(").: ", t[2]) >= 0 {
		t, low, labeled = t[1:], low[1:], true
	}
	for _, l := range markerLabels {
		if strings.HasPrefix(low, l) && len(t) > len(l) && (t[len(l)] == ' ' || t[len(l)] == '\t') {
			t = strings.TrimLeft(t[len(l):], " \t")
			labeled = true
			break
		}
	}
	t = strings.TrimPrefix(t, "(")
	if t == "" {
		return 0, false, false, "", false
	}
	c := t[0]
	switch {
	case c >= 'a' && c <= 'e':
		q = int(c - 'a')
	case c >= 'A' && c <= 'E':
		q = int(c - 'A')
	case c >= '1' && c <= '5':
		q, numeric = int(c-'1'), true
	default:
		return 0, false, false, "", false
	}
	t = t[1:]
	if t != "" {
		r, _ := utf8.DecodeRuneInString(t)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return 0, false, false, "", false
		}
	}
	u := strings.TrimLeft(t, " \t")
	punct := false
	for i := 0; i < 2 && u != ""; i++ {
		r, size := utf8.DecodeRuneInString(u)
		switch r {
		case ')', ':', '°':
			u, punct = strings.TrimLeft(u[size:], " \t"), true
			continue
		case '/':
			// French "a/ ...", but not "a/b" or "1/2".
			if i == 0 && (len(u) == size || u[size] == ' ' || u[size] == '\t') {
				u, punct = strings.TrimLeft(u[size:], " \t"), true
				continue
			}
		case '.':
			if i == 0 && len(t) > 1 && t[0] == '.' && t[1] != ' ' && t[1] != '\t' {
				return 0, false, false, "", false // "a.b", "1.5"
			}
			u, punct = strings.TrimLeft(u[size:], " \t"), true
			continue
		case '-', '–', '—':
			// "A - Cause", "Punt a – Een": a dash needs a space on one side.
			if t != u || strings.HasPrefix(u[size:], " ") || strings.HasPrefix(u[size:], "\t") {
				u, punct = strings.TrimLeft(u[size:], " \t"), true
				continue
			}
		}
		break
	}
	if !punct && !(labeled && (t == "" || t[0] == ' ' || t[0] == '\t')) {
		return 0, false, false, "", false
	}
	if numeric && !punct {
		return 0, false, false, "", false
	}
	rest = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(u, "**"), "__"))
	rest = strings.TrimSpace(strings.TrimPrefix(rest, "| ")) // "a) | answer": the letter in its own table cell
	rest = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(rest, "**"), "__"))
	return q, numeric, labeled, rest, true
}

// headingLike tells whether text reads as a heading: short, made of the
// questions' vocabulary, not a sentence.
func headingLike(text string, maxWords int) (scores [5]float64, ok bool) {
	if len(text) > 100 {
		return scores, false
	}
	t := strings.TrimSpace(strings.Trim(strings.TrimSpace(text), "*_"))
	t = strings.TrimSpace(strings.TrimSuffix(t, ":"))
	if t == "" || strings.HasSuffix(t, ".") || len(strings.Fields(t)) > maxWords || len(t) > 90 {
		return scores, false
	}
	if isContactLine(t) || negationStartRe.MatchString(t[:min(len(t), 20)]) {
		return scores, false
	}
	scores, cov := questionScores(t)
	_, top, _ := bestQuestion(scores)
	return scores, cov >= 0.5 && top >= 0.6
}

// splitHeading decides, for the text after a marker, whether it is a
// heading (copied or paraphrased question) with perhaps an answer after a
// colon, or already the answer.
func splitHeading(rest string) (isHeading bool, inline string) {
	if rest == "" {
		return true, ""
	}
	// Table row: question cell (copied or paraphrased) | answer cell.
	if m := cellSep(rest); m != nil && m[0] > 0 {
		cell := rest[:m[0]]
		if _, ok := headingLike(cell, 12); ok || copiedQuestion(cell) >= 0 {
			return true, strings.TrimSpace(rest[m[1]:])
		}
	}
	if copiedQuestion(rest) >= 0 {
		return true, ""
	}
	if i := strings.Index(rest, ":"); i > 0 && i < len(rest)-1 {
		if _, ok := headingLike(rest[:i], 8); ok {
			return true, strings.TrimSpace(rest[i+1:])
		}
	}
	if m := cellSep(rest); m != nil && m[0] > 0 {
		if _, ok := headingLike(rest[:m[0]], 12); ok {
			return true, strings.TrimSpace(rest[m[1]:])
		}
	}
	// "Cause probable – phishing": a heading, a spaced dash, the answer.
	for _, sep := range []string{" – ", " — ", " - "} {
		if i := strings.Index(rest, sep); i > 0 {
			if _, ok := headingLike(rest[:i], 8); ok && strings.TrimSpace(rest[i+len(sep):]) != "" {
				return true, strings.TrimSpace(rest[i+len(sep):])
			}
		}
	}
	if _, ok := headingLike(rest, 10); ok {
		return true, ""
	}
	return false, rest
}

// splitInline breaks a line holding several answers ("a) phishing b) LIS
// 2 dagen plat c) ...") at the markers that continue its sequence, and a
// line with a labelled marker inside a sentence ("Zu e): noch nicht
// erfasst") at that marker.
func splitInline(t string) []string {
	if q, numeric, _, _, ok := parseMarker(t); ok && !numeric {
		var parts []string
		next := q + 1
		cur := t
		for next < 5 {
			found := -1
			for _, lc := range []string{string(rune('a' + next)), string(rune('A' + next))} {
				for _, p := range []string{" " + lc + ") ", " " + lc + ": "} {
					if i := strings.Index(cur, p); i > 0 && (found < 0 || i < found) {
						found = i
					}
				}
			}
			if found < 0 {
				break
			}
			parts = append(parts, strings.TrimSpace(cur[:found]))
			cur = strings.TrimSpace(cur[found:])
			next++
		}
		if len(parts) > 0 {
			return append(parts, cur)
		}
		return []string{t}
	}
	if !hasLetterColon(t) {
		return []string{t}
	}
	if m := inlineLabelRe.FindStringSubmatchIndex(t); m != nil && m[1] < len(t) {
		before := strings.TrimSpace(t[:m[3]])
		out := []string{}
		// "Réponse à la question a : ..." leaves "Réponse à la": no text.
		if before != "" && (len(strings.Fields(before)) > 4 || strings.ContainsAny(before, ".!?")) {
			out = append(out, before)
		}
		return append(out, "Question "+t[m[6]:m[7]]+") : "+strings.TrimSpace(t[m[1]:]))
	}
	return []string{t}
}

// hasLetterColon tells whether t holds "x):" or " x :" for a question
// letter x, the shape of a labelled marker inside a sentence.
func hasLetterColon(t string) bool {
	for i := strings.IndexByte(t, ':'); i >= 0; {
		j := i - 1
		for j >= 0 && t[j] == ' ' {
			j--
		}
		if j >= 0 && t[j] == ')' {
			j--
		}
		if j >= 0 && (t[j] >= 'a' && t[j] <= 'e' || t[j] >= 'A' && t[j] <= 'E') && (j == 0 || t[j-1] == ' ' || t[j-1] == '(') {
			return true
		}
		k := strings.IndexByte(t[i+1:], ':')
		if k < 0 {
			break
		}
		i += k + 1
	}
	return false
}

// extractSections finds the answers in a segment's lines.
func extractSections(in []line, ctx sectionCtx) sectionResult {
	// Expand lines that hold several answers.
	var ls []line
	for _, l := range in {
		if l.Depth == 0 && strings.TrimSpace(l.Text) != "" {
			for _, p := range splitInline(strings.TrimSpace(l.Text)) {
				ls = append(ls, line{Text: p})
			}
			continue
		}
		ls = append(ls, l)
	}

	// Marker headings and paraphrased headings are both tried; the
	// reading that finds more answers wins (a reply with paraphrased
	// headings may quote the letter's lettered list below).
	best := sectionResult{}
	if hs := capHeadings(findMarked(ls, ctx)); len(hs) > 0 {
		best = readHeadings(ls, hs, ctx)
		if best.Answered >= 4 {
			return best // clearly lettered; paraphrases need not be tried
		}
	}
	if hs := capHeadings(findParaphrased(ls)); len(hs) > 0 {
		if r := readHeadings(ls, hs, ctx); r.Answered > best.Answered {
			best = r
		}
	}
	return best
}

// maxHeadings bounds the headings read in one text: a reply has a few,
// and letter assignment is quadratic in their number.
const maxHeadings = 100

func capHeadings(hs []heading) []heading {
	if len(hs) > maxHeadings {
		return hs[:maxHeadings]
	}
	return hs
}

// readHeadings collects the answers under the given headings.
func readHeadings(ls []line, hs []heading, ctx sectionCtx) sectionResult {
	var res sectionResult
	assignLetters(hs)

	// Answers end for good at the first closing, signature or disclaimer
	// after the first heading; only quoted questions (inline replies)
	// may head answers after it.
	hardEnd := len(ls)
	for i := hs[0].Line + 1; i < len(ls); i++ {
		if ls[i].Depth == 0 && lineEnd(ls[i].Text) == endHard {
			hardEnd = i
			break
		}
	}
	var kept []heading
	for _, h := range hs {
		if h.Line < hardEnd || h.Quoted {
			kept = append(kept, h)
		}
	}
	hs = kept

	// A lab that copied or quoted the questions may have copied the
	// letter's paragraphs too: only then are lines checked against it.
	for _, h := range hs {
		ctx.LetterInside = ctx.LetterInside || h.Copied || h.Quoted
	}
	for k, h := range hs {
		end := len(ls)
		if k+1 < len(hs) {
			end = hs[k+1].Line
		}
		text := collectAnswer(ls, h, end, ctx)
		if h.Letter < 0 {
			if text != "" {
				res.Ambiguous = true // an answer under a heading no question fits
			}
			continue
		}
		res.Found++
		if res.Answers[h.Letter] == "" && text != "" {
			res.Answers[h.Letter] = text
		}
	}
	res.Answered = countAnswers(res.Answers)
	return res
}

// findMarked returns the headings given by list markers, when the markers
// form a plausible set: two different letters at least, or one letter
// with a label ("Zu e):"), or numbers 1-5 with at least three of them.
func findMarked(ls []line, ctx sectionCtx) []heading {
	var letters, numbers []heading
	distinctL, distinctN := map[int]bool{}, map[int]bool{}
	labeledL := false
	ended := false
	for i, l := range ls {
		if l.Depth == 0 && lineEnd(l.Text) == endHard {
			ended = true // a signature's "C. Dupont" is no heading
		}
		q, numeric, labeled, rest, ok := parseMarker(l.Text)
		if !ok || ended && l.Depth == 0 {
			continue
		}
		h := heading{Line: i, Letter: q, Marked: true, Quoted: l.Depth > 0, Labeled: labeled}
		if l.Depth > 0 {
			// Quoted list items of the letter are headings only when they
			// copy a question (wrapped over several quoted lines).
			full := rest
			for j := i + 1; j < len(ls) && j < i+6 && ls[j].Depth == l.Depth && strings.TrimSpace(ls[j].Text) != ""; j++ {
				if _, _, _, _, ok := parseMarker(ls[j].Text); ok {
					break
				}
				full += " " + strings.TrimSpace(ls[j].Text)
			}
			if copiedQuestion(full) < 0 {
				continue
			}
		} else {
			isH, inline := splitHeading(rest)
			if isH && inline == "" && rest != "" && !answerBelow(ls, i, ctx) {
				isH = false // "b) aucun impact" followed by "c) ...": an answer
			}
			if !isH {
				inline = rest
			}
			h.Inline = inline
			h.Copied = isH && inline == "" && copiedQuestion(rest) >= 0
		}
		if numeric {
			numbers = append(numbers, h)
			distinctN[q] = true
		} else {
			letters = append(letters, h)
			distinctL[q] = true
			labeledL = labeledL || labeled
		}
	}
	// Letters the lab wrote itself win; then numbers 1-5; then the
	// letter's quoted questions alone (answers typed between them).
	ownL := map[int]bool{}
	for _, h := range letters {
		if !h.Quoted {
			ownL[h.Letter] = true
		}
	}
	switch {
	case len(ownL) >= 2 || len(ownL) == 1 && labeledL:
		return letters
	case len(distinctN) >= 3 && distinctN[0]:
		return numbers
	case len(distinctL) >= 2:
		return letters
	}
	return nil
}

// answerBelow tells whether a heading at line i has text under it before
// the next marker, closing or quote.
func answerBelow(ls []line, i int, ctx sectionCtx) bool {
	j := nextNonBlank(ls, i+1)
	if j >= len(ls) || ls[j].Depth > 0 {
		return false
	}
	t := ls[j].Text
	if _, _, _, _, ok := parseMarker(t); ok {
		return false
	}
	return lineEnd(t) == endNone && !isContactLine(t) && !isNameLine(strings.TrimSpace(t), ctx.NameTokens)
}

// findParaphrased returns headings written without markers: short lines
// of a question's vocabulary ("Cause probable :", "Impact:") or copied
// questions.
func findParaphrased(ls []line) []heading {
	var hs []heading
	for i, l := range ls {
		if l.Depth > 0 {
			continue
		}
		t := strings.TrimSpace(l.Text)
		if t == "" || isContactLine(t) {
			continue
		}
		if e := lineEnd(t); e == endHard {
			break
		} else if e != endNone {
			continue
		}
		// Table row: heading cell, answer cell.
		if m := cellSep(t); m != nil && m[0] > 0 {
			cell := t[:m[0]]
			sc, ok := headingLike(cell, 12)
			if q := copiedQuestion(cell); !ok && q >= 0 {
				sc, ok = [5]float64{}, true
				sc[q] = 10
			}
			if ok {
				hs = append(hs, heading{Line: i, Letter: -1, Scores: sc, Inline: strings.TrimSpace(t[m[1]:])})
				continue
			}
		}
		if q := copiedQuestion(t); q >= 0 && len(strings.Fields(t)) >= 6 {
			var sc [5]float64
			sc[q] = 10
			hs = append(hs, heading{Line: i, Letter: -1, Scores: sc, Copied: true})
			continue
		}
		if sc, ok := headingLike(t, 8); ok {
			j := nextNonBlank(ls, i+1)
			if j < len(ls) && ls[j].Depth == 0 {
				hs = append(hs, heading{Line: i, Letter: -1, Scores: sc})
			}
			continue
		}
		if k := strings.Index(t, ":"); k > 0 && k < len(t)-1 {
			if sc, ok := headingLike(t[:k], 6); ok {
				_, top, _ := bestQuestion(sc)
				if top >= 0.8 {
					hs = append(hs, heading{Line: i, Letter: -1, Scores: sc, Inline: strings.TrimSpace(t[k+1:])})
				}
			}
		}
	}
	return hs
}

// assignLetters gives each unmarked heading a question: the clear winners
// first (highest score, clear margin, distinct letters), then headings
// left over get the free letter that fits between their neighbours, since
// paraphrased headings follow the letter's order.
func assignLetters(hs []heading) {
	used := [5]bool{}
	for _, h := range hs {
		if h.Marked {
			used[h.Letter] = true
		}
	}
	type cand struct {
		h, q  int
		score float64
	}
	for {
		best := cand{-1, -1, 0}
		for i, h := range hs {
			if h.Marked || h.Letter >= 0 {
				continue
			}
			var sc [5]float64
			copy(sc[:], h.Scores[:])
			for q := range sc {
				if used[q] {
					sc[q] = 0
				}
			}
			q, top, second := bestQuestion(sc)
			if q < 0 || top < 0.6 || top-second < 0.3 {
				continue
			}
			if top-second > best.score {
				best = cand{i, q, top - second}
			}
		}
		if best.h < 0 {
			break
		}
		hs[best.h].Letter = best.q
		used[best.q] = true
	}
	for i := range hs {
		if hs[i].Letter >= 0 {
			continue
		}
		lo, hi := -1, 5
		for j := i - 1; j >= 0; j-- {
			if hs[j].Letter >= 0 {
				lo = hs[j].Letter
				break
			}
		}
		for j := i + 1; j < len(hs); j++ {
			if hs[j].Letter >= 0 {
				hi = hs[j].Letter
				break
			}
		}
		bestQ, bestS := -1, -1.0
		for q := lo + 1; q < hi; q++ {
			if !used[q] && hs[i].Scores[q] > bestS {
				bestQ, bestS = q, hs[i].Scores[q]
			}
		}
		if bestQ >= 0 {
			hs[i].Letter = bestQ
			used[bestQ] = true
		}
	}
}

// collectAnswer gathers the lines of one answer, from its heading up to
// end or to whatever ends the answer.
func collectAnswer(ls []line, h heading, end int, ctx sectionCtx) string {
	var parts []string
	add := func(t string) bool {
		if i := strings.IndexByte(t, ':'); i >= 0 && i < 20 {
			t = answerLabelRe.ReplaceAllString(t, "")
		}
		t = strings.TrimSpace(t)
		if t == "" {
			parts = append(parts, "")
			return true
		}
		if stopsAnswer(t, ctx) {
			return false
		}
		parts = append(parts, t)
		return true
	}
	ok := true
	if h.Inline != "" {
		ok = add(h.Inline)
	}
	started := false
	for i := h.Line + 1; ok && i < end; i++ {
		l := ls[i]
		if l.Depth > 0 {
			if h.Quoted && !started {
				continue // the rest of a quoted question, wrapped
			}
			break
		}
		started = true
		if !add(l.Text) {
			break
		}
	}
	return strings.TrimSpace(strings.Join(trimBlank(parts), "\n"))
}

// stopsAnswer tells a line that cannot be part of an answer.
func stopsAnswer(t string, ctx sectionCtx) bool {
	if ctx.LetterInside && len(t) > 40 && strings.Count(t, " ") >= 5 && fromLetter(t) {
		return true // a paragraph of the letter, copied below the answers
	}
	if lineEnd(t) != endNone || isContactLine(t) && strings.Contains(t, ":") || (isContactLine(t) && contactStartRe.MatchString(t)) {
		return true
	}
	return isNameLine(t, ctx.NameTokens)
}

// contactFirstWords open the lines contactLineRe can match.
var contactFirstWords = toSet("personne personnes contact contactpersoon contactpersonen kontakt kontaktperson ansprechpartner ansprechpartnerin ansprechperson interlocuteur aanspreekpunt point coordonnees")

// isContactLine tells a line naming the contact person ("Personne de
// contact :", "Contactpersoon:", "Ansprechpartnerin ist ...").
func isContactLine(t string) bool {
	_, in, _ := firstWordIn(strings.TrimLeft(t, " \t*_"), contactFirstWords)
	return in && contactLineRe.MatchString(t)
}

var contactStartRe = regexp.MustCompile(`(?i)^\s*(personne de contact|contactpersoon|ansprechpartner(in)?|contact person|kontaktperson)\b`)

// isNameLine tells a line that is only the signer's name ("Martine
// Hubert", "Olivier", "Dr G. Dufrasne").
func isNameLine(t string, names map[string]bool) bool {
	if len(names) == 0 || len(t) > 60 {
		return false
	}
	ws := words(t)
	if len(ws) == 0 || len(ws) > 5 {
		return false
	}
	hit := 0
	for _, w := range ws {
		switch {
		case names[w]:
			hit++
		case len(w) <= 2, titleWords[w]:
		default:
			return false
		}
	}
	return hit > 0
}

var titleWords = toSet("dr prof mr mrs ms mme mevr mevrouw dhr heer frau herr med apr ir ing docteur madame monsieur")

func trimBlank(ps []string) []string {
	for len(ps) > 0 && ps[len(ps)-1] == "" {
		ps = ps[:len(ps)-1]
	}
	for len(ps) > 0 && ps[0] == "" {
		ps = ps[1:]
	}
	// Collapse runs of blank lines.
	out := ps[:0]
	for i, p := range ps {
		if p == "" && i > 0 && ps[i-1] == "" {
			continue
		}
		out = append(out, p)
	}
	return out
}
