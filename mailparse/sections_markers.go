package mailparse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// List markers: the letters, numbers and labels that open an answer ("a)",
// "(b)", "C.", "D:", "E -", "1)", "Question a :", "Punt b –", "Zu e):",
// "Q1:", "a/"), also when several answers share one line.

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
	if n, size := romanNumber(t); size > 0 {
		// "(i)", "ii)", "III.", "iv -": roman numerals count like 1-5.
		q, numeric = n, true
		t = t[size-1:]
		c = '1' + byte(n)
	}
	switch {
	case numeric:
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
		case ')', ':', '°', '|':
			// "a | question | answer": the letter in its own table cell.
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

// romanNumerals are the numerals of the five questions, longest first.
var romanNumerals = []string{"iii", "ii", "iv", "i", "v"}

// romanNumber reads a roman numeral i..v (one case throughout) at the
// start of t, followed by a non-letter; size is its length in bytes.
func romanNumber(t string) (q, size int) {
	if t == "" || strings.IndexByte("ivIV", t[0]) < 0 {
		return 0, 0
	}
	for _, r := range romanNumerals {
		if len(t) < len(r) {
			continue
		}
		w := t[:len(r)]
		if w != r && w != strings.ToUpper(r) {
			continue
		}
		if len(t) > len(r) {
			if n, _ := utf8.DecodeRuneInString(t[len(r):]); unicode.IsLetter(n) {
				continue
			}
		}
		switch r {
		case "i":
			return 0, 1
		case "ii":
			return 1, 2
		case "iii":
			return 2, 3
		case "iv":
			return 3, 2
		}
		return 4, 1
	}
	return 0, 0
}
