package classify

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// tagCase is one line of testdata/classify/tags.tsv.
type tagCase struct {
	group      string
	text       string
	want, deny []string
}

func loadTagCases(t *testing.T) []tagCase {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "classify", "tags.tsv"))
	if err != nil {
		t.Fatalf("open tag cases: %v", err)
	}
	defer f.Close()
	var cases []tagCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		p := strings.Split(line, "\t")
		if len(p) != 3 {
			t.Fatalf("tags.tsv:%d: want 3 tab-separated fields, got %d", n, len(p))
		}
		c := tagCase{group: p[0], text: p[1]}
		for _, e := range strings.Split(p[2], ",") {
			switch {
			case strings.HasPrefix(e, "+"):
				c.want = append(c.want, e[1:])
			case strings.HasPrefix(e, "-"):
				c.deny = append(c.deny, e[1:])
			default:
				t.Fatalf("tags.tsv:%d: expectation %q lacks + or -", n, e)
			}
		}
		cases = append(cases, c)
	}
	return cases
}

// answersFor puts text under the question that group reads.
func answersFor(group, text string) Answers {
	var a Answers
	a[slices.Index(groupNames[:], group)] = text
	return a
}

func groupOf(tags Tags, group string) []string {
	switch group {
	case "cause":
		return tags.Cause
	case "impact":
		return tags.Impact
	case "response":
		return tags.Response
	}
	return tags.Prevention
}

func TestTagHeldOut(t *testing.T) {
	for _, c := range loadTagCases(t) {
		t.Run(c.group+"/"+c.text, func(t *testing.T) {
			got := groupOf(Tag(answersFor(c.group, c.text)), c.group)
			for _, w := range c.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %s; got %v", w, got)
				}
			}
			for _, d := range c.deny {
				if slices.Contains(got, d) {
					t.Errorf("unexpected %s; got %v", d, got)
				}
			}
		})
	}
}

func TestTagShape(t *testing.T) {
	for _, a := range []Answers{{}, {"néant", "n.v.t.", "N/A", "/", ""}} {
		tags := Tag(a)
		for _, g := range [][]string{tags.Cause, tags.Impact, tags.Response, tags.Prevention} {
			if g == nil || len(g) != 0 {
				t.Errorf("Tag(%q) = %+v, want empty non-nil lists", a, tags)
			}
		}
	}
	// "Néant" to the impact question means nothing was hit.
	if got := Tag(Answers{"", "Néant."}); !slices.Equal(got.Impact, []string{"none"}) {
		t.Errorf("impact of 'Néant.' = %v, want [none]", got.Impact)
	}
	// Sorted, without duplicates, only labels of the group.
	tags := Tag(Answers{"phishing, ransomware, phishing again and ransomware", "", "", "MFA, MFA, EDR, backup", ""})
	if !slices.Equal(tags.Cause, []string{"phishing", "ransomware"}) {
		t.Errorf("cause = %v", tags.Cause)
	}
	if !slices.Equal(tags.Prevention, []string{"backup", "edr", "mfa"}) {
		t.Errorf("prevention = %v", tags.Prevention)
	}
	for _, g := range groupNames {
		if len(Labels(g)) == 0 {
			t.Errorf("no labels for group %s", g)
		}
	}
}

func TestTagUnsplitProse(t *testing.T) {
	prose := "We were hit by ransomware after a phishing e-mail was opened at reception. " +
		"The LIS was down for two days and results could not be sent to the GPs. " +
		"We worked on paper and restored the servers from our backups with help from the vendor. " +
		"Since then we have rolled out MFA and trained all staff on phishing."
	got := Tag(Answers{prose})
	want := Tags{
		Cause:      []string{"phishing", "ransomware"},
		Impact:     []string{"lis", "results"},
		Response:   []string{"backup_restore", "external_help", "paper"},
		Prevention: []string{"mfa", "training"},
	}
	for _, g := range groupNames {
		if !slices.Equal(groupOf(got, g), groupOf(want, g)) {
			t.Errorf("%s = %v, want %v", g, groupOf(got, g), groupOf(want, g))
		}
	}
	// A short lone answer stays in its own group.
	if got := Tag(Answers{"Phishing; the LIS was down."}); len(got.Impact) != 0 {
		t.Errorf("short lone answer tagged impact %v", got.Impact)
	}
}

// TestCueLabels checks that each named cue reads its own label's hits.
func TestCueLabels(t *testing.T) {
	v := loadVocab()
	for c := range nCues {
		if got := v.m.labels[v.cue[c]]; got != cueLabels[c] {
			t.Errorf("cue %d reads label %q, want %q", c, got, cueLabels[c])
		}
	}
}
