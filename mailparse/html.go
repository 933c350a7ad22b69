package mailparse

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlToText renders mail HTML as the text a person sees, one line per
// visual line. The conventions the reading side relies on:
//
//   - paragraphs, divs, headings and <br> end lines; an empty paragraph
//     (Outlook's <p>&nbsp;</p>) or a non-Outlook paragraph break gives one
//     blank line; never more than one blank line in a row;
//   - list items are lines "- item" (numbered lists "1. item", lettered
//     "a. item"), nested ones indented by two spaces per level; Outlook's
//     fake bullets (<![if !supportLists]> sections in MsoListParagraph)
//     become "- " when they are a glyph (·, o, §, -) and keep their text
//     when they are a number or letter ("a)", "1.");
//   - each table row starts a new line and its non-empty cells are joined
//     with " | " (so "a) Question | answer"); a cell's own further
//     paragraphs and list items continue on the lines below it;
//   - <blockquote> lines are prefixed with ">" per level and a blank
//     (">> " two levels deep), as plain-text quoting does, except
//     Gmail's indenting blockquotes (style "border:none") and the one
//     Apple Mail puts a forwarded message in ("Begin forwarded message:");
//   - <hr> is Outlook's separator line of 32 underscores;
//   - style, script, head, comments, conditional comments, images and
//     hidden elements are dropped; entities are decoded and no-break
//     spaces become plain spaces.
//
// It uses golang.org/x/net/html's parser (tolerant of any input) and its
// own walk over the tree.
func htmlToText(src string) string {
	if len(src) > maxHTMLTree {
		// A tree costs several times the source in memory; a huge part
		// (no real reply is) gets the streaming rendering.
		return htmlFlatText(src)
	}
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		// The parser refuses pathological nesting; the tokenizer alone
		// still gives the words, a line per block.
		return htmlFlatText(src)
	}
	var w htmlWriter
	w.b.Grow(len(src) / 4)
	w.walk(doc, 0)
	return collapseBlankLines(w.b.String())
}

type cellState struct {
	rowHasText  bool
	cellHasText bool
}

type listState struct {
	ordered bool
	kind    byte // '1', 'a', 'A', 'i', 'I'
	n       int
}

type htmlWriter struct {
	b          bytes.Buffer
	written    bool   // anything written at all
	lineText   bool   // current line has text
	pendingNL  int    // newlines to write before the next text
	space      bool   // a blank is due before the next word
	sep        string // a cell separator due before the next text
	marker     string // a list marker due at the start of the next line
	quote      int
	lastQuote  int          // quote depth of the last line written
	unquoted   []*html.Node // open blockquotes that are not quotes
	pre        int
	lists      []listState
	cells      []cellState
	capture    *strings.Builder // Outlook fake bullet being read
	captureLvl int
}

// maxHTMLTree is the largest HTML part converted through a parsed tree.
const maxHTMLTree = 4 << 20

// maxHTMLDepth bounds the recursion; deeper content is read as flat text.
const maxHTMLDepth = 400

func (w *htmlWriter) walk(n *html.Node, depth int) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c, depth+1)
	}
}

func (w *htmlWriter) node(n *html.Node, depth int) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.CommentNode:
		w.comment(n.Data)
		return
	case html.DocumentNode:
		w.walk(n, depth)
		return
	case html.ElementNode:
	default:
		return
	}
	if depth > maxHTMLDepth {
		w.flat(n)
		return
	}
	if skipElement(n) {
		return
	}
	switch n.DataAtom {
	case atom.Br:
		w.br()
		return
	case atom.Hr:
		w.nl(1)
		w.text("________________________________")
		w.nl(1)
		return
	case atom.Span:
		if w.capture == nil && hasStyle(n, "mso-list:ignore") {
			w.marker = listMarker(nodeText(n), 0)
			return
		}
	}
	w.open(n)
	before := w.b.Len()
	w.walk(n, depth)
	w.close(n, w.b.Len() == before)
}

// flat writes the text of a subtree without structure.
func (w *htmlWriter) flat(n *html.Node) {
	eachText(n, w.text)
}

// eachText calls f with the text nodes of a subtree in document order,
// iteratively (subtrees may be deeper than the recursion is allowed).
func eachText(n *html.Node, f func(string)) {
	stack := []*html.Node{n}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if c.Type == html.TextNode {
			f(c.Data)
		}
		for k := c.LastChild; k != nil; k = k.PrevSibling {
			stack = append(stack, k)
		}
	}
}

func skipElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Head, atom.Style, atom.Script, atom.Title, atom.Meta, atom.Link,
		atom.Template, atom.Img, atom.Object, atom.Embed, atom.Iframe, atom.Svg,
		atom.Noscript, atom.Input, atom.Select, atom.Button, atom.Map, atom.Area:
		return true
	}
	if n.Data == "xml" || strings.HasPrefix(n.Data, "v:") {
		return true // Word's <xml> settings and VML shapes
	}
	return hasStyle(n, "display:none") || hasStyle(n, "mso-hide:all") || hasAttr(n, "hidden")
}

