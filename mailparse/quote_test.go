package mailparse

import (
	"strings"
	"testing"
)

func TestSegments(t *testing.T) {
	for _, tc := range []struct {
		name     string
		text     string
		own      string // the own segment's unquoted text, joined by |
		segs     int
		forward  bool // second segment is a forward
		letter   bool // second segment is Sciensano's letter
		quotedIn int  // quoted lines kept in the own segment
	}{
		{"outlook french", "Réponse.\n\nDe : QL_secretariat <QL_secretariat@sciensano.be>\nEnvoyé : lundi 15 février 2021 10:12\nÀ : X <x@lab.be>\nObjet : Cyber attack\n\nLe texte de la lettre.", "Réponse.|", 2, false, true, 0},
		{"outlook dutch", "Antwoord.\nVan: Kwaliteit <QL_secretariat@sciensano.be>\nVerzonden: maandag 15 februari 2021 10:12\nAan: labo@x.be\nOnderwerp: Cyberaanval\nBrief.", "Antwoord.", 2, false, true, 0},
		{"outlook german", "Antwort.\nVon: QL <QL_secretariat@sciensano.be>\nGesendet: Montag, 15. Februar 2021 10:12\nAn: x@y.be\nBetreff: Cyber attack\nBrief.", "Antwort.", 2, false, true, 0},
		{"outlook english after rule", "Answer.\n________________________________\nFrom: QL <QL_secretariat@sciensano.be>\nSent: Monday, February 15, 2021 10:12 AM\nTo: x@y.be\nSubject: Cyber attack\nLetter.", "Answer.", 2, false, true, 0},
		{"original message", "Antwoord.\n-----Oorspronkelijk bericht-----\nVan: A <a@b.be>\nVerzonden: dinsdag\nAan: c@d.be\nOnderwerp: FW\nTer info.", "Antwoord.", 2, false, false, 0},
		{"thunderbird forward", "Note.\n\n-------- Message transféré --------\nSujet : \tCyber attaque\nDate : \tTue, 16 Feb 2021\nDe : \tOlivier <o@lab.be>\nPour : \tC <c@lab.be>\n\nRapport.", "Note.|", 2, true, false, 0},
		{"gmail forward", "Note.\n---------- Forwarded message ---------\nFrom: Tom <t@lab.be>\nDate: Fri, Feb 26, 2021\nSubject: X\nTo: S <s@lab.be>\nReport.", "Note.", 2, true, false, 0},
		{"inline quoting keeps the quotes", "Bonjour.\nLe lun. 15 févr. 2021 à 10:12, QL <QL_secretariat@sciensano.be> a écrit :\n> a) la cause\nRéponse a.\n> b) les activités\nRéponse b.", "Bonjour.|Réponse a.|Réponse b.", 1, false, false, 2},
		{"attribution on two lines", "Merci.\nLe 18/02/2021 à 08:52, Laboratoire Mosan\n<labo@x.be> a écrit :\n> Bonjour", "Merci.", 1, false, false, 1},
		{"english wrote", "Thanks.\nOn 15 Feb 2021, at 10:12, QL <QL_secretariat@sciensano.be> wrote:\n> text", "Thanks.", 1, false, false, 1},
		{"no quote", "Just text.\nMore.", "Just text.|More.", 1, false, false, 0},
		{"a contact line is not a header", "Contact: Arnaud\nTél. : 02\nDate : 15/02/2021\nFin.", "Contact: Arnaud|Tél. : 02|Date : 15/02/2021|Fin.", 1, false, false, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			segs := segments(splitLines(tc.text))
			if len(segs) != tc.segs {
				t.Fatalf("%d segments, want %d", len(segs), tc.segs)
			}
			var own []string
			quoted := 0
			for _, l := range segs[0].Lines {
				if l.Depth > 0 {
					quoted++
					continue
				}
				own = append(own, l.Text)
			}
			if got := strings.Join(own, "|"); got != tc.own {
				t.Errorf("own text %q, want %q", got, tc.own)
			}
			if quoted != tc.quotedIn {
				t.Errorf("%d quoted lines kept, want %d", quoted, tc.quotedIn)
			}
			if tc.segs > 1 {
				if segs[1].Forward != tc.forward || segs[1].Letter != tc.letter {
					t.Errorf("forward/letter = %v/%v, want %v/%v", segs[1].Forward, segs[1].Letter, tc.forward, tc.letter)
				}
			}
		})
	}
}

