package classify

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// FuzzClassify feeds arbitrary text (replies are untrusted input) to the
// three entry points: none may panic, and their answers keep their shape.
func FuzzClassify(f *testing.F) {
	for _, a := range corpusTexts(f) {
		f.Add(strings.Join(a[:], "\n"))
	}
	for _, s := range []string{"", "n't", "'t", "n’t", "-", "24h/24", "1,5,5 jours", "demi", "half a", "vingt", "a", "\xff\xfe", "ß-œ-Æ", "un-", "non-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if l := Language(text); l != "" && !slices.Contains(languages[:], l) {
			t.Fatalf("Language = %q", l)
		}
		if d, ok := downtime(text); ok && (d < 0 || math.IsNaN(d) || math.IsInf(d, 0)) {
			t.Fatalf("Downtime = %v", d)
		}
		tags := Tag(Answers{text, text, text, text, text})
		for g, labels := range [][]string{tags.Cause, tags.Impact, tags.Response, tags.Prevention} {
			if labels == nil || !slices.IsSorted(labels) || len(slices.Compact(slices.Clone(labels))) != len(labels) {
				t.Fatalf("%s labels %v not a sorted set", groupNames[g], labels)
			}
			for _, l := range labels {
				if !slices.Contains(Labels(groupNames[g]), l) {
					t.Fatalf("%s label %q is not in the taxonomy", groupNames[g], l)
				}
			}
		}
	})
}

func TestNormalize(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Réseau ÉTEINT", " reseau eteint "},
		{"Zwei-Faktor-Authentifizierung", " zwei faktor authentifizierung "},
		{"Straße, œuvre", " strasse oeuvre "},
		{"It wasn't affected", " it was not affected "},
		{"niet-dringende non-conformité", " nietdringende nonconformite "},
		{"", "  "},
	}
	for _, tt := range tests {
		if got := newDoc(tt.in).norm; got != tt.want {
			t.Errorf("newDoc(%q).norm = %q, want %q", tt.in, got, tt.want)
		}
	}
	d := newDoc("Le SIL est tombé; mais la messagerie, les automates. Fin")
	clauses := map[string]int32{}
	for i := range d.toks {
		clauses[d.word(i)] = d.toks[i].clause
	}
	if clauses["sil"] == clauses["messagerie"] || clauses["messagerie"] == clauses["automates"] || clauses["automates"] == clauses["fin"] {
		t.Errorf("clauses not split at ';', 'mais', ', les' and '. ': %v", clauses)
	}
	// Dotted abbreviations do not end a sentence; a domain name does.
	for _, tt := range []struct {
		text  string
		split bool
	}{
		{"mailbox (met o.a. resultaten) gekopieerd", false},
		{"Daten (u.a. Befunde) kopiert", false},
		{"dossiers (p.ex. protocoles) copiés", false},
		{"files (i.e. reports) copied", false},
		{"portail results.labo.be. Le premier", true},
		{"the lab in the U.K. ran", false},
	} {
		d := newDoc(tt.text)
		first, last := d.toks[0].sent, d.toks[len(d.toks)-1].sent
		if (first != last) != tt.split {
			t.Errorf("%q: split into sentences = %v, want %v", tt.text, first != last, tt.split)
		}
	}
}

func TestMatcherSyntax(t *testing.T) {
	m := newMatcher()
	m.add("x", "mot* de passe & chang*|reset*", "*segment*", "plan (degrade|dégradé)", "*aanval")
	m.compile()
	for _, tt := range []struct {
		text string
		want int
	}{
		{"Les mots de passe ont été changés.", 1},
		{"Mots de passe. Changés plus tard.", 0}, // not in one clause
		{"netwerksegmentatie", 1},
		{"plan dégradé", 1},
		{"plan B dégradé", 0},
		{"cyberaanval", 1},
		{"aanvallen", 0},
	} {
		if got := len(m.match(newDoc(tt.text))); got != tt.want {
			t.Errorf("%q: %d hits, want %d", tt.text, got, tt.want)
		}
	}
}
