package mailparse

import (
	"bytes"
	"strings"
)

// The line writer under htmlToText: words arrive one by one and it decides
// the line breaks, blank lines, quote prefixes, list markers and cell
// separators due before each.

// nl asks for at least n line breaks before the next text. Inside a table
// cell that has no text yet it is ignored, so that a cell's first
// paragraph stays on the row's line.
func (w *htmlWriter) nl(n int) {
	if k := len(w.cells); k > 0 && !w.cells[k-1].cellHasText && w.cells[k-1].rowHasText {
		return
	}
	if w.written && n > w.pendingNL {
		w.pendingNL = n
	}
	w.lineText = false
	w.space = false
}

func (w *htmlWriter) br() {
	if w.lineText {
		w.lineText = false
		if w.pendingNL < 1 {
			w.pendingNL = 1
		}
	} else if w.written {
		w.pendingNL++
	}
	w.space = false
}

func (w *htmlWriter) text(s string) {
	if w.capture != nil {
		w.capture.WriteString(s)
		return
	}
	if w.pre > 0 {
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			if i > 0 {
				w.br()
			}
			if l != "" {
				w.word(strings.Map(nbspToSpace, l))
			}
		}
		return
	}
	start := -1
	for i, r := range s {
		if isHTMLSpace(r) {
			if start >= 0 {
				w.word(s[start:i])
				start = -1
			}
			w.space = true
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		w.word(s[start:])
	}
}

func isHTMLSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\u00a0', '\u200b', '\u2002', '\u2003', '\u2009', '\u202f', '\ufeff':
		return true
	}
	return false
}

func nbspToSpace(r rune) rune {
	if r == '\u00a0' {
		return ' '
	}
	return r
}

// word writes one run of non-blank text, preceded by whatever line break,
// quote prefix, list marker, cell separator or blank is due.
func (w *htmlWriter) word(s string) {
	if strings.IndexByte(s, 0xc2) >= 0 {
		s = strings.ReplaceAll(s, "\u00ad", "")
	}
	if s == "" {
		return
	}
	if w.written && w.pendingNL > 0 {
		nls := min(w.pendingNL, 2)
		for i := 0; i < nls; i++ {
			if q := min(w.quote, w.lastQuote); i > 0 && q > 0 {
				w.b.WriteString(strings.Repeat(">", q))
			}
			w.b.WriteByte('\n')
		}
	}
	w.pendingNL = 0
	switch {
	case !w.written || endsWithNewline(&w.b):
		if w.quote > 0 {
			w.b.WriteString(strings.Repeat(">", w.quote))
			w.b.WriteByte(' ')
		}
		w.b.WriteString(w.marker)
	case w.sep != "":
		w.b.WriteString(w.sep)
		w.b.WriteString(w.marker)
	case w.marker != "":
		w.b.WriteByte(' ')
		w.b.WriteString(w.marker)
	case w.space:
		w.b.WriteByte(' ')
	}
	w.marker = ""
	w.sep = ""
	w.space = false
	w.b.WriteString(s)
	w.written = true
	w.lineText = true
	for k := range w.cells {
		w.cells[k].rowHasText = true
		w.cells[k].cellHasText = true
	}
	w.lastQuote = w.quote
}

func endsWithNewline(b *bytes.Buffer) bool {
	bs := b.Bytes()
	return len(bs) > 0 && bs[len(bs)-1] == '\n'
}

// collapseBlankLines is the last step of every text rendering (HTML,
// .docx, .odt): it trims the blanks at the end of each line and leaves at
// most one blank line in a row and none at the ends, so that the readers
// can take one blank line as a paragraph break whatever the source was.
func collapseBlankLines(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	blank := 0
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimRight(l, " \t")
		if l == "" {
			blank++
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
			if blank > 0 {
				b.WriteByte('\n')
			}
		}
		blank = 0
		b.WriteString(l)
	}
	return b.String()
}

// lastLine returns the last line written that has text.
func (w *htmlWriter) lastLine() string {
	b := bytes.TrimRight(w.b.Bytes(), " \n")
	if i := bytes.LastIndexByte(b, '\n'); i >= 0 {
		b = b[i+1:]
	}
	return string(b)
}
