package mailparse

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

// What mail clients put in their HTML and how it is read: Word/Outlook's
// fake list bullets and zero-margin paragraphs, the blockquotes that are
// quotes and those that only indent, and the attribute tests behind them.

func (w *htmlWriter) comment(data string) {
	d := strings.TrimSpace(data)
	switch {
	case strings.HasPrefix(d, "[if") && strings.Contains(d, "supportLists") && !strings.Contains(d, "endif"):
		w.capture = &strings.Builder{}
	case strings.HasPrefix(d, "[endif") && w.capture != nil:
		w.marker = listMarker(w.capture.String(), w.captureLvl)
		w.capture = nil
	}
}

// listMarker turns the text of an Outlook fake bullet into a list marker:
// numbers and letters are kept ("a) "), glyphs become "- ".
func listMarker(s string, level int) string {
	s = strings.TrimSpace(strings.Map(nbspToSpace, s))
	indent := ""
	if level > 1 {
		indent = strings.Repeat("  ", level-1)
	}
	if s == "" {
		return indent + "- "
	}
	last := s[len(s)-1]
	if len(s) <= 6 && (last == '.' || last == ')') && isAlnumASCII(s[:len(s)-1]) {
		return indent + s + " "
	}
	return indent + "- "
}

func isAlnumASCII(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '(' || c == '.' && i > 0) {
			return false
		}
	}
	return true
}

// forwardIntro tells the line Apple Mail writes above a forwarded message
// (or any forward separator), which it puts in a cite blockquote although
// it is no quote.
func forwardIntro(line string) bool {
	sep, fwd := separatorLine(line)
	return sep && fwd
}

// isQuote tells a quoting <blockquote> from an indenting one: Gmail's
// "indent more" is a blockquote with "border:none" (a quote has a bar),
// while quotes are marked type="cite" (Apple Mail, Thunderbird), with a
// "quote" class (Gmail) or have a border.
func isQuote(n *html.Node) bool {
	if attr(n, "type") == "cite" || strings.Contains(attr(n, "class"), "quote") {
		return true
	}
	return !hasStyle(n, "border:none")
}

// isOutlookParagraph tells Word/Outlook's zero-margin paragraphs (class
// Mso*, or an explicit zero margin) from paragraphs with margins, which a
// reader sees separated by a blank line.
func isOutlookParagraph(n *html.Node) bool {
	if strings.HasPrefix(attr(n, "class"), "Mso") {
		return true
	}
	return hasStyle(n, "margin:0") || hasStyle(n, "margin-top:0") && hasStyle(n, "margin-bottom:0")
}

// msoListLevel reads the level of an Outlook list paragraph from its
// "mso-list:l0 level2 lfo1" style.
func msoListLevel(n *html.Node) int {
	st := strings.ToLower(attr(n, "style"))
	i := strings.Index(st, "mso-list:")
	if i < 0 {
		return 0
	}
	j := strings.Index(st[i:], "level")
	if j < 0 || i+j+5 >= len(st) {
		return 1
	}
	c := st[i+j+5]
	if c >= '1' && c <= '9' {
		return int(c - '0')
	}
	return 1
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// hasStyle tells whether the style attribute contains decl, compared
// without blanks and case.
func hasStyle(n *html.Node, decl string) bool {
	st := attr(n, "style")
	if st == "" {
		return false
	}
	st = strings.ToLower(strings.Join(strings.Fields(st), ""))
	return strings.Contains(st, decl)
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	eachText(n, func(s string) { b.WriteString(s) })
	return b.String()
}

// metaCharset finds the charset an HTML part declares in a <meta> tag, for
// parts whose Content-Type has none.
func metaCharset(b []byte) string {
	head := b[:min(len(b), 2048)]
	i := bytes.Index(bytes.ToLower(head), []byte("charset="))
	if i < 0 {
		return ""
	}
	s := head[i+len("charset="):]
	s = bytes.TrimLeft(s, `"' `)
	end := bytes.IndexAny(s, `"' ;>/`)
	if end < 0 {
		return ""
	}
	return string(s[:end])
}
