package classify

import (
	"embed"
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The detector is a naive-Bayes model over character trigrams of words plus
// a bonus for function words. It knows only the four languages the labs
// write in, which is what makes a small model good enough: telling French,
// Dutch, German and English apart needs far less than telling 75 languages
// apart (lingua-go's default). The trigram profiles are learnt at first use
// from the short texts in langdata/, written for this package in plain lab
// and IT prose; the function-word lists carry short texts where trigrams
// alone are noisy. See the package README notes for the measurement that
// chose this over lingua-go and whatlanggo.

//go:embed langdata/*.txt
var langFS embed.FS

// Languages the detector can return, in tie-break order.
var languages = [...]string{"fr", "nl", "de", "en"}

const nLang = len(languages)

// minConfidence is the margin (in nats, between the best and second-best
// language) below which Detect's answer is not trusted by Language. One
// distinctive function word is worth about 2.5 nats, so a text needs a few
// words of evidence: "néant" or "N/A" alone stay "".
const minConfidence = 4.0

// stopwords are function words and very frequent words, by language. A word
// listed for two languages ("de", "in", "die") helps neither against the
// other, which is right.
var stopwords = [nLang]string{
	// fr
	`le la les l' un une des du de d' et est sont a ont été au aux ce cette ces
	 qui que qu' quoi dont où ne n' pas plus aucun aucune rien jamais sur dans par pour
	 avec sans sous entre vers chez nous vous ils elles il elle on notre nos votre vos
	 leur leurs son sa ses se s' c' j' je me m' mon ma mes y en ou mais donc car ni
	 très aussi déjà encore toujours tout tous toute toutes avons avez été étaient était
	 être avoir fait été par lors après avant depuis pendant puis ainsi comme si non oui
	 néant cependant également auprès jusqu' selon voir ci-dessous`,
	// nl
	`de het een en van in op is zijn was werd werden wordt worden niet geen met voor
	 door naar bij aan uit dat die dit deze wij we ons onze u uw zij ze hij zich er
	 ook nog al maar of dan als om te tot over onder tussen na sinds tijdens zonder
	 heeft hebben had hadden kan konden kon moet moesten zal zullen zou werd nooit
	 alle elke iedereen hier daar waar wanneer wie wat hoe omdat want dus zoals reeds
	 enkel alleen zelf vanaf gedurende hun hen mij mijn ik je jullie nvt toepassing
	 bijlage hieronder verder intussen daarna echter`,
	// de
	`der die das den dem des ein eine einen einem einer eines und ist sind war waren
	 wurde wurden wird werden nicht kein keine keinen mit für von vom zum zur im in
	 auf aus bei nach seit während ohne durch gegen über unter zwischen wir uns unser
	 unsere unseren ihr ihre ihren sie er es sich auch noch schon aber oder dann als
	 wenn weil dass daß so wie wo wer was hat haben hatte hatten kann konnte konnten
	 muss mussten soll alle jeder jede hier dort ich mich mein meine sehr nur bitte
	 siehe anbei danach jedoch bisher`,
	// en
	`the a an and of to in on is are was were be been being has have had not no
	 with for from by at as into about after before during since without through
	 we us our ours you your they them their he she it its this that these those
	 which who whom what where when how why also still already only all any some
	 each every but or so if then than there here will would can could should must
	 may might do does did done my me i please see below above attached yet nor
	 none n/a`,
}

type langModel struct {
	tri   map[uint64][nLang]float32 // log P(trigram | lang), key from triKey
	unk   [nLang]float32            // log P(unseen trigram | lang)
	stops map[string][nLang]bool
}

var (
	langOnce sync.Once
	model    *langModel
)

func loadModel() *langModel {
	langOnce.Do(func() { model = buildModel() })
	return model
}

func buildModel() *langModel {
	m := &langModel{tri: make(map[uint64][nLang]float32, 4096), stops: make(map[string][nLang]bool, 512)}
	counts := make(map[uint64]*[nLang]int, 4096)
	var totals [nLang]int
	for li, l := range languages {
		b, err := langFS.ReadFile("langdata/" + l + ".txt")
		if err != nil {
			panic("classify: missing embedded profile " + l) // a build defect, not input
		}
		for _, w := range langWords(string(b), nil) {
			eachTrigram(w, func(t uint64) {
				c := counts[t]
				if c == nil {
					c = new([nLang]int)
					counts[t] = c
				}
				c[li]++
				totals[li]++
			})
		}
		for _, w := range strings.Fields(stopwords[li]) {
			s := m.stops[w]
			s[li] = true
			m.stops[w] = s
		}
	}
	// Add-k smoothing over the shared vocabulary of trigrams.
	const k = 0.5
	v := float64(len(counts) + 1)
	for li := range languages {
		m.unk[li] = float32(math.Log(k / (float64(totals[li]) + k*v)))
	}
	for t, c := range counts {
		var p [nLang]float32
		for li := range languages {
			p[li] = float32(math.Log((float64(c[li]) + k) / (float64(totals[li]) + k*v)))
		}
		m.tri[t] = p
	}
	return m
}

// langWords splits text into lower-case words of letters, keeping French
// elisions as words of their own ("l'analyse" gives "l'" and "analyse")
// because they are a strong sign of French. The words share one lowered
// copy of text.
func langWords(text string, dst []string) []string {
	text = strings.ToLower(text)
	start := -1
	for i, r := range text {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			w := text[start:i]
			if (r == '\'' || r == '’') && utf8.RuneCountInString(w) <= 3 {
				if r == '\'' {
					w = text[start : i+1]
				} else {
					w += "'"
				}
			}
			dst = append(dst, w)
			start = -1
		}
	}
	if start >= 0 {
		dst = append(dst, text[start:])
	}
	return dst
}

