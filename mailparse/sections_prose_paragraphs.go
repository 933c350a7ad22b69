package mailparse

import (
	"strings"
)

// People who answer the letter in plain prose often give each question
// its own paragraph, in the letter's order. A paragraph then keeps to one
// answer even where a sentence borrows another question's words: "Our
// LIS vendor was hit by ransomware. Nothing got into our network, but the
// LIS it hosts was encrypted." is the cause, though "encrypted" is what
// an impact sentence says. Sentence by sentence that second sentence
// would go to b).
//
// The paragraph reading is taken only when it is clearly how the reply is
// built: at least three answering paragraphs, each opening on a later
// question than the one before, and together opening on every question
// the sentence reading found. A paragraph that answers two questions
// (cause and impact in one) leaves a question no paragraph opens on, and
// the sentence reading stands.

// minTopicParagraphs is how many answering paragraphs show a reply built
// one paragraph per question.
const minTopicParagraphs = 3

// proseSections assigns the text of an unlabelled reply to questions: a
// paragraph per question when the reply is built so, else sentence by
// sentence.
func proseSections(ls []line, ctx sectionCtx) sectionResult {
	bySentence := proseSentences(ls, ctx)
	if bySentence.Answered < minTopicParagraphs {
		return bySentence
	}
	var res sectionResult
	n, prev := 0, -1
	for _, p := range proseParagraphs(ls) {
		r := proseSentences(p, ctx)
		if r.Answered == 0 {
			continue
		}
		text := joinLines(p, 0)
		topic := openingQuestion(text, r.Answers)
		if topic <= prev {
			return bySentence // not in the letter's order: no paragraph plan
		}
		res.Answers[topic] = keptInOrder(text, r.Answers)
		prev = topic
		n++
	}
	res.Answered = countAnswers(res.Answers)
	if n < minTopicParagraphs || res.Answered != bySentence.Answered {
		return bySentence
	}
	for q := range res.Answers {
		if (res.Answers[q] == "") != (bySentence.Answers[q] == "") {
			return bySentence
		}
	}
	return res
}

// proseParagraphs splits the lines of the sender's own text into
// paragraphs (runs of unquoted lines between blank or quoted ones), up
// to the closing, as proseSentences reads them.
func proseParagraphs(ls []line) [][]line {
	var out [][]line
	var cur []line
	flush := func() {
		if len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
	}
	for _, l := range joinWrapped(ls) {
		t := strings.TrimSpace(l.Text)
		if l.Depth > 0 || t == "" {
			flush()
			continue
		}
		if lineEnd(t) == endHard {
			break
		}
		cur = append(cur, l)
	}
	flush()
	return out
}

// openingQuestion is the question whose answer starts first in the
// paragraph's text.
func openingQuestion(text string, answers [5]string) int {
	best, at := -1, len(text)+1
	for q, a := range answers {
		if a == "" {
			continue
		}
		if i := strings.Index(text, firstSentence(a)); i >= 0 && i < at {
			best, at = q, i
		}
	}
	if best < 0 { // rewritten beyond recognition: the first answered
		for q, a := range answers {
			if a != "" {
				return q
			}
		}
	}
	return best
}

// keptInOrder joins the paragraph's sentences that the sentence reading
// kept (for whichever question), in the order written.
func keptInOrder(text string, answers [5]string) string {
	all := strings.Join(answers[:], "\n")
	var kept []string
	for _, l := range strings.Split(text, "\n") {
		for _, s := range splitSentences(strings.TrimSpace(l)) {
			switch {
			case strings.Contains(all, s):
				kept = append(kept, s)
			default:
				// Shortened by the sentence reading ("In aanvulling: ...",
				// a record sentence without its subject): keep its kept part.
				for _, a := range answers {
					for _, k := range splitSentences(a) {
						if k != "" && strings.HasSuffix(s, k) {
							kept = append(kept, k)
						}
					}
				}
			}
		}
	}
	return strings.Join(kept, " ")
}

// firstSentence is the first sentence of an answer.
func firstSentence(a string) string {
	if ss := splitSentences(a); len(ss) > 0 {
		return ss[0]
	}
	return a
}
