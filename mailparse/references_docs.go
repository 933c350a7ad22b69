package mailparse

import (
	"regexp"
	"strings"
)

// Question e) asks for the records of the incident in the quality system
// (non-conformity, complaint, CAPA numbers). Labs also cite the documents
// those records were handled under: "geregistreerd volgens procedure
// PR-QA-12 v3 van het Kwaliteitshandboek", "selon la SOP-QA-004",
// "gemäß Verfahrensanweisung VA-07". A document-control identifier says
// how the lab works, not what happened, so it is no reference. It shows
// by the word that names it, by a version number (records have none) or
// by being part of a manual.

// docWords name controlled documents, folded. Compounds of the Germanic
// languages ("Verfahrensanweisung", "kwaliteitshandboek") are matched by
// docSuffixes.
var docWords = toSet(`procedure procedures procedur prozedur sop sops
instruction instructions operatoire manuel manual handbook handboek handbuch
policy politique beleid protocole protocol guideline directive richtlijn richtlinie
werkinstructie werkvoorschrift arbeitsanweisung verfahrensanweisung verfahren`)

var docSuffixes = []string{"procedure", "procedur", "handboek", "handbuch", "anweisung", "instructie", "voorschrift", "richtlijn", "richtlinie"}

// docQualifiers may stand between a document word and its identifier
// ("procédure interne n° PR-12", "SOP nr. QA-004").
var docQualifiers = toSet(`interne intern internal qualite kwaliteit quality qualitats
generale algemene general n° no nr nr. no. n°. num numero nummer number ref ref. reference referentie code`)

// docPrefixes are identifier prefixes that are themselves a document type.
var docPrefixes = toSet("SOP PROC")

// versionAfterRe matches a version after an identifier: "v3", "V2.1",
// "version 4", "versie 3", "rev. 2", "éd. 2", "Fassung 3", "(v3)".
var versionAfterRe = regexp.MustCompile(`(?i)^[\s,(]*(?:v\.?\s?\d|ver\.?\s?\d|version\s+\d|versie\s+\d|rev\.?\s?\d|revision\s+\d|révision\s+\d|revisie\s+\d|éd\.?\s?\d|édition\s+\d|ausgabe\s+\d|fassung\s+\d)`)

// partOfAfterRe matches "of the", "van het", "du", "aus dem"... right
// after an identifier (and its version): what follows names the whole the
// identifier is part of.
var partOfAfterRe = regexp.MustCompile(`(?i)^(?:\s*,?\s*v\.?\s?[\d.]+)?\s+(?:of|from|van|uit|du|des|de|aus|im)\b((?:\s+[\p{L}'’-]+){1,4})`)

// namesDocument tells whether the identifier at text[start:end] is a
// controlled document rather than a record.
func namesDocument(text string, start, end int, prefix string) bool {
	if docPrefixes[prefix] {
		return true
	}
	after := text[end:]
	if versionAfterRe.MatchString(after) {
		return true
	}
	if m := partOfAfterRe.FindStringSubmatch(after); m != nil {
		for _, w := range strings.Fields(m[1]) {
			if isManual(w) {
				return true
			}
		}
	}
	return docWordBefore(text[:start])
}

// docWordBefore tells whether the words just before an identifier, in the
// same clause, are a document word and at most two qualifiers.
func docWordBefore(before string) bool {
	if len(before) > 80 {
		before = before[len(before)-80:]
	}
	ws := strings.Fields(before)
	for i, skipped := len(ws)-1, 0; i >= 0 && skipped <= 2; i-- {
		w := ws[i]
		if strings.ContainsAny(w, ",;()") || strings.HasSuffix(w, ".") && !docQualifiers[fold(w)] {
			return false // another clause
		}
		w = strings.TrimRight(w, ":")
		if isDocWord(w) {
			return true
		}
		if !docQualifiers[fold(w)] {
			return false
		}
		skipped++
	}
	return false
}

func isDocWord(w string) bool {
	f := fold(strings.Trim(w, `"'’«»:`))
	if docWords[f] {
		return true
	}
	for _, s := range docSuffixes {
		if strings.HasSuffix(f, s) {
			return true
		}
	}
	return false
}

// isManual tells the words of a manual, the whole a procedure is part of.
func isManual(w string) bool {
	f := fold(w)
	return strings.HasSuffix(f, "handboek") || strings.HasSuffix(f, "handbuch") || strings.HasSuffix(f, "handbuchs") ||
		f == "manuel" || f == "manual" || f == "handbook"
}
