package classify

import (
	"slices"
	"strings"
	"sync"
)

// How a label's mentions are read.
type mode uint8

const (
	// modeEvent: the words name something that happened ("phishing",
	// "exfiltration", "MFA"); a negation just before or after in the same
	// clause ("pas de fuite de données", "fand nicht statt") cancels it.
	modeEvent mode = iota
	// modeObject: the words name a system (LIS, analysers, e-mail). For
	// impact, "pas de connexion avec le SIL" says the LIS was hit, so plain
	// negation means nothing; only a clause saying the system was not
	// affected ("le SIL n'a pas été touché", "bleven normaal werken")
	// cancels that mention; another mention elsewhere still counts.
	modeObject
	// modeStated: the pattern itself states the negation ("aucun impact").
	modeStated
)

// Cues are the special labels of the shared matcher: negation cues before
// and after a mention, and statements that a system kept working. They are
// named, not numbered: code reads cues[cueLure], never cues[4].
type cue uint8

const (
	cueBefore cue = iota
	cueAfter
	cueUnaffected
	cueDepends   // "X ne dépend pas de Y": X is unaffected, Y not
	cueLure      // "a fake invoice from a supplier"
	cueSpares    // "geen impact op" the systems named next
	cueLink      // "ein gemeinsames VPN": a partner link
	cueSrcBefore // "le rapport du prestataire"
	cueSrcAfter  // "the provider's forensic report"
	nCues
)

// cueLabels are the cues' labels in the matcher ("!" is no group digit).
var cueLabels = [nCues]string{
	cueBefore: "!before", cueAfter: "!after", cueUnaffected: "!unaffected", cueDepends: "!depends", cueLure: "!lure",
	cueSpares: "!spares", cueLink: "!link", cueSrcBefore: "!srcb", cueSrcAfter: "!srca",
}

// lures are what a phishing mail pretends to be; a supplier named as its
// sender is not the way in.
var lures = []string{
	"facture|factuur|rechnung|invoice|zogezegd|angeblich|pretendu*|soi disant|supposedly|allegedly",
	// "se faisant passer pour un fournisseur", "posing as a supplier"
	"se faisant passer|se faisait passer|se fait passer|se presentant comme|zich als|zich voordeed|zich voordoet|zich voordoend|deed zich voor|sich als|gab sich|posing as|pretending to be|purporting to be|masquerading as",
}

// Windows, in words, within which a cue negates a mention. Measures are
// often stated as double negations ("no remote access without a VPN with
// MFA"), so prevention only honours a cue right before the measure.
const (
	negBefore           = 4
	negBeforePrevention = 2
	negAfter            = 6
)

// group is one of the four tag groups of CONTRACT.md.
type group int

const (
	gCause group = iota
	gImpact
	gResponse
	gPrevention
	nGroups
)

var groupNames = [nGroups]string{"cause", "impact", "response", "prevention"}

// vocabulary is the compiled matcher for all groups, with per-label data.
type vocabulary struct {
	m      *matcher
	group  []int8 // label id -> group, -1 for cues
	mode   []mode
	name   []string
	cue    [nCues]int32 // label ids of the cues
	labels [nGroups][]string
}

var (
	vocabOnce sync.Once
	vocab     *vocabulary
)

func loadVocab() *vocabulary {
	vocabOnce.Do(func() { vocab = buildVocab() })
	return vocab
}

// entry is one label's vocabulary in all four languages.
type entry struct {
	group    group
	label    string
	mode     mode
	patterns []string
}

func buildVocab() *vocabulary {
	m := newMatcher()
	var entries []entry
	entries = append(entries, causeVocab...)
	entries = append(entries, impactVocab...)
	entries = append(entries, responseVocab...)
	entries = append(entries, preventionVocab...)
	cueWords := [nCues][]string{
		cueBefore: negationBefore, cueAfter: negationAfter, cueUnaffected: unaffected, cueDepends: depends, cueLure: lures,
		cueSpares: spares, cueLink: links, cueSrcBefore: sourcesBefore, cueSrcAfter: sourcesAfter,
	}
	for c, words := range cueWords {
		m.add(cueLabels[c], words...)
	}
	for _, e := range entries {
		m.add(string(rune('0'+e.group))+e.label, e.patterns...)
	}
	m.compile()
	v := &vocabulary{m: m}
	v.group = make([]int8, len(m.labels))
	v.mode = make([]mode, len(m.labels))
	v.name = make([]string, len(m.labels))
	for i, l := range m.labels {
		if c := slices.Index(cueLabels[:], l); c >= 0 {
			v.group[i] = -1
			v.cue[c] = int32(i)
			continue
		}
		v.group[i] = int8(l[0] - '0')
		v.name[i] = l[1:]
	}
	for _, e := range entries {
		i := slices.Index(m.labels, string(rune('0'+e.group))+e.label)
		v.mode[i] = e.mode
		if !slices.Contains(v.labels[e.group], e.label) {
			v.labels[e.group] = append(v.labels[e.group], e.label)
		}
	}
	return v
}

