package mailparse

import (
	"testing"
)

// TestWrappedAttribution: attributions wrapped over two or three lines,
// in another language or with no verb, are not the sender's own text.
func TestWrappedAttribution(t *testing.T) {
	own := "Merci, voici nos réponses."
	tests := []struct {
		name, body string
		want       string // own text, white space squashed
	}{
		{"fr three lines", own + "\n\nLe lun. 3 mars 2025 à 10:12, Jean Dupont\n<jean.dupont@labo.be>\na écrit :\n\n> Votre labo a-t-il été touché ?\n", own},
		{"nl address wrapped", own + "\n\nOp 12 december 2016 19:05 schreef Labo Noord <\nlabo@noord.be>:\n\n> Was uw labo getroffen?\n", own},
		{"de three lines", own + "\n\nAm 03.03.2025 um 10:12 schrieb\nMax Muster\n<max@labor.de>:\n> Wurde Ihr Labor angegriffen?\n", own},
		{"en three lines", own + "\n\nOn Dec 16, 2011, at 12:47 PM, Corey Donohoe\n<reply@reply.github.com>\nwrote:\n\n> Was this caching related?\n", own},
		{"gmail closing on the quote", own + "\n\ntir. 18. apr. 2017 kl. 13:09 skrev Test user <test@example.com\n>:\n\n> Ok. Thanks.\n", own},
		{"no verb, quote unmarked", own + "\n\n2017-11-24 16:32 GMT+01:00 Baptiste <b@mail.example.com>:\n\nTest\n", own},
		{"polish, quote unmarked", own + "\n\nW dniu 2017-01-09 11:59:39 użytkownik Company <q@company.com> napisał:\n\nEtiam non sagittis orci.\n", own},
		{"en no colon", own + "\n\nOn Wed, 14 Nov 2018 08:14:43 -0200 John Doe <john@doe.com> wrote\n\nWhen are you available?\n", own},
		{"zoho framed", own + "\n\n---- On Wed, 24 Feb 2021 14:02:50 +0530 john@gmail.com wrote ----\n\nJava sucks\n", own},
		{"fr framed", own + "\n\n---- Le mer. 24 févr. 2021 14:02, jean@labo.be a écrit ----\nQuestion\n", own},
		// Not attributions: no address, date or time; a long paragraph;
		// an address with no date in running text.
		{"plain lead-in kept", own + "\n\nVoici la question:\n> Votre labo a-t-il été touché ?\nOui.\n", own + "\nVoici la question:\nOui."},
		{"long paragraph kept", "Wij werden op 12 maart 2025 getroffen.\nDe systemen lagen plat.\nWe herstelden alles.\nMeer informatie op:\n> vraag\n", "Wij werden op 12 maart 2025 getroffen.\nDe systemen lagen plat.\nWe herstelden alles.\nMeer informatie op:"},
		{"address without date kept", own + "\n\nContact: Jan <jan@labo.be>:\n\nZie bijlage.\n", own + "\nContact: Jan <jan@labo.be>:\nZie bijlage."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ownText(segments(splitLines(tc.body))[0].Lines)
			if squashText(got) != squashText(tc.want) {
				t.Errorf("own text of\n%s\n= %q, want %q", tc.body, squashText(got), squashText(tc.want))
			}
		})
	}
}

// TestOtherHeaderVariants: separators of other languages' clients and the
// "Message du :" block of French webmails (with a short "====" rule above)
// end the own text.
func TestOtherHeaderVariants(t *testing.T) {
	own := "Nous avons été touchés le 3 mars 2025."
	for name, quoted := range map[string]string{
		"fr webmail block":  "====\n\nMessage du : 12/12/2016 13:20\nDe : \"Sciensano\" <cyber@example.be>\nA : labo@example.fr\nSujet : Enquête cyber",
		"danish separator":  "-------- Oprindelig besked --------\nFra: A B C <abc@abc.org>\nTil: abc@abc.dk\n\nSpørgsmål",
		"italian separator": "-----Messaggio originale-----\nDa: Sciensano\n\nDomanda",
		"spanish separator": "-----Mensaje original-----\nDe: Sciensano\n\nPregunta",
	} {
		t.Run(name, func(t *testing.T) {
			got := ownText(segments(splitLines(own + "\n\n" + quoted + "\n"))[0].Lines)
			if squashText(got) != own {
				t.Errorf("own text = %q, want %q", squashText(got), own)
			}
		})
	}
}
