package mailparse

import (
	"strings"
	"unicode"

	"cyberintake/classify"
)

// The letter asks five questions. Labs answer under headings that copy
// them, paraphrase them in any of four languages ("Cause probable :",
// "Impact op de activiteiten", "Sofortmaßnahmen:", "Probable cause") or
// number them. A heading is matched to a question by how much of its
// vocabulary belongs to that question, never by fixed strings: each
// question has a small set of keyword stems per language (weighted by how
// specific they are) and the letter's own wording, used to spot copied
// questions.

// stem is a keyword prefix (lower case, accents folded) and its weight.
type stem struct {
	prefix string
	weight float64
}

// questionVocab holds, per question a..e, stems that signal it in French,
// Dutch, German and English. Weight 1 is specific to the question; 0.5
// is shared with a neighbour (maatregelen, mesures, Maßnahmen...).
var questionVocab = [5][]stem{
	{ // a: probable cause and method
		{"cause", 1}, {"caus", 1}, {"oorzaak", 1}, {"ursache", 1}, {"origine", 1}, {"oorsprong", 1},
		{"herkomst", 1}, {"probabl", 0.6}, {"vermoed", 0.6}, {"vermut", 0.6}, {"presum", 0.6},
		{"method", 1}, {"vorgehen", 1}, {"werkwijze", 1}, {"pirate", 1}, {"hacker", 1},
		{"attaquant", 0.8}, {"aanvaller", 0.8}, {"angreifer", 0.8}, {"attacker", 0.8},
		{"vector", 1}, {"vecteur", 1}, {"angriffsweg", 1}, {"entry", 0.8}, {"entree", 0.6},
		{"toegangsweg", 1}, {"root", 0.6}, {"how", 0.4}, {"wie", 0.3}, {"comment", 0.3},
		{"pretend", 0.6}, {"zouden", 0.3}, {"gebruikt", 0.4}, {"utilise", 0.4}, {"used", 0.4},
		{"type", 0.3}, {"nature", 0.5}, {"aard", 0.5}, {"art", 0.3},
	},
	{ // b: activities and services hit, and how
		{"activit", 1}, {"tatigkeit", 1}, {"laborbetrieb", 1}, {"service", 0.7}, {"dienst", 0.7},
		{"impact", 1}, {"gevolg", 1}, {"consequen", 1}, {"auswirkung", 1}, {"folge", 0.8},
		{"affect", 0.8}, {"getroffen", 0.8}, {"betroffen", 0.8}, {"touche", 0.8}, {"hit", 0.6},
		{"description", 0.6}, {"beschrijving", 0.6}, {"beschreibung", 0.6}, {"succinct", 0.6},
		{"kort", 0.3}, {"attentat", 0.6}, {"impacte", 1}, {"effect", 0.7}, {"effet", 0.7},
		{"disrupt", 0.8}, {"verstoord", 0.8}, {"storung", 0.8}, {"interrup", 0.6},
	},
	{ // c: immediate corrective actions
		{"correct", 1}, {"corrig", 1}, {"korrektur", 1}, {"immediat", 1}, {"onmiddellijk", 1},
		{"sofort", 1}, {"direct", 0.5}, {"action", 0.8}, {"actie", 0.8}, {"aktion", 0.8},
		{"continu", 0.8}, {"kontinuit", 0.8}, {"degrade", 1}, {"noodplan", 1}, {"notfallplan", 1},
		{"sous-traitance", 1}, {"soustraitance", 1}, {"onderaanneming", 1}, {"taken", 0.6},
		{"genomen", 0.3}, {"ondernomen", 0.8}, {"prise", 0.3}, {"response", 0.8}, {"reaction", 0.8},
		{"reactie", 0.8}, {"reaktion", 0.8}, {"urgence", 0.7}, {"nood", 0.7}, {"notfall", 0.7},
		{"garantir", 0.4}, {"waarborg", 0.4}, {"securite", 0.3}, {"veiligheid", 0.3},
		{"mesure", 0.4}, {"maatregel", 0.4}, {"massnahm", 0.4}, {"measure", 0.4}, {"done", 0.3},
	},
	{ // d: preventive measures
		{"prevent", 1}, {"preventi", 1}, {"vorbeug", 1}, {"praventiv", 1}, {"prevention", 1},
		{"avenir", 1}, {"toekomst", 1}, {"zukunft", 1}, {"future", 1}, {"eviter", 0.8},
		{"vermijden", 0.8}, {"vermeiden", 0.8}, {"avoid", 0.8}, {"voorkom", 0.8}, {"limiter", 0.5},
		{"beperken", 0.5}, {"begrenzen", 0.5}, {"limit", 0.5}, {"mesure", 0.4}, {"maatregel", 0.4},
		{"massnahm", 0.4}, {"measure", 0.4}, {"lesson", 0.6}, {"lecon", 0.6}, {"structur", 0.4},
		{"long", 0.3}, {"verbeter", 0.5}, {"amelior", 0.5}, {"improve", 0.5},
	},
	{ // e: quality-system record references
		{"referen", 1}, {"enregistr", 1}, {"registratie", 1}, {"registrier", 1}, {"erfass", 0.8},
		{"record", 1}, {"qualit", 1}, {"kwaliteit", 1}, {"qm", 1}, {"qms", 1}, {"plainte", 1},
		{"klacht", 1}, {"beschwerde", 1}, {"reklamation", 1}, {"complaint", 1}, {"conformit", 1},
		{"nonconform", 1}, {"abweichung", 1}, {"deviation", 1}, {"afwijking", 1}, {"systeme", 0.3},
		{"systeem", 0.3}, {"system", 0.3}, {"capa", 1}, {"numero", 0.5}, {"nummer", 0.5},
		{"number", 0.5}, {"registr", 0.8}, {"ncr", 1}, {"kwaliteitssysteem", 1},
	},
}

