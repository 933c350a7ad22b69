package classify

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"empty", "", ""},
		{"plain lower-case ASCII kept", "mesures preventives: 2fa, edr", "mesures preventives: 2fa, edr"},
		{"ASCII capitals", "MESURES Préventives", "mesures preventives"},
		{"French accents", "À l'hôpital, réseau coupé; Noël, maïs, où, garçon, ÇA, Élevé", "a l'hopital, reseau coupe; noel, mais, ou, garcon, ca, eleve"},
		{"French ligatures", "Œuvre, cœur, manœuvre, Lætitia", "oeuvre, coeur, manoeuvre, laetitia"},
		{"Dutch diaeresis", "Continuïteit, geïsoleerd, ZOË, reeën", "continuiteit, geisoleerd, zoe, reeen"},
		{"Dutch ij ligature", "Ĳsselmonde ĳs", "ijsselmonde ijs"},
		{"German umlauts and sharp s", "Überlastung, Maßnahmen, MÄRZ, Größe, STRAẞE", "uberlastung, massnahmen, marz, grosse, strasse"},
		{"English stays English", "The Lab's IT team restored backups", "the lab's it team restored backups"},
		{"Scandinavian and Spanish", "Søren Ørsted, Ångström, señor, Æble, ǣ, ǿ", "soren orsted, angstrom, senor, aeble, ae, o"},
		{"Central European: marks go, strokes stay", "Dvořák, Łódź, Ş", "dvorak, łodz, s"},
		{"Vietnamese (Latin Extended Additional)", "Nguyễn Văn Thủy", "nguyen van thuy"},
		{"decomposed accents (NFD mail)", "re\u0301seau E\u0301TE\u0301 u\u0308ber", "reseau ete uber"},
		{"typographic ligatures from PDFs", "ﬁchier conﬁdentiel ﬂux", "fichier confidentiel flux"},
		{"apostrophes, dashes, no-break spaces", "l’attaque – sous‑traitance\u00a0: d‘abord\u202f!", "l'attaque - sous-traitance : d'abord !"},
		{"Greek: case and tonos", "ΕΠΙΘΕΣΗ Ηλεκτρονική ά", "επιθεση ηλεκτρονικη α"},
		{"Cyrillic: case and breve", "Кибератака ЙОД", "кибератака иод"},
		{"CJK and Hangul unchanged", "网络攻击 사이버 공격", "网络攻击 사이버 공격"},
		{"symbols and digits kept", "n° 12 – 50 % € ½", "n° 12 - 50 % € ½"},
		{"invalid UTF-8 becomes U+FFFD", "caf\xe9 cr\xc3", "caf\ufffd cr\ufffd"},
		{"invalid UTF-8 after capitals", "CAF\xe9", "caf\ufffd"},
		{"long text beyond the stack buffer", strings.Repeat("Sécurité ", 40), strings.Repeat("securite ", 40)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Fold(tc.in); got != tc.want {
				t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if got := string(AppendFold([]byte("x"), tc.in)); got != "x"+tc.want {
				t.Errorf("AppendFold(x, %q) = %q, want %q", tc.in, got, "x"+tc.want)
			}
			if got := Fold(tc.want); got != tc.want {
				t.Errorf("Fold not idempotent: Fold(%q) = %q", tc.want, got)
			}
		})
	}
}

// TestFoldNoAlloc keeps the fast path: most strings folded are already
// plain lower-case ASCII and come back as they are.
func TestFoldNoAlloc(t *testing.T) {
	s := "les automates du laboratoire ont ete arretes pendant deux jours"
	if n := testing.AllocsPerRun(100, func() { _ = Fold(s) }); n != 0 {
		t.Errorf("Fold of plain lower-case ASCII allocates %v times", n)
	}
	if n := testing.AllocsPerRun(100, func() { _ = Fold("Réseau coupé") }); n > 1 {
		t.Errorf("Fold of a short accented string allocates %v times, want at most the result", n)
	}
}

