package mailparse

import (
	"strings"
	"testing"
)

func TestHasStem(t *testing.T) {
	for _, tc := range []struct {
		text, stem string
		want       bool
	}{
		{"la plateforme de telemaintenance", "plat", false},
		{"het lis lag plat.", "plat", true},
		{"le stage de formation", "tage", false},
		{"zwei tage ausgefallen", "tage", true},
		{"a shutdown of two days", "down", false},
		{"the lis was down", "down", true},
		{"mfa for all accounts", "mfa", true},
		{"l'editeur a reinstalle", "edr", false},
		{"ransomware encrypted", "ransomware", true},
	} {
		t.Run(tc.text+"/"+tc.stem, func(t *testing.T) {
			if got := hasStem(tc.text, tc.stem); got != tc.want {
				t.Errorf("hasStem(%q, %q) = %v, want %v", tc.text, tc.stem, got, tc.want)
			}
		})
	}
}

func TestDropRecordSubject(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Het incident is intussen geregistreerd onder CAPA 2021-09.", "geregistreerd onder CAPA 2021-09."},
		{"The incident was logged as IR-2021-02.", "logged as IR-2021-02."},
		{"In our quality system the event is recorded as non-conformity NCR-21-0112.", "In our quality system the event is recorded as non-conformity NCR-21-0112."},
		{"La non-conformité correspondante est enregistrée sous NC-21-008.", "La non-conformité correspondante est enregistrée sous NC-21-008."},
		{"Der Vorfall ist als Abweichung AB-17 erfasst.", "Der Vorfall ist als Abweichung AB-17 erfasst."},
		{"Enregistré sous NC 21/007.", "Enregistré sous NC 21/007."},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := dropRecordSubject(tc.in); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// Prose replies in the four languages, hard-wrapped as plain-text
// clients send them, with an introduction announcing the answers.
func TestProseSectionsWrapped(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		want [5]string // a word each answer must hold ("" = empty)
	}{
		{"french", `Bonjour,

Merci pour votre lettre. Notre laboratoire a bien été touché ; voici ce
que nous pouvons vous en dire.

Les pirates ont envoyé un courriel de hameçonnage avec une pièce
piégée à une secrétaire.

Le SIL a été indisponible pendant trois jours et les résultats
ont été téléphonés.

Nous avons immédiatement isolé le serveur et déposé plainte à la
police.

Désormais, une authentification à deux facteurs est exigée pour tout
accès distant.

L'incident est enregistré dans notre système qualité sous la
non-conformité NC 21/031.

Cordialement,`, [5]string{"hameçonnage", "indisponible", "isolé", "Désormais", "NC 21/031"}},
		{"dutch", `Geachte,

Hieronder ons antwoord op uw brief.

De aanvallers kwamen binnen via een kwetsbaarheid in de VPN van onze
leverancier.

Het LIS was twee dagen onbeschikbaar voor de
aanvragers.

Wij hebben de server onmiddellijk losgekoppeld van het netwerk.

Voortaan wordt tweestapsverificatie gebruikt voor elke
toegang van buitenaf.

Het incident werd geregistreerd als afwijking AF-2021-12.

Met vriendelijke groeten,`, [5]string{"kwetsbaarheid", "onbeschikbaar", "losgekoppeld", "tweestapsverificatie", "AF-2021-12"}},
		{"german", `Sehr geehrter Herr Capron,

Die Angreifer nutzten eine Schwachstelle im
Exchange-Server.

Das Laborinformationssystem war zwei Tage nicht
erreichbar.

Wir haben den Server sofort vom Netz getrennt.

Künftig wird eine Zwei-Faktor-Authentifizierung für alle Zugänge
verlangt.

Der Vorfall ist im QM-System als Abweichung AB-21-009 erfasst.

Mit freundlichen Grüßen`, [5]string{"Schwachstelle", "erreichbar", "getrennt", "Künftig", "AB-21-009"}},
		{"english", `Dear Dr Capron,

Please find our answers below.

The attackers sent a phishing e-mail to one of our
secretaries.

The LIS was unavailable for two days and results
were phoned.

We immediately isolated the server and reset all
passwords.

In future, two-factor authentication will be required for remote
access.

The incident is recorded as non-conformity NCR-21-044.

Kind regards,`, [5]string{"phishing", "unavailable", "isolated", "two-factor", "NCR-21-044"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := proseSections(splitLines(tc.text), sectionCtx{})
			for q, w := range tc.want {
				if !strings.Contains(got.Answers[q], w) {
					t.Errorf("%c) = %q, want it to hold %q", 'a'+q, got.Answers[q], w)
				}
				for p, other := range tc.want {
					if p != q && other != "" && strings.Contains(got.Answers[q], other) {
						t.Errorf("%c) = %q also holds %c)'s %q", 'a'+q, got.Answers[q], 'a'+p, other)
					}
				}
			}
		})
	}
}