// eachTrigram calls f for the character trigrams of " w ", so that word
// beginnings and endings count as features.
func eachTrigram(w string, f func(uint64)) {
	if strings.HasSuffix(w, "'") {
		return
	}
	var r0, r1 rune = -1, ' '
	for _, r := range w {
		if r0 >= 0 {
			f(triKey(r0, r1, r))
		}
		r0, r1 = r1, r
	}
	if r0 >= 0 {
		f(triKey(r0, r1, ' '))
	}
}

// triKey packs three runes into one map key.
func triKey(a, b, c rune) uint64 {
	return uint64(a)<<42 | uint64(b)<<21 | uint64(c)
}

// stopBonus is the log-likelihood weight of a function word.
const stopBonus = 2.5

// detect also counts the words of two letters or more, up to where it
// stopped reading: one word, however typical ("néant", "phishing"), is no
// evidence of the language of a reply.
func detect(text string) (lang string, confidence float64, words2 int) {
	m := loadModel()
	var score [nLang]float64
	words := make([]string, 0, 64)
	seen := 0
	// Read a chunk at a time: a long text is settled long before its end.
	for rest := text; rest != "" && !(seen >= 20 && margin(&score) > 30); {
		chunk := rest
		if len(chunk) > 300 {
			cut := strings.IndexAny(chunk[300:], " \n\t")
			if cut >= 0 {
				chunk = chunk[:300+cut]
			}
		}
		rest = rest[len(chunk):]
		words = langWords(chunk, words[:0])
		seen += len(words)
		for _, w := range words {
			if len(w) >= 2 && !strings.HasSuffix(w, "'") {
				words2++
			}
			m.score(w, &score)
		}
	}
	if seen == 0 {
		return "", 0, 0
	}
	best, second := 0, -1
	for li := 1; li < nLang; li++ {
		if score[li] > score[best] {
			second, best = best, li
		} else if second < 0 || score[li] > score[second] {
			second = li
		}
	}
	return languages[best], score[best] - score[second], words2
}

// score adds the evidence of one word.
func (m *langModel) score(w string, score *[nLang]float64) {
	if s, ok := m.stops[w]; ok {
		n := 0
		for _, b := range s {
			if b {
				n++
			}
		}
		if n < nLang {
			for li, b := range s {
				if b {
					score[li] += stopBonus
				}
			}
		}
	}
	eachTrigram(w, func(t uint64) {
		p, ok := m.tri[t]
		if !ok {
			p = m.unk
		}
		for li := range score {
			score[li] += float64(p[li])
		}
	})
}

// margin is the gap between the best and the second-best score.
func margin(score *[nLang]float64) float64 {
	best, second := math.Inf(-1), math.Inf(-1)
	for _, s := range score {
		if s > best {
			best, second = s, best
		} else if s > second {
			second = s
		}
	}
	return best - second
}

// Language returns the ISO 639-1 code (fr, nl, de, en) of text, or "" when
// the text is too short or too mixed to say with confidence.
func Language(text string) string {
	l, c, n := detect(text)
	if c < minConfidence || n < 2 {
		return ""
	}
	return l
}