// TestFoldMatchesDoc checks that the tagger's words are Fold's words:
// vocabularies and mailparse's word lists are written in Fold's form.
func TestFoldMatchesDoc(t *testing.T) {
	for _, in := range []string{
		"Le RÉSEAU était coupé; Maßnahmen für Œuvre",
		"re\u0301seau geïsoleerd ĲS Søren ﬁchier",
		"Ελληνικά Кибератака 网络",
	} {
		t.Run(in, func(t *testing.T) {
			d := newDoc(in)
			var got []string
			for i := range d.toks {
				got = append(got, d.word(i))
			}
			want := strings.FieldsFunc(Fold(in), func(r rune) bool { f, lig := wordRune(r); return f < 0 && lig == "" })
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("newDoc words %q, Fold words %q", got, want)
			}
		})
	}
}

// TestFoldedLists proves every entry of the word maps looked up with
// newDoc's words is written folded: an accented entry would never match.
func TestFoldedLists(t *testing.T) {
	lists := map[string][]string{
		"numberWords": keys(numberWords), "units": keys(units), "halfWords": keys(halfWords),
		"fillers": keys(fillers), "englishUnits": keys(englishUnits), "clockWords": keys(clockWords),
	}
	for name, l := range lists {
		t.Run(name, func(t *testing.T) {
			for _, w := range l {
				if d := newDoc(w); d.norm != " "+w+" " {
					t.Errorf("%s entry %q is read from text as %q", name, w, strings.TrimSpace(d.norm))
				}
			}
		})
	}
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// FuzzFold: folding is idempotent, AppendFold agrees with Fold, the result
// is valid UTF-8 and plain input comes back unchanged.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"", "abc", "Réseau", "Maßnahmen", "re\u0301seau", "\xff\xfe", "Ĳs ﬁ ø", "한국"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Fold(%q) = %q, not UTF-8", s, got)
		}
		if again := Fold(got); again != got {
			t.Fatalf("Fold(%q) = %q, but Fold of that is %q", s, got, again)
		}
		if a := string(AppendFold(nil, s)); a != got {
			t.Fatalf("AppendFold(%q) = %q, Fold = %q", s, a, got)
		}
	})
}

func BenchmarkFold(b *testing.B) {
	for _, in := range []struct{ name, s string }{
		{"ascii-lower", "les automates du laboratoire ont ete arretes pendant deux jours"},
		{"ascii-capitals", "Les Automates du Laboratoire PENDANT DEUX JOURS"},
		{"french", "Le réseau a été coupé ; les analyses urgentes ont été sous-traitées à l’hôpital voisin. Œuvre : mesures préventives."},
		{"german", "Die Überlastung der Server führte zu einem Ausfall; Maßnahmen: Schulung für alle Mitarbeiter."},
		{"greek", "Η ηλεκτρονική επίθεση διέκοψε τις αναλύσεις για δύο ημέρες."},
	} {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in.s)))
			for b.Loop() {
				_ = Fold(in.s)
			}
		})
	}
}

// TestFoldEveryRune folds each Unicode code point: the result is valid,
// folding it again changes nothing (no table entry leaves an accent or a
// capital behind), and newDoc's per-rune folding agrees with Fold.
func TestFoldEveryRune(t *testing.T) {
	bad := 0
	for r := rune(0); r <= utf8.MaxRune && bad < 10; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := string(r)
		got := Fold(s)
		if again := Fold(got); again != got || !utf8.ValidString(got) {
			t.Errorf("U+%04X %q folds to %q, then to %q", r, s, got, again)
			bad++
		}
		if f, lig := wordRune(r); f > 0 && string(f) != got || lig != "" && lig != got {
			t.Errorf("U+%04X %q: Fold gives %q, newDoc %q%q", r, s, got, f, lig)
			bad++
		}
	}
}