func TestSplitLinesDepth(t *testing.T) {
	ls := splitLines("a\n> b\n>> c\n> > d\n")
	want := []int{0, 1, 2, 2, 0}
	for i, l := range ls {
		if l.Depth != want[i] {
			t.Errorf("line %d %q depth %d, want %d", i, l.Text, l.Depth, want[i])
		}
	}
}

func TestLineEnd(t *testing.T) {
	for _, tc := range []struct {
		line string
		want endKind
	}{
		{"Bien cordialement,", endHard},
		{"Met vriendelijke groeten,", endHard},
		{"Mit freundlichen Grüßen", endHard},
		{"Gruß", endHard},
		{"Kind regards,", endHard},
		{"-- ", endHard},
		{"Envoyé de mon iPhone", endHard},
		{"Von meinem iPhone gesendet", endHard},
		{"Verzonden vanaf mijn iPhone", endHard},
		{"AVERTISSEMENT : Ce message et ses éventuelles pièces jointes sont confidentiels", endHard},
		{"This e-mail and any attachments are confidential", endHard},
		{"Nous restons à votre disposition pour tout renseignement.", endSoft},
		{"For any questions please contact me.", endSoft},
		{"*****", endSoft},
		{"Les résultats ont été téléphonés.", endNone},
		{"De aanvallers hebben ingelogd.", endNone},
		{"- noodplan opgestart", endNone},
		{"Best practice was followed.", endNone},
		{"Dit bericht werd naar alle huisartsen gestuurd.", endNone},
		{"Thanks to our offline backups the LIS was restored in a day.", endNone},
		{"Thank you for your support.", endSoft},
		{"Nous restons vigilants et la surveillance continue.", endNone},
		{"Wij blijven de situatie opvolgen met onze IT-partner.", endNone},
		{"Wij blijven ter beschikking voor verdere vragen.", endSoft},
		{"Restant à votre disposition,", endSoft},
		{"Wir stehen Ihnen für Rückfragen gerne zur Verfügung.", endSoft},
		{"Thanks,", endSoft},
		{"Diese E-Mail enthielt einen Link auf eine falsche Seite.", endNone},
		{"This e-mail was opened by a secretary.", endNone},
		{"Dit e-mailbericht en eventuele bijlagen zijn vertrouwelijk.", endHard},
		{"Diese E-Mail enthält vertrauliche Informationen.", endHard},
		// Offers of further information close the answers in every language.
		{"Should you require any further information, please contact our quality manager.", endSoft},
		{"If you need any further details, we are at your disposal.", endSoft},
		{"Please let me know if anything is unclear.", endSoft},
		{"Si vous avez besoin d'autres précisions, je reste joignable.", endSoft},
		{"Pour tout renseignement complémentaire, contactez notre biologiste.", endSoft},
		{"Mocht u nog vragen hebben, contacteer gerust onze kwaliteitsverantwoordelijke.", endSoft},
		{"Indien u verdere informatie wenst, laat het ons weten.", endSoft},
		{"Bij vragen kunt u ons steeds bereiken.", endSoft},
		{"Sollten Sie weitere Fragen haben, melden Sie sich bitte.", endSoft},
		{"Bei weiteren Fragen stehe ich gerne zur Verfügung.", endSoft},
		{"Für Rückfragen stehe ich Ihnen gerne zur Verfügung.", endSoft},
		{"Für weitere Fragen stehen wir gerne bereit.", endSoft},
		{"Für die Analysen wurde ein Notfallplan aktiviert.", endNone},
		// ...but the same first words opening an answer do not.
		{"If the backup had failed, we would have lost a week of results.", endNone},
		{"Si le serveur avait été connecté, le SIL aurait été chiffré.", endNone},
		{"Bij de aanval werd de LIS-server versleuteld.", endNone},
		{"Falls der Server ausfällt, greift der Notfallplan.", endNone},
	} {
		if got := lineEnd(tc.line); got != tc.want {
			t.Errorf("lineEnd(%q) = %d, want %d", tc.line, got, tc.want)
		}
	}
}

