package mailparse

import "testing"

func TestParseSubject(t *testing.T) {
	lab := func(s string) *string { return &s }
	for _, tc := range []struct {
		name, subject string
		convention    bool
		lab           *string
		auto, bounce  bool
		forward       bool
	}{
		{"french en dash", "Cyber attaque – labo 21437", true, lab("21437"), false, false, false},
		{"reply prefix", "RE: Cyber attaque – labo 21437", true, lab("21437"), false, false, false},
		{"stacked prefixes", "AW: WG: TR: Fwd: RE: Cyberaanval - labo 41872", true, lab("41872"), false, false, true},
		{"joined word", "Re: Cyberattaque – labo 43109", true, lab("43109"), false, false, false},
		{"hyphenated", "Cyber-attaque - labo 8-21045-32-117", true, lab("8-21045-32-117"), false, false, false},
		{"no dash", "Cyber attaque labo 12345", true, lab("12345"), false, false, false},
		{"upper case", "CYBER ATTAQUE - LABO 38822", true, lab("38822"), false, false, false},
		{"typo", "Cyber attque - labo 17782", true, lab("17782"), false, false, false},
		{"typo in dutch", "Cyberaanvall – labo 17782", true, lab("17782"), false, false, false},
		{"dutch two words", "Cyber aanval - labo 52231", true, lab("52231"), false, false, false},
		{"german", "AW: Cyberangriff – Labor 91357", true, lab("91357"), false, false, false},
		{"german two words", "Cyber Angriff - Labor 90210", true, lab("90210"), false, false, false},
		{"english", "Cyber attack - lab St Hilda International Hospital", true, lab("St Hilda International Hospital"), false, false, false},
		{"em dash name", "Cyber attaque — labo CHR Val-de-Meuse", true, lab("CHR Val-de-Meuse"), false, false, false},
		{"remark in brackets", "Re: Cyberattaque - labo 43109 (complément)", true, lab("43109"), false, false, false},
		{"remark after dash", "Cyber attaque – labo 30518 – réponses", true, lab("30518"), false, false, false},
		{"laboratoire word", "Cyber attaque - laboratoire 5501", true, lab("5501"), false, false, false},
		{"number sign", "Cyber attaque – labo n° 12345", true, lab("12345"), false, false, false},
		{"remark after comma", "Cyberaanval - labo 12345, aanvulling", true, lab("12345"), false, false, false},
		{"colon after labo", "Cyber attaque - Labo : 12345", true, lab("12345"), false, false, false},
		{"tagged", "[EXT] RE: Cyber attaque - labo 777", true, lab("777"), false, false, false},
		{"lab before the keyword", "Labo 12345 - Cyber attaque", true, lab("12345"), false, false, false},
		{"placeholder", "Cyber attaque – labo xxxxx", true, nil, false, false, false},
		{"placeholder with number sign", "Cyber attaque – labo n° xxxxx", true, nil, false, false, false},
		{"placeholder upper", "RE: Cyber aanval – labo XXXXX", true, nil, false, false, false},
		{"auto reply prefix", "Réponse automatique : Cyber attaque – labo 64215", true, lab("64215"), true, false, false},
		{"dutch auto reply", "Automatisch antwoord: Cyberaanval – labo 1", true, lab("1"), true, false, false},
		{"bounce prefix", "Non remis : RE: Cyber attaque – labo 33190", true, lab("33190"), false, true, false},
		{"undeliverable", "Undeliverable: Cyber attack - lab 5", true, lab("5"), false, true, false},
		{"forward dutch", "Doorst: Cyberaanval – labo AZ Westerhout", true, lab("AZ Westerhout"), false, false, true},
		{"possessive phrase en", "Cyber attack on our laboratory", true, nil, false, false, false},
		{"possessive phrase fr", "Cyberattaque dans notre laboratoire", true, nil, false, false, false},
		{"possessive phrase nl", "Cyberaanval op ons labo", true, nil, false, false, false},
		{"possessive phrase de", "Cyberangriff auf unser Labor", true, nil, false, false, false},
		{"possessive then number", "Cyberaanval bij ons labo 4471", true, lab("4471"), false, false, false},
		{"article opening a proper name", "Cyber attack - lab The Royal Infirmary", true, lab("The Royal Infirmary"), false, false, false},
		{"article before the lab word", "Cyberattaque sur le laboratoire", true, nil, false, false, false},
		{"lab named after a preposition", "Cyber attaque – labo de Biologie Clinique", true, lab("de Biologie Clinique"), false, false, false},
		{"possessive after the dash", "Cyber attack – our laboratory", true, nil, false, false, false},
		// Dashes mangled on the way: the lab is what follows the lab word.
		{"dash became question mark de", "AW: Cyber Angriff ? Labor 33701", true, lab("33701"), false, false, false},
		{"dash became question mark unspaced", "Cyber attaque?labo 33701", true, lab("33701"), false, false, false},
		{"dash became replacement char", "RE: Cyber attaque \uFFFD labo 21437", true, lab("21437"), false, false, false},
		{"dash became three replacement chars", "Cyberaanval \uFFFD\uFFFD\uFFFD labo 0123", true, lab("0123"), false, false, false},
		{"en dash read as windows-1252 nl", "Re: Cyberaanval â€“ labo 0123", true, lab("0123"), false, false, false},
		{"em dash read as windows-1252 fr", "Cyber attaque â€” laboratoire CHU Liège", true, lab("CHU Liège"), false, false, false},
		{"en dash read as latin-1", "Cyber attack \u00e2\u0080\u0093 lab 5501", true, lab("5501"), false, false, false},
		{"en dash mangled twice", "Cyberangriff Ã¢Â€Â“ Labor 91357", true, lab("91357"), false, false, false},
		{"mojibake dash lost a byte", "Cyber attaque â€ labo 12345", true, lab("12345"), false, false, false},
		{"undecoded quoted-printable dash", "Cyber attaque =E2=80=93 labo 30518", true, lab("30518"), false, false, false},
		{"mojibake in the lab name", "Cyber attaque â€“ labo CHU LiÃ¨ge", true, lab("CHU Liège"), false, false, false},
		{"remark after a mangled dash", "Cyberaanval ? labo 27815 ? aanvulling", true, lab("27815"), false, false, false},
		{"remark after a mojibake dash", "Cyber attack â€“ lab 27815 â€“ follow-up", true, lab("27815"), false, false, false},
		{"html named reference", "Cyber attaque &ndash; labo 43109", true, lab("43109"), false, false, false},
		{"html numeric reference", "Cyberaanval &#8211; labo 41872", true, lab("41872"), false, false, false},
		{"unspaced en dash", "Cyber attaque–labo 12345", true, lab("12345"), false, false, false},
		{"unrelated", "Medilys Info février 2021 : webinaire cybersécurité", false, nil, false, false, false},
		{"other cyber word", "Cybersecurity newsletter", false, nil, false, false, false},
		{"empty", "", false, nil, false, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := parseSubject(tc.subject)
			if got.Convention != tc.convention {
				t.Errorf("convention = %v, want %v", got.Convention, tc.convention)
			}
			if (got.Lab == nil) != (tc.lab == nil) || got.Lab != nil && *got.Lab != *tc.lab {
				t.Errorf("lab = %v, want %v", deref(got.Lab), deref(tc.lab))
			}
			if got.AutoReply != tc.auto || got.Bounce != tc.bounce {
				t.Errorf("auto/bounce = %v/%v, want %v/%v", got.AutoReply, got.Bounce, tc.auto, tc.bounce)
			}
			if tc.forward && !got.Forward {
				t.Errorf("forward prefix not seen")
			}
		})
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"cyberattaque", "cyberattaque", 0},
		{"cyberattque", "cyberattaque", 1},
		{"cyberaanval", "cyberangriff", 6},
		{"", "abc", 3},
	} {
		if got := editDistance(tc.a, tc.b); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestRepairMojibake(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"en dash via windows-1252", "a â€“ b", "a – b"},
		{"em dash via windows-1252", "a â€” b", "a — b"},
		{"en dash via latin-1", "a \u00e2\u0080\u0093 b", "a – b"},
		{"twice", "a Ã¢Â€Â“ b", "a – b"},
		{"accents", "LiÃ¨ge, rÃ©ponse, cÅ“ur", "Liège, réponse, cœur"},
		{"quoted-printable", "a =E2=80=93 b", "a – b"},
		{"html references", "a &ndash; b &#8212; c &#x2013; R&D &amp;", "a – b — c – R&D &"},
		{"quoted-printable not utf-8", "x =E9=E9 y", "x =E9=E9 y"},
		{"genuine dash kept", "Cyber attaque – labo 1", "Cyber attaque – labo 1"},
		{"genuine accents kept", "Réponse à la lettre, Größe", "Réponse à la lettre, Größe"},
		{"genuine capital before nbsp kept", "RÉPONSE DU LABO CHU LIÈGE\u00a0: ÉTÉ\u00a0!", "RÉPONSE DU LABO CHU LIÈGE\u00a0: ÉTÉ\u00a0!"},
		{"genuine dash beside mojibake", "–Ã©", "–é"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := repairMojibake(tc.in); got != tc.want {
				t.Errorf("repairMojibake(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// A client that splits the en dash across two RFC 2047 words must not
// cost the lab: the header decoder joins the bytes before converting.
func TestSubjectSplitEncodedWord(t *testing.T) {
	for _, tc := range []struct{ name, header, want string }{
		{"q split mid-character", "=?UTF-8?Q?Cyber_attaque_=E2=80?= =?UTF-8?Q?=93_labo_21437?=", "21437"},
		{"b split mid-character", "=?utf-8?B?Q3liZXJhYW52YWwg4oA=?= =?utf-8?B?kyBsYWJvIDAxMjM=?=", "0123"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := parseSubject(decodeWords(tc.header))
			if deref(got.Lab) != tc.want {
				t.Errorf("lab = %q, want %q (subject %q)", deref(got.Lab), tc.want, decodeWords(tc.header))
			}
		})
	}
}

// BenchmarkParseSubject reads the usual subjects: the convention with a
// genuine dash, a reply prefix, and one mangled dash.
func BenchmarkParseSubject(b *testing.B) {
	subjects := []string{"RE: Cyber attaque – labo 21437", "AW: WG: Cyberaanval - labo 41872", "Re: Cyberaanval â€“ labo 0123", "Webinaire cybersécurité février"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		parseSubject(subjects[i%len(subjects)])
	}
}
