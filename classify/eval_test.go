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
	b, err := os.ReadFile(filepath.Join("..", "testdata", "corpus", "truth.json"))
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

// Thresholds the corpus figures must not fall below. They sit just under
// what the vocabularies reach, so that a change that loses labels shows.
// Measured when they were set: cause 0.970, impact 0.977, response 1.0,
// prevention 1.0, overall 0.990, downtime 37/37, language 37/37.
const (
	minGroupF1    = 0.95
	minOverallF1  = 0.97
	minDowntime   = 0.97 // share of reports within the scorer's ±0.5 day
	minLangReport = 1.0  // language of the concatenated answers
)

// TestCorpusEvaluation measures tags, downtime and language against the
// truth of the sample replies. Run with -v to see the figures and misses.
func TestCorpusEvaluation(t *testing.T) {
	reports := loadTruth(t)
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
		days, ok := Downtime(strings.Join(a[:], "\n"))
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
		t.Logf("tags %-10s F1 %.3f (tp %d fp %d fn %d)", groupNames[g], f, groups[g].tp, groups[g].fp, groups[g].fn)
		if f < minGroupF1 {
			t.Errorf("tags %s F1 %.3f < %.2f", groupNames[g], f, minGroupF1)
		}
	}
	t.Logf("tags overall    F1 %.3f", all.f1())
	if all.f1() < minOverallF1 {
		t.Errorf("tags overall F1 %.3f < %.2f", all.f1(), minOverallF1)
	}
	dr := float64(downOK) / float64(len(reports))
	t.Logf("downtime %d/%d = %.3f", downOK, len(reports), dr)
	if dr < minDowntime {
		t.Errorf("downtime accuracy %.3f < %.2f", dr, minDowntime)
	}
	lr := float64(langOK) / float64(len(reports))
	t.Logf("language %d/%d", langOK, len(reports))
	if lr < minLangReport {
		t.Errorf("language accuracy %.3f < %.2f", lr, minLangReport)
	}
}

func jsonNumber(f float64) string {
	b, _ := json.Marshal(f)
	return string(b) + ".0"
}
