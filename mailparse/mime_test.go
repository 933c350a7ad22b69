package mailparse

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/mime")

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "testdata", "mime", name))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func mustDecode(t *testing.T, raw []byte) *decoded {
	t.Helper()
	d, err := decode(raw, nil)
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	return d
}

// TestDecodeFixtures checks each MIME feature on a small realistic
// message of testdata/mime: what the text must contain, must not contain,
// and the header fields.
func TestDecodeFixtures(t *testing.T) {
	tests := []struct {
		file      string
		has       []string // substrings of Text
		hasNot    []string
		subject   string
		from      string
		fromName  string
		date      string
		html      bool
		warn      string // substring of one warning, if any expected
		attached  []string
		unread    int
		attText   string
		dsn       bool
		messageID string
	}{
		{
			file: "outlook-list.eml",
			has: []string{
				"C – Actions correctives immédiates\n- isolement du réseau ;\n  - serveurs éteints\n- plainte – déposée “le jour même”.",
				"\n\nd) Mesures préventives : MFA\n",
				"De : QL_secretariat <QL_secretariat@sciensano.be>\nEnvoyé : lundi 15 février 2021 10:12\nObjet : Cyber attaque – labo xxxxx",
			},
			hasNot:    []string{"supportLists", "·", "mso", "shapedefaults", "\u00a0", "\r"},
			subject:   "RE: Cyber attaque – labo 12345",
			from:      "marie.dupont@labo-exemple.be",
			fromName:  "Dupont, Marie",
			date:      "2021-02-16T09:15:02Z",
			html:      true,
			messageID: "AM0PR01MB1234ABCD@AM0PR01MB1234.eurprd01.prod.outlook.com",
		},
		{
			file: "related-table.eml",
			has: []string{
				"\na) Cause probable | Hameçonnage ; coût 500 €\n",
				"\nc) Actions immédiates | - isolement\n- restauration\n",
				"\nd) Mesures préventives\ne) Référence | NC-2021-01\nCAPA-7",
			},
			hasNot:   []string{"logo", "td {"},
			fromName: "Lemaire Benoît",
			html:     true,
		},
		{
			file:    "cp1252-qp.eml",
			has:     []string{"L’attaque a duré 48 heures – coût estimé € 2000.\nCeci est une longue ligne qui doit être coupée par le quoted-printable parce qu’elle dépasse soixante-seize caractères."},
			subject: "Cyber attaque – labo 33333",
		},
		{
			file:     "mislabelled-ascii.eml",
			has:      []string{"Le réseau a été coupé pendant une journée.\n\nEnvoyé de mon iPhone"},
			from:     "m.hubert@labo.be",
			date:     "2021-02-19T22:37:05+01:00",
			warn:     "us-ascii",
			fromName: "Martine",
		},
		{
			file: "mislabelled-utf8.eml",
			has:  []string{"café – geen idee."},
			date: "2021-02-18T21:14:40+01:00",
		},
		{
			file:      "split-subject.eml",
			has:       []string{"Réponse."},
			subject:   "Réponse cyberattaque – labo 52870 (complément)",
			fromName:  "Gérard Anne-Sophie",
			from:      "as.gerard@lrmc.be",
			messageID: "split@example.be",
		},
		{
			file:     "mislabelled-word.eml",
			subject:  "Cyberattaque à l'hôpital",
			fromName: "François Lefèvre",
			date:     "2021-03-04T08:05:00+01:00",
		},
		{
			file: "forward-rfc822.eml",
			has: []string{
				"Beste, zie het doorgestuurde bericht van onze IT-dienst.\n\n-------- Forwarded message --------\nFrom: Jan Peeters <jan.peeters@azwesterhout.be>\nDate: Wed, 3 Mar 2021 17:10:00 +0100\nSubject: Antwoord vragen Sciensano – aanval\n",
				"Oorzaak: phishing. Impact: LIS 30 uur onbeschikbaar, geen résultaten.",
			},
			hasNot: []string{"multi-part message in MIME format"},
		},
		{
			file: "alternative-stub.eml",
			has: []string{
				"Geachte,\n\na) Ransomware via RDP-toegang van de leverancier.\nb) LIS drie dagen uit.\n> Vraag a) oorzaak?\n> Vraag b) impact?\n________________________________\nJan",
			},
			hasNot: []string{"HTML capable"},
			html:   true,
			warn:   "HTML used",
		},
		{
			file:   "dsn.eml",
			has:    []string{"could not be delivered"},
			hasNot: []string{"Reporting-MTA"},
			dsn:    true,
			from:   "mailer-daemon@example.be",
		},
		{
			file: "outlook-alt-table.eml",
			has: []string{
				"Question | Réponse\na) Cause | Phishing\nb) Impact | Le SIL était arrêté deux jours.\n",
				"\n- isolement du réseau\n- restauration\n  - sous-point\n",
			},
			html: true,
		},
		{
			file: "flowed-bullets.eml",
			has: []string{
				"over twee regels werd gespreid.\n- eerste punt\n- punt met tab\n- punt met cirkel\nok dat is geen punt\n",
				"\n> a) Wat was de oorzaak van de aanval en welke methode werd gebruikt?\n>> dieper",
			},
		},
		{
			file: "owa-gmail.eml",
			has: []string{
				"b) none\n\n________________________________\nFrom: QL_secretariat <QL_secretariat@sciensano.be>\nSent: Monday, February 15, 2021 10:12 AM\n",
				"wrote:\n> a) What was the cause?\n>\n> b) What was hit?\n>> nested",
			},
			hasNot: []string{"margin"},
			html:   true,
		},
		{
			file:     "attachments.eml",
			has:      []string{"Voir pièce jointe."},
			attached: []string{"réponse.pdf", "réponses labo.txt"},
			unread:   1,
			attText:  "a) réseau coupé",
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d := mustDecode(t, readFixture(t, tt.file))
			for _, s := range tt.has {
				if !strings.Contains(d.Text, s) {
					t.Errorf("text lacks %q\ntext:\n%s", s, d.Text)
				}
			}
			for _, s := range tt.hasNot {
				if strings.Contains(d.Text, s) {
					t.Errorf("text has %q\ntext:\n%s", s, d.Text)
				}
			}
			check := func(field, got, want string) {
				if want != "" && got != want {
					t.Errorf("%s = %q, want %q", field, got, want)
				}
			}
			check("Subject", d.Subject, tt.subject)
			check("From", d.From, tt.from)
			check("FromName", d.FromName, tt.fromName)
			check("Date", d.Date, tt.date)
			check("MessageID", d.MessageID, tt.messageID)
			if d.FromHTML != tt.html {
				t.Errorf("FromHTML = %v, want %v", d.FromHTML, tt.html)
			}
			if d.DeliveryStatus != tt.dsn {
				t.Errorf("DeliveryStatus = %v, want %v", d.DeliveryStatus, tt.dsn)
			}
			if tt.warn != "" && !strings.Contains(strings.Join(d.Warnings, "\n"), tt.warn) {
				t.Errorf("warnings %q lack %q", d.Warnings, tt.warn)
			}
			if tt.warn == "" && len(d.Warnings) > 0 {
				t.Errorf("unexpected warnings %q", d.Warnings)
			}
			var names []string
			for _, a := range d.Attachments {
				names = append(names, a.Name)
			}
			if strings.Join(names, "|") != strings.Join(tt.attached, "|") {
				t.Errorf("attachments %q, want %q", names, tt.attached)
			}
			if len(d.Unreadable) != tt.unread {
				t.Errorf("%d unreadable, want %d: %v", len(d.Unreadable), tt.unread, d.Unreadable)
			}
			if tt.attText != "" && (len(d.AttachmentTexts) == 0 || !strings.Contains(d.AttachmentTexts[0], tt.attText)) {
				t.Errorf("attachment texts %q lack %q", d.AttachmentTexts, tt.attText)
			}
		})
	}
}

