package mailparse

import (
	"strings"
	"testing"
)

// Bare headings paraphrasing the questions, in the four languages, each
// with an answer whose first line itself opens with question words and a
// colon: that line is the answer, not another heading.
func TestHeadingsAnswerUnderBareHeading(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		want [5]string // a word each answer must hold
	}{
		{"french", "Cause\nHameçonnage.\nImpact\nSIL arrêté 2 jours.\nActions correctives\nApplication du plan dégradé : bons papier.\nMesures préventives\nMFA.\nRéférence qualité\nNC-21-1.",
			[5]string{"Hameçonnage", "SIL", "papier", "MFA", "NC-21-1"}},
		{"dutch", "Oorzaak\nPhishing.\nGevolgen\nLIS 2 dagen plat.\nCorrectieve acties\nNoodplan opgestart: papieren aanvragen.\nPreventieve maatregelen\nMFA.\nReferentie kwaliteitssysteem\nNC-21-2.",
			[5]string{"Phishing", "LIS", "papieren", "MFA", "NC-21-2"}},
		{"german", "Ursache\nPhishing.\nAuswirkungen\nLIS 2 Tage aus.\nSofortmaßnahmen\nNotfallplan aktiviert: Papieraufträge.\nVorbeugende Maßnahmen\nMFA.\nReferenz QM-System\nAB-21-3.",
			[5]string{"Phishing", "LIS", "Papieraufträge", "MFA", "AB-21-3"}},
		{"english", "Cause\nPhishing.\nImpact\nLIS down 2 days.\nImmediate actions\nDegraded mode plan: paper requests.\nPreventive measures\nMFA.\nQuality record\nNCR-21-4.",
			[5]string{"Phishing", "LIS", "paper", "MFA", "NCR-21-4"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := extractSections(splitLines(tc.text), sectionCtx{})
			for q, w := range tc.want {
				if !strings.Contains(got.Answers[q], w) {
					t.Errorf("%c) = %q, want it to hold %q", 'a'+q, got.Answers[q], w)
				}
			}
		})
	}
}
