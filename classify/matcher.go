package classify

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// A vocabulary is compiled once into an Aho-Corasick automaton over the
// normalised text, so one pass over a reply finds every vocabulary word at
// once, whatever the number of labels and languages.
//
// Pattern syntax (after folding, see normPattern):
//
//	word      the whole word            "sil", "lis", "vpn"
//	word*     a word starting so        "chiffr*", "versleutel*"
//	*word*    inside a word             "*segment*" (netwerksegmentatie)
//	*word     a word ending so          "*aanval"
//	a|b*      one slot, alternatives    "mot*|mots"
//	a b       consecutive words         "plan degrade*"
//	p & q     both phrases in one clause, any order, at most conjWindow
//	          words apart: "mot* de passe & chang*"
//	=...      the rule states a negation itself: no negation check
//	~...      the parts must also share a comma segment

type slot []int32 // atom ids, any of which fills the slot

type phrase []slot

// rule is a conjunction of parts that must all occur in one clause; a part
// is satisfied by any of its alternative phrases.
type rule struct {
	parts [][]int32 // phrase ids
	label int32     // index into the owning matcher's labels
	plain bool      // pattern began with "=": it states a negation itself
	tight bool      // pattern began with "~": parts within one comma segment
}

// hit is one match of a phrase: tokens [from, to].
type hit struct{ phrase, from, to int32 }

// matcher is a compiled vocabulary.
type matcher struct {
	labels  []string
	rules   []rule
	phrases []phrase
	byFirst [][]int32 // atom id -> phrases whose first slot holds it
	ruleOf  []int32   // phrase id -> rule whose first phrase it is, or -1
	ac      automaton
	atomIDs map[string]int32
}

func newMatcher() *matcher { return &matcher{atomIDs: map[string]int32{}} }

// add compiles the patterns of label. A malformed pattern is a bug in the
// package's own vocabulary, so it panics at init with the pattern named.
func (m *matcher) add(label string, patterns ...string) {
	li := int32(-1)
	for i, l := range m.labels {
		if l == label {
			li = int32(i)
		}
	}
	if li < 0 {
		li = int32(len(m.labels))
		m.labels = append(m.labels, label)
	}
	for _, p := range patterns {
		r := rule{label: li}
		for strings.HasPrefix(p, "=") || strings.HasPrefix(p, "~") {
			r.plain = r.plain || p[0] == '='
			r.tight = r.tight || p[0] == '~'
			p = p[1:]
		}
		for _, part := range strings.Split(normPattern(p), "&") {
			var alts []int32
			for _, ph := range m.parsePart(part, p, label) {
				alts = append(alts, int32(len(m.phrases)))
				m.phrases = append(m.phrases, ph)
			}
			r.parts = append(r.parts, alts)
		}
		m.rules = append(m.rules, r)
	}
}

// parsePart reads "a b|c (d|e) f": alternatives split at top-level bars,
// words split at spaces, a parenthesised group being one slot. When every
// alternative is one word they become a single one-slot phrase.
func (m *matcher) parsePart(part, pattern, label string) []phrase {
	var alts []string
	depth, from := 0, 0
	for i, c := range part {
		switch c {
		case '(':
			depth++
		case ')':
			depth--
		case '|':
			if depth == 0 {
				alts = append(alts, part[from:i])
				from = i + 1
			}
		}
	}
	alts = append(alts, part[from:])
	var out []phrase
	single := true
	for _, alt := range alts {
		var ph phrase
		for _, w := range strings.Fields(alt) {
			if strings.Count(w, "(") != strings.Count(w, ")") {
				// "(a b|c)" would silently make a phrase of broken slots.
				panic(fmt.Sprintf("classify: several words inside parentheses in pattern %q of %s", pattern, label))
			}
			var sl slot
			for _, a := range strings.Split(strings.Trim(w, "()"), "|") {
				if strings.Trim(a, "*") == "" {
					panic(fmt.Sprintf("classify: empty word in pattern %q of %s", pattern, label))
				}
				sl = append(sl, m.atom(a))
			}
			ph = append(ph, sl)
		}
		if len(ph) == 0 {
			panic(fmt.Sprintf("classify: empty alternative in pattern %q of %s", pattern, label))
		}
		if len(ph) > 1 {
			single = false
		}
		out = append(out, ph)
	}
	if single && len(out) > 1 {
		var sl slot
		for _, ph := range out {
			sl = append(sl, ph[0]...)
		}
		return []phrase{{sl}}
	}
	return out
}

// atom returns the id of an atom written as word, word*, *word* or *word.
func (m *matcher) atom(s string) int32 {
	if id, ok := m.atomIDs[s]; ok {
		return id
	}
	id := int32(len(m.atomIDs))
	m.atomIDs[s] = id
	return id
}

