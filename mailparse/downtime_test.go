package mailparse

import "testing"

// TestParseDowntimeNotFromD checks the path that ships: Parse reads
// downtime from b) and c), never from the deadlines and plans of d)
// (CONTRACT.md's downtime_days).
func TestParseDowntimeNotFromD(t *testing.T) {
	for _, tt := range []struct {
		name, subject, body string
		want                float64 // -1: null
	}{
		{"fr", "RE: Cyber attaque - labo 1001",
			"a) Phishing.\r\nb) Le SIL a été indisponible une journée.\r\nc) Plan d'urgence.\r\nd) Une formation de trois jours pour tout le personnel.\r\ne) Aucune.\r\n", 1},
		{"nl", "RE: Cyberaanval - labo 1002",
			"a) Phishing.\r\nb) Geen impact gemeld.\r\nc) Noodplan.\r\nd) Een opleiding van twee weken voor alle medewerkers.\r\ne) Geen.\r\n", -1},
		{"de", "AW: Cyberangriff - Labor 1003",
			"a) Phishing.\r\nb) Das LIS war zwei Tage ausgefallen.\r\nc) Notfallplan.\r\nd) Eine Schulung von fünf Tagen ist geplant.\r\ne) Keine.\r\n", 2},
		{"en", "RE: Cyber attack - lab 1004",
			"a) Phishing.\r\nb) The LIS was down for six hours.\r\nc) Paper forms.\r\nd) A two week awareness course for all staff.\r\ne) None.\r\n", 0.25},
	} {
		t.Run(tt.name, func(t *testing.T) {
			raw := "From: A <a@lab.be>\r\nSubject: " + tt.subject + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + tt.body
			r := Parse([]byte(raw), nil)
			if r.Kind != KindReport {
				t.Fatalf("kind %q, want report", r.Kind)
			}
			switch {
			case tt.want < 0 && r.DowntimeDays != nil:
				t.Errorf("downtime %v, want null", *r.DowntimeDays)
			case tt.want >= 0 && (r.DowntimeDays == nil || *r.DowntimeDays != tt.want):
				t.Errorf("downtime %v, want %v", r.DowntimeDays, tt.want)
			}
		})
	}
}
