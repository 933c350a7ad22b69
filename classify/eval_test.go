package classify

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// truthReport is the part of testdata/corpus/truth.json this package is
// measured against (see CONTRACT.md, "Labeled corpora").
type truthReport struct {
	File     string            `json:"file"`
	Kind     string            `json:"kind"`
	Language string            `json:"language"`
	Sections map[string]string `json:"sections"`
	Tags     map[string][]string
	Downtime *float64 `json:"downtime_days"`
}

func loadTruth(t testing.TB) []truthReport {
	t.Helper()
	return loadTruthFile(t, filepath.Join("..", "testdata", "corpus", "truth.json"))
}

// loadTruthFile reads the reports of a labeled corpus's truth.json.
func loadTruthFile(t testing.TB, path string) []truthReport {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read truth: %v", err)
	}
	var all []truthReport
	if err := json.Unmarshal(b, &all); err != nil {
		t.Fatalf("decode truth: %v", err)
	}
	var reports []truthReport
	for _, r := range all {
		if r.Kind == "report" {
			reports = append(reports, r)
		}
	}
	return reports
}

func (r truthReport) answers() Answers {
	var a Answers
	for i, k := range []string{"a", "b", "c", "d", "e"} {
		a[i] = r.Sections[k]
	}
	return a
}

// prf counts true positives, false positives and false negatives.
type prf struct{ tp, fp, fn int }

func (c *prf) add(got, want []string) (missing, extra []string) {
	for _, g := range got {
		if slices.Contains(want, g) {
			c.tp++
		} else {
			c.fp++
			extra = append(extra, g)
		}
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			c.fn++
			missing = append(missing, w)
		}
	}
	return missing, extra
}

func (c prf) f1() float64 {
	if c.tp == 0 {
		return 0
	}
	p := float64(c.tp) / float64(c.tp+c.fp)
	r := float64(c.tp) / float64(c.tp+c.fn)
	return 2 * p * r / (p + r)
}

// evalSet is a labeled corpus and the figures it must reach. Thresholds
// sit just under what the vocabularies reach, so that a change that loses
// labels shows.
type evalSet struct {
	name       string
	dir        string
	minGroupF1 [nGroups]float64
	minOverall float64
	minDown    float64 // share of reports within the scorer's ±0.5 day
	minLang    float64 // language of the concatenated answers
}

// The dev corpus (testdata/corpus) is what the vocabularies were first
// written against; dev-writer-a (once a held-out set) was written by someone
// else, and measures how the rules generalise.
//
// Measured when set (cause, impact, response, prevention; overall):
// dev 0.971 0.994 1.0 1.0; 0.993, downtime 37/37, language 37/37
// (before: 0.971 0.977 1.0 1.0; 0.990).
// dev-writer-a 0.984 0.983 1.0 1.0; 0.993, downtime 13/13, language 13/13
// (before it was looked at: 0.903 0.788 0.971 0.986; 0.921, 12/13).
// dev-writer-b 0.974 1.0 1.0 1.0; 0.995, downtime 10/11, language 11/11.
// dev-writer-c 0.958 0.981 1.0 0.983; 0.983, downtime 12/12, language 12/12
// (before it was looked at: the parser's tags scored 0.949 overall).
// The misses left are readings the writers disagree on (Citrix gateway
// flaw as remote access or not, brute force as credentials or not, a
// password policy as access control or not), listed by go test -v.
var evalSets = []evalSet{
	{"dev", "corpus", [nGroups]float64{0.96, 0.97, 0.99, 0.99}, 0.98, 0.97, 1.0},
	{"dev-writer-a", "dev-writer-a", [nGroups]float64{0.97, 0.97, 0.99, 0.99}, 0.98, 0.99, 1.0},
	{"dev-writer-b", "dev-writer-b", [nGroups]float64{0.96, 0.99, 0.99, 0.99}, 0.99, 0.90, 1.0},
	{"dev-writer-c", "dev-writer-c", [nGroups]float64{0.95, 0.97, 0.99, 0.98}, 0.98, 0.99, 1.0},
}

// TestCorpusEvaluation measures tags, downtime and language against the
// truth sections of the labeled corpora. Run with -v to see the figures
// and the misses.
func TestCorpusEvaluation(t *testing.T) {
	for _, set := range evalSets {
		t.Run(set.name, func(t *testing.T) {
			evaluate(t, set, loadTruthFile(t, filepath.Join("..", "testdata", set.dir, "truth.json")))
		})
	}
}

func evaluate(t *testing.T, set evalSet, reports []truthReport) {
	var groups [nGroups]prf
	var all prf
	downOK, langOK := 0, 0
	for _, r := range reports {
		a := r.answers()
		got := Tag(a)
		gotG := [nGroups][]string{got.Cause, got.Impact, got.Response, got.Prevention}
		for g := range nGroups {
			want := r.Tags[groupNames[g]]
			missing, extra := groups[g].add(gotG[g], want)
			all.add(gotG[g], want)
			if len(missing)+len(extra) > 0 {
				t.Logf("%s %s: missing %v, extra %v", r.File, groupNames[g], missing, extra)
			}
		}
		days, ok := DowntimeOf(a)
		switch {
		case r.Downtime == nil && !ok:
			downOK++
		case r.Downtime != nil && ok && math.Abs(days-*r.Downtime) <= 0.5:
			downOK++
		default:
			want := "null"
			if r.Downtime != nil {
				want = strings.TrimRight(strings.TrimRight(jsonNumber(*r.Downtime), "0"), ".")
			}
			t.Logf("%s downtime: got %v (%v), want %s", r.File, days, ok, want)
		}
		text := strings.TrimSpace(strings.Join(a[:], "\n"))
		if text == "" || Language(text) == r.Language {
			langOK++
		} else {
			t.Logf("%s language: got %q, want %q", r.File, Language(text), r.Language)
		}
	}
	for g := range nGroups {
		f := groups[g].f1()
		t.Logf("%s tags %-10s F1 %.3f (tp %d fp %d fn %d)", set.name, groupNames[g], f, groups[g].tp, groups[g].fp, groups[g].fn)
		if f < set.minGroupF1[g] {
			t.Errorf("%s tags %s F1 %.3f < %.2f", set.name, groupNames[g], f, set.minGroupF1[g])
		}
	}
	t.Logf("%s tags overall    F1 %.3f", set.name, all.f1())
	if all.f1() < set.minOverall {
		t.Errorf("%s tags overall F1 %.3f < %.2f", set.name, all.f1(), set.minOverall)
	}
	dr := float64(downOK) / float64(len(reports))
	t.Logf("%s downtime %d/%d = %.3f", set.name, downOK, len(reports), dr)
	if dr < set.minDown {
		t.Errorf("%s downtime accuracy %.3f < %.2f", set.name, dr, set.minDown)
	}
	lr := float64(langOK) / float64(len(reports))
	t.Logf("%s language %d/%d", set.name, langOK, len(reports))
	if lr < set.minLang {
		t.Errorf("%s language accuracy %.3f < %.2f", set.name, lr, set.minLang)
	}
}

func jsonNumber(f float64) string {
	b, _ := json.Marshal(f)
	return string(b) + ".0"
}
