package mailparse

import (
	"regexp"
	"strings"
)

// Finding the headings of a reply and telling which question each one
// heads: by its marker, else by the question vocabulary it uses and its
// place among the others.

// negationStartRe opens a short answer, never a heading: "pas de
// référence", "geen impact", "keine Referenz", "no reference yet".
var negationStartRe = regexp.MustCompile(`(?i)^(pas|aucun\w*|rien|n[ée]ant|geen|niet|nog|keine?|nicht|noch|no|none|not|nothing|nil|n/?a|/|-)\b`)

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

// maxHeadings bounds the headings read in one text: a reply has a few,
// and letter assignment is quadratic in their number.
const maxHeadings = 100

func capHeadings(hs []heading) []heading {
	if len(hs) > maxHeadings {
		return hs[:maxHeadings]
	}
	return hs
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
	case len(ownL) == 1 && len(letters) == 1 && letters[0].Inline != "" && answersQuestion(letters[0].Inline, letters[0].Letter):
		// A follow-up completing one answer ("e) Het incident werd
		// geregistreerd als NC-2021-044."): a lone letter counts when
		// its line answers that very question.
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
		// A line naming a record ("... sous la non-conformité NC 21/007.")
		// answers a question in its words; it copies none.
		if q := copiedQuestion(t); q >= 0 && len(strings.Fields(t)) >= 6 && !wrappedProse(ls, i) && len(references(t)) == 0 {
			var sc [5]float64
			sc[q] = 10
			hs = append(hs, heading{Line: i, Letter: -1, Scores: sc, Copied: true})
			continue
		}
		// The line under a bare heading is its answer, even when it opens
		// with words of a question ("Actions correctives" / "Application
		// du plan dégradé : ...").
		underBare := len(hs) > 0 && hs[len(hs)-1].Inline == "" && prevNonBlank(ls, i) == hs[len(hs)-1].Line
		if h, ok := inlineHeading(t); ok && !underBare {
			h.Line = i
			hs = append(hs, h)
			continue
		}
		if sc, ok := headingLike(t, 8); ok && !wrappedProse(ls, i) {
			j := nextNonBlank(ls, i+1)
			if j < len(ls) && ls[j].Depth == 0 {
				hs = append(hs, heading{Line: i, Letter: -1, Scores: sc})
			}
		}
	}
	return hs
}

// inlineHeading reads "Cause probable : phishing" or "Oorzaak – phishing":
// a short heading of one question's words, a colon or spaced dash, the
// answer.
func inlineHeading(t string) (heading, bool) {
	for _, sep := range []string{":", " – ", " — ", " - "} {
		k := strings.Index(t, sep)
		if k <= 0 || k+len(sep) >= len(t) {
			continue
		}
		if strings.TrimSpace(t[k+len(sep):]) == "" {
			return heading{}, false
		}
		if sc, ok := headingLike(t[:k], 6); ok {
			if _, top, _ := bestQuestion(sc); top >= 0.8 {
				return heading{Letter: -1, Scores: sc, Inline: strings.TrimSpace(t[k+len(sep):])}, true
			}
		}
		return heading{}, false
	}
	return heading{}, false
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

// wrappedProse tells a line of a hard-wrapped paragraph: it follows a line
// that stops mid-sentence, or stops mid-sentence itself on a function
// word ("...enregistré dans notre système qualité sous la"). Such a line
// is never a heading, however many question words it holds.
func wrappedProse(ls []line, i int) bool {
	t := strings.TrimRight(strings.TrimSpace(ls[i].Text), "*_")
	if f := strings.Fields(t); len(f) > 0 && (functionWords[fold(f[len(f)-1])] || joinWords[fold(f[len(f)-1])]) {
		return true
	}
	if i == 0 || ls[i-1].Depth != ls[i].Depth {
		return false
	}
	p := strings.TrimRight(strings.TrimSpace(ls[i-1].Text), "*_")
	if p == "" || strings.HasSuffix(p, ":") {
		return false
	}
	if _, _, _, _, ok := parseMarker(p); ok {
		return false
	}
	return cutByWrap(p)
}

// joinWords are conjunctions and relatives a heading never ends on.
var joinWords = toSet("et ou que qui dont en of dat die and or that which und oder dass the")

// prevNonBlank returns the index of the last non-blank line before i, or -1.
func prevNonBlank(ls []line, i int) int {
	for j := i - 1; j >= 0; j-- {
		if strings.TrimSpace(ls[j].Text) != "" {
			return j
		}
	}
	return -1
}

// answersQuestion tells whether a sentence's vocabulary answers question q.
func answersQuestion(t string, q int) bool {
	p, score := proseQuestion(t)
	return p == q && score >= 1
}
