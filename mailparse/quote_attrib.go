package mailparse

import (
	"regexp"
	"strings"
)

// Attribution lines come in more shapes than attribEndRe knows: other
// languages ("W dniu ... napisał:", "pe 20. lokakuuta 2017 klo 17.50 ...
// kirjoitti:", "tir. 18. apr. 2017 kl. 13:09 skrev ..."), clients that
// write no verb at all ("2017-11-24 16:32 GMT+01:00 Name <addr>:"), and
// lines wrapped over two or three lines by the sender's client. What they
// share is the place and the content: a short paragraph of its own, right
// above "> " quoted text, ending with a colon, naming an address or a
// date and time.

// attribHintRe finds an address, a time or a year in an attribution.
var attribHintRe = regexp.MustCompile(`@|\b\d{1,2}[:.]\d{2}\b|\b(19|20)\d{2}\b`)

// maxAttribLines is how many lines a wrapped attribution may span.
const maxAttribLines = 3

// trailingAttribution returns how many lines at the end of ls (depth-0
// lines just above quoted text whose first line is next) form an
// attribution, 0 if they do not. Blank lines between the attribution and
// the quote count with it.
func trailingAttribution(ls []line, next line) int {
	end := len(ls)
	for end > 0 && ls[end-1].Depth == 0 && strings.TrimSpace(ls[end-1].Text) == "" {
		end--
	}
	start := end
	for start > 0 && end-start <= maxAttribLines && ls[start-1].Depth == 0 && strings.TrimSpace(ls[start-1].Text) != "" {
		start--
	}
	if start == end || end-start > maxAttribLines {
		return 0 // no paragraph, or a paragraph too long to be one
	}
	parts := make([]string, 0, end-start)
	for _, l := range ls[start:end] {
		parts = append(parts, strings.TrimSpace(l.Text))
	}
	joined := strings.Join(parts, " ")
	if len(joined) > 300 {
		return 0
	}
	// Gmail can wrap the closing ">:" of the address onto the quote.
	colon := strings.HasSuffix(joined, ":") || strings.TrimSpace(next.Text) == ":"
	if !colon || !attribHintRe.MatchString(joined) {
		return 0
	}
	return len(ls) - start
}

// addrAttribRe is an attribution that names the author by address and
// ends the line, but for a verb: "... Name <addr@example.org>:",
// "... [mailto:addr]:", "... <addr> napisał:".
var addrAttribRe = regexp.MustCompile(`[<\[](mailto:)?[^<>\[\]\s]+@[^<>\[\]\s]+[>\]][^<>\[\]@:]{0,30}:$`)

// addressAttribution tells whether t, the last line of a paragraph whose
// earlier lines (at most two) end prev, is an attribution even with no
// verb and no quote marks below it: it ends with a bracketed address and
// a colon and names a date or time. It returns how many lines of prev
// belong to it.
func addressAttribution(prev []line, t string) (n int, ok bool) {
	if !strings.HasSuffix(t, ":") || !addrAttribRe.MatchString(t) {
		return 0, false
	}
	start := len(prev)
	for start > 0 && len(prev)-start < maxAttribLines-1 && prev[start-1].Depth == 0 && strings.TrimSpace(prev[start-1].Text) != "" {
		start--
	}
	if start > 0 && prev[start-1].Depth == 0 && strings.TrimSpace(prev[start-1].Text) != "" {
		return 0, false // the line ends a longer paragraph: prose
	}
	parts := []string{}
	for _, l := range prev[start:] {
		parts = append(parts, strings.TrimSpace(l.Text))
	}
	joined := strings.Join(append(parts, t), " ")
	if len(joined) > 300 || !timeOrYearRe.MatchString(joined) {
		return 0, false
	}
	return len(prev) - start, true
}

// timeOrYearRe finds a time of day or a year.
var timeOrYearRe = regexp.MustCompile(`\b\d{1,2}[:.]\d{2}\b|\b(19|20)\d{2}\b`)

// attribVerbEndRe is an attribution's verb at the end of the line, the
// colon left out ("... <john@doe.com> wrote") or the line framed by
// dashes ("---- On ... john@gmail.com wrote ----", Zoho).
var attribVerbEndRe = regexp.MustCompile(`(?i)\b(a [ée]crit|wrote|schreef|schrieb|heeft geschreven|hat geschrieben)\s*:?$`)

// framedAttribution tells a one-line attribution that lacks the colon
// or is framed by dashes: it opens like one ("On", "Le", "Op", "Am"),
// ends with the verb, and names an address and a date or time.
func framedAttribution(t string) bool {
	if len(t) > 250 || !strings.ContainsRune(t, '@') {
		return false
	}
	inner := strings.TrimSpace(strings.Trim(t, "-"))
	return attribBegRe.MatchString(inner) && attribVerbEndRe.MatchString(inner) && timeOrYearRe.MatchString(inner)
}
