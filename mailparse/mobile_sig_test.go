package mailparse

import "testing"

// TestMobileSignature: the line a phone or mail app adds below the reply
// ends the own text, in the four languages of the mailbox.
func TestMobileSignature(t *testing.T) {
	own := "Oui, le 3 mars 2025."
	tests := []struct{ name, sig string }{
		{"fr iphone", "Envoyé de mon iPhone"},
		{"fr outlook ios", "Envoyé à partir de Outlook pour iOS<https://aka.ms/o0ukef>"},
		{"nl verzonden", "Verzonden vanaf mijn iPhone"},
		{"nl verstuurd", "Verstuurd vanaf mijn Samsung Galaxy-smartphone"},
		{"de iphone", "Von meinem iPhone gesendet"},
		{"de outlook", "Gesendet mit meinem Outlook für Android"},
		{"en iphone", "Sent from my iPhone"},
		{"en app link", "Sent from TypeApp<http://www.typeapp.com/r?b=2621>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ownText(splitLines(own + "\n\n" + tc.sig + "\n"))
			if squashText(got) != own {
				t.Errorf("own text = %q, want %q", squashText(got), own)
			}
		})
	}
	// Prose that only starts like a mobile signature stays.
	for _, prose := range []string{
		own + "\nSent from the lab to the ministry on Monday.\n",
		own + "\n\nSent from my desk, is much easier then my mobile phone.\n",
		own + "\n\nEnvoyé de mon bureau, car le réseau était coupé.\n",
	} {
		if got := ownText(splitLines(prose)); squashText(got) != squashText(prose) {
			t.Errorf("own text = %q, want the prose kept", squashText(got))
		}
	}
}
