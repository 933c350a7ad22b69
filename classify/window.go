package classify

import (
	"cmp"
	"slices"
	"sort"
)

// Every rule that relates two places of a text (a cue negating a mention,
// a statement sparing a list of systems, a filler before a duration) looks
// only a few words away. Reading every cue of the text for every mention
// made a long text cost the square of its length; a spans index finds the
// cues inside the window by binary search, so the cost follows the window.

// spans indexes rule hits by their first and by their last token.
type spans struct {
	byFrom, byTo []ruleHit
	maxLen       int32 // the longest to-from, for covering queries
	steps        *int  // work counter of the doc, for the scaling test
}

func cmpFrom(a, b ruleHit) int { return cmp.Compare(a.from, b.from) }
func cmpTo(a, b ruleHit) int   { return cmp.Compare(a.to, b.to) }

// indexSpans indexes hs. Hits come in text order, so the sorts are usually
// checks that copy nothing.
func indexSpans(d *doc, hs []ruleHit) spans {
	s := spans{byFrom: hs, byTo: hs, steps: &d.steps}
	if !slices.IsSortedFunc(hs, cmpFrom) {
		s.byFrom = slices.Clone(hs)
		slices.SortStableFunc(s.byFrom, cmpFrom)
	}
	if !slices.IsSortedFunc(hs, cmpTo) {
		s.byTo = slices.Clone(hs)
		slices.SortStableFunc(s.byTo, cmpTo)
	}
	for _, h := range hs {
		s.maxLen = max(s.maxLen, h.to-h.from)
	}
	return s
}

// startingIn says whether f holds for a hit whose first token is in
// [lo, hi].
func (s *spans) startingIn(lo, hi int32, f func(ruleHit) bool) bool {
	return s != nil && s.any(s.byFrom, func(h ruleHit) int32 { return h.from }, lo, hi, f)
}

// endingIn says whether f holds for a hit whose last token is in [lo, hi].
func (s *spans) endingIn(lo, hi int32, f func(ruleHit) bool) bool {
	return s != nil && s.any(s.byTo, func(h ruleHit) int32 { return h.to }, lo, hi, f)
}

// any says whether f holds for a hit of hs, sorted by pos, with pos in
// [lo, hi].
func (s *spans) any(hs []ruleHit, pos func(ruleHit) int32, lo, hi int32, f func(ruleHit) bool) bool {
	i := sort.Search(len(hs), func(i int) bool { return pos(hs[i]) >= lo })
	for ; i < len(hs) && pos(hs[i]) <= hi; i++ {
		*s.steps++
		if f(hs[i]) {
			return true
		}
	}
	return false
}

// covers says whether a hit spans tokens [from, to].
func (s *spans) covers(from, to int32) bool {
	return s.startingIn(from-s.maxLen, from, func(b ruleHit) bool { return b.to >= to })
}