// mention is a label said, not negated, in a sentence.
type mention struct{ label, sent int32 }

// found is what one text says: the labels mentioned and not negated, once
// per sentence.
func (v *vocabulary) found(text string) []mention {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	return v.foundIn(newDoc(text))
}

func (v *vocabulary) foundIn(d *doc) []mention {
	hits := v.m.match(d)
	if len(hits) == 0 {
		return nil
	}
	var raw [nCues][]ruleHit
	for _, h := range hits {
		if v.group[h.label] < 0 {
			c := slices.Index(v.cue[:], h.label)
			raw[c] = append(raw[c], h)
		}
	}
	var cues [nCues]spans
	for c := range raw {
		cues[c] = indexSpans(d, raw[c])
	}
	// System names, for reading lists of them; labels said to be spared.
	var sysHits []ruleHit
	for _, h := range hits {
		if v.group[h.label] >= 0 && v.mode[h.label] == modeObject {
			sysHits = append(sysHits, h)
		}
	}
	sys := indexSpans(d, sysHits)
	// Systems said to be spared somewhere in the text.
	var spared []int32
	for _, h := range sysHits {
		if !h.plain && !slices.Contains(spared, h.label) && unaffectedHit(d, h, &cues, &sys) {
			spared = append(spared, h.label)
		}
	}
	// Made once, when first needed: cues[cueAfter] without those stating a
	// weakness, the data_breach mentions, and per clause whether it says
	// something failed (see clauseFailed).
	var causeAfter, breaches spans
	causeAfterDone, breachesDone := false, false
	var failed []int8
	var failedBuf [64]int8
	var out []mention
	sentFrom, unordered := 0, false // out[sentFrom:] are the mentions of the current sentence
	keep := func(h ruleHit) {
		m := mention{h.label, d.toks[h.from].sent}
		// Hits come in text order, so a repeated mention can only be
		// among those of its own sentence.
		if len(out) > 0 && out[len(out)-1].sent != m.sent {
			unordered = unordered || out[len(out)-1].sent > m.sent
			sentFrom = len(out)
		}
		if unordered {
			sentFrom = 0
		}
		for _, o := range out[sentFrom:] {
			d.steps++
			if o == m {
				return
			}
		}
		out = append(out, m)
	}
	for _, h := range hits {
		if v.group[h.label] < 0 {
			continue
		}
		switch {
		case h.plain || v.mode[h.label] == modeStated:
			keep(h)
		case v.mode[h.label] == modeObject:
			// Once a system is said to be spared, its other mentions are
			// circumstances ("les automates ont continué à fonctionner
			// ... les résultats étaient imprimés depuis les automates"),
			// unless their own clause says something failed: "the portal
			// was offline ... the HL7 link kept working" leaves results.
			// A mailbox that was read or copied is data taken, not mail
			// out of use: "de inhoud van één mailbox werd gekopieerd".
			if v.name[h.label] == "email" {
				if !breachesDone {
					var bs []ruleHit
					for _, b := range hits {
						if v.group[b.label] == int8(gImpact) && v.name[b.label] == "data_breach" {
							bs = append(bs, b)
						}
					}
					breaches, breachesDone = indexSpans(d, bs), true
				}
				if insideBreach(&breaches, h) || attackMail(d.word(int(h.from))) || attackBefore(d, int(h.from)) {
					continue
				}
			}
			if !slices.Contains(spared, h.label) {
				keep(h)
				continue
			}
			if failed == nil {
				failed = failedBuf[:0]
				if int(d.clause) >= len(failedBuf) {
					failed = make([]int8, 0, d.clause+1)
				}
				failed = failed[:d.clause+1]
			}
			if !unaffectedHit(d, h, &cues, &sys) && clauseFailed(d, h, &cues[cueBefore], failed) {
				keep(h)
			}
		default:
			win := negBefore
			if v.group[h.label] == int8(gPrevention) {
				win = negBeforePrevention
			}
			after := &cues[cueAfter]
			if v.group[h.label] == int8(gCause) {
				if !causeAfterDone {
					causeAfter, causeAfterDone = indexSpans(d, weaknessFree(d, raw[cueAfter])), true
				}
				after = &causeAfter
			}
			if !negated(d, h, win, &cues[cueBefore], after) && !v.aside(d, h, &cues) {
				keep(h)
			}
		}
	}
	return out
}

