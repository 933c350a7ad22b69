package mailparse

import "testing"

func TestContactLineLabels(t *testing.T) {
	for _, tc := range []struct {
		line          string
		label, person bool
	}{
		// French
		{"Personne de contact : Mme Nadia Bensaïd", true, true},
		{"Personnes de contact: A. Dupont et B. Martin", true, true},
		{"Personne à contacter : moi-même", true, true},
		{"Interlocuteur privilégié : M. Dumont", true, true},
		{"Contact : Isabelle Dethier", true, false},
		{"Coordonnées : 081 72 40 15", true, false},
		{"Contact avec le fournisseur établi le jour même.", false, false},
		{"Contacter le CCB était notre première action.", false, false},
		// Dutch
		{"Contactpersoon: ondergetekende", true, true},
		{"Contactpersoon voor verdere vragen: Els Peeters", true, true},
		{"Contact persoon: Pieter Claes", true, true},
		{"Aanspreekpunt: An Jacobs", true, true},
		{"Contactgegevens: an.jacobs@bm.be", true, false},
		{"Contact opgenomen met de leverancier.", false, false},
		// German
		{"Ansprechpartnerin ist die Unterzeichnende.", true, true},
		{"Ansprechpartner: Herr Jonas Krings", true, true},
		{"Kontaktperson: Dr. Klaus Wertz", true, true},
		{"Kontakt: Heike Brandt", true, false},
		{"Kontaktdaten: +32 80 44 71 90", true, false},
		{"Kontakt mit dem Hersteller: Patch eingespielt.", false, false},
		// English
		{"Contact person: Rachel Owens", true, true},
		{"**Point of contact:** the Quality Manager", true, true},
		{"Contact details: rachel.owens@clinic.be", true, false},
		{"Contact | Isabelle Dethier", true, false},
		{"Contact", true, false},
		{"Contacted the vendor at once.", false, false},
		{"Contacts with the police were made.", false, false},
	} {
		t.Run(tc.line, func(t *testing.T) {
			if got := isContactLine(tc.line); got != tc.label {
				t.Errorf("isContactLine = %v, want %v", got, tc.label)
			}
			if got := opensContactLine(tc.line); got != tc.person {
				t.Errorf("opensContactLine = %v, want %v", got, tc.person)
			}
		})
	}
}

func TestCleanPersonName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// French
		{"Pr Jean-Marc Delvaux", "Jean-Marc Delvaux"},
		{"Mme Nadia Bensaïd", "Nadia Bensaïd"},
		{"M. Olivier Dumont", "Olivier Dumont"},
		{"Dr M. Lambert", "M. Lambert"},
		{"le Dr Dumont", "Dumont"},
		{"Docteur Valérie Lambotte", "Valérie Lambotte"},
		// Dutch
		{"apr. An Jacobs", "An Jacobs"},
		{"Mevr. dr. Ilse Van Damme", "Ilse Van Damme"},
		{"de heer Pieter Claes", "Pieter Claes"},
		{"Dhr. ir. Bart De Smet", "Bart De Smet"},
		// German
		{"Prof. Dr. med. Klaus Wertz", "Klaus Wertz"},
		{"Frau Dr. Claudia Heinen", "Claudia Heinen"},
		{"Herr Jonas Krings", "Jonas Krings"},
		// English
		{"Dr. Hannah O'Neill, MD PhD", "Hannah O'Neill"},
		{"Rachel Owens MSc", "Rachel Owens"},
		{"Mr John Ma", "John Ma"},
		{"Ms. Sarah Pratt", "Sarah Pratt"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := cleanPersonName(tc.in); got != tc.want {
				t.Errorf("cleanPersonName(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestNameFromSentence(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"vous pouvez contacter directement M. Dumont (o.dumont@biolab.be)", "Dumont"},
		{"neem contact op met Mevr. Els Peeters", "Els Peeters"},
		{"wenden Sie sich an Frau Heinen", "Heinen"},
		{"please contact Dr Rachel Owens", "Rachel Owens"},
		{"please fill in the Forms Online", ""},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := nameFromSentence(tc.in); got != tc.want {
				t.Errorf("nameFromSentence(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
