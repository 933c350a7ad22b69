package mailparse

import (
	"strings"
	"testing"
)

func TestParseMarker(t *testing.T) {
	for _, tc := range []struct {
		in      string
		ok      bool
		q       int
		numeric bool
		rest    string
	}{
		{"a) phishing", true, 0, false, "phishing"},
		{"(b) LIS down", true, 1, false, "LIS down"},
		{"c. Actions correctives immédiates", true, 2, false, "Actions correctives immédiates"},
		{"D: MFA", true, 3, false, "MFA"},
		{"E - Référence qualité", true, 4, false, "Référence qualité"},
		{"A – Cause", true, 0, false, "Cause"},
		{"1) Vermutliche Ursache", true, 0, true, "Vermutliche Ursache"},
		{"5. N/A", true, 4, true, "N/A"},
		{"Question c : Débranchement", true, 2, false, "Débranchement"},
		{"Punt a – Een ex-medewerker", true, 0, false, "Een ex-medewerker"},
		{"Vraag b: Ons labo", true, 1, false, "Ons labo"},
		{"Ad d) MFA", true, 3, false, "MFA"},
		{"**a)** Phishing", true, 0, false, "Phishing"},
		{"- a) De vermoedelijke oorzaak", true, 0, false, "De vermoedelijke oorzaak"},
		{"a/ force brute", true, 0, false, "force brute"},
		{"E-mail : x@y.be", false, 0, false, ""},
		{"A la suite de", false, 0, false, ""},
		{"1.5 jours", false, 0, false, ""},
		{"a/b testing", false, 0, false, ""},
		{"Antwort: Phishing", false, 0, false, ""},
		{"6) other", false, 0, false, ""},
		// Roman numerals, in parentheses, with a dot, a bracket or a dash.
		{"(i) Cause – unknown", true, 0, true, "Cause – unknown"},
		{"II) Impact op de activiteiten", true, 1, true, "Impact op de activiteiten"},
		{"iii- Sofortmaßnahmen", true, 2, true, "Sofortmaßnahmen"},
		{"IV. Mesures préventives", true, 3, true, "Mesures préventives"},
		{"(v) Quality records", true, 4, true, "Quality records"},
		{"I have checked", false, 0, false, ""},
		{"iv drip", false, 0, false, ""},
		{"vi) other", false, 0, false, ""},
		{"Iv) mixed case", false, 0, false, ""},
		// A letter in its own table cell, then question and answer cells.
		{"a | Probable cause | Phishing", true, 0, false, "Probable cause | Phishing"},
		{"2 | Impact | LIS down", true, 1, true, "Impact | LIS down"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			q, numeric, _, rest, ok := parseMarker(tc.in)
			if ok != tc.ok {
				t.Fatalf("ok = %v, want %v", ok, tc.ok)
			}
			if ok && (q != tc.q || numeric != tc.numeric || rest != tc.rest) {
				t.Errorf("got %d %v %q, want %d %v %q", q, numeric, rest, tc.q, tc.numeric, tc.rest)
			}
		})
	}
}

func TestHeadingMatchesQuestion(t *testing.T) {
	for _, tc := range []struct {
		heading string
		want    int // -1: not a heading
	}{
		{"Cause probable :", 0},
		{"Probable cause and method", 0},
		{"Vermoedelijke oorzaak:", 0},
		{"Ursache:", 0},
		{"Impact:", 1},
		{"Gevolgen voor het labo", 1},
		{"Betroffene Tätigkeiten und Auswirkungen", 1},
		{"Mesures immédiates :", 2},
		{"Immediate corrective actions", 2},
		{"Sofortmaßnahmen:", 2},
		{"Preventieve maatregelen", 3},
		{"Vorbeugende Maßnahmen:", 3},
		{"Prevention:", 3},
		{"Enregistrement qualité :", 4},
		{"Registratie in ons kwaliteitssysteem:", 4},
		{"Quality system reference", 4},
		{"Referenzen im QM-System", 4},
		{"Le SIL a été indisponible pendant trois jours.", -1},
		{"Personne de contact :", -1},
		{"pas de référence", -1},
		{"Bonjour,", -1},
	} {
		t.Run(tc.heading, func(t *testing.T) {
			sc, ok := headingLike(tc.heading, 8)
			if tc.want < 0 {
				if ok {
					t.Errorf("read as a heading (%v)", sc)
				}
				return
			}
			if !ok {
				t.Fatalf("not read as a heading (%v)", sc)
			}
			if q, _, _ := bestQuestion(sc); q != tc.want {
				t.Errorf("question %c, want %c (%v)", 'a'+q, 'a'+tc.want, sc)
			}
		})
	}
}

