package mailparse

import "testing"

func TestFaithful(t *testing.T) {
	html := "<html><head><style>p.MsoNormal{margin:0}</style><title>x</title></head><body>" +
		"<p>Bonjour,</p><p>a) L&#8217;attaque a commenc&eacute; par un courriel d&rsquo;hame&ccedil;onnage.</p>" +
		"<p>b) Le SIL &eacute;tait arr&ecirc;t&eacute; deux jours.</p><!-- comment words --></body></html>"
	tests := []struct {
		name  string
		plain string
		want  bool
	}{
		{"same words", "Bonjour,\n\na) L’attaque a commencé par un courriel d’hameçonnage.\nb) Le SIL était arrêté deux jours.", true},
		{"stub", "This is an HTML message. Please use an HTML capable mail program.", false},
		{"truncated", "Bonjour,\n\na) L’attaque a commencé", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newWordCover(tt.plain)
			scanHTML(html, c.see)
			if got := c.faithful(); got != tt.want {
				t.Errorf("faithful = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestScanHTMLDataRows(t *testing.T) {
	tests := []struct {
		html string
		rows int
	}{
		{"<table><tr><td>a)</td><td>phishing</td></tr><TR><TD><p>b)</p></TD><TD>&nbsp;SIL</TD></TR></table>", 2},
		{"<table><tr><td><img src=logo></td><td>Jan Peeters</td></tr></table>", 0},
		{"<table><tr><td>&nbsp;</td><td>x</td></tr></table>", 0},
		{"<style>td{}</style><script>if (a<b) {}</script><table><tr><td>1</td><td>2</td></tr></table>", 1},
	}
	for _, tt := range tests {
		if got := scanHTML(tt.html, func(uint64) {}).dataRows; got != tt.rows {
			t.Errorf("scanHTML(%q).dataRows = %d, want %d", tt.html, got, tt.rows)
		}
	}
}

func TestUnflow(t *testing.T) {
	tests := []struct {
		in    string
		delsp bool
		want  string
	}{
		{"one \ntwo\nthree", false, "one two\nthree"},
		{"one \ntwo", true, "onetwo"},
		{"> quoted \n> more\n>> deep", false, "> quoted more\n>> deep"},
		{"-- \nsig", false, "-- \nsig"},
		{" stuffed\nplain", false, "stuffed\nplain"},
	}
	for _, tt := range tests {
		if got := unflow(tt.in, tt.delsp); got != tt.want {
			t.Errorf("unflow(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestToUTF8(t *testing.T) {
	tests := []struct {
		in, label, want string
		warn            bool
	}{
		{"caf\xc3\xa9", "utf-8", "café", false},
		{"caf\xe9", "utf-8", "café", true},
		{"caf\xe9", "us-ascii", "café", true},
		{"caf\xe9", "", "café", false},
		{"caf\xc3\xa9", "", "café", false},
		{"\x93q\x94 \x80", "iso-8859-1", "“q” €", false},
		{"\xa4", "iso-8859-15", "€", false},
		{"caf\xe9", `"ISO-8859-1"`, "café", false},
		{"caf\xe9", "x-unknown", "café", true},
		{"\x82\xa0", "shift_jis", "あ", false},
		{"caf\xe9", "ANSI_X3.4-1968", "café", true},
		{"caf\xc3\xa9", "iso-2022-jp", "café", true},
		{"\xe9t\xe9", "utf-16", "été", true},
	}
	for _, tt := range tests {
		got, warn := toUTF8([]byte(tt.in), tt.label)
		if got != tt.want || (warn != "") != tt.warn {
			t.Errorf("toUTF8(%q, %q) = %q, %q; want %q, warning %v", tt.in, tt.label, got, warn, tt.want, tt.warn)
		}
	}
}
