package mailparse

import (
	"strings"
	"testing"

	"github.com/emersion/go-message/mail"
)

func hdr(kv ...string) mail.Header {
	var h mail.Header
	for i := 0; i+1 < len(kv); i += 2 {
		h.Add(kv[i], kv[i+1])
	}
	return h
}

func TestClassifyKind(t *testing.T) {
	conv := parseSubject("RE: Cyber attaque – labo 21437")
	none := parseSubject("Our incident of 2 March")
	for _, tc := range []struct {
		name string
		in   kindInfo
		want Kind
		warn bool
	}{
		{"report", kindInfo{Subject: conv, Answered: 5}, KindReport, false},
		{"report even without answers", kindInfo{Subject: conv}, KindReport, false},
		{"rfc 3834", kindInfo{Header: hdr("Auto-Submitted", "auto-replied"), Subject: conv}, KindAutoReply, false},
		{"auto-submitted no", kindInfo{Header: hdr("Auto-Submitted", "no"), Subject: conv}, KindReport, false},
		{"x-autoreply", kindInfo{Header: hdr("X-Autoreply", "yes"), Subject: conv}, KindAutoReply, false},
		{"precedence auto_reply", kindInfo{Header: hdr("Precedence", "auto_reply"), Subject: conv}, KindAutoReply, false},
		{"subject wording", kindInfo{Subject: parseSubject("Automatic reply: Cyber attack - lab 5")}, KindAutoReply, false},
		{"out of office in subject", kindInfo{Subject: parseSubject("Out of Office: Cyberaanval - labo 5")}, KindAutoReply, false},
		{"absence wording in body", kindInfo{Subject: conv, OwnText: "Je suis absent du bureau jusqu'au 8 mars."}, KindAutoReply, false},
		{"dutch absence in body", kindInfo{Subject: conv, OwnText: "Ik ben afwezig tot 8 maart."}, KindAutoReply, false},
		{"german absence in body", kindInfo{Subject: conv, OwnText: "Abwesenheitsnotiz: ich bin nicht im Büro."}, KindAutoReply, false},
		{"absent colleague inside a report", kindInfo{Subject: conv, OwnText: "dr. Van Damme is deze week afwezig; hier onze antwoorden", Answered: 4}, KindReport, false},
		{"delivery status", kindInfo{Subject: conv, Delivery: true, Answered: 5}, KindBounce, false},
		{"mailer daemon", kindInfo{From: "mailer-daemon@mx.example", Subject: conv}, KindBounce, false},
		{"mail delivery subsystem", kindInfo{FromName: "Mail Delivery Subsystem", Subject: conv}, KindBounce, false},
		{"non remis", kindInfo{Subject: parseSubject("Non remis : RE: Cyber attaque – labo 33190"), Answered: 5}, KindBounce, false},
		{"newsletter", kindInfo{Header: hdr("Precedence", "bulk", "List-Unsubscribe", "<mailto:u@x>"), Subject: parseSubject("Webinaire cyberattaques et phishing")}, KindUnrelated, false},
		{"list mail", kindInfo{Header: hdr("List-Id", "<x.lists.example>"), Subject: none, Answered: 1}, KindUnrelated, false},
		{"cites the letter", kindInfo{Subject: none, CitesRef: true, Answered: 5}, KindReport, true},
		{"answers the questions", kindInfo{Subject: none, Answered: 4, Relevant: 4}, KindReport, true},
		{"a lettered list about other business", kindInfo{Subject: none, Answered: 4}, KindUnrelated, false},
		{"other business", kindInfo{Subject: none, Answered: 1}, KindUnrelated, false},
		{"prose reply", kindInfo{Subject: parseSubject("RE: votre lettre du 15 février"), IsReply: true, Prose: 5, Relevant: 5}, KindReport, true},
		{"prose newsletter", kindInfo{Subject: parseSubject("Cybersecurity news"), Prose: 5}, KindUnrelated, false},
		{"sciensano acknowledgment", kindInfo{From: "ql_secretariat@sciensano.be", Subject: conv}, KindUnrelated, false},
		{"sciensano acknowledgment, domain in capitals", kindInfo{From: "QL_Secretariat@SCIENSANO.BE", Subject: conv}, KindUnrelated, false},
		{"a look-alike domain is not sciensano", kindInfo{From: "info@sciensano.be.example.com", Subject: conv}, KindReport, false},
		{"sciensano forwarding a lab's answers", kindInfo{From: "arnaud.capron@sciensano.be", Subject: conv, Answered: 5}, KindReport, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, warn := classifyKind(tc.in)
			if got != tc.want {
				t.Errorf("kind = %s, want %s", got, tc.want)
			}
			if (warn != "") != tc.warn {
				t.Errorf("warning = %q, want one: %v", warn, tc.warn)
			}
		})
	}
}

func TestCitesLetter(t *testing.T) {
	long := strings.Repeat("Sciensano, rue J. Wytsman 14. ", 500)
	for _, tc := range []struct {
		name, s string
		want    bool
	}{
		{"plain", "Suite à votre lettre Sciensano AC 2021 04,", true},
		{"upper with dashes", "REF: SCIENSANO-AC-2021-4", true},
		{"underscores", "sciensano_ac_2021_04", true},
		{"mixed case", "Réf. SciEnsano Ac 2021 04", true},
		{"mixed case nl", "Uw brief ScIeNsAnO AC 2021 04", true},
		{"many years", strings.Repeat("2021 ", 200) + "sciensano ac 2021 4", true},
		{"second mention cites", "Sciensano asked (ref. sciensano ac 2021 04)", true},
		{"signature only", "Sciensano\nRue J. Wytsman 14", false},
		{"other year", "Sciensano AC 2020 04", false},
		{"reference at the end of long text", long + "Sciensano AC2021 04", true},
		{"long text without it", long, false},
		{"cut short", "Sciensano AC 20", false},
		{"empty", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := citesLetter(tc.s); got != tc.want {
				t.Errorf("citesLetter(%.60q) = %v, want %v", tc.s, got, tc.want)
			}
		})
	}
}

func TestIndexFold(t *testing.T) {
	for _, tc := range []struct {
		s, needle string
		want      int
	}{
		{"abc </STYLE> x", "</style", 4},
		{"SCIensano", "sciensano", 0},
		{"xx Sciensano", "sciensano", 3},
		{"sciensan", "sciensano", -1},
		{"Ssciensano", "sciensano", 1},
		{"", "a", -1},
		{"abc", "", 0},
		{"1234", "34", 2},
		{"VOIR SIGNATURE", "ignatur", 6},
		{"iiiiiiiiiiiiii Iensano", "iensano", 15},
		{"IIIII iensano", "iensano", 6},
		{"xxxxx", "x", 0},
	} {
		if got := indexFold(tc.s, tc.needle); got != tc.want {
			t.Errorf("indexFold(%q, %q) = %d, want %d", tc.s, tc.needle, got, tc.want)
		}
	}
}