// letterWording is the questions' text in the letter (fr, nl) and in the
// German and English renderings labs sometimes quote, used to recognise a
// question the lab copied above its answer.
var letterWording = [5][]string{
	{
		"la cause probable de l'attaque et la méthode prétendument utilisée par les pirates",
		"de vermoedelijke oorzaak van de aanval en de methode die de hackers gebruikt zouden hebben",
		"die vermutliche Ursache des Angriffs und die von den Angreifern angeblich verwendete Methode",
		"the probable cause of the attack and the method allegedly used by the hackers",
	},
	{
		"les activités/services impactées et une description succincte de la manière dont cet attentat a affecté ces activités",
		"de activiteiten/diensten waarop de aanval een impact heeft en een korte beschrijving van de consequenties van deze aanval voor deze activiteiten",
		"die betroffenen Tätigkeiten/Dienste und eine kurze Beschreibung, wie der Angriff diese Tätigkeiten beeinträchtigt hat",
		"the activities/services impacted and a brief description of how this attack affected these activities",
	},
	{
		"les actions correctives immédiates qui ont été prises pour garantir la sécurité des données et la continuité des activités du laboratoire (application d'un plan dégradé, sous-traitance de certaines analyses...)",
		"de onmiddellijke, corrigerende maatregelen die werden ondernomen om de veiligheid van de gegevens en de continuïteit van de laboratoriumactiviteiten te waarborgen (toepassing van een noodplan, onderaanneming van bepaalde analyses...)",
		"die sofortigen Korrekturmaßnahmen, die ergriffen wurden, um die Datensicherheit und die Kontinuität der Labortätigkeit zu gewährleisten (Anwendung eines Notfallplans, Vergabe bestimmter Analysen an andere Labore...)",
		"the immediate corrective actions taken to ensure data security and the continuity of laboratory activities (application of a degraded mode plan, subcontracting of certain analyses...)",
	},
	{
		"les mesures préventives prises par le laboratoire, ou par l'institution hospitalière, pour éviter ou limiter l'impact de ce type d'attaque à l'avenir",
		"de preventieve maatregelen die door het laboratorium of door de ziekenhuisinstelling zijn genomen om dit soort aanvallen in de toekomst te vermijden of de invloed ervan te beperken",
		"die vorbeugenden Maßnahmen, die das Labor oder das Krankenhaus ergriffen hat, um solche Angriffe künftig zu vermeiden oder ihre Auswirkungen zu begrenzen",
		"the preventive measures taken by the laboratory or the hospital to avoid or limit the impact of this type of attack in the future",
	},
	{
		"la, ou les références, du ou des enregistrement(s) de cet événement dans votre système qualité (sous forme de plainte ou de non-conformité)",
		"de referentie(s) van de registratie(s) van dit incident in uw kwaliteitssysteem (in de vorm van een klacht of non-conformiteit)",
		"die Referenz(en) der Erfassung dieses Ereignisses in Ihrem Qualitätsmanagementsystem (als Beschwerde oder Abweichung)",
		"the reference(s) of the record(s) of this event in your quality system (as a complaint or non-conformity)",
	},
}

// wordingTokens[q] is the set of content tokens of question q's wording.
var wordingTokens [5]map[string]bool

// letterBodyTokens holds content tokens that occur in the letter's prose
// around the questions, so quoted or copied letter paragraphs are known.
func init() {
	for q, ws := range letterWording {
		wordingTokens[q] = map[string]bool{}
		for _, w := range ws {
			for _, t := range contentTokens(w) {
				wordingTokens[q][t] = true
			}
		}
	}
}