func (w *htmlWriter) open(n *html.Node) {
	switch n.DataAtom {
	case atom.P:
		if isOutlookParagraph(n) {
			w.nl(1)
		} else {
			w.nl(2)
		}
		if lvl := msoListLevel(n); lvl > 0 {
			w.captureLvl = lvl
		}
	case atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Address, atom.Section, atom.Article, atom.Header, atom.Footer,
		atom.Center, atom.Dl, atom.Dt, atom.Dd, atom.Form, atom.Fieldset,
		atom.Caption, atom.Figure, atom.Main, atom.Nav, atom.Aside, atom.Table:
		w.nl(1)
	case atom.Pre:
		w.nl(1)
		w.pre++
	case atom.Blockquote:
		w.nl(1)
		if isQuote(n) && !forwardIntro(w.lastLine()) {
			w.quote++
		} else {
			w.unquoted = append(w.unquoted, n)
		}
	case atom.Ul, atom.Ol:
		w.nl(1)
		ls := listState{ordered: n.DataAtom == atom.Ol, kind: '1', n: 1}
		if t := attr(n, "type"); t != "" && ls.ordered {
			ls.kind = t[0]
		}
		if st := attr(n, "start"); ls.ordered && isDigits(st) && len(st) < 5 {
			ls.n = 0
			for _, c := range st {
				ls.n = ls.n*10 + int(c-'0')
			}
		}
		w.lists = append(w.lists, ls)
	case atom.Li:
		w.nl(1)
		w.marker = w.itemMarker()
	case atom.Tr:
		w.nl(1)
		w.cells = append(w.cells, cellState{})
	case atom.Td, atom.Th:
		if k := len(w.cells); k > 0 {
			c := &w.cells[k-1]
			c.cellHasText = false
			if c.rowHasText {
				w.pendingNL = 0
				w.sep = " | "
			}
		}
	}
}

func (w *htmlWriter) close(n *html.Node, empty bool) {
	switch n.DataAtom {
	case atom.A:
		if a := mailtoAddress(n); a != "" {
			w.text(" <" + a + ">") // see mailtoAddress
		}
	case atom.P:
		if isOutlookParagraph(n) && empty && w.pendingNL > 0 {
			// Outlook's empty <p>&nbsp;</p>: a blank line.
			w.pendingNL++
		} else if isOutlookParagraph(n) {
			w.nl(1)
		} else {
			w.nl(2)
		}
		w.captureLvl = 0
	case atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Address, atom.Section, atom.Article, atom.Header, atom.Footer,
		atom.Center, atom.Dl, atom.Dt, atom.Dd, atom.Form, atom.Fieldset,
		atom.Caption, atom.Figure, atom.Main, atom.Nav, atom.Aside, atom.Table, atom.Li:
		w.nl(1)
	case atom.Pre:
		w.pre--
		w.nl(1)
	case atom.Blockquote:
		w.nl(1)
		if k := len(w.unquoted); k > 0 && w.unquoted[k-1] == n {
			w.unquoted = w.unquoted[:k-1]
		} else {
			w.quote--
		}
	case atom.Ul, atom.Ol:
		if len(w.lists) > 0 {
			w.lists = w.lists[:len(w.lists)-1]
		}
		w.nl(1)
	case atom.Tr:
		if len(w.cells) > 0 {
			w.cells = w.cells[:len(w.cells)-1]
		}
		w.sep = ""
		w.nl(1)
	}
}

func (w *htmlWriter) itemMarker() string {
	if len(w.lists) == 0 {
		return "- "
	}
	indent := strings.Repeat("  ", len(w.lists)-1)
	l := &w.lists[len(w.lists)-1]
	if !l.ordered {
		return indent + "- "
	}
	k := l.n
	l.n++
	switch l.kind {
	case 'a':
		if k <= 26 {
			return indent + string(rune('a'+k-1)) + ". "
		}
	case 'A':
		if k <= 26 {
			return indent + string(rune('A'+k-1)) + ". "
		}
	}
	return indent + itoa(k) + ". "
}

// htmlFlatText is the fallback rendering for HTML the parser refuses: the
// text tokens, with a line break at every block tag.
func htmlFlatText(src string) string {
	var w htmlWriter
	z := html.NewTokenizer(strings.NewReader(src))
	skip := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return collapseBlankLines(w.b.String())
		case html.TextToken:
			if skip == 0 {
				w.text(string(z.Text()))
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch a := atom.Lookup(name); a {
			case atom.Style, atom.Script, atom.Head, atom.Title:
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			case atom.Br:
				w.br()
			case atom.P, atom.Div, atom.Li, atom.Tr, atom.Table, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Blockquote, atom.Hr, atom.Ul, atom.Ol:
				w.nl(1)
			}
		}
	}
}
