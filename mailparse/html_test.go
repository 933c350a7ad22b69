package mailparse

import (
	"strings"
	"testing"
)

func TestHTMLToText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"paragraphs", "<p>one</p><p>two</p>", "one\n\ntwo"},
		{"outlook paragraphs", `<p class=MsoNormal>one</p><p class=MsoNormal>two</p><p class=MsoNormal>&nbsp;</p><p class=MsoNormal>three</p>`, "one\ntwo\n\nthree"},
		{"gmail divs", "<div>one</div><div><br></div><div>two<br></div><div>three</div>", "one\n\ntwo\nthree"},
		{"br", "a<br>b<br><br>c", "a\nb\n\nc"},
		{"entities", "caf&eacute; &mdash; l&rsquo;&eacute;t&eacute;&nbsp;: x&amp;y", "café — l’été : x&y"},
		{"whitespace", "  a \n\t b  ", "a b"},
		{"dropped", "<head><title>t</title><style>p{}</style></head><script>x()</script><!-- c -->ok<img alt=logo src=x>", "ok"},
		{"hidden", `<span style="display: none">hidden</span><div style="mso-hide:all">h</div>shown`, "shown"},
		{"ordered", "<ol><li>a</li><li>b</li></ol><ol type=a><li>x</li><li>y</li></ol>", "1. a\n2. b\na. x\nb. y"},
		{"ordered start", "<ol start=3><li>c</li></ol><ol type=a start=2><li>b</li></ol>", "3. c\nb. b"},
		{"nested list", "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>", "- a\n  - b\n- c"},
		{"unclosed", "<ul><li>a<li>b</ul><p>c", "- a\n- b\n\nc"},
		{"table", "<table><tr><th>Q</th><th>A</th></tr><tr><td>a) cause</td><td>phishing</td></tr><tr><td>b)</td><td></td></tr></table>", "Q | A\na) cause | phishing\nb)"},
		{"cell paragraphs", "<table><tr><td><p>a)</p></td><td><p>one</p><p>two</p></td></tr></table>", "a) | one\n\ntwo"},
		{"nested table", "<table><tr><td><table><tr><td>x</td><td>y</td></tr></table></td><td>z</td></tr></table>", "x | y | z"},
		{"blockquote", "<p>mine</p><blockquote><p>theirs</p><blockquote>deeper</blockquote></blockquote>after", "mine\n\n> theirs\n>\n>> deeper\nafter"},
		{"gmail indent", `<div>a) cause</div><blockquote style="margin:0 0 0 40px;border:none;padding:0px"><div>phishing</div></blockquote><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204)">quoted</blockquote>`, "a) cause\nphishing\n> quoted"},
		{"apple forward", `<div>Voir ci-dessous.</div><div><br><div>Début du message réexpédié :</div><br class="Apple-interchange-newline"><blockquote type="cite"><div><b>De: </b>IT</div><div>a) phishing</div><blockquote type="cite">old</blockquote></blockquote></div>`, "Voir ci-dessous.\n\nDébut du message réexpédié :\n\nDe: IT\na) phishing\n> old"},
		{"apple forward de", `<div>Anfang der weitergeleiteten Nachricht:</div><blockquote type="cite"><div>a) Phishing</div></blockquote>`, "Anfang der weitergeleiteten Nachricht:\na) Phishing"},
		{"quote after a sentence naming a forward", `<div>See the forwarded message below.</div><blockquote type="cite"><div>old</div></blockquote>`, "See the forwarded message below.\n> old"},
		{"hr", "a<hr>b", "a\n________________________________\nb"},
		{"pre", "<pre>line 1\n  line 2</pre>", "line 1\n  line 2"},
		{"pre blank lines", "<pre>a\n \n\t\n\nb</pre>", "a\n\nb"},
		{"headings", "<h1>Title</h1>text<h2>Sub</h2>", "Title\ntext\nSub"},
		{"soft hyphen and zero width", "Cyber\u00adattaque\u200b ok", "Cyberattaque ok"},
		{"supportLists number", `<p class=MsoListParagraph style="mso-list:l0 level1 lfo1"><![if !supportLists]><span style="mso-list:Ignore">a)<span>&nbsp;&nbsp; </span></span><![endif]>cause</p>`, "a) cause"},
		{"supportLists multilevel", `<p class=MsoListParagraph><![if !supportLists]><span style="mso-list:Ignore">1.2.<span>&nbsp; </span></span><![endif]>sub</p><p class=MsoListParagraph><![if !supportLists]><span style="mso-list:Ignore">(b)<span>&nbsp; </span></span><![endif]>bb</p>`, "1.2. sub\n(b) bb"},
		{"supportLists glyph", `<p class=MsoListParagraph style="mso-list:l0 level1 lfo1"><![if !supportLists]><span style="font-family:Wingdings"><span style="mso-list:Ignore">&sect;<span>&nbsp; </span></span></span><![endif]>item</p>`, "- item"},
		{"mso-list ignore only", `<p class=MsoListParagraph><span style="mso-list:Ignore">-<span>&nbsp;&nbsp;</span></span>item</p>`, "- item"},
		{"deep nesting", deepHTML(5000), "deep"},
		{"garbage", "<<<>>><p<div</td></tr></table>", "<<<>>>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := htmlToText(tt.in); got != tt.want {
				t.Errorf("htmlToText(%q)\n got %q\nwant %q", truncate(tt.in, 200), truncate(got, 200), tt.want)
			}
		})
	}
}

func deepHTML(n int) string {
	b := make([]byte, 0, n*10)
	for i := 0; i < n; i++ {
		b = append(b, "<div><b>"...)
	}
	return string(b) + "deep"
}

func TestNormalizeBullets(t *testing.T) {
	in := "·         a\n•\tb\no   c\n  §  d\nor not\no no\n-\tdash\n- kept\n·\n1.\tone\nb)      two\nDr.   Smith\n3. kept\n12)\tx"
	want := "- a\n- b\n- c\n  - d\nor not\no no\n- dash\n- kept\n·\n1. one\nb) two\nDr.   Smith\n3. kept\n12) x"
	if got := normalizeBullets(in); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestHTMLToTextHuge checks that a part over maxHTMLTree is rendered by
// the streaming fallback, lines kept.
func TestHTMLToTextHuge(t *testing.T) {
	var b strings.Builder
	for b.Len() <= maxHTMLTree {
		b.WriteString("<p>ligne <b>grasse</b></p>\n")
	}
	got := htmlToText(b.String())
	if !strings.HasPrefix(got, "ligne grasse\nligne grasse\n") {
		t.Errorf("huge HTML rendered as %q...", truncate(got, 60))
	}
}

func TestCollapseBlankLines(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", ""},
		{"only blanks", " \n\t\n\n", ""},
		{"ends trimmed", "\n\n  a\nb \n\n", "  a\nb"},
		{"trailing blanks", "a \t\nb  ", "a\nb"},
		{"run of blank lines", "a\n\n\n \n\t\nb", "a\n\nb"},
		{"one blank line kept", "a\n\nb", "a\n\nb"},
		{"quote marks are text", "> a\n>\n\n>\n> b", "> a\n>\n\n>\n> b"},
		{"carriage return is text", "a\r\n\r\nb", "a\r\n\r\nb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := collapseBlankLines(tt.in); got != tt.want {
				t.Errorf("collapseBlankLines(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
