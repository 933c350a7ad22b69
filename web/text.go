package web

import "strings"

// Mail text is shown as text (html/template escapes it for its context),
// and two more things keep it from misleading the reader.

// bidiControls are made visible: a U+202E RIGHT-TO-LEFT OVERRIDE in a file
// name shows "invoice‮gpj.exe" as "invoiceexe.jpg"; the page shows the
// control as a marker instead of obeying it. (Text in other scripts keeps
// its direction: <bdi> and dir="auto" isolate each piece of mail text.)
var bidiControls = strings.NewReplacer(
	"\u202a", "⟨LRE⟩", "\u202b", "⟨RLE⟩", "\u202c", "⟨PDF⟩", "\u202d", "⟨LRO⟩", "\u202e", "⟨RLO⟩",
	"\u2066", "⟨LRI⟩", "\u2067", "⟨RLI⟩", "\u2068", "⟨FSI⟩", "\u2069", "⟨PDI⟩",
)

// vis returns s with bidirectional overrides and isolates made visible.
func vis(s string) string {
	// All the controls start with byte 0xE2; most text has none.
	if !strings.Contains(s, "\xe2\x80") && !strings.Contains(s, "\xe2\x81") {
		return s
	}
	return bidiControls.Replace(s)
}

// maxLongText bounds one answer or message text on a page: a 1 MB answer
// must not make a 1 MB page per mention (the case page shows an answer
// twice). The original stays complete in the download.
const maxLongText = 32 << 10

// long is vis for long text, cut at maxLongText bytes on a rune boundary.
func long(s string) string {
	if len(s) > maxLongText {
		cut := maxLongText
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut] + "\n[…]"
	}
	return vis(s)
}

// visibleControls maps vis's markers back to the controls, for the
// correction form: a value shown with markers and sent back unchanged
// is the value it was.
var visibleControls = strings.NewReplacer(
	"⟨LRE⟩", "\u202a", "⟨RLE⟩", "\u202b", "⟨PDF⟩", "\u202c", "⟨LRO⟩", "\u202d", "⟨RLO⟩", "\u202e",
	"⟨LRI⟩", "\u2066", "⟨RLI⟩", "\u2067", "⟨FSI⟩", "\u2068", "⟨PDI⟩", "\u2069",
)

// unvis undoes vis.
func unvis(s string) string {
	if !strings.Contains(s, "⟨") {
		return s
	}
	return visibleControls.Replace(s)
}