func TestWrappedProseIsNoHeading(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int // headings found
	}{
		{"L'incident est enregistré dans notre système qualité sous la\nnon-conformité NC 21/007.", 0},
		{"Nous avons réalisé les mesures préventives suivantes, et\nles actions correctives sont en cours.", 0},
		{"Cause probable\nUn courriel de hameçonnage.\n\nImpact\nLe SIL était indisponible.", 2},
		{"Oorzaak\nPhishing.\n\nGetroffen activiteiten\nHet LIS lag plat.", 2},
		{"Ursache\nPhishing\nAuswirkungen\nLIS ausgefallen\nVorbeugende Maßnahmen\nMFA", 3},
	} {
		t.Run(tc.text, func(t *testing.T) {
			if got := len(findParaphrased(splitLines(tc.text))); got != tc.want {
				t.Errorf("%d headings, want %d", got, tc.want)
			}
		})
	}
}

// A paragraph keeps to one topic: its opening sentences without a signal
// go with the first sentence that has one ("logged in" is no record).
func TestProseParagraphTopic(t *testing.T) {
	for _, tc := range []struct {
		name, text, first string
		q                 int
	}{
		{"english", "The intruders logged in to our VPN with a colleague's password. It had been reused elsewhere. The attackers then launched ransomware.\n\nThe LIS was unavailable for two days.", "The intruders logged in", 0},
		{"french", "Un collaborateur a cliqué sur un lien reçu le 3 février. Le lien menait vers un faux site. C'était du hameçonnage.\n\nLe SIL a été indisponible pendant deux jours.", "Un collaborateur a cliqué", 0},
		{"dutch", "Op maandagochtend zagen we vreemde bestanden. Alle servers stonden stil en het LIS was twee dagen onbeschikbaar.\n\nDe oorzaak was phishing.", "Op maandagochtend", 1},
		{"german", "Am Montag fiel uns ein fremder Dienst auf. Wir haben den Server sofort vom Netz getrennt.\n\nDie Ursache war Phishing.", "Am Montag", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := proseSections(splitLines(tc.text), sectionCtx{})
			if !strings.HasPrefix(got.Answers[tc.q], tc.first) {
				t.Errorf("%c) = %q, want it to open with %q", 'a'+tc.q, got.Answers[tc.q], tc.first)
			}
		})
	}
}

func TestCutByWrap(t *testing.T) {
	tests := []struct {
		name, line string
		want       bool
	}{
		{"wrapped before a long compound", "Die Angreifer nutzten eine Schwachstelle im", true},
		{"thunderbird 72 columns", "Les pirates ont envoyé un courriel de hameçonnage avec une pièce", true},
		{"ends on a comma", "The LIS was unavailable for two days, and results,", true},
		{"ends on a number", "Het incident werd geregistreerd op 3 maart 2021", true},
		{"ends on a hyphen", "Nous avons mis en place une authentification multi-", true},
		{"ends on a semicolon", "Le serveur a été isolé et les mots de passe changés;", true},
		{"exactly 40 runes", "abcdefghij abcdefghij abcdefghij abcdefg", true},
		{"39 runes", "abcdefghij abcdefghij abcdefghij abcdef", false},
		{"short answer", "phishing", false},
		{"short line of its own", "Aucun impact sur les analyses urgentes", false},
		{"full stop", "Le SIL a été indisponible pendant trois jours entiers.", false},
		{"colon", "Voici les réponses aux questions de votre lettre :", false},
		{"question mark", "Is this the information you were looking for in fact?", false},
		{"closing bracket", "Le serveur a été isolé du réseau (et remplacé depuis)", false},
		{"runes not bytes", "éééééééééé éééééééééé éééééééééé éééééé", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cutByWrap(tt.line); got != tt.want {
				t.Errorf("cutByWrap(%q) = %v, want %v", tt.line, got, tt.want)
			}
		})
	}
}
