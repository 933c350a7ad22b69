package classify

import (
	"math"
	"testing"
)

func TestDowntime(t *testing.T) {
	tests := []struct {
		name string
		text string
		want float64 // -1: no duration stated
	}{
		{"fr words", "Le SIL a été arrêté pendant trois jours.", 3},
		{"fr week", "Nous avons travaillé sans informatique pendant une semaine.", 7},
		{"fr half day", "Arrêt du SIL pendant une demi-journée.", 0.5},
		{"fr hours", "Interruption de 36 heures.", 1.5},
		{"fr decimal", "Le laboratoire a été à l'arrêt 1,5 jour.", 1.5},
		{"fr not interrupted", "La messagerie a été bloquée deux jours mais l'activité n'a pas été interrompue.", 0},
		{"fr no interruption", "Pas d'interruption.", 0},
		{"fr activity continued", "La facturation a été arrêtée dix jours ; l'activité analytique a continué normalement.", 0},
		{"nl activity continued", "De boekhouding lag een week stil, maar de laboactiviteit liep gewoon door.", 0},
		{"de activity continued", "Die Abrechnung stand fünf Tage still, der Laborbetrieb lief normal weiter.", 0},
		{"en activity continued", "Billing was down for a week; lab activity continued normally.", 0},
		{"fr activity resumed", "L'activité a repris normalement après trois jours.", 3},
		{"en degraded not zero", "Work went on in degraded mode for two days.", 2},
		{"en and a half", "We could not release results for three and a half days.", 3.5},
		{"en days and a half", "The LIS was down two days and a half.", 2.5},
		{"fr et demi", "Le SIL a été indisponible trois jours et demi.", 3.5},
		{"nl en een halve", "Het LIS lag drie en een halve dag plat.", 3.5},
		{"nl compound", "Het LIS lag tweeënhalve dag plat.", 2.5},
		{"de compound", "Das LIS war dreieinhalb Tage ausgefallen.", 3.5},
		{"nl no impact on work", "1 pc, geen impact op de werking van het labo.", 0},
		{"fr no impact on activity", "Un poste touché, aucun impact sur l'activité.", 0},
		{"de no impact on work", "Ein PC betroffen, keine Auswirkungen auf den Laborbetrieb.", 0},
		{"en no impact on work", "One PC infected, no impact on lab operations.", 0},
		{"fr lab ran normally", "La téléphonie a été coupée un jour, le laboratoire a tourné normalement.", 0},
		{"nl lab ran normally", "De telefonie lag een dag plat, het labo draaide normaal.", 0},
		{"de lab ran normally", "Das Telefon fiel einen Tag aus, das Labor lief normal weiter.", 0},
		{"en lab ran normally", "Phones were down for a day; the lab ran as normal throughout.", 0},
		{"fr longest", "SIL indisponible deux jours, messagerie coupée pendant cinq jours.", 5},
		{"fr compound number", "Panne de vingt-quatre heures.", 1},
		{"fr glued days", "SIL indisponible 3j.", 3},
		{"fr clock time", "Plan dégradé activé dès 5 h du matin, résultats envoyés à 14 h 30.", -1},
		{"fr update", "Mise à jour des serveurs.", -1},
		{"fr deadline", "Les correctifs seront installés dans les 72 heures.", -1},
		{"fr frequency", "Changement des mots de passe tous les trois mois et tests chaque semaine.", -1},
		{"fr dwell", "Pendant trois semaines, les attaquants ont exploré le réseau.", -1},
		{"fr date", "Sauvegarde du 17 janvier restaurée le 20/01/2021.", -1},
		{"nl words", "Het LIS lag drie dagen plat.", 3},
		{"nl hours", "De koppeling was 48 uur onderbroken.", 2},
		{"nl glued unit", "Uitval van 12u.", 0.5},
		{"nl half day", "Het LIS was een halve dag niet beschikbaar.", 0.5},
		{"nl week", "Gedurende een week geen elektronische resultaten.", 7},
		{"nl not interrupted", "De mail lag twee dagen plat; de laboactiviteit werd niet onderbroken.", 0},
		{"nl within", "Kritieke patches binnen 48 uur.", -1},
		{"nl last days", "We bewaren een kopie van de laatste 30 dagen.", -1},
		{"nl clock", "Om 4 uur werd de crisiscel samengeroepen.", -1},
		{"de words", "Das LIS war zwei Tage nicht verfügbar.", 2},
		{"de digits", "LIS 1 Tag ausgefallen.", 1},
		{"de hours", "Der Zugang war rund 30 Stunden abgeschaltet.", 1.25},
		{"de week", "Das Labor war eine Woche ohne LIS.", 7},
		{"de later", "Einige Tage später wurde die Ransomware ausgerollt.", -1},
		{"de no interruption", "Keine Unterbrechung der Labortätigkeit, nur das Postfach war einen Tag gesperrt.", 0},
		{"en words", "The LIS was unavailable for three days.", 3},
		{"en hours", "The portal was down for about 6 hours.", 0.25},
		{"en a day", "Analyzer out of use for a day.", 1},
		{"en half a day", "We lost half a day of work.", 0.5},
		{"en not interrupted", "E-mail was blocked for a day; lab activity was not interrupted.", 0},
		{"en lateral", "Once inside, they moved laterally for about ten days.", -1},
		{"en 24/7", "24/7 monitoring by a SOC, alerts within minutes.", -1},
		{"en ago", "The account was created two weeks ago.", -1},
		{"empty", "", -1},
		{"non-answer", "néant", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := downtime(tt.text)
			if tt.want < 0 {
				if ok {
					t.Errorf("downtime(%q) = %v, want no duration", tt.text, got)
				}
				return
			}
			if !ok || math.Abs(got-tt.want) > 0.01 {
				t.Errorf("downtime(%q) = %v, %v; want %v", tt.text, got, ok, tt.want)
			}
		})
	}
}

func TestDowntimeOf(t *testing.T) {
	for _, tt := range []struct {
		name string
		a    Answers
		want float64 // -1: no duration
	}{
		// The attack's timeline in a) must not beat the outage told in b).
		{"timeline in a", Answers{"Les attaquants sont restés trois semaines dans le réseau.", "SIL indisponible pendant deux jours.", "", "Tests de restauration chaque mois.", ""}, 2},
		{"empty", Answers{}, -1},
		// d) is never read: its durations are plans, not outages.
		{"fr d only", Answers{"Phishing.", "Pas de SIL.", "Plan d'urgence.", "Une formation de trois jours pour tout le personnel.", ""}, -1},
		{"nl d longer", Answers{"Phishing.", "LIS een dag plat.", "Noodplan.", "Patches worden voortaan binnen de vijf werkdagen uitgerold, een opleiding van twee weken volgt.", ""}, 1},
		{"de d only", Answers{"Phishing.", "Keine Angaben.", "Notfallplan.", "Eine Schulung von zwei Tagen ist geplant.", ""}, -1},
		{"en d longer", Answers{"Phishing.", "The LIS was down for six hours.", "", "A two week awareness course for all staff.", ""}, 0.25},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := DowntimeOf(tt.a)
			switch {
			case tt.want < 0 && ok:
				t.Errorf("DowntimeOf = %v, want no duration", got)
			case tt.want >= 0 && (!ok || got != tt.want):
				t.Errorf("DowntimeOf = %v, %v; want %v", got, ok, tt.want)
			}
		})
	}
}
