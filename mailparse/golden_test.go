package mailparse

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// goldenDirs are the sample replies whose full Result is pinned in
// testdata/golden (go test -update rewrites them).
var goldenDirs = []string{"../testdata/corpus", "../testdata/replies"}

func TestParseGolden(t *testing.T) {
	for _, dir := range goldenDirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.eml"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no sample replies in %s: %v", dir, err)
		}
		for _, f := range files {
			name := filepath.Base(f)
			t.Run(name, func(t *testing.T) {
				raw, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				res := Parse(raw, nil)
				res.File = name
				// Tags and downtime are package classify's reading, pinned
				// by its own tests; the golden files pin the parse.
				res.Tags, res.DowntimeDays = emptyTags(), nil
				got, err := json.MarshalIndent(res, "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, '\n')
				gold := filepath.Join("../testdata/golden", filepath.Base(dir), strings.TrimSuffix(name, ".eml")+".json")
				if *update {
					if err := os.MkdirAll(filepath.Dir(gold), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(gold, got, 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(gold)
				if err != nil {
					t.Fatalf("%v (run go test -update to create it)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("Result differs from %s (go test -update rewrites it):\n%s", gold, firstDiff(string(want), string(got)))
				}
			})
		}
	}
}

// firstDiff shows the first differing line of two texts.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + jsonNum(i+1) + ":\n  want: " + a + "\n  got:  " + b
		}
	}
	return "(no difference)"
}

func jsonNum(i int) string { b, _ := json.Marshal(i); return string(b) }

func jsonText(v any) string { b, _ := json.Marshal(v); return string(b) }

// truthEntry is one labelled reply of a truth.json (CONTRACT.md).
type truthEntry struct {
	File       string            `json:"file"`
	Kind       string            `json:"kind"`
	Lab        *string           `json:"lab"`
	Language   string            `json:"language"`
	Sections   map[string]string `json:"sections"`
	References []string          `json:"references"`
	Contact    Contact           `json:"contact"`
	Review     bool              `json:"needs_review"`
	// Incident is the raw incident_date: absent (nil) where the truth
	// does not carry it, "null" or a quoted date where it does.
	Incident json.RawMessage `json:"incident_date"`
}

// incidentOK is the scorer's incident_date rule: the exact string (null
// == null), a "YYYY-MM" truth also accepting any day of that month.
func incidentOK(got *string, truth json.RawMessage) bool {
	var want *string
	if err := json.Unmarshal(truth, &want); err != nil {
		return false
	}
	switch {
	case got == nil || want == nil:
		return got == want
	case len(*want) == 7:
		return strings.HasPrefix(*got, *want)
	}
	return *got == *want
}

var tokenRe = regexp.MustCompile(`[\p{L}\p{N}_]+`)

// tokenF1 is the scorer's section measure: word tokens, lower case,
// punctuation dropped.
func tokenF1(pred, truth string) float64 {
	count := func(s string) map[string]int {
		m := map[string]int{}
		for _, w := range tokenRe.FindAllString(strings.ToLower(s), -1) {
			m[w]++
		}
		return m
	}
	p, tr := count(pred), count(truth)
	np, nt := 0, 0
	for _, n := range p {
		np += n
	}
	for _, n := range tr {
		nt += n
	}
	if np == 0 && nt == 0 {
		return 1
	}
	if np == 0 || nt == 0 {
		return 0
	}
	common := 0
	for w, n := range p {
		common += min(n, tr[w])
	}
	if common == 0 {
		return 0
	}
	prec, rec := float64(common)/float64(np), float64(common)/float64(nt)
	return 2 * prec * rec / (prec + rec)
}

func normLab(s *string) string {
	if s == nil {
		return "<nil>"
	}
	f := strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Pd, r) {
			return '-'
		}
		return unicode.ToLower(r)
	}, *s)
	return strings.Join(strings.Fields(f), " ")
}