// attackMail tells a compound naming the attack's mail, not the mail
// system: "phishingmail", "spammails", "nepmail" ("*mail" otherwise reads
// "ziekenhuismail", "labomail" as the mail system).
func attackMail(w string) bool {
	if len(w) <= 5 || !strings.HasSuffix(w, "mail") && !strings.HasSuffix(w, "mails") {
		return false
	}
	for _, p := range [...]string{"phishing", "spam", "nep", "fake", "fraude", "betrug", "scam", "spoof", "malware", "virus"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// attackBefore tells a mail mention at token t with an attack adjective
// before it, "e" of "e-mail" skipped.
func attackBefore(d *doc, t int) bool {
	t--
	if t >= 0 && d.word(t) == "e" {
		t--
	}
	return t >= 0 && attackAdjective(d.word(t))
}

// attackAdjective tells a word that makes the mail after it the attack's
// ("phishing e-mail", "valse mail", "gefälschte E-Mail").
func attackAdjective(w string) bool {
	switch w {
	case "phishing", "spam", "nep", "fake", "faux", "fausse", "valse", "gefalschte", "gefalschten", "malicious", "kwaadaardige", "frauduleuze", "fraudulent", "betrugerische", "betrugerischen":
		return true
	}
	return false
}

// Tag returns the taxonomy labels for a report's answers: causes from a),
// impact from b), response from c), prevention from d). Each group reads
// its own answer, since labs answer the questions in order and a word like
// "VPN" means a cause in a), an impact in b) and a measure in d).
//
// One exception: when a long text is the only answer among a) to d), the
// reply was prose that could not be split into answers, and every group
// reads that text.
func Tag(a Answers) Tags {
	if t, ok := unsplit(a); ok {
		return TagText(t)
	}
	v := loadVocab()
	var res [nGroups][]string
	for g := range nGroups {
		for _, m := range v.found(a[g]) {
			if v.group[m.label] == int8(g) {
				res[g] = append(res[g], v.name[m.label])
			}
		}
	}
	if saysNothing(a[gImpact]) {
		res[gImpact] = append(res[gImpact], "none")
	}
	return finish(res)
}

// saysNothing reports an answer that is only "nothing": to "which
// activities were hit", "néant" means none were. "N/A", "n.v.t." and "/"
// say the question does not apply and stay without a label.
func saysNothing(answer string) bool {
	if len(answer) > 40 {
		return false
	}
	d := newDoc(answer)
	if len(d.toks) == 0 || len(d.toks) > 2 {
		return false
	}
	switch strings.TrimSpace(d.norm) {
	case "neant", "rien", "aucun", "aucune", "nihil", "niets", "geen", "geen enkele", "nichts", "keine", "keins",
		"none", "nothing", "no", "non", "nee", "nein":
		return true
	}
	return false
}

// proseWords is the length from which a lone answer is taken for prose.
const proseWords = 40

// unsplit returns the only non-empty answer among a) to d) when it is long.
func unsplit(a Answers) (string, bool) {
	only := -1
	for i := range 4 {
		if strings.TrimSpace(a[i]) != "" {
			if only >= 0 {
				return "", false
			}
			only = i
		}
	}
	if only < 0 || len(strings.Fields(a[only])) < proseWords {
		return "", false
	}
	return a[only], true
}

// TagText tags unsectioned prose, for replies whose answers could not be
// told apart. Each sentence is taken as the answer to the question whose
// vocabulary it uses most ("restored from backups with the vendor's help"
// is a response, not a cause or a prevention), ties counting for all.
func TagText(text string) Tags {
	v := loadVocab()
	found := v.found(text)
	perSent := map[int32]*[nGroups]int{}
	for _, m := range found {
		c := perSent[m.sent]
		if c == nil {
			c = new([nGroups]int)
			perSent[m.sent] = c
		}
		c[v.group[m.label]]++
	}
	var res [nGroups][]string
	for _, m := range found {
		g := v.group[m.label]
		if c := perSent[m.sent]; c[g] == slices.Max(c[:]) {
			res[g] = append(res[g], v.name[m.label])
		}
	}
	return finish(res)
}

// finish applies the cross-label rules and sorts.
func finish(res [nGroups][]string) Tags {
	// "none" is an impact only when nothing else was hit.
	// (Several sentences may each say "none".)
	if slices.ContainsFunc(res[gImpact], func(s string) bool { return s != "none" }) {
		res[gImpact] = slices.DeleteFunc(res[gImpact], func(s string) bool { return s == "none" })
	}
	for g := range res {
		slices.Sort(res[g])
		res[g] = slices.Compact(res[g])
		if res[g] == nil {
			res[g] = []string{}
		}
	}
	return Tags{Cause: res[gCause], Impact: res[gImpact], Response: res[gResponse], Prevention: res[gPrevention]}
}

// Labels returns the taxonomy labels of group ("cause", "impact",
// "response", "prevention") that the vocabulary knows.
func Labels(groupName string) []string {
	v := loadVocab()
	for g, n := range groupNames {
		if n == groupName {
			return slices.Clone(v.labels[g])
		}
	}
	return nil
}