func TestCopiedQuestion(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"la cause probable de l'attaque et la méthode prétendument utilisée par les pirates", 0},
		{"De activiteiten/diensten waarop de aanval een impact heeft en een korte beschrijving van de consequenties", 1},
		{"les actions correctives immédiates qui ont été prises pour garantir la sécurité des données", 2},
		{"the preventive measures taken by the laboratory to avoid this type of attack in the future", 3},
		{"De referentie(s) van de registratie(s) van dit incident in uw kwaliteitssysteem", 4},
		{"Le SIL a été restauré à partir de la sauvegarde du 17 janvier.", -1},
		// A question copied in capitals is the same question.
		{"LES MESURES DE PRÉVENTION PRISES PAR LE LABORATOIRE POUR ÉVITER CE TYPE D'ATTAQUE À L'AVENIR", 3},
		{"DE ACTIVITEITEN/DIENSTEN WAAROP DE AANVAL EEN IMPACT HEEFT EN EEN KORTE BESCHRIJVING VAN DE CONSEQUENTIES", 1},
		{"DIE WAHRSCHEINLICHE URSACHE DES ANGRIFFS UND DIE VON DEN ANGREIFERN ANGEBLICH VERWENDETE METHODE", 0},
		{"THE PREVENTIVE MEASURES TAKEN BY THE LABORATORY TO AVOID THIS TYPE OF ATTACK IN THE FUTURE", 3},
	} {
		if got := copiedQuestion(tc.text); got != tc.want {
			t.Errorf("copiedQuestion(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}

// TestExtractSections reads answers written in the ways labs write them.
func TestExtractSections(t *testing.T) {
	ctx := sectionCtx{NameTokens: map[string]bool{"jan": true, "peeters": true}}
	for _, tc := range []struct {
		name string
		text string
		want [5]string
	}{
		{"letters", "Bonjour,\na) phishing\nb) SIL arrêté\nc) plan dégradé\nd) MFA\ne) NC-1\nCordialement,\nJan Peeters",
			[5]string{"phishing", "SIL arrêté", "plan dégradé", "MFA", "NC-1"}},
		{"all on one line", "a) phishing b) LIS 2 dagen plat c) noodplan d) MFA e) n.v.t.\nContact: Jan",
			[5]string{"phishing", "LIS 2 dagen plat", "noodplan", "MFA", "n.v.t."}},
		{"any order with labels", "Question b : impact\nQuestion a : cause\nQuestion e : NC-2\nQuestion d : prévention\nQuestion c : actions",
			[5]string{"cause", "impact", "actions", "prévention", "NC-2"}},
		{"numbers", "1. Ransomware.\n2. LIS down.\n3.\n- noodplan\n- back-up\n4. EDR.\n5. NC-3\nMet vriendelijke groeten,",
			[5]string{"Ransomware.", "LIS down.", "- noodplan\n- back-up", "EDR.", "NC-3"}},
		{"headings on their own line", "Cause probable :\nVPN non patché.\nImpact :\nSIL arrêté.\nMesures immédiates :\nIsolement.\nMesures préventives :\nPatchs.\nEnregistrement qualité :\nNC-4\nPersonne de contact : Jan Peeters",
			[5]string{"VPN non patché.", "SIL arrêté.", "Isolement.", "Patchs.", "NC-4"}},
		{"heading and answer on one line", "Probable cause: phishing.\nImpact: e-mail only.\nActions taken: passwords reset.\nPrevention: MFA.",
			[5]string{"phishing.", "e-mail only.", "passwords reset.", "MFA.", ""}},
		{"heading, dash, answer", "Oorzaak – phishing.\nImpact – LIS een dag plat.\nOnmiddellijke maatregelen – noodplan.\nPreventie – MFA.\nKwaliteitssysteem – NC-7",
			[5]string{"phishing.", "LIS een dag plat.", "noodplan.", "MFA.", "NC-7"}},
		{"copied questions with answer labels", "a) la cause probable de l'attaque et la méthode prétendument utilisée par les pirates\nAntwort: Phishing.\nb) Les activités/services impactées et une description succincte de la manière dont cet attentat a affecté ces activités,\nAntwort: Keine Unterbrechung.",
			[5]string{"Phishing.", "Keine Unterbrechung.", "", "", ""}},
		{"inline under quoted questions", "Bonjour.\n> a) la cause probable de l'attaque et la méthode\n> prétendument utilisée par les pirates\n\nPhishing.\n\n> b) Les activités/services impactées et une description\n> succincte de la manière dont cet attentat a affecté ces activités,\n\nMessagerie seulement.\n> Si votre laboratoire devait être victime\nPersonne de contact : Jan",
			[5]string{"Phishing.", "Messagerie seulement.", "", "", ""}},
		{"cross reference kept", "a) phishing\nb) voir a)\nc) isolement\nd) MFA\ne) néant",
			[5]string{"phishing", "voir a)", "isolement", "MFA", "néant"}},
		{"section given twice keeps the first", "Punt a – phishing\nPunt b – LIS\n*****\nPoint a – hameçonnage\nPoint b – SIL",
			[5]string{"phishing", "LIS", "", "", ""}},
		{"labelled marker in a sentence", "Je transmets les réponses a) à d). Zu e): noch nicht erfasst.",
			[5]string{"", "", "", "", "noch nicht erfasst."}},
		{"table rows", "Question | Réponse du laboratoire\na) Cause probable | Prestataire compromis.\nb) Activités impactées | Tout.\nPersonne de contact | Jan Peeters",
			[5]string{"Prestataire compromis.", "Tout.", "", "", ""}},
		{"numbered answers above the quoted letter", "1. Phishing.\n2. LIS plat.\n3. Noodplan.\n4. MFA.\n5. NC-9\nGroeten,\n> - a) De vermoedelijke oorzaak van de aanval en de methode die de hackers\n> - b) De activiteiten/diensten waarop de aanval een impact heeft",
			[5]string{"Phishing.", "LIS plat.", "Noodplan.", "MFA.", "NC-9"}},
		{"letter in its own cell", "a) | phishing\nb) | LIS\nc) | noodplan",
			[5]string{"phishing", "LIS", "noodplan", "", ""}},
		{"closing words after the last answer", "a) x\nb) y\nc) z\nd) w\ne) NC-5\n\nLe laboratoire reste joignable au 081 22 33 44.",
			[5]string{"x", "y", "z", "w", "NC-5"}},
		{"last answer over two paragraphs", "a) x\nb) y\nc) z\ne) NC-5\nd) MFA sur le VPN.\n\nLe plan dégradé a aussi été revu.",
			[5]string{"x", "y", "z", "MFA sur le VPN.\n\nLe plan dégradé a aussi été revu.", "NC-5"}},
		{"a sentence opening with 'Kontakt' stays in the answer", "a) Phishing.\nb) LIS.\nc) Server getrennt.\nKontakt mit dem Hersteller: Patch eingespielt.\nd) MFA.\ne) AB-1\nKontakt: Jan",
			[5]string{"Phishing.", "LIS.", "Server getrennt.\nKontakt mit dem Hersteller: Patch eingespielt.", "MFA.", "AB-1"}},
		{"name after the last answer", "a) x\nb) y\nc) z\nd) w\ne) néant\nJan Peeters",
			[5]string{"x", "y", "z", "w", "néant"}},
		{"negation is an answer", "a) onbekend\nb) geen impact\nc) niets\nd) /\ne) pas de référence\nJan Peeters",
			[5]string{"onbekend", "geen impact", "niets", "/", "pas de référence"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := extractSections(splitLines(tc.text), ctx)
			for q := range tc.want {
				if strings.TrimSpace(got.Answers[q]) != tc.want[q] {
					t.Errorf("%c) = %q, want %q", 'a'+q, got.Answers[q], tc.want[q])
				}
			}
		})
	}
}

func TestProseSections(t *testing.T) {
	text := "Madame, Monsieur,\n\nSuite à votre courrier, voici ce qui s'est passé.\n" +
		"Un collaborateur a ouvert une pièce jointe piégée reçue par phishing. Le SIL a été indisponible pendant deux jours. " +
		"Nous avons isolé le serveur et restauré la sauvegarde. À l'avenir, une formation du personnel sera organisée. " +
		"L'incident a été enregistré comme non-conformité NC-2021-031.\n\nN'hésitez pas à me contacter.\nBien cordialement,\nJan Peeters"
	got := proseSections(splitLines(text), sectionCtx{})
	want := [5]string{
		"Un collaborateur a ouvert une pièce jointe piégée reçue par phishing.",
		"Le SIL a été indisponible pendant deux jours.",
		"Nous avons isolé le serveur et restauré la sauvegarde.",
		"À l'avenir, une formation du personnel sera organisée.",
		"enregistré comme non-conformité NC-2021-031.",
	}
	for q := range want {
		if got.Answers[q] != want[q] {
			t.Errorf("%c) = %q, want %q", 'a'+q, got.Answers[q], want[q])
		}
	}
	for _, pointer := range []string{
		"Bonjour,\nVeuillez trouver en pièce jointe notre réponse (réf. Sciensano-AC-2021-04).\nMerci.",
		"Geachte,\nZie bijlage voor ons antwoord over de phishingaanval.\nMvg",
		"Anbei unsere Antworten zum Ransomware-Angriff als PDF.",
	} {
		if got := proseSections(splitLines(pointer), sectionCtx{}); got.Answered != 0 {
			t.Errorf("a pointer to an attachment answered %d questions: %q", got.Answered, got.Answers)
		}
	}
	if got := proseSections(splitLines("Bonjour,\nVeuillez trouver en pièce jointe notre réponse (réf. Sciensano-AC-2021-04).\nMerci."), sectionCtx{}); got.Answered != 0 {
		t.Errorf("a pointer to an attachment answered %d questions: %q", got.Answered, got.Answers)
	}
}

// FuzzReadText fuzzes the text-level reading (quotes, headings, answers,
// prose, contact, references, subject) without MIME decoding or package
// classify, so it explores this layer faster:
// go test -run='^$' -fuzz='^FuzzReadText$' ./mailparse
func FuzzReadText(f *testing.F) {
	f.Add("a) phishing b) LIS c) x d) y e) NC-1\nContact: Jan +32 2 123 45 67", "RE: Cyber attaque – labo 1")
	f.Add("> a) la cause probable de l'attaque\n\nPhishing.\n-------- Message transféré --------", "TR: Cyberaanval labo xxxxx")
	f.Add("Cause probable :\nVPN.\nImpact | SIL\nZu e): erfasst.\nDe : A <a@b.c>\nEnvoyé : x\nObjet : y", "Cyber attque - labo (x)")
	f.Fuzz(func(t *testing.T, text, subject string) {
		segs := segments(splitLines(text))
		if len(segs) == 0 {
			t.Fatal("no segment")
		}
		ctx := sectionCtx{NameTokens: map[string]bool{"jan": true}}
		for _, s := range segs {
			r := extractSections(s.Lines, ctx)
			if r.Answered != countAnswers(r.Answers) {
				t.Fatalf("answered %d for %q", r.Answered, r.Answers)
			}
			extractSections(markLetterLines(s.Lines), ctx)
			proseSections(s.Lines, ctx)
			findContact([]contactSource{{Lines: s.Lines}}, map[string]string{})
			signerOf(s.Lines, "x@y.be", "Jan X")
		}
		references(text)
		parseSubject(subject)
	})
}

func TestIsNameLine(t *testing.T) {
	names := map[string]bool{"martine": true, "hubert": true, "jan": true, "peeters": true, "dufrasne": true}
	tests := []struct {
		line string
		want bool
	}{
		{"Martine Hubert", true},
		{"Dr G. Dufrasne", true},
		{"Prof. dr. Peeters", true},
		{"Dokter Jan Peeters", true},
		{"Mlle Hubert", true},
		{"Mevrouw Peeters", true},
		{"Hubert", true},
		{"Jan Peeters, labodirecteur", false},
		{"Martine Dupont", false},
		{"Dr", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := isNameLine(tt.line, names); got != tt.want {
				t.Errorf("isNameLine(%q) = %v, want %v", tt.line, got, tt.want)
			}
		})
	}
}