func TestLineEndHope(t *testing.T) {
	for _, l := range []string{"Nous espérons que ces informations vous seront utiles.", "Wij hopen u hiermee voldoende te hebben geïnformeerd.", "We hope this helps.", "Wir hoffen, Ihnen damit gedient zu haben.", "En vous remerciant,"} {
		if lineEnd(l) == endNone {
			t.Errorf("lineEnd(%q) = none", l)
		}
	}
	for _, l := range []string{"En conséquence, le SIL a été arrêté.", "In der Nacht wurde der Server verschlüsselt.", "Wij hebben de server geïsoleerd.", "I rebuilt the server."} {
		if lineEnd(l) != endNone {
			t.Errorf("lineEnd(%q) ends the answer", l)
		}
	}
}

func TestSeparatorLine(t *testing.T) {
	tests := []struct {
		line         string
		sep, forward bool
	}{
		{"-----Original Message-----", true, false},
		{"-----Message d'origine-----", true, false},
		{"-----Message d’origine-----", true, false},
		{"-----Oorspronkelijk bericht-----", true, false},
		{"-----Ursprüngliche Nachricht-----", true, false},
		{"-------- Original-Nachricht --------", true, false},
		{"---------- Forwarded message ---------", true, true},
		{"-------- Message transféré --------", true, true},
		{"-------- Message réexpédié --------", true, true},
		{"---------- Doorgestuurd bericht ---------", true, true},
		{"---------- Weitergeleitete Nachricht ---------", true, true},
		{"===== WEITERGELEITETE MAIL =====", true, true},
		{"  -- Forwarded message --  ", true, true},
		{"Begin forwarded message:", true, true},
		{"Début du message réexpédié :", true, true},
		{"Debut du message transfere", true, true},
		{"Anfang der weitergeleiteten Nachricht:", true, true},
		{"Begin doorgestuurd bericht:", true, true},
		{"", false, false},
		{"----------", false, false},
		{"- Forwarded message", false, false},
		{"Begin of the incident: 3 March", false, false},
		{"Je vous transfère le message d'origine ci-dessous", false, false},
		{"Please see the forwarded message below.", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			sep, fwd := separatorLine(tt.line)
			if sep != tt.sep || fwd != tt.forward {
				t.Errorf("separatorLine(%q) = %v, %v; want %v, %v", tt.line, sep, fwd, tt.sep, tt.forward)
			}
		})
	}
}

func TestIsSciensanoAddress(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"QL_secretariat@sciensano.be", true},
		{"Arnaud.Capron@Sciensano.BE", true},
		{"Kwaliteit van Laboratoria <QL_secretariat@sciensano.be>", true},
		{"QL_secretariat [mailto:QL_secretariat@SCIENSANO.be]", true},
		{"Le 16 févr. 2021 à 10:02, Capron Arnaud <arnaud.capron@sciensano.be> a écrit :", true},
		{"x@mail.sciensano.be", true},
		{"lab@labo.be, ql@sciensano.be.", true},
		{"Sciensano QL <ql@gmail.com>", false},
		{"QL_secretariat", false},
		{"info@notsciensano.be", false},
		{"x@sciensano.be.example.com", false},
		{"x@sciensano.bel", false},
		{"www.sciensano.be", false},
		{"", false},
		{"@", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := isSciensanoAddress(tt.in); got != tt.want {
				t.Errorf("isSciensanoAddress(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}
