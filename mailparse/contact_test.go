package mailparse

import (
	"strings"
	"testing"
)

func TestFindContact(t *testing.T) {
	signer := Contact{Name: "Valérie Lambotte", Email: "valerie.lambotte@chu.be", Phone: "+32 71 48 23 10"}
	signerPhone := func(p string) Contact { c := signer; c.Phone = p; return c }
	people := map[string]string{
		"valerie.lambotte@chu.be": "Valérie Lambotte",
		"o.dumont@biolab.be":      "Olivier Dumont",
		"sofie.claeys@az.be":      "Sofie Claeys",
	}
	for _, tc := range []struct {
		name string
		text string
		want Contact
	}{
		{"myself french", "Personne de contact : moi-même.", signer},
		{"undersigned dutch", "Contactpersoon voor verdere vragen: ondergetekende.", signer},
		{"undersigned german", "Ansprechpartnerin ist die Unterzeichnende.", signer},
		{"myself english", "Contact: myself — details below.", signer},
		{"contact me with a phone", "For any questions please contact me at +32 2 709 33 10.",
			Contact{Name: "Valérie Lambotte", Email: "valerie.lambotte@chu.be", Phone: "+32 2 709 33 10"}},
		{"named with titles", "Personne de contact : Mme Nadia Bensaïd, responsable qualité – +32 2 644 18 75 – nadia.bensaid@lab.be",
			Contact{Name: "Nadia Bensaïd", Email: "nadia.bensaid@lab.be", Phone: "+32 2 644 18 75"}},
		{"dutch title apr.", "Contactpersoon: apr. An Jacobs, klinisch bioloog, an.jacobs@bm.be, +32 89 36 52 10",
			Contact{Name: "An Jacobs", Email: "an.jacobs@bm.be", Phone: "+32 89 36 52 10"}},
		{"german frau", "Ansprechpartnerin: Frau Claudia Heinen, Qualitätsmanagerin, +32 87 74 20 15, c.heinen@lw.be",
			Contact{Name: "Claudia Heinen", Email: "c.heinen@lw.be", Phone: "+32 87 74 20 15"}},
		{"e-mail looked up by name", "Contact: Sofie Claeys +32 475 12 34 56",
			Contact{Name: "Sofie Claeys", Email: "sofie.claeys@az.be", Phone: "+32 475 12 34 56"}},
		{"no e-mail anywhere", "Contactpersoon: Dr. Ilse Van Damme, klinisch bioloog, tel. +32 14 40 12 12",
			Contact{Name: "Ilse Van Damme", Phone: "+32 14 40 12 12"}},
		{"table cell on the next line", "Personne de contact | Isabelle Dethier, coordinatrice qualité\nisabelle.dethier@chr.be - +32 85 27 61 44",
			Contact{Name: "Isabelle Dethier", Email: "isabelle.dethier@chr.be", Phone: "+32 85 27 61 44"}},
		{"invitation naming someone else", "Pour toute question, vous pouvez contacter directement M. Dumont (o.dumont@biolab.be, +32 65 39 71 02).",
			Contact{Name: "Olivier Dumont", Email: "o.dumont@biolab.be", Phone: "+32 65 39 71 02"}},
		{"invitation wrapped over two lines", "Should you require any further information, please contact our Quality\nManager, Rachel Owens (rachel.owens@clinic.be, +32 2 486 22 10).",
			Contact{Name: "Rachel Owens", Email: "rachel.owens@clinic.be", Phone: "+32 2 486 22 10"}},
		{"invitation naming a colleague in dutch", "Voor verdere vragen kunt u contact opnemen met onze kwaliteitscoördinator, Els Peeters (els.peeters@az.be).",
			Contact{Name: "Els Peeters", Email: "els.peeters@az.be"}},
		{"signer by default", "a) phishing\nBien cordialement,", signer},
		{"contact in a sentence is no label", "c) Kontakt mit dem Hersteller: Patch eingespielt.\nContact avec le CCB établi.", signer},
		{"the letter's contact copied is not the lab's", "Contact : Arnaud Capron\nTél. : +32 2 642 53 97\nE-mail : arnaud.capron@sciensano.be", signer},
		// "Reach me" verbs count only with a "me".
		{"reach me dutch", "Voor verdere vragen kan u mij bereiken op 03 218 44 70 of via dit mailadres.",
			Contact{Name: "Valérie Lambotte", Email: "valerie.lambotte@chu.be", Phone: "03 218 44 70"}},
		{"reach me french", "Vous pouvez me joindre au 081 72 40 15.",
			Contact{Name: "Valérie Lambotte", Email: "valerie.lambotte@chu.be", Phone: "081 72 40 15"}},
		{"reach me french elided", "N'hésitez pas à m'appeler au 0475 12 34 56.",
			Contact{Name: "Valérie Lambotte", Email: "valerie.lambotte@chu.be", Phone: "0475 12 34 56"}},
		{"reach me german", "Sie erreichen mich unter +32 87 74 20 15.",
			Contact{Name: "Valérie Lambotte", Email: "valerie.lambotte@chu.be", Phone: "+32 87 74 20 15"}},
		{"reach me english", "You can call me on +32 2 486 22 10.",
			Contact{Name: "Valérie Lambotte", Email: "valerie.lambotte@chu.be", Phone: "+32 2 486 22 10"}},
		{"reach without me is no invitation", "b) De resultaten konden de huisartsen niet bereiken (tel. 03 218 44 70).", signer},
		{"call without me is no invitation", "c) We had to call the vendor on +32 2 555 00 00.", signer},
		// A line typed below the letter's quoted request for a contact.
		{"answer below the quoted request french", "> énumérées dans cette lettre, y compris une personne de contact.\n\nJulien Marchal, responsable IT, julien.marchal@labo-meuse.be, 081 72 40 15",
			Contact{Name: "Julien Marchal", Email: "julien.marchal@labo-meuse.be", Phone: "081 72 40 15"}},
		{"answer below the quoted request dutch", "> de in deze brief genoemde gegevens te bezorgen, met inbegrip van een\n> contactpersoon.\nOndergetekende, 0475 31 20 88",
			Contact{Name: "Valérie Lambotte", Email: "valerie.lambotte@chu.be", Phone: "0475 31 20 88"}},
		{"answer below the quoted request german", "> einschließlich eines Ansprechpartners.\nSofie Claeys",
			Contact{Name: "Sofie Claeys", Email: "sofie.claeys@az.be"}},
		{"answer below the quoted request english", "> including a contact person.\n\nOlivier Dumont (o.dumont@biolab.be)",
			Contact{Name: "Olivier Dumont", Email: "o.dumont@biolab.be"}},
		{"a sentence below the request is no contact", "> y compris une personne de contact.\n\nNous restons à votre disposition pour toute question complémentaire sur cet incident.", signer},
		// "See the signature", "the sender": the signer.
		{"see signature french", "Contact : voir signature", signer},
		{"see signature dutch", "Contactpersoon: zie handtekening hieronder", signer},
		{"see signature german", "Ansprechpartner: siehe Signatur", signer},
		{"see signature english", "Contact person: see signature below", signer},
		{"the sender french", "Personne de contact : l'expéditeur de ce mail", signer},
		// A role named before the person.
		{"role first english", "Contact: Quality Manager, Jan Peeters, jan.peeters@lab.be",
			Contact{Name: "Jan Peeters", Email: "jan.peeters@lab.be"}},
		{"role first french", "Personne de contact : responsable qualité, Mme Anne Dubois (anne.dubois@lab.be)",
			Contact{Name: "Anne Dubois", Email: "anne.dubois@lab.be"}},
		{"role first with copula english", "Contact person for this matter is our IT manager, Mr. John Smith (john.smith@lab.be).",
			Contact{Name: "John Smith", Email: "john.smith@lab.be"}},
		{"role after the name dutch", "Contactpersoon voor dit incident: dhr. Bart De Smet (IT), bart.desmet@az.be",
			Contact{Name: "Bart De Smet", Email: "bart.desmet@az.be"}},
		{"german degrees", "Ansprechpartnerin: Dr. rer. nat. Claudia Heinen, c.heinen@lw.be",
			Contact{Name: "Claudia Heinen", Email: "c.heinen@lw.be"}},
		{"german diploma", "Ansprechpartner: Dipl.-Ing. Jonas Krings, j.krings@lw.be",
			Contact{Name: "Jonas Krings", Email: "j.krings@lw.be"}},
		// The details on the lines of the contact's block.
		{"block dutch", "Contactpersoon: Jan Peeters\nKwaliteitsverantwoordelijke\nTel: 03 123 45 67\nE-mail: jan.peeters@lab.be",
			Contact{Name: "Jan Peeters", Email: "jan.peeters@lab.be", Phone: "03 123 45 67"}},
		{"block french", "Personne de contact :\nJulien Marchal\nResponsable IT\njulien.marchal@lab.be\n081 72 40 15",
			Contact{Name: "Julien Marchal", Email: "julien.marchal@lab.be", Phone: "081 72 40 15"}},
		{"block ends at a blank line german", "Ansprechpartner: Jonas Krings\n\nMit freundlichen Grüßen\nHeike Brandt\nh.brandt@le.be",
			Contact{Name: "Jonas Krings"}},
		{"block ends at another name english", "Contact person: Jan Peeters\nRachel Owens\nrachel.owens@clinic.be",
			Contact{Name: "Jan Peeters"}},
		// Invitations to turn to someone.
		{"turn to french", "Pour toute information complémentaire, vous pouvez vous adresser à Mme Anne Dubois (anne.dubois@lab.be).",
			Contact{Name: "Anne Dubois", Email: "anne.dubois@lab.be"}},
		{"turn to german", "Für Rückfragen wenden Sie sich bitte an Herrn Jonas Krings (j.krings@lw.be).",
			Contact{Name: "Jonas Krings", Email: "j.krings@lw.be"}},
		{"turn to dutch", "Voor vragen kan u terecht bij An Jacobs (an.jacobs@bm.be).",
			Contact{Name: "An Jacobs", Email: "an.jacobs@bm.be"}},
		{"get in touch english", "Please get in touch with Rachel Owens (rachel.owens@clinic.be) for details.",
			Contact{Name: "Rachel Owens", Email: "rachel.owens@clinic.be"}},
		// A shorter form of a name the message gives with an address.
		{"surname only french", "Personne de contact : Mme Claeys", Contact{Name: "Claeys", Email: "sofie.claeys@az.be"}},
		{"initial and surname dutch", "Contactpersoon: S. Claeys, tel. 0475 12 34 56", Contact{Name: "S. Claeys", Email: "sofie.claeys@az.be", Phone: "0475 12 34 56"}},
		{"wrong initial german", "Ansprechpartner: K. Claeys", Contact{Name: "K. Claeys"}},
		{"unknown surname english", "Contact person: Dr. Smith", Contact{Name: "Smith"}},
		// Addresses written to escape harvesters.
		{"address with [at] french", "Personne de contact : Nadia Bensaïd, nadia.bensaid[at]lab.be",
			Contact{Name: "Nadia Bensaïd", Email: "nadia.bensaid@lab.be"}},
		{"address with (at) and (dot) dutch", "Contactpersoon: An Jacobs, an.jacobs (at) bm (dot) be",
			Contact{Name: "An Jacobs", Email: "an.jacobs@bm.be"}},
		{"address with [AT] german", "Ansprechpartnerin: Claudia Heinen, c.heinen [AT] lw.be",
			Contact{Name: "Claudia Heinen", Email: "c.heinen@lw.be"}},
		{"address with {at} english", "Contact person: Rachel Owens, rachel.owens{at}clinic.be",
			Contact{Name: "Rachel Owens", Email: "rachel.owens@clinic.be"}},
		// The cheap tests in front of the (?i) contact regexps fold case as
		// the regexps do: a cue in capitals reads like one in lower case.
		// see my signature (seeSignerRe)
		{"fr see signature", "Personne de contact : VOIR SIGNATURE CI-DESSOUS", signer},
		{"nl see signature", "Contactpersoon: ZIE HANDTEKENING", signer},
		{"de see signature", "Ansprechpartner: SIEHE SIGNATUR", signer},
		{"en see signature", "Contact person: SEE SIGNATURE", signer},
		// reach me at (reachRe)
		{"fr reach me", "Appelez-moi au +32 2 709 33 10 si besoin.", signerPhone("+32 2 709 33 10")},
		{"nl reach me", "Bellen mag: mij BEREIKEN kan op +32 2 709 33 10.", signerPhone("+32 2 709 33 10")},
		{"de reach me", "Rufen Sie mich unter +32 2 709 33 10 an.", signerPhone("+32 2 709 33 10")},
		{"en reach me", "CALL ME ON +32 2 709 33 10.", signerPhone("+32 2 709 33 10")},
		// contact me (contactVerbRe)
		{"fr contact me", "N'hésitez pas à me CONTACTER au +32 2 709 33 10.", signerPhone("+32 2 709 33 10")},
		{"nl contact me", "Gelieve mij te CONTACTEREN op +32 2 709 33 10.", signerPhone("+32 2 709 33 10")},
		{"de contact me", "KONTAKTIEREN Sie mich unter +32 2 709 33 10.", signerPhone("+32 2 709 33 10")},
		{"en contact me", "You can Reach me at +32 2 709 33 10.", signerPhone("+32 2 709 33 10")},
		// turn to someone (turnToRe)
		{"fr turn to", "Vous pouvez vous ADRESSER à M. Dumont (o.dumont@biolab.be).", Contact{Name: "Olivier Dumont", Email: "o.dumont@biolab.be"}},
		{"nl turn to", "Voor vragen kan u Terecht bij An Jacobs (an.jacobs@bm.be).", Contact{Name: "An Jacobs", Email: "an.jacobs@bm.be"}},
		{"de turn to", "Für Rückfragen wenden sie sich bitte an Herrn Jonas Krings (j.krings@lw.be).", Contact{Name: "Jonas Krings", Email: "j.krings@lw.be"}},
		{"en turn to", "Please Get In Touch with Rachel Owens (rachel.owens@clinic.be).", Contact{Name: "Rachel Owens", Email: "rachel.owens@clinic.be"}},
		// addresses written to escape harvesters (atRe)
		{"fr at mixed case", "Personne de contact : Nadia Bensaïd, nadia.bensaid[At]lab.be", Contact{Name: "Nadia Bensaïd", Email: "nadia.bensaid@lab.be"}},
		{"nl at spaced", "Contactpersoon: An Jacobs, an.jacobs [ at ] bm.be", Contact{Name: "An Jacobs", Email: "an.jacobs@bm.be"}},
		{"de AT braces", "Ansprechpartnerin: Claudia Heinen, c.heinen{AT}lw.be", Contact{Name: "Claudia Heinen", Email: "c.heinen@lw.be"}},
		{"en At parens", "Contact person: Rachel Owens, rachel.owens (At) clinic.be", Contact{Name: "Rachel Owens", Email: "rachel.owens@clinic.be"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := findContact([]contactSource{{Lines: splitLines(tc.text), Signer: signer}}, people)
			if got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestSignerOf(t *testing.T) {
	for _, tc := range []struct {
		name, text, addr, display string
		want                      Contact
	}{
		{"outlook signature", "a) x\n\nBien cordialement,\n\nDr Valérie Lambotte\nBiologiste\nTél. : +32 71 48 23 10\nvalerie@chu.be\n\nAVERTISSEMENT : Ce message est confidentiel.",
			"valerie@chu.be", "Lambotte Valérie", Contact{Name: "Valérie Lambotte", Email: "valerie@chu.be", Phone: "+32 71 48 23 10"}},
		{"shared mailbox", "Bien à vous,\nJean-François Collignon\nLaboratoire d'analyses médicales Mosan\n+32 81 22 47 36",
			"labo.mosan@gmail.com", "Laboratoire Mosan", Contact{Name: "Jean-François Collignon", Email: "labo.mosan@gmail.com", Phone: "+32 81 22 47 36"}},
		{"german closing", "e) AB-1\nGruß\nHeike Brandt\nLabor Eifel\n+32 80 44 71 90\nVon meinem iPhone gesendet",
			"h.brandt@le.be", "Heike Brandt", Contact{Name: "Heike Brandt", Email: "h.brandt@le.be", Phone: "+32 80 44 71 90"}},
		{"no signature", "e) néant\nMartine Hubert", "m.hubert@lh.be", "Martine Hubert", Contact{Name: "Martine Hubert", Email: "m.hubert@lh.be"}},
		{"shared mailbox sent, signer's own address in the signature", "Bien à vous,\nSophie Marchal\nBiologiste clinique\ns.marchal@labm.be",
			"secretariat@labm.be", "Secrétariat Labo", Contact{Name: "Sophie Marchal", Email: "s.marchal@labm.be"}},
		{"personal sender keeps its address over a generic one", "Met vriendelijke groeten,\nPieter Claes\ninfo@labc.be",
			"pieter.claes@labc.be", "Pieter Claes", Contact{Name: "Pieter Claes", Email: "pieter.claes@labc.be"}},
		{"last, first display name", "Merci", "k.v@az.be", "Vandenberghe, Katrien", Contact{Name: "Katrien Vandenberghe", Email: "k.v@az.be"}},
		// A first name alone under the reply: the display name is fuller.
		{"first name only dutch", "E. Zie later\n\nPieter\n\nVerstuurd vanaf mijn iPhone", "pieter.claes@lc.be", "Pieter Claes",
			Contact{Name: "Pieter Claes", Email: "pieter.claes@lc.be"}},
		{"first name only french", "Bonne journée,\nMarc", "marc.lambert@bf.be", "Marc Lambert", Contact{Name: "Marc Lambert", Email: "marc.lambert@bf.be"}},
		{"initial kept", "Dr M. Lambert", "marc.lambert@bf.be", "Marc Lambert", Contact{Name: "M. Lambert", Email: "marc.lambert@bf.be"}},
		// Degrees after the name.
		{"post-nominals english", "Kind regards,\n\nDr. Hannah O'Neill, MD PhD\nMedical Director\n+32 2 555 81 40", "h.oneill@bd.be", "Hannah O'Neill",
			Contact{Name: "Hannah O'Neill", Email: "h.oneill@bd.be", Phone: "+32 2 555 81 40"}},
		// A shared mailbox with the person's address after the name (as
		// a mailto: link renders).
		{"name with address, shared mailbox german", "Mit freundlichen Grüßen\nHeike Brandt <h.brandt@le.be>\nLabor Eifel", "labor@le.be", "Labor Eifel",
			Contact{Name: "Heike Brandt", Email: "h.brandt@le.be"}},
		{"name with address, shared mailbox french", "Bien à vous,\nSophie Marchal (s.marchal@labm.be)\nBiologiste clinique", "secretariat@labm.be", "Secrétariat",
			Contact{Name: "Sophie Marchal", Email: "s.marchal@labm.be"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := signerOf(splitLines(tc.text), tc.addr, tc.display); got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestFindPhone(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// French / Belgian
		{"Tél. : 02 555 81 40", "02 555 81 40"},
		{"GSM 0475.12.34.56", "0475.12.34.56"},
		{"Tél : 081/22.47.36", "081/22.47.36"},
		{"+32 (0)87 74 20 15", "+32 (0)87 74 20 15"},
		{"le 05/02/2021 à 10h", ""},
		// Dutch
		{"Tel. 02-555-81-40", "02-555-81-40"},
		{"bereikbaar op 0032 2 555 81 40", "0032 2 555 81 40"},
		{"05-02-2021 of 0475 12 34 56", "0475 12 34 56"},
		// German
		{"Tel.: 0241/80-12345", "0241/80-12345"},
		{"Telefon +49 (0) 241 80-12345", "+49 (0) 241 80-12345"},
		{"Datum: 05.02.2021", ""},
		// English
		{"T +32-475-12-34-56", "+32-475-12-34-56"},
		{"Phone: +32 2 555 81 40 (ext. 12)", "+32 2 555 81 40"},
		{"Reference NC-2021-014", ""},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := findPhone(tc.in); got != tc.want {
				t.Errorf("findPhone(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// FuzzContact feeds any text to the contact readers: they must not panic,
// and what they return must be one line, an address with an "@".
func FuzzContact(f *testing.F) {
	f.Add("Personne de contact : Mme Anne Dubois (anne.dubois[at]lab.be), 02/555.81.40\nE-mail: x@y.be", "labo@lab.be", "Labo")
	f.Add("> y compris une personne de contact.\n\nJulien Marchal, julien.marchal@lab.be", "c.dethy@lab.be", "Claire Dethy")
	f.Add("Kind regards,\nDr. Hannah O'Neill, MD PhD\n+32-2-555-81-40", "h.oneill@bd.be", "O'Neill, Hannah")
	f.Add("Contact: 0", "A", "0") // issue 8: the e-mail "a"
	f.Fuzz(func(t *testing.T, text, addr, display string) {
		ls := splitLines(text)
		signer := signerOf(ls, addr, display)
		// The people map as peopleOf builds it from headers.
		people := map[string]string{}
		if a := mailAddress(strings.ToLower(addr)); a != "" {
			people[a] = display
		}
		for _, letter := range []bool{false, true} {
			c := findContact([]contactSource{{Lines: ls, Signer: signer, Letter: letter}}, people)
			if strings.ContainsAny(c.Name, "\n\r") || strings.ContainsAny(c.Phone, "\n\r") {
				t.Errorf("contact spans lines: %+v", c)
			}
			if c.Email != "" && mailAddress(c.Email) == "" {
				t.Errorf("address without @: %q", c.Email)
			}
		}
	})
}

// TestContactSenderWithoutAddress is issue 8's "Contact: 0" with
// "From: 0 <A>": the sender's "A" is no mail address, so the contact has
// no e-mail (it was "a").
func TestContactSenderWithoutAddress(t *testing.T) {
	for _, from := range []string{"0 <A>", "A", "Anne <anne@>", "Anne <@lab.be>"} {
		t.Run(from, func(t *testing.T) {
			raw := "From: " + from + "\r\nSubject: RE: Sciensano-AC-2021-04 - labo 12345\r\n\r\n" +
				"a) Phishing mail opened.\r\nb) LIS down for two days.\r\nc) Paper.\r\nContact: 0\r\n"
			res := Parse([]byte(raw), nil)
			if res.Kind != KindReport {
				t.Fatalf("kind %s", res.Kind)
			}
			if res.Contact.Email != "" {
				t.Errorf("contact e-mail %q from a sender without an address", res.Contact.Email)
			}
		})
	}
}
