package mailparse

import (
	"maps"
	"slices"
	"testing"
)

// TestWordListsFolded proves that every entry of the word lists looked up
// with folded text is itself folded: text is lower-cased and stripped of
// accents before the look-up, so an entry such as "été" or "für" could
// never match. A list compared with folded text belongs here.
func TestWordListsFolded(t *testing.T) {
	set := func(m map[string]bool) []string { return slices.Collect(maps.Keys(m)) }
	lists := map[string][]string{
		"stopwords":          set(stopwords),
		"endFirstWords":      set(endFirstWords),
		"mobileWords":        set(mobileWords),
		"disclaimWords":      set(disclaimWords),
		"contactFirstWords":  set(contactFirstWords),
		"titleWords":         set(titleWords),
		"joinWords":          set(joinWords),
		"functionWords":      set(functionWords),
		"possessives":        set(possessives),
		"forwardPrefixes":    set(forwardPrefixes),
		"replyPrefixes":      set(replyPrefixes),
		"fromKeys":           set(fromKeys),
		"dateKeys":           set(dateKeys),
		"subjectKeys":        set(subjectKeys),
		"autoPrefixes":       autoPrefixes,
		"bouncePrefixes":     bouncePrefixes,
		"conventionWords":    conventionWords,
		"placeholderAnswers": placeholderAnswers,
		"replyNames":         replyNames,
		"forwardNames":       forwardNames,
		"forwardIntros":      forwardIntros,
		"docWords":           set(docWords),
		"docSuffixes":        docSuffixes,
		"docQualifiers":      set(docQualifiers),
	}
	for w, next := range endSecondWords {
		lists["endSecondWords"] = append(lists["endSecondWords"], w)
		lists["endSecondWords"] = append(lists["endSecondWords"], set(next)...)
	}
	for q := range questionVocab {
		for _, s := range questionVocab[q] {
			lists["questionVocab"] = append(lists["questionVocab"], s.prefix)
		}
		lists["answerVocab"] = append(lists["answerVocab"], answerVocab[q]...)
	}
	for name, l := range lists {
		t.Run(name, func(t *testing.T) {
			if len(l) == 0 {
				t.Fatal("empty list")
			}
			for _, w := range l {
				if f := fold(w); f != w {
					t.Errorf("%s entry %q can never match: folded text has %q", name, w, f)
				}
			}
		})
	}
}
