package mailparse

import (
	"testing"
	"unicode/utf8"
)

// FuzzSubject feeds arbitrary subjects to the subject reader, whose
// mojibake repair rewrites bytes: it must not panic, must keep valid
// UTF-8 valid, and a repair only ever shortens text (several runes or
// escapes become one character).
// go test -run='^$' -fuzz='^FuzzSubject$' ./mailparse
func FuzzSubject(f *testing.F) {
	for _, s := range []string{
		"RE: Cyber attaque – labo 21437", "AW: Cyber attaque ? labo 33701", "Re: Cyberaanval â€“ labo 0123",
		"Cyberangriff Ã¢Â€Â“ Labor 91357", "Cyber attaque =E2=80=93 labo 30518", "Cyber attaque \uFFFD labo 1",
		"Cyber attack \u00e2\u0080\u0093 lab 5501", "LiÃ¨ge =C3", "Ã\u00a0 =E2=80", "Cyber attaque &ndash; labo 1 &#x2013; &#0;",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := repairMojibake(s)
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("repairMojibake(%q) = %q, not valid UTF-8", s, out)
		}
		if len(out) > len(s) {
			t.Fatalf("repairMojibake(%q) = %q, longer", s, out)
		}
		info := parseSubject(s)
		if info.Lab != nil && *info.Lab == "" {
			t.Fatalf("parseSubject(%q): empty lab instead of nil", s)
		}
	})
}
