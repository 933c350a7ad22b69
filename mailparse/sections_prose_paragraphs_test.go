package mailparse

import "testing"

func TestProseParagraphs(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       [5]string
	}{
		{"one paragraph per question nl", `Beste collega's,

Zoals gevraagd melden wij een cyberincident.

Onze LIS-leverancier werd het slachtoffer van een ransomware-aanval op zijn datacenter. Niets drong ons netwerk binnen, maar de gehoste LIS-omgeving werd volledig versleuteld.

Hierdoor hadden wij 60 uur geen toegang tot het LIS.

We zijn onmiddellijk overgeschakeld op ons noodplan met papieren aanvraagformulieren.

Voor de toekomst bouwen we een lokale noodserver en laten we jaarlijks een externe audit uitvoeren.

Het incident is geregistreerd onder nummer IR-2024-112.

Met collegiale groeten,
Hilde Peeters
`, [5]string{
			"Onze LIS-leverancier werd het slachtoffer van een ransomware-aanval op zijn datacenter. Niets drong ons netwerk binnen, maar de gehoste LIS-omgeving werd volledig versleuteld.",
			"Hierdoor hadden wij 60 uur geen toegang tot het LIS.",
			"We zijn onmiddellijk overgeschakeld op ons noodplan met papieren aanvraagformulieren.",
			"Voor de toekomst bouwen we een lokale noodserver en laten we jaarlijks een externe audit uitvoeren.",
			"geregistreerd onder nummer IR-2024-112.",
		}},
		{"one paragraph per question en, some skipped", `Dear colleagues,

The attackers got in through a phishing mail.

We immediately switched to paper request forms.

From now on all staff follow an awareness training. Passwords that were reset must be 14 characters long.

Kind regards,
John Smith
`, [5]string{
			"The attackers got in through a phishing mail.",
			"",
			"We immediately switched to paper request forms.",
			"From now on all staff follow an awareness training. Passwords that were reset must be 14 characters long.",
			"",
		}},
		{"a paragraph answering two questions en: sentence by sentence", `Dear colleagues,

The attackers got in through a phishing mail. Our mail server was encrypted as well.

We immediately switched to paper request forms.

In the future all staff will follow an awareness training.

Kind regards,
John Smith
`, [5]string{
			"The attackers got in through a phishing mail.",
			"Our mail server was encrypted as well.",
			"We immediately switched to paper request forms.",
			"In the future all staff will follow an awareness training.",
			"",
		}},
		{"cause and impact in one paragraph fr: sentence by sentence", `Bonjour,

Un collaborateur a ouvert une pièce jointe piégée. Le SIL a été indisponible pendant 3 jours.

Nous avons immédiatement activé le plan dégradé.

Désormais, une authentification à deux facteurs est exigée.

Non-conformité NC-2021-031.

Cordialement,
Marie Dupont
`, [5]string{
			"Un collaborateur a ouvert une pièce jointe piégée.",
			"Le SIL a été indisponible pendant 3 jours.",
			"Nous avons immédiatement activé le plan dégradé.",
			"Désormais, une authentification à deux facteurs est exigée.",
			"Non-conformité NC-2021-031.",
		}},
		{"paragraphs out of the letter's order de: sentence by sentence", `Guten Tag,

Das LIS war drei Tage ausgefallen. Die Angreifer kamen über eine Phishing-Mail.

Wir haben sofort auf den Notfallplan umgestellt.

Künftig setzen wir auf Zwei-Faktor-Anmeldung.

Mit freundlichen Grüßen
Anna Schmidt
`, [5]string{
			"Die Angreifer kamen über eine Phishing-Mail.",
			"Das LIS war drei Tage ausgefallen.",
			"Wir haben sofort auf den Notfallplan umgestellt.",
			"Künftig setzen wir auf Zwei-Faktor-Anmeldung.",
			"",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := proseSections(splitLines(tc.text), sectionCtx{})
			if got.Answers != tc.want {
				t.Errorf("answers:\n got  %q\n want %q", got.Answers, tc.want)
			}
		})
	}
}
