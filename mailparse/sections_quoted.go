package mailparse

import "strings"

// An answer typed under a quoted question (an inline reply) starts right
// below the question, once its wrapped lines are over. When the quote
// goes on with another paragraph instead (the rest of the letter, its
// closing, its signature), the lab wrote nothing under that question: a
// bottom-posted reply quotes the whole letter first and answers below it,
// and its greeting and first words must not be read as the answer to the
// last quoted question.

// quotedQuestionOver tells whether line i, met while skipping the
// wrapped rest of the quoted question at line q, opens a new quoted
// paragraph: a quoted line with text after a blank line.
func quotedQuestionOver(ls []line, q, i int) bool {
	if ls[i].Depth == 0 || strings.TrimSpace(ls[i].Text) == "" {
		return false
	}
	for j := i - 1; j > q; j-- {
		if strings.TrimSpace(ls[j].Text) == "" {
			return true
		}
	}
	return false
}