// compile builds the automaton and the phrase index once all labels are in.
func (m *matcher) compile() {
	keys := make([]string, len(m.atomIDs))
	for s, id := range m.atomIDs {
		pre, suf := strings.HasPrefix(s, "*"), strings.HasSuffix(s, "*")
		w := strings.Trim(s, "*")
		switch {
		case pre && suf:
			keys[id] = w
		case suf:
			keys[id] = " " + w
		case pre:
			keys[id] = w + " "
		default:
			keys[id] = " " + w + " "
		}
	}
	m.ac = buildAutomaton(keys)
	m.byFirst = make([][]int32, len(keys))
	m.ruleOf = make([]int32, len(m.phrases))
	for i := range m.ruleOf {
		m.ruleOf[i] = -1
	}
	for ri, r := range m.rules {
		for _, p := range r.parts[0] {
			m.ruleOf[p] = int32(ri)
		}
	}
	for pi, ph := range m.phrases {
		for _, a := range ph[0] {
			m.byFirst[a] = append(m.byFirst[a], int32(pi))
		}
	}
}

// atomHits lists, per token, the atoms found in it.
type atomHits struct {
	start []int32 // start[t]..start[t+1] indexes atoms
	atoms []int32
}

func (h *atomHits) of(t int) []int32 { return h.atoms[h.start[t]:h.start[t+1]] }

func (h *atomHits) has(t int, a int32) bool {
	for _, x := range h.of(t) {
		if x == a {
			return true
		}
	}
	return false
}

// scan finds all atoms in d, then all phrase hits.
func (m *matcher) scan(d *doc) []hit {
	type at struct{ tok, atom int32 }
	found := make([]at, 0, len(d.toks)/2+8)
	hint := 0
	m.ac.run(d.norm, func(end int, key int32) {
		k := m.ac.keyLen[key]
		start := end - int(k) + 1
		if d.norm[start] == ' ' {
			start++
		}
		if start >= len(d.norm) {
			return
		}
		t := d.tokenAt(start, hint)
		if t < 0 {
			return
		}
		hint = t
		found = append(found, at{int32(t), key})
	})
	if len(found) == 0 {
		return nil
	}
	// Group by token (found is in order of match end, nearly sorted by token).
	h := atomHits{start: make([]int32, len(d.toks)+1), atoms: make([]int32, len(found))}
	for _, f := range found {
		h.start[f.tok+1]++
	}
	for i := 1; i < len(h.start); i++ {
		h.start[i] += h.start[i-1]
	}
	// Counting sort: place each atom at its token's cursor, then shift the
	// cursors back to the starts.
	for _, f := range found {
		h.atoms[h.start[f.tok]] = f.atom
		h.start[f.tok]++
	}
	copy(h.start[1:], h.start[:len(h.start)-1])
	h.start[0] = 0
	var hits []hit
	for t := range d.toks {
		for _, a := range h.of(t) {
			for _, pi := range m.byFirst[a] {
				ph := m.phrases[pi]
				if end, ok := matchPhrase(&h, d, ph, t); ok {
					hits = append(hits, hit{pi, int32(t), int32(end)})
				}
			}
		}
	}
	return hits
}

// matchPhrase checks the slots of ph after the first one from token t on.
// Consecutive words must be in the same clause.
func matchPhrase(h *atomHits, d *doc, ph phrase, t int) (int, bool) {
	for k := 1; k < len(ph); k++ {
		u := t + k
		if u >= len(d.toks) || d.toks[u].clause != d.toks[t].clause {
			return 0, false
		}
		ok := false
		for _, a := range ph[k] {
			if h.has(u, a) {
				ok = true
				break
			}
		}
		if !ok {
			return 0, false
		}
	}
	return t + len(ph) - 1, true
}

// conjWindow is how far apart, in words, the parts of a "p & q" rule may
// be: in one clause, and close, so that a long list of items separated by
// commas does not pair words of different items.
const conjWindow = 12

// ruleHit is a rule satisfied in one clause; its span covers the phrases
// that satisfied it, and negation is checked around that span.
type ruleHit struct {
	label    int32
	from, to int32
	plain    bool
}

// match evaluates the rules over the phrase hits of d. Hits come in text
// order, so the other parts of a rule are looked for among the hits within
// conjWindow of its first phrase, found by binary search, rather than among
// all the hits of the text.
func (m *matcher) match(d *doc) []ruleHit {
	hits := m.scan(d)
	if len(hits) == 0 {
		return nil
	}
	var out []ruleHit
	for _, x := range hits {
		ri := m.ruleOf[x.phrase]
		if ri < 0 {
			continue
		}
		r := m.rules[ri]
		c := d.toks[x.from].clause
		from, to := x.from, x.to
		ok := true
		near := -1 // index of the first hit within conjWindow before x
		for _, part := range r.parts[1:] {
			if near < 0 {
				near = sort.Search(len(hits), func(i int) bool { return hits[i].from >= x.from-conjWindow })
			}
			found := false
			for _, y := range hits[near:] {
				d.steps++
				if y.from > x.from+conjWindow {
					break
				}
				if d.toks[y.from].clause == c && slices.Contains(part, y.phrase) &&
					(!r.tight || d.toks[y.from].seg == d.toks[x.from].seg) {
					found = true
					from, to = min(from, y.from), max(to, y.to)
					break
				}
			}
			if !found {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, ruleHit{r.label, from, to, r.plain})
		}
	}
	return out
}
