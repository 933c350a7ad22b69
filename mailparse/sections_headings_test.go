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

// Roman-numeral labels and three-column tables (marker | question |
// answer) give the answers, never the question text.
func TestRomanAndTableRows(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       [5]string
	}{
		{"roman fr", "(i) Cause – hameçonnage.\n\n(ii) Impact – SIL arrêté.\n\n(iii) Actions immédiates – serveur isolé.\n\n(iv) Mesures préventives – MFA.\n\n(v) Références – NC-1.",
			[5]string{"hameçonnage.", "SIL arrêté.", "serveur isolé.", "MFA.", "NC-1."}},
		{"roman nl", "I. Oorzaak: phishing.\nII. Impact: LIS plat.\nIII. Onmiddellijke maatregelen: server losgekoppeld.\nIV. Preventie: MFA.\nV. Referentie: NC-2.",
			[5]string{"phishing.", "LIS plat.", "server losgekoppeld.", "MFA.", "NC-2."}},
		{"table en", "# | Question | Answer\na | Probable cause and method | Phishing e-mail.\nb | Activities affected | LIS down 30 hours.\nc | Immediate corrective actions | Network isolated.\nd | Preventive measures | MFA.\ne | Quality system references | NC-3.",
			[5]string{"Phishing e-mail.", "LIS down 30 hours.", "Network isolated.", "MFA.", "NC-3."}},
		{"table de numbered", "1 | Vermutliche Ursache | Phishing.\n2 | Betroffene Tätigkeiten | LIS ausgefallen.\n3 | Sofortmaßnahmen | Server getrennt.\n4 | Vorbeugende Maßnahmen | MFA.\n5 | Referenz im QM-System | AB-4.",
			[5]string{"Phishing.", "LIS ausgefallen.", "Server getrennt.", "MFA.", "AB-4."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := extractSections(splitLines(tc.text), sectionCtx{})
			for q, w := range tc.want {
				if got.Answers[q] != w {
					t.Errorf("%c) = %q, want %q", 'a'+q, got.Answers[q], w)
				}
			}
		})
	}
}

// A follow-up completing one answer: a lone lettered line counts when it
// answers that very question; a lone letter on other business does not.
func TestLoneLetterFollowUp(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		q          int
		want       string
	}{
		{"dutch", "Als aanvulling op ons antwoord:\n\ne) Het incident werd geregistreerd als NC-2021-044.\n\nDaarnaast een correctie: het LIS lag uiteindelijk 5 dagen plat.\n\nGroeten,", 4, "Het incident werd geregistreerd als NC-2021-044."},
		{"french", "En complément de notre réponse :\n\ne) L'incident est enregistré sous la non-conformité NC-77.\n\nCordialement,", 4, "L'incident est enregistré sous la non-conformité NC-77."},
		{"german", "Ergänzend zu unserer Antwort:\n\nd) Künftig wird eine Zwei-Faktor-Authentifizierung verlangt.\n\nGrüße", 3, "Künftig wird eine Zwei-Faktor-Authentifizierung verlangt."},
		{"english", "Further to our reply:\n\na) The attackers used a phishing e-mail.\n\nAlso, the LIS was in fact unavailable for five days.\n\nRegards,", 0, "The attackers used a phishing e-mail."},
		{"lone letter on other business", "Voici le planning :\n\na) réunion lundi à 10 h.\n\nCordialement,", 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := extractSections(splitLines(tc.text), sectionCtx{})
			if got.Answers[tc.q] != tc.want {
				t.Errorf("%c) = %q, want %q", 'a'+tc.q, got.Answers[tc.q], tc.want)
			}
		})
	}
}

// A section given twice: completed in the same language (an addendum),
// the parts are joined in order; a translation in a bilingual reply keeps
// the first version.
func TestSectionGivenTwice(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string
	}{
		{"english addendum", "**a)** A phishing e-mail opened by a secretary in the billing office.\n\nb) The LIS was down for a day.\n\n**Addendum to a):** the forensic report later showed that the attackers also used stolen VPN credentials.",
			"A phishing e-mail opened by a secretary in the billing office.\nthe forensic report later showed that the attackers also used stolen VPN credentials."},
		{"french complement", "a) Un courriel de hameçonnage a été ouvert par une secrétaire du service facturation.\n\nb) Le SIL a été arrêté une journée.\n\nComplément à la question a : le rapport d'expertise montre que les pirates ont aussi utilisé des identifiants volés.",
			"Un courriel de hameçonnage a été ouvert par une secrétaire du service facturation.\nle rapport d'expertise montre que les pirates ont aussi utilisé des identifiants volés."},
		{"dutch aanvulling", "a) Een medewerker van de facturatiedienst opende een phishingmail met een valse factuur.\n\nb) Het LIS lag een dag plat.\n\nAanvulling op vraag a: uit het forensisch rapport blijkt dat de aanvallers ook gestolen wachtwoorden gebruikten.",
			"Een medewerker van de facturatiedienst opende een phishingmail met een valse factuur.\nuit het forensisch rapport blijkt dat de aanvallers ook gestolen wachtwoorden gebruikten."},
		{"german nachtrag", "a) Eine Mitarbeiterin der Buchhaltung hat eine Phishing-Mail mit einer falschen Rechnung geöffnet.\n\nb) Das LIS war einen Tag ausgefallen.\n\nNachtrag zu a): Laut dem forensischen Bericht haben die Angreifer auch gestohlene Zugangsdaten verwendet.",
			"Eine Mitarbeiterin der Buchhaltung hat eine Phishing-Mail mit einer falschen Rechnung geöffnet.\nLaut dem forensischen Bericht haben die Angreifer auch gestohlene Zugangsdaten verwendet."},
		{"bilingual keeps the first", "a) Een medewerker van de facturatiedienst opende een phishingmail met een valse factuur.\nb) Het LIS lag een dag plat.\n\na) Une collaboratrice du service facturation a ouvert un courriel de hameçonnage avec une fausse facture.\nb) Le SIL a été arrêté une journée.",
			"Een medewerker van de facturatiedienst opende een phishingmail met een valse factuur."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := extractSections(splitLines(tc.text), sectionCtx{})
			if got.Answers[0] != tc.want {
				t.Errorf("a) = %q, want %q", got.Answers[0], tc.want)
			}
		})
	}
}

// A courtesy or closing sentence on the answer's own line ends it there.
func TestCourtesyMidLine(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"german", "a) Phishing.\nb) LIS aus.\ne) Abweichungsbericht AB 21-017. Für Rückfragen stehe ich Ihnen gerne zur Verfügung.", "Abweichungsbericht AB 21-017."},
		{"french", "a) Phishing.\nb) SIL arrêté.\ne) Non-conformité NC-12. N'hésitez pas à me contacter pour tout complément.", "Non-conformité NC-12."},
		{"dutch", "a) Phishing.\nb) LIS plat.\ne) Afwijking AF-3. Voor verdere vragen kunt u mij steeds bereiken.", "Afwijking AF-3."},
		{"english", "a) Phishing.\nb) LIS down.\ne) NCR-44 in our QMS. Please let me know if you need anything else.", "NCR-44 in our QMS."},
		{"thanks to is an answer", "a) Phishing.\nb) LIS down.\ne) NCR-45. Thanks to the backups nothing was lost.", "NCR-45. Thanks to the backups nothing was lost."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := extractSections(splitLines(tc.text), sectionCtx{})
			if got.Answers[4] != tc.want {
				t.Errorf("e) = %q, want %q", got.Answers[4], tc.want)
			}
		})
	}
}