// TestDecodeGolden compares the decoded text of every fixture and every
// corpus message with its golden file (testdata/mime/golden/NAME.txt);
// go test -run DecodeGolden -update rewrites them after a deliberate
// change, to be reviewed in the diff.
func TestDecodeGolden(t *testing.T) {
	var files []string
	for _, g := range []string{"../testdata/mime/*.eml", "../testdata/corpus/*.eml"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no fixtures found")
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			d := mustDecode(t, raw)
			got := d.Text
			for _, a := range d.AttachmentTexts {
				got += "\n==== attachment text ====\n" + a
			}
			golden := filepath.Join("..", "testdata", "mime", "golden", strings.TrimSuffix(name, ".eml")+".txt")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("decoded text differs from %s (rerun with -update and review the diff)\ngot:\n%s", golden, got)
			}
		})
	}
}

// TestDecodeLineEndings checks that a message reads the same whether it
// was stored with CRLF (as sent) or LF line ends (as mbox and Maildir
// tools often leave it).
func TestDecodeLineEndings(t *testing.T) {
	files, _ := filepath.Glob("../testdata/corpus/*.eml")
	more, _ := filepath.Glob("../testdata/mime/*.eml")
	for _, f := range append(files, more...) {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lf := []byte(strings.ReplaceAll(string(raw), "\r\n", "\n"))
		crlf := []byte(strings.ReplaceAll(string(lf), "\n", "\r\n"))
		a, b := mustDecode(t, lf), mustDecode(t, crlf)
		if a.Text != b.Text || a.Subject != b.Subject || len(a.Attachments) != len(b.Attachments) {
			t.Errorf("%s: LF and CRLF copies decode differently:\n%q\n%q", filepath.Base(f), truncate(a.Text, 300), truncate(b.Text, 300))
		}
	}
}
