package mailparse

import (
	"regexp"
	"strings"

	"cyberintake/classify"
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

var (
	answerLabelRe = regexp.MustCompile(`(?i)^\s*[*_]*(antwort|r[ée]ponse|antwoord|answer|reply|rép\.?|antw\.?|r)\s*[*_]*\s*:\s*`)
	cellSepRe     = regexp.MustCompile(`\s*(\t+|\s\|\s|\s\|$)\s*`)
	inlineLabelRe = regexp.MustCompile(`(?i)(^[*_]*|[.;!?]\s+|\s)(zu|ad|point|punt|punkt|question|vraag|frage|re|wat betreft|concernant|betreffend|regarding|quant au|addendum (?:to|bij|zu|[àa])|compl[ée]ment (?:[àa]|au|de)|aanvulling (?:op|bij)|nachtrag zu|erg[äa]nzung zu|supplement to|update (?:to|on))\s+(?:(?:le|de|het|der|la|au|du)\s+)?(?:(?:point|punt|vraag|question|frage)\s+)?\(?([a-eA-E])\)?\s*:[*_]*\s*`)
)

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
		text := collectAnswer(ls, h, end, k == len(hs)-1, ctx)
		if h.Letter < 0 {
			if text != "" {
				res.Ambiguous = true // an answer under a heading no question fits
			}
			continue
		}
		res.Found++
		switch prev := res.Answers[h.Letter]; {
		case text == "":
		case prev == "":
			res.Answers[h.Letter] = text
		case sameLanguage(prev, text):
			// A section given twice in one language is one answer
			// completed ("Addendum to a): ..."); in another language it
			// is a translation, and the first version stands.
			res.Answers[h.Letter] = prev + "\n" + text
		}
	}
	res.Answered = countAnswers(res.Answers)
	return res
}

// collectAnswer gathers the lines of one answer, from its heading up to
// end or to whatever ends the answer.
func collectAnswer(ls []line, h heading, end int, last bool, ctx sectionCtx) string {
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
		// "AB 21-017. Für Rückfragen stehe ich gerne zur Verfügung.":
		// a courtesy or closing sentence ends the answer mid-line.
		if k := closingSentence(t); k > 0 {
			parts = append(parts, strings.TrimSpace(t[:k]))
			return false
		}
		// After the last answer, a new paragraph that speaks to no
		// question is the reply's closing words ("Le laboratoire reste
		// joignable..."), not more of the answer; lists go on.
		// So is a new paragraph that clearly answers another question
		// (a follow-up's "Daarnaast een correctie: het LIS lag 5 dagen
		// plat" after "e) ...").
		if last && len(parts) > 1 && parts[len(parts)-1] == "" && !isListItem(t) {
			if q, score := proseQuestion(t); score == 0 || h.Letter >= 0 && q != h.Letter && score >= 2 {
				return false
			}
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
			if h.Quoted && !started && !quotedQuestionOver(ls, h.Line, i) {
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

// isListItem tells a line opening with a bullet or a dash.
func isListItem(t string) bool {
	return hasAnyPrefix(t, listBullets)
}

var listBullets = []string{"- ", "• ", "* ", "· ", "– "}

// stopsAnswer tells a line that cannot be part of an answer.
func stopsAnswer(t string, ctx sectionCtx) bool {
	if ctx.LetterInside && len(t) > 40 && strings.Count(t, " ") >= 5 && fromLetter(t) {
		return true // a paragraph of the letter, copied below the answers
	}
	if lineEnd(t) != endNone || isContactLine(t) && (strings.Contains(t, ":") || opensContactLine(t)) {
		return true
	}
	return isNameLine(t, ctx.NameTokens)
}

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

// sameLanguage tells whether two different answers are surely written in
// one language. Answers too short to tell ("phishing" / "hameçonnage",
// "NC-21-014" twice) are taken as translations: the first one stands.
func sameLanguage(a, b string) bool {
	if a == b {
		return false
	}
	la := classify.Language(a)
	return la != "" && la == classify.Language(b)
}

// closingSentence returns where a sentence of t after the first one opens
// a courtesy or closing formula, or 0.
func closingSentence(t string) int {
	for i := 0; i+2 < len(t); i++ {
		if (t[i] == '.' || t[i] == '!' || t[i] == '?') && t[i+1] == ' ' {
			if lineEnd(t[i+2:]) != endNone {
				return i + 1
			}
		}
	}
	return 0
}
