package classify

import (
	"slices"
	"strings"
)

// Evidence is why a report carries a label: the words of its answer that
// the label's vocabulary matched, as matched (lower case, accents folded).
type Evidence struct {
	Group string   `json:"group"`
	Label string   `json:"label"`
	Words []string `json:"words"` // empty when no single phrase gave it
}

// Explain says, for every label Tag gives a, which words of the answer it
// was read from (the answer of the label's group, or the whole text of a
// reply Tag read as unsplit prose), so a person can judge a tag. A phrase
// the label's vocabulary matches counts even where negation cancelled it,
// as long as another mention kept the label; "none" of impact shows the
// answer that said so.
func Explain(a Answers) []Evidence {
	tags := Tag(a)
	v := loadVocab()
	var texts [nGroups]string
	if t, ok := unsplit(a); ok {
		texts = [nGroups]string{t, t, t, t}
	} else {
		copy(texts[:], a[:nGroups])
	}
	var out []Evidence
	for g, labels := range [nGroups][]string{tags.Cause, tags.Impact, tags.Response, tags.Prevention} {
		if len(labels) == 0 {
			continue
		}
		d := newDoc(texts[g])
		hits := v.m.match(d)
		for _, l := range labels {
			e := Evidence{Group: groupNames[g], Label: l, Words: []string{}}
			for _, h := range hits {
				if v.group[h.label] != int8(g) || v.name[h.label] != l {
					continue
				}
				w := d.norm[d.toks[h.from].start:d.toks[h.to].end]
				if !slices.Contains(e.Words, w) {
					e.Words = append(e.Words, w)
				}
			}
			if len(e.Words) == 0 && l == "none" {
				e.Words = append(e.Words, strings.TrimSpace(texts[g]))
			}
			out = append(out, e)
		}
	}
	return out
}