// stopwords are frequent function words of the four languages; they carry
// no signal about which question a line answers.
var stopwords = toSet(`le la les de des du un une et ou en au aux a ce cet cette ces par pour sur dans
qui que est sont ont ete notre nos votre vos leur il elle ils on ne pas se sa son ses
de het een en of van in op te voor met door die dat dit deze zijn werd werden is om ons onze uw aan bij als er
der die das den dem des ein eine einer und oder von im in auf zu fur mit durch ist sind wurde wurden unser unsere ihr ihre an bei als es
the a an and or of in on to for with by is are was were our your this that these it at as be been has have`)

func toSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// fold is classify.Fold, the folding every text comparison shares:
// "Mesures préventives" and "MESURES PREVENTIVES" compare equal.
func fold(s string) string { return classify.Fold(s) }

// words splits folded text into word tokens (letters and digits).
func words(s string) []string {
	return strings.FieldsFunc(fold(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// contentTokens are the words of s without stopwords and one-letter words.
func contentTokens(s string) []string {
	ws := words(s)
	out := ws[:0]
	for _, w := range ws {
		if len(w) < 2 || stopwords[w] {
			continue
		}
		// Elided articles: l'attaque, d'un.
		out = append(out, w)
	}
	return out
}

// stemRef is one stem of one question.
type stemRef struct {
	q      int
	i      int // index in questionVocab[q], for "seen" bookkeeping
	prefix string
	weight float64
}

// stemIndex groups the stems by their first two letters, so a token is
// compared with a handful of stems instead of all of them.
var stemIndex = func() map[string][]stemRef {
	m := map[string][]stemRef{}
	for q, vs := range questionVocab {
		for i, s := range vs {
			k := s.prefix[:min(2, len(s.prefix))]
			m[k] = append(m[k], stemRef{q, i, s.prefix, s.weight})
		}
	}
	return m
}()

// stemMatches tells whether token t carries the stem: as a prefix for
// stems of four letters or more, whole for shorter ones ("qm", "hit").
func stemMatches(t, prefix string) bool {
	return strings.HasPrefix(t, prefix) && (len(prefix) >= 4 || t == prefix)
}

// questionScores says how strongly text speaks to each question: for each
// question the summed weight of distinct matching stems, and the share of
// the text's content tokens that belong to any question's vocabulary or
// wording (high for a heading, low for an answer).
func questionScores(text string) (scores [5]float64, coverage float64) {
	toks := contentTokens(text)
	if len(toks) == 0 {
		return scores, 0
	}
	matched := 0
	var seen [5][64]bool
	for _, t := range toks {
		hit := false
		for _, s := range stemIndex[t[:min(2, len(t))]] {
			if stemMatches(t, s.prefix) {
				hit = true
				if s.i < 64 && !seen[s.q][s.i] {
					seen[s.q][s.i] = true
					scores[s.q] += s.weight
				}
			}
		}
		if !hit {
			for q := range wordingTokens {
				if wordingTokens[q][t] {
					hit = true
					break
				}
			}
		}
		if hit {
			matched++
		}
	}
	return scores, float64(matched) / float64(len(toks))
}

// copiedQuestion reports which question text copies (token overlap with
// the letter's wording of at least 60% of text and a fair share of the
// question), or -1.
func copiedQuestion(text string) int {
	if len(text) < 20 || len(text) > 400 || !hasQuestionWord(text) {
		return -1
	}
	toks := contentTokens(text)
	if len(toks) < 4 {
		return -1
	}
	best, bestQ := 0.0, -1
	for q := range wordingTokens {
		n := 0
		for _, t := range toks {
			if wordingTokens[q][t] {
				n++
			}
		}
		r := float64(n) / float64(len(toks))
		if r > best {
			best, bestQ = r, q
		}
	}
	if best >= 0.6 {
		return bestQ
	}
	return -1
}

// bestQuestion returns the question with the highest score and that
// score, and the runner-up score.
func bestQuestion(scores [5]float64) (q int, top, second float64) {
	q = -1
	for i, s := range scores {
		if s > top {
			second = top
			top, q = s, i
		} else if s > second {
			second = s
		}
	}
	return q, top, second
}

// questionWords are fragments of the questions' key words in the four
// languages; a line without any cannot be a copied question, which spares
// tokenising most lines.
var questionWords = []string{"cause", "oorzaak", "rsache", "ctivit", "tigkeit", "orrect", "orrig", "ofort", "mmediat", "nmiddellijk",
	"réventi", "reventi", "orbeug", "éférence", "eferen", "ethod", "éthod", "ethode", "irates", "ackers", "ngreifer", "mpact", "nregistr", "egistrat", "rfassung", "ecord"}

// hasQuestionWord folds case as contentTokens does: a question copied in
// capitals is still a question.
func hasQuestionWord(t string) bool { return containsAnyFold(t, questionWords) }
