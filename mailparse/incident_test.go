package mailparse

import (
	"testing"
	"time"
)

// TestIncidentDate pins the rules of CONTRACT.md's incident_date in the
// four languages, against a message sent on Thursday 25 February 2021.
func TestIncidentDate(t *testing.T) {
	sent := time.Date(2021, 2, 25, 10, 0, 0, 0, time.FixedZone("CET", 3600))
	tests := []struct {
		lang, text, want string
	}{
		// Days in words and digits, with or without a year.
		{"fr", "L'attaque a eu lieu le 12 janvier.", "2021-01-12"},
		{"fr", "Attaque survenue le 1er février 2021.", "2021-02-01"},
		{"fr", "Incident du 15/01/2021 : rançongiciel.", "2021-01-15"},
		{"nl", "Ons labo werd op 23 januari 2021 getroffen.", "2021-01-23"},
		{"nl", "LIS plat van zaterdag 23/01 tot maandag 25/01.", "2021-01-23"},
		{"de", "Unser Labor wurde am 28. Januar 2021 angegriffen.", "2021-01-28"},
		{"de", "Angriff am 09.02.2021 entdeckt.", "2021-02-09"},
		{"en", "A DDoS attack on 4 February 2021.", "2021-02-04"},
		{"en", "The attack began on March 2, 2020.", "2020-03-02"},
		// A date without its year is last year's when this year's is
		// to come; within two months to come, it is a plan.
		{"fr", "Connexion des attaquants le 3 décembre.", "2020-12-03"},
		{"fr", "Formation du personnel le 3 mars.", ""},
		// Ranges and nights count from their first day.
		{"fr", "dans la nuit du 17 au 18 janvier 2021", "2021-01-17"},
		{"nl", "In de nacht van 9 op 10 januari werd ransomware uitgerold.", "2021-01-09"},
		{"de", "Ausfall vom 1. bis 4. Februar.", "2021-02-01"},
		{"en", "ransomware deployed on the night of 10 to 11 January", "2021-01-10"},
		{"fr", "le week-end des 30 et 31 janvier 2021", "2021-01-30"},
		// The earliest step of the attack.
		{"en", "Phishing opened on 7 January, ransomware in the night of 9 to 10 January.", "2021-01-07"},
		{"nl", "Op 11 februari verdacht verkeer; op 8 februari was een phishingmail geopend.", "2021-02-08"},
		// Relative dates, resolved against the Date header.
		{"fr", "Nous avons été attaqués hier soir.", "2021-02-24"},
		{"fr", "Le SIL est tombé mardi dernier.", "2021-02-23"},
		{"nl", "Gisteren werd ons LIS versleuteld.", "2021-02-24"},
		{"nl", "Vorige week dinsdag werd het LIS versleuteld.", "2021-02-16"},
		{"de", "Der Angriff begann gestern Abend.", "2021-02-24"},
		{"de", "Letzten Montag fiel das LIS aus.", "2021-02-22"},
		{"en", "Our LIS went down last Tuesday.", "2021-02-23"},
		{"en", "The day before yesterday the portal was hit.", "2021-02-23"},
		{"en", "We were hit last week.", ""},
		{"nl", "Hier vindt u onze antwoorden.", ""}, // "hier" is "here"
		{"de", "Hier unsere Antworten.", ""},
		// Months alone.
		{"fr", "Notre laboratoire a été touché début décembre.", "2020-12"},
		{"fr", "Suite à votre courrier, l'incident de janvier :", "2021-01"},
		{"nl", "Ons labo werd eind december getroffen.", "2020-12"},
		{"de", "ein Angriff, der Anfang Februar unser Labor betroffen hat", "2021-02"},
		{"en", "An incident at the end of January.", "2021-01"},
		// A day beats a month told as background.
		{"nl", "De wachtwoorden lekten in november 2020 uit; op 3 februari logde een aanvaller in.", "2021-02-03"},
		// Not the incident: the letter, earlier replies, backups,
		// records, results of a period, someone leaving.
		{"fr", "Suite à votre courrier du 15 février, voici nos réponses.", ""},
		{"nl", "In aanvulling op ons antwoord van 19 februari: NC-2021-041.", ""},
		{"de", "bezugnehmend auf Ihr Schreiben vom 15.02.2021", ""},
		{"en", "Please find below our answers to your letter of 15 February 2021.", ""},
		{"en", "Re your letter ref. Sciensano-AC-2021-04 of 15 February 2021", ""},
		{"fr", "SIL restauré à partir de la sauvegarde du 17 janvier.", ""},
		{"nl", "LIS teruggezet vanaf de back-up (tapes) van 6 januari.", ""},
		{"de", "Wiederherstellung aus der Bandsicherung vom 5. Februar.", ""},
		{"nl", "De resultaten van 8 tot 13 januari werden manueel ingevoerd.", ""},
		{"fr", "le compte d'une collaboratrice partie en novembre 2020", ""},
		{"nl", "In aanvulling op onze eerste melding van 14 januari (zie hieronder):", ""},
		{"en", "DDoS attack against our results portal (results.lab.be) on 24 February.", "2021-02-24"},
		// What only looks like a date.
		{"en", "24/7 monitoring by a SOC; PV GE.55.L3.004512/2021; call 02/555.81.40.", ""},
		{"fr", "Référence NCR 21/033, CVE-2021-26855.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.text, func(t *testing.T) {
			got := ""
			if p := incidentDate(tt.text, sent, tt.lang); p != nil {
				got = *p
			}
			if got != tt.want {
				t.Errorf("incidentDate = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestIncidentDateNeedsTheDate checks that a date without its year, or a
// relative one, is not guessed when the message has no Date header.
func TestIncidentDateNeedsTheDate(t *testing.T) {
	for text, want := range map[string]string{
		"attaque le 12 janvier":      "",
		"attaque hier":               "",
		"attaque le 12 janvier 2021": "2021-01-12",
	} {
		got := ""
		if p := incidentDate(text, time.Time{}, "fr"); p != nil {
			got = *p
		}
		if got != want {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
}

// TestIncidentDateOnlyForReports checks the contract's null when kind is
// not report, and the field's reading through Parse (d) and e) left out).
func TestIncidentDateOnlyForReports(t *testing.T) {
	auto := "From: lab@example.be\r\nSubject: Automatic reply: out of office\r\nAuto-Submitted: auto-replied\r\n" +
		"Date: Thu, 25 Feb 2021 10:00:00 +0100\r\n\r\nI am away since 3 February 2021.\r\n"
	if r := Parse([]byte(auto), nil); r.Kind == KindReport || r.IncidentDate != nil {
		t.Errorf("kind %s, incident_date %v", r.Kind, r.IncidentDate)
	}
	report := "From: Lab <lab@example.be>\r\nSubject: RE: Sciensano-AC-2021-04 - labo 12345\r\n" +
		"Date: Thu, 25 Feb 2021 10:00:00 +0100\r\n\r\n" +
		"a) Phishing mail opened on 8 February.\r\nb) LIS down for two days.\r\nc) Paper.\r\n" +
		"d) Training given on 2 February.\r\ne) NC-2021-014 opened 1 February.\r\n"
	r := Parse([]byte(report), nil)
	if r.IncidentDate == nil || *r.IncidentDate != "2021-02-08" {
		t.Errorf("incident_date %v, want 2021-02-08 (d and e are not read)", r.IncidentDate)
	}
}