// TestCorpusScore measures the labelled samples the way the project's
// scorer does and fails when a measure drops below what the parser
// reached, so that a regression shows in CI. Misses are listed.
func TestCorpusScore(t *testing.T) {
	type floor struct{ kind, lab, lang, sections, refs, email, contact, incident float64 }
	for _, tc := range []struct {
		dir  string
		want floor
	}{
		{"../testdata/corpus", floor{1, 1, 1, 1, 1, 1, 1, 1}},
		{"../testdata/replies", floor{1, 1, 1, 1, 1, 1, 1, 1}},
		// Sets written blind by four other writers, then tuned on: they
		// are development sets now (dev-writer-*), kept as regression
		// floors at what the parser reached. testdata/blind is the set
		// not tuned on, and is not scored here.
		{"../testdata/dev-writer-a", floor{1, 1, 1, 1, 1, 1, 1, 1}},
		{"../testdata/dev-writer-b", floor{1, 1, 1, 1, 1, 1, 1, 1}},
		// dev-writer-d (bottom-posting, mangled subject dashes, procedures
		// cited in e) was first scored at sections 0.954 / lab 0.846 /
		// references 0.933, before the fixes it prompted.
		{"../testdata/dev-writer-d", floor{1, 1, 1, 1, 1, 1, 1, 1}},
		{"../testdata/dev-writer-c", floor{1, 1, 1, 1, 1, 1, 1, 1}},
	} {
		t.Run(filepath.Base(tc.dir), func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(tc.dir, "truth.json"))
			if err != nil {
				t.Fatal(err)
			}
			var truth []truthEntry
			if err := json.Unmarshal(raw, &truth); err != nil {
				t.Fatal(err)
			}
			var kindOK, reports, labOK, langOK, secOK, secN, emailOK, contactOK, incOK, incN float64
			refC, refP, refT := 0, 0, 0
			for _, e := range truth {
				msg, err := os.ReadFile(filepath.Join(tc.dir, e.File))
				if err != nil {
					t.Fatal(err)
				}
				r := Parse(msg, nil)
				if string(r.Kind) == e.Kind {
					kindOK++
				} else {
					t.Logf("%s: kind %s, want %s", e.File, r.Kind, e.Kind)
				}
				if e.Kind != "report" {
					continue
				}
				reports++
				if normLab(r.Lab) == normLab(e.Lab) {
					labOK++
				} else {
					t.Logf("%s: lab %s, want %s", e.File, normLab(r.Lab), normLab(e.Lab))
				}
				if r.Language == e.Language {
					langOK++
				} else {
					t.Logf("%s: language %q, want %q", e.File, r.Language, e.Language)
				}
				if strings.EqualFold(r.Contact.Email, e.Contact.Email) {
					emailOK++
				} else {
					t.Logf("%s: contact e-mail %q, want %q", e.File, r.Contact.Email, e.Contact.Email)
				}
				if r.Contact == e.Contact {
					contactOK++
				} else {
					t.Logf("%s: contact %+v, want %+v", e.File, r.Contact, e.Contact)
				}
				if e.Incident != nil {
					incN++
					if incidentOK(r.IncidentDate, e.Incident) {
						incOK++
					} else {
						t.Logf("%s: incident_date %v, want %s", e.File, jsonText(r.IncidentDate), e.Incident)
					}
				}
				got := map[string]string{"a": r.Sections.A, "b": r.Sections.B, "c": r.Sections.C, "d": r.Sections.D, "e": r.Sections.E}
				for _, k := range []string{"a", "b", "c", "d", "e"} {
					secN++
					if f := tokenF1(got[k], e.Sections[k]); f >= 0.8 {
						secOK++
					} else {
						t.Logf("%s: section %s F1 %.2f\n  got:  %q\n  want: %q", e.File, k, f, got[k], e.Sections[k])
					}
				}
				want := map[string]bool{}
				for _, x := range e.References {
					want[strings.ToLower(x)] = true
				}
				refT += len(want)
				seen := map[string]bool{}
				for _, x := range r.References {
					x = strings.ToLower(x)
					if seen[x] {
						continue
					}
					seen[x] = true
					refP++
					if want[x] {
						refC++
					}
				}
			}
			ratio := func(a, b float64) float64 {
				if b == 0 {
					return 1
				}
				return a / b
			}
			refF1 := 1.0
			if refP+refT > 0 {
				refF1 = 2 * float64(refC) / float64(refP+refT)
			}
			got := map[string][2]float64{
				"kind":          {ratio(kindOK, float64(len(truth))), tc.want.kind},
				"lab":           {ratio(labOK, reports), tc.want.lab},
				"language":      {ratio(langOK, reports), tc.want.lang},
				"sections":      {ratio(secOK, secN), tc.want.sections},
				"references_f1": {refF1, tc.want.refs},
				"contact_email": {ratio(emailOK, reports), tc.want.email},
				"contact_exact": {ratio(contactOK, reports), tc.want.contact},
			}
			if incN > 0 { // scored only where the truth carries it
				got["incident_date"] = [2]float64{ratio(incOK, incN), tc.want.incident}
			}
			names := make([]string, 0, len(got))
			for k := range got {
				names = append(names, k)
			}
			sort.Strings(names)
			for _, k := range names {
				v := got[k]
				t.Logf("%-14s %.3f (floor %.3f)", k, v[0], v[1])
				if v[0] < v[1]-1e-9 {
					t.Errorf("%s: %.3f, below the floor %.3f", k, v[0], v[1])
				}
			}
		})
	}
}
